import { createHash, createHmac, randomBytes } from 'node:crypto';
import { PiiCipher, normalizeIdNumber, normalizePhone } from './pii-cipher.js';

const KEY_HEX = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const key = Buffer.from(KEY_HEX, 'hex');
const ID = '11010519491231002X';

/** Flip one bit of the decoded token body at `index` and re-encode. */
function tamper(token: string, index: number): string {
  const raw = Buffer.from(token.slice(3), 'base64');
  raw[index] ^= 0x01;
  return `v1:${raw.toString('base64')}`;
}

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

describe('PiiCipher', () => {
  const cipher = new PiiCipher(key);

  it('round-trips ID numbers, phones and Chinese text', () => {
    for (const plain of [ID, '13812345678', '湖北省十堰市茅箭区北京中路 1 号', '']) {
      expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
    }
  });

  it('writes v1:<base64(iv 12 | tag 16 | ciphertext)> with a fresh IV each time', () => {
    const a = cipher.encrypt(ID);
    const b = cipher.encrypt(ID);
    expect(a).toMatch(/^v1:[A-Za-z0-9+/]+={0,2}$/);
    expect(a).not.toBe(b);
    expect(Buffer.from(a.slice(3), 'base64')).toHaveLength(12 + 16 + Buffer.byteLength(ID));
    expect(a).not.toContain(ID);
  });

  it.each([
    ['IV', 0],
    ['tag', 12],
    ['ciphertext', 28],
  ])('detects a tampered %s without leaking the token or plaintext', (_part, index) => {
    const token = cipher.encrypt(ID);
    const bad = tamper(token, index);
    const err = errorOf(() => cipher.decrypt(bad));
    expect(err.message).toMatch(/tampered/);
    expect(err.message).not.toContain(ID);
    expect(err.message).not.toContain(bad.slice(3, 20));
  });

  it('rejects a token from another key, a truncated token and an unknown version', () => {
    const other = new PiiCipher(randomBytes(32));
    const token = cipher.encrypt(ID);
    expect(() => other.decrypt(token)).toThrow(/tampered or encrypted with another key/);
    expect(() => cipher.decrypt('v1:' + Buffer.alloc(20).toString('base64'))).toThrow(/too short/);
    expect(() => cipher.decrypt('v2:' + token.slice(3))).toThrow(/unknown format or version/);
    expect(() => cipher.decrypt('v1:not base64!')).toThrow(/not valid base64/);
  });

  describe('lookupHash', () => {
    it('is a stable 64-char hex HMAC across instances with the same key', () => {
      const h = cipher.lookupHash('id', ID);
      expect(h).toMatch(/^[0-9a-f]{64}$/);
      expect(new PiiCipher(Buffer.from(KEY_HEX, 'hex')).lookupHash('id', ID)).toBe(h);
    });

    it('differs across keys and across kinds', () => {
      const other = new PiiCipher(Buffer.alloc(32, 7));
      expect(other.lookupHash('id', ID)).not.toBe(cipher.lookupHash('id', ID));
      expect(cipher.lookupHash('phone', '13812345678')).not.toBe(cipher.lookupHash('id', '13812345678'));
    });

    it('hashes the normalized value', () => {
      expect(cipher.lookupHash('id', ' 11010519491231002x ')).toBe(cipher.lookupHash('id', ID));
      const phone = cipher.lookupHash('phone', '13812345678');
      expect(cipher.lookupHash('phone', '+86 138-1234-5678')).toBe(phone);
      expect(cipher.lookupHash('phone', '0086 13812345678')).toBe(phone);
      expect(cipher.lookupHash('phone', '13812345679')).not.toBe(phone);
    });

    it('uses a derived sub-key, not the master key or a bare digest', () => {
      const h = cipher.lookupHash('phone', '13812345678');
      expect(h).not.toBe(createHmac('sha256', key).update('phone\u000013812345678').digest('hex'));
      expect(h).not.toBe(createHmac('sha256', key).update('13812345678').digest('hex'));
      expect(h).not.toBe(createHash('sha256').update('13812345678').digest('hex'));
    });
  });

  describe('parseKey', () => {
    it('accepts 64 hex characters and base64 of 32 bytes', () => {
      expect(PiiCipher.parseKey(KEY_HEX).equals(key)).toBe(true);
      expect(PiiCipher.parseKey(` ${KEY_HEX.toUpperCase()}\n`).equals(key)).toBe(true);
      expect(PiiCipher.parseKey(key.toString('base64')).equals(key)).toBe(true);
    });

    it.each([
      ['short hex', KEY_HEX.slice(2)],
      ['base64 of 16 bytes', Buffer.alloc(16, 1).toString('base64')],
      ['garbage', 'correct horse battery staple'],
      ['empty', ''],
    ])('rejects %s with a clear message that does not echo it', (_name, text) => {
      const err = errorOf(() => PiiCipher.parseKey(text));
      expect(err.message).toBe('PII master key must be 64 hexadecimal characters or the base64 encoding of 32 bytes');
    });
  });

  it('rejects a master key that is not 32 bytes', () => {
    expect(() => new PiiCipher(Buffer.alloc(16))).toThrow(/exactly 32 bytes/);
  });
});

describe('normalizers', () => {
  it('normalizeIdNumber trims and uppercases the check character', () => {
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe(ID);
  });

  it.each([
    ['13812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+86-13812345678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['027-88881234', '02788881234'],
    ['+86 27 8888 1234', '02788881234'],
    ['400-123-4567', '4001234567'],
  ])('normalizePhone(%p) = %p', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });
});
