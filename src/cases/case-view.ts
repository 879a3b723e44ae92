import type { Actor } from '../domain/actor.js';
import { seesPersonalData } from '../domain/actor.js';
import type { PiiCipher } from '../common/pii/pii-cipher.js';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../common/pii/masking.js';
import { type EvaluationView, withExplanation } from '../rules/evaluation-explanation.js';
import { allowedActionsFor, canConvert } from './case-permissions.js';
import type { CaseAction } from './lifecycle.js';
import type { DeadlineCalculator } from './deadlines.js';
import type { CaseEvent } from './case-event.entity.js';
import type { PetitionCase } from './case.entity.js';
import { OPEN_STATUSES, type CaseStatus, type Category, type Channel, type Feedback, type Grade, type MeetingType, type Route } from '../domain/case-vocabulary.js';

export interface PetitionerView {
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  organisation: string | null;
  masked: boolean;
}

/** The deputy who reported the case, as the secretariat sees it. */
export interface ReportingDeputyView {
  id: string;
  name: string;
  station: string;
}

export interface DeadlinesView {
  acceptDueAt: string;
  replyDueAt: string | null;
  /** The deadline currently running (acceptance, then reply); null once replied or closed. */
  dueAt: string | null;
  daysLeft: number | null;
  overdue: boolean;
  dueSoon: boolean;
  extensionUsed: boolean;
  reportRequired: boolean;
  /** 签收期限: the handling unit signs by then (null: not routed, or routed before sign deadlines). */
  signDueAt: string | null;
  /** 已签收: when the unit signed (null: not yet). */
  signedAt: string | null;
  signedOnTime: boolean | null;
  /** 签收超期: routed, not signed, the sign deadline passed. */
  signOverdue: boolean;
}

/** The handling unit's extension request waiting for the secretariat (申请延期). */
export interface ExtensionRequestView {
  requestedAt: string;
  days: number;
  reason: string | null;
}

export interface TimelineEventView {
  id: string;
  at: string;
  action: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  actor: { id: string; name: string; role: string };
  reason: string | null;
  data: Record<string, unknown>;
}

export interface CaseView {
  id: string;
  code: string;
  channel: Channel;
  receivedAt: string;
  registeredAt: string;
  status: CaseStatus;
  grade: Grade;
  petitioner: PetitionerView;
  headcount: number;
  subject: string;
  content: string;
  category: Category;
  region: string;
  unitsInvolved: string[];
  deputyReported: boolean;
  /** The deputy who reported it (secretariat and admins only; null for others or when none). */
  reportedByDeputy: ReportingDeputyView | null;
  important: boolean;
  provincialReferral: boolean;
  leaderInstructed: boolean;
  relatedCaseIds: string[];
  repeatCount: number;
  similarOpenCases: number;
  route: Route;
  meetingType: MeetingType | null;
  flags: string[];
  deadlines: DeadlinesView;
  feedback: Feedback | null;
  repliedAt: string | null;
  closedAt: string | null;
  leadLeaderId: string | null;
  resupervisionCount: number;
  /** The handling unit's pending extension request (null when none). */
  extensionRequest: ExtensionRequestView | null;
  /** When the unit asked the question the office has not answered yet (null when none is open). */
  openQuestionAt: string | null;
  /** The rules' verdict as stored, with "why this grade" in words. */
  evaluation: EvaluationView;
  /** The actions this actor may request on this case now (`POST /cases/:id/actions`); the console shows exactly these. */
  allowedActions: CaseAction[];
  /** Whether this actor may convert the case (`POST /cases/:id/conversions`). */
  canConvert: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
  timeline?: TimelineEventView[];
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Builds the API view of a case for one actor: personal data in clear only for the secretariat and admins. */
export class CaseViewBuilder {
  constructor(
    private readonly cipher: PiiCipher,
    /** The calculator of the settings in force when a view is built. */
    private readonly deadlinesNow: () => DeadlineCalculator,
  ) {}

