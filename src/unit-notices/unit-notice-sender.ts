import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AttachmentsService } from '../attachments/attachments.service.js';
import type { PetitionCase } from '../cases/case.entity.js';
import { CaseReader } from '../cases/case-reader.js';
import { DomainError } from '../common/errors.js';
import { Mailer } from '../common/mail/mailer.js';
import { redactPii } from '../common/pii/masking.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DirectoryService } from '../directory/directory.service.js';
import { SYSTEM_ACTOR } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import { LETTER_KIND_LABELS, type LetterKind } from '../domain/letter-kinds.js';
import { JOB_NAMES } from '../jobs/job-names.js';
import { JobRegistry } from '../jobs/job-registry.js';
import { chineseDate } from '../letters/letter-facts.js';
import { LettersService } from '../letters/letters.service.js';
import { OfficeSettings } from '../settings/office-settings.js';
import { UnitLinks } from '../unit-links/unit-links.service.js';
import { letterKindOf, noticeMail } from './unit-notice-mail.js';
import type { UnitNotice } from './unit-notice.entity.js';
import { UnitNoticesRepository } from './unit-notices.repository.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface AttachedLetter {
  kind: LetterKind;
  number: string;
  fileName: string;
  content: Buffer;
}

/**
 * The `unit-notice` job: generates the hand-over's letter once (kept on the notice, so a rerun attaches
 * the same letter and number), issues a unit link, and mails the unit its notice with the .docx and the
 * link. Idempotent: a notice sent is not sent again; a unit without an address gets the letter (for
 * printing) and the state no-address; a failed send is marked and retried by the outbox with a new link
 * (the token of the earlier one is not kept anywhere, so that link is revoked).
 */
@Injectable()
export class UnitNoticeSender implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly repo: UnitNoticesRepository,
    private readonly cases: CaseReader,
    private readonly directory: DirectoryService,
    private readonly letters: LettersService,
    private readonly attachments: AttachmentsService,
    private readonly links: UnitLinks,
    private readonly mailer: Mailer,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly settings: OfficeSettings,
  ) {}

  onModuleInit(): void {
    this.registry.register(JOB_NAMES.unitNotice, ({ noticeId }) => this.deliver(noticeId));
  }

  async deliver(noticeId: string): Promise<void> {
    const notice = await this.repo.find(noticeId);
    if (!notice || notice.status === 'sent') return;
    const found = await this.cases.findById(notice.caseId);
    if (!found) return;
    const letter = await this.letterOf(notice, found);
    if (!notice.recipient) {
      await this.tx.run((em) => this.repo.update(em, notice.id, { status: 'no-address' }));
      return;
    }
    // A retry after a failed send: the link of the earlier attempt never reached the unit; it is revoked.
    if (notice.linkId) await this.links.revoke(notice.linkId, SYSTEM_ACTOR);
    const link = await this.tx.run(async (em) => {
      const issued = await this.links.issueIn(em, { caseId: found.id, unitCode: notice.unitCode, createdBy: SYSTEM_ACTOR.id });
      await this.repo.update(em, notice.id, { linkId: issued.id });
      return issued;
    });
    const timeZone = this.settings.timeZone();
    const unit = await this.directory.unitByCode(notice.unitCode);
    const event = ((await this.cases.timelines([found.id])).get(found.id) ?? []).find((e) => e.id === notice.eventId);
    const due = found.dueAt ?? found.replyDueAt;
    const mail = noticeMail({
      kind: notice.kind,
      unitName: unit?.name ?? notice.unitCode,
      caseCode: found.code,
      subject: found.subject,
      dueDate: due ? chineseDate(due, timeZone) : null,
      reason: event?.reason ?? null,
      letter: letter ? { label: LETTER_KIND_LABELS[letter.kind].zh, number: letter.number } : null,
      link: { url: link.url, expiresDate: chineseDate(link.expiresAt, timeZone) },
      office: this.settings.meetings().invites.organizerName,
    });
    await this.repo.countAttempt(notice.id);
    try {
      await this.mailer.send(
        {
          to: { name: unit?.name ?? notice.unitCode, address: notice.recipient },
          subject: mail.subject,
          text: mail.text,
          attachments: letter ? [{ filename: letter.fileName, content: letter.content, contentType: DOCX }] : [],
          messageId: `<unit-notice-${notice.id}@xinfang.renda>`,
        },
        `unit-notice-${notice.id}`,
      );
    } catch (error) {
      const message = redactPii(error instanceof Error ? error.message : 'send failed').slice(0, 300);
      await this.tx.run((em) => this.repo.update(em, notice.id, { status: 'failed', lastError: message }));
      throw error; // the outbox retries the job with backoff
    }
    await this.tx.run((em) => this.repo.update(em, notice.id, { status: 'sent', sentAt: this.clock.now(), lastError: null }));
  }

  /** The notice's letter: generated and recorded on the notice the first time, read back after that. */
  private async letterOf(notice: UnitNotice, found: PetitionCase): Promise<AttachedLetter | null> {
    if (notice.letterAttachmentId && notice.letterKind && notice.letterNumber) {
      const { record, content } = await this.attachments.readContent(notice.letterAttachmentId, { actorId: SYSTEM_ACTOR.id, actorName: SYSTEM_ACTOR.displayName, role: 'admin', via: 'system' });
      return { kind: notice.letterKind, number: notice.letterNumber, fileName: record.fileName, content };
    }
    const kind = letterKindOf(notice.kind, found.routeMode);
    if (!kind) return null;
    try {
      return await this.tx.run(async (em) => {
        const generated = await this.letters.generateIn(em, { caseId: found.id, kind, by: SYSTEM_ACTOR });
        await this.repo.update(em, notice.id, { letterKind: kind, letterAttachmentId: generated.attachmentId, letterNumber: generated.number });
        return { kind, number: generated.number, fileName: generated.fileName, content: generated.buffer };
      });
    } catch (error) {
      // The case moved on before the job ran (e.g. routed, then transferred): the notice goes without that letter.
      if (!(error instanceof DomainError)) throw error;
      await this.tx.run((em) => this.repo.update(em, notice.id, { lastError: `letter: ${error.code}` }));
      return null;
    }
  }
}
