import { DomainError } from '../../common/errors.js';

export const MinutesErrors = {
  notFound: () => new DomainError('MINUTES_NOT_FOUND', 404, { zh: '该会议尚未整理会议纪要。', en: 'The meeting has no minutes yet.' }),
  meetingNotHeld: () =>
    new DomainError('MEETING_NOT_CONFIRMED', 409, { zh: '只有已确认或已召开的会议才能整理会议纪要。', en: 'Only a confirmed or held meeting has minutes.' }),
  issued: (number: string | null) =>
    new DomainError('MINUTES_ISSUED', 409, {
      zh: `会议纪要${number ?? ''}已印发，不能再修改，会议要求也不能再补记。`,
      en: `The minutes ${number ?? ''} are issued and frozen; nothing more can be recorded.`,
    }),
  notIssued: () => new DomainError('MINUTES_NOT_ISSUED', 409, { zh: '会议纪要印发后才能发送给参会人员。', en: 'Issue the minutes before sending them.' }),
  decisionsMissing: (caseCodes: string[]) =>
    new DomainError(
      'MINUTES_DECISIONS_MISSING',
      409,
      {
        zh: `以下议程事项尚无会议决定：${caseCodes.join('、')}。请先记录会议要求，或在纪要中标明“未作决定”，再印发。`,
        en: `No decision recorded for ${caseCodes.join(', ')}: record one, or mark the case as undecided, before issuing.`,
      },
      { caseCodes },
    ),
  attendeeNotOnMeeting: () =>
    new DomainError('ATTENDEE_NOT_ON_MEETING', 400, { zh: '出席情况中有不在本次会议邀请名单上的人员。', en: 'An attendance entry names someone not invited to this meeting.' }),
  changedConcurrently: () =>
    new DomainError('MINUTES_CHANGED_CONCURRENTLY', 409, { zh: '会议纪要刚被他人修改，请刷新后重试。', en: 'The minutes were changed just now; reload and retry.' }),
};
