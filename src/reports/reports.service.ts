import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Policy } from '../../config/policy.js';
import { Clock } from '../domain/clock.js';
import { maskName, redactPii } from '../common/pii/masking.js';
import { POLICY } from '../common/tokens.js';
import { DirectoryService } from '../directory/directory.service.js';
import { label, ZH } from '../domain/labels.js';
import { type ClusterRow, CaseStatistics, type Window } from '../cases/case-statistics.js';
import { OPEN_STATUSES } from '../domain/case-vocabulary.js';
import { MeetingReader } from '../meetings/meeting-reader.js';
import { ReportsErrors } from './reports.errors.js';

const ratio = (num: number, den: number): number | null => (den === 0 ? null : Math.round((num / den) * 10_000) / 10_000);
const MAX_WINDOW_DAYS = 3660;
/** Cases a thematic report reads at most (a draft for people, not a figure). */
const THEMATIC_CASES = 5000;
/** A date without a time: an office day. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export interface Summary {
  window: { from: string; to: string };
  cases: {
    received: number;
    accepted: number;
    rejected: number;
    groupPetitions: number;
    supervisedItems: number;
    byChannel: Record<string, number>;
    byCategory: Record<string, number>;
    byGrade: Record<string, number>;
    byRegion: Record<string, number>;
    byHandlingUnit: Record<string, number>;
    byStatus: Record<string, number>;
  };
  replies: { replied: number; onTime: number; withFeedback: number; satisfied: number };
  rates: { onTimeCompletion: number | null; feedback: number | null; satisfaction: number | null };
  resupervisions: number;
  extensionsUsed: number;
  meetings: { held: Record<string, number>; confirmed: Record<string, number> };
  leaders: { leaderId: string; name: string; receptions: number; instructions: number; openCases: number; casesInCharge: number }[];
  leaderReceptions: number;
  lettersInstructed: number;
  conversions: Record<string, number>;
}

export interface Hotspot extends ClusterRow {
  categoryLabel: string;
  /** (current − previous) / previous; null when there was nothing before. */
  trend: number | null;
}

