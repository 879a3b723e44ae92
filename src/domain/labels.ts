import type { CaseStatus, Category, Channel, Feedback, Grade, HandlingMode, MeetingType } from './case-vocabulary.js';

/**
 * The product's one vocabulary for users, Chinese first, English alongside. Every message, invite,
 * report and export takes its words from here, so a status reads the same everywhere.
 */
export interface Vocabulary {
  meetingType: Record<MeetingType, string>;
  grade: Record<Grade, string>;
  /** Short category names (titles, invites). */
  category: Record<Category, string>;
  /** Full category names (reports, exports). */
  categoryFull: Record<Category, string>;
  mode: Record<HandlingMode, string>;
  status: Record<CaseStatus, string>;
  channel: Record<Channel, string>;
  feedback: Record<Feedback, string>;
}

export const ZH: Readonly<Vocabulary> = {
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
  categoryFull: {
    legislation: '立法建议',
    'regulation-review': '法规审查建议',
    'deputy-work': '代表工作',
    economy: '经济发展、企业诉求',
    'urban-construction': '城建、住房、老旧小区、物业、环境',
    'employment-social': '就业、社保、民政',
    'education-health-culture': '教育、卫生、文化',
    'agriculture-rural': '农业农村',
    litigation: '涉法涉诉',
    'official-conduct': '公职人员履职、违纪违法',
    other: '其他',
  },
  mode: { internal: '内部办理', transfer: '转送', supervised: '交办督办' },
  status: {
    registered: '已登记',
    accepted: '已受理',
    rejected: '不予受理',
    routed: '已交办',
    in_handling: '办理中',
    replied: '已答复',
    closed: '已办结',
    withdrawn: '已撤回',
  },
  channel: { letter: '来信', visit: '来访', online: '网上信访', phone: '电话' },
  feedback: { satisfied: '满意', dissatisfied: '不满意' },
};

export const EN: Readonly<Vocabulary> = {
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
  categoryFull: {
    legislation: 'Legislative suggestions',
    'regulation-review': 'Regulation review suggestions',
    'deputy-work': 'Deputy work',
    economy: 'Economy and enterprises',
    'urban-construction': 'Urban construction, housing, old residential areas, property management, environment',
    'employment-social': 'Employment, social security, civil affairs',
    'education-health-culture': 'Education, health, culture',
    'agriculture-rural': 'Agriculture and rural affairs',
    litigation: 'Litigation-related',
    'official-conduct': 'Conduct of public officials',
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
  channel: { letter: 'Letter', visit: 'Visit', online: 'Online', phone: 'Phone' },
  feedback: { satisfied: 'Satisfied', dissatisfied: 'Dissatisfied' },
};

/** A label for a stored value that may be outside the vocabulary (old data): the value itself then. */
export const label = <K extends string>(table: Readonly<Record<K, string>>, value: string): string => (table as Record<string, string>)[value] ?? value;
