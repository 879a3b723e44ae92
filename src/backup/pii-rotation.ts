import type { DataSource, EntityManager } from 'typeorm';
import { LEGACY_KEY_ID, type LookupKind, type PiiCipher } from '../common/pii/pii-cipher.js';
import { BackupErrors } from './backup-errors.js';
import { InstanceLock } from './instance-lock.js';

/** The personal-data columns of `cases`: each token column with the lookup hash computed from the same value. */
const FIELDS: { cipher: string; hash: string | null; kind: LookupKind | null }[] = [
  { cipher: 'petitionerIdCipher', hash: 'petitionerIdHash', kind: 'id' },
  { cipher: 'petitionerPhoneCipher', hash: 'petitionerPhoneHash', kind: 'phone' },
  { cipher: 'petitionerAddressCipher', hash: null, kind: null },
];

type Row = Record<string, string | null> & { id: string };

export interface RotationProgress {
  rotated: number;
  /** Rows still under an old key (estimate: counted at the start, minus those done). */
  remaining: number;
  batches: number;
}

export interface RotationResult {
  rotated: number;
  /** Rows another writer changed between read and update: left for the next run. */
  changedMeanwhile: number;
  /** Rows whose tokens no configured key opens (ids listed): left as they are. */
  unreadable: string[];
  /** Rows still not under the current key after this run (0: the old keys can be retired). */
  remaining: number;
}

export interface RotationStatus {
  currentKeyId: string;
  /** Stored tokens per key id (`legacy` for tokens without one). */
  tokensByKey: Record<string, number>;
  rowsToRotate: number;
}

export interface RotationOptions {
  batchSize?: number;
  /** Called after each committed batch (progress; tests throw here to simulate an interruption). */
  onBatch?: (progress: RotationProgress) => void | Promise<void>;
}

/**
 * Re-encrypts the stored personal data under the current `PII_KEY` while older keys (`PII_KEY_PREVIOUS`)
 * can still decrypt it, and recomputes each row's lookup hashes under the current key in the same UPDATE
 * (so repeat-petitioner detection compares hashes of one key once the rotation is through).
 *
 * Batches in primary-key order, each committed on its own. A row is selected only while one of its
 * tokens is not under the current key id, so an interrupted run simply runs again: rows already done
 * are skipped, none is encrypted twice. Each UPDATE is conditional on the tokens read, so a concurrent
 * change is never overwritten (that row is left for the next run).
 */
export class PiiRotation {
  private readonly sqlite: boolean;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
  ) {
    this.sqlite = dataSource.options.type === 'better-sqlite3';
  }

  /** Refuses while a service on this DATA_DIR (this host) encrypts with another key: it could not read the rotated rows. */
  static assertServicesUseKey(dataDir: string, keyId: string): void {
    const others = InstanceLock.live(dataDir).filter((i) => i.piiKeyId !== keyId);
    if (others.length) {
      const pids = others.map((i) => `${i.pid} (key ${i.piiKeyId})`).join(', ');
      throw BackupErrors.rotationKeyMismatch(pids);
    }
  }

  private pendingCondition(): string {
    return '(' + FIELDS.map((f) => `(${f.cipher} IS NOT NULL AND ${f.cipher} NOT LIKE :prefix)`).join(' OR ') + ')';
  }

  private async query<T>(runner: DataSource | EntityManager, sql: string, parameters: Record<string, unknown>): Promise<T> {
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
    return runner.query<T>(query, values);
  }

  async status(): Promise<RotationStatus> {
    const tokensByKey: Record<string, number> = {};
    for (const f of FIELDS) {
      const rows = await this.query<{ k: string; n: number | string }[]>(
        this.dataSource,
        `SELECT CASE WHEN ${f.cipher} LIKE 'v1:%' THEN '${LEGACY_KEY_ID}' ELSE SUBSTR(${f.cipher}, 4, 8) END AS k, COUNT(*) AS n FROM cases WHERE ${f.cipher} IS NOT NULL GROUP BY k`,
        {},
      );
      for (const r of rows) tokensByKey[r.k] = (tokensByKey[r.k] ?? 0) + Number(r.n);
    }
    return { currentKeyId: this.cipher.keyId, tokensByKey, rowsToRotate: await this.countPending() };
  }

  async countPending(): Promise<number> {
    const rows = await this.query<{ n: number | string }[]>(this.dataSource, `SELECT COUNT(*) AS n FROM cases WHERE ${this.pendingCondition()}`, { prefix: `${this.cipher.currentPrefix}%` });
    return Number(rows[0].n);
  }

  async run(options: RotationOptions = {}): Promise<RotationResult> {
    const batchSize = options.batchSize ?? 500;
    const prefix = `${this.cipher.currentPrefix}%`;
    const total = await this.countPending();
    const result: RotationResult = { rotated: 0, changedMeanwhile: 0, unreadable: [], remaining: 0 };
    let after = '';
    let batches = 0;
    const columns = ['id', ...FIELDS.map((f) => f.cipher)].join(', ');
    for (;;) {
      const rows = await this.query<Row[]>(this.dataSource, `SELECT ${columns} FROM cases WHERE id > :after AND ${this.pendingCondition()} ORDER BY id LIMIT ${batchSize}`, { after, prefix });
      if (!rows.length) break;
      after = rows[rows.length - 1].id;
      const updates = rows.map((row) => this.reencrypt(row, result)).filter((u): u is Update => u !== null);
      await this.dataSource.transaction(async (em) => {
        for (const u of updates) {
          const changed = await this.update(em, u);
          if (changed) result.rotated++;
          else result.changedMeanwhile++;
        }
      });
      batches++;
      await options.onBatch?.({ rotated: result.rotated, remaining: Math.max(0, total - result.rotated - result.changedMeanwhile - result.unreadable.length), batches });
    }
    result.remaining = await this.countPending();
    return result;
  }

  private reencrypt(row: Row, result: RotationResult): Update | null {
    const set: Record<string, string> = {};
    try {
      for (const f of FIELDS) {
        const token = row[f.cipher];
        if (token === null || this.cipher.isCurrent(token)) continue;
        const plain = this.cipher.decrypt(token);
        set[f.cipher] = this.cipher.encrypt(plain);
        if (f.hash && f.kind) set[f.hash] = this.cipher.lookupHash(f.kind, plain);
      }
    } catch {
      result.unreadable.push(row.id);
      return null;
    }
    return { id: row.id, set, expected: Object.fromEntries(FIELDS.map((f) => [f.cipher, row[f.cipher]])) };
  }

  /** One conditional UPDATE: only while the row still holds the tokens that were read. */
  private async update(em: EntityManager, u: Update): Promise<boolean> {
    const same = this.sqlite ? 'IS' : '<=>';
    const parameters: Record<string, unknown> = { id: u.id };
    const sets = Object.entries(u.set).map(([column, value], i) => {
      parameters[`s${i}`] = value;
      return `${column} = :s${i}`;
    });
    const guards = Object.entries(u.expected).map(([column, value], i) => {
      parameters[`e${i}`] = value;
      return `${column} ${same} :e${i}`;
    });
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(`UPDATE cases SET ${sets.join(', ')} WHERE id = :id AND ${guards.join(' AND ')}`, parameters);
    if (!em.queryRunner) throw new Error('PiiRotation.update runs inside a transaction');
    const result = await em.queryRunner.query(query, values, true);
    return (result.affected ?? 0) > 0;
  }
}

interface Update {
  id: string;
  set: Record<string, string>;
  expected: Record<string, string | null>;
}
