import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, LargeJsonColumn, UUID_LENGTH } from '../database/columns.js';
import type { LedgerMapping } from './ledger-fields.js';
import type { ReportCounts } from './ledger-report.js';

export type LedgerImportStatus = 'uploaded' | 'checked' | 'committed';

/**
 * One upload of a ledger (台账导入批次): what was found in the file, the mapping last used, the last dry
 * run's counts and the commit's outcome. The rows themselves are kept only encrypted (`ledger_import_chunks`).
 */
@Entity('ledger_imports')
@Index('idx_ledger_imports_created', ['createdAt'])
export class LedgerImport {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  fileName!: string;

  @Column({ type: 'varchar', length: 8 })
  format!: 'xlsx' | 'csv';

  @Column({ type: 'varchar', length: 16, nullable: true })
  encoding!: 'utf-8' | 'gb18030' | null;

  @LargeJsonColumn()
  headers!: string[];

  @LargeJsonColumn()
  suggestedMapping!: LedgerMapping;

  @Column({ type: 'int' })
  rowCount!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: LedgerImportStatus;

  @LargeJsonColumn({ nullable: true })
  mapping!: LedgerMapping | null;

  /** The last dry run's (or the commit's) counts. */
  @LargeJsonColumn({ nullable: true })
  counts!: ReportCounts | null;

  @Column({ type: 'int', default: 0 })
  createdCount!: number;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  createdBy!: string;

  @Column({ type: 'varchar', length: 50 })
  createdByName!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn({ nullable: true })
  checkedAt!: Date | null;

  @DateTimeColumn({ nullable: true })
  committedAt!: Date | null;
}

/** The rows of an upload, `chunkRows` at a time, as a PiiCipher token of their JSON (they hold ID numbers and phones). */
@Entity('ledger_import_chunks')
export class LedgerImportChunk {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  importId!: string;

  @PrimaryColumn({ type: 'int' })
  seq!: number;

  /** A JSON string (`json`: LONGTEXT on MariaDB, TEXT on SQLite): a chunk outgrows MySQL's TEXT. */
  @LargeJsonColumn()
  rowsCipher!: string;
}

/**
 * A ledger row made into a case. `importKey` is unique: the office's own case number when the ledger has
 * one, else a hash of the mapped row (personal data only as lookup hashes); importing a row twice fails on it.
 */
@Entity('ledger_import_rows')
@Index('idx_ledger_import_rows_import', ['importId', 'rowNumber'])
export class LedgerImportRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  importKey!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  caseId!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  importId!: string;

  @Column({ type: 'int' })
  rowNumber!: number;

  @Column({ type: 'varchar', length: 40, nullable: true })
  externalCode!: string | null;

  @DateTimeColumn()
  createdAt!: Date;
}

/** The numbering of imported cases (`TZ-2025-000001`) per year of registration, apart from new cases' `XF-` codes. */
@Entity('ledger_import_counters')
export class LedgerImportCounter {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  lastSeq!: number;
}
