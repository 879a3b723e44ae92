import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AttachmentsService, type UploadedFile } from '../attachments/attachments.service.js';
import type { AttachmentRecord } from '../attachments/attachment-record.js';
import { type AttachmentView, type CaseAttachmentsView, toAttachmentView } from '../attachments/http/attachment-view.js';
import { AttachmentErrors } from '../attachments/attachments.errors.js';
import { UPLOAD_KINDS } from '../attachments/http/upload-kinds.js';
import type { AttachmentKind } from '../attachments/attachment-kinds.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { unitSees } from '../cases/case-permissions.js';
import { CaseActionsService } from '../cases/case-actions.service.js';
import { CaseErrors } from '../cases/case.errors.js';
import { CaseReader } from '../cases/case-reader.js';
import type { CaseView } from '../cases/case-view.js';
import { CasesService } from '../cases/cases.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DirectoryService } from '../directory/directory.service.js';
import type { Actor } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import type { UnitLinkActionDto } from './dto/unit-link-action.dto.js';
import type { UnitLink } from './unit-link.entity.js';
import { linkActorId } from './unit-link-token.js';
import { assertLinkUsable } from './unit-link-validity.js';
import { UnitLinkErrors } from './unit-links.errors.js';
import { UnitLinksRepository } from './unit-links.repository.js';
import { UnitLinks } from './unit-links.service.js';

/** An urging notice (催办) the unit received on this case: the timeline's urge events, newest first. */
export interface UrgingView {
  at: string;
  note: string | null;
  automatic: boolean;
}

/** What a unit link opens: the case as the unit sees it (masked, its own actions), urgings and attachments. */
export interface UnitLinkPageView {
  link: { expiresAt: string; unitCode: string; unitName: string };
  case: CaseView;
  urgings: UrgingView[];
  /** The case's attachments (contentUrl: through this link), what the unit may upload, the limits. */
  attachments: CaseAttachmentsView;
}

/** An attachment as the link's page shows it: its content through the link (no login). */
export const linkAttachmentView = (token: string, record: AttachmentRecord): AttachmentView => ({
  ...toAttachmentView(record),
  contentUrl: `/unit-links/${token}/attachments/${record.id}`,
});

/** What a link may do (H1's lifecycle decides, per the case's state, which of them apply now). */
export type UnitLinkUse = 'view' | 'action' | 'upload' | 'download';

interface OpenLink {
  link: UnitLink;
  unitName: string;
  actor: Actor;
}

/**
 * The public side of unit links (no login): every use resolves the token to its stored link, checks it
 * (revoked → 410, expired → 410, case handed to another unit → 410), acts as the link's unit (role `unit`,
 * id `link:<id in base64url>`, "<unit name>（链接）") through the same services a unit account uses, and is audited
 * (`unit-link.use`, with what was done) together with the link's use count.
 */
