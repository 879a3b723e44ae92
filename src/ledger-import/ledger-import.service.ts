import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import { CaseChanges } from '../cases/case-changes.js';
import { caseEvent } from '../cases/case-events.js';
import type { PetitionCase } from '../cases/case.entity.js';
import { deadlinesOf } from '../cases/office-deadlines.js';
import { redactPii } from '../common/pii/masking.js';
import { PiiCipher } from '../common/pii/pii-cipher.js';
import { localTime } from '../common/time/zoned-time.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DirectoryService } from '../directory/directory.service.js';
import type { Actor } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import { OfficeSettings } from '../settings/office-settings.js';
import { importedCase, rememberedDeadlines } from './imported-case.js';
import { orderedIds } from './ordered-ids.js';
import { completeMapping, type LedgerMapping, mappingProblems, suggestMapping } from './ledger-fields.js';
import { readLedgerFile } from './ledger-file.js';
import type { LedgerImport, LedgerImportChunk, LedgerImportRow } from './ledger-import.entity.js';
import { LedgerImportErrors } from './ledger-import.errors.js';
import { LedgerImportRepository } from './ledger-import.repository.js';
import { type LedgerCommitView, type LedgerImportView, type LedgerReportView, importView } from './ledger-import.view.js';
import { LEDGER_LIMITS } from './ledger-limits.js';
import { type LedgerPlan, type PlannedRow, planLedger, type RowIdentity } from './ledger-report.js';
import { checkRow, columnsOf, type LedgerRow, type RowContext } from './ledger-row.js';
import { decodeRows, encodeRows } from './ledger-rows-codec.js';
import type { Cell } from './ledger-values.js';

export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/** What every transaction of one commit shares. */
interface CommitContext {
  actor: Actor;
  officeCode: string;
  zone: string;
  deadlines: ReturnType<typeof rememberedDeadlines>;
}

/** How many batches the history lists. */
const HISTORY_LIMIT = 100;

/**
 * 台账导入: upload (read, rows kept encrypted), dry run (every row checked and classified), commit
 * (the valid rows become cases through `CaseChanges.importIn`, idempotent by import key).
 */
