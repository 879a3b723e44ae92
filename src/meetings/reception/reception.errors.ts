import { DomainError } from '../../common/errors.js';

/** Why a time or a leader is not free for a reception day. */
export interface ReceptionClash {
  leaderId: string | null;
  roomId: string | null;
  /** A meeting or reception day holding the time (its id), or null for a leader's busy block. */
  bookedBy: string | null;
  what: 'booking' | 'busy' | 'room';
  startAt: string;
  endAt: string;
}

export const ReceptionErrors = {
  notFound: () => new DomainError('RECEPTION_NOT_FOUND', 404, { zh: '找不到该接访日。', en: 'No such reception day.' }),
  conflict: (clashes: ReceptionClash[]) =>
    new DomainError(
      'RECEPTION_CONFLICT',
      409,
      clashes.some((c) => c.what === 'room')
        ? { zh: '确认失败：所选接待室在该时段已被占用，请换一间或调整时间。', en: 'The room is taken at that time.' }
        : {
            zh: '确认失败：该领导在这个时段已有会议、其他接访日或忙碌安排，请调整时间后重试。',
            en: 'The leader is already booked (meeting, reception day or busy block) at that time.',
          },
      { clashes },
    ),
  notPlanned: () => new DomainError('RECEPTION_NOT_PLANNED', 409, { zh: '只有拟定中的接访日可以确认。', en: 'Only planned reception days can be confirmed.' }),
  notEditable: (status: string) =>
    new DomainError('RECEPTION_NOT_EDITABLE', 409, {
      zh: `该接访日已${status === 'cancelled' ? '取消' : '举行'}，不能再修改。`,
      en: `The reception day is ${status} and can no longer change.`,
    }),
  notConfirmed: () => new DomainError('RECEPTION_NOT_CONFIRMED', 409, { zh: '接访日确认后才能登记接访情况。', en: 'Confirm the reception day before recording it as held.' }),
  notStarted: () => new DomainError('RECEPTION_NOT_STARTED', 409, { zh: '接访尚未开始，开始后才能登记接访情况。', en: 'The reception has not started yet.' }),
  changedConcurrently: () =>
    new DomainError('RECEPTION_CHANGED_CONCURRENTLY', 409, { zh: '该接访日刚被他人修改，请刷新后重试。', en: 'The reception day was changed just now; reload and retry.' }),
  monthPast: () => new DomainError('RECEPTION_MONTH_PAST', 400, { zh: '该月份已经过去，请选择本月或以后的月份。', en: 'That month is over.' }),
  windowInvalid: () =>
    new DomainError('RECEPTION_WINDOW_INVALID', 400, {
      zh: '查询区间无效：请给出月份（如 2026-12），或同时给出开始和结束时间（结束晚于开始，不超过 366 天）。',
      en: 'Give a month, or both from and to (to after from, at most 366 days).',
    }),
  timeInvalid: (zh: string, en: string) => new DomainError('RECEPTION_TIME_INVALID', 400, { zh: `接访时间不符合要求：${zh}`, en: `Invalid reception time: ${en}` }),
  leaderUnknown: () => new DomainError('RECEPTION_LEADER_UNKNOWN', 400, { zh: '所选领导不存在或已停用。', en: 'No such active leader.' }),
  roomUnknown: () => new DomainError('RECEPTION_ROOM_UNKNOWN', 400, { zh: '所选接待室不存在或已停用。', en: 'No such active room.' }),
  roomClosed: (room: string, hours: string) =>
    new DomainError('RECEPTION_ROOM_CLOSED', 409, { zh: `${room}的开放时间为${hours}，接访时间不在其内；请另选时间或接待室。`, en: `${room} is open ${hours} only; choose another time or room.` }),
  caseUnknown: () => new DomainError('RECEPTION_CASE_UNKNOWN', 400, { zh: '所列信访事项中有不存在的事项。', en: 'A case listed does not exist.' }),
  caseDuplicate: () => new DomainError('RECEPTION_CASE_DUPLICATE', 400, { zh: '同一信访事项在接访登记中重复出现。', en: 'A case appears twice.' }),
};
