import { describe, expect, it } from 'vitest';
import { defaultPlanWindow, mergeMeetings, missingWindowFields, onCalendar, planBody, unmetOf, unmetOfPlan, weekToShow, windowInstants } from './planningBoard';
import { meetingFixture } from './planningFixtures';

describe('the planning window', () => {
  it('defaults to four weeks from next Monday with every meeting type', () => {
    expect(defaultPlanWindow('2026-12-04')).toEqual({ from: '2026-12-07', to: '2027-01-03', types: ['special', 'joint', 'supervision'], replaceEdited: false });
  });

  it('turns the office-zone days into instants, the last day included', () => {
    expect(windowInstants({ from: '2026-12-07', to: '2027-01-03' })).toEqual({ from: '2026-12-06T16:00:00.000Z', to: '2027-01-03T16:00:00.000Z' });
  });

  it('sends the ticked types, and none when none is ticked', () => {
    expect(planBody({ from: '2026-12-07', to: '2026-12-07', types: ['joint'], replaceEdited: false }).types).toEqual(['joint']);
    expect(planBody({ from: '2026-12-07', to: '2026-12-07', types: [], replaceEdited: false })).not.toHaveProperty('types');
  });

  it('asks to replace drafts edited by hand only when ticked', () => {
    expect(planBody({ from: '2026-12-07', to: '2026-12-07', types: [], replaceEdited: false })).not.toHaveProperty('replaceEdited');
    expect(planBody({ from: '2026-12-07', to: '2026-12-07', types: [], replaceEdited: true }).replaceEdited).toBe(true);
  });

  it('names the missing dates', () => {
    expect(missingWindowFields({ from: '', to: '2026-12-07', types: [], replaceEdited: false })).toEqual(['planning.form.from']);
  });
});

describe('the board’s meetings', () => {
  it('merges lists by id, the later copy winning, sorted by start', () => {
    const listed = [meetingFixture({ id: 'b', startAt: '2026-12-09T01:00:00.000Z' }), meetingFixture({ id: 'a', status: 'confirmed' })];
    const planned = [meetingFixture({ id: 'b', startAt: '2026-12-09T01:00:00.000Z', title: '新' })];
    const merged = mergeMeetings(listed, planned);
    expect(merged.map((m) => [m.id, m.title])).toEqual([
      ['a', '督办会（第1场）'],
      ['b', '新'],
    ]);
  });

  it('leaves cancelled meetings off the calendar', () => {
    expect(onCalendar([meetingFixture({ id: 'x', status: 'cancelled' }), meetingFixture({ id: 'y' })]).map((m) => m.id)).toEqual(['y']);
  });

  it('picks the unmet constraints of one meeting and those of the whole plan', () => {
    const plan = {
      unmet: [
        { constraint: 'before-deadline', caseId: 'case-1', meetingId: 'm-1', message: '晚于答复期限' },
        { constraint: 'one-meeting-per-cluster', meetingId: null, message: '同一类问题分在两场' },
      ],
    };
    expect(unmetOf(plan, 'm-1')).toEqual(['晚于答复期限']);
    expect(unmetOf(plan, 'm-2')).toEqual([]);
    expect(unmetOfPlan(plan)).toEqual(['同一类问题分在两场']);
    expect(unmetOf(null, 'm-1')).toEqual([]);
  });

  it('shows the week of the first proposed meeting, else the window’s first week', () => {
    expect(weekToShow({ from: '2026-12-07' }, [meetingFixture({ startAt: '2026-12-16T01:00:00.000Z', endAt: '2026-12-16T02:00:00.000Z' })])).toBe('2026-12-14');
    expect(weekToShow({ from: '2026-12-09' }, [])).toBe('2026-12-07');
  });
});