  /** `deputies`: the reporting deputies by id (read by the caller only for an actor who sees personal data). */
  build(c: PetitionCase, actor: Actor, now: Date, timeline?: CaseEvent[], deputies: ReadonlyMap<string, ReportingDeputyView> = new Map()): CaseView {
    const open = OPEN_STATUSES.includes(c.status);
    const due = open ? c.dueAt : null;
    const deadlines = this.deadlinesNow();
    const view: CaseView = {
      id: c.id,
      code: c.code,
      channel: c.channel,
      receivedAt: c.receivedAt.toISOString(),
      registeredAt: c.registeredAt.toISOString(),
      status: c.status,
      grade: c.grade,
      petitioner: this.petitioner(c, seesPersonalData(actor)),
      headcount: c.headcount,
      subject: c.subject,
      content: c.content,
      category: c.category,
      region: c.region,
      unitsInvolved: c.unitsInvolved,
      deputyReported: c.deputyReported,
      reportedByDeputy: reportingDeputy(c, actor, deputies),
      important: c.important,
      provincialReferral: c.provincialReferral,
      leaderInstructed: c.leaderInstructed,
      relatedCaseIds: c.relatedCaseIds,
      repeatCount: c.repeatCount,
      similarOpenCases: c.similarOpenCases,
      route: { committee: c.routeCommittee, handledBy: c.routeHandledBy, mode: c.routeMode },
      meetingType: c.meetingType,
      flags: c.flags,
      deadlines: {
        acceptDueAt: c.acceptDueAt.toISOString(),
        replyDueAt: iso(c.replyDueAt),
        dueAt: iso(due),
        daysLeft: due ? deadlines.daysLeft(due, now) : null,
        overdue: due ? deadlines.isOverdue(due, now) : false,
        dueSoon: due ? deadlines.isDueSoon(due, now) : false,
        extensionUsed: c.extensionUsed,
        reportRequired: c.reportRequired,
        signDueAt: iso(c.signDueAt),
        signedAt: iso(c.signedAt),
        signedOnTime: c.signedOnTime,
        signOverdue: signOverdue(c, now),
      },
      feedback: c.feedback,
      repliedAt: iso(c.repliedAt),
      closedAt: iso(c.closedAt),
      leadLeaderId: c.leadLeaderId,
      resupervisionCount: c.resupervisionCount,
      extensionRequest:
        c.extensionRequestedAt !== null ? { requestedAt: c.extensionRequestedAt.toISOString(), days: c.extensionRequestedDays ?? 0, reason: c.extensionRequestReason } : null,
      openQuestionAt: iso(c.openQuestionAt),
      evaluation: withExplanation(c.evaluation),
      allowedActions: allowedActionsFor(actor, c),
      canConvert: canConvert(actor),
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      version: c.version,
    };
    if (timeline) view.timeline = timeline.map(toTimelineView);
    return view;
  }

  private petitioner(c: PetitionCase, clear: boolean): PetitionerView {
    const idNumber = c.petitionerIdCipher ? this.cipher.decrypt(c.petitionerIdCipher) : null;
    const phone = c.petitionerPhoneCipher ? this.cipher.decrypt(c.petitionerPhoneCipher) : null;
    const address = c.petitionerAddressCipher ? this.cipher.decrypt(c.petitionerAddressCipher) : null;
    if (clear) return { name: c.petitionerName, idNumber, phone, address, organisation: c.petitionerOrganisation, masked: false };
    return {
      name: maskName(c.petitionerName),
      idNumber: idNumber ? maskIdNumber(idNumber) : null,
      phone: phone ? maskPhone(phone) : null,
      address: address ? maskAddress(address) : null,
      organisation: c.petitionerOrganisation,
      masked: true,
    };
  }
}

/** 签收超期: the case waits for its unit's sign (routed, not signed) after the sign deadline. */
export function signOverdue(c: Pick<PetitionCase, 'status' | 'signDueAt' | 'signedAt'>, now: Date): boolean {
  return c.status === 'routed' && c.signedAt === null && c.signDueAt !== null && now.getTime() > c.signDueAt.getTime();
}

function reportingDeputy(c: PetitionCase, actor: Actor, deputies: ReadonlyMap<string, ReportingDeputyView>): ReportingDeputyView | null {
  if (!c.reportedByDeputyId || !seesPersonalData(actor)) return null;
  const d = deputies.get(c.reportedByDeputyId);
  return d ? { id: d.id, name: d.name, station: d.station } : null;
}

/** The ids of reporting deputies a view for this actor will show (none for those outside the secretariat). */
export function reportingDeputyIds(cases: PetitionCase[], actor: Actor): string[] {
  if (!seesPersonalData(actor)) return [];
  return [...new Set(cases.map((c) => c.reportedByDeputyId).filter((id): id is string => id !== null))];
}

export function toTimelineView(e: CaseEvent): TimelineEventView {
  return {
    id: e.id,
    at: e.at.toISOString(),
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actor: { id: e.actorId, name: e.actorName, role: e.actorRole },
    reason: e.reason,
    data: e.data,
  };
}
