import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Actor } from '../../domain/actor.js';
import { Clock } from '../../domain/clock.js';
import { CaseReader } from '../../cases/case-reader.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { JOB_NAMES } from '../../jobs/job-names.js';
import { OutboxRepository } from '../../jobs/outbox.repository.js';
import { OfficeSettings } from '../../settings/office-settings.js';
import { MeetingErrors } from '../meeting.errors.js';
import type { MeetingAggregate } from '../meeting-aggregate.js';
import { assertStarted } from '../meeting-start.js';
import type { MeetingView } from '../meeting-view.js';
import { MeetingsRepository } from '../meetings.repository.js';
import { MeetingsService } from '../meetings.service.js';
import type { MinutesDraftDto } from './dto/minutes.dto.js';
import { casesWithoutDecision, type MinutesDocument, minutesDocument, minutesNumber } from './minutes-document.js';
import { renderMinutesDocx } from './minutes-docx.js';
import type { MinutesAttendance, MinutesRecord } from './minutes.entity.js';
import { MinutesErrors } from './minutes.errors.js';
import { MinutesRepository } from './minutes.repository.js';

/** The .docx of the minutes and the name it is downloaded or attached under. */
export interface MinutesFile {
  fileName: string;
  content: Buffer;
}

/**
 * The minutes of a meeting (会议纪要): a draft after the start (who attended, summary, general
 * requirements, cases left undecided), issued once with the next number of the year and frozen (the
 * meeting becomes held), rendered as an official-style .docx and mailed to the attendees through the
 * outbox. The decisions per case are the meeting's outcomes (`MeetingsService.addOutcome`).
 */
@Injectable()
export class MinutesService {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly meetingRows: MeetingsRepository,
    private readonly repo: MinutesRepository,
    private readonly cases: CaseReader,
    private readonly outbox: OutboxRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly settings: OfficeSettings,
  ) {}

  /** PUT: creates or changes the draft; only for a confirmed or held meeting that has started. */
  async saveDraft(id: string, input: MinutesDraftDto, actor: Actor): Promise<MeetingView> {
    const current = await this.meetings.load(id, actor);
    const now = this.clock.now();
    this.assertRecordable(current, now);
    const existing = current.minutes ?? null;
    if (existing && input.version !== undefined && input.version !== existing.version) throw MinutesErrors.changedConcurrently();
    const invited = new Set(current.attendees.filter((a) => a.active).map((a) => a.id));
    if ((input.attendance ?? []).some((a) => !invited.has(a.attendeeId))) throw MinutesErrors.attendeeNotOnMeeting();
    const onAgenda = new Set(current.agenda.map((i) => i.caseId));
    if ((input.undecidedCaseIds ?? []).some((c) => !onAgenda.has(c))) throw MeetingErrors.caseNotOnAgenda();
    const attendance = mergeAttendance(id, existing?.attendance ?? [], input.attendance ?? []);
    const fields = {
      summary: input.summary !== undefined ? input.summary || null : (existing?.summary ?? null),
      requirements: input.requirements !== undefined ? input.requirements || null : (existing?.requirements ?? null),
      undecidedCaseIds: input.undecidedCaseIds ?? existing?.undecidedCaseIds ?? [],
      extraAttendees: input.extraAttendees?.map((x) => ({ name: x.name, post: x.post || null })) ?? existing?.extraAttendees ?? [],
      updatedAt: now,
    };
    await this.tx.run(async (em) => {
      if (!existing) {
        const draft = { meetingId: id, status: 'draft' as const, year: null, serial: null, number: null, issuedAt: null, issuedBy: null, createdBy: actor.username, createdAt: now, version: 1, ...fields };
        await this.repo.insert(em, { ...draft, attendance: [] });
      } else if (!(await this.repo.update(em, id, existing.version, fields))) {
        throw MinutesErrors.changedConcurrently();
      }
      await this.repo.replaceAttendance(em, id, attendance);
    });
    return this.meetings.get(id, actor);
  }

  /**
   * Issues the draft: every agenda case has a decision (an outcome) or is marked 未作决定, the next number
   * of the year (office time) is taken from the counter in the same transaction, the minutes freeze and
   * the meeting becomes held. The meeting's version moves too, so an outcome recorded meanwhile makes
   * one of the two fail (409) instead of slipping into frozen minutes.
   */
  async issue(id: string, actor: Actor): Promise<MeetingView> {
    const current = await this.meetings.load(id, actor);
    const now = this.clock.now();
    this.assertRecordable(current, now);
    const draft = current.minutes;
    if (!draft) throw MinutesErrors.notFound();
    const missing = casesWithoutDecision(current.agenda, current.outcomes, draft.undecidedCaseIds);
    if (missing.length) throw MinutesErrors.decisionsMissing(missing);
    const year = DateTime.fromJSDate(now, { zone: this.settings.timeZone() }).year;
    // Everyone invited has a row once issued (not recorded: present); rows of people no longer invited go.
    const attendance = mergeAttendance(id, draft.attendance, []).filter((a) => current.attendees.some((x) => x.active && x.id === a.attendeeId));
    const complete = completeAttendance(id, attendance, current.attendees.filter((a) => a.active).map((a) => a.id));
    await this.tx.run(async (em) => {
      if (!(await this.meetingRows.update(em, id, current.meeting.version, { status: 'held', updatedAt: now }))) throw MeetingErrors.changedConcurrently();
      const serial = await this.repo.reserveSerial(em, year);
      const issued = { status: 'issued' as const, year, serial, number: minutesNumber(year, serial), issuedAt: now, issuedBy: actor.username, updatedAt: now };
      if (!(await this.repo.update(em, id, draft.version, issued))) throw MinutesErrors.changedConcurrently();
      await this.repo.replaceAttendance(em, id, complete);
    });
    return this.meetings.get(id, actor);
  }

  /**
   * The minutes as .docx: the office (admin, secretariat) any time, drafts marked 草稿; a leader invited
   * (and an auditor) once issued; a leader not invited gets 404 as for any meeting he cannot see.
   */
  async docx(id: string, actor: Actor): Promise<MinutesFile> {
    const current = await this.meetings.load(id, actor);
    const minutes = current.minutes;
    const office = actor.role === 'admin' || actor.role === 'secretariat';
    if (!minutes || (!office && minutes.status !== 'issued')) throw MinutesErrors.notFound();
    const doc = await this.document(current, minutes);
    return { fileName: minutesFileName(doc), content: await renderMinutesDocx(doc) };
  }

  /**
   * Mails the issued minutes to every attendee invited who has an e-mail address, one outbox job each.
   * Idempotent per attendee: one already queued or sent is not queued again (a failed one is).
   */
  async send(id: string, actor: Actor): Promise<MeetingView> {
    const current = await this.meetings.load(id, actor);
    const minutes = current.minutes;
    if (!minutes) throw MinutesErrors.notFound();
    if (minutes.status !== 'issued') throw MinutesErrors.notIssued();
    const now = this.clock.now();
    const active = current.attendees.filter((a) => a.active);
    const withEmail = active.filter((a) => a.email).map((a) => a.id);
    const withoutEmail = active.filter((a) => !a.email).map((a) => a.id);
    await this.tx.run(async (em) => {
      const queued = await this.repo.queueMail(em, id, withEmail);
      await this.repo.markMail(em, id, withoutEmail, { mailStatus: 'no-email' });
      for (const attendeeId of queued) {
        await this.outbox.enqueue(em, JOB_NAMES.sendMinutes, { meetingId: id, attendeeId }, now, { dedupeKey: `minutes:${id}:${attendeeId}:${now.getTime()}`, maxAttempts: 10 });
      }
    });
    return this.meetings.get(id, actor);
  }

  /** The document model of a meeting's minutes (no petitioner data: the cases' subjects only). */
  async document(current: MeetingAggregate, minutes: MinutesRecord): Promise<MinutesDocument> {
    const cases = await this.cases.findManyByIds(current.agenda.map((i) => i.caseId));
    return minutesDocument({
      office: this.settings.meetings().invites.organizerName,
      timeZone: this.settings.timeZone(),
      meeting: current.meeting,
      attendees: current.attendees,
      agenda: current.agenda,
      outcomes: current.outcomes,
      minutes,
      attendance: minutes.attendance,
      caseSubjects: new Map(cases.map((c) => [c.id, c.subject])),
      now: this.clock.now(),
    });
  }

  private assertRecordable(current: MeetingAggregate, now: Date): void {
    const m = current.meeting;
    if (m.status !== 'confirmed' && m.status !== 'held') throw MinutesErrors.meetingNotHeld();
    assertStarted(m, now, this.settings.timeZone(), '会议纪要');
    if (current.minutes?.status === 'issued') throw MinutesErrors.issued(current.minutes.number);
  }
}

