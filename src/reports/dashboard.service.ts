import { Inject, Injectable } from '@nestjs/common';
import type { Policy } from '../../config/policy.js';
import { CaseStatistics, type Window } from '../cases/case-statistics.js';
import { POLICY } from '../common/tokens.js';
import { DirectoryService } from '../directory/directory.service.js';
import { DeputyInvitations } from '../meetings/deputies/deputy-invitations.service.js';
import type { DeputyParticipation } from '../meetings/deputies/deputy-participation.js';
import { officeDays, officeMonths } from './office-months.js';
import { ReportsService, type Summary } from './reports.service.js';

export interface TrendPoint {
  /** Office month, `yyyy-MM`. */
  month: string;
  received: number;
  accepted: number;
  closed: number;
  repliedOnTime: number;
  replied: number;
}

export interface HeatCell {
  category: string;
  region: string;
  count: number;
  open: number;
  earlyWarning: number;
  /** The rules flagged at least one of these cases `early-warning` (a hotspot to watch). */
  warning: boolean;
}

export interface LeaderLoad {
  leaderId: string;
  name: string;
  openCases: number;
  maxActiveCases: number;
  casesInCharge: number;
  receptions: number;
  instructions: number;
}

export interface Dashboard {
  window: { from: string; to: string; fromDay: string; toDay: string };
  summary: Summary;
  trend: TrendPoint[];
  heatmap: { categories: string[]; regions: string[]; cells: HeatCell[] };
  leaders: LeaderLoad[];
  /** 代表参与: deputies invited to meetings starting in the window. */
  deputies: DeputyParticipation;
}

/** 统计分析: everything the dashboard draws, for one window, as codes (the console maps labels). */
@Injectable()
export class DashboardService {
  constructor(
    private readonly reports: ReportsService,
    private readonly stats: CaseStatistics,
    private readonly directory: DirectoryService,
    private readonly deputyInvitations: DeputyInvitations,
    @Inject(POLICY) private readonly policy: Policy,
  ) {}

  async dashboard(w: Window): Promise<Dashboard> {
    const zone = this.policy.timeZone;
    const { months, bounds } = officeMonths(w, zone);
    const [summary, received, accepted, closed, replied, onTime, clusters, leaders, deputies] = await Promise.all([
      this.reports.summary(w),
      this.stats.countPerPeriod('receivedAt', bounds),
      this.stats.countPerPeriod('acceptedAt', bounds),
      this.stats.countPerPeriod('closedAt', bounds),
      this.stats.countPerPeriod('repliedAt', bounds),
      this.stats.countPerPeriod('repliedAt', bounds, true),
      this.stats.categoryRegion(w),
      this.directory.listLeaders(),
      this.deputyInvitations.participation(w.from, w.to),
    ]);
    const cells = clusters
      .map((c) => ({ ...c, warning: c.earlyWarning > 0 }))
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category) || a.region.localeCompare(b.region));
    const totalsBy = (key: 'category' | 'region'): string[] => {
      const totals = new Map<string, number>();
      for (const c of cells) totals.set(c[key], (totals.get(c[key]) ?? 0) + c.count);
      return [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
    };
    return {
      window: { from: w.from.toISOString(), to: w.to.toISOString(), ...officeDays(w, zone) },
      summary,
      trend: months.map((m, i) => ({ month: m.month, received: received[i], accepted: accepted[i], closed: closed[i], repliedOnTime: onTime[i], replied: replied[i] })),
      heatmap: { categories: totalsBy('category'), regions: totalsBy('region'), cells },
      leaders: leaders
        .map((l) => {
          const figures = summary.leaders.find((x) => x.leaderId === l.id);
          const load: LeaderLoad = {
            leaderId: l.id,
            name: `${l.name}${l.title}`,
            openCases: figures?.openCases ?? 0,
            maxActiveCases: l.maxActiveCases,
            casesInCharge: figures?.casesInCharge ?? 0,
            receptions: figures?.receptions ?? 0,
            instructions: figures?.instructions ?? 0,
          };
          return { load, shown: l.active || load.openCases + load.casesInCharge + load.receptions + load.instructions > 0 };
        })
        .filter((x) => x.shown)
        .map((x) => x.load),
      deputies,
    };
  }
}
