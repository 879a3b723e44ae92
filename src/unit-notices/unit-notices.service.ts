import { Injectable } from '@nestjs/common';
import type { HandOverKind } from '../cases/case-hand-overs.port.js';
import { CaseAccess } from '../cases/case-access.js';
import { DirectoryService } from '../directory/directory.service.js';
import type { Actor } from '../domain/actor.js';
import { LETTER_KIND_LABELS, type LetterKind } from '../domain/letter-kinds.js';
import { HAND_OVER_LABELS } from './unit-notice-mail.js';
import type { UnitNoticeStatus } from './unit-notice.entity.js';
import { UnitNoticesRepository } from './unit-notices.repository.js';

export interface UnitNoticeView {
  id: string;
  kind: HandOverKind;
  label: string;
  unitCode: string;
  unitName: string;
  recipient: string | null;
  letterKind: LetterKind | null;
  letterLabel: string | null;
  letterNumber: string | null;
  /** The letter's .docx: GET /attachments/:id/content. */
  letterAttachmentId: string | null;
  /** The unit link sent with the notice (a retried send revokes the earlier one). */
  linkId: string | null;
  status: UnitNoticeStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

/** The delivery state of a case's notices to units: the office sees all; a unit its own; others per case access (404). */
@Injectable()
export class UnitNoticesService {
  constructor(
    private readonly repo: UnitNoticesRepository,
    private readonly access: CaseAccess,
    private readonly directory: DirectoryService,
  ) {}

  async listForCase(caseId: string, actor: Actor): Promise<UnitNoticeView[]> {
    await this.access.findVisible(caseId, actor);
    const notices = (await this.repo.ofCase(caseId)).filter((n) => actor.role !== 'unit' || n.unitCode === actor.unitCode);
    const units = new Map((await this.directory.listUnits()).map((u) => [u.code, u.name]));
    return notices.map((n) => ({
      id: n.id,
      kind: n.kind,
      label: HAND_OVER_LABELS[n.kind].zh,
      unitCode: n.unitCode,
      unitName: units.get(n.unitCode) ?? n.unitCode,
      recipient: n.recipient,
      letterKind: n.letterKind,
      letterLabel: n.letterKind ? LETTER_KIND_LABELS[n.letterKind].zh : null,
      letterNumber: n.letterNumber,
      letterAttachmentId: n.letterAttachmentId,
      linkId: n.linkId,
      status: n.status,
      attempts: n.attempts,
      lastError: n.lastError,
      sentAt: n.sentAt?.toISOString() ?? null,
      createdAt: n.createdAt.toISOString(),
    }));
  }
}
