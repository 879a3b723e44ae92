import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { BackupErrors } from '../backup-errors.js';

/**
 * The container of a backup archive (docs/backup.md):
 *
 *   magic "XFBAK01\n" | u32 header length | header (JSON) | chunk* (the last one marked final)
 *   chunk = u32 body length | body | tag (16 bytes)
 *
 * Encrypted archives: the key is scrypt(passphrase, random salt) from the header; each chunk is
 * AES-256-GCM with nonce = prefix (7 random bytes) | u32 index | final flag, and the SHA-256 of the
 * header, the index and the flag as authenticated data (the STREAM construction): changing, dropping,
 * reordering or cutting chunks, or editing the header, all fail. A verifier in the header tells a wrong
 * passphrase from a damaged archive. Unencrypted archives (data only, never keys) carry a SHA-256 checksum
 * per chunk instead: they detect corruption, not a deliberate forgery.
 */

export const MAGIC = Buffer.from('XFBAK01\n', 'latin1');
export const FORMAT_VERSION = 1;
export const CHUNK_SIZE = 1 << 20;
const TAG_BYTES = 16;
const MAX_HEADER = 64 * 1024;
/** scrypt cost: 2^15 × 8 × 128 B = 32 MiB and about 0.1 s here; written to the header, so it can grow later. */
const SCRYPT = { N: 1 << 15, r: 8, p: 1 };

export interface ArchiveHeader {
  format: 'xf-backup';
  version: number;
  createdAt: string;
  encrypted: boolean;
  compression: 'gzip';
  chunkSize: number;
  kdf?: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  noncePrefix?: string;
  verifier?: string;
}

function scryptKey(passphrase: string, salt: Buffer, kdf: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { ...kdf, maxmem: 256 * kdf.N * kdf.r + 16 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const subKey = (master: Buffer, info: string): Buffer => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));

/** Seals or opens the chunks of one archive. */
export class ChunkCipher {
  private constructor(
    readonly header: ArchiveHeader,
    /** The header exactly as stored: its digest is part of every chunk's authenticated data. */
    readonly headerBytes: Buffer,
    private readonly key: Buffer | null,
    private readonly noncePrefix: Buffer | null,
  ) {}

  private get headerDigest(): Buffer {
    return createHash('sha256').update(this.headerBytes).digest();
  }

  /** A new archive's header and chunk cipher; without a passphrase, checksummed only. */
  static async create(passphrase: string | null, createdAt: Date): Promise<ChunkCipher> {
    const base: ArchiveHeader = { format: 'xf-backup', version: FORMAT_VERSION, createdAt: createdAt.toISOString(), encrypted: passphrase !== null, compression: 'gzip', chunkSize: CHUNK_SIZE };
    if (passphrase === null) return new ChunkCipher(base, encodeHeader(base), null, null);
    const salt = randomBytes(16);
    const noncePrefix = randomBytes(7);
    const master = await scryptKey(passphrase, salt, SCRYPT);
    const header: ArchiveHeader = {
      ...base,
      kdf: { name: 'scrypt', ...SCRYPT, salt: salt.toString('base64') },
      noncePrefix: noncePrefix.toString('base64'),
      verifier: createHmac('sha256', subKey(master, 'xf-backup/verifier')).update('xf-backup').digest('base64'),
    };
    return new ChunkCipher(header, encodeHeader(header), subKey(master, 'xf-backup/data'), noncePrefix);
  }

