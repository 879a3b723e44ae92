import { DeadlineCalculator } from '../cases/deadlines.js';
import { WorkingCalendar } from '../common/time/working-calendar.js';
import { importedCase, type ImportContext, type ProtectedPetitioner } from './imported-case.js';
import type { LedgerRow } from './ledger-row.js';

const deadlines = new DeadlineCalculator(
  { acceptDays: 15, handleDays: 60, supervisedReplyMonths: 2, extensionMaxDays: 30, resupervisionDays: 30, reviewRequestDays: 30, dueSoonDays: 7, timeZone: 'Asia/Shanghai' },
  new WorkingCalendar(),
);
const petitioner: ProtectedPetitioner = { petitionerName: '张三', petitionerOrganisation: null, petitionerIdCipher: 'v2:x', petitionerIdHash: 'h', petitionerPhoneCipher: null, petitionerPhoneHash: null, petitionerAddressCipher: null };
const ctx: ImportContext = { id: 'id-1', code: 'TZ-2025-000001', now: new Date('2026-11-26T02:00:00Z'), createdBy: 'u1', officeCode: 'OFFICE', deadlines, repeatCount: 2 };
const day = (d: string): Date => new Date(`${d}T00:00:00+08:00`);

function row(change: Partial<LedgerRow>): LedgerRow {
  return {
    rowNumber: 2,
    externalCode: null,
    receivedAt: day('2025-03-03'),
    channel: 'letter',
    petitionerName: '张三',
    idNumber: null,
    phone: null,
    region: '茅箭区',
    category: 'other',
    subject: '事项',
    content: '事项',
    headcount: 1,
    status: 'registered',
    handledBy: null,
    acceptedAt: null,
    routedAt: null,
    repliedAt: null,
    closedAt: null,
    feedback: null,
    ...change,
  };
}

describe('importedCase', () => {
  it('keeps the status and the original dates; an open case runs its deadline from them (overdue long ago)', () => {
    const c = importedCase(row({ status: 'in_handling', handledBy: { code: 'GOV', kind: 'external' }, acceptedAt: day('2025-03-04') }), petitioner, ctx);
    expect(c).toMatchObject({ status: 'in_handling', registeredAt: day('2025-03-03'), receivedAt: day('2025-03-03'), acceptedAt: day('2025-03-04'), routedAt: day('2025-03-04'), routeHandledBy: 'GOV', routeMode: 'transfer', routeCommittee: 'OFFICE', grade: 'normal', flags: ['imported'], ruleSetVersion: 0, version: 1, repeatCount: 2, createdAt: ctx.now });
    expect(c.replyDueAt).toEqual(deadlines.handleDue(day('2025-03-04')));
    expect(c.dueAt).toEqual(c.replyDueAt);
    expect(c.closedAt).toBeNull();
  });

  it('a registered case runs its acceptance deadline; a closed one none, with the reply judged against the original deadline', () => {
    const registered = importedCase(row({}), petitioner, ctx);
    expect(registered).toMatchObject({ acceptedAt: null, replyDueAt: null, routeHandledBy: 'OFFICE', routeMode: 'internal' });
    expect(registered.dueAt).toEqual(deadlines.acceptDue(day('2025-03-03')));
    const closed = importedCase(row({ status: 'closed', handledBy: { code: 'UCEC', kind: 'committee' }, repliedAt: day('2025-03-20'), closedAt: day('2025-04-01'), feedback: 'dissatisfied' }), petitioner, ctx);
    expect(closed).toMatchObject({ dueAt: null, acceptedAt: day('2025-03-03'), repliedOnTime: true, closedAt: day('2025-04-01'), feedback: 'dissatisfied', feedbackAt: day('2025-04-01'), routeCommittee: 'UCEC', routeMode: 'internal' });
  });

  it('a rejected or withdrawn case ends on its last known date when the ledger gives no closing date', () => {
    expect(importedCase(row({ status: 'rejected' }), petitioner, ctx)).toMatchObject({ acceptedAt: null, closedAt: day('2025-03-03'), dueAt: null });
    expect(importedCase(row({ status: 'withdrawn', acceptedAt: day('2025-03-05') }), petitioner, ctx)).toMatchObject({ acceptedAt: day('2025-03-05'), closedAt: day('2025-03-05') });
  });
});
