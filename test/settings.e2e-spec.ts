import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { OfficeSettings, SETTINGS_REFRESH_MS } from '../src/settings/office-settings.js';
import type { OfficeSettingsBody } from '../src/settings/office-settings.types.js';
import { bearer } from './support/factories.js';
import { expectError, registerCase } from './support/http-helpers.js';
import { createTestApp, type TestApp, TEST_MODE, useTestApp } from './support/test-app.js';

type Problem = { path: string; code: string; message: string; messageEn: string };
type Version = {
  id: string;
  version: number;
  status: string;
  active: boolean;
  body: OfficeSettingsBody;
  note: string;
  basedOn: number | null;
  createdBy: string;
  publishedBy: string | null;
  publishedAt: string | null;
};
type Meeting = { id: string; startAt: string; endAt: string; agenda: { caseId: string }[]; attendees: { id: string }[] };

const local = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'Asia/Shanghai' });
/** The Saturday 2026-12-05 and the Monday after it, both in office time. */
const WEEKEND_WINDOW = { from: '2026-12-05T00:00:00+08:00', to: '2026-12-07T00:00:00+08:00' };

/** v1's body with a make-up working day on Saturday 2026-12-05 and office hours 09:00–12:00 / 14:00–17:00. */
const withSaturdayAndNewHours = (b: OfficeSettingsBody): OfficeSettingsBody => ({
  ...b,
  officeHours: [
    ['09:00', '12:00'],
    ['14:00', '17:00'],
  ],
  workdays: [{ name: '调休上班', date: '2026-12-05' }],
  holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
  coveredYears: [2027],
  reminders: { alarmMinutesBefore: [60] },
});