  /** Opens an archive's header; checks the passphrase of an encrypted one. */
  static async open(headerBytes: Buffer, passphrase: string | null): Promise<ChunkCipher> {
    const header = parseHeader(headerBytes);
    if (!header.encrypted) return new ChunkCipher(header, headerBytes, null, null);
    if (passphrase === null) throw BackupErrors.passphraseRequired();
    const { kdf, noncePrefix, verifier } = header;
    if (!kdf || kdf.name !== 'scrypt' || !noncePrefix || !verifier || ![kdf.N, kdf.r, kdf.p].every((n) => Number.isInteger(n) && n > 0) || kdf.N > 1 << 20) {
      throw BackupErrors.tampered('header');
    }
    const master = await scryptKey(passphrase, Buffer.from(kdf.salt, 'base64'), kdf);
    const expected = createHmac('sha256', subKey(master, 'xf-backup/verifier')).update('xf-backup').digest();
    const given = Buffer.from(verifier, 'base64');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw BackupErrors.wrongPassphrase();
    return new ChunkCipher(header, headerBytes, subKey(master, 'xf-backup/data'), Buffer.from(noncePrefix, 'base64'));
  }

  private position(index: number, final: boolean): Buffer {
    const out = Buffer.alloc(5);
    out.writeUInt32BE(index, 0);
    out[4] = final ? 1 : 0;
    return out;
  }

  /** One stored chunk (length, body, tag) for plaintext `data`. */
  seal(data: Buffer, index: number, final: boolean): Buffer {
    const position = this.position(index, final);
    let body: Buffer;
    let tag: Buffer;
    if (this.key && this.noncePrefix) {
      const cipher = createCipheriv('aes-256-gcm', this.key, Buffer.concat([this.noncePrefix, position]), { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.concat([this.headerDigest, position]));
      body = Buffer.concat([cipher.update(data), cipher.final()]);
      tag = cipher.getAuthTag();
    } else {
      body = data;
      tag = this.checksum(data, position);
    }
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length, 0);
    return Buffer.concat([length, body, tag]);
  }

  /** The plaintext of a stored chunk; throws BACKUP_TAMPERED when it does not authenticate. */
  open(body: Buffer, tag: Buffer, index: number, final: boolean): Buffer {
    const position = this.position(index, final);
    if (this.key && this.noncePrefix) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.concat([this.noncePrefix, position]), { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.concat([this.headerDigest, position]));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]);
      } catch {
        throw BackupErrors.tampered(`block ${index}`);
      }
    }
    const expected = this.checksum(body, position);
    if (!timingSafeEqual(expected, tag)) throw BackupErrors.tampered(`block ${index}`);
    return body;
  }

  private checksum(data: Buffer, position: Buffer): Buffer {
    return createHash('sha256').update(this.headerDigest).update(position).update(data).digest().subarray(0, TAG_BYTES);
  }
}

export const CHUNK_TAG_BYTES = TAG_BYTES;

/** magic | u32 length | JSON. */
export function encodeHeader(header: ArchiveHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length, 0);
  return Buffer.concat([MAGIC, length, json]);
}

/** Reads the stored header bytes (magic, length, JSON) from the start of a file's first bytes. */
export function headerLength(prefix: Buffer, path: string): number {
  if (prefix.length < MAGIC.length + 4 || !prefix.subarray(0, MAGIC.length).equals(MAGIC)) throw BackupErrors.notAnArchive(path);
  const length = prefix.readUInt32BE(MAGIC.length);
  if (length === 0 || length > MAX_HEADER) throw BackupErrors.tampered('header');
  return MAGIC.length + 4 + length;
}

export function parseHeader(headerBytes: Buffer): ArchiveHeader {
  let header: ArchiveHeader;
  try {
    header = JSON.parse(headerBytes.subarray(MAGIC.length + 4).toString('utf8')) as ArchiveHeader;
  } catch {
    throw BackupErrors.tampered('header');
  }
  if (header === null || typeof header !== 'object' || header.format !== 'xf-backup') throw BackupErrors.tampered('header');
  if (header.version !== FORMAT_VERSION) throw BackupErrors.unsupportedVersion(header.version);
  if (header.compression !== 'gzip' || !Number.isInteger(header.chunkSize) || header.chunkSize <= 0 || header.chunkSize > 64 * CHUNK_SIZE) {
    throw BackupErrors.tampered('header');
  }
  return header;
}
