import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants as zlib, createGunzip, createGzip, type Gzip, type ZlibOptions } from 'node:zlib';
import { BackupError, BackupErrors } from '../backup-errors.js';
import { type ArchiveHeader, CHUNK_TAG_BYTES, ChunkCipher, headerLength, parseHeader } from './archive-crypto.js';
import { ByteReader } from './byte-reader.js';

/**
 * A backup archive: named entries (the database snapshot, DATA_DIR files, keys, the manifest last),
 * gzip-compressed, then cut into authenticated chunks (see archive-crypto.ts).
 *
 *   entry = 'F' | u16 name length | name (UTF-8) | u64 size | bytes;   end = 'Z'
 */

export interface ArchiveEntryInfo {
  name: string;
  size: number;
  sha256: string;
}

const ENTRY = 0x46; // 'F'
const END = 0x5a; // 'Z'

/** Cuts the gzip stream into chunks and seals each; the last one is marked final. */
class ChunkSealer extends Transform {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  readonly hash: Hash = createHash('sha256');
  bytes = 0;

  constructor(private readonly cipher: ChunkCipher) {
    super();
    this.emit2(cipher.headerBytes);
  }

  private emit2(data: Buffer): void {
    this.hash.update(data);
    this.bytes += data.length;
    this.push(data);
  }

  override _transform(data: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pending.push(data);
    this.pendingBytes += data.length;
    const size = this.cipher.header.chunkSize;
    // Keep at least one byte back: the last chunk is sealed in _flush, marked final.
    if (this.pendingBytes > size) {
      let all = Buffer.concat(this.pending);
      while (all.length > size) {
        this.emit2(this.cipher.seal(all.subarray(0, size), this.index++, false));
        all = all.subarray(size);
      }
      this.pending = [all];
      this.pendingBytes = all.length;
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    this.emit2(this.cipher.seal(Buffer.concat(this.pending), this.index++, true));
    done();
  }
}

async function write(stream: Writable, data: Buffer): Promise<void> {
  if (!stream.write(data)) await once(stream, 'drain');
}

export class BackupArchiveWriter {
  private readonly entries: ArchiveEntryInfo[] = [];

  private constructor(
    private readonly gzip: Gzip,
    private readonly sealer: ChunkSealer,
    private readonly out: WriteStream,
    private readonly done: Promise<void>,
    readonly header: ArchiveHeader,
  ) {}

  /** Starts writing `path`; `passphrase` null writes an unencrypted, checksummed archive. */
  static async create(path: string, passphrase: string | null, createdAt: Date, level = 3): Promise<BackupArchiveWriter> {
    const cipher = await ChunkCipher.create(passphrase, createdAt);
    // Large buffers: inside the service every await below waits for a turn of a busy event loop, so the
    // fewer turns per megabyte the faster the copy (zlib passes stream options through to its Transform).
    const gzip = createGzip({ level, chunkSize: 1 << 20, strategy: zlib.Z_DEFAULT_STRATEGY, highWaterMark: 8 << 20 } as ZlibOptions);
    const sealer = new ChunkSealer(cipher);
    const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    const done = pipeline(gzip, sealer, out);
    done.catch(() => undefined); // awaited in finish()/abort()
    return new BackupArchiveWriter(gzip, sealer, out, done, cipher.header);
  }

  /** Bytes written to the archive so far (compressed and sealed). */
  get bytesWritten(): number {
    return this.sealer.bytes;
  }

  private async entryHeader(name: string, size: number): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8');
    if (nameBytes.length > 0xffff) throw new Error(`entry name too long: ${name}`);
    const head = Buffer.alloc(1 + 2 + nameBytes.length + 8);
    head[0] = ENTRY;
    head.writeUInt16BE(nameBytes.length, 1);
    nameBytes.copy(head, 3);
    head.writeBigUInt64BE(BigInt(size), 3 + nameBytes.length);
    await write(this.gzip, head);
  }

