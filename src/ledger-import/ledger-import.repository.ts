import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, type Repository } from 'typeorm';
import { BulkInsert } from '../database/bulk-insert.js';
import { rawDate } from '../database/raw-values.js';
import { LedgerImport, LedgerImportChunk, LedgerImportRow } from './ledger-import.entity.js';
import type { StoredCase } from './ledger-report.js';

/** Keys or hashes per IN (…) list: well under both databases' parameter limits. */
const LOOKUP_BATCH = 1_000;

/** The year row of `ledger_import_counters` every commit transaction locks first: commits of ledgers run one at a time. */
const COMMIT_LOCK_YEAR = 0;

/** SQL of the ledger import's tables, and its one read of `cases`. */
@Injectable()
export class LedgerImportRepository {
  private readonly mysql: boolean;
  private readonly rowInserts: BulkInsert<LedgerImportRow>;

  constructor(
    @InjectRepository(LedgerImport) private readonly imports: Repository<LedgerImport>,
    @InjectRepository(LedgerImportChunk) private readonly chunks: Repository<LedgerImportChunk>,
    @InjectRepository(LedgerImportRow) private readonly rows: Repository<LedgerImportRow>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.mysql = dataSource.options.type !== 'better-sqlite3';
    this.rowInserts = new BulkInsert(dataSource, LedgerImportRow);
  }

  async insert(em: EntityManager, batch: LedgerImport, chunks: LedgerImportChunk[]): Promise<void> {
    await em.insert(LedgerImport, batch);
    for (const chunk of chunks) await em.insert(LedgerImportChunk, chunk);
  }

  findById(id: string): Promise<LedgerImport | null> {
    return this.imports.findOneBy({ id });
  }

  /** Newest first. */
  list(limit: number): Promise<LedgerImport[]> {
    return this.imports.find({ order: { createdAt: 'DESC', id: 'ASC' }, take: limit });
  }

  async update(em: EntityManager, id: string, fields: Partial<LedgerImport>): Promise<void> {
    await em.update(LedgerImport, { id }, fields);
  }

  /** The encrypted chunks of an upload, in order. */
  async chunkTokens(importId: string): Promise<string[]> {
    const rows = await this.chunks.find({ where: { importId }, order: { seq: 'ASC' } });
    return rows.map((r) => r.rowsCipher);
  }

  /** The cases already imported under these keys: key → case id. */
  async importedKeys(keys: readonly string[], em?: EntityManager): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const repo = em ? em.getRepository(LedgerImportRow) : this.rows;
    for (let i = 0; i < keys.length; i += LOOKUP_BATCH) {
      const part = keys.slice(i, i + LOOKUP_BATCH);
      const rows = await repo.find({ select: { importKey: true, caseId: true }, where: { importKey: In(part) } });
      for (const r of rows) found.set(r.importKey, r.caseId);
    }
    return found;
  }

  countCreated(importId: string): Promise<number> {
    return this.rows.countBy({ importId });
  }

  async insertRows(em: EntityManager, rows: LedgerImportRow[]): Promise<void> {
    await this.rowInserts.run(em, rows);
  }

  /**
   * Stored cases of these petitioners (ID-number and phone lookup hashes): the one read the import makes of
   * `cases` (indexed lookups on idx_cases_id_hash / idx_cases_phone_hash; nothing decrypted). Read-only:
   * cases are written only through CaseChanges.
   */
  async casesByPetitioner(idHashes: readonly string[], phoneHashes: readonly string[]): Promise<Map<string, StoredCase[]>> {
    const found = new Map<string, StoredCase[]>();
    const lookup = async (column: 'petitionerIdHash' | 'petitionerPhoneHash', hashes: readonly string[]): Promise<void> => {
      for (let i = 0; i < hashes.length; i += LOOKUP_BATCH) {
        const part = hashes.slice(i, i + LOOKUP_BATCH);
        const rows: { id: string; hash: string; receivedAt: unknown }[] = await this.dataSource.query(
          `SELECT c.id AS id, c.${column} AS hash, c.receivedAt AS receivedAt FROM cases c WHERE c.${column} IN (${part.map(() => '?').join(', ')})`,
          part,
        );
        for (const r of rows) {
          const list = found.get(r.hash) ?? [];
          list.push({ id: r.id, receivedAt: rawDate(r.receivedAt) });
          found.set(r.hash, list);
        }
      }
    };
    await lookup('petitionerIdHash', idHashes);
    await lookup('petitionerPhoneHash', phoneHashes);
    return found;
  }

  /** Takes the commit lock (a row lock until the caller's transaction ends; SQLite writes one at a time anyway). */
  async lockCommits(em: EntityManager): Promise<void> {
    await this.reserve(em, COMMIT_LOCK_YEAR, 0);
  }

  /** Reserves `count` numbers of the year for imported cases; returns the last (the first is `last - count + 1`). */
  async reserveCodes(em: EntityManager, year: number, count: number): Promise<number> {
    return this.reserve(em, year, count);
  }

  private async reserve(em: EntityManager, year: number, count: number): Promise<number> {
    if (this.mysql) {
      const result: { insertId?: number } = await em.query(
        'INSERT INTO ledger_import_counters (`year`, lastSeq) VALUES (?, LAST_INSERT_ID(?)) ON DUPLICATE KEY UPDATE lastSeq = LAST_INSERT_ID(lastSeq + ?)',
        [year, count, count],
      );
      return Number(result.insertId);
    }
    const rows: { lastSeq: number }[] = await em.query(
      'INSERT INTO ledger_import_counters ("year", lastSeq) VALUES (?, ?) ON CONFLICT("year") DO UPDATE SET lastSeq = lastSeq + excluded.lastSeq RETURNING lastSeq',
      [year, count],
    );
    return Number(rows[0].lastSeq);
  }
}