@Injectable()
export class LedgerImportService {
  constructor(
    private readonly repo: LedgerImportRepository,
    private readonly directory: DirectoryService,
    private readonly cipher: PiiCipher,
    private readonly settings: OfficeSettings,
    private readonly changes: CaseChanges,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async upload(file: UploadedFile | undefined, actor: Actor): Promise<LedgerImportView> {
    if (!file?.buffer) throw LedgerImportErrors.fileMissing();
    if (file.size > LEDGER_LIMITS.maxBytes) throw LedgerImportErrors.fileTooLarge(LEDGER_LIMITS.maxBytes / 1024 / 1024);
    const sheet = await readLedgerFile(file.buffer);
    const now = this.clock.now();
    const batch: LedgerImport = {
      id: randomUUID(),
      fileName: redactPii(cleanFileName(file.originalname)),
      format: sheet.format,
      encoding: sheet.encoding,
      headers: sheet.headers,
      suggestedMapping: suggestMapping(sheet.headers),
      rowCount: sheet.rows.length,
      status: 'uploaded',
      mapping: null,
      counts: null,
      createdCount: 0,
      createdBy: actor.id,
      createdByName: actor.displayName,
      createdAt: now,
      checkedAt: null,
      committedAt: null,
    };
    const chunks: LedgerImportChunk[] = [];
    for (let i = 0; i < sheet.rows.length; i += LEDGER_LIMITS.chunkRows) {
      chunks.push({ importId: batch.id, seq: chunks.length, rowsCipher: this.cipher.encrypt(encodeRows(sheet.rows.slice(i, i + LEDGER_LIMITS.chunkRows))) });
    }
    await this.tx.run(async (em) => {
      await this.repo.insert(em, batch, chunks);
      await this.audit.record(em, actor, 'ledger-import.upload', { type: 'ledger-import', id: batch.id }, { fileName: batch.fileName, format: batch.format, rows: batch.rowCount }, now);
    });
    return importView(batch);
  }

  async list(): Promise<LedgerImportView[]> {
    return (await this.repo.list(HISTORY_LIMIT)).map(importView);
  }

  async get(id: string): Promise<LedgerImportView> {
    return importView(await this.find(id));
  }

  /** 试导入: what a commit with this mapping would do, row by row; nothing is created. */
  async dryRun(id: string, sent: Partial<LedgerMapping>, actor: Actor): Promise<LedgerReportView> {
    const batch = await this.find(id);
    const mapping = completeMapping(sent);
    const plan = await this.plan(batch, mapping);
    const now = this.clock.now();
    const fields: Partial<LedgerImport> = { mapping, counts: plan.counts, checkedAt: now, status: batch.status === 'committed' ? 'committed' : 'checked' };
    await this.tx.run(async (em) => {
      await this.repo.update(em, id, fields);
      await this.audit.record(em, actor, 'ledger-import.dry-run', { type: 'ledger-import', id }, { ...plan.counts }, now);
    });
    return this.report({ ...batch, ...fields }, plan);
  }

  /** 导入: creates the cases of the valid rows not imported before; returns the report and how many were created. */
  async commit(id: string, sent: Partial<LedgerMapping>, actor: Actor): Promise<LedgerCommitView> {
    const batch = await this.find(id);
    const mapping = completeMapping(sent);
    const plan = await this.plan(batch, mapping);
    let created = 0;
    const { officeCode, zone } = await this.rowContext();
    const deadlines = rememberedDeadlines(deadlinesOf(this.settings));
    for (let i = 0; i < plan.create.length; i += LEDGER_LIMITS.commitBatch) {
      created += await this.createCases(batch.id, plan.create.slice(i, i + LEDGER_LIMITS.commitBatch), { actor, officeCode, zone, deadlines });
    }
    const now = this.clock.now();
    const createdCount = await this.repo.countCreated(batch.id);
    const fields: Partial<LedgerImport> = { mapping, counts: plan.counts, status: 'committed', committedAt: now, createdCount };
    await this.tx.run(async (em) => {
      await this.repo.update(em, id, fields);
      await this.audit.record(em, actor, 'ledger-import.commit', { type: 'ledger-import', id }, { ...plan.counts, created }, now);
    });
    return { ...this.report({ ...batch, ...fields }, plan), created };
  }

  private async find(id: string): Promise<LedgerImport> {
    const batch = await this.repo.findById(id);
    if (!batch) throw LedgerImportErrors.notFound();
    return batch;
  }

  private report(batch: LedgerImport, plan: LedgerPlan): LedgerReportView {
    return { import: importView(batch), counts: plan.counts, rows: plan.rows.slice(0, LEDGER_LIMITS.reportRows), truncated: plan.rows.length > LEDGER_LIMITS.reportRows };
  }

  /** Every row of the batch read through the mapping, checked, and classified against what is stored. */
  private async plan(batch: LedgerImport, mapping: LedgerMapping): Promise<LedgerPlan> {
    const problems = mappingProblems(mapping, batch.headers);
    if (problems.length) throw LedgerImportErrors.invalidMapping(problems);
    const tokens = await this.repo.chunkTokens(batch.id);
    if (!tokens.length) throw LedgerImportErrors.expired();
    const rows = this.openChunks(tokens);
    const ctx = await this.rowContext();
    const columns = columnsOf(mapping, batch.headers);
    const checks = rows.map((cells, i) => checkRow(cells, i + 2, columns, ctx));
    const identities = new Map<LedgerRow, RowIdentity>();
    for (const check of checks) if (check.ok) identities.set(check.row, this.identity(check.row));
    const all = [...identities.values()];
    const imported = await this.repo.importedKeys(all.map((x) => x.importKey));
    const distinct = (hashes: (string | null)[]): string[] => [...new Set(hashes.filter((h): h is string => h !== null))];
    const stored = await this.repo.casesByPetitioner(distinct(all.map((x) => x.idHash)), distinct(all.map((x) => x.phoneHash)));
    return planLedger(checks, (row) => identities.get(row) as RowIdentity, imported, stored);
  }

  /**
   * The upload's rows. Chunks are sealed under the personal-data key of their upload and are not re-sealed by
   * `rotate-pii-key`: once that key is retired they no longer open, and the upload must be made again (410).
   */
  private openChunks(tokens: string[]): Cell[][] {
    try {
      return tokens.flatMap((t) => decodeRows(this.cipher.decrypt(t)));
    } catch {
      throw LedgerImportErrors.expired();
    }
  }

  private async rowContext(): Promise<RowContext & { officeCode: string }> {
    const units = await this.directory.listUnits();
    const byName = new Map<string, { code: string; kind: (typeof units)[number]['kind']; active: boolean }>();
    for (const u of units) {
      for (const name of [u.shortName, u.name, u.code]) if (name && !byName.has(name)) byName.set(name, { code: u.code, kind: u.kind, active: u.active });
    }
    const office = units.find((u) => u.kind === 'office' && u.active);
    return { now: this.clock.now(), zone: this.settings.timeZone(), units: byName, officeCode: office?.code ?? 'OFFICE', dates: new Map() };
  }

  /**
   * The row's petitioner as lookup hashes, and its import key: the office's own case number when the ledger
   * has one, else a hash of the mapped row in which the ID number and phone appear only as lookup hashes.
   */
  private identity(row: LedgerRow): RowIdentity {
    const idHash = row.idNumber ? this.cipher.lookupHash('id', row.idNumber) : null;
    const phoneHash = row.phone ? this.cipher.lookupHash('phone', row.phone) : null;
    const source = row.externalCode
      ? `code\u0000${row.externalCode.toUpperCase()}`
      : `row\u0000${JSON.stringify([row.receivedAt.toISOString(), row.channel, row.petitionerName, idHash, phoneHash, row.region, row.category, row.subject, row.status])}`;
    return { importKey: createHash('sha256').update(source).digest('hex'), idHash, phoneHash };
  }

  /**
   * One transaction: the commit lock (concurrent commits of ledgers run one after the other), the keys
   * imported meanwhile left out, codes reserved, cases and their `import` events through the owner of case
   * changes, the import rows (UNIQUE key: the database's own guarantee). Returns the cases created.
   */
  private async createCases(importId: string, planned: PlannedRow[], ctx: CommitContext): Promise<number> {
    const now = this.clock.now();
    const { actor, deadlines } = ctx;
    // Time-ordered ids (the wall clock, not the domain's): the cases' primary key grows at its end.
    const ids = orderedIds(planned.length * 2, Date.now());
    const prepared = planned.map((p, i) => ({ p, id: ids[2 * i], eventId: ids[2 * i + 1], petitioner: this.protect(p.row), year: Number(localTime(p.row.receivedAt, ctx.zone).date.slice(0, 4)) }));
    return this.tx.run(async (em) => {
      await this.repo.lockCommits(em);
      const already = await this.repo.importedKeys(
        prepared.map((x) => x.p.importKey),
        em,
      );
      const fresh = prepared.filter((x) => !already.has(x.p.importKey));
      if (!fresh.length) return 0;
      const codes = new Map<string, string>();
      for (const year of [...new Set(fresh.map((x) => x.year))].sort()) {
        const ofYear = fresh.filter((x) => x.year === year);
        const last = await this.repo.reserveCodes(em, year, ofYear.length);
        ofYear.forEach((x, i) => codes.set(x.id, importedCode(year, last - ofYear.length + 1 + i)));
      }
      const cases: PetitionCase[] = fresh.map((x) =>
        importedCase(x.p.row, x.petitioner, { id: x.id, code: codes.get(x.id) as string, now, createdBy: actor.id, officeCode: ctx.officeCode, deadlines, repeatCount: x.p.repeatCount }),
      );
      const events = cases.map((c, i) =>
        caseEvent({
          id: fresh[i].eventId,
          caseId: c.id,
          caseVersion: 1,
          action: 'import',
          fromStatus: null,
          toStatus: c.status,
          actor,
          at: now,
          reason: null,
          data: { rowNumber: fresh[i].p.row.rowNumber, externalCode: fresh[i].p.row.externalCode, handledBy: c.routeHandledBy },
        }),
      );
      await this.changes.importIn(em, cases, events);
      const rows: LedgerImportRow[] = fresh.map((x) => ({ importKey: x.p.importKey, caseId: x.id, importId, rowNumber: x.p.row.rowNumber, externalCode: x.p.row.externalCode, createdAt: now }));
      await this.repo.insertRows(em, rows);
      return fresh.length;
    });
  }

  /** The petitioner's ID number and phone encrypted, with their lookup hashes, as intake stores them. */
  private protect(row: LedgerRow): Pick<PetitionCase, 'petitionerName' | 'petitionerOrganisation' | 'petitionerIdCipher' | 'petitionerIdHash' | 'petitionerPhoneCipher' | 'petitionerPhoneHash' | 'petitionerAddressCipher'> {
    return {
      petitionerName: row.petitionerName,
      petitionerOrganisation: null,
      petitionerIdCipher: row.idNumber ? this.cipher.encrypt(row.idNumber) : null,
      petitionerIdHash: row.idNumber ? this.cipher.lookupHash('id', row.idNumber) : null,
      petitionerPhoneCipher: row.phone ? this.cipher.encrypt(row.phone) : null,
      petitionerPhoneHash: row.phone ? this.cipher.lookupHash('phone', row.phone) : null,
      petitionerAddressCipher: null,
    };
  }
}

/** An imported case's code: `TZ-2025-000001` (台账), numbered per year of registration apart from new cases' `XF-` codes. */
export const importedCode = (year: number, seq: number): string => `TZ-${year}-${String(seq).padStart(6, '0')}`;

/** The file's name without a path, control characters or more than 200 characters. */
function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'ledger').slice(0, 200);
}