/** The office's figures (年度数据), hotspots and thematic report drafts, all computed from the stored data. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly repo: CaseStatistics,
    private readonly meetingFigures: MeetingReader,
    private readonly directory: DirectoryService,
    private readonly clock: Clock,
    @Inject(POLICY) private readonly policy: Policy,
  ) {}

  /**
   * The report window, half-open [from, to) in UTC. A date-only bound (`2026-11-29`) is an office day in
   * the policy time zone and both are included (`from=to` is that one day: `to` becomes the start of the
   * next office day); a full ISO date-time keeps its instant. Default: the current office year up to
   * the end of today.
   */
  window(from?: string, to?: string): Window {
    const now = DateTime.fromJSDate(this.clock.now(), { zone: this.policy.timeZone });
    const w = { from: from ? this.instant(from, 'start') : now.startOf('year').toJSDate(), to: to ? this.instant(to, 'end') : now.plus({ days: 1 }).startOf('day').toJSDate() };
    if (!(w.to > w.from)) throw ReportsErrors.windowInvalid();
    if (w.to.getTime() - w.from.getTime() > MAX_WINDOW_DAYS * 86_400_000) throw ReportsErrors.windowTooLong();
    return w;
  }

  /** The export's optional window on the received time (either bound may be left open). */
  receivedBounds(from?: string, to?: string): { receivedFrom?: Date; receivedTo?: Date } {
    const bounds = { receivedFrom: from ? this.instant(from, 'start') : undefined, receivedTo: to ? this.instant(to, 'end') : undefined };
    if (bounds.receivedFrom && bounds.receivedTo && !(bounds.receivedTo > bounds.receivedFrom)) throw ReportsErrors.windowInvalid();
    return bounds;
  }

  /** One bound of a window as an instant: an office day starts at its midnight and ends at the next one. */
  instant(value: string, edge: 'start' | 'end'): Date {
    const zone = this.policy.timeZone;
    const day = DATE_ONLY.test(value) ? DateTime.fromISO(value, { zone }).startOf('day') : null;
    const at = day ? (edge === 'start' ? day : day.plus({ days: 1 })).toJSDate() : new Date(value);
    if (Number.isNaN(at.getTime())) throw ReportsErrors.windowInvalid();
    return at;
  }

  async summary(w: Window): Promise<Summary> {
    const [totals, byChannel, byCategory, byGrade, byRegion, byHandlingUnit, byStatus, replies, events, meetings, loads, conversions, leaders] = await Promise.all([
      this.repo.receivedTotals(w),
      this.repo.receivedBy(w, 'channel'),
      this.repo.receivedBy(w, 'category'),
      this.repo.receivedBy(w, 'grade'),
      this.repo.receivedBy(w, 'region'),
      this.repo.receivedBy(w, 'routeHandledBy'),
      this.repo.receivedBy(w, 'status'),
      this.repo.replies(w),
      this.repo.events(w, ['resupervise', 'extend', 'leader-reception', 'leader-instruction']),
      this.meetingFigures.countByTypeAndStatus(w.from, w.to),
      this.repo.leaderLoads(w),
      this.repo.conversionsByKind(w),
      this.directory.listLeaders(),
    ]);
    const eventsOf = (action: string): { action: string; data: Record<string, unknown> }[] => events.filter((e) => e.action === action);
    const byLeader = (action: string, id: string): number => eventsOf(action).filter((e) => e.data.leaderId === id).length;
    const meetingCounts = (status: string): Record<string, number> =>
      Object.fromEntries(['special', 'joint', 'supervision'].map((t) => [t, meetings.filter((m) => m.type === t && m.status === status).reduce((s, m) => s + m.n, 0)]));
    return {
      window: { from: w.from.toISOString(), to: w.to.toISOString() },
      cases: {
        received: totals.received,
        accepted: totals.accepted,
        rejected: totals.rejected,
        groupPetitions: totals.group,
        supervisedItems: totals.supervised,
        byChannel,
        byCategory,
        byGrade,
        byRegion,
        byHandlingUnit,
        byStatus,
      },
      replies,
      rates: {
        onTimeCompletion: ratio(replies.onTime, replies.replied),
        feedback: ratio(replies.withFeedback, replies.replied),
        satisfaction: ratio(replies.satisfied, replies.withFeedback),
      },
      resupervisions: eventsOf('resupervise').length,
      extensionsUsed: eventsOf('extend').length,
      meetings: { held: meetingCounts('held'), confirmed: meetingCounts('confirmed') },
      leaders: leaders
        .map((l) => {
          const load = loads.find((x) => x.leaderId === l.id);
          return {
            leaderId: l.id,
            name: `${l.name}${l.title}`,
            receptions: byLeader('leader-reception', l.id),
            instructions: byLeader('leader-instruction', l.id),
            openCases: load?.open ?? 0,
            casesInCharge: load?.inWindow ?? 0,
          };
        })
        .filter((l) => l.receptions + l.instructions + l.openCases + l.casesInCharge > 0),
      leaderReceptions: eventsOf('leader-reception').length,
      lettersInstructed: eventsOf('leader-instruction').length,
      conversions,
    };
  }

  async hotspots(days: number): Promise<{ days: number; current: { from: string; to: string }; hotspots: Hotspot[] }> {
    const { current, previous } = this.periods(days);
    const rows = await this.repo.clusters(current, previous, 50);
    return {
      days,
      current: { from: current.from.toISOString(), to: current.to.toISOString() },
      hotspots: rows.map((r) => ({ ...r, categoryLabel: label(ZH.categoryFull, r.category), trend: r.previous === 0 ? null : Math.round(((r.current - r.previous) / r.previous) * 100) / 100 })),
    };
  }

  /**
   * A Markdown draft of a thematic report (专题分析报告) on one category × region cluster. A document
   * that travels: petitioners masked and ID numbers and mobiles redacted from all of it, for every role.
   */
  async thematicReport(days: number, category?: string, region?: string): Promise<string> {
    const { current, previous } = this.periods(days);
    const filter = { category, region };
    const [cases, before, units] = await Promise.all([
      this.repo.clusterCases(filter, current, THEMATIC_CASES + 1),
      this.repo.clusterCases(filter, previous, THEMATIC_CASES + 1),
      this.directory.listUnits(),
    ]);
    const unitName = (code: string): string => units.find((u) => u.code === code)?.name ?? code;
    const zone = this.policy.timeZone;
    const day = (d: Date): string => DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM-dd');
    const subject = `${region ?? '全市'}${category ? `${label(ZH.category, category)}类` : ''}信访问题`;
    const truncated = cases.length > THEMATIC_CASES || before.length > THEMATIC_CASES;
    cases.splice(THEMATIC_CASES);
    before.splice(THEMATIC_CASES);
    const open = cases.filter((c) => OPEN_STATUSES.includes(c.status)).length;
    const people = cases.reduce((s, c) => s + c.headcount, 0);
    const trend = before.length ? `${cases.length >= before.length ? '上升' : '下降'} ${Math.abs(Math.round(((cases.length - before.length) / before.length) * 100))}%` : '上期无同类事项';
    const weeks = new Map<string, number>();
    for (const c of cases) {
      const week = DateTime.fromJSDate(c.receivedAt, { zone }).startOf('week').toFormat('MM-dd');
      weeks.set(week, (weeks.get(week) ?? 0) + 1);
    }
    const involved = new Map<string, number>();
    for (const c of cases) for (const code of new Set([c.routeHandledBy, ...c.unitsInvolved])) involved.set(code, (involved.get(code) ?? 0) + 1);
    const lines = [
      `# 关于${subject}的专题分析（草稿）`,
      '',
      `统计区间：${day(current.from)} 至 ${day(current.to)}（近 ${days} 天），生成于 ${day(this.clock.now())}。${truncated ? `事项较多，以下按最早登记的 ${THEMATIC_CASES} 件统计，请缩小区间或按类别、地区分别生成。` : ''}`,
      '',
      '## 一、基本情况',
      '',
      `- 登记信访事项 ${cases.length} 件（涉及 ${people} 人次），其中在办 ${open} 件；与上一周期（${before.length} 件）相比${trend}。`,
      `- 集体访 ${cases.filter((c) => c.headcount >= 5).length} 件；提级办理 ${cases.filter((c) => c.grade === 'escalated').length} 件，会商办理 ${cases.filter((c) => c.grade === 'joint-consultation').length} 件。`,
      `- 规则研判预警：${cases.some((c) => c.flags.includes('early-warning')) ? '已触发（同类同区域在办事项达到预警阈值）' : '未触发'}。`,
      '',
      '## 二、时间分布（按周）',
      '',
      '| 周起始 | 件数 |',
      '|---|---|',
      ...[...weeks.entries()].map(([w, n]) => `| ${w} | ${n} |`),
      '',
      '## 三、涉及单位',
      '',
      ...[...involved.entries()].sort((a, b) => b[1] - a[1]).map(([code, n]) => `- ${unitName(code)}：${n} 件`),
      '',
      '## 四、代表性事项',
      '',
      ...cases.slice(0, 8).map((c) => `- ${c.code}（${day(c.receivedAt)}）${c.subject}；信访人 ${maskName(c.petitionerName)}${c.headcount >= 5 ? `等 ${c.headcount} 人` : ''}；${label(ZH.grade, c.grade)}；${label(ZH.status, c.status)}。`),
      '',
      '## 五、初步建议（供研究）',
      '',
      '- 提请主任会议研究，视情召开专题会议，邀请相关单位通报办理情况；',
      '- 对共性问题，研究转化为监督议题或立法建议（四个转化）；',
      '- 对逾期或答复不满意的事项，开展“回头看”并督促承办单位限期办结。',
      '',
    ];
    return redactPii(lines.join('\n'));
  }

  private periods(days: number): { current: Window; previous: Window } {
    if (!Number.isInteger(days) || days < 1 || days > 366) throw ReportsErrors.invalidDays();
    const to = this.clock.now();
    const from = new Date(to.getTime() - days * 86_400_000);
    return { current: { from, to }, previous: { from: new Date(from.getTime() - days * 86_400_000), to: from } };
  }
}
