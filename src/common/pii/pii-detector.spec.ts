import { randomUUID } from 'node:crypto';
import { seededRandom } from '../seeded-random.js';
import { idNumberCheckChar } from './id-number.js';
import { containsPii, PII_PATTERNS, redactPii } from './masking.js';

/** 420302198507151232 is a well-formed ID number (Hubei, born 1985-07-15, check character 2). */
const ID = '420302198507151232';
const ID_MASKED = '420***********1232';
const MOBILE_MASKED = '138****1234';

describe('redactPii: the forms of issue 10, finding 4', () => {
  it.each([
    ['反映 420302198507151232 的问题 电话13872651234', `反映 ${ID_MASKED} 的问题 电话${MOBILE_MASKED}`],
    ['ID420302198507151232', `ID${ID_MASKED}`],
    ['id:420302198507151232；', `id:${ID_MASKED}；`],
    ['/cases/a420302198507151232', `/cases/a${ID_MASKED}`],
    ['a420302198507151232', `a${ID_MASKED}`],
    ['420302198507151232abc', `${ID_MASKED}abc`],
    ['420302 19850715 1232', ID_MASKED],
    ['420302-19850715-1232', ID_MASKED],
    ['11010519491231002x', '110***********002X'],
    // Standing on its own, an ID number with a wrong check character (a typo) is still hidden.
    ['身份证 420302198507151233，', `身份证 420***********1233，`],
    ['phone13872651234', `phone${MOBILE_MASKED}`],
    ['tel:13872651234,', `tel:${MOBILE_MASKED},`],
    ['cafe13872651234', `cafe${MOBILE_MASKED}`],
    ['13872651234abc', `${MOBILE_MASKED}abc`],
    ['+86 138 7265 1234', MOBILE_MASKED],
    ['+86-138-7265-1234', MOBILE_MASKED],
    ['+8613872651234', MOBILE_MASKED],
    ['0086-138-7265-1234', MOBILE_MASKED],
    ['0086 13872651234', MOBILE_MASKED],
    ['8613872651234', MOBILE_MASKED],
    ['(+86)138-7265-1234', MOBILE_MASKED],
    ['138 7265 1234', MOBILE_MASKED],
    ['138-7265-1234', MOBILE_MASKED],
    // Typed with a Chinese input method: full-width digits, plus and dashes.
    ['电话１３８７２６５１２３４', `电话${MOBILE_MASKED}`],
    ['＋８６ １３８－７２６５－１２３４', MOBILE_MASKED],
    ['身份证４２０３０２１９８５０７１５１２３２', `身份证${ID_MASKED}`],
    ['138–7265–1234', MOBILE_MASKED], // en dashes
  ])('%p → %p', (text, redacted) => {
    expect(redactPii(text)).toBe(redacted);
    expect(containsPii(text)).toBe(true);
    expect(containsPii(redacted)).toBe(false);
  });

  it('tells the two kinds apart', () => {
    expect([PII_PATTERNS.idNumber.test('ID420302198507151232'), PII_PATTERNS.mobile.test('ID420302198507151232')]).toEqual([true, false]);
    expect([PII_PATTERNS.idNumber.test('phone13872651234'), PII_PATTERNS.mobile.test('phone13872651234')]).toEqual([false, true]);
  });

  it('redacts several in one text and keeps everything else as it was', () => {
    const text = `第一次：${ID}，第二次 ID${ID}/13872651234、+86 139 1234 5678。XF-2026-000123`;
    expect(redactPii(text)).toBe(`第一次：${ID_MASKED}，第二次 ID${ID_MASKED}/${MOBILE_MASKED}、139****5678。XF-2026-000123`);
  });
});

describe('containsPii: what is not personal data', () => {
  it.each([
    // Case ids and correlation ids (UUIDs): hex groups shaped like dashed mobiles, or holding 11 digits after a letter.
    'b31ce186-8427-4495-b8e2-f176b02ba2f2',
    'GET /cases/0c1a2b3c-4d5e-4f60-8a9b-a13812345678 200',
    'meeting-b31ce186-8427-4495-b8e2-f176b02ba2f2@xinfang.renda',
    'B31CE186-8427-4495-B8E2-F176B02BA2F2',
    // Timestamps, case codes, masked values.
    '2026-11-26T02:00:00.000Z 1764122400000',
    '20261126T020000Z',
    'XF-2026-000123',
    `${ID_MASKED} ${MOBILE_MASKED} 110***********002X`,
    // Long digit runs: inside a longer run, or an ID-shaped run whose check character is wrong.
    `1${ID}`,
    `${ID}5`,
    'order 138123456789012',
    '138726512345',
    '913872651234',
    'id 12345678901234567890',
    'a420302198507151233',
    `ID${ID.slice(0, 17)}X`,
    // ID-shaped runs with an unknown province code or an impossible birth date, even standing alone.
    '990302198507151232',
    '420302198513151232',
    // Second digit of a mobile must be 3-9; 10 digits are not a mobile.
    '12872651234',
    '1387265123',
  ])('%p', (text) => {
    expect(containsPii(text)).toBe(false);
    expect(redactPii(text)).toBe(text);
  });

  it('never flags a random UUID, alone or inside a path, a log line or a UID', () => {
    for (let i = 0; i < 5000; i++) {
      const id = randomUUID();
      const texts = [id, `/cases/${id}/timeline`, `{"correlationId":"${id}"}`, `meeting-${id}@xinfang.renda`, id.toUpperCase()];
      const flagged = texts.filter((t) => containsPii(t));
      expect({ id, flagged }).toEqual({ id, flagged: [] });
    }
  });

  it('confirms ID numbers next to a letter by their check character: random 18-digit runs almost never pass', () => {
    const random = seededRandom(20261204);
    const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
    let flagged = 0;
    for (let i = 0; i < 20_000; i++) if (PII_PATTERNS.idNumber.test(`no${digits(18)}`)) flagged++;
    // Province, birth date and check character together pass about 1 in 40,000 random runs.
    expect(flagged).toBeLessThanOrEqual(5);
  });

  it('finds every ID number with a real province and birth date once its check character is right', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 500; i++) {
      const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
      const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
      const first17 = `42030${Math.floor(random() * 10)}${1950 + Math.floor(random() * 70)}${month}${day}${String(Math.floor(random() * 1000)).padStart(3, '0')}`;
      const id = first17 + idNumberCheckChar(first17);
      expect({ id, found: PII_PATTERNS.idNumber.test(`x${id}y`) }).toEqual({ id, found: true });
    }
  });
});

describe('machine tokens are not phone numbers', () => {
  it.each([
    '--_NmP-8b2f13812345678a9c-Part_1',
    'Message-ID: <0a13812345678ff9@renda.example.cn>',
    'sha256=4f9e13812345678e0c1d2a',
    'boundary="ab13872651234cd"',
  ])('finds no mobile in %j', (text) => {
    expect(containsPii(text)).toBe(false);
  });

  it('still finds a number typed after letters, hex letters included', () => {
    expect(redactPii('phone13872651234')).toBe('phone138****1234');
    expect(redactPii('abc13872651234')).toBe('abc138****1234');
  });

  it('finds none in 20,000 random MIME boundaries and message ids (the flaky mail scan)', () => {
    const random = seededRandom(20261204);
    const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
    const hits: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const text = `--_NmP-${hex(16)}-Part_1 <${hex(24)}@x>`;
      if (containsPii(text)) hits.push(text);
    }
    expect(hits).toEqual([]);
  });
});
