import { createCipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { LEGACY_KEY_ID, PiiCipher, normalizeIdNumber, normalizePhone } from './pii-cipher.js';

const KEY_HEX = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const key = Buffer.from(KEY_HEX, 'hex');
const ID = '11010519491231002X';

/** Flip one bit of the decoded token body at `index` and re-encode. */
function tamper(token: string, index: number): string {
  const prefix = token.slice(0, token.lastIndexOf(':') + 1);
  const raw = Buffer.from(token.slice(prefix.length), 'base64');
  raw[index] ^= 0x01;
  return `${prefix}${raw.toString('base64')}`;
}

/** A token as written before key ids existed: `v1:<base64(iv | tag | ciphertext)>`, AAD `v1`. */
function legacyToken(master: Buffer, plain: string): string {
  const encKey = Buffer.from(hkdfSync('sha256', master, Buffer.from('petition-office/pii'), 'pii/v1/aes-256-gcm', 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encKey, iv, { authTagLength: 16 });
  cipher.setAAD(Buffer.from('v1'));
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
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

  it('writes v2:<keyId>:<base64(iv 12 | tag 16 | ciphertext)> with a fresh IV each time', () => {
    const a = cipher.encrypt(ID);
    const b = cipher.encrypt(ID);
    const keyId = createHash('sha256').update('petition-office/pii/key-id\u0000').update(key).digest('hex').slice(0, 8);
    expect(cipher.keyId).toBe(keyId);
    expect(a).toMatch(new RegExp(`^v2:${keyId}:[A-Za-z0-9+/]+={0,2}$`));
    expect(a.startsWith(cipher.currentPrefix)).toBe(true);
    expect(a).not.toBe(b);
    expect(Buffer.from(a.slice(12), 'base64')).toHaveLength(12 + 16 + Buffer.byteLength(ID));
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
    expect(err.message).not.toContain(bad.slice(12, 30));
  });

  it('authenticates the key id: a token relabelled with another configured key id is refused', () => {
    const other = randomBytes(32);
    const both = new PiiCipher(key, [other]);
    const token = both.encrypt(ID);
    const relabelled = `v2:${PiiCipher.keyIdOf(other)}:${token.slice(12)}`;
    expect(() => both.decrypt(relabelled)).toThrow(/tampered/);
  });

  it('rejects a token from another key, a truncated token and an unknown version', () => {
    const other = new PiiCipher(randomBytes(32));
    const token = cipher.encrypt(ID);
    expect(() => other.decrypt(token)).toThrow(/which is not configured/);
    expect(() => cipher.decrypt('v1:' + Buffer.alloc(20).toString('base64'))).toThrow(/too short/);
    expect(() => cipher.decrypt(`${cipher.currentPrefix}${Buffer.alloc(20).toString('base64')}`)).toThrow(/too short/);
    expect(() => cipher.decrypt('v3:' + token.slice(3))).toThrow(/unknown format or version/);
    expect(() => cipher.decrypt('v1:not base64!')).toThrow(/not valid base64/);
  });

  describe('key ring (rotation)', () => {
    const oldKey = Buffer.alloc(32, 3);
    const newKey = Buffer.alloc(32, 9);
    const old = new PiiCipher(oldKey);
    const rotating = new PiiCipher(newKey, [oldKey]);

    it('encrypts with the current key and decrypts tokens of every configured key', () => {
      const before = old.encrypt(ID);
      const after = rotating.encrypt(ID);
      expect(PiiCipher.keyIdOfToken(before)).toBe(PiiCipher.keyIdOf(oldKey));
      expect(PiiCipher.keyIdOfToken(after)).toBe(PiiCipher.keyIdOf(newKey));
      expect(rotating.decrypt(before)).toBe(ID);
      expect(rotating.decrypt(after)).toBe(ID);
      expect(rotating.isCurrent(after)).toBe(true);
      expect(rotating.isCurrent(before)).toBe(false);
      expect(rotating.keyIds).toEqual([PiiCipher.keyIdOf(newKey), PiiCipher.keyIdOf(oldKey)]);
    });

    it('names the missing key once the old one is retired', () => {
      const retired = new PiiCipher(newKey);
      expect(() => retired.decrypt(old.encrypt(ID))).toThrow(`encrypted with key ${PiiCipher.keyIdOf(oldKey)}, which is not configured`);
    });

    it('reads legacy v1 tokens (no key id) under whichever configured key wrote them', () => {
      const legacy = legacyToken(oldKey, ID);
      expect(PiiCipher.keyIdOfToken(legacy)).toBe(LEGACY_KEY_ID);
      expect(old.decrypt(legacy)).toBe(ID);
      expect(rotating.decrypt(legacy)).toBe(ID);
      expect(rotating.isCurrent(legacy)).toBe(false);
      expect(() => new PiiCipher(newKey).decrypt(legacy)).toThrow(/tampered or encrypted with another key/);
    });

    it('hashes under the current key only', () => {
      expect(rotating.lookupHash('id', ID)).toBe(new PiiCipher(newKey).lookupHash('id', ID));
      expect(rotating.lookupHash('id', ID)).not.toBe(old.lookupHash('id', ID));
    });

    it('gives the hashes under the previous keys for look-ups during a rotation (and none without one)', () => {
      expect(rotating.previousLookupHashes('id', ID)).toEqual([old.lookupHash('id', ID)]);
      expect(rotating.previousLookupHashes('phone', '+86 138-7265-1234')).toEqual([old.lookupHash('phone', '13872651234')]);
      expect(new PiiCipher(newKey).previousLookupHashes('id', ID)).toEqual([]);
    });

    it('parses a key list separated by commas, spaces or lines, with comments', () => {
      const list = PiiCipher.parseKeyList(`# retired 2026-12\n${oldKey.toString('hex')}, ${newKey.toString('base64')}\n\n`);
      expect(list.map((k) => k.toString('hex'))).toEqual([oldKey.toString('hex'), newKey.toString('hex')]);
      expect(PiiCipher.parseKeyList('  \n')).toEqual([]);
      expect(() => PiiCipher.parseKeyList('abc')).toThrow(/64 hexadecimal/);
    });
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
