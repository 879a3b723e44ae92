import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PiiCipher } from '../common/pii/pii-cipher.js';

/**
 * The attachments' files under ATTACHMENTS_DIR, each sealed with the personal-data key (PiiCipher.sealBytes,
 * AES-256-GCM, the attachment's id authenticated with it) so nothing on disk is readable as plain text.
 * A file is written to a temporary name, flushed and renamed into place, so a reader sees a whole file or
 * none; the caller inserts the row after the file, so a row never points at a missing file. A crash between
 * the two leaves an orphan file nobody can reach (sealed, no row): harmless, and `orphans()` lists them.
 */
export class AttachmentStore {
  constructor(
    readonly dir: string,
    private readonly cipher: PiiCipher,
  ) {}

  /** `ab/ab12…-….xfa`: two-character fan-out by id. */
  static storageKeyOf(id: string): string {
    return `${id.slice(0, 2)}/${id}.xfa`;
  }

  private pathOf(storageKey: string): string {
    if (!/^[0-9a-f]{2}\/[0-9a-f-]{36}\.xfa$/.test(storageKey)) throw new Error('invalid attachment storage key');
    return join(this.dir, storageKey);
  }

  /** Seals and writes the content of attachment `id`; returns where and under which key. */
  async write(id: string, plain: Buffer): Promise<{ storageKey: string; keyId: string }> {
    const storageKey = AttachmentStore.storageKeyOf(id);
    await this.replace(storageKey, this.cipher.sealBytes(plain, id));
    return { storageKey, keyId: this.cipher.keyId };
  }

  /** The plain content; throws when the file is missing, tampered with or sealed by a key not configured. */
  async read(storageKey: string, id: string): Promise<Buffer> {
    return this.cipher.openBytes(await readFile(this.pathOf(storageKey)), id);
  }

  /** Key rotation: re-seals the file under the current key unless it already is; returns the key it is under now. */
  async reseal(storageKey: string, id: string): Promise<string> {
    const sealed = await readFile(this.pathOf(storageKey));
    if (PiiCipher.keyIdOfSealed(sealed) === this.cipher.keyId) return this.cipher.keyId;
    const plain = this.cipher.openBytes(sealed, id);
    await this.replace(storageKey, this.cipher.sealBytes(plain, id));
    return this.cipher.keyId;
  }

  /** Removes a file whose row was never written (the caller's transaction failed). */
  async discard(storageKey: string): Promise<void> {
    await rm(this.pathOf(storageKey), { force: true });
  }

  private async replace(storageKey: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(storageKey);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    const temp = join(dirname(target), `.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}
