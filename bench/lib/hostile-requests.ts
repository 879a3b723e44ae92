/**
 * Seeded hostile requests over every route family: deep nesting, nulls, lone surrogates, prototype keys,
 * wrong content types, huge and odd numbers, type confusion, malformed JSON, broken paths and queries.
 * Shared by the bench (bench/hostile.ts) and its seeded subset in npm test (test/hostile-input.e2e-spec.ts): both send
 * the same kinds of input; no test framework here.
 */

export type HostileRole = 'anonymous' | 'admin' | 'secretary' | 'auditor' | 'director' | 'unit';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Ids of things that exist in the app under test (made by the caller before sending). */
export interface HostileContext {
  unitIds: string[];
  unitCodes: string[];
  leaderIds: string[];
  caseIds: string[];
  /** draft meetings; the last one is the one the cancel route cancels, the others stay editable */
  meetingIds: string[];
  ruleSetIds: string[];
  userIds: string[];
  reviewIds: string[];
  feedTokens: string[];
  /** issue 13's administration: settings drafts, rooms, deputies, simulation runs (optional: older callers send none) */
  settingsIds?: string[];
  settingsBody?: Record<string, Json>;
  roomIds?: string[];
  deputyIds?: string[];
  simulationIds?: string[];
  /** issue 14: leaders' reception days (planned ones; optional) */
  receptionDayIds?: string[];
  /** issue 14: reply links (回执) of attendees, and attendee ids of the first meeting (optional) */
  replyTokens?: string[];
  attendeeIds?: string[];
  /** issue 15: case attachments (optional) */
  attachmentIds?: string[];
  /** issue 15: unit links — the case they were issued for, their ids and tokens (optional) */
  unitLinkCaseIds?: string[];
  unitLinkIds?: string[];
  unitLinkTokens?: string[];
  /** issue 15: ledger imports (台账导入 batches; optional) */
  ledgerImportIds?: string[];
}

export interface HostileRequest {
  /** route family and mutation, for counting and for reproducing a failure */
  label: string;
  method: HttpMethod;
  path: string;
  role: HostileRole;
  /** header value; undefined sends none */
  contentType?: string;
  /** raw body text; undefined sends none */
  body?: string;
}

type Random = () => number;
type Json = unknown;

interface Route {
  family: string;
  method: HttpMethod;
  path: (c: HostileContext, r: Random) => string;
  roles: HostileRole[];
  body?: (c: HostileContext, r: Random) => Record<string, Json> | Json[];
  query?: Record<string, string[]>;
}

const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)];
const UUID_ZERO = '00000000-0000-4000-8000-000000000000';
const one = (r: Random, ids: string[]): string => (ids.length ? pick(r, ids) : UUID_ZERO);

const editable = (c: HostileContext): string[] => (c.meetingIds.length > 1 ? c.meetingIds.slice(0, -1) : c.meetingIds);

let serial = 0;
const unique = (): string => `${Date.now().toString(36)}${(serial++).toString(36)}`.toUpperCase();

const when = (days: number, hour: number): string => {
  const d = new Date(Date.UTC(2026, 11, 1 + days, hour - 8, 0, 0));
  return d.toISOString().replace('.000Z', '+00:00');
};

const caseBody = (c: HostileContext, r: Random): Record<string, Json> => ({
  channel: pick(r, ['letter', 'visit', 'online', 'phone']),
  receivedAt: '2026-11-25T09:30:00+08:00',
  petitioner: { name: '张三', phone: '13812345678' },
  headcount: 1 + Math.floor(r() * 3),
  subject: `物业服务质量差 ${unique()}`,
  content: '小区物业公司长期不履行保洁和维修义务，业主多次投诉无果。',
  category: pick(r, ['urban-construction', 'social-security', 'litigation']),
  region: `茅箭区${Math.floor(r() * 50)}`,
  unitsInvolved: c.unitCodes.slice(0, 1),
});