/** The draft's rows with the entries sent laid over them (by attendee). */
function mergeAttendance(meetingId: string, rows: readonly MinutesAttendance[], entries: readonly { attendeeId: string; present: boolean; substituteName?: string | null; substitutePost?: string | null }[]): MinutesAttendance[] {
  const byAttendee = new Map(rows.map((r) => [r.attendeeId, { ...r }]));
  for (const e of entries) {
    const before = byAttendee.get(e.attendeeId);
    byAttendee.set(e.attendeeId, {
      id: before?.id ?? randomUUID(),
      meetingId,
      attendeeId: e.attendeeId,
      present: e.present,
      substituteName: e.substituteName || null,
      substitutePost: e.substituteName ? e.substitutePost || null : null,
      mailStatus: before?.mailStatus ?? null,
      mailedAt: before?.mailedAt ?? null,
      mailError: before?.mailError ?? null,
    });
  }
  return [...byAttendee.values()];
}

function completeAttendance(meetingId: string, rows: MinutesAttendance[], attendeeIds: string[]): MinutesAttendance[] {
  const have = new Set(rows.map((r) => r.attendeeId));
  const missing = attendeeIds.filter((a) => !have.has(a));
  return [...rows, ...missing.map((attendeeId) => ({ id: randomUUID(), meetingId, attendeeId, present: true, substituteName: null, substitutePost: null, mailStatus: null, mailedAt: null, mailError: null }))];
}

/** `督办会纪要〔2026〕3号.docx`, or `督办会纪要（草稿）.docx`. */
export function minutesFileName(doc: MinutesDocument): string {
  return `${doc.title}${doc.number ?? '（草稿）'}.docx`;
}