  async addBuffer(name: string, data: Buffer): Promise<ArchiveEntryInfo> {
    await this.entryHeader(name, data.length);
    await write(this.gzip, data);
    const info = { name, size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
    this.entries.push(info);
    return info;
  }

  /** Adds a file that must not change while it is read (a snapshot, or a finished outbox message). */
  async addFile(name: string, path: string, onBytes?: (n: number) => void): Promise<ArchiveEntryInfo> {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      await this.entryHeader(name, size);
      const hash = createHash('sha256');
      let read = 0;
      for await (const piece of handle.createReadStream({ autoClose: false, start: 0, end: Math.max(0, size - 1), highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
        if (size === 0) break;
        hash.update(piece);
        read += piece.length;
        await write(this.gzip, piece);
        onBytes?.(piece.length);
      }
      if (read !== size) throw new Error(`${path} changed while it was read (${read} of ${size} bytes)`);
      const info = { name, size, sha256: hash.digest('hex') };
      this.entries.push(info);
      return info;
    } finally {
      await handle.close();
    }
  }

  /** Entries written so far, in order. */
  get written(): readonly ArchiveEntryInfo[] {
    return this.entries;
  }

  async finish(): Promise<{ bytes: number; sha256: string }> {
    this.gzip.end(Buffer.from([END]));
    await this.done;
    return { bytes: this.sealer.bytes, sha256: this.sealer.hash.digest('hex') };
  }

  async abort(path: string): Promise<void> {
    this.gzip.destroy();
    this.out.destroy();
    await this.done.catch(() => undefined);
    await rm(path, { force: true });
  }
}

/** The header of an archive, without a passphrase (to know whether one is needed). */
export async function readArchiveHeader(path: string): Promise<ArchiveHeader> {
  return parseHeader(await readHeaderBytes(path));
}

async function readHeaderBytes(path: string): Promise<Buffer> {
  const handle = await open(path, 'r').catch(() => {
    throw BackupErrors.notAnArchive(path);
  });
  try {
    const prefix = Buffer.alloc(12);
    const { bytesRead } = await handle.read(prefix, 0, 12, 0);
    const length = headerLength(prefix.subarray(0, bytesRead), path);
    const headerBytes = Buffer.alloc(length);
    const got = await handle.read(headerBytes, 0, length, 0);
    if (got.bytesRead !== length) throw BackupErrors.truncated();
    return headerBytes;
  } finally {
    await handle.close();
  }
}

/** The plaintext (gzip) stream of an archive's chunks, each authenticated before it is released. */
async function* openedChunks(path: string, cipher: ChunkCipher, offset: number): AsyncGenerator<Buffer> {
  const reader = new ByteReader(createReadStream(path, { start: offset, highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>);
  const limit = cipher.header.chunkSize;
  for (let index = 0; ; index++) {
    const lengthBytes = await reader.read(4);
    if (lengthBytes === null) throw BackupErrors.truncated();
    const length = lengthBytes.readUInt32BE(0);
    if (length > limit) throw BackupErrors.tampered(`block ${index}`);
    const body = await reader.read(length);
    const tag = await reader.read(CHUNK_TAG_BYTES);
    if (body === null || tag === null) throw BackupErrors.truncated();
    const final = await reader.atEnd();
    let plain: Buffer;
    try {
      plain = cipher.open(body, tag, index, final);
    } catch (error) {
      // A last chunk that opens as "not final" means the archive was cut after it.
      if (final && tryOpen(cipher, body, tag, index)) throw BackupErrors.truncated();
      throw error;
    }
    yield plain;
    if (final) return;
  }
}

function tryOpen(cipher: ChunkCipher, body: Buffer, tag: Buffer, index: number): boolean {
  try {
    cipher.open(body, tag, index, false);
    return true;
  } catch {
    return false;
  }
}

export type EntrySink = (entry: { name: string; size: number }, data: AsyncIterable<Buffer>) => Promise<void>;

/**
 * Reads every entry of an archive in order, handing its bytes to `sink` (which must consume them);
 * returns the size and SHA-256 of each as read. Throws a BackupError on a wrong passphrase, a damaged
 * or tampered chunk, or a truncated archive; entries before the damage may already have been sunk.
 */
export async function readBackupArchive(path: string, passphrase: string | null, sink: EntrySink): Promise<{ header: ArchiveHeader; entries: ArchiveEntryInfo[] }> {
  const headerBytes = await readHeaderBytes(path);
  const cipher = await ChunkCipher.open(headerBytes, passphrase);
  const offset = headerBytes.length;
  const gunzip = createGunzip();
  const feeding = pipeline(Readable.from(openedChunks(path, cipher, offset)), gunzip);
  let feedError: unknown = null;
  feeding.catch((error: unknown) => {
    feedError = error;
  });
  const reader = new ByteReader(gunzip as AsyncIterable<Buffer>);
  const entries: ArchiveEntryInfo[] = [];
  try {
    for (;;) {
      const kind = await reader.read(1);
      if (kind === null) throw BackupErrors.truncated();
      if (kind[0] === END) break;
      if (kind[0] !== ENTRY) throw BackupErrors.tampered('entry');
      const nameLength = (await reader.read(2))?.readUInt16BE(0);
      const name = nameLength === undefined ? null : await reader.read(nameLength);
      const sizeBytes = await reader.read(8);
      if (name === null || sizeBytes === null) throw BackupErrors.truncated();
      const size = Number(sizeBytes.readBigUInt64BE(0));
      const hash = createHash('sha256');
      const pieces = reader.take(size, () => BackupErrors.truncated());
      const hashed = (async function* () {
        for await (const piece of pieces) {
          hash.update(piece);
          yield piece;
        }
      })();
      const entry = { name: name.toString('utf8'), size };
      await sink(entry, hashed);
      for await (const _rest of hashed) {
        // drain what the sink left
      }
      entries.push({ ...entry, sha256: hash.digest('hex') });
    }
    if (!(await reader.atEnd())) throw BackupErrors.tampered('trailing data');
    await feeding;
  } catch (error) {
    gunzip.destroy();
    await feeding.catch(() => undefined);
    // The first failure wins: a damaged chunk also surfaces here as a closed gunzip stream.
    throw translate(feedError instanceof BackupError ? feedError : error);
  }
  return { header: cipher.header, entries };
}

/** Errors of the stream machinery (gunzip on damaged data) become BACKUP_TAMPERED. */
function translate(error: unknown): unknown {
  if (error instanceof BackupError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('Z_') || code === 'ERR_STREAM_PREMATURE_CLOSE') return BackupErrors.tampered('compressed data');
  return error;
}
