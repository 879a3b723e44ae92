import { idNumberCheckChar, isValidIdNumber } from './id-number.js';

const NOW = new Date('2026-11-26T02:00:00Z');

/**
 * Independent ISO 7064 MOD 11-2 for numbers built in this test: weight of position i
 * (0-based, 17 digits) is 2^(17 - i) mod 11; check value = (12 - sum mod 11) mod 11, 10 → X.
 */
function withCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (2 ** (17 - i) % 11) * Number(first17[i]);
  const value = (12 - (sum % 11)) % 11;
  return first17 + (value === 10 ? 'X' : String(value));
}

/** A different, wrong check character for the same 17 digits. */
function withWrongCheck(first17: string): string {
  const right = withCheck(first17).slice(-1);
  return first17 + (right === '0' ? '1' : '0');
}

describe('isValidIdNumber', () => {
  it('accepts the GB 11643-1999 published sample 11010519491231002X', () => {
    expect(isValidIdNumber('11010519491231002X', NOW)).toBe(true);
    expect(isValidIdNumber(' 11010519491231002x ', NOW)).toBe(true);
  });

  it.each(['420302198001011234'.slice(0, 17), '42030319920229001', '11010120000229123', '81000020261126001', '65010119000101999'])(
    'accepts synthetic %s + computed check char',
    (first17) => {
      expect(isValidIdNumber(withCheck(first17), NOW)).toBe(true);
    },
  );

  it('agrees with the independent checksum on every check value', () => {
    for (let seq = 0; seq < 30; seq++) {
      const first17 = `42030219850615${String(seq).padStart(3, '0')}`;
      expect(idNumberCheckChar(first17)).toBe(withCheck(first17).slice(-1));
    }
  });

  it('rejects a wrong check character', () => {
    expect(isValidIdNumber('110105194912310021', NOW)).toBe(false);
    expect(isValidIdNumber(withWrongCheck('42030219800101123'), NOW)).toBe(false);
  });

  it('rejects an unknown province code', () => {
    expect(isValidIdNumber(withCheck('99030219800101123'), NOW)).toBe(false);
    expect(isValidIdNumber(withCheck('10030219800101123'), NOW)).toBe(false);
    expect(isValidIdNumber(withCheck('83030219800101123'), NOW)).toBe(false);
  });

  it('rejects birth dates before 1900 (GB 11643 sample 440524188001010014), impossible or in the future', () => {
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
    expect(isValidIdNumber('440524188001010014', NOW)).toBe(false);
    expect(isValidIdNumber(withCheck('42030319890229001'), NOW)).toBe(false); // 1989 not a leap year
    expect(isValidIdNumber(withCheck('42030319801301001'), NOW)).toBe(false); // month 13
    expect(isValidIdNumber(withCheck('42030320261127001'), NOW)).toBe(false); // tomorrow in Shanghai
    expect(isValidIdNumber(withCheck('42030320261126001'), NOW)).toBe(true); // born today
  });

  it.each(['', '11010519491231002', '11010519491231002XX', '1101051949123100X2', '110105491231002', 'ABCDEFGHIJKLMNOPQR'])(
    'rejects malformed %p',
    (value) => {
      expect(isValidIdNumber(value, NOW)).toBe(false);
    },
  );
});
