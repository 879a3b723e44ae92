import { beforeAll, describe, expect, it } from '@jest/globals';
import { PII_PATTERNS } from '../src/common/pii/masking.js';
import { bearer, caseBody, idNumber } from './support/factories.js';
import { caseAction } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';

/** A minimal RFC 4180 reader for the export (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

type Spec = { channel: string; category: string; path: 'rejected' | 'open' | 'on-time' | 'late'; feedback?: 'satisfied' | 'dissatisfied'; reception?: boolean; instruction?: boolean };

describe('reports: the office’s figures, hotspots, the ledger export and the four conversions', () => {
  const t = useTestApp();
  let secretary: string;
  const specs: Spec[] = [];
  const ids: string[] = [];
  const tally = { received: 0, rejected: 0, replied: 0, onTime: 0, withFeedback: 0, satisfied: 0, receptions: 0, instructions: 0, byChannel: {} as Record<string, number>, byCategory: {} as Record<string, number> };

  const act = (id: string, body: Record<string, unknown>) => caseAction(t, secretary, id, body);

  beforeAll(async () => {
    secretary = await t.token('secretary');
    const director = t.leaders.get('director') as string;
    const channels = ['letter', 'visit', 'online', 'phone'];
    const categories = ['urban-construction', 'employment-social', 'legislation', 'economy'];
    const paths: Spec['path'][] = ['on-time', 'on-time', 'late', 'open', 'rejected', 'on-time'];
    for (let i = 0; i < 24; i++) {
      specs.push({
        channel: channels[i % 4],
        category: categories[(i * 7) % 4],
        path: paths[i % paths.length],
        feedback: i % 5 === 0 ? undefined : i % 3 === 0 ? 'dissatisfied' : 'satisfied',
        reception: i % 4 === 1,
        instruction: i % 6 === 2,
      });
    }
    // The year 2026: every case registered on 2026-03-02 (a Monday), replies before or after the deadline.
    for (const [i, s] of specs.entries()) {
      t.clock.set('2026-03-02T02:00:00.000Z');
      const body = caseBody({ channel: s.channel as never, category: s.category as never, receivedAt: '2026-03-02T09:00:00+08:00', petitioner: { name: '赵六', idNumber: idNumber(`42030219800101${String(100 + i)}`), phone: '13912345678' } });
      const { body: c } = await t.http.post('/cases').set(bearer(secretary)).send(body).expect(201);
      ids.push(c.id);
      tally.received++;
      tally.byChannel[s.channel] = (tally.byChannel[s.channel] ?? 0) + 1;
      tally.byCategory[s.category] = (tally.byCategory[s.category] ?? 0) + 1;
      if (s.reception) {
        await act(c.id, { action: 'leader-reception', leaderId: director, note: '主任接待来访群众' });
        tally.receptions++;
      }
      if (s.instruction) {
        await act(c.id, { action: 'leader-instruction', leaderId: director, note: '请抓紧办理' });
        tally.instructions++;
      }
      if (s.path === 'rejected') {
        await act(c.id, { action: 'reject', reason: '不属于受理范围' });
        tally.rejected++;
        continue;
      }
      await act(c.id, { action: 'accept' });
      if (s.path === 'open') continue;
      await act(c.id, { action: c.route.mode === 'internal' ? 'route' : 'transfer' });
      await act(c.id, { action: 'start' });
      if (s.path === 'late') t.clock.set('2026-06-01T02:00:00.000Z'); // past the 60-day deadline
      await act(c.id, { action: 'reply', reason: '已书面答复', ...(c.route.mode === 'supervised' ? { report: '书面报告' } : {}) });
      tally.replied++;
      if (s.path === 'on-time') tally.onTime++;
      if (s.feedback) {
        await act(c.id, { action: 'feedback', feedback: s.feedback });
        tally.withFeedback++;
        if (s.feedback === 'satisfied') tally.satisfied++;
      }
    }
    t.clock.set('2026-11-26T02:00:00.000Z');
    await t.http.post(`/cases/${ids[0]}/conversions`).set(bearer(secretary)).send({ kind: 'legislative-suggestion', title: '关于修订物业管理条例的建议', relatedCaseIds: [ids[4]] }).expect(201);
    await t.http.post(`/cases/${ids[1]}/conversions`).set(bearer(secretary)).send({ kind: 'supervision-topic', title: '就业帮扶政策落实情况专题监督' }).expect(201);
  });

  it('reproduces the year’s figures from the stored data', async () => {
    const res = await t.http.get('/reports/summary?from=2026-01-01T00:00:00%2B08:00&to=2027-01-01T00:00:00%2B08:00').set(bearer(await t.token('auditor'))).expect(200);
    const s = res.body;
    expect(s.cases).toMatchObject({ received: tally.received, rejected: tally.rejected, accepted: tally.received - tally.rejected });
    expect(s.cases.byChannel).toEqual(tally.byChannel);
    expect(s.cases.byCategory).toEqual(tally.byCategory);
    expect(s.replies).toEqual({ replied: tally.replied, onTime: tally.onTime, withFeedback: tally.withFeedback, satisfied: tally.satisfied });
    expect(s.rates.onTimeCompletion).toBeCloseTo(tally.onTime / tally.replied, 4);
    expect(s.rates.feedback).toBeCloseTo(tally.withFeedback / tally.replied, 4);
    expect(s.rates.satisfaction).toBeCloseTo(tally.satisfied / tally.withFeedback, 4);
    expect(s.leaderReceptions).toBe(tally.receptions);
    expect(s.lettersInstructed).toBe(tally.instructions);
    expect(s.leaders.find((l: { leaderId: string }) => l.leaderId === t.leaders.get('director'))).toMatchObject({ receptions: tally.receptions, instructions: tally.instructions });
    expect(s.conversions).toEqual({ 'legislative-suggestion': 1, 'supervision-topic': 1 });
    const outside = await t.http.get('/reports/summary?from=2025-01-01T00:00:00%2B08:00&to=2026-01-01T00:00:00%2B08:00').set(bearer(secretary)).expect(200);
    expect(outside.body.cases.received).toBe(0);
    expect(outside.body.rates.onTimeCompletion).toBeNull();
  });

  it('exports the ledger as UTF-8 CSV with a BOM, one row per case, masked, and audits the export', async () => {
    const res = await t.http.get('/reports/ledger.csv').set(bearer(secretary)).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
    }).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = res.body as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1));
    expect(rows[0].slice(0, 3)).toEqual(['编号', '渠道', '收信/来访时间']);
    expect(rows).toHaveLength(1 + tally.received);
    const codes = rows.slice(1).map((r) => r[0]);
    expect(codes).toEqual([...codes].sort());
    const rejected = rows.filter((r) => r[4] === '不予受理');
    expect(rejected).toHaveLength(tally.rejected);
    expect(rows.slice(1).every((r) => r[8] === '赵*')).toBe(true);
    expect(PII_PATTERNS.idNumber.test(text) || PII_PATTERNS.mobile.test(text)).toBe(false);
    const filtered = await t.http.get('/reports/ledger.csv?status=rejected').set(bearer(secretary)).expect(200);
    expect(parseCsv(filtered.text.slice(1))).toHaveLength(1 + tally.rejected);
    const audit: { action: string }[] = await t.dataSource.query("SELECT action FROM audit_log WHERE action = 'ledger.export'");
    expect(audit).toHaveLength(2);
  });

  it('finds category × region hotspots with their trend and drafts a thematic report', async () => {
    for (let i = 0; i < 5; i++) {
      await t.http.post('/cases').set(bearer(secretary)).send(caseBody({ category: 'urban-construction', region: '张湾区', subject: `物业费纠纷 ${i + 1}`, receivedAt: '2026-11-20T10:00:00+08:00' })).expect(201);
    }
    const res = await t.http.get('/reports/hotspots?days=30').set(bearer(secretary)).expect(200);
    const top = res.body.hotspots[0];
    expect(top).toMatchObject({ category: 'urban-construction', region: '张湾区', current: 5, open: 5, previous: 0, trend: null });
    expect(top.earlyWarning).toBe(1); // the fifth case made the cluster
    const md = await t.http.get(`/reports/hotspots/report.md?category=urban-construction&region=${encodeURIComponent('张湾区')}&days=30`).set(bearer(secretary)).expect(200);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.text).toContain('# 关于张湾区');
    expect(md.text).toContain('登记信访事项 5 件');
    expect(md.text).toContain('规则研判预警：已触发');
  });

  it('lets only auditors, the secretariat and admins read reports, and checks the window', async () => {
    await t.http.get('/reports/summary').set(bearer(await t.token('director'))).expect(403);
    const reversed = await t.http.get('/reports/summary?from=2026-12-01T00:00:00Z&to=2026-01-01T00:00:00Z').set(bearer(secretary)).expect(400);
    expect(reversed.body.code).toBe('REPORT_WINDOW_INVALID');
    await t.http.get('/reports/hotspots?days=0').set(bearer(secretary)).expect(400);
  });
});