describe('office settings: versions, validation, publishing without restart, rollback', () => {
  const t = useTestApp(); // clock: Thursday 2026-11-26 10:00 Asia/Shanghai
  let admin: string;
  let secretary: string;
  let auditor: string;
  let director: string;
  let v1: Version;
  let v2: Version;
  let v3: Version;
  let earlyCase: { id: string; deadlines: { acceptDueAt: string } };

  const create = (body: unknown, note = '测试', token = admin) => t.http.post('/settings/versions').set(bearer(token)).send({ body, note });
  const publish = (id: string, note = '发布') => t.http.post(`/settings/versions/${id}/publish`).set(bearer(admin)).send({ note });
  const plan = () => t.http.post('/meetings/plan').set(bearer(secretary)).send(WEEKEND_WINDOW).expect(200);
  const auditActions = async (): Promise<string[]> =>
    (await t.dataSource.query<{ action: string }[]>("SELECT action FROM audit_log WHERE entityType = 'settings' ORDER BY at, action")).map((r) => r.action);

  beforeAll(async () => {
    [admin, secretary, auditor, director] = await Promise.all([t.token('admin'), t.token('secretary'), t.token('auditor'), t.token('director')]);
    v1 = (await t.http.get('/settings').set(bearer(admin)).expect(200)).body as Version;
    // Escalated cases for the planner (each goes to a supervision meeting).
    for (const headcount of [6, 7, 8]) await registerCase(t, secretary, { headcount, category: 'urban-construction', region: '茅箭区' });
    earlyCase = await registerCase(t, secretary);
  });

  it('starts with version 1 from config/, published by system, and warns that 2027 has no holiday data', async () => {
    const res = await t.http.get('/settings').set(bearer(secretary)).expect(200);
    expect(res.body).toMatchObject({ version: 1, status: 'published', active: true, createdBy: 'system', publishedBy: 'system', timeZone: 'Asia/Shanghai' });
    expect(res.body.body.deadlines).toEqual({ acceptDays: 15, handleDays: 60, supervisedReplyMonths: 2, extensionMaxDays: 30, resupervisionDays: 30, reviewRequestDays: 30, dueSoonDays: 7, signDays: 3 });
    expect(res.body.body.officeHours).toEqual([
      ['08:30', '12:00'],
      ['14:30', '17:30'],
    ]);
    expect(res.body.body.meetings.defaultLocation).toBe('常委会第三会议室');
    expect(res.body.warnings).toEqual([
      expect.objectContaining({ code: 'HOLIDAYS_NOT_COVERED', path: 'coveredYears', message: '2027 年的法定节假日安排尚未收录，请补录放假与调休安排后再依赖期限计算。' }),
    ]);
    expect(res.body.packageYears).toContain(2026);
  });

  it('refuses invalid bodies with 400 SETTINGS_INVALID and a problem per field, saving nothing', async () => {
    const cases: [OfficeSettingsBody, string, string][] = [
      [
        {
          ...v1.body,
          officeHours: [
            ['08:30', '12:00'],
            ['11:00', '17:30'],
          ],
        },
        'officeHours[1]',
        'HOURS_OVERLAP',
      ],
      [{ ...v1.body, officeHours: [['8:30', '25:00']] }, 'officeHours[0]', 'BAD_TIME'],
      [
        {
          ...v1.body,
          holidays: [
            { name: '春节', from: '2027-02-05', to: '2027-02-12' },
            { name: '春节补假', from: '2027-02-10', to: '2027-02-14' },
          ],
        },
        'holidays[1]',
        'HOLIDAYS_OVERLAP',
      ],
      [{ ...v1.body, deadlines: { ...v1.body.deadlines, acceptDays: -15 } }, 'deadlines.acceptDays', 'NOT_POSITIVE'],
      [
        { ...v1.body, holidays: [{ name: '春节', from: '2027-02-05', to: '2027-02-12' }], workdays: [{ name: '春节调休', date: '2027-02-07' }] },
        'workdays[0]',
        'WORKDAY_IN_HOLIDAY',
      ],
      [{ ...v1.body, holidays: [{ name: '元旦', from: '2027-01-03', to: '2027-01-01' }] }, 'holidays[0]', 'RANGE_REVERSED'],
    ];
    for (const [body, path, code] of cases) {
      const res = await create(body);
      expectError(res, 400, 'SETTINGS_INVALID');
      const details = res.body.details as Problem[];
      expect(details.map((p) => ({ path: p.path, code: p.code }))).toEqual([{ path, code }]);
      expect(details[0].message).toMatch(/[\u4e00-\u9fff]/);
      expect(details[0].messageEn).toMatch(/[a-z]/);
    }
    expectError(await create('not an object'), 400, 'VALIDATION_FAILED');
    // Odd shapes are 400s with a problem each, never a 500.
    const odd: unknown[] = [
      {},
      { ...v1.body, deadlines: null },
      { ...v1.body, officeHours: 'all day' },
      { ...v1.body, officeHours: [[null, {}]] },
      { ...v1.body, holidays: [null, 3, 'x'] },
      { ...v1.body, workdays: { date: '2027-01-09' } },
      { ...v1.body, coveredYears: [2027.5, '2028'] },
      { ...v1.body, lookback: { sampleShare: '0.2', windowDays: 1e308 } },
      { ...v1.body, reminders: { alarmMinutesBefore: [30, 30, -1, 1, 2, 3] } },
      { ...v1.body, meetings: { ...v1.body.meetings, meetingMinutes: [], defaultLocation: 'x'.repeat(101) } },
    ];
    for (const body of odd) {
      const res = await create(body);
      expectError(res, 400, 'SETTINGS_INVALID');
      expect((res.body.details as Problem[]).length).toBeGreaterThan(0);
    }
    const list = (await t.http.get('/settings/versions').set(bearer(admin)).expect(200)).body as Version[];
    expect(list.map((v) => v.version)).toEqual([1]);
  });

  it('keeps drafts editable and deletable, then immutable once published; validate reports warnings', async () => {
    const draft = (await create(v1.body, '草稿').expect(201)).body as Version;
    expect(draft).toMatchObject({ version: 2, status: 'draft', active: false, createdBy: 'admin', publishedBy: null });
    const validation = await t.http.post(`/settings/versions/${draft.id}/validate`).set(bearer(admin)).expect(200);
    expect(validation.body).toMatchObject({ valid: true, errors: [], warnings: [expect.objectContaining({ code: 'HOLIDAYS_NOT_COVERED' })] });
    const edited = await t.http
      .put(`/settings/versions/${draft.id}`)
      .set(bearer(admin))
      .send({ body: { ...v1.body, coveredYears: [2027] }, note: '补录 2027' })
      .expect(200);
    expect(edited.body).toMatchObject({ note: '补录 2027', body: { coveredYears: [2027] } });
    expectError(await t.http.put(`/settings/versions/${draft.id}`).set(bearer(admin)).send({ body: { ...v1.body, officeHours: [] }, note: 'x' }), 400, 'SETTINGS_INVALID');
    await t.http.delete(`/settings/versions/${draft.id}`).set(bearer(admin)).expect(204);
    expectError(await t.http.get(`/settings/versions/${draft.id}`).set(bearer(admin)), 404, 'SETTINGS_NOT_FOUND');
    expectError(await t.http.put(`/settings/versions/${v1.id}`).set(bearer(admin)).send({ body: v1.body, note: 'x' }), 409, 'SETTINGS_IMMUTABLE');
    expectError(await t.http.delete(`/settings/versions/${v1.id}`).set(bearer(admin)), 409, 'SETTINGS_IMMUTABLE');
    expectError(await publish(v1.id), 409, 'SETTINGS_NOT_DRAFT');
    expect(await auditActions()).toEqual(expect.arrayContaining(['settings.create', 'settings.update', 'settings.delete']));
  });

  it('before: nothing is planned on the weekend of 2026-12-05', async () => {
    const res = await plan();
    expect((res.body as { meetings: Meeting[] }).meetings).toEqual([]);
  });

  it('publishing a make-up Saturday and 09:00–12:00 / 14:00–17:00 hours: the next plan uses them, without restart', async () => {
    v2 = (await create(withSaturdayAndNewHours(v1.body), '12 月 5 日调休上班；夏令作息', admin).expect(201)).body as Version;
    const published = await publish(v2.id, '调整作息').expect(200);
    expect(published.body).toMatchObject({ version: 2, status: 'published', active: true, publishedBy: 'admin', activationId: expect.any(String) });
    const current = (await t.http.get('/settings').set(bearer(auditor)).expect(200)).body;
    expect(current).toMatchObject({ version: 2, warnings: [] });

    const meetings = (await plan()).body.meetings as Meeting[];
    expect(meetings.length).toBeGreaterThan(0);
    const starts = meetings.map((m) => local(m.startAt));
    expect(starts.every((s) => s.toISODate() === '2026-12-05')).toBe(true);
    expect(starts.map((s) => s.toFormat('HH:mm'))).toContain('09:00');
    for (const m of meetings) {
      const s = local(m.startAt).toFormat('HH:mm');
      const e = local(m.endAt).toFormat('HH:mm');
      expect((s >= '09:00' && e <= '12:00') || (s >= '14:00' && e <= '17:00')).toBe(true);
    }
    // Invite alarms are a setting too: one alarm, an hour before (version 1 had a day and 30 minutes).
    const ics = await t.http.get(`/meetings/${meetings[0].id}/invite.ics?attendeeId=${meetings[0].attendees[0].id}`).set(bearer(secretary)).expect(200);
    expect(ics.text.split('\r\n').filter((l) => l.startsWith('TRIGGER'))).toEqual([expect.stringMatching(/^TRIGGER.*:-PT(1H|60M)$/)]);
  });

  it('a case registered after publishing acceptDays 10 gets the shorter deadline; an earlier case keeps its own', async () => {
    // 2026-11-26 + 15 days = Friday 2026-12-11 (end of the day, office time).
    expect(earlyCase.deadlines.acceptDueAt).toBe('2026-12-11T15:59:59.999Z');
    v3 = (await t.http
      .post('/settings/versions')
      .set(bearer(admin))
      .send({ body: { ...v2.body, deadlines: { ...v2.body.deadlines, acceptDays: 10 } }, note: '受理期限 10 日', basedOn: 2 })
      .expect(201)).body as Version;
    expect(v3.basedOn).toBe(2);
    await publish(v3.id, '缩短受理期限').expect(200);
    const later = await registerCase<{ deadlines: { acceptDueAt: string } }>(t, secretary);
    // + 10 days = Sunday 2026-12-06, not a working day: Monday 2026-12-07.
    expect(later.deadlines.acceptDueAt).toBe('2026-12-07T15:59:59.999Z');
    const early = await t.http.get(`/cases/${earlyCase.id}`).set(bearer(secretary)).expect(200);
    expect(early.body.deadlines.acceptDueAt).toBe('2026-12-11T15:59:59.999Z');
  });

  it('rolls back to version 1 as its own audited event, never rewriting who published what', async () => {
    const res = await t.http.post(`/settings/versions/${v1.id}/rollback`).set(bearer(admin)).send({ note: '恢复初始设置' }).expect(200);
    expect(res.body).toMatchObject({ version: 1, status: 'published', active: true, publishedBy: 'system', publishedAt: v1.publishedAt, activationId: expect.any(String) });
    const versions = (await t.http.get('/settings/versions').set(bearer(auditor)).expect(200)).body as Version[];
    expect(versions.map((v) => [v.version, v.status, v.active, v.publishedBy])).toEqual([
      [3, 'archived', false, 'admin'],
      [2, 'archived', false, 'admin'],
      [1, 'published', true, 'system'],
    ]);
    const activations = (await t.http.get('/settings/activations').set(bearer(auditor)).expect(200)).body as { version: number; action: string; fromVersion: number | null; note: string; by: string }[];
    expect(activations.map((a) => [a.action, a.version, a.fromVersion, a.by]).sort()).toEqual(
      [
        ['publish', 1, null, 'system'],
        ['publish', 2, 1, 'admin'],
        ['publish', 3, 2, 'admin'],
        ['rollback', 1, 3, 'admin'],
      ].sort(),
    );
    expect(activations.find((a) => a.action === 'rollback')?.note).toBe('恢复初始设置');
    const actions = await auditActions();
    expect(actions.filter((a) => a === 'settings.publish')).toHaveLength(2);
    expect(actions.filter((a) => a === 'settings.rollback')).toHaveLength(1);
    // In force again at once: 15 days, and no meeting on the (no longer working) Saturday.
    const next = await registerCase<{ deadlines: { acceptDueAt: string } }>(t, secretary);
    expect(next.deadlines.acceptDueAt).toBe('2026-12-11T15:59:59.999Z');
    expect((await plan()).body.meetings).toEqual([]);
    // Rolling back the active version returns to the version published before it.
    const back = await t.http.post(`/settings/versions/${v1.id}/rollback`).set(bearer(admin)).send({}).expect(409);
    expect(back.body.code).toBe('SETTINGS_ROLLBACK_UNAVAILABLE');
  });

  it('lets each role do only its part: leader 403, secretariat reads the settings in force, auditor reads all', async () => {
    for (const path of ['/settings', '/settings/versions', '/settings/activations', `/settings/versions/${v1.id}`]) {
      expectError(await t.http.get(path).set(bearer(director)), 403, 'FORBIDDEN');
      await t.http.get(path).set(bearer(auditor)).expect(200);
    }
    await t.http.get('/settings').set(bearer(secretary)).expect(200);
    for (const path of ['/settings/versions', '/settings/activations', `/settings/versions/${v1.id}`]) expectError(await t.http.get(path).set(bearer(secretary)), 403, 'FORBIDDEN');
    for (const token of [secretary, auditor, director]) {
      expectError(await create(v1.body, 'x', token), 403, 'FORBIDDEN');
      expectError(await t.http.post(`/settings/versions/${v2.id}/rollback`).set(bearer(token)).send({ note: 'x' }), 403, 'FORBIDDEN');
      expectError(await t.http.post(`/settings/versions/${v2.id}/validate`).set(bearer(token)).send({}), 403, 'FORBIDDEN');
      expectError(await t.http.delete(`/settings/versions/${v2.id}`).set(bearer(token)), 403, 'FORBIDDEN');
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    expectError(await t.http.get(`/settings/versions/${unknown}`).set(bearer(admin)), 404, 'SETTINGS_NOT_FOUND');
    expectError(await publish(unknown), 404, 'SETTINGS_NOT_FOUND');
    expectError(await t.http.post(`/settings/versions/${unknown}/rollback`).set(bearer(admin)).send({}), 404, 'SETTINGS_NOT_FOUND');
    expect((await t.http.get('/settings/versions/not-a-uuid').set(bearer(admin))).status).toBe(400);
    expectError(await t.http.post('/settings/versions').set(bearer(admin)).send({ body: v1.body, note: 'x', basedOn: 99 }), 400, 'SETTINGS_BASED_ON_UNKNOWN');
    expectError(await publish(v2.id, 'x'.repeat(501)), 400, 'VALIDATION_FAILED');
  });
});

/** Production runs several instances on one database: one publishes, the other follows within 2 s. MySQL/MariaDB only (as test/multi-instance.e2e-spec.ts). */
const describeShared = TEST_MODE.mysql ? describe : describe.skip;

describeShared('office settings on two service instances', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await createTestApp();
    const shared = ['DATABASE_URL', 'PII_KEY', 'JWT_SECRET', 'REDIS_URL', 'QUEUE_PREFIX'];
    b = await createTestApp({ clock: a.clock, env: Object.fromEntries(shared.filter((k) => a.env[k] !== undefined).map((k) => [k, a.env[k]])) });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('publish on A: B plans with the new office hours within 2 s, without restart', async () => {
    const [adminA, secretaryA, secretaryB] = [await a.token('admin'), await a.token('secretary'), await b.token('secretary')];
    for (const headcount of [6, 7]) await registerCase(a, secretaryA, { headcount, category: 'urban-construction', region: '茅箭区' });
    const planOnB = async (): Promise<Meeting[]> => (await b.http.post('/meetings/plan').set(bearer(secretaryB)).send(WEEKEND_WINDOW).expect(200)).body.meetings as Meeting[];
    expect(await planOnB()).toEqual([]);

    const v1 = (await a.http.get('/settings').set(bearer(adminA)).expect(200)).body as Version;
    const draft = (await a.http.post('/settings/versions').set(bearer(adminA)).send({ body: withSaturdayAndNewHours(v1.body), note: '调休' }).expect(201)).body as Version;
    const publishedAt = Date.now();
    await a.http.post(`/settings/versions/${draft.id}/publish`).set(bearer(adminA)).send({ note: '调休' }).expect(200);
    expect(a.app.get(OfficeSettings).version()).toBe(draft.version);

    // B's own timer picks the new version up (no refresh() call): within 2 s of the publication.
    const onB = b.app.get(OfficeSettings);
    while (onB.version() !== draft.version && Date.now() - publishedAt < 2_000) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onB.version()).toBe(draft.version);
    expect(Date.now() - publishedAt).toBeLessThan(2 * SETTINGS_REFRESH_MS + 500);
    const meetings = await planOnB();
    expect(meetings.length).toBeGreaterThan(0);
    expect(meetings.map((m) => local(m.startAt).toISODate())).toContain('2026-12-05');
    expect(meetings.map((m) => local(m.startAt).toFormat('HH:mm'))).toContain('09:00');
    // The deterministic way for specs: refresh() reads the active version at once.
    await onB.refresh();
    expect(onB.version()).toBe(draft.version);
  });
});