const ROUTES: Route[] = [
  { family: 'auth-login', method: 'POST', path: () => '/auth/login', roles: ['anonymous'], body: () => ({ username: 'fuzz-nobody', password: 'not-the-password-2026' }) },
  { family: 'users', method: 'GET', path: () => '/users', roles: ['admin'] },
  {
    family: 'users',
    method: 'POST',
    path: () => '/users',
    roles: ['admin'],
    body: () => ({ username: `fuzz-${unique().toLowerCase()}`, password: 'Fuzz-password-2026!', role: 'auditor', displayName: '测试账号' }),
  },
  { family: 'users', method: 'PATCH', path: (c, r) => `/users/${one(r, c.userIds)}`, roles: ['admin'], body: () => ({ displayName: '改名', active: true }) },
  { family: 'units', method: 'GET', path: (c, r) => `/units/${one(r, c.unitIds)}`, roles: ['secretary', 'auditor'] },
  {
    family: 'units',
    method: 'POST',
    path: () => '/units',
    roles: ['admin'],
    body: () => ({ code: `F${unique()}`.slice(0, 32), name: '测试单位', kind: 'external', categories: ['litigation'], email: 'unit@example.cn' }),
  },
  { family: 'units', method: 'PATCH', path: (c, r) => `/units/${one(r, c.unitIds)}`, roles: ['admin'], body: () => ({ shortName: '简称', active: true }) },
  {
    family: 'leaders',
    method: 'POST',
    path: () => '/leaders',
    roles: ['admin'],
    body: () => ({ name: '测试领导', title: '副主任', rank: 'deputy-director', portfolio: ['litigation'], regions: ['茅箭区'], maxActiveCases: 5 }),
  },
  { family: 'leaders', method: 'PATCH', path: (c, r) => `/leaders/${one(r, c.leaderIds)}`, roles: ['admin'], body: () => ({ title: '副主任', maxActiveCases: 12 }) },
  {
    family: 'busy-times',
    method: 'PUT',
    path: (c, r) => `/leaders/${one(r, c.leaderIds)}/busy`,
    roles: ['admin', 'secretary'],
    body: (_c, r) => [{ start: when(40 + Math.floor(r() * 10), 9), end: when(40 + Math.floor(r() * 10), 12), reason: '出差' }],
  },
  { family: 'busy-times', method: 'GET', path: (c, r) => `/leaders/${one(r, c.leaderIds)}/busy`, roles: ['admin', 'secretary'] },
  { family: 'feed-token', method: 'POST', path: (c, r) => `/leaders/${one(r, c.leaderIds)}/feed-token`, roles: ['secretary', 'admin'] },
  { family: 'feed', method: 'GET', path: (c, r) => `/calendar/feeds/${r() < 0.5 ? one(r, c.feedTokens) : 'x'.repeat(Math.floor(r() * 80))}.ics`, roles: ['anonymous'] },
  {
    family: 'deputies',
    method: 'POST',
    path: () => '/deputies',
    roles: ['admin', 'secretary'],
    body: () => ({ name: '代表', profession: '律师', station: '茅箭区人大代表之家', region: '茅箭区', email: 'deputy@example.cn' }),
  },
  { family: 'rules', method: 'POST', path: () => '/rules/sets', roles: ['admin'], body: () => ({ note: '测试草稿', rules: [], basedOn: 1 }) },
  { family: 'rules', method: 'PUT', path: (c, r) => `/rules/sets/${one(r, c.ruleSetIds)}`, roles: ['admin'], body: () => ({ note: '修改草稿', rules: [], precedence: ['joint-consultation', 'escalated', 'normal'] }) },
  { family: 'rules', method: 'POST', path: (c, r) => `/rules/sets/${one(r, c.ruleSetIds)}/validate`, roles: ['admin'] },
  {
    family: 'rules',
    method: 'POST',
    path: (c, r) => `/rules/sets/${one(r, c.ruleSetIds)}/simulate`,
    roles: ['admin'],
    body: () => ({ scope: { statuses: ['registered'], category: 'litigation' }, limit: 50, examples: 2 }),
  },
  { family: 'rules', method: 'POST', path: () => '/rules/evaluate', roles: ['admin', 'secretary'], body: (c, r) => ({ ...caseBody(c, r), repeatCount: 1 }) },
  { family: 'cases', method: 'POST', path: () => '/cases', roles: ['secretary', 'admin'], body: caseBody },
  {
    family: 'cases',
    method: 'GET',
    path: () => '/cases',
    roles: ['secretary', 'auditor', 'director'],
    query: { status: ['registered', 'open'], overdue: ['true', 'false'], sort: ['dueAt', '-code'], page: ['1', '2'], pageSize: ['20'], q: ['物业'], dueBefore: ['2026-12-31T00:00:00Z'] },
  },
  { family: 'cases', method: 'GET', path: (c, r) => `/cases/${one(r, c.caseIds)}`, roles: ['secretary', 'auditor', 'director'] },
  // Issue 14: the deputy who reported a case (an active deputy of the directory, or 422 REPORTING_DEPUTY_UNKNOWN).
  { family: 'cases-deputy', method: 'POST', path: () => '/cases', roles: ['secretary'], body: (c, r) => ({ ...caseBody(c, r), reportedByDeputyId: one(r, c.deputyIds ?? []) }) },
  {
    family: 'case-actions',
    method: 'POST',
    path: (c, r) => `/cases/${one(r, c.caseIds)}/actions`,
    roles: ['secretary'],
    body: (_c, r) => pick(r, [{ action: 'accept' }, { action: 'urge', note: '请加快办理' }, { action: 'extend', days: 10, reason: '情况复杂', approver: '主任' }, { action: 'route', committee: 'UCEC', handledBy: 'GOV' }]),
  },
  // Issue 15: the handling unit's loop (a unit of GOV on any case: its own → the state machine decides, another's → 404),
  // and the secretariat's decisions on it.
  {
    family: 'unit-loop',
    method: 'POST',
    path: (c, r) => `/cases/${one(r, c.caseIds)}/actions`,
    roles: ['unit', 'secretary'],
    body: (c, r) =>
      pick(r, [
        { action: 'sign' },
        { action: 'ask', reason: '请明确诉求' },
        { action: 'request-extension', days: Math.floor(r() * 40), reason: '需协调' },
        { action: 'reply', reason: '已答复', report: '书面报告', attachmentIds: c.attachmentIds?.length ? [one(r, c.attachmentIds)] : [] },
        { action: 'answer-question', reason: '答复' },
        { action: 'refuse-extension', reason: '不同意' },
      ]),
  },
  { family: 'unit-loop', method: 'GET', path: (c, r) => `/cases/${one(r, c.caseIds)}`, roles: ['unit'] },
  { family: 'unit-loop', method: 'GET', path: () => '/cases', roles: ['unit'], query: { status: ['routed', 'in_handling'], page: ['1'], pageSize: ['20'] } },
  {
    family: 'conversions',
    method: 'POST',
    path: (c, r) => `/cases/${one(r, c.caseIds)}/conversions`,
    roles: ['secretary'],
    body: () => ({ kind: 'legislative-suggestion', title: '关于修订物业管理条例的建议', note: '说明' }),
  },
  { family: 'meetings-plan', method: 'POST', path: () => '/meetings/plan', roles: ['secretary'], body: (_c, r) => ({ from: '2026-12-01T00:00:00+08:00', to: '2026-12-15T00:00:00+08:00', types: ['supervision'], replaceEdited: r() < 0.5 }) },
  {
    family: 'meetings',
    method: 'POST',
    path: () => '/meetings',
    roles: ['secretary'],
    body: (c, r) => ({ type: 'supervision', startAt: when(60 + Math.floor(r() * 20), 9), endAt: when(60 + Math.floor(r() * 20), 10), chairId: one(r, c.leaderIds), agenda: [] }),
  },
  { family: 'meetings', method: 'GET', path: () => '/meetings', roles: ['secretary', 'director'], query: { from: ['2026-12-01T00:00:00Z'], status: ['draft'], type: ['joint'] } },
  { family: 'meetings-patch', method: 'PATCH', path: (c, r) => `/meetings/${one(r, editable(c))}`, roles: ['secretary'], body: () => ({ title: '督办会', location: '第一会议室' }) },
  { family: 'meetings-deputies', method: 'PATCH', path: (c, r) => `/meetings/${one(r, editable(c))}`, roles: ['secretary'], body: (c, r) => ({ deputies: [one(r, c.deputyIds ?? [])] }) },
  { family: 'meetings-rooms', method: 'PATCH', path: (c, r) => `/meetings/${one(r, editable(c))}`, roles: ['secretary'], body: (c, r) => ({ roomId: r() < 0.2 ? null : one(r, c.roomIds ?? []) }) },
  { family: 'meetings-confirm', method: 'POST', path: (c, r) => `/meetings/${one(r, editable(c))}/confirm`, roles: ['secretary'] },
  {
    family: 'meetings-outcomes',
    method: 'POST',
    path: (c, r) => `/meetings/${one(r, editable(c))}/outcomes`,
    roles: ['secretary'],
    body: (c, r) => ({ caseId: one(r, c.caseIds), decision: '责成承办单位月底前拿出整改方案', dueAt: '2026-12-31T17:30:00+08:00' }),
  },
  { family: 'meetings-cancel', method: 'POST', path: (c) => `/meetings/${c.meetingIds.at(-1) ?? UUID_ZERO}/cancel`, roles: ['secretary'], body: () => ({ reason: '改期' }) },
  {
    family: 'meetings-minutes',
    method: 'PUT',
    path: (c, r) => `/meetings/${one(r, editable(c))}/minutes`,
    roles: ['secretary'],
    body: (c, r) => ({
      summary: '会议听取了承办单位汇报。',
      requirements: '各承办单位按期书面报告。',
      attendance: [{ attendeeId: UUID_ZERO, present: false, substituteName: '张明', substitutePost: '办公室主任' }],
      extraAttendees: [{ name: '刘平', post: '市住建局物业科科长' }],
      undecidedCaseIds: [one(r, c.caseIds)],
      version: 1,
    }),
  },
  { family: 'meetings-minutes', method: 'POST', path: (c, r) => `/meetings/${one(r, editable(c))}/minutes/issue`, roles: ['secretary'] },
  { family: 'meetings-minutes', method: 'POST', path: (c, r) => `/meetings/${one(r, c.meetingIds)}/minutes/send`, roles: ['secretary'] },
  { family: 'meetings-minutes', method: 'GET', path: (c, r) => `/meetings/${one(r, c.meetingIds)}/minutes.docx`, roles: ['secretary', 'auditor', 'director'] },
  { family: 'replies', method: 'GET', path: (c, r) => `/replies/${r() < 0.6 ? one(r, c.replyTokens ?? []) : 'x'.repeat(Math.floor(r() * 400))}`, roles: ['anonymous'] },
  {
    family: 'replies',
    method: 'POST',
    path: (c, r) => `/replies/${r() < 0.6 ? one(r, c.replyTokens ?? []) : `${'A'.repeat(40)}.${'B'.repeat(43)}`}`,
    roles: ['anonymous'],
    body: (_c, r) => ({ answer: pick(r, ['accept', 'decline', 'substitute']), substituteName: '张明', substitutePost: '办公室主任', comment: '另有公务' }),
  },
  { family: 'meetings-reply', method: 'POST', path: (c, r) => `/meetings/${one(r, c.meetingIds)}/reply`, roles: ['director', 'secretary'], body: (_c, r) => ({ answer: pick(r, ['accept', 'decline']) }) },
  {
    family: 'meetings-reply',
    method: 'POST',
    path: (c, r) => `/meetings/${one(r, c.meetingIds)}/attendees/${one(r, c.attendeeIds ?? [])}/reply`,
    roles: ['secretary', 'admin'],
    body: () => ({ answer: 'substitute', substituteName: '张明', substitutePost: '办公室主任' }),
  },
  { family: 'meetings-alternatives', method: 'GET', path: (c, r) => `/meetings/${one(r, c.meetingIds)}/alternatives`, roles: ['secretary', 'auditor'], query: { caseId: [UUID_ZERO, 'x'] } },
  { family: 'invite', method: 'GET', path: (c, r) => `/meetings/${one(r, c.meetingIds)}/invite.ics`, roles: ['secretary', 'director'], query: { attendeeId: ['x', UUID_ZERO] } },
  { family: 'reports', method: 'GET', path: () => '/reports/summary', roles: ['auditor', 'secretary'], query: { from: ['2026-01-01T00:00:00+08:00'], to: ['2027-01-01T00:00:00+08:00'] } },
  { family: 'reports', method: 'GET', path: () => '/reports/hotspots', roles: ['auditor'], query: { days: ['30', '366'] } },
  { family: 'reports', method: 'GET', path: () => '/reports/hotspots/report.md', roles: ['auditor'], query: { category: ['litigation'], region: ['茅箭区'], days: ['30'] } },
  { family: 'reports', method: 'GET', path: () => '/reports/ledger.csv', roles: ['secretary'], query: { status: ['registered'], pageSize: ['20'] } },
  { family: 'lookback', method: 'POST', path: () => '/lookback/run', roles: ['secretary'], body: () => ({ period: '2026-10' }) },
  { family: 'lookback', method: 'GET', path: () => '/lookback', roles: ['secretary'], query: { period: ['2026-10', '2026-13'] } },
  {
    family: 'lookback',
    method: 'POST',
    path: (c, r) => `/lookback/reviews/${one(r, c.reviewIds)}/callback`,
    roles: ['secretary'],
    body: () => ({ result: 'satisfied', note: '已回访' }),
  },
  { family: 'rules-admin', method: 'GET', path: (c, r) => `/rules/sets/${one(r, c.ruleSetIds)}/diff`, roles: ['admin', 'auditor'], query: { against: [UUID_ZERO, 'v1', ''] } },
  { family: 'rules-admin', method: 'GET', path: () => '/rules/activations', roles: ['admin', 'auditor'] },
  { family: 'rules-admin', method: 'POST', path: (c, r) => `/rules/sets/${one(r, c.ruleSetIds)}/rollback`, roles: ['admin'], body: () => ({ note: '回滚测试' }) },
  { family: 'simulations', method: 'POST', path: (c, r) => `/rules/sets/${one(r, c.ruleSetIds)}/simulations`, roles: ['admin'], body: () => ({ scope: { statuses: ['registered'], category: 'litigation' } }) },
  { family: 'simulations', method: 'GET', path: (c, r) => `/rules/simulations/${one(r, c.simulationIds ?? [])}`, roles: ['admin'] },
  { family: 'simulations', method: 'POST', path: (c, r) => `/rules/simulations/${one(r, c.simulationIds ?? [])}/cancel`, roles: ['admin'] },
  {
    family: 'simulations',
    method: 'GET',
    path: (c, r) => `/rules/simulations/${one(r, c.simulationIds ?? [])}/cases`,
    roles: ['admin'],
    query: { dimension: ['grade', 'route', 'meeting'], from: ['escalated', 'none'], to: ['normal'], page: ['1', '2'], pageSize: ['20'] },
  },
  { family: 'settings', method: 'GET', path: () => '/settings', roles: ['admin', 'secretary', 'auditor'] },
  { family: 'settings', method: 'POST', path: () => '/settings/versions', roles: ['admin'], body: (c) => ({ body: c.settingsBody ?? {}, note: '测试设置' }) },
  { family: 'settings', method: 'PUT', path: (c, r) => `/settings/versions/${one(r, c.settingsIds ?? [])}`, roles: ['admin'], body: (c) => ({ body: c.settingsBody ?? {}, note: '修改设置' }) },
  { family: 'settings', method: 'POST', path: (c, r) => `/settings/versions/${one(r, c.settingsIds ?? [])}/validate`, roles: ['admin'] },
  { family: 'settings', method: 'POST', path: (c, r) => `/settings/versions/${one(r, c.settingsIds ?? [])}/rollback`, roles: ['admin'], body: () => ({ note: '回滚测试' }) },
  { family: 'rooms', method: 'POST', path: () => '/directory/rooms', roles: ['admin'], body: () => ({ name: `会议室${unique()}`, capacity: 20, equipment: ['投影'], location: '机关大楼', availableHours: [['08:30', '12:00'], ['14:30', '17:30']] }) },
  { family: 'rooms', method: 'PATCH', path: (c, r) => `/directory/rooms/${one(r, c.roomIds ?? [])}`, roles: ['admin'], body: () => ({ capacity: 30 }) },
  { family: 'deputies', method: 'PATCH', path: (c, r) => `/directory/deputies/${one(r, c.deputyIds ?? [])}`, roles: ['admin', 'secretary'], body: () => ({ profession: '医生' }) },
  { family: 'users', method: 'POST', path: (c, r) => `/users/${one(r, c.userIds)}/password-reset`, roles: ['admin'] },
  {
    family: 'audit',
    method: 'GET',
    path: () => '/audit',
    roles: ['admin', 'auditor'],
    query: { actor: ['admin', '%'], action: ['settings.publish', 'directory.*'], entityType: ['user'], from: ['2026-11-01', '2026-13-01'], to: ['2026-11-30'], page: ['1'], pageSize: ['50'] },
  },
  { family: 'audit', method: 'GET', path: () => '/audit/actions', roles: ['auditor'] },
  // Issue 14: leaders' reception days (docs/reception-days.md).
  { family: 'reception-plan', method: 'POST', path: () => '/reception-days/plan', roles: ['secretary'], body: (c, r) => ({ month: pick(r, ['2027-02', '2027-03']), leaderIds: c.leaderIds.slice(0, 2) }) },
  { family: 'reception-days', method: 'GET', path: () => '/reception-days', roles: ['secretary', 'auditor', 'director'], query: { month: ['2027-01', '2027-13'], from: ['2027-01-01T00:00:00Z'], to: ['2027-02-01T00:00:00Z'], status: ['planned'] } },
  { family: 'reception-days', method: 'GET', path: (c, r) => `/reception-days/${one(r, c.receptionDayIds ?? [])}`, roles: ['secretary', 'auditor', 'director'] },
  {
    family: 'reception-days',
    method: 'PATCH',
    path: (c, r) => `/reception-days/${one(r, c.receptionDayIds ?? [])}`,
    roles: ['secretary'],
    body: (c, r) => ({ startAt: '2027-01-20T14:30:00+08:00', endAt: '2027-01-20T17:30:00+08:00', roomId: one(r, c.roomIds ?? []), proposedCaseIds: c.caseIds.slice(0, 1), note: '接访准备' }),
  },
  { family: 'reception-days', method: 'POST', path: (c, r) => `/reception-days/${one(r, c.receptionDayIds ?? [])}/confirm`, roles: ['secretary'] },
  { family: 'reception-days', method: 'POST', path: (c, r) => `/reception-days/${one(r, c.receptionDayIds ?? [])}/cancel`, roles: ['secretary'], body: () => ({ reason: '改期' }) },
  { family: 'reception-days', method: 'POST', path: (c, r) => `/reception-days/${one(r, c.receptionDayIds ?? [])}/held`, roles: ['secretary'], body: (c) => ({ received: [{ caseId: c.caseIds[0] ?? UUID_ZERO, note: '当面听取诉求' }] }) },
  // issue 15: attachments. The upload takes multipart/form-data only: every JSON or garbage body must end in a 4xx.
  { family: 'case-attachments', method: 'POST', path: (c, r) => `/cases/${one(r, c.caseIds)}/attachments`, roles: ['secretary', 'admin', 'director'], body: () => ({ kind: 'other' }) },
  { family: 'case-attachments', method: 'GET', path: (c, r) => `/cases/${one(r, c.caseIds)}/attachments`, roles: ['secretary', 'auditor', 'director'] },
  { family: 'case-attachments', method: 'GET', path: (c, r) => `/attachments/${one(r, c.attachmentIds ?? [])}/content`, roles: ['secretary', 'auditor', 'director'] },
  // issue 15: letters (公文) and the notices to units (docs/letters.md)
  { family: 'letters', method: 'POST', path: (c, r) => `/cases/${one(r, c.caseIds)}/letters`, roles: ['secretary', 'admin', 'auditor', 'director'], body: (_c, r) => ({ kind: pick(r, ['acceptance-notice', 'rejection-notice', 'transfer-letter', 'memo']) }) },
  { family: 'letters', method: 'GET', path: (c, r) => `/cases/${one(r, c.caseIds)}/letters`, roles: ['secretary', 'auditor', 'director'] },
  { family: 'letters', method: 'GET', path: (c, r) => `/cases/${one(r, c.caseIds)}/notices`, roles: ['secretary', 'auditor', 'director'] },
  { family: 'letter-templates', method: 'GET', path: (_c, r) => `/letter-templates/${pick(r, ['acceptance-notice', 'urging-notice', 'memo', '%00'])}`, roles: ['secretary', 'admin', 'director'] },
  {
    family: 'letter-templates',
    method: 'PUT',
    path: (_c, r) => `/letter-templates/${pick(r, ['transfer-letter', 'memo'])}`,
    roles: ['admin', 'secretary'],
    body: (_c, r) => ({ title: '关于转送信访事项的函', numberPrefix: pick(r, ['人大信转', '{{caseCode}}']), addressee: '{{unitName}}：', body: pick(r, ['现转送{{caseCode}}。', '{{idNumber}}', '{{caseCode']), version: 0 }),
  },
  { family: 'letter-templates', method: 'POST', path: () => '/letter-templates/urging-notice/preview', roles: ['admin', 'secretary'], body: () => ({ title: '催办通报', numberPrefix: '人大信催', addressee: '{{unitName}}：', body: '请于{{dueDate}}前办结。' }) },
  // issue 15: unit links (docs/unit-links.md): the office's routes, and the public ones a link opens (forged tokens too)
  { family: 'unit-links', method: 'GET', path: (c, r) => `/cases/${one(r, c.unitLinkCaseIds ?? c.caseIds)}/unit-links`, roles: ['secretary', 'admin', 'auditor', 'director'] },
  { family: 'unit-links', method: 'POST', path: (c, r) => `/cases/${one(r, [...(c.unitLinkCaseIds ?? []), ...c.caseIds])}/unit-links`, roles: ['secretary', 'director'] },
  { family: 'unit-links', method: 'POST', path: (c, r) => `/unit-links/${one(r, c.unitLinkIds ?? [])}/revoke`, roles: ['secretary', 'auditor'] },
  { family: 'unit-link-page', method: 'GET', path: (c, r) => `/unit-links/${r() < 0.6 ? one(r, c.unitLinkTokens ?? []) : `${UUID_ZERO}.${'B'.repeat(43)}`}`, roles: ['anonymous'] },
  {
    family: 'unit-link-page',
    method: 'POST',
    path: (c, r) => `/unit-links/${r() < 0.6 ? one(r, c.unitLinkTokens ?? []) : 'x'.repeat(Math.floor(r() * 300))}/actions`,
    roles: ['anonymous'],
    body: (c, r) => ({ action: pick(r, ['sign', 'ask', 'request-extension', 'reply']), reason: '单位答复', report: '书面报告', days: pick(r, [10, 31]), attachmentIds: c.attachmentIds ?? [] }),
  },
  { family: 'unit-link-page', method: 'POST', path: (c, r) => `/unit-links/${one(r, c.unitLinkTokens ?? [])}/attachments`, roles: ['anonymous'], body: () => ({ kind: 'unit-report' }) },
  { family: 'unit-link-page', method: 'GET', path: (c, r) => `/unit-links/${one(r, c.unitLinkTokens ?? [])}/attachments/${one(r, c.attachmentIds ?? [])}`, roles: ['anonymous'] },
  { family: 'reports', method: 'GET', path: () => '/reports/dashboard', roles: ['auditor', 'secretary'], query: { from: ['2026-01-01', '2026-11-29'], to: ['2026-11-29', '2027-01-01'] } },
  // issue 15: 单位考评 (scorecards by window or evaluation period; evaluation records per unit and period)
  { family: 'unit-scorecard', method: 'GET', path: () => '/reports/units', roles: ['auditor', 'secretary', 'director'], query: { from: ['2026-01-01', '2026-11-29'], to: ['2026-12-31'], period: ['2026-Q4', '2026-H3', '2026'] } },
  { family: 'unit-scorecard', method: 'GET', path: () => '/reports/units.csv', roles: ['auditor', 'secretary'], query: { period: ['2026-Q4', '2026-13'] } },
  { family: 'unit-scorecard', method: 'GET', path: (c, r) => `/reports/units/${one(r, c.unitIds)}`, roles: ['auditor', 'secretary', 'director'], query: { period: ['2026', '2026-Q1'], from: ['2026-01-01'] } },
  { family: 'unit-evaluations', method: 'GET', path: (c, r) => `/units/${one(r, c.unitIds)}/evaluations`, roles: ['auditor', 'secretary', 'director'] },
  { family: 'unit-evaluations', method: 'GET', path: (c, r) => `/units/${one(r, c.unitIds)}/evaluations/${one(r, ['2026', '2026-Q4', '2026-H2', '2026-Q5'])}`, roles: ['auditor', 'secretary'] },
  {
    family: 'unit-evaluations',
    method: 'PUT',
    path: (c, r) => `/units/${one(r, c.unitIds)}/evaluations/${one(r, ['2026', '2026-Q4', '2026-H2', '2026-11'])}`,
    roles: ['secretary', 'admin', 'auditor'],
    body: () => ({ grade: 'good', score: 85, evaluatedBy: '市信访局', remark: '签收及时，答复规范。' }),
  },
  { family: 'ledger-imports', method: 'POST', path: () => '/ledger-imports', roles: ['secretary', 'admin', 'auditor', 'unit'], body: () => ({ file: 'x.csv' }) },
  { family: 'ledger-imports', method: 'GET', path: () => '/ledger-imports', roles: ['secretary', 'auditor', 'director'] },
  { family: 'ledger-imports', method: 'GET', path: (c, r) => `/ledger-imports/${one(r, c.ledgerImportIds ?? [])}`, roles: ['secretary', 'admin', 'unit'] },
  {
    family: 'ledger-imports',
    method: 'POST',
    path: (c, r) => `/ledger-imports/${one(r, c.ledgerImportIds ?? [])}/dry-run`,
    roles: ['secretary', 'admin', 'director'],
    body: (_c, r) => ({ mapping: { receivedAt: pick(r, ['登记日期', '没有这一列']), channel: '来信来访', petitionerName: '信访人', region: '地区', category: '类别', subject: '事项摘要', status: '状态' } }),
  },
  { family: 'ledger-imports', method: 'POST', path: (c, r) => `/ledger-imports/${one(r, c.ledgerImportIds ?? [])}/commit`, roles: ['secretary', 'unit'], body: () => ({ mapping: { receivedAt: '登记日期', subject: '事项摘要' } }) },
];

