import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from '../../audit/audit.repository.js';
import { DomainError } from '../../common/errors.js';
import { CaseReader } from '../../cases/case-reader.js';
import { maskName, redactPii } from '../../common/pii/masking.js';
import type { Actor } from '../../domain/actor.js';
import { Clock } from '../../domain/clock.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { OfficeSettings } from '../../settings/office-settings.js';
import type { MeetingType } from '../../domain/case-vocabulary.js';
import type { AttendeeKind } from '../meeting-attendee.entity.js';
import type { MeetingAggregate } from '../meeting-aggregate.js';
import type { MeetingStatus } from '../meeting.entity.js';
import { MeetingContextService } from '../meeting-context.service.js';
import { MeetingEvents } from '../meeting-events.js';
import { MeetingErrors } from '../meeting.errors.js';
import type { MeetingView } from '../meeting-view.js';
import { MeetingsRepository } from '../meetings.repository.js';
import { MeetingsService } from '../meetings.service.js';
import { alternatives, type AlternativesView } from './alternatives.js';
import { planReply, type ReplyOperation } from './attendee-reply.js';
import { ReplyErrors } from './replies.errors.js';
import { RepliesRepository } from './replies.repository.js';
import type { ReplyDto } from './reply.dto.js';
import { ReplyLinks } from './reply-links.js';
import { isPartstat, type Partstat, type Reply, replyFromAnswer } from './reply-state.js';
import { replyWarnings } from './reply-warnings.js';

/** What the reply page shows: the meeting in brief, the person's own name, the answer so far. No case details. */
export interface ReplyPageView {
  meeting: { type: MeetingType; title: string; startAt: string; endAt: string; location: string; status: MeetingStatus; agendaCount: number };
  attendee: { name: string; kind: AttendeeKind };
  partstat: Partstat;
  repliedAt: string | null;
  substitute: { name: string; post: string | null } | null;
  expiresAt: string;
}

/** An iTIP REPLY as read from the organizer's mailbox. */
export interface ItipReplyInput {
  uid: string;
  attendeeEmail: string;
  partstat: string;
  /** DTSTAMP of the reply. */
  stampedAt: Date;
  /** DELEGATED: the delegate's CN, if the client gave one. */
  delegateName: string | null;
}

export type ItipOutcome = { outcome: 'applied' | 'unchanged'; reason: string | null } | { outcome: 'ignored'; reason: string };

const SEARCH_DAYS = 14;
const MAX_SLOTS = 8;
const CAS_ATTEMPTS = 3;

/** Who answered, for the audit trail, when nobody is signed in (the link, the calendar client). */
const attendeeActor = (via: 'link' | 'imap', name: string): Actor => ({
  id: `reply-${via}`,
  username: `reply-${via}`,
  displayName: `${name}（${via === 'link' ? '回执链接' : '日历回复'}）`,
  role: 'leader',
  leaderId: null,
  unitId: null,
  unitCode: null,
});

/**
 * Replies (回执) from every channel, each one domain operation (`planReply`) in one transaction: the
 * attendee's answer, its audit entry (and one per warning it raises), and a `replied` meeting event.
 */
