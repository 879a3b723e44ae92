import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { parseMasterKey, parseMasterKeyList } from '../../domain/secret-keys.js';

/**
 * Field-level protection of petitioners' ID numbers and phones (PIPL sensitive data).
 *
 * - `encrypt`/`decrypt`: AES-256-GCM with a random 12-byte IV. Tokens name the key that wrote them:
 *   `v2:<keyId>:<base64(iv | tag | ciphertext)>`, with `v2:<keyId>` as authenticated data, so several
 *   keys can be configured at once (`PII_KEY` encrypts, `PII_KEY_PREVIOUS` only decrypt) and a key can
 *   be rotated while the service runs (`npm run rotate-pii-key`). Tokens written before key ids existed,
 *   `v1:<base64(…)>` (AAD `v1`), are "legacy": each configured key is tried; GCM authenticates, so only
 *   the right one succeeds.
 * - `lookupHash`: a keyed, deterministic HMAC-SHA256 of the normalized value, used to find
 *   "the same petitioner" (same ID number or phone) without decrypting anything. It is always keyed by
 *   the current key: the rotation recomputes each row's lookup hashes in the same UPDATE that
 *   re-encrypts it, so a row's hashes are under the key its tokens name (docs/backup.md).
 *
 * Encryption and hashing use separate sub-keys derived from each master key with HKDF-SHA256,
 * so a leaked hash key never decrypts and a token never helps brute-force a hash.
 * The key id is the first 8 hex characters of a domain-separated SHA-256 of the master key: it
 * identifies a key without revealing anything usable about it.
 * Error messages never carry a plaintext, a token or a key.
 */

const LEGACY_VERSION = 'v1';
const VERSION = 'v2';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const HKDF_SALT = Buffer.from('petition-office/pii', 'utf8');
const ENC_INFO = 'pii/v1/aes-256-gcm';
const HASH_INFO = 'pii/v1/hmac-sha256-lookup';
const FILE_INFO = 'pii/v1/aes-256-gcm-files';
/** Sealed files (attachments): `XFE1 | keyId (8 ASCII) | iv | tag | ciphertext`. */
const FILE_MAGIC = Buffer.from('XFE1', 'ascii');
const FILE_HEADER_BYTES = FILE_MAGIC.length + 8;
const KEY_ID_DOMAIN = 'petition-office/pii/key-id\u0000';
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The key id of tokens written before key ids existed (`v1:`). */
export const LEGACY_KEY_ID = 'legacy';

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

interface RingKey {
  id: string;
  encKey: Buffer;
  hashKey: Buffer;
  fileKey: Buffer;
}

function ringKey(master: Buffer): RingKey {
  if (!Buffer.isBuffer(master) || master.length !== KEY_BYTES) {
    throw new Error(`PII master key must be exactly ${KEY_BYTES} bytes`);
  }
  return { id: PiiCipher.keyIdOf(master), encKey: deriveKey(master, ENC_INFO), hashKey: deriveKey(master, HASH_INFO), fileKey: deriveKey(master, FILE_INFO) };
}

export class PiiCipher {
  private readonly current: RingKey;
  /** Every configured key by id, the current one first. */
  private readonly ring = new Map<string, RingKey>();

  /** `masterKey` encrypts and hashes; `previousKeys` only decrypt (during and until the end of a rotation). */
  constructor(masterKey: Buffer, previousKeys: readonly Buffer[] = []) {
    this.current = ringKey(masterKey);
    this.ring.set(this.current.id, this.current);
    for (const key of previousKeys) {
      const k = ringKey(key);
      if (!this.ring.has(k.id)) this.ring.set(k.id, k);
    }
  }

  /** The id tokens written with this master key carry (8 hex characters). */
  static keyIdOf(masterKey: Buffer): string {
    return createHash('sha256').update(KEY_ID_DOMAIN, 'utf8').update(masterKey).digest('hex').slice(0, 8);
  }

  /** Parse a master key given as 64 hex characters or as base64 of 32 bytes. */
  static parseKey(text: string): Buffer {
    return parseMasterKey(text);
  }

  /** Parse a list of master keys separated by commas, spaces or new lines (blank lines and `#` comments ignored). */
  static parseKeyList(text: string): Buffer[] {
    return parseMasterKeyList(text);
  }

  /** Id of the key new tokens are written with. */
  get keyId(): string {
    return this.current.id;
  }

  /** Ids of every key that can decrypt, the current one first. */
  get keyIds(): string[] {
    return [...this.ring.keys()];
  }

  /** Every token written by the current key starts with this (for `LIKE '<prefix>%'` in the rotation). */
  get currentPrefix(): string {
    return `${VERSION}:${this.current.id}:`;
  }

  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const aad = `${VERSION}:${this.current.id}`;
    const cipher = createCipheriv('aes-256-gcm', this.current.encKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `${aad}:${Buffer.concat([iv, tag, ciphertext]).toString('base64')}`;
  }