export const ROUTE_FAMILIES: readonly string[] = [...new Set(ROUTES.map((route) => route.family))];

/** Stands for a value written into the JSON text as is (deep nesting, exact number literals). */
const RAW_MARK = 'raw-mark-8f2c';
const deepText = (levels: number, open: string, close: string): string => open.repeat(levels) + close.repeat(levels);
const deepObjectText = (levels: number): string => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

const LONE_SURROGATES = ['\ud800', '\udfff', 'a\ud83db', '\udc00\ud800', '邮箱\ud800@example.cn', 'x'.repeat(20) + '\udbff'];
/** Number literals as sent (some are beyond what a double holds exactly, or parse to Infinity). */
const HUGE_NUMBERS = ['2147483648', '-2147483649', '9007199254740993', '1e308', '-1e308', '1e400', '5e-324', '1.5', '-0', '4294967296', '18446744073709551616', '0.1e1'];
const ODD_VALUES: Json[] = [
  null,
  true,
  false,
  0,
  -1,
  '',
  ' ',
  '\u0000',
  '\u202e\u200b',
  '😀'.repeat(100),
  '长'.repeat(5000),
  "'; DROP TABLE cases; --",
  '%00',
  '../../etc/passwd',
  '2026-13-45T99:99:99Z',
  '9999-12-31T23:59:59Z',
  '0000-01-01T00:00:00+08:00',
  UUID_ZERO,
  [],
  [null],
  [[[]]],
  Array.from({ length: 600 }, () => 'GOV'),
  {},
  { nested: { value: 1 } },
];
const WRONG_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/json; charset=utf-16le',
  'application/json; charset=latin1',
  'application/vnd.api+json',
  undefined,
];
/** Broken multipart bodies (sent as multipart/form-data; boundary=xyz): truncated parts, wrong boundaries, a file under another field, headers without end. */
export const MULTIPART_GARBAGE = [
  '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 truncated',
  '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\r\n--abc--\r\n',
  '--xyz\r\nContent-Disposition: form-data; name="upload"; filename="a.exe"\r\n\r\nMZ\x90\r\n--xyz--\r\n',
  '--xyz\r\nContent-Disposition: form-data; name="file"; filename="../../etc/passwd"\r\n\r\nroot:x:0:0\r\n--xyz\r\nContent-Disposition: form-data; name="kind"\r\n\r\nletter\r\n--xyz--\r\n',
  '--xyz\r\nContent-Disposition: form-data; name="kind"\r\n\r\n' + 'x'.repeat(5000) + '\r\n--xyz--\r\n',
  '--xyz\r\n' + 'X-Header: y\r\n'.repeat(200),
  '--xyz--\r\n',
];
const MALFORMED = ['', '{', '{"a":', '[1,2', 'null', '"text"', '123', 'true', '{"a":1}}', '{"a":1,}', "{'a':1}", '\u0000', '\ufeff{}', '{"a":"\\ud800"}', '{"__proto__":1}'];
const QUERY_VALUES = ['', '%ED%A0%80', '%C0%AE', '%', '%%', '%uD800', '__proto__', '2147483648', '-1', '1e309', 'NaN', 'x'.repeat(2000), '😀', 'true', '[]', '{}', "'"];
const BAD_IDS = ['not-a-uuid', '%ED%A0%80', '%E0%A4%A', '..%2F..%2Fetc', 'x'.repeat(300), '00000000-0000-0000-0000-00000000000g', '%00', UUID_ZERO];

