import { describe, expect, it } from '@jest/globals';
import { seededRandom } from '../../common/seeded-random.js';
import { MEETING_TYPES } from '../../domain/case-vocabulary.js';
import { chooseDeputies, type DeputyCase, deputyDoubleBookings, type DeputyMeeting, professionKey } from './deputies.js';

const PROFESSIONS = ['律师', '医生', 'Law', 'law', '教师', '审计师'];

/** Property: on random plans the chooser never double-books, never invites a reporter, never exceeds the limit. */
describe('chooseDeputies on random plans', () => {
  it.each([1, 2, 3, 14, 2026])('keeps its promises (seed %i)', (seed) => {
    const r = seededRandom(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)];
    const deputies = Array.from({ length: 4 + Math.floor(r() * 10) }, (_, i) => ({ id: `d${i}`, profession: pick(PROFESSIONS), region: pick(['甲', '乙', null]), active: r() < 0.9 }));
    const cases = new Map<string, DeputyCase>();
    const meetings: DeputyMeeting[] = Array.from({ length: 3 + Math.floor(r() * 12) }, (_, m) => {
      const start = new Date(Date.UTC(2026, 11, 1, 0, 30 * Math.floor(r() * 16)));
      const caseIds = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, k) => {
        const id = `m${m}c${k}`;
        cases.set(id, { id, region: pick(['甲', '乙']), inviteDeputyProfessions: deputies.length && r() < 0.7 ? [pick(PROFESSIONS)] : [], reportedByDeputyId: r() < 0.3 ? pick(deputies).id : null });
        return id;
      });
      return { type: pick(MEETING_TYPES), startAt: start, endAt: new Date(start.getTime() + (30 + 30 * Math.floor(r() * 4)) * 60_000), caseIds };
    });
    const commitments = deputies.filter(() => r() < 0.2).map((d) => ({ deputyId: d.id, startAt: new Date(Date.UTC(2026, 11, 1, 1)), endAt: new Date(Date.UTC(2026, 11, 1, 3)) }));
    const maxPerMeeting = Math.floor(r() * 4);
    const choice = chooseDeputies({ meetings, cases, deputies, commitments, recentInvitations: new Map(), maxPerMeeting });

    const byId = new Map(deputies.map((d) => [d.id, d]));
    expect(deputyDoubleBookings(meetings.map((m, i) => ({ ...m, deputyIds: choice.invitations[i].map((x) => x.deputyId) })), commitments)).toEqual([]);
    meetings.forEach((m, i) => {
      const invited = choice.invitations[i];
      expect(invited.length).toBeLessThanOrEqual(maxPerMeeting);
      const agenda = m.caseIds.map((id) => cases.get(id) as DeputyCase);
      for (const x of invited) {
        const d = byId.get(x.deputyId);
        expect(d?.active).toBe(true);
        expect(agenda.some((c) => c.reportedByDeputyId === x.deputyId)).toBe(false);
        expect(professionKey(d?.profession ?? '')).toBe(professionKey(x.profession));
        expect(agenda.some((c) => c.id === x.caseId && c.inviteDeputyProfessions.some((p) => professionKey(p) === professionKey(x.profession)))).toBe(true);
      }
    });
  });
});
