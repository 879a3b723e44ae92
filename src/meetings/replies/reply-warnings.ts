import type { MeetingAggregate } from '../meeting-aggregate.js';

export interface ReplyWarning {
  code: 'LEAD_DECLINED' | 'CHAIR_DECLINED';
  attendeeId: string;
  caseId: string | null;
  caseCode: string | null;
  message: string;
}

/**
 * What the secretariat must act on after the replies (pure): the chair, or a leader in charge of an
 * agenda case (包案领导), who declined or sent someone instead. A unit sending a substitute is normal and
 * warns of nothing.
 */
export function replyWarnings({ meeting, attendees, agenda }: Pick<MeetingAggregate, 'meeting' | 'attendees' | 'agenda'>): ReplyWarning[] {
  const warnings: ReplyWarning[] = [];
  for (const a of attendees) {
    if (!a.active || a.kind !== 'leader' || (a.partstat !== 'DECLINED' && a.partstat !== 'DELEGATED')) continue;
    const how = a.partstat === 'DECLINED' ? '已谢绝出席' : `派员参加（${a.substituteName ?? '未填姓名'}${a.substitutePost ? `，${a.substitutePost}` : ''}）`;
    if (a.refId === meeting.chairId) {
      warnings.push({ code: 'CHAIR_DECLINED', attendeeId: a.id, caseId: null, caseCode: null, message: `主持人${a.name}${how}，请另请主持人或调整会议时间。` });
    }
    for (const item of agenda.filter((i) => i.leadLeaderId === a.refId)) {
      warnings.push({
        code: 'LEAD_DECLINED',
        attendeeId: a.id,
        caseId: item.caseId,
        caseCode: item.caseCode,
        message: `${item.caseCode} 的包案领导${a.name}${how}，请安排替补包案领导或另择时间（见“替代方案”）。`,
      });
    }
  }
  return warnings;
}
