import { describe, expect, it } from 'vitest';
import { dropCaseBody, moveBody, moveDefaults, outcomeBody, swapLeaderBody } from './meetingEdits';
import { meetingFixture } from './planningFixtures';

describe('moving a meeting', () => {
  it('starts the form at the meeting’s office-zone date and time', () => {
    expect(moveDefaults(meetingFixture())).toEqual({ date: '2026-12-08', time: '09:00' });
  });

  it('moves the start to the office-zone date and time and keeps the length', () => {
    expect(moveBody(meetingFixture(), '2026-12-10', '14:30')).toEqual({ startAt: '2026-12-10T06:30:00.000Z', endAt: '2026-12-10T08:30:00.000Z' });
  });
});

describe('changing the agenda', () => {
  it('swaps the leader in charge of one case and sends the rest unchanged', () => {
    expect(swapLeaderBody(meetingFixture(), 'case-2', 'leader-wang')).toEqual({
      agenda: [
        { caseId: 'case-1', leadLeaderId: 'leader-li', presenterUnit: 'HOUSING', minutes: 20 },
        { caseId: 'case-2', leadLeaderId: 'leader-wang', presenterUnit: 'GOV', minutes: 30 },
      ],
    });
  });

  it('drops one case and leaves no null leader in the body', () => {
    expect(dropCaseBody(meetingFixture(), 'case-1')).toEqual({ agenda: [{ caseId: 'case-2', presenterUnit: 'GOV', minutes: 30 }] });
  });
});

describe('recording an outcome', () => {
  it('sends the deadline as the office-zone instant and leaves empty fields out', () => {
    expect(outcomeBody({ caseId: 'case-1', decision: ' 责成拿出计划 ', requirements: '', dueDate: '2026-12-31', dueTime: '17:30' })).toEqual({
      caseId: 'case-1',
      decision: '责成拿出计划',
      dueAt: '2026-12-31T09:30:00.000Z',
    });
    expect(outcomeBody({ caseId: 'case-1', decision: '听取汇报', requirements: '书面报告', dueDate: '', dueTime: '' })).toEqual({ caseId: 'case-1', decision: '听取汇报', requirements: '书面报告' });
  });
});
