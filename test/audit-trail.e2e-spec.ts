import { beforeAll, describe, expect, it } from '@jest/globals';
import { PII_PATTERNS } from '../src/common/pii/masking.js';
import { bearer, idNumber } from './support/factories.js';
import { PASSWORD, useTestApp } from './support/test-app.js';

interface AuditItem {
  id: string;
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: { zh: string; en: string };
  data: { changes?: { field: string; from: unknown; to: unknown; hidden?: boolean }[] } & Record<string, unknown>;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const MOBILE = '13812345678';

describe('audit trail (审计) and the audited directory and users', () => {
  const t = useTestApp();
  let admin: string;
  let secretary: string;
  let auditor: string;
  let director: string;

  beforeAll(async () => {
    admin = await t.token('admin');
    secretary = await t.token('secretary');
    auditor = await t.token('auditor');
    director = await t.token('director');
  });

  async function trail(query: Record<string, string | number> = {}, token = auditor): Promise<{ total: number; items: AuditItem[] }> {
    const res = await t.http.get('/audit').query({ pageSize: 200, ...query }).set(bearer(token)).expect(200);
    return res.body as { total: number; items: AuditItem[] };
  }

  async function latest(action: string, entityId: string): Promise<AuditItem> {
    const { items } = await trail({ action, entityId });
    expect(items.length).toBeGreaterThan(0);
    return items[0];
  }

  it('records every directory change with its fields and shows it in words', async () => {
    const unit = await t.http
      .post('/directory/units')
      .set(bearer(admin))
      .send({ code: 'AUDIT1', name: '市审计局', kind: 'external', categories: ['economy'], responsibilities: ['审计监督'] })
      .expect(201);
    expect(unit.body.responsibilities).toEqual(['审计监督']);
    await t.http
      .patch(`/directory/units/${unit.body.id}`)
      .set(bearer(admin))
      .send({ responsibilities: ['审计监督', '经济责任审计'], active: false })
      .expect(200);
    const created = await latest('directory.unit.create', unit.body.id);
    expect(created).toMatchObject({ actorName: '系统管理员', entityType: 'unit', summary: { zh: '新增单位 市审计局（AUDIT1）', en: 'Added unit 市审计局 (AUDIT1)' } });
    expect(created.data.changes).toEqual(expect.arrayContaining([{ field: 'responsibilities', from: null, to: ['审计监督'] }]));
    const updated = await latest('directory.unit.update', unit.body.id);
    expect(updated.summary.zh).toBe('修改单位 市审计局（AUDIT1）：职责清单 1 项 → 2 项；状态 启用 → 停用');
    expect(updated.data.changes).toEqual([
      { field: 'responsibilities', from: ['审计监督'], to: ['审计监督', '经济责任审计'] },
      { field: 'active', from: true, to: false },
    ]);

    const leader = await t.http
      .post('/leaders')
      .set(bearer(admin))
      .send({ name: '赵审计', title: '副主任', rank: 'deputy-director', portfolio: ['economy'], regions: ['茅箭区'] })
      .expect(201);
    await t.http.patch(`/leaders/${leader.body.id}`).set(bearer(admin)).send({ maxActiveCases: 12 }).expect(200);
    await t.http
      .put(`/leaders/${leader.body.id}/busy`)
      .set(bearer(secretary))
      .send([{ start: '2026-12-08T09:00:00+08:00', end: '2026-12-08T12:00:00+08:00', reason: '出差' }])
      .expect(200);
    expect((await latest('directory.leader.create', leader.body.id)).summary.zh).toBe('新增领导 赵审计');
    expect((await latest('directory.leader.update', leader.body.id)).summary.zh).toBe('修改领导 赵审计：包案上限 10 → 12');
    const busy = await latest('directory.busy.update', leader.body.id);
    expect(busy).toMatchObject({ actorName: '张秘书', summary: { zh: '更新领导 赵审计 的忙碌时段（0 段 → 1 段）' } });

    const deputy = await t.http.post('/directory/deputies').set(bearer(secretary)).send({ name: '钱代表', profession: '医生', station: '张湾区人大代表联络站' }).expect(201);
    const patchedDeputy = await t.http.patch(`/directory/deputies/${deputy.body.id}`).set(bearer(secretary)).send({ profession: '律师' }).expect(200);
    expect(patchedDeputy.body).toMatchObject({ name: '钱代表', profession: '律师', active: true });
    expect((await latest('directory.deputy.create', deputy.body.id)).summary.zh).toBe('新增代表 钱代表');
    expect((await latest('directory.deputy.update', deputy.body.id)).summary.zh).toBe('修改代表 钱代表：职业 医生 → 律师');

    const room = await t.http
      .post('/directory/rooms')
      .set(bearer(admin))
      .send({ name: '常委会第二会议室', capacity: 30, equipment: ['投影仪'], location: '机关办公楼二楼' })
      .expect(201);
    expect(room.body).toMatchObject({ name: '常委会第二会议室', capacity: 30, equipment: ['投影仪'], location: '机关办公楼二楼', active: true });
    const patchedRoom = await t.http.patch(`/directory/rooms/${room.body.id}`).set(bearer(admin)).send({ capacity: 36, location: null }).expect(200);
    expect(patchedRoom.body).toMatchObject({ capacity: 36, location: null });
    expect((await latest('directory.room.create', room.body.id)).summary).toEqual({ zh: '新增会议室 常委会第二会议室', en: 'Added room 常委会第二会议室' });
    expect((await latest('directory.room.update', room.body.id)).summary.zh).toBe('修改会议室 常委会第二会议室：座位数 30 → 36；位置 机关办公楼二楼 → （空）');
    const rooms = await t.http.get('/directory/rooms').set(bearer(auditor)).expect(200);
    expect(rooms.body.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['常委会第二会议室', '常委会第三会议室']));
  });

  it('writes nothing for a PATCH that changes nothing', async () => {
    const room = await t.http.post('/directory/rooms').set(bearer(admin)).send({ name: '小会议室', capacity: 8 }).expect(201);
    await t.http.patch(`/directory/rooms/${room.body.id}`).set(bearer(admin)).send({ capacity: 8 }).expect(200);
    await t.http.patch(`/directory/rooms/${room.body.id}`).set(bearer(admin)).send({}).expect(200);
    expect((await trail({ entityId: room.body.id })).items.map((i) => i.action)).toEqual(['directory.room.create']);
  });

  it('records user changes with the fields changed, and resets a password to a temporary one shown once', async () => {
    const created = await t.http
      .post('/users')
      .set(bearer(admin))
      .send({ username: 'wang', password: 'lotus-river-2026-x', role: 'secretariat', displayName: '王文书' })
      .expect(201);
    const id: string = created.body.id;
    expect(created.body).toMatchObject({ username: 'wang', leaderId: null, active: true });
    expect((await latest('user.create', id)).summary.zh).toBe('新增用户 wang（角色 秘书处）');

    const wangToken = (await t.http.post('/auth/login').send({ username: 'wang', password: 'lotus-river-2026-x' }).expect(200)).body.accessToken as string;
    await t.http.patch(`/users/${id}`).set(bearer(admin)).send({ role: 'admin' }).expect(200);
    const roleChange = await latest('user.update', id);
    expect(roleChange.summary).toEqual({ zh: '修改用户 wang：角色 秘书处 → 管理员', en: 'Changed user wang: role secretariat → admin' });
    await t.http.get('/auth/me').set(bearer(wangToken)).expect(401);

    t.clock.advanceMs(1000); // entries of one instant have no order among them
    const leaderId = t.leaders.get('deputy-1') as string;
    const linked = await t.http.patch(`/users/${id}`).set(bearer(admin)).send({ role: 'leader', leaderId }).expect(200);
    expect(linked.body).toMatchObject({ role: 'leader', leaderId });
    expect((await latest('user.update', id)).data.changes).toEqual([
      { field: 'role', from: 'admin', to: 'leader' },
      { field: 'leaderId', from: null, to: leaderId },
    ]);

    const again = (await t.http.post('/auth/login').send({ username: 'wang', password: 'lotus-river-2026-x' }).expect(200)).body.accessToken as string;
    const reset = await t.http.post(`/users/${id}/password-reset`).set(bearer(admin)).expect(200);
    const temporary: string = reset.body.temporaryPassword;
    expect(temporary).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
    await t.http.get('/auth/me').set(bearer(again)).expect(401);
    await t.http.post('/auth/login').send({ username: 'wang', password: 'lotus-river-2026-x' }).expect(401);
    await t.http.post('/auth/login').send({ username: 'wang', password: temporary }).expect(200);
    const resetEntry = await latest('user.password-reset', id);
    expect(resetEntry.summary.zh).toBe('重置用户 wang 的密码（其全部会话已结束）');
    expect(resetEntry.data.changes).toEqual([{ field: 'password', from: null, to: null, hidden: true }]);

    const updatesBefore = (await trail({ action: 'user.update', entityId: id })).total;
    await t.http.patch(`/users/${id}`).set(bearer(admin)).send({ displayName: '王文书', role: 'leader' }).expect(200);
    expect((await trail({ action: 'user.update', entityId: id })).total).toBe(updatesBefore);
    t.clock.advanceMs(1000);
    await t.http.patch(`/users/${id}`).set(bearer(admin)).send({ password: 'maple-cloud-2026-y' }).expect(200);
    expect((await latest('user.update', id)).summary.zh).toBe('修改用户 wang：密码已更改');
    await t.http.post(`/users/${id}/sessions/revoke`).set(bearer(admin)).expect(204);
    expect((await latest('user.sessions-revoke', id)).summary.zh).toBe('结束用户 wang 的全部会话');

    const everything = JSON.stringify(await trail());
    const rows = JSON.stringify(await t.dataSource.query('SELECT * FROM audit_log'));
    for (const secret of [temporary, 'lotus-river-2026-x', 'maple-cloud-2026-y', PASSWORD]) {
      expect(everything).not.toContain(secret);
      expect(rows).not.toContain(secret);
      expect(t.logLines.join('\n')).not.toContain(secret);
    }
  });

  it('keeps phone and ID numbers out of every audit entry', async () => {
    const id = idNumber('42030319800101123');
    const deputy = await t.http.post('/directory/deputies').set(bearer(admin)).send({ name: '孙代表', profession: '教师', station: '茅箭区代表之家' }).expect(201);
    await t.http.patch(`/directory/deputies/${deputy.body.id}`).set(bearer(admin)).send({ station: `茅箭区代表之家 联系 ${MOBILE}` }).expect(200);
    const unit = await t.http.post('/directory/units').set(bearer(admin)).send({ code: 'PIIU', name: '测试单位', kind: 'external', categories: [] }).expect(201);
    await t.http.patch(`/directory/units/${unit.body.id}`).set(bearer(admin)).send({ responsibilities: [`核查身份证 ${id}`] }).expect(200);
    const entries = await trail();
    const json = JSON.stringify(entries);
    const rows = JSON.stringify(await t.dataSource.query('SELECT data FROM audit_log'));
    for (const text of [json, rows]) {
      expect(text).not.toContain(MOBILE);
      expect(text).not.toContain(id);
      expect(PII_PATTERNS.mobile.test(text)).toBe(false);
      expect(PII_PATTERNS.idNumber.test(text)).toBe(false);
    }
    expect((await latest('directory.deputy.update', deputy.body.id)).data.changes?.[0].to).toBe('茅箭区代表之家 联系 138****5678');
  });

  it('filters by actor, action (or a prefix), entity, and pages', async () => {
    const me = (await t.http.get('/auth/me').set(bearer(secretary)).expect(200)).body as { id: string };
    const bySecretary = await trail({ actor: me.id });
    expect(bySecretary.total).toBeGreaterThan(0);
    expect(new Set(bySecretary.items.map((i) => i.actorName))).toEqual(new Set(['张秘书']));
    const byName = await trail({ actor: '秘书' });
    expect(byName.total).toBe(bySecretary.total);
    const rooms = await trail({ action: 'directory.room.create' });
    expect(rooms.items.every((i) => i.action === 'directory.room.create')).toBe(true);
    expect(rooms.total).toBeGreaterThanOrEqual(2);
    const directory = await trail({ action: 'directory.*' });
    expect(new Set(directory.items.map((i) => i.action.split('.')[0]))).toEqual(new Set(['directory']));
    expect(directory.total).toBeGreaterThan(rooms.total);
    const users = await trail({ entityType: 'user' });
    expect(users.items.every((i) => i.entityType === 'user')).toBe(true);

    const first = await trail({ action: 'directory.*', page: 1, pageSize: 2 });
    const second = await trail({ action: 'directory.*', page: 2, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(directory.total);
    expect(second.items[0].id).toBe(directory.items[2].id);
    const times = directory.items.map((i) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await trail({ action: 'no.such.action' })).total).toBe(0);
    // LIKE wildcards typed into the filter are taken literally.
    for (const actor of ['%', '_', '!', "'"]) expect((await trail({ actor })).total).toBe(0);
    expect((await trail({ action: '%.*' })).total).toBe(0);
  });

  it('names the actions for the filter', async () => {
    const res = await t.http.get('/audit/actions').set(bearer(admin)).expect(200);
    expect(res.body).toEqual(expect.arrayContaining([{ action: 'ruleset.publish', zh: '发布规则集', en: 'Rule set published' }, expect.objectContaining({ action: 'directory.room.create' })]));
  });

  it('refuses bad filters with a code', async () => {
    for (const from of ['2026-13-01', '2026/11/29', 'yesterday', '2026-02-30', '2026-11-29T10:00:00Z']) {
      const res = await t.http.get('/audit').query({ from }).set(bearer(auditor)).expect(400);
      expect(res.body).toMatchObject({ code: 'AUDIT_DATE_INVALID', details: [{ field: 'from' }] });
    }
    expect((await t.http.get('/audit').query({ to: 'x' }).set(bearer(auditor)).expect(400)).body.code).toBe('AUDIT_DATE_INVALID');
    expect((await t.http.get('/audit').query({ from: '2026-11-30', to: '2026-11-29' }).set(bearer(auditor)).expect(400)).body.code).toBe('AUDIT_RANGE_INVALID');
    for (const query of [{ pageSize: 201 }, { pageSize: 0 }, { page: 0 }, { page: 'x' }, { actor: 'x'.repeat(65) }]) {
      const res = await t.http.get('/audit').query(query).set(bearer(auditor)).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    for (const raw of ['action=a&action=b', 'from[a]=1', 'actor[]=x', 'page=1&page=2', 'entityId=' + 'x'.repeat(65), 'from=%00', 'unknown=1']) {
      const res = await t.http.get(`/audit?${raw}`).set(bearer(auditor));
      expect([raw, res.status]).toEqual([raw, 400]);
      expect(res.body.code).toMatch(/^(VALIDATION_FAILED|AUDIT_DATE_INVALID)$/);
    }
  });

  it('lets only admins and auditors read the trail', async () => {
    for (const [token, status] of [
      [admin, 200],
      [auditor, 200],
      [secretary, 403],
      [director, 403],
    ] as const) {
      await t.http.get('/audit').set(bearer(token)).expect(status);
      await t.http.get('/audit/actions').set(bearer(token)).expect(status);
    }
    await t.http.get('/audit').expect(401);
  });

  it('checks roles, unknown ids and input on the new directory and user routes', async () => {
    const room = await t.http.post('/directory/rooms').set(bearer(admin)).send({ name: '角色测试室', capacity: 10 }).expect(201);
    const deputyId = ((await t.http.get('/directory/deputies').set(bearer(secretary)).expect(200)).body as { id: string }[])[0].id;
    const me = (await t.http.get('/auth/me').set(bearer(secretary)).expect(200)).body as { id: string };
    const table: [string, 'get' | 'post' | 'patch', string, object | undefined, Record<string, number>][] = [
      ['rooms list', 'get', '/directory/rooms', undefined, { admin: 200, secretary: 200, auditor: 200, director: 403 }],
      ['room create', 'post', '/directory/rooms', { name: '无权限室', capacity: 5 }, { secretary: 403, auditor: 403, director: 403 }],
      ['room patch', 'patch', `/directory/rooms/${room.body.id}`, { capacity: 11 }, { secretary: 403, auditor: 403, director: 403, admin: 200 }],
      ['deputy patch', 'patch', `/directory/deputies/${deputyId}`, { active: true }, { auditor: 403, director: 403, secretary: 200, admin: 200 }],
      ['password reset', 'post', `/users/${me.id}/password-reset`, undefined, { secretary: 403, auditor: 403, director: 403 }],
    ];
    const tokens: Record<string, string> = { admin, secretary, auditor, director };
    for (const [, method, path, body, expected] of table) {
      for (const [who, status] of Object.entries(expected)) {
        const req = t.http[method](path).set(bearer(tokens[who]));
        await (body ? req.send(body) : req).expect(status);
      }
    }

    expect((await t.http.patch(`/directory/rooms/${UNKNOWN_ID}`).set(bearer(admin)).send({ capacity: 3 }).expect(404)).body.code).toBe('ROOM_NOT_FOUND');
    expect((await t.http.patch(`/directory/deputies/${UNKNOWN_ID}`).set(bearer(admin)).send({ active: false }).expect(404)).body.code).toBe('DEPUTY_NOT_FOUND');
    expect((await t.http.post(`/users/${UNKNOWN_ID}/password-reset`).set(bearer(admin)).expect(404)).body.code).toBe('USER_NOT_FOUND');
    await t.http.patch('/directory/rooms/not-a-uuid').set(bearer(admin)).send({ capacity: 3 }).expect(400);

    const dup = await t.http.post('/directory/rooms').set(bearer(admin)).send({ name: '角色测试室', capacity: 4 }).expect(409);
    expect(dup.body.code).toBe('ROOM_NAME_TAKEN');
    const other = await t.http.post('/directory/rooms').set(bearer(admin)).send({ name: '另一间', capacity: 4 }).expect(201);
    expect((await t.http.patch(`/directory/rooms/${other.body.id}`).set(bearer(admin)).send({ name: '角色测试室' }).expect(409)).body.code).toBe('ROOM_NAME_TAKEN');
    for (const body of [{ name: '零座', capacity: 0 }, { name: '', capacity: 3 }, { name: '设备', capacity: 3, equipment: 'projector' }, { capacity: 3 }, { name: 'x', capacity: 3, extra: 1 }]) {
      const res = await t.http.post('/directory/rooms').set(bearer(admin)).send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const unitId = ((await t.http.get('/units').set(bearer(admin)).expect(200)).body as { id: string; code: string }[]).find((u) => u.code === 'GOV')?.id;
    for (const responsibilities of [Array.from({ length: 21 }, (_, i) => `职责${i}`), ['x'.repeat(201)], [''], 'text', [1]]) {
      const res = await t.http.patch(`/directory/units/${unitId}`).set(bearer(admin)).send({ responsibilities }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    await t.http.patch(`/directory/deputies/${deputyId}`).set(bearer(admin)).send({ name: null }).expect(400);
  });

  it('audits the exports: the ledger CSV and the thematic report', async () => {
    await t.http.get('/reports/ledger.csv').set(bearer(auditor)).expect(200);
    await t.http.get('/reports/hotspots/report.md').query({ days: 14, category: 'urban-construction' }).set(bearer(secretary)).expect(200);
    const ledger = (await trail({ action: 'ledger.export' })).items[0];
    expect(ledger).toMatchObject({ actorName: '审计员', summary: { zh: '导出台账 CSV' } });
    const report = (await trail({ action: 'report.export' })).items[0];
    expect(report).toMatchObject({ actorName: '张秘书', entityType: 'report', summary: { zh: '导出专题报告（近 14 天，城建）' } });
  });

  it('tells rule-set drafts, publishing and rollback in words with their notes', async () => {
    const v1 = (await t.http.get('/rules/active').set(bearer(admin)).expect(200)).body as { id: string; version: number; rules: unknown[] };
    const draft = (await t.http.post('/rules/sets').set(bearer(admin)).send({ note: '复制现行规则', rules: v1.rules, basedOn: v1.version }).expect(201)).body as { id: string; version: number };
    t.clock.advanceMs(1000);
    await t.http.post(`/rules/sets/${draft.id}/publish`).set(bearer(admin)).send({ note: '提高集体访门槛' }).expect(200);
    t.clock.advanceMs(1000);
    await t.http.post(`/rules/sets/${v1.id}/rollback`).set(bearer(admin)).send({ note: '恢复原规则' }).expect(200);
    const words = (await trail({ action: 'ruleset.*' })).items.map((i) => i.summary.zh);
    expect(words.slice(0, 3)).toEqual([
      `回滚规则集至 v${v1.version}（原为 v${draft.version}）（备注：恢复原规则）`,
      `发布规则集 v${draft.version}（备注：提高集体访门槛）`,
      `新建规则集草稿 v${draft.version}（备注：复制现行规则）`,
    ]);
    await t.relay.drain();
  });

  it('reads date-only bounds as office days, both included (23:30 office time belongs to its own day)', async () => {
    // 2026-11-29 23:30 in Asia/Shanghai is 15:30 UTC on the same date.
    t.clock.set('2026-11-29T15:30:00.000Z');
    const lateAdmin = (await t.http.post('/auth/login').send({ username: 'admin', password: PASSWORD }).expect(200)).body.accessToken as string;
    const late = await t.http.post('/directory/rooms').set(bearer(lateAdmin)).send({ name: '深夜会议室', capacity: 6 }).expect(201);
    t.clock.set('2026-11-29T16:00:00.000Z'); // 00:00 on 11-30, office time
    const nextDay = await t.http.patch(`/directory/rooms/${late.body.id}`).set(bearer(lateAdmin)).send({ capacity: 7 }).expect(200);
    expect(nextDay.body.capacity).toBe(7);

    const ids = async (from: string, to: string): Promise<string[]> => (await trail({ from, to, entityId: late.body.id }, lateAdmin)).items.map((i) => i.action);
    expect(await ids('2026-11-29', '2026-11-29')).toEqual(['directory.room.create']);
    expect(await ids('2026-11-30', '2026-11-30')).toEqual(['directory.room.update']);
    expect(await ids('2026-11-29', '2026-11-30')).toEqual(['directory.room.update', 'directory.room.create']);
    expect(await ids('2026-11-28', '2026-11-28')).toEqual([]);
    const created = (await trail({ from: '2026-11-29', to: '2026-11-29', entityId: late.body.id }, lateAdmin)).items[0];
    expect(created.at).toBe('2026-11-29T15:30:00.000Z');
    t.clock.set('2026-11-26T02:00:00.000Z');
  });
});
