import type { MeetingType } from '../cases/case.types.js';

export const MEETING_TYPE_ZH: Record<MeetingType, string> = { special: '专题会议', joint: '联席会议', supervision: '督办会' };