@Injectable()
export class UnitLinkDesk {
  constructor(
    private readonly links: UnitLinks,
    private readonly repo: UnitLinksRepository,
    private readonly cases: CasesService,
    private readonly caseReader: CaseReader,
    private readonly actions: CaseActionsService,
    private readonly attachments: AttachmentsService,
    private readonly directory: DirectoryService,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async page(token: string): Promise<UnitLinkPageView> {
    const open = await this.open(token);
    await this.tx.run((em) => this.used(em, open, 'view', {}));
    return this.pageOf(token, open);
  }

  async act(token: string, input: UnitLinkActionDto): Promise<UnitLinkPageView> {
    const open = await this.open(token);
    await this.tx.run(async (em) => {
      // The link reaches its own case only: a reply naming another case's file is refused before anything changes.
      const ids = input.attachmentIds ?? [];
      if (ids.length > 0 && !(await this.attachments.idsBelongToCase(em, open.link.caseId, ids))) throw CaseErrors.unknownAttachments();
      await this.actions.performIn(em, { id: open.link.caseId }, { ...input }, open.actor, this.clock.now());
      await this.used(em, open, 'action', { action: input.action, attachmentIds: input.attachmentIds ?? [] });
    });
    return this.pageOf(token, open);
  }

  async upload(token: string, file: UploadedFile, kind: AttachmentKind): Promise<AttachmentView> {
    const open = await this.open(token);
    if (!UPLOAD_KINDS.unit.includes(kind)) throw AttachmentErrors.kindNotAllowed(UPLOAD_KINDS.unit);
    const { mediaType } = await this.attachments.checkUpload(file);
    return this.tx.run(async (em) => {
      const record = await this.attachments.storeIn(em, {
        caseId: open.link.caseId,
        kind,
        fileName: file.originalname,
        buffer: file.buffer,
        mediaType,
        uploadedBy: { id: open.actor.id, displayName: open.actor.displayName },
        unitCode: open.link.unitCode,
        via: 'link',
      });
      await this.used(em, open, 'upload', { attachmentId: record.id, kind });
      return linkAttachmentView(token, record);
    });
  }

  /** One attachment of the link's case (another case's answers 404, like a missing one); audited twice: the download and the link's use. */
  async download(token: string, attachmentId: string): Promise<{ record: AttachmentRecord; content: Buffer }> {
    const open = await this.open(token);
    const found = await this.attachments.findById(attachmentId);
    if (!found || found.caseId !== open.link.caseId) throw AttachmentErrors.notFound();
    const file = await this.attachments.readContent(attachmentId, { actorId: open.actor.id, actorName: open.actor.displayName, role: 'unit', via: 'link' });
    await this.tx.run((em) => this.used(em, open, 'download', { attachmentId }));
    return file;
  }

  private async open(token: string): Promise<OpenLink> {
    const link = await this.repo.findById(this.links.linkIdOf(token));
    if (!link) throw UnitLinkErrors.invalid();
    const c = await this.caseReader.findById(link.caseId);
    if (!c) throw UnitLinkErrors.invalid();
    assertLinkUsable(link, unitSees(c, { unitCode: link.unitCode }) ? link.unitCode : null, this.clock.now());
    const unit = await this.directory.unitByCode(link.unitCode);
    const unitName = unit?.name ?? link.unitCode;
    return {
      link,
      unitName,
      actor: { id: linkActorId(link.id), username: linkActorId(link.id), displayName: `${unitName}（链接）`, role: 'unit', leaderId: null, unitId: unit?.id ?? null, unitCode: link.unitCode },
    };
  }

  private async used(em: EntityManager, open: OpenLink, use: UnitLinkUse, data: Record<string, unknown>): Promise<void> {
    const now = this.clock.now();
    await this.repo.recordUseIn(em, open.link.id, now);
    await this.audit.record(em, open.actor, 'unit-link.use', { type: 'case', id: open.link.caseId }, { linkId: open.link.id, unitCode: open.link.unitCode, use, ...data }, now);
  }

  private async pageOf(token: string, open: OpenLink): Promise<UnitLinkPageView> {
    const view = await this.cases.get(open.link.caseId, open.actor);
    return {
      link: { expiresAt: open.link.expiresAt.toISOString(), unitCode: open.link.unitCode, unitName: open.unitName },
      case: view,
      urgings: urgingsOf(view),
      attachments: {
        items: (await this.attachments.listForCase(open.link.caseId, 'link')).map((r) => linkAttachmentView(token, r)),
        uploadKinds: [...UPLOAD_KINDS.unit],
        ...this.attachments.limits,
      },
    };
  }
}

/** The urge events of a case's timeline (manual ones carry the secretary's note), newest first. */
export function urgingsOf(view: Pick<CaseView, 'timeline'>): UrgingView[] {
  return (view.timeline ?? [])
    .filter((e) => e.action === 'urge')
    .map((e) => ({ at: e.at, note: e.reason, automatic: e.actor.id === 'system' }))
    .reverse();
}
