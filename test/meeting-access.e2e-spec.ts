import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { bearer } from './support/factories.js';
import { registerCase } from './support/http-helpers.js';
import { useTestApp, type TestUser } from './support/test-app.js';

/**
 * Who sees which meeting (src/meetings/meeting-access.ts), route by route and role by role: a
 * leader sees only meetings he or she attends once confirmed (drafts are the secretariat's working
 * papers); admin, secretariat and auditor see every meeting; role guards decide who may change one.
 */
type Kind = 'draft' | 'confirmed';
type Who = 'admin' | 'secretary' | 'auditor' | 'leaderIn' | 'leaderOut';

const USER: Record<Who, TestUser> = { admin: 'admin', secretary: 'secretary', auditor: 'auditor', leaderIn: 'deputy1', leaderOut: 'deputy2' };
const WHO: Who[] = ['admin', 'secretary', 'auditor', 'leaderIn', 'leaderOut'];
const KINDS: Kind[] = ['draft', 'confirmed'];

/** What each role gets from a read route, for a draft and for a confirmed meeting. */
const readable = (who: Who, kind: Kind): boolean => who === 'admin' || who === 'secretary' || who === 'auditor' || (who === 'leaderIn' && kind === 'confirmed');
const READS: Record<string, (who: Who, kind: Kind) => number> = {
  'GET /meetings/:id': (who, kind) => (readable(who, kind) ? 200 : 404),
  'GET /meetings/:id/brief': (who, kind) => (readable(who, kind) ? 200 : 404),
  'GET /meetings/:id/invite.ics': (who, kind) => (readable(who, kind) ? 200 : 404),
  'GET /meetings/:id/deliveries': (who) => (who === 'admin' || who === 'secretary' ? 200 : 403),
};

const codeOf = (res: Response): unknown => (res.body as { code?: unknown }).code ?? (JSON.parse(res.text) as { code?: unknown }).code;

