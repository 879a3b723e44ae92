import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { PiiCipher } from './pii-cipher.js';

/** Files sealed with the personal-data key (attachments): format, authentication, rotation. */
describe('PiiCipher sealed files', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const content = Buffer.from('%PDF-1.4 身份证 110101199003074578 电话 13812345678', 'utf8');

  it('round-trips bytes and never contains the plain text', () => {
    const cipher = new PiiCipher(oldKey);
    const sealed = cipher.sealBytes(content, 'attachment-1');
    expect(sealed.subarray(0, 4).toString('ascii')).toBe('XFE1');
    expect(PiiCipher.keyIdOfSealed(sealed)).toBe(cipher.keyId);
    expect(sealed.includes(Buffer.from('110101199003074578'))).toBe(false);
    expect(cipher.openBytes(sealed, 'attachment-1').equals(content)).toBe(true);
  });

  it('refuses a file opened under another context (moved to another record) or tampered with', () => {
    const cipher = new PiiCipher(oldKey);
    const sealed = cipher.sealBytes(content, 'attachment-1');
    expect(() => cipher.openBytes(sealed, 'attachment-2')).toThrow('failed authentication');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => cipher.openBytes(tampered, 'attachment-1')).toThrow('failed authentication');
    expect(() => PiiCipher.keyIdOfSealed(Buffer.from('%PDF-1.4 plain'))).toThrow('not a sealed file');
  });

  it('opens files of a previous key and seals new ones under the current key', () => {
    const sealedOld = new PiiCipher(oldKey).sealBytes(content, 'a');
    const ring = new PiiCipher(newKey, [oldKey]);
    expect(ring.openBytes(sealedOld, 'a').equals(content)).toBe(true);
    const resealed = ring.sealBytes(content, 'a');
    expect(PiiCipher.keyIdOfSealed(resealed)).toBe(PiiCipher.keyIdOf(newKey));
    expect(() => new PiiCipher(newKey).openBytes(sealedOld, 'a')).toThrow('not configured');
  });
});