const MUTATIONS = ['valid', 'deep', 'null', 'surrogate', 'proto', 'content-type', 'huge-number', 'odd-value', 'malformed', 'bad-path', 'bad-query', 'wrong-role'] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** One top-level key of a body (or an index of an array body) to mutate; nested objects are entered half the time. */
function mutateField(r: Random, body: Record<string, Json> | Json[], value: () => Json): Json {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, Json> | Json[];
  let target: Record<string, Json> = (Array.isArray(copy) ? (copy[0] ?? {}) : copy) as Record<string, Json>;
  if (Array.isArray(copy) && copy.length === 0) copy.push(target);
  const keys = Object.keys(target);
  let key = keys.length && r() < 0.85 ? pick(r, keys) : pick(r, ['unexpected', 'id', 'version', 'status']);
  const nested = target[key];
  if (nested && typeof nested === 'object' && !Array.isArray(nested) && r() < 0.5) {
    target = nested as Record<string, Json>;
    const inner = Object.keys(target);
    key = inner.length ? pick(r, inner) : 'unexpected';
  }
  target[key] = value();
  return copy;
}

function mutatedPath(r: Random, path: string): string {
  const parts = path.split('/');
  const idAt = parts.findIndex((p) => /^[0-9a-f-]{36}$/i.test(p));
  if (idAt >= 0) parts[idAt] = pick(r, BAD_IDS);
  else parts.push(pick(r, BAD_IDS));
  return parts.join('/');
}

