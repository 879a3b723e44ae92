import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { CaseAccess } from '../cases/case-access.js';
import type { PetitionCase } from '../cases/case.entity.js';
import { CaseErrors } from '../cases/case.errors.js';
import { CaseReader } from '../cases/case-reader.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DirectoryService } from '../directory/directory.service.js';
import { type Actor, seesPersonalData } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import { LETTER_KIND_LABELS, LETTER_KINDS, type LetterKind, PETITIONER_LETTERS } from '../domain/letter-kinds.js';
import { OfficeSettings } from '../settings/office-settings.js';
import { renderLetterDocx } from './letter-docx.js';
import { applicableKinds, assertApplicable, chineseDate, type LetterCaseFacts, letterValues, officeYear } from './letter-facts.js';
import { fillTemplate, letterNumber } from './letter-template.js';
import { LetterTemplatesService } from './letter-templates.service.js';
import type { CaseLetter } from './letter.entity.js';
import { LettersRepository } from './letters.repository.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface GeneratedLetter {
  letterId: string;
  attachmentId: string;
  number: string;
  fileName: string;
  buffer: Buffer;
}

export interface LetterView {
  id: string;
  kind: LetterKind;
  label: string;
  number: string;
  addressee: string;
  /** 成文日期 in the office's time zone (2026年11月26日). */
  date: string;
  createdAt: string;
  createdBy: string;
  /** The .docx: download it through GET /attachments/:id/content. */
  attachmentId: string;
}

/** The answer to POST /cases/:id/letters: the case's letters and the one just made. */
export interface GeneratedLettersView extends CaseLettersView {
  created: LetterView;
}

export interface CaseLettersView {
  items: LetterView[];
  /** The kinds the office may generate now (empty for roles that may not generate). */
  available: LetterKind[];
}

/**
 * The letters of a case (公文): generated from the wording in force, numbered per prefix and year in
 * the generating transaction (人大信转〔2026〕12号), rendered as .docx after GB/T 9704 and kept as an
 * attachment of the case (kind `letter`, with its number). The notices to the petitioner carry the name
 * in full; letters to units mask it; no letter carries an ID number or phone.
 */
@Injectable()
export class LettersService {
  constructor(
    private readonly repo: LettersRepository,
    private readonly templates: LetterTemplatesService,
    private readonly cases: CaseReader,
    private readonly access: CaseAccess,
    private readonly directory: DirectoryService,
    private readonly attachments: AttachmentsService,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly settings: OfficeSettings,
  ) {}

  /** Generates a letter in the caller's transaction (409 LETTER_NOT_APPLICABLE when the case's state does not fit). */
  async generateIn(em: EntityManager, input: { caseId: string; kind: LetterKind; by: Actor }): Promise<GeneratedLetter> {
    const found = await this.cases.findById(input.caseId);
    if (!found) throw CaseErrors.notFound();
    const facts = await this.facts(found);
    assertApplicable(input.kind, facts);
    const template = await this.templates.textFor(input.kind, em);
    const now = this.clock.now();
    const timeZone = this.settings.timeZone();
    const year = officeYear(now, timeZone);
    const serial = await this.repo.reserveSerial(em, template.numberPrefix, year);
    const number = letterNumber(template.numberPrefix, year, serial);
    const toPetitioner = PETITIONER_LETTERS.includes(input.kind);
    const unit = toPetitioner ? null : await this.directory.unitByCode(found.routeHandledBy);
    const unitName = unit?.name ?? found.routeHandledBy;
    const office = this.templates.officeName();
    const values = letterValues({ kind: input.kind, facts, unitName, officeName: office, number, now, timeZone });
    const filled = fillTemplate(template, values);
    const buffer = await renderLetterDocx({ ...filled, office, number, date: chineseDate(now, timeZone) });
    const fileName = `${LETTER_KIND_LABELS[input.kind].zh}${number}（${found.code}）.docx`;
    const stored = await this.attachments.storeIn(em, {
      caseId: found.id,
      kind: 'letter',
      fileName,
      buffer,
      mediaType: DOCX,
      uploadedBy: { id: input.by.id, displayName: input.by.displayName },
      unitCode: null,
      via: 'system',
      letterNumber: number,
      officeOnly: toPetitioner,
    });
    const letter: CaseLetter = {
      id: randomUUID(),
      caseId: found.id,
      kind: input.kind,
      numberPrefix: template.numberPrefix,
      year,
      serial,
      number,
      addressee: toPetitioner ? '信访人' : unitName.slice(0, 100),
      attachmentId: stored.id,
      createdBy: input.by.displayName.slice(0, 100),
      createdAt: now,
    };
    await this.repo.insertLetter(em, letter);
    await this.audit.record(em, input.by, 'letter.generate', { type: 'case', id: found.id }, { kind: input.kind, number, attachmentId: stored.id }, now);
    return { letterId: letter.id, attachmentId: stored.id, number, fileName: stored.fileName, buffer };
  }

  /**
   * POST /cases/:id/letters: the office generates a letter (own transaction); the case's letters come back
   * with the new one named (`created`: letters made at the same instant, e.g. by a notice job, sort as they may).
   */
  async generate(caseId: string, kind: LetterKind, actor: Actor): Promise<GeneratedLettersView> {
    const found = await this.access.findVisible(caseId, actor);
    const generated = await this.tx.run((em) => this.generateIn(em, { caseId, kind, by: actor }));
    // A letter changes nothing of the case: the case read above serves the list.
    const view = await this.listOf(found, actor);
    const created = view.items.find((l) => l.id === generated.letterId);
    if (!created) throw new Error(`letter ${generated.letterId} is missing from its case's list`);
    return { ...view, created };
  }

  /**
   * The letters of a case the actor sees (404 otherwise). Only the office (admin, secretariat) gets the
   * notices to the petitioner, which carry the name in full (others see names masked); only the office is
   * offered kinds to generate.
   */
  async list(caseId: string, actor: Actor): Promise<CaseLettersView> {
    return this.listOf(await this.access.findVisible(caseId, actor), actor);
  }

  private async listOf(found: PetitionCase, actor: Actor): Promise<CaseLettersView> {
    const caseId = found.id;
    const office = seesPersonalData(actor);
    const letters = (await this.repo.lettersOfCase(caseId)).filter((l) => office || !PETITIONER_LETTERS.includes(l.kind));
    const timeZone = this.settings.timeZone();
    const items = letters.map((l) => ({
      id: l.id,
      kind: l.kind,
      label: LETTER_KIND_LABELS[l.kind].zh,
      number: l.number,
      addressee: l.addressee,
      date: chineseDate(l.createdAt, timeZone),
      createdAt: l.createdAt.toISOString(),
      createdBy: l.createdBy,
      attachmentId: l.attachmentId,
    }));
    return { items, available: office ? applicableKinds(LETTER_KINDS, await this.facts(found)) : [] };
  }

  private async facts(c: PetitionCase): Promise<LetterCaseFacts> {
    const events = (await this.cases.timelines([c.id])).get(c.id) ?? [];
    return {
      code: c.code,
      subject: c.subject,
      status: c.status,
      petitionerName: c.petitionerName,
      receivedAt: c.receivedAt,
      acceptedAt: c.acceptedAt,
      routedAt: c.routedAt,
      routeMode: c.routeMode,
      dueAt: c.dueAt,
      replyDueAt: c.replyDueAt,
      resupervisionCount: c.resupervisionCount,
      events: events.map((e) => ({ action: e.action, reason: e.reason })),
    };
  }
}
