import { DEADLINE_LABELS_EN, DEADLINE_LABELS_ZH, type DeadlineKind } from '../cases/running-deadline.js';
import type { CaseStatus, Category, Grade, HandlingMode, MeetingType } from '../domain/case-vocabulary.js';
import { EN, ZH } from '../domain/labels.js';

/** Language of an invite's description and brief; Chinese is the default. */
export type BriefLocale = 'zh' | 'en';

/** The vocabulary an invite shows, per language. */
export interface BriefLabels {
  meetingType: Record<MeetingType, string>;
  grade: Record<Grade, string>;
  category: Record<Category, string>;
  mode: Record<HandlingMode, string>;
  status: Record<CaseStatus, string>;
  /** Monday first (luxon weekday 1..7). */
  weekdays: readonly string[];
  /** The deadline running: 受理期限, 答复期限, 督办期限. */
  deadline: Readonly<Record<DeadlineKind, string>>;
}

const ZH_BRIEF: BriefLabels = {
  meetingType: ZH.meetingType,
  grade: ZH.grade,
  category: ZH.category,
  mode: ZH.mode,
  status: ZH.status,
  weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  deadline: DEADLINE_LABELS_ZH,
};

const EN_BRIEF: BriefLabels = {
  meetingType: EN.meetingType,
  grade: EN.grade,
  category: EN.category,
  mode: EN.mode,
  status: EN.status,
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  deadline: DEADLINE_LABELS_EN,
};

export const BRIEF_LABELS: Readonly<Record<BriefLocale, BriefLabels>> = Object.freeze({ zh: ZH_BRIEF, en: EN_BRIEF });