describe('meeting access: every meeting and calendar route, every role, draft and confirmed', () => {
  const t = useTestApp();
  const tokens = new Map<Who, string>();
  const meetings: Record<Kind, { id: string; uid: string; cases: { mine: string; other: string } }> = {
    draft: { id: '', uid: '', cases: { mine: '', other: '' } },
    confirmed: { id: '', uid: '', cases: { mine: '', other: '' } },
  };
  let secretary = '';
  const leader = (key: string): string => t.leaders.get(key) as string;

  /** A supervision meeting chaired by the director: one case in deputy-1's charge, one in deputy-3's. */
  const createMeeting = async (startAt: string, endAt: string): Promise<{ id: string; uid: string; cases: { mine: string; other: string } }> => {
    const mine = await registerCase<{ id: string }>(t, secretary, { provincialReferral: true, category: 'agriculture-rural', region: '房县' });
    const other = await registerCase<{ id: string }>(t, secretary, { provincialReferral: true, category: 'economy', region: '竹山县' });
    const res = await t.http
      .post('/meetings')
      .set(bearer(secretary))
      .send({
        type: 'supervision',
        startAt,
        endAt,
        chairId: leader('director'),
        agenda: [
          { caseId: mine.id, leadLeaderId: leader('deputy-1'), minutes: 20 },
          { caseId: other.id, leadLeaderId: leader('deputy-3'), minutes: 20 },
        ],
      })
      .expect(201);
    return { id: res.body.id as string, uid: res.body.uid as string, cases: { mine: mine.id, other: other.id } };
  };

  beforeAll(async () => {
    for (const who of WHO) tokens.set(who, await t.token(USER[who]));
    secretary = tokens.get('secretary') as string;
    meetings.draft = await createMeeting('2026-12-08T09:00:00+08:00', '2026-12-08T10:00:00+08:00');
    meetings.confirmed = await createMeeting('2026-12-08T14:30:00+08:00', '2026-12-08T15:30:00+08:00');
    await t.http.post(`/meetings/${meetings.confirmed.id}/confirm`).set(bearer(secretary)).expect(200);
  });

  const missing = '00000000-0000-4000-8000-000000000000';
  const cases = KINDS.flatMap((kind) => WHO.flatMap((who) => Object.entries(READS).map(([route, expected]) => [route, who, kind, expected(who, kind)] as const)));

  it.each(cases)('%s as %s on a %s meeting answers %i', async (route, who, kind, status) => {
    const path = route.replace(':id', meetings[kind].id).replace('GET ', '');
    const res = await t.http.get(path).set(bearer(tokens.get(who) as string));
    expect(res.status).toBe(status);
    if (status === 404) {
      // Exactly as for a meeting that does not exist.
      const absent = await t.http.get(route.replace(':id', missing).replace('GET ', '')).set(bearer(tokens.get(who) as string));
      expect([res.status, codeOf(res)]).toEqual([absent.status, codeOf(absent)]);
      expect(codeOf(res)).toBe('MEETING_NOT_FOUND');
    }
  });

  it.each(KINDS.flatMap((kind) => WHO.map((who) => [who, kind, readable(who, kind)] as const)))('GET /meetings as %s lists the %s meeting: %s', async (who, kind, listed) => {
    const token = tokens.get(who) as string;
    const all = (await t.http.get('/meetings').set(bearer(token)).expect(200)).body as { id: string }[];
    const byStatus = (await t.http.get(`/meetings?status=${kind}`).set(bearer(token)).expect(200)).body as { id: string }[];
    expect([all.some((m) => m.id === meetings[kind].id), byStatus.some((m) => m.id === meetings[kind].id)]).toEqual([listed, listed]);
  });

  it('gives a leader’s feed the confirmed meetings he or she attends, never a draft', async () => {
    const events = async (leaderKey: string): Promise<string[]> => {
      const issued = await t.http.post(`/leaders/${leader(leaderKey)}/feed-token`).set(bearer(secretary)).expect(201);
      const feed = await t.http.get(`/calendar/feeds/${issued.body.token as string}.ics`).expect(200);
      return [...feed.text.matchAll(/^UID:(.+)\r$/gm)].map((m) => m[1]);
    };
    expect(await events('deputy-1')).toEqual([meetings.confirmed.uid]);
    expect(await events('director')).toEqual([meetings.confirmed.uid]);
    expect(await events('deputy-2')).toEqual([]);
  });

  it.each(KINDS.flatMap((kind) => (['auditor', 'leaderIn', 'leaderOut'] as Who[]).map((who) => [who, kind] as const)))(
    'refuses every change to a %s (403) on a %s meeting',
    async (who, kind) => {
      const token = tokens.get(who) as string;
      const id = meetings[kind].id;
      const answers = [
        (await t.http.patch(`/meetings/${id}`).set(bearer(token)).send({ location: '别处' })).status,
        (await t.http.post(`/meetings/${id}/confirm`).set(bearer(token)).send({})).status,
        (await t.http.post(`/meetings/${id}/cancel`).set(bearer(token)).send({ reason: '试试' })).status,
        (await t.http.post(`/meetings/${id}/outcomes`).set(bearer(token)).send({ caseId: meetings[kind].cases.mine, decision: '试试' })).status,
      ];
      expect(answers).toEqual([403, 403, 403, 403]);
    },
  );

  it.each(KINDS.flatMap((kind) => (['admin', 'secretary'] as Who[]).map((who) => [who, kind] as const)))('lets %s reach a %s meeting to change it', async (who, kind) => {
    const token = tokens.get(who) as string;
    const id = meetings[kind].id;
    const saturday = await t.http.patch(`/meetings/${id}`).set(bearer(token)).send({ startAt: '2026-12-12T09:00:00+08:00', endAt: '2026-12-12T10:00:00+08:00' });
    expect([saturday.status, saturday.body.code]).toEqual([400, 'MEETING_CONSTRAINT_VIOLATED']);
    const outcome = await t.http.post(`/meetings/${id}/outcomes`).set(bearer(token)).send({ caseId: missing, decision: '试试' });
    expect([outcome.status, outcome.body.code]).toEqual(kind === 'draft' ? [409, 'MEETING_NOT_CONFIRMED'] : [409, 'MEETING_NOT_STARTED']);
    if (kind === 'confirmed') {
      // Once the meeting has started the route reaches the agenda check.
      const today = t.clock.now();
      t.clock.set('2026-12-08T06:45:00.000Z');
      const started = await t.http.post(`/meetings/${id}/outcomes`).set(bearer(token)).send({ caseId: missing, decision: '试试' });
      t.clock.set(today);
      expect([started.status, started.body.code]).toEqual([400, 'CASE_NOT_ON_AGENDA']);
    }
  });

  it('gives a leader the brief of his or her own cases only, and names no case he or she cannot open', async () => {
    const token = tokens.get('leaderIn') as string;
    const { id, cases: c } = meetings.confirmed;
    const brief = (await t.http.get(`/meetings/${id}/brief`).set(bearer(token)).expect(200)).body as { myCases: { caseId: string }[]; agenda: { caseId: string }[]; forLeaderId: string | null };
    expect(brief.forLeaderId).toBe(leader('deputy-1'));
    expect(brief.myCases.map((x) => x.caseId)).toEqual([c.mine]);
    expect(brief.agenda.map((x) => x.caseId).sort()).toEqual([c.mine, c.other].sort());
    for (const line of brief.agenda) await t.http.get(`/cases/${line.caseId}`).set(bearer(token)).expect(200);
  });

  /** 我的会议: the upcoming meetings a role lists when it asks for deputy-1's (`leaderId`), and what it lists asking for another leader's. */
  const MY_MEETINGS: Record<Who, { own: Kind[]; askingForDirector: Kind[] }> = {
    admin: { own: ['draft', 'confirmed'], askingForDirector: ['draft', 'confirmed'] },
    secretary: { own: ['draft', 'confirmed'], askingForDirector: ['draft', 'confirmed'] },
    auditor: { own: ['draft', 'confirmed'], askingForDirector: ['draft', 'confirmed'] },
    // A leader's list is always his or her own, past the draft stage, whatever `leaderId` says.
    leaderIn: { own: ['confirmed'], askingForDirector: ['confirmed'] },
    leaderOut: { own: [], askingForDirector: [] },
  };

  it.each(WHO)('lists the upcoming meetings of a leader (GET /meetings?from=now&leaderId=) as %s, a leader only his or her own', async (who) => {
    const token = tokens.get(who) as string;
    const listed = async (leaderId: string): Promise<Kind[]> => {
      const found = (await t.http.get(`/meetings?from=${encodeURIComponent('2026-11-26T10:00:00+08:00')}&leaderId=${leaderId}`).set(bearer(token)).expect(200)).body as { id: string; attendees: { kind: string; id: string }[] }[];
      if (who === 'leaderIn' || who === 'leaderOut') {
        const me = leader(who === 'leaderIn' ? 'deputy-1' : 'deputy-2');
        expect(found.every((m) => m.attendees.some((a) => a.kind === 'leader' && a.id === me))).toBe(true);
      }
      return KINDS.filter((kind) => found.some((m) => m.id === meetings[kind].id));
    };
    expect(await listed(leader('deputy-1'))).toEqual(MY_MEETINGS[who].own);
    expect(await listed(leader('director'))).toEqual(MY_MEETINGS[who].askingForDirector);
    const later = (await t.http.get(`/meetings?from=${encodeURIComponent('2026-12-09T00:00:00+08:00')}&to=${encodeURIComponent('2026-12-31T00:00:00+08:00')}`).set(bearer(token)).expect(200)).body as { id: string }[];
    expect(later.some((m) => m.id === meetings.confirmed.id || m.id === meetings.draft.id)).toBe(false);
  });

  /** 我的包案: which of the confirmed meeting's two cases each role finds with `leadLeaderId` = deputy-1 (in charge of `mine` since the confirmation). */
  const IN_CHARGE: Record<Who, { all: ('mine' | 'other')[]; inChargeOfDeputy1: ('mine' | 'other')[] }> = {
    admin: { all: ['mine', 'other'], inChargeOfDeputy1: ['mine'] },
    secretary: { all: ['mine', 'other'], inChargeOfDeputy1: ['mine'] },
    auditor: { all: ['mine', 'other'], inChargeOfDeputy1: ['mine'] },
    // deputy-1 sees the other case because it is on a confirmed meeting he attends, but it is not in his charge.
    leaderIn: { all: ['mine', 'other'], inChargeOfDeputy1: ['mine'] },
    leaderOut: { all: [], inChargeOfDeputy1: [] },
  };

  it.each(WHO)('lists the cases in a leader’s charge (GET /cases?leadLeaderId=) as %s, within what the role may see', async (who) => {
    const token = tokens.get(who) as string;
    const { mine, other } = meetings.confirmed.cases;
    const found = async (query: string): Promise<('mine' | 'other')[]> => {
      const page = (await t.http.get(`/cases?pageSize=200${query}`).set(bearer(token)).expect(200)).body as { items: { id: string; leadLeaderId: string | null }[] };
      if (query) expect(page.items.every((c) => c.leadLeaderId === leader('deputy-1'))).toBe(true);
      return (['mine', 'other'] as const).filter((k) => page.items.some((c) => c.id === (k === 'mine' ? mine : other)));
    };
    expect(await found('')).toEqual(IN_CHARGE[who].all);
    expect(await found(`&leadLeaderId=${leader('deputy-1')}`)).toEqual(IN_CHARGE[who].inChargeOfDeputy1);
  });

  it('refuses a malformed leadLeaderId filter on the ledger (400)', async () => {
    const res = await t.http.get('/cases?leadLeaderId=me').set(bearer(tokens.get('leaderIn') as string)).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('shows a leader only his or her own agenda items of a cancelled meeting, as the cases module does', async () => {
    const token = tokens.get('leaderIn') as string;
    const m = await createMeeting('2026-12-09T09:00:00+08:00', '2026-12-09T10:00:00+08:00');
    await t.http.post(`/meetings/${m.id}/confirm`).set(bearer(secretary)).expect(200);
    await t.http.get(`/cases/${m.cases.other}`).set(bearer(token)).expect(200);
    await t.http.post(`/meetings/${m.id}/cancel`).set(bearer(secretary)).send({ reason: '主任临时出差' }).expect(200);

    await t.http.get(`/cases/${m.cases.other}`).set(bearer(token)).expect(404);
    const view = (await t.http.get(`/meetings/${m.id}`).set(bearer(token)).expect(200)).body as { status: string; agenda: { caseId: string }[] };
    expect([view.status, view.agenda.map((i) => i.caseId)]).toEqual(['cancelled', [m.cases.mine]]);
    const brief = (await t.http.get(`/meetings/${m.id}/brief`).set(bearer(token)).expect(200)).body as { cancelled: boolean; agenda: { caseId: string }[]; myCases: { caseId: string }[] };
    expect([brief.cancelled, brief.agenda.map((i) => i.caseId), brief.myCases.map((i) => i.caseId)]).toEqual([true, [m.cases.mine], [m.cases.mine]]);
    const ics = (await t.http.get(`/meetings/${m.id}/invite.ics`).set(bearer(token)).expect(200)).text;
    expect(ics).toContain('STATUS:CANCELLED');
    const secretaryView = (await t.http.get(`/meetings/${m.id}`).set(bearer(secretary)).expect(200)).body as { agenda: { caseId: string }[] };
    expect(secretaryView.agenda.map((i) => i.caseId).sort()).toEqual([m.cases.mine, m.cases.other].sort());
  });
});
