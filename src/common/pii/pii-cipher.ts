import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Field-level protection of petitioners' ID numbers and phones (PIPL sensitive data).
 *
 * - `encrypt`/`decrypt`: AES-256-GCM with a random 12-byte IV; tokens are versioned
 *   `v1:<base64(iv | tag | ciphertext)>` so the scheme can be rotated later.
 * - `lookupHash`: a keyed, deterministic HMAC-SHA256 of the normalized value, used to find
 *   "the same petitioner" (same ID number or phone) without decrypting anything.
 *
 * Encryption and hashing use separate sub-keys derived from the master key with HKDF-SHA256,
 * so a leaked hash key never decrypts and a token never helps brute-force a hash.
 * Error messages never carry a plaintext, a token or a key.
 */

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const HKDF_SALT = Buffer.from('petition-office/pii', 'utf8');
const ENC_INFO = 'pii/v1/aes-256-gcm';
const HASH_INFO = 'pii/v1/hmac-sha256-lookup';
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export type LookupKind = 'id' | 'phone';

/** Trim and uppercase the check character `x` of a resident ID number. */
export function normalizeIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

/**
 * Digits only, without the country code: `+86 138-1234-5678` and `0086 13812345678`
 * become `13812345678`. A landline written internationally (`+86 27 8888 1234`) gets its
 * trunk `0` back (`02788881234`) so both spellings hash the same.
 */
export function normalizePhone(value: string): string {
  const trimmed = value.trim();
  let digits = trimmed.replace(/\D/g, '');
  let hadCountryCode = false;
  if (trimmed.startsWith('+86') || (trimmed.startsWith('0086') && digits.length > 11)) {
    digits = digits.slice(trimmed.startsWith('+86') ? 2 : 4);
    hadCountryCode = true;
  } else if (digits.length === 13 && /^861[3-9]/.test(digits)) {
    digits = digits.slice(2);
    hadCountryCode = true;
  }
  if (hadCountryCode && !/^(?:1|400|800|0)/.test(digits)) digits = '0' + digits;
  return digits;
}

function deriveKey(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, HKDF_SALT, info, KEY_BYTES));
}

export class PiiCipher {
  private readonly encKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(masterKey: Buffer) {
    if (!Buffer.isBuffer(masterKey) || masterKey.length !== KEY_BYTES) {
      throw new Error(`PII master key must be exactly ${KEY_BYTES} bytes`);
    }
    this.encKey = deriveKey(masterKey, ENC_INFO);
    this.hashKey = deriveKey(masterKey, HASH_INFO);
  }

  /** Parse a master key given as 64 hex characters or as base64 of 32 bytes. */
  static parseKey(text: string): Buffer {
    const trimmed = text.trim();
    if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
    if (trimmed.length > 0 && BASE64.test(trimmed)) {
      const bytes = Buffer.from(trimmed, 'base64');
      if (bytes.length === KEY_BYTES) return bytes;
    }
    throw new Error('PII master key must be 64 hexadecimal characters or the base64 encoding of 32 bytes');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(VERSION, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `${VERSION}:${Buffer.concat([iv, tag, ciphertext]).toString('base64')}`;
  }

  /** Decrypt a `v1:` token; throws a plain Error (without the token) if it is malformed, tampered or from another key. */
  decrypt(token: string): string {
    const prefix = `${VERSION}:`;
    if (!token.startsWith(prefix)) throw new Error('PII token has an unknown format or version');
    const body = token.slice(prefix.length);
    if (!BASE64.test(body)) throw new Error('PII token is not valid base64');
    const raw = Buffer.from(body, 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('PII token is too short');
    const iv = raw.subarray(0, IV_BYTES);
    const tag = raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
    const ciphertext = raw.subarray(IV_BYTES + TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.encKey, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(VERSION, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('PII token failed authentication (tampered or encrypted with another key)');
    }
  }

  /** Hex HMAC-SHA256 of the normalized value; the kind is part of the input, so an ID and a phone never collide. */
  lookupHash(kind: LookupKind, value: string): string {
    const normalized = kind === 'id' ? normalizeIdNumber(value) : normalizePhone(value);
    return createHmac('sha256', this.hashKey).update(`${kind}\u0000${normalized}`, 'utf8').digest('hex');
  }
}
