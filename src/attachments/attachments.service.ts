import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { APP_CONFIG } from '../common/tokens.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { Actor, Role } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import { isOfficeOnly, mayReadAttachment } from './attachment-audience.js';
import { displayFileName } from './attachment-file-name.js';
import type { AttachmentKind, AttachmentVia } from './attachment-kinds.js';
import { type AttachmentRecord, toAttachmentRecord } from './attachment-record.js';
import { AttachmentStore } from './attachment-store.js';
import { detectType } from './attachment-types.js';
import type { CaseAttachment } from './attachment.entity.js';
import { AttachmentErrors } from './attachments.errors.js';
import { AttachmentsRepository } from './attachments.repository.js';

export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
  size: number;
}

export interface StoreAttachmentInput {
  caseId: string;
  kind: AttachmentKind;
  /** The client's name; stored sanitised with ID and phone numbers masked. */
  fileName: string;
  buffer: Buffer;
  mediaType: string;
  uploadedBy: { id: string; displayName: string };
  unitCode: string | null;
  via: AttachmentVia;
  letterNumber?: string | null;
  /** Office only whatever the kind (a letter to the petitioner); scans and petitioners' materials always are. */
  officeOnly?: boolean;
}

/** Who reads an attachment's content (written to the audit trail as `attachment.download`). */
export interface AttachmentReader {
  actorId: string;
  actorName?: string;
  role: Role | 'link';
  via: AttachmentVia;
}

/** The audit trail stores who by id and name only. */
const auditActor = (id: string, displayName: string): Actor => ({ id, username: id, displayName, role: 'admin', leaderId: null, unitId: null, unitCode: null });

/**
 * Attachments of cases: checks (size, type by content, count per case), sealed storage (AttachmentStore),
 * metadata rows, audited reading. No HTTP and no access rules here: the caller has already decided that
 * the reader may see the case (src/case-files, unit links, letters).
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly repo: AttachmentsRepository,
    private readonly files: AttachmentStore,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get limits(): { maxBytes: number; perCase: number } {
    return { maxBytes: this.config.attachments.maxBytes, perCase: this.config.attachments.perCase };
  }

  /** Size and type by magic bytes: 400 empty, 413 too large, 415 not an allowed type (what was found, what is allowed). */
  checkUpload(file: UploadedFile): Promise<{ mediaType: string }> {
    if (file.size === 0 || file.buffer.length === 0) return Promise.reject(AttachmentErrors.fileRequired());
    if (file.size > this.limits.maxBytes || file.buffer.length > this.limits.maxBytes) return Promise.reject(AttachmentErrors.tooLarge(this.limits.maxBytes));
    const found = detectType(file.buffer);
    if (!found.allowed) return Promise.reject(AttachmentErrors.typeNotAllowed(found));
    return Promise.resolve({ mediaType: found.mediaType });
  }

  /**
   * Stores a file in the caller's transaction: the count limit is checked in it, the sealed file is written
   * before the row. If the transaction then rolls back, the file stays as an unreachable orphan (sealed).
   */
  storeIn(em: EntityManager, input: StoreAttachmentInput): Promise<AttachmentRecord> {
    return this.write(em, input, () => undefined);
  }

  private async write(em: EntityManager, input: StoreAttachmentInput, written: (storageKey: string) => void): Promise<AttachmentRecord> {
    const { mediaType } = await this.checkUpload({ buffer: input.buffer, originalname: input.fileName, size: input.buffer.length });
    // The limit is on uploads: a letter the office generates (via 'system') inside a route or transfer must never block it.
    if (input.via !== 'system' && (await this.repo.countForCase(em, input.caseId)) >= this.limits.perCase) throw AttachmentErrors.limitReached(this.limits.perCase);
    const id = randomUUID();
    const { storageKey, keyId } = await this.files.write(id, input.buffer);
    written(storageKey);
    const row: CaseAttachment = {
      id,
      caseId: input.caseId,
      kind: input.kind,
      fileName: displayFileName(input.fileName, mediaType),
      mediaType,
      size: input.buffer.length,
      sha256: createHash('sha256').update(input.buffer).digest('hex'),
      storageKey,
      keyId,
      unitCode: input.unitCode,
      uploadedById: input.uploadedBy.id.slice(0, 64),
      uploadedByName: input.uploadedBy.displayName.slice(0, 100),
      via: input.via,
      letterNumber: input.letterNumber ?? null,
      officeOnly: isOfficeOnly(input.kind, input.officeOnly),
      createdAt: this.clock.now(),
    };
    await this.repo.insert(em, row);
    await this.audit.record(em, auditActor(row.uploadedById, row.uploadedByName), 'attachment.upload', { type: 'case', id: row.caseId }, { attachmentId: id, kind: row.kind, size: row.size, via: row.via, unitCode: row.unitCode }, row.createdAt);
    return toAttachmentRecord(row);
  }

  /** `storeIn` in its own transaction; the file is removed again when the row could not be written. */
  async store(input: StoreAttachmentInput): Promise<AttachmentRecord> {
    const written: string[] = [];
    try {
      const record = await this.tx.run((em) => this.write(em, input, (storageKey) => written.push(storageKey)));
      // A MySQL deadlock retry wrote another file before this one: only the last has a row.
      for (const storageKey of written) if (storageKey !== AttachmentStore.storageKeyOf(record.id)) await this.files.discard(storageKey);
      return record;
    } catch (error) {
      // Every attempt's file: none of them has a row.
      for (const storageKey of written) await this.files.discard(storageKey);
      throw error;
    }
  }

  /** The case's attachments this role may see (`mayReadAttachment`: office-only ones for the office alone). */
  async listForCase(caseId: string, role: Role | 'link'): Promise<AttachmentRecord[]> {
    return (await this.repo.listForCase(caseId)).filter((row) => mayReadAttachment(row, role)).map(toAttachmentRecord);
  }

  async findById(id: string): Promise<AttachmentRecord | null> {
    const row = await this.repo.findById(id);
    return row ? toAttachmentRecord(row) : null;
  }

  countForCase(em: EntityManager, caseId: string): Promise<number> {
    return this.repo.countForCase(em, caseId);
  }

  /** True when every id (distinct) is an attachment of the case. */
  async idsBelongToCase(em: EntityManager, caseId: string, ids: string[]): Promise<boolean> {
    const distinct = [...new Set(ids)];
    return (await this.repo.countOfCaseAmong(em, caseId, distinct)) === distinct.length;
  }

  /** Decrypts the content (checked against its hash) and writes `attachment.download` to the audit trail. */
  async readContent(id: string, reader: AttachmentReader): Promise<{ record: AttachmentRecord; content: Buffer }> {
    const row = await this.repo.findById(id);
    // An office-only file answers a reader outside the office exactly like a missing one.
    if (!row || !mayReadAttachment(row, reader.role)) throw AttachmentErrors.notFound();
    let content: Buffer;
    try {
      content = await this.files.read(row.storageKey, row.id);
    } catch {
      throw AttachmentErrors.unreadable();
    }
    if (createHash('sha256').update(content).digest('hex') !== row.sha256) throw AttachmentErrors.unreadable();
    await this.tx.run((em) =>
      this.audit.record(em, auditActor(reader.actorId, reader.actorName ?? reader.actorId), 'attachment.download', { type: 'case', id: row.caseId }, { attachmentId: row.id, caseId: row.caseId, role: reader.role, via: reader.via }, this.clock.now()),
    );
    return { record: toAttachmentRecord(row), content };
  }
}