function queryString(r: Random, route: Route, hostile: boolean): string {
  const params: string[] = [];
  for (const [key, values] of Object.entries(route.query ?? {})) if (r() < 0.6) params.push(`${key}=${encodeURIComponent(pick(r, values))}`);
  if (hostile) {
    const keys = [...Object.keys(route.query ?? {}), '__proto__', 'constructor', 'page', 'pageSize', 'unexpected', 'a[b]', 'a[]'];
    for (let i = 0; i < 1 + Math.floor(r() * 3); i++) params.push(`${pick(r, keys)}=${pick(r, QUERY_VALUES)}`);
  }
  return params.length ? `?${params.join('&')}` : '';
}

/** The next hostile request of the seeded sequence. */
export function hostileRequest(r: Random, c: HostileContext, only?: Mutation, family?: string): HostileRequest {
  // `family`: a route of that family (a caller covering every family first), else any route.
  const route = pick(r, family ? ROUTES.filter((x) => x.family === family) : ROUTES);
  const mutation: Mutation = only ?? pick(r, MUTATIONS);
  let role = pick(r, route.roles);
  let path = route.path(c, r);
  let contentType: string | undefined = 'application/json';
  const valid = route.body?.(c, r);
  let body: string | undefined = valid === undefined ? undefined : JSON.stringify(valid);
  const base = valid ?? {};
  switch (mutation) {
    case 'valid':
      break;
    case 'deep': {
      const levels = pick(r, [33, 40, 100, 3000, 100_000]);
      const inner = r() < 0.5 ? deepText(levels, '[', ']') : deepObjectText(levels);
      body = r() < 0.5 ? inner : JSON.stringify(mutateField(r, base, () => RAW_MARK)).replace(`"${RAW_MARK}"`, inner);
      break;
    }
    case 'null':
      body = JSON.stringify(r() < 0.8 ? mutateField(r, base, () => null) : Object.fromEntries(Object.keys(base).map((k) => [k, null])));
      break;
    case 'surrogate':
      body =
        r() < 0.8
          ? JSON.stringify(mutateField(r, base, () => pick(r, LONE_SURROGATES)))
          : JSON.stringify({ ...(Array.isArray(base) ? {} : base), [`k\ud800`]: 1 });
      break;
    case 'proto': {
      const text = JSON.stringify(base);
      const extra = pick(r, ['"__proto__":{"polluted":true}', '"constructor":{"prototype":{"polluted":true}}', '"prototype":{"polluted":true}', '"petitioner":{"__proto__":{"isAdmin":true},"name":"x"}']);
      body = text.startsWith('{') && text !== '{}' ? `{${extra},${text.slice(1)}` : text.startsWith('[') ? `[{${extra}}]` : `{${extra}}`;
      break;
    }
    case 'content-type':
      contentType = pick(r, WRONG_TYPES);
      body = r() < 0.5 ? (body ?? '{}') : pick(r, ['a=1&b=2', '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--xyz--\r\n', '<a>1</a>', 'plain words', ...MULTIPART_GARBAGE]);
      break;
    case 'huge-number':
      body = JSON.stringify(mutateField(r, base, () => RAW_MARK)).replace(`"${RAW_MARK}"`, pick(r, HUGE_NUMBERS));
      break;
    case 'odd-value':
      body = JSON.stringify(r() < 0.85 ? mutateField(r, base, () => pick(r, ODD_VALUES)) : pick(r, ODD_VALUES));
      break;
    case 'malformed':
      body = pick(r, MALFORMED);
      break;
    case 'bad-path':
      path = mutatedPath(r, path);
      break;
    case 'bad-query':
      path += queryString(r, route, true);
      break;
    case 'wrong-role':
      role = pick(r, ['anonymous', 'admin', 'secretary', 'auditor', 'director'] as const);
      break;
  }
  if (route.method === 'GET' && mutation !== 'bad-query') {
    path += queryString(r, route, false);
    if (!['deep', 'content-type', 'malformed', 'proto', 'surrogate'].includes(mutation)) body = undefined;
  }
  if (body === undefined) contentType = undefined;
  return { label: `${route.family}:${route.method}:${mutation}`, method: route.method, path, role, contentType, body };
}
