import type { BriefAgendaItem, InviteAttendee, InviteMeeting, InviteSettings } from '../../src/calendar/invite.types.js';

/**
 * Test and bench factories for invites: a valid supervision meeting
 * (督办会, Tuesday 2026-12-08 09:00–11:00 Asia/Shanghai). Each caller overrides
 * only what its test is about. No real personal data: names are masked, addresses absent.
 */

export const DIRECTOR = { id: 'leader-director', name: '李主任' } as const;
export const DEPUTY_DIRECTOR = { id: 'leader-deputy-wang', name: '王副主任' } as const;

export function buildInviteSettings(overrides: Partial<InviteSettings> = {}): InviteSettings {
  return {
    timeZone: 'Asia/Shanghai',
    alarmMinutesBefore: [1440, 30],
    productId: '//Shiyan Congress Petition Office//Petition Linkage Planner//ZH',
    ...overrides,
  };
}

export function buildInviteAttendee(overrides: Partial<InviteAttendee> = {}): InviteAttendee {
  return { kind: 'unit', id: 'unit-lac', name: '法工委', email: 'fagongwei@rd.example.cn', role: 'required', ...overrides };
}

/** Case XF-2026-000123 of the illustration: a group petition, escalated, supervised, led by 王副主任. */
export function buildBriefAgendaItem(overrides: Partial<BriefAgendaItem> = {}): BriefAgendaItem {
  return {
    caseId: 'case-000123',
    caseCode: 'XF-2026-000123',
    minutes: 20,
    leadLeader: { ...DEPUTY_DIRECTOR },
    presenterUnitName: '市住建局',
    grade: 'escalated',
    category: 'urban-construction',
    region: '茅箭区',
    subject: '老旧小区改造进度缓慢：小区列入改造计划至今未开工，雨天漏水',
    petitionerMasked: '张*',
    headcount: 6,
    status: 'in_handling',
    mode: 'supervised',
    handlingUnitName: '市人民政府',
    // Deadlines are the end of a local day (23:59:59.999 Asia/Shanghai). A supervised item in handling: 督办期限.
    dueAt: new Date('2027-01-27T15:59:59.999Z'),
    deadlineKind: 'supervision',
    extensionUsed: false,
    recentEvents: [
      { at: new Date('2026-11-26T02:00:00Z'), label: '登记' },
      { at: new Date('2026-11-27T03:00:00Z'), label: '受理' },
      { at: new Date('2026-11-28T06:30:00Z'), label: '交办市住建局' },
    ],
    lastRequirements: '12 月底前拿出施工计划',
    ...overrides,
  };
}

export function buildInviteMeeting(overrides: Partial<InviteMeeting> = {}): InviteMeeting {
  return {
    uid: 'meeting-0c9f2a7e-5b1d-4c0e-9a3f-2d6b8e1f4a70@petition.rd.example.cn',
    sequence: 0,
    method: 'REQUEST',
    type: 'supervision',
    title: '督办会：老旧小区改造、企业配套纠纷',
    startAt: new Date('2026-12-08T01:00:00Z'),
    endAt: new Date('2026-12-08T03:00:00Z'),
    location: '常委会第三会议室',
    updatedAt: new Date('2026-11-30T02:15:00Z'),
    organizer: { name: '信访室', email: 'xinfang@rd.example.cn' },
    chair: { ...DIRECTOR },
    attendees: [
      { kind: 'leader', ...DIRECTOR, email: 'director@rd.example.cn', role: 'chair' },
      { kind: 'leader', ...DEPUTY_DIRECTOR, email: 'wang@rd.example.cn', role: 'required' },
      buildInviteAttendee(),
      buildInviteAttendee({ id: 'unit-ucec', name: '城建环保委', email: 'chengjian@rd.example.cn' }),
      buildInviteAttendee({ id: 'unit-zjj', name: '市住建局', email: 'zhujianju@gov.example.cn' }),
      buildInviteAttendee({ id: 'unit-office', name: '信访室', email: 'xinfang@rd.example.cn' }),
      { kind: 'deputy', id: 'deputy-liu', name: '刘代表', email: null, role: 'optional' },
    ],
    agenda: [
      buildBriefAgendaItem(),
      buildBriefAgendaItem({
        caseId: 'case-000131',
        caseCode: 'XF-2026-000131',
        minutes: 30,
        leadLeader: { ...DIRECTOR },
        presenterUnitName: '市经信局',
        grade: 'joint-consultation',
        category: 'economy',
        region: '张湾区',
        subject: '企业上下游配套纠纷',
        petitionerMasked: '某*公司',
        headcount: 1,
        dueAt: new Date('2026-12-05T15:59:59.999Z'),
        deadlineKind: 'supervision',
        extensionUsed: true,
        recentEvents: [{ at: new Date('2026-10-09T01:00:00Z'), label: '会商' }],
        lastRequirements: null,
      }),
    ],
    url: 'https://petition.rd.example.cn/console/meetings/m-1',
    cancelReason: null,
    ...overrides,
  };
}
