/**
 * Benchmark: iCalendar invites and feeds (src/calendar) — pure CPU, no database.
 *
 *   npx tsc -p bench/tsconfig.json && node dist/bench/invites.js [--runs 15]
 *
 * 1. All 30 invites of a 30-attendee meeting (8 leaders, 18 units, 4 deputies; 8 agenda cases,
 *    each leader in charge of one), each with its own description: budget ≤ 50 ms for the 30.
 * 2. A leader's subscription feed of 500 meetings (4 agenda cases each, the leader in charge of
 *    one per meeting, 1 in 10 cancelled): budget ≤ 200 ms.
 * Each scenario runs once to warm up (reported as "first run": cold JIT and caches), then `--runs`
 * times; the median and the maximum are printed and saved to bench/results/invites-*.json. Figures are copied into docs/calendar.md.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { buildFeed, buildInvite } from '../src/calendar/ics-builder.js';
import { buildBriefAgendaItem, buildInviteMeeting, buildInviteSettings } from '../test/support/invite-fixtures.js';
import type { BriefAgendaItem, InviteAttendee, InviteMeeting } from '../src/calendar/invite.types.js';
import { log, saveResult } from './lib/env.js';
import { median, round, table } from './lib/stats.js';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(args.runs);
const settings = buildInviteSettings();

function agendaItem(n: number, leader: { id: string; name: string }): BriefAgendaItem {
  const code = String(100000 + n).padStart(6, '0');
  return buildBriefAgendaItem({
    caseId: `case-${code}`,
    caseCode: `XF-2026-${code}`,
    leadLeader: leader,
    headcount: n % 3 === 0 ? 6 : 1,
    subject: `第 ${n} 号事项：老旧小区改造进度缓慢，小区列入改造计划至今未开工，雨天漏水，物业管理缺位`,
  });
}

function thirtyAttendeeMeeting(): InviteMeeting {
  const leaders = Array.from({ length: 8 }, (_, i) => ({ id: `leader-${i}`, name: `领导${i}` }));
  const attendees: InviteAttendee[] = [
    ...leaders.map((l, i): InviteAttendee => ({ kind: 'leader', ...l, email: `leader${i}@rd.example.cn`, role: i === 0 ? 'chair' : 'required' })),
    ...Array.from({ length: 18 }, (_, i): InviteAttendee => ({ kind: 'unit', id: `unit-${i}`, name: `单位${i}`, email: `unit${i}@gov.example.cn`, role: 'required' })),
    ...Array.from({ length: 4 }, (_, i): InviteAttendee => ({ kind: 'deputy', id: `deputy-${i}`, name: `代表${i}`, email: `deputy${i}@deputy.example.cn`, role: 'optional' })),
  ];
  return buildInviteMeeting({ chair: leaders[0], attendees, agenda: leaders.map((l, i) => agendaItem(i, l)) });
}

function feedMeetings(leader: { id: string; name: string }): InviteMeeting[] {
  const other = { id: 'leader-other', name: '其他领导' };
  return Array.from({ length: 500 }, (_, i) => {
    const start = Date.UTC(2026, 0, 5) + i * 86_400_000 + (i % 2) * 5.5 * 3_600_000 + 3_600_000;
    return buildInviteMeeting({
      uid: `meeting-${i}@petition.rd.example.cn`,
      sequence: i % 4,
      method: i % 10 === 9 ? 'CANCEL' : 'REQUEST',
      cancelReason: i % 10 === 9 ? '改期' : null,
      startAt: new Date(start),
      endAt: new Date(start + 2 * 3_600_000),
      agenda: [agendaItem(i * 4, leader), agendaItem(i * 4 + 1, other), agendaItem(i * 4 + 2, other), agendaItem(i * 4 + 3, other)],
    });
  });
}

function measure(label: string, budgetMs: number, work: () => number): Record<string, string | number> {
  const t = performance.now();
  work(); // warm-up: JIT, the VTIMEZONE and zone-offset caches
  const cold = performance.now() - t;
  const times: number[] = [];
  let bytes = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    bytes = work();
    times.push(performance.now() - t0);
  }
  const med = median(times);
  return { scenario: label, 'median ms': round(med, 1), 'max ms': round(Math.max(...times), 1), 'budget ms': budgetMs, ok: med <= budgetMs ? 'yes' : 'NO', 'first run ms': round(cold, 1), 'output KB': round(bytes / 1024, 1) };
}

const meeting = thirtyAttendeeMeeting();
const leader = { id: 'leader-feed', name: '王副主任' };
const meetings = feedMeetings(leader);

log(`node ${process.version}, ${runs} runs per scenario after one warm-up`);
const rows = [
  measure('30 invites, 30-attendee meeting', 50, () => meeting.attendees.reduce((sum, a) => sum + buildInvite(meeting, a, settings).length, 0)),
  measure('feed of 500 meetings, 1 leader', 200, () => buildFeed('王副主任的会议', meetings, leader.id, settings).length),
];
process.stdout.write(`${table(rows)}\n`);
log(`saved ${saveResult('invites', { node: process.version, runs, rows })}`);
