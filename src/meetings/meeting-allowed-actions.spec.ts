import { allowedActionsOf, type MeetingActionFacts, meetingAllowedActions } from './meeting-allowed-actions.js';

describe('meetingAllowedActions (which buttons the console shows)', () => {
  const start = new Date('2026-12-03T00:30:00.000Z'); // 08:30 in the office zone
  const end = new Date('2026-12-03T02:30:00.000Z');
  const before = new Date('2026-11-26T02:00:00.000Z');
  const during = new Date('2026-12-03T01:00:00.000Z');
  const after = new Date('2026-12-03T03:00:00.000Z');
  const facts = (change: Partial<MeetingActionFacts> = {}): MeetingActionFacts => ({
    status: 'draft',
    startAt: start,
    endAt: end,
    now: before,
    role: 'secretariat',
    attends: false,
    minutes: null,
    ...change,
  });

  it('lets the office edit, confirm and cancel a draft, and nothing else before it is confirmed', () => {
    expect(meetingAllowedActions(facts())).toEqual(['edit', 'confirm', 'cancel']);
    expect(meetingAllowedActions(facts({ role: 'admin' }))).toEqual(['edit', 'confirm', 'cancel']);
  });

  it('lets the office edit, cancel and record replies on a confirmed meeting before it starts, but not record outcomes or minutes', () => {
    expect(meetingAllowedActions(facts({ status: 'confirmed' }))).toEqual(['edit', 'cancel', 'record-reply']);
  });

  it('offers outcomes and minutes once the meeting has started, and the leader’s reply until it ends', () => {
    expect(meetingAllowedActions(facts({ status: 'confirmed', now: during }))).toEqual(['edit', 'cancel', 'record-reply', 'add-outcome', 'record-minutes']);
    expect(meetingAllowedActions(facts({ status: 'confirmed', now: start }))).toContain('record-minutes');
    // A reply received late by phone may still be entered while the meeting is confirmed; the leader's own reply closes at the end.
    expect(meetingAllowedActions(facts({ status: 'confirmed', now: end }))).toContain('record-reply');
    expect(meetingAllowedActions(facts({ status: 'confirmed', now: end, role: 'leader', attends: true }))).toEqual([]);
  });

  it('freezes a held meeting: minutes and outcomes only, issue once a draft exists, send once issued', () => {
    expect(meetingAllowedActions(facts({ status: 'held', now: after }))).toEqual(['add-outcome', 'record-minutes']);
    expect(meetingAllowedActions(facts({ status: 'held', now: after, minutes: 'draft' }))).toEqual(['add-outcome', 'record-minutes', 'issue-minutes']);
    expect(meetingAllowedActions(facts({ status: 'held', now: after, minutes: 'issued' }))).toEqual(['send-minutes']);
  });

  it('offers nothing on a cancelled meeting', () => {
    expect(meetingAllowedActions(facts({ status: 'cancelled', now: during }))).toEqual([]);
    expect(meetingAllowedActions(facts({ status: 'cancelled', role: 'leader', attends: true }))).toEqual([]);
  });

  it('lets an attending leader reply to a confirmed meeting until it ends, and nothing else', () => {
    expect(meetingAllowedActions(facts({ status: 'confirmed', role: 'leader', attends: true }))).toEqual(['reply']);
    expect(meetingAllowedActions(facts({ status: 'confirmed', role: 'leader', attends: true, now: during }))).toEqual(['reply']);
    expect(meetingAllowedActions(facts({ status: 'confirmed', role: 'leader', attends: true, now: after }))).toEqual([]);
    expect(meetingAllowedActions(facts({ status: 'held', role: 'leader', attends: true, now: after, minutes: 'issued' }))).toEqual([]);
  });

  it('never lets a leader who does not attend, or the auditor, act', () => {
    expect(meetingAllowedActions(facts({ status: 'confirmed', role: 'leader', attends: false }))).toEqual([]);
    for (const status of ['draft', 'confirmed', 'held', 'cancelled'] as const) {
      expect(meetingAllowedActions(facts({ status, role: 'auditor', now: during, minutes: 'issued' }))).toEqual([]);
      expect(meetingAllowedActions(facts({ status, role: 'auditor', now: during, minutes: 'draft' }))).toEqual([]);
    }
  });

  it('reads attendance and the minutes from the stored meeting: only an active leader attendee may reply', () => {
    const stored = (active: boolean, minutes?: { status: 'draft' | 'issued' } | null) => ({
      meeting: { status: 'confirmed' as const, startAt: start, endAt: end },
      attendees: [{ kind: 'leader', refId: 'L1', active }, { kind: 'unit', refId: 'L2', active: true }],
      minutes,
    });
    expect(allowedActionsOf(stored(true), { role: 'leader', leaderId: 'L1' }, before)).toEqual(['reply']);
    expect(allowedActionsOf(stored(false), { role: 'leader', leaderId: 'L1' }, before)).toEqual([]);
    expect(allowedActionsOf(stored(true), { role: 'leader', leaderId: 'L2' }, before)).toEqual([]);
    expect(allowedActionsOf(stored(true, { status: 'draft' }), { role: 'secretariat', leaderId: null }, during)).toContain('issue-minutes');
    expect(allowedActionsOf(stored(true, null), { role: 'secretariat', leaderId: null }, during)).not.toContain('issue-minutes');
  });
});
