import { DateTime } from 'luxon';
import { CATEGORIES, type Category, type MeetingType } from '../../src/domain/case-vocabulary.js';
import type { LeaderRank } from '../../src/domain/leader-ranks.js';
import type { PlannerCase, PlannerInput, PlannerLeader } from '../../src/meetings/planner/planner.types.js';
import { seededRandom } from '../../src/common/seeded-random.js';

/**
 * Seeded random planner instances for the property test and the benchmark (not used at run time).
 * Same options and seed → same instance.
 */
export interface RandomInstanceOptions {
  seed: number;
  cases: number;
  leaders: number;
  /** Planning window length in days, from `start` (local midnight in Asia/Shanghai). */
  days: number;
  start?: string;
  calendar: PlannerInput['calendar'];
  /** Share of each meeting type among the cases; default supervision only. */
  mix?: Partial<Record<MeetingType, number>>;
  /** Probability that a leader has each of a few random busy blocks. */
  busyRate?: number;
  /** Share of supervision cases that already have a leader in charge. */
  keptRate?: number;
  /** Capacity headroom: maxActiveCases ≈ activeCases + slack × cases / leaders. */
  slack?: number;
  officeHours?: [string, string][];
  settings?: Partial<PlannerInput['settings']>;
}

export const REGIONS = ['张湾区', '茅箭区', '郧阳区', '丹江口市', '竹山县', '房县', '郧西县', '竹溪县', '武当山特区'];
const UNITS = ['GOV', 'SUP', 'COURT', 'PROC', 'HOUSING', 'HRSS', 'LAC', 'DAC', 'FEC', 'UCEC', 'SDC', 'ESCH', 'ARC', 'SJC', 'OFFICE'];
const ZONE = 'Asia/Shanghai';


export function randomInstance(o: RandomInstanceOptions): PlannerInput {
  const r = seededRandom(o.seed);
  const int = (min: number, max: number): number => min + Math.floor(r() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)];
  /** k distinct items (partial Fisher–Yates). */
  const sample = <T>(items: readonly T[], k: number): T[] => {
    const copy = [...items];
    for (let i = 0; i < Math.min(k, copy.length); i++) {
      const j = i + Math.floor(r() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, k);
  };
  /** A local date (midnight) or date-time in Asia/Shanghai. */
  const from = DateTime.fromISO(o.start ?? '2026-11-02', { zone: ZONE });
  const to = from.plus({ days: o.days });
  const perLeader = o.cases / Math.max(1, o.leaders);
  const slack = o.slack ?? 1.6;

  const leaders: PlannerLeader[] = [];
  for (let i = 0; i < o.leaders; i++) {
    const rank: LeaderRank = i === 0 ? 'director' : i <= Math.max(1, Math.round(o.leaders * 0.7)) ? 'deputy-director' : pick(['secretary-general', 'committee-head'] as const);
    const activeCases = int(0, 6);
    const busy: PlannerLeader['busy'] = [];
    for (let b = 0; b < 6; b++) {
      if (r() >= (o.busyRate ?? 0.5)) continue;
      const start = from.toMillis() + ((int(0, o.days - 1) * 24 + int(8, 16)) * 60 + pick([0, 30])) * 60_000;
      busy.push({ start: new Date(start), end: new Date(start + pick([60, 120, 240, 60 * 24]) * 60_000) });
    }
    leaders.push({
      id: `L${String(i).padStart(2, '0')}`,
      name: `领导${i}`,
      rank,
      portfolio: sample<Category>(CATEGORIES, int(1, 4)),
      regions: r() < 0.2 ? [] : sample(REGIONS, int(1, 3)),
      maxActiveCases: activeCases + Math.max(1, Math.round(perLeader * slack * (0.6 + 0.8 * r()))),
      activeCases,
      busy,
    });
  }

  const mix = o.mix ?? { supervision: 1 };
  const types = (Object.keys(mix) as MeetingType[]).filter((t) => (mix[t] ?? 0) > 0);
  const total = types.reduce((s, t) => s + (mix[t] ?? 0), 0);
  const pickType = (): MeetingType => {
    let x = r() * total;
    for (const t of types) if ((x -= mix[t] ?? 0) < 0) return t;
    return types[types.length - 1];
  };
  const clusters = Array.from({ length: Math.max(1, Math.round(o.cases / 12)) }, () => `${pick(CATEGORIES)}|${pick(REGIONS)}`);
  const leadRanks: LeaderRank[] = o.settings?.leadRanks ?? ['director', 'deputy-director'];
  const cases: PlannerCase[] = [];
  for (let i = 0; i < o.cases; i++) {
    const meetingType = pickType();
    const [clusterCategory, clusterRegion] = pick(clusters).split('|');
    const category = meetingType === 'special' ? (clusterCategory as Category) : pick(CATEGORIES);
    const region = meetingType === 'special' ? clusterRegion : pick(REGIONS);
    const due = r() < 0.1 ? null : new Date(from.toMillis() + int(-48, o.days * 24 * 2) * 3_600_000);
    const leadPool = r() < 0.9 ? leaders.filter((l) => leadRanks.includes(l.rank)) : leaders;
    const kept = meetingType !== 'joint' && r() < (o.keptRate ?? 0.15) && leadPool.length > 0;
    cases.push({
      id: `C${String(i).padStart(5, '0')}`,
      code: `XF-2026-${String(i + 1).padStart(6, '0')}`,
      subject: `测试事项${i}`,
      grade: meetingType === 'joint' ? 'joint-consultation' : 'escalated',
      category,
      region,
      meetingType,
      replyDueAt: due,
      leadLeaderId: kept ? pick(leadPool).id : null,
      routeCommittee: pick(UNITS.slice(6)),
      routeHandledBy: pick(UNITS),
      unitsInvolved: meetingType === 'joint' ? sample(UNITS.slice(0, 6), int(2, 3)) : [],
      clusterKey: meetingType === 'special' ? `${category}|${region}` : null,
      specialInvitees: meetingType === 'special' ? sample(['SUP', 'COURT', 'PROC', 'GOV'], int(1, 3)) : [],
    });
  }
  return {
    from: from.toJSDate(),
    to: to.toJSDate(),
    types: ['special', 'joint', 'supervision'],
    cases,
    leaders,
    calendar: o.calendar,
    timeZone: ZONE,
    officeHours: o.officeHours ?? [
      ['08:30', '12:00'],
      ['14:30', '17:30'],
    ],
    settings: {
      minutesPerCase: { supervision: 20, joint: 30, special: 30 },
      meetingMinutes: { supervision: 120, joint: 120, special: 120 },
      slotStepMinutes: 30,
      leadRanks,
      ...o.settings,
    },
  };
}