  /** The key id a token names (`legacy` for a `v1:` token); throws on an unknown format. */
  static keyIdOfToken(token: string): string {
    if (token.startsWith(`${LEGACY_VERSION}:`)) return LEGACY_KEY_ID;
    const match = /^v2:([0-9a-f]{8}):/.exec(token);
    if (!match) throw new Error('PII token has an unknown format or version');
    return match[1];
  }

  /** True when the token was written by the current key (nothing to rotate). */
  isCurrent(token: string): boolean {
    return token.startsWith(this.currentPrefix);
  }

  /**
   * Decrypt a token written by any configured key; throws a plain Error (without the token) if it is
   * malformed, tampered, or from a key that is not configured.
   */
  decrypt(token: string): string {
    if (token.startsWith(`${LEGACY_VERSION}:`)) {
      const raw = this.body(token.slice(LEGACY_VERSION.length + 1));
      for (const key of this.ring.values()) {
        const plain = open(key.encKey, LEGACY_VERSION, raw);
        if (plain !== null) return plain;
      }
      throw new Error('PII token failed authentication (tampered or encrypted with another key)');
    }
    const keyId = PiiCipher.keyIdOfToken(token);
    const aad = `${VERSION}:${keyId}`;
    const raw = this.body(token.slice(aad.length + 1));
    const key = this.ring.get(keyId);
    if (!key) throw new Error(`PII token was encrypted with key ${keyId}, which is not configured (PII_KEY / PII_KEY_PREVIOUS)`);
    const plain = open(key.encKey, aad, raw);
    if (plain === null) throw new Error('PII token failed authentication (tampered or encrypted with another key)');
    return plain;
  }

  /**
   * Seals a file's bytes (attachments) under the current key with its own HKDF sub-key: `XFE1 | keyId | iv |
   * tag | ciphertext`; the header and `context` (e.g. the attachment's id) are authenticated, so a file
   * moved to another record does not open.
   */
  sealBytes(plain: Buffer, context: string): Buffer {
    const header = Buffer.concat([FILE_MAGIC, Buffer.from(this.current.id, 'ascii')]);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.fileKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.concat([header, Buffer.from(context, 'utf8')]));
    const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([header, iv, cipher.getAuthTag(), ciphertext]);
  }

  /** The key id a sealed file names; throws when the bytes are not a sealed file. */
  static keyIdOfSealed(sealed: Buffer): string {
    if (sealed.length < FILE_HEADER_BYTES + IV_BYTES + TAG_BYTES || !sealed.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC)) {
      throw new Error('not a sealed file (unknown format or too short)');
    }
    return sealed.subarray(FILE_MAGIC.length, FILE_HEADER_BYTES).toString('ascii');
  }

  /** Opens a file sealed by any configured key; throws a plain Error (without content) otherwise. */
  openBytes(sealed: Buffer, context: string): Buffer {
    const keyId = PiiCipher.keyIdOfSealed(sealed);
    const key = this.ring.get(keyId);
    if (!key) throw new Error(`sealed file was encrypted with key ${keyId}, which is not configured (PII_KEY / PII_KEY_PREVIOUS)`);
    const iv = sealed.subarray(FILE_HEADER_BYTES, FILE_HEADER_BYTES + IV_BYTES);
    const tag = sealed.subarray(FILE_HEADER_BYTES + IV_BYTES, FILE_HEADER_BYTES + IV_BYTES + TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.fileKey, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.concat([sealed.subarray(0, FILE_HEADER_BYTES), Buffer.from(context, 'utf8')]));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed.subarray(FILE_HEADER_BYTES + IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw new Error('sealed file failed authentication (tampered, moved, or encrypted with another key)');
    }
  }

  /** Hex HMAC-SHA256 of the normalized value under the current key; the kind is part of the input, so an ID and a phone never collide. */
  lookupHash(kind: LookupKind, value: string): string {
    return hmacLookup(this.current.hashKey, kind, value);
  }

  /**
   * The same value's lookup hashes under the previous keys (PII_KEY_PREVIOUS): during a rotation, rows not
   * yet rotated carry those, and a new case must still find the petitioner's earlier cases among them.
   */
  previousLookupHashes(kind: LookupKind, value: string): string[] {
    return [...this.ring.values()].filter((k) => k.id !== this.current.id).map((k) => hmacLookup(k.hashKey, kind, value));
  }

  private body(base64: string): Buffer {
    if (!BASE64.test(base64)) throw new Error('PII token is not valid base64');
    const raw = Buffer.from(base64, 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('PII token is too short');
    return raw;
  }
}

function hmacLookup(hashKey: Buffer, kind: LookupKind, value: string): string {
  const normalized = kind === 'id' ? normalizeIdNumber(value) : normalizePhone(value);
  return createHmac('sha256', hashKey).update(`${kind}\u0000${normalized}`, 'utf8').digest('hex');
}

/** AES-256-GCM open of `iv | tag | ciphertext`; null when authentication fails. */
function open(encKey: Buffer, aad: string, raw: Buffer): string | null {
  const iv = raw.subarray(0, IV_BYTES);
  const tag = raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const ciphertext = raw.subarray(IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', encKey, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
