import type { CaseStatus, Category, Grade, HandlingMode, MeetingType } from '../cases/case.types.js';

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
}

const ZH: BriefLabels = {
  meetingType: { special: '专题会议', joint: '联席会议', supervision: '督办会' },
  grade: { normal: '普通', escalated: '提级办理', 'joint-consultation': '会商办理' },
  category: {
    legislation: '立法建议',
    'regulation-review': '法规审查建议',
    'deputy-work': '代表工作',
    economy: '经济发展',
    'urban-construction': '城建',
    'employment-social': '就业社保',
    'education-health-culture': '教科文卫',
    'agriculture-rural': '农业农村',
    litigation: '涉法涉诉',
    'official-conduct': '公职人员履职',
    other: '其他',
  },
  mode: { internal: '内部办理', transfer: '转送', supervised: '交办督办' },
  status: {
    registered: '已登记',
    accepted: '已受理',
    rejected: '不予受理',
    routed: '已分流',
    in_handling: '办理中',
    replied: '已答复',
    closed: '已办结',
    withdrawn: '已撤回',
  },
  weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
};

const EN: BriefLabels = {
  meetingType: { special: 'Special meeting', joint: 'Joint meeting', supervision: 'Supervision meeting' },
  grade: { normal: 'Normal', escalated: 'Escalated', 'joint-consultation': 'Joint consultation' },
  category: {
    legislation: 'Legislation',
    'regulation-review': 'Regulation review',
    'deputy-work': 'Deputy work',
    economy: 'Economy',
    'urban-construction': 'Urban construction',
    'employment-social': 'Employment & social',
    'education-health-culture': 'Education, health & culture',
    'agriculture-rural': 'Agriculture & rural',
    litigation: 'Litigation',
    'official-conduct': 'Official conduct',
    other: 'Other',
  },
  mode: { internal: 'Internal', transfer: 'Transferred', supervised: 'Supervised item' },
  status: {
    registered: 'Registered',
    accepted: 'Accepted',
    rejected: 'Not accepted',
    routed: 'Routed',
    in_handling: 'In handling',
    replied: 'Replied',
    closed: 'Closed',
    withdrawn: 'Withdrawn',
  },
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

export const BRIEF_LABELS: Readonly<Record<BriefLocale, BriefLabels>> = Object.freeze({ zh: ZH, en: EN });
