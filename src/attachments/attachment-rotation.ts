import type { DataSource } from 'typeorm';
import type { PiiCipher } from '../common/pii/pii-cipher.js';
import { AttachmentStore } from './attachment-store.js';

export interface AttachmentRotationResult {
  rotated: number;
  /** Attachments whose file is missing or opens with no configured key (ids). */
  unreadable: string[];
  remaining: number;
}

/**
 * Personal-data key rotation for attachments (`npm run rotate-pii-key`, after the cases' fields): each file
 * not under the current key is re-sealed (temporary file + rename), then its row's `keyId` is updated if it
 * still names the old key. Reading a file trusts the key id in the file, not the row, so a crash between
 * the two steps loses nothing; the next run finds the row and only updates it. Resumable and idempotent.
 */
export class AttachmentRotation {
  private readonly store: AttachmentStore;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
    attachmentsDir: string,
  ) {
    this.store = new AttachmentStore(attachmentsDir, cipher);
  }

  private async query<T>(sql: string, parameters: Record<string, unknown>): Promise<T> {
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
    return this.dataSource.query<T>(query, values);
  }

  /** Files per key id. */
  async status(): Promise<Record<string, number>> {
    const rows = await this.query<{ k: string; n: number | string }[]>('SELECT keyId AS k, COUNT(*) AS n FROM case_attachments GROUP BY keyId', {});
    return Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]));
  }

  async countPending(): Promise<number> {
    const rows = await this.query<{ n: number | string }[]>('SELECT COUNT(*) AS n FROM case_attachments WHERE keyId <> :current', { current: this.cipher.keyId });
    return Number(rows[0].n);
  }

  async run(batchSize = 100): Promise<AttachmentRotationResult> {
    const result: AttachmentRotationResult = { rotated: 0, unreadable: [], remaining: 0 };
    let after = '';
    for (;;) {
      const rows = await this.query<{ id: string; storageKey: string; keyId: string }[]>(
        `SELECT id, storageKey, keyId FROM case_attachments WHERE id > :after AND keyId <> :current ORDER BY id LIMIT ${Math.max(1, Math.floor(batchSize))}`,
        { after, current: this.cipher.keyId },
      );
      if (!rows.length) break;
      after = rows[rows.length - 1].id;
      for (const row of rows) {
        try {
          await this.store.reseal(row.storageKey, row.id);
        } catch {
          result.unreadable.push(row.id);
          continue;
        }
        await this.query('UPDATE case_attachments SET keyId = :current WHERE id = :id AND keyId = :old', { current: this.cipher.keyId, id: row.id, old: row.keyId });
        result.rotated++;
      }
    }
    result.remaining = await this.countPending();
    return result;
  }
}