@Injectable()
export class MeetingRepliesService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly replies: RepliesRepository,
    private readonly meetingsService: MeetingsService,
    private readonly context: MeetingContextService,
    private readonly cases: CaseReader,
    private readonly audit: AuditRepository,
    private readonly events: MeetingEvents,
    private readonly links: ReplyLinks,
    private readonly settings: OfficeSettings,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** `GET /replies/:token`. */
  async linkView(token: string): Promise<ReplyPageView> {
    const { aggregate, attendeeId, exp } = await this.fromLink(token);
    return this.pageView(aggregate, attendeeId, exp);
  }

  /** `POST /replies/:token`. */
  async replyByLink(token: string, input: ReplyDto): Promise<ReplyPageView> {
    const { aggregate, attendeeId, exp } = await this.fromLink(token);
    const name = aggregate.attendees.find((a) => a.id === attendeeId)?.name ?? '';
    const after = await this.apply(aggregate.meeting.id, attendeeId, replyFromAnswer(input, 'link', this.clock.now()), attendeeActor('link', name));
    return this.pageView(after, attendeeId, exp);
  }

  /** `POST /meetings/:id/reply`: a leader answers for himself or herself (a meeting he or she cannot see answers 404). */
  async replyAsLeader(meetingId: string, input: ReplyDto, actor: Actor): Promise<MeetingView> {
    if (!actor.leaderId) throw ReplyErrors.noLinkedLeader();
    const seen = await this.meetingsService.load(meetingId, actor);
    const own = seen.attendees.find((a) => a.kind === 'leader' && a.refId === actor.leaderId && a.active);
    if (!own) throw MeetingErrors.notFound();
    await this.apply(meetingId, own.id, replyFromAnswer(input, 'console', this.clock.now()), actor);
    return this.meetingsService.get(meetingId, actor);
  }

  /** `POST /meetings/:id/attendees/:attendeeId/reply`: the secretariat records an answer received by phone. */
  async replyForAttendee(meetingId: string, attendeeId: string, input: ReplyDto, actor: Actor): Promise<MeetingView> {
    await this.meetingsService.load(meetingId, actor);
    await this.apply(meetingId, attendeeId, replyFromAnswer(input, 'secretariat', this.clock.now()), actor);
    return this.meetingsService.get(meetingId, actor);
  }

  /** An iTIP REPLY: matched by UID and attendee e-mail (case-insensitive); anything unmatched is ignored with a reason. */
  async applyItip(input: ItipReplyInput): Promise<ItipOutcome> {
    const meetingId = await this.replies.meetingIdByUid(input.uid);
    if (!meetingId) return { outcome: 'ignored', reason: 'unknown-uid' };
    const aggregate = await this.meetings.find(meetingId);
    if (!aggregate) return { outcome: 'ignored', reason: 'unknown-uid' };
    const email = input.attendeeEmail.trim().toLowerCase();
    const attendee = aggregate.attendees.find((a) => a.active && a.email?.trim().toLowerCase() === email) ?? aggregate.attendees.find((a) => a.email?.trim().toLowerCase() === email);
    if (!attendee) return { outcome: 'ignored', reason: 'unknown-attendee' };
    if (!isPartstat(input.partstat) || input.partstat === 'NEEDS-ACTION') return { outcome: 'ignored', reason: 'unsupported-partstat' };
    const reply: Reply = {
      partstat: input.partstat,
      via: 'imap',
      at: input.stampedAt,
      substitute: input.partstat === 'DELEGATED' ? { name: input.delegateName ?? '（日历客户端委托，未填姓名）', post: null } : null,
      comment: null,
    };
    try {
      const op = await this.applyOperation(meetingId, attendee.id, reply, attendeeActor('imap', attendee.name));
      return op.ignored ? { outcome: 'unchanged', reason: op.ignored } : { outcome: 'applied', reason: null };
    } catch (error) {
      // A reply the domain refuses (cancelled meeting, removed attendee, meeting over…) is recorded, never retried.
      if (!(error instanceof DomainError) || error.status >= 500) throw error;
      return { outcome: 'ignored', reason: error.code === 'ATTENDEE_NOT_FOUND' ? 'unknown-attendee' : error.code.toLowerCase().slice(0, 40) };
    }
  }

  /** `GET /meetings/:id/alternatives?caseId=`: substitute leaders and new slots when a leader in charge (or the chair) declined. */
  async alternatives(meetingId: string, caseId: string | undefined, actor: Actor): Promise<AlternativesView> {
    const a = await this.meetingsService.load(meetingId, actor);
    const warning = replyWarnings(a).find((w) => (caseId ? w.caseId === caseId : w.code === 'CHAIR_DECLINED'));
    if (!warning) throw caseId && !a.agenda.some((i) => i.caseId === caseId) ? MeetingErrors.caseNotOnAgenda() : ReplyErrors.caseNotLed();
    const declining = a.attendees.find((x) => x.id === warning.attendeeId);
    if (!declining) throw ReplyErrors.attendeeNotFound();
    const { startAt, endAt } = a.meeting;
    const now = this.clock.now();
    // New slots give the attendees the same notice as a planned meeting (minNoticeHours of the settings).
    const config = this.settings.meetings();
    const searchFrom = new Date(now.getTime() + config.minNoticeHours * 3_600_000);
    const searchTo = new Date(searchFrom.getTime() + SEARCH_DAYS * 86_400_000);
    const leaders = await this.context.leadersById();
    const [loads, found, atMeeting, inWindow, others] = await Promise.all([
      this.cases.openLoadByLeader(),
      caseId ? this.cases.findManyByIds([caseId]) : Promise.resolve([]),
      this.context.commitments(startAt, endAt, leaders, meetingId),
      this.context.commitments(searchFrom, searchTo, leaders, meetingId),
      this.replies.confirmedBetween(searchFrom, searchTo),
    ]);
    const subject = found[0] ? { category: found[0].category, region: found[0].region } : null;
    const view = alternatives({
      meeting: { type: a.meeting.type, startAt, endAt },
      subject,
      decliningLeaderId: declining.refId,
      attendingLeaderIds: a.attendees.filter((x) => x.active && x.kind === 'leader').map((x) => x.refId),
      leaders: [...leaders.values()].map((l) => ({ ...l, activeCases: loads.get(l.id) ?? 0 })),
      commitmentsAtMeeting: atMeeting,
      decliningBusy: inWindow.filter((c) => c.leaderId === declining.refId),
      // The room: the same directory room when the meeting has one, else the same place by name.
      roomBusy: others.filter((m) => m.id !== meetingId && (a.meeting.roomId ? m.roomId === a.meeting.roomId : m.location === a.meeting.location)),
      ctx: this.context.calendarContext(),
      searchFrom,
      searchDays: SEARCH_DAYS,
      stepMinutes: config.slotStepMinutes,
      maxSlots: MAX_SLOTS,
    });
    return { caseId: warning.caseId, ...view };
  }

  private async fromLink(token: string): Promise<{ aggregate: MeetingAggregate; attendeeId: string; exp: number }> {
    const payload = this.links.verify(token, this.clock.now());
    const aggregate = await this.meetings.find(payload.meetingId);
    if (!aggregate) throw ReplyErrors.linkInvalid();
    if (aggregate.meeting.status === 'cancelled') throw ReplyErrors.meetingCancelled();
    const attendee = aggregate.attendees.find((x) => x.id === payload.attendeeId);
    if (!attendee) throw ReplyErrors.linkInvalid();
    if (!attendee.active) throw ReplyErrors.notInvited();
    return { aggregate, attendeeId: attendee.id, exp: payload.exp };
  }

  private pageView(a: MeetingAggregate, attendeeId: string, exp: number): ReplyPageView {
    const x = a.attendees.find((row) => row.id === attendeeId);
    if (!x) throw ReplyErrors.linkInvalid();
    const m = a.meeting;
    return {
      meeting: { type: m.type, title: redactPii(m.title), startAt: m.startAt.toISOString(), endAt: m.endAt.toISOString(), location: redactPii(m.location), status: m.status, agendaCount: a.agenda.length },
      // A deputy is a private person: masked like petitioners (张*代表); leaders and units are public offices.
      attendee: { name: x.kind === 'deputy' ? `${maskName(x.name.replace(/代表$/, ''))}代表` : x.name, kind: x.kind },
      partstat: x.partstat,
      repliedAt: x.repliedAt?.toISOString() ?? null,
      substitute: x.partstat === 'DELEGATED' && x.substituteName ? { name: x.substituteName, post: x.substitutePost } : null,
      expiresAt: new Date(exp * 1000).toISOString(),
    };
  }

  private async apply(meetingId: string, attendeeId: string, reply: Reply, actor: Actor): Promise<MeetingAggregate> {
    await this.applyOperation(meetingId, attendeeId, reply, actor);
    const after = await this.meetings.find(meetingId);
    if (!after) throw MeetingErrors.notFound();
    return after;
  }

  /** Reads, decides and writes in one transaction; an answer written in between (compare-and-set) makes it decide again. */
  private async applyOperation(meetingId: string, attendeeId: string, reply: Reply, actor: Actor): Promise<ReplyOperation> {
    for (let attempt = 1; ; attempt++) {
      const result = await this.tx.run(async (em) => {
        const a = await this.meetings.find(meetingId, em);
        if (!a) throw MeetingErrors.notFound();
        const op = planReply(a, attendeeId, reply);
        if (!op.next) return op;
        if (!(await this.replies.writeReply(em, attendeeId, before(a, attendeeId), op.next))) return null;
        await this.record(em, op, meetingId, actor);
        return op;
      });
      if (result) {
        if (result.event) this.events.committed();
        return result;
      }
      if (attempt >= CAS_ATTEMPTS) throw MeetingErrors.changedConcurrently();
    }
  }

  private async record(em: EntityManager, op: ReplyOperation, meetingId: string, actor: Actor): Promise<void> {
    const at = this.clock.now();
    if (op.audit) await this.audit.record(em, actor, op.audit.action, { type: 'meeting', id: meetingId }, op.audit.data, at);
    for (const w of op.warnings) {
      await this.audit.record(em, actor, 'meeting.reply-warning', { type: 'meeting', id: meetingId }, { code: w.code, attendeeId: w.attendeeId, caseId: w.caseId, caseCode: w.caseCode, message: w.message }, at);
    }
    if (op.event) await this.events.emit(em, op.event);
  }
}

const before = (a: MeetingAggregate, attendeeId: string): { partstat: Partstat; repliedAt: Date | null } => {
  const row = a.attendees.find((x) => x.id === attendeeId);
  return { partstat: row?.partstat ?? 'NEEDS-ACTION', repliedAt: row?.repliedAt ?? null };
};
