import type { Category, MeetingType } from '../../cases/case.types.js';

/** Chinese labels used in meeting titles and messages for the secretariat. */
export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  supervision: '督办会',
  joint: '联席会议',
  special: '专题会议',
};

export const CATEGORY_LABELS: Record<Category, string> = {
  legislation: '立法建议',
  'regulation-review': '法规审查建议',
  'deputy-work': '代表工作',
  economy: '经济发展',
  'urban-construction': '城建住房',
  'employment-social': '就业社保',
  'education-health-culture': '教科文卫',
  'agriculture-rural': '农业农村',
  litigation: '涉法涉诉',
  'official-conduct': '公职人员履职',
  other: '其他',
};
