import type { components } from '@/api/schema';

type Meeting = components['schemas']['MeetingViewResponse'];
type Attendee = Meeting['attendees'][number];

/** A valid attendee (the chair, no reply yet); each spec changes what it is about. */
export function attendeeFixture(overrides: Partial<Attendee> = {}): Attendee {
  return {
    kind: 'leader',
    id: 'leader-li',
    name: '李明华主任',
    email: null,
    role: 'chair',
    attendeeId: 'att-li',
    partstat: 'NEEDS-ACTION',
    repliedAt: null,
    replyVia: null,
    substitute: null,
    replyComment: null,
    ...overrides,
  };
}

/** A valid meeting view for the planning specs (09:00–11:00 on 2026-12-08, office zone); each spec changes what it is about. */
export function meetingFixture(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm-1',
    type: 'supervision',
    title: '督办会（第1场）',
    startAt: '2026-12-08T01:00:00.000Z',
    endAt: '2026-12-08T03:00:00.000Z',
    location: '常委会第三会议室',
    chairId: 'leader-li',
    chairName: '李明华主任',
    attendees: [attendeeFixture()],
    agenda: [
      { caseId: 'case-1', caseCode: 'XF-2026-000001', subject: '老旧小区改造', grade: 'escalated', category: 'urban-construction', region: '茅箭区', leadLeaderId: 'leader-li', leadLeaderName: '李明华主任', presenterUnit: 'HOUSING', minutes: 20 },
      { caseId: 'case-2', caseCode: 'XF-2026-000002', subject: '配套纠纷', grade: 'escalated', category: 'economy', region: '张湾区', leadLeaderId: null, leadLeaderName: null, presenterUnit: 'GOV', minutes: 30 },
    ],
    outcomes: [],
    status: 'draft',
    sequence: 0,
    uid: 'uid-1',
    planId: null,
    version: 1,
    allowedActions: ['edit', 'confirm', 'cancel'],
    room: null,
    handEdited: false,
    replyWarnings: [],
    minutes: null,
    ...overrides,
  };
}
