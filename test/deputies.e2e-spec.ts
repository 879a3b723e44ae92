import { beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { PII_PATTERNS } from '../src/common/pii/masking.js';
import { bearer, caseBody, idNumber } from './support/factories.js';
import { caseAction, expectError } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';
import { ReplyLinks } from '../src/meetings/replies/reply-links.js';

type Attendee = { kind: string; id: string; name: string; role: string };
type Meeting = { id: string; type: string; status: string; agenda: { caseId: string }[]; attendees: Attendee[] };
type Rule = { name: string; priority: number; conditions: unknown; event: unknown; description?: string };
type CaseView = { id: string; code: string; deputyReported: boolean; reportedByDeputy: { id: string; name: string; station: string } | null };

/**
 * Issue 14, deputies in the loop (代表联动): the deputy who reported a case, the planner inviting deputies
 * of the professions the rules ask for (never the reporter, at most the configured number), hand edits,
 * deputies' invites with a masked brief, and their participation on the dashboard.
 */
describe('deputies in the loop', () => {
  const t = useTestApp(); // clock: Thursday 2026-11-26 10:00 Asia/Shanghai
  let admin: string;
  let secretary: string;
  let auditor: string;
  const lawyers: string[] = [];
  let reporter = '';
  let inactive = '';
  let reported: CaseView;
  let meeting: Meeting;
  let unmet: { constraint: string; message: string; meetingId: string | null }[] = [];

  const createDeputy = async (body: Record<string, unknown>): Promise<string> =>
    (await t.http.post('/deputies').set(bearer(secretary)).send(body).expect(201)).body.id as string;

  beforeAll(async () => {
    admin = await t.token('admin');
    secretary = await t.token('secretary');
    auditor = await t.token('auditor');
    // The rules ask for a lawyer (律师) on litigation cases and for an auditor (审计师, nobody in the directory) on economy cases.
    const active = (await t.http.get('/rules/active').set(bearer(admin)).expect(200)).body as { rules: Rule[] };
    const rules: Rule[] = [
      ...active.rules,
      { name: 'invite-lawyer', priority: 10, description: '诉讼类事项邀请律师代表', conditions: { all: [{ fact: 'category', operator: 'equal', value: 'litigation' }] }, event: { type: 'invite-deputy', params: { profession: '律师' } } },
      { name: 'invite-auditor', priority: 10, description: '经济类事项邀请审计师代表', conditions: { all: [{ fact: 'category', operator: 'equal', value: 'economy' }] }, event: { type: 'invite-deputy', params: { profession: '审计师' } } },
    ];
    const draft = (await t.http.post('/rules/sets').set(bearer(admin)).send({ note: '代表联动：按专业邀请代表', rules }).expect(201)).body as { id: string };
    await t.http.post(`/rules/sets/${draft.id}/publish`).set(bearer(admin)).expect(200);

    reporter = await createDeputy({ name: '甲律师', profession: '律师', station: '张湾区人大代表联络站', stationKind: 'station', region: '张湾区', email: 'jia@deputy.example.cn' });
    lawyers.push(await createDeputy({ name: '乙律师', profession: '律师', station: '张湾区人大代表联络站', stationKind: 'station', region: '丹江口市', email: 'yi@deputy.example.cn' }));
    lawyers.push(await createDeputy({ name: '丙律师', profession: '律师', station: '郧阳区人大代表之家', stationKind: 'home', region: '竹溪县', email: 'bing@deputy.example.cn' }));
    const seeded = (await t.http.get('/deputies').set(bearer(secretary)).expect(200)).body as { id: string; profession: string }[];
    lawyers.push(...seeded.filter((d) => d.profession === '律师' && d.id !== reporter && !lawyers.includes(d.id)).map((d) => d.id));
    inactive = await createDeputy({ name: '丁代表', profession: '律师', station: '茅箭区人大代表之家' });
    await t.http.patch(`/deputies/${inactive}`).set(bearer(secretary)).send({ active: false }).expect(200);
  });

  describe('office settings: maxDeputiesPerMeeting', () => {
    it('is 2 by default, 0 to 10, and a version stored before it existed reads as 2', async () => {
      const current = (await t.http.get('/settings').set(bearer(admin)).expect(200)).body as { id: string; body: { meetings: Record<string, unknown> } };
      expect(current.body.meetings.maxDeputiesPerMeeting).toBe(2);
      for (const bad of [11, -1, 1.5, '2', null]) {
        const body = { ...current.body, meetings: { ...current.body.meetings, maxDeputiesPerMeeting: bad } };
        const res = await t.http.post('/settings/versions').set(bearer(admin)).send({ body, note: '代表人数' });
        expect(res.status).toBe(400);
        expect(JSON.stringify(res.body)).toContain('meetings.maxDeputiesPerMeeting');
      }
      const { maxDeputiesPerMeeting: _dropped, ...older } = current.body.meetings;
      const draft = (await t.http.post('/settings/versions').set(bearer(admin)).send({ body: { ...current.body, meetings: older }, note: '旧版本' }).expect(201)).body as { id: string; body: { meetings: Record<string, unknown> } };
      expect(draft.body.meetings.maxDeputiesPerMeeting).toBe(2); // a body sent without it gets the default
      // A version stored before the field existed (its JSON has no such key) reads as 2.
      const rows: { body: unknown }[] = await t.dataSource.query('SELECT body FROM office_settings WHERE id = ?', [draft.id]);
      const stored = (typeof rows[0].body === 'string' ? JSON.parse(rows[0].body) : rows[0].body) as { meetings: Record<string, unknown> };
      delete stored.meetings.maxDeputiesPerMeeting;
      await t.dataSource.query('UPDATE office_settings SET body = ? WHERE id = ?', [JSON.stringify(stored), draft.id]);
      const raw: { body: unknown }[] = await t.dataSource.query('SELECT body FROM office_settings WHERE id = ?', [draft.id]);
      expect(JSON.stringify(raw[0].body)).not.toContain('maxDeputiesPerMeeting');
      const read = (await t.http.get(`/settings/versions/${draft.id}`).set(bearer(admin)).expect(200)).body as { body: { meetings: Record<string, unknown> } };
      expect(read.body.meetings.maxDeputiesPerMeeting).toBe(2);
      await t.http.get('/settings').set(bearer(auditor)).expect(200);
      await t.http.post('/settings/versions').set(bearer(secretary)).send({ body: current.body, note: 'x' }).expect(403);
    });
  });

  describe('intake: the deputy who reported a case', () => {
    it('links the case to an active deputy, sets deputyReported, and shows the deputy to the secretariat only', async () => {
      const body = caseBody({
        category: 'litigation',
        region: '丹江口市',
        provincialReferral: true,
        subject: '判决执行迟迟不到位',
        petitioner: { name: '张建华', idNumber: idNumber('42030219800101123'), phone: '13812345678' },
        reportedByDeputyId: reporter,
      });
      const res = await t.http.post('/cases').set(bearer(secretary)).send(body).expect(201);
      reported = res.body as CaseView;
      expect(reported).toMatchObject({ deputyReported: true, reportedByDeputy: { id: reporter, name: '甲律师', station: '张湾区人大代表联络站' } });
      for (const token of [secretary, admin]) {
        const seen = (await t.http.get(`/cases/${reported.id}`).set(bearer(token)).expect(200)).body as CaseView;
        expect(seen.reportedByDeputy).toEqual({ id: reporter, name: '甲律师', station: '张湾区人大代表联络站' });
      }
      const audited = (await t.http.get(`/cases/${reported.id}`).set(bearer(auditor)).expect(200)).body as CaseView;
      expect(audited).toMatchObject({ deputyReported: true, reportedByDeputy: null });
      const ledger = (await t.http.get('/cases').query({ q: '判决执行' }).set(bearer(secretary)).expect(200)).body as { items: CaseView[] };
      expect(ledger.items.find((c) => c.id === reported.id)?.reportedByDeputy?.id).toBe(reporter);
      const rows: { reportedByDeputyId: string | null }[] = await t.dataSource.query('SELECT reportedByDeputyId FROM cases WHERE id = ?', [reported.id]);
      expect(rows).toEqual([{ reportedByDeputyId: reporter }]);
    });

    it('shows a leader in charge that a deputy reported the case, not who', async () => {
      const c = (await t.http.post('/cases').set(bearer(secretary)).send(caseBody({ reportedByDeputyId: lawyers[0] })).expect(201)).body as CaseView;
      await caseAction(t, secretary, c.id, { action: 'assign-leader', leaderId: t.leaders.get('director') });
      const seen = (await t.http.get(`/cases/${c.id}`).set(bearer(await t.token('director'))).expect(200)).body as CaseView;
      expect(seen).toMatchObject({ deputyReported: true, reportedByDeputy: null });
    });

    it('refuses an unknown or inactive deputy with 422 and a malformed one with 400, writing nothing', async () => {
      const before: { n: number | string }[] = await t.dataSource.query('SELECT COUNT(*) AS n FROM cases');
      for (const id of ['7d1c2a58-1b1d-4c41-9a55-0d6f4f2b9a10', inactive]) {
        expectError(await t.http.post('/cases').set(bearer(secretary)).send(caseBody({ reportedByDeputyId: id })), 422, 'REPORTING_DEPUTY_UNKNOWN');
      }
      for (const bad of ['not-a-uuid', null, 42, ['x'], { id: reporter }, `${reporter}' OR '1'='1`]) {
        const res = await t.http.post('/cases').set(bearer(secretary)).send({ ...caseBody(), reportedByDeputyId: bad });
        expectError(res, 400, 'VALIDATION_FAILED');
      }
      const after: { n: number | string }[] = await t.dataSource.query('SELECT COUNT(*) AS n FROM cases');
      expect(Number(after[0].n)).toBe(Number(before[0].n));
    });
  });

  describe('planning', () => {
    beforeAll(async () => {
      await t.http.post('/cases').set(bearer(secretary)).send(caseBody({ category: 'economy', region: '竹溪县', leaderInstructed: true, subject: '园区配套迟迟不到位' })).expect(201);
      const plan = await t.http
        .post('/meetings/plan')
        .set(bearer(secretary))
        .send({ from: '2026-11-30T00:00:00+08:00', to: '2026-12-12T00:00:00+08:00', types: ['supervision'] })
        .expect(200);
      const meetings = plan.body.meetings as Meeting[];
      meeting = meetings.find((m) => m.agenda.some((i) => i.caseId === reported.id)) as Meeting;
      unmet = plan.body.unmet;
    });

    it('invites deputies of the profession the rules asked for, never the reporting deputy, at most the configured number', () => {
      expect(meeting.type).toBe('supervision');
      const invited = meeting.attendees.filter((a) => a.kind === 'deputy');
      expect(invited.length).toBe(2); // maxDeputiesPerMeeting (config/meetings.json) is 2; three lawyers are free
      for (const d of invited) {
        expect(lawyers).toContain(d.id);
        expect(d.role).toBe('optional');
        expect(d.name).toMatch(/代表$/);
      }
      expect(invited.map((d) => d.id)).not.toContain(reporter);
      expect(invited.map((d) => d.id)).not.toContain(inactive);
    });

    it('lists a profession nobody can serve in the plan’s unmet constraints, in Chinese', () => {
      expect(unmet).toEqual(expect.arrayContaining([expect.objectContaining({ constraint: 'deputy-invite', message: expect.stringContaining('无可邀请的审计师专业代表') })]));
    });

    it('refuses a hand edit inviting the deputy who reported an agenda case (422 DEPUTY_REPORTED_CASE)', async () => {
      const res = await t.http.patch(`/meetings/${meeting.id}`).set(bearer(secretary)).send({ deputies: [reporter] });
      expectError(res, 422, 'DEPUTY_REPORTED_CASE');
      expect(res.body.message).toContain(reported.code);
      const unchanged = (await t.http.get(`/meetings/${meeting.id}`).set(bearer(secretary)).expect(200)).body as Meeting;
      expect(unchanged.attendees.filter((a) => a.kind === 'deputy').map((a) => a.id).sort()).toEqual(meeting.attendees.filter((a) => a.kind === 'deputy').map((a) => a.id).sort());
    });

    it('sends each invited deputy an invite whose brief names no petitioner and holds no ID number or phone', async () => {
      await t.http.post(`/meetings/${meeting.id}/confirm`).set(bearer(secretary)).expect(200);
      await t.relay.drain();
      for (const d of meeting.attendees.filter((a) => a.kind === 'deputy')) {
        const res = await t.http.get(`/meetings/${meeting.id}/invite.ics`).query({ attendeeId: d.id }).set(bearer(secretary)).expect(200);
        const event = new ICAL.Component(ICAL.parse(res.text)).getFirstSubcomponent('vevent');
        const description = String(event?.getFirstPropertyValue('description'));
        // As units: the agenda by code and subject, the petitioner not named at all (not even masked).
        expect(description).toContain(`${reported.code} 判决执行迟迟不到位`);
        expect(description).not.toContain('信访人');
        expect(description).not.toContain('张建华');
        expect(res.text).not.toContain('张建华');
        expect(PII_PATTERNS.idNumber.test(res.text)).toBe(false);
        expect(PII_PATTERNS.mobile.test(res.text)).toBe(false);
        expect(res.text).not.toContain('13812345678');
      }
    });

    it('refuses to invite a deputy booked by another confirmed meeting at that time (409 DEPUTY_DOUBLE_BOOKED)', async () => {
      const full = (await t.http.get(`/meetings/${meeting.id}`).set(bearer(secretary)).expect(200)).body as Meeting & { startAt: string; endAt: string };
      const busyLeaders = new Set(full.attendees.filter((a) => a.kind === 'leader').map((a) => a.id));
      const chairId = [...t.leaders.values()].find((id) => !busyLeaders.has(id) && id !== t.leaders.get('director')) ?? '';
      const deputy = full.attendees.filter((a) => a.kind === 'deputy')[0];
      const res = await t.http
        .post('/meetings')
        .set(bearer(secretary))
        .send({ type: 'joint', title: '另一场联席会', startAt: full.startAt, endAt: full.endAt, chairId, agenda: [], deputies: [deputy.id] });
      expectError(res, 409, 'DEPUTY_DOUBLE_BOOKED');
      expect(res.body.message).toContain(deputy.name);
    });

    it('lets a deputy answer by the signed link of the invite, whose page names no petitioner', async () => {
      const deputy = meeting.attendees.filter((a) => a.kind === 'deputy')[0];
      const rows: { id: string }[] = await t.dataSource.query("SELECT id FROM meeting_attendees WHERE meetingId = ? AND kind = 'deputy' AND refId = ?", [meeting.id, deputy.id]);
      const full = (await t.http.get(`/meetings/${meeting.id}`).set(bearer(secretary)).expect(200)).body as { endAt: string };
      const token = t.app.get(ReplyLinks).tokenFor(rows[0].id, meeting.id, new Date(full.endAt));
      const page = await t.http.get(`/replies/${token}`).expect(200);
      expect(JSON.stringify(page.body)).not.toContain('张建华');
      expect(PII_PATTERNS.mobile.test(JSON.stringify(page.body))).toBe(false);
      await t.http.post(`/replies/${token}`).send({ answer: 'accept' }).expect((res) => expect(res.status).toBeLessThan(300));
      const after = (await t.http.get(`/meetings/${meeting.id}`).set(bearer(secretary)).expect(200)).body as { attendees: (Attendee & { partstat: string })[] };
      expect(after.attendees.find((a) => a.kind === 'deputy' && a.id === deputy.id)?.partstat).toBe('ACCEPTED');
    });

    it('counts deputies’ participation on the dashboard, by station, for the roles that read reports', async () => {
      for (const token of [auditor, secretary, admin]) {
        const res = await t.http.get('/reports/dashboard').query({ from: '2026-01-01', to: '2026-12-31' }).set(bearer(token)).expect(200);
        expect(res.body.deputies).toMatchObject({ meetings: 1, invitations: 2, accepted: 1, attended: 0 });
        const stations = res.body.deputies.byStation as { station: string; invitations: number }[];
        expect(stations.reduce((n, s) => n + s.invitations, 0)).toBe(2);
        expect(stations.map((s) => s.station)).not.toContain('（代表已不在名册）');
      }
      await t.http.get('/reports/dashboard').set(bearer(await t.token('director'))).expect(403);
    });

    it('counts a deputy as attended once the meeting’s minutes record him or her present, not before', async () => {
      const full = (await t.http.get(`/meetings/${meeting.id}`).set(bearer(secretary)).expect(200)).body as { startAt: string; attendees: { kind: string; attendeeId: string }[] };
      const [present, absent] = full.attendees.filter((a) => a.kind === 'deputy');
      const wasNow = t.clock.now();
      t.clock.set(new Date(Date.parse(full.startAt) + 30 * 60_000));
      try {
        await t.http
          .put(`/meetings/${meeting.id}/minutes`)
          .set(bearer(secretary))
          .send({ attendance: [{ attendeeId: present.attendeeId, present: true }, { attendeeId: absent.attendeeId, present: false }] })
          .expect(200);
        const res = await t.http.get('/reports/dashboard').query({ from: '2026-01-01', to: '2026-12-31' }).set(bearer(secretary)).expect(200);
        expect(res.body.deputies).toMatchObject({ meetings: 1, invitations: 2, accepted: 1, attended: 1 });
      } finally {
        t.clock.set(wasNow);
      }
    });
  });
});
