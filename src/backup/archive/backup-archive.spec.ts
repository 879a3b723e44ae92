import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { BackupError } from '../backup-errors.js';
import { CHUNK_SIZE, MAGIC } from './archive-crypto.js';
import { BackupArchiveWriter, readArchiveHeader, readBackupArchive } from './backup-archive.js';

const dir = mkdtempSync(join(tmpdir(), 'xf-archive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PASS = 'correct horse battery staple';
let n = 0;

/** Random (incompressible) bytes larger than two chunks, so the archive has several. */
const big = randomBytes(CHUNK_SIZE * 2 + 12345);
const small = Buffer.from('信访件 XF-2026-000001\n'.repeat(100), 'utf8');

async function writeArchive(passphrase: string | null): Promise<string> {
  const path = join(dir, `a${n++}.xfbak`);
  const src = join(dir, `src${n}.bin`);
  writeFileSync(src, big);
  const writer = await BackupArchiveWriter.create(path, passphrase, new Date('2026-12-01T00:00:00Z'));
  await writer.addFile('db/petitions.sqlite', src);
  await writer.addBuffer('files/outbox/a.eml', small);
  await writer.addBuffer('empty', Buffer.alloc(0));
  await writer.finish();
  return path;
}

async function readAll(path: string, passphrase: string | null): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  await readBackupArchive(path, passphrase, async (entry, data) => {
    const parts: Buffer[] = [];
    for await (const piece of data) parts.push(piece);
    out.set(entry.name, Buffer.concat(parts));
  });
  return out;
}

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof BackupError) return error.code;
    throw error;
  }
  return 'no error';
}

/** A copy of the archive with one byte changed at `offset`. */
function tampered(path: string, offset: number): string {
  const bytes = readFileSync(path);
  bytes[offset] ^= 0x20;
  const copy = `${path}.t${offset}`;
  writeFileSync(copy, bytes);
  return copy;
}

describe('BackupArchive', () => {
  it.each([
    ['encrypted', PASS],
    ['unencrypted', null],
  ])('round-trips every entry (%s)', async (_kind, passphrase) => {
    const path = await writeArchive(passphrase);
    const entries = await readAll(path, passphrase);
    expect([...entries.keys()]).toEqual(['db/petitions.sqlite', 'files/outbox/a.eml', 'empty']);
    expect(entries.get('db/petitions.sqlite')?.equals(big)).toBe(true);
    expect(entries.get('files/outbox/a.eml')?.toString('utf8')).toBe(small.toString('utf8'));
    expect(entries.get('empty')).toHaveLength(0);
    const header = await readArchiveHeader(path);
    expect(header).toMatchObject({ format: 'xf-backup', version: 1, encrypted: passphrase !== null, createdAt: '2026-12-01T00:00:00.000Z' });
  });

  it('stores nothing in clear when encrypted', async () => {
    const path = await writeArchive(PASS);
    const bytes = readFileSync(path);
    expect(bytes.includes(Buffer.from('XF-2026-000001'))).toBe(false);
    expect(bytes.includes(big.subarray(1000, 1032))).toBe(false);
    expect(bytes.subarray(0, MAGIC.length).equals(MAGIC)).toBe(true);
  });

  it('refuses a wrong passphrase and a missing one before reading any entry', async () => {
    const path = await writeArchive(PASS);
    let sunk = 0;
    const sink = (): Promise<void> => {
      sunk++;
      return Promise.resolve();
    };
    expect(await codeOf(readBackupArchive(path, 'another passphrase!!', sink))).toBe('BACKUP_WRONG_PASSPHRASE');
    expect(await codeOf(readBackupArchive(path, null, sink))).toBe('BACKUP_PASSPHRASE_REQUIRED');
    expect(sunk).toBe(0);
  });

  it.each([
    ['encrypted', PASS],
    ['unencrypted', null],
  ])('refuses one changed byte anywhere: header, first, middle and last block (%s)', async (_kind, passphrase) => {
    const path = await writeArchive(passphrase);
    const size = readFileSync(path).length;
    const headerEnd = 12 + readFileSync(path).readUInt32BE(8);
    const codes = new Set<string>();
    for (const offset of [2, 20, headerEnd + 2, headerEnd + 100, Math.floor(size / 2), size - 20, size - 1]) {
      const code = await codeOf(readAll(tampered(path, offset), passphrase));
      expect({ offset, refused: code !== 'no error' }).toEqual({ offset, refused: true });
      codes.add(code);
    }
    for (const code of codes) expect(['BACKUP_TAMPERED', 'BACKUP_NOT_AN_ARCHIVE', 'BACKUP_WRONG_PASSPHRASE', 'BACKUP_TRUNCATED']).toContain(code);
    expect(codes.has('BACKUP_TAMPERED')).toBe(true);
  });

  it('refuses an archive cut short, even at a block boundary', async () => {
    const path = await writeArchive(PASS);
    const bytes = readFileSync(path);
    const headerEnd = 12 + bytes.readUInt32BE(8);
    // Keep the header and exactly the first block (length, body, tag).
    const firstBlockEnd = headerEnd + 4 + bytes.readUInt32BE(headerEnd) + 16;
    for (const end of [firstBlockEnd, bytes.length - 5]) {
      const cut = join(dir, `cut${end}.xfbak`);
      writeFileSync(cut, bytes.subarray(0, end));
      expect(await codeOf(readAll(cut, PASS))).toBe('BACKUP_TRUNCATED');
    }
  });

  it('says when a file is not an archive at all', async () => {
    const path = join(dir, 'plain.txt');
    writeFileSync(path, 'hello');
    expect(await codeOf(readAll(path, PASS))).toBe('BACKUP_NOT_AN_ARCHIVE');
  });
});
