/**
 * 单位考评: the handling units' scorecard as plain arithmetic over counted timeline events (no Nest, no
 * database: `UnitScorecardRepository` counts, these functions add up and rate). Every figure is named
 * for what it counts in the report window; docs/unit-scorecard.md defines each one.
 */

/** What one row of the repository's event count says: this many events of `action` for `unitCode`. */
export interface UnitEventCount {
  unitCode: string;
  action: string;
  /**
   * The event's outcome where it has one: `on-time` / `late` (sign, reply), `automatic` / `manual`
   * (urge), the feedback value (feedback); null otherwise.
   */
  outcome: string | null;
  events: number;
  /** Distinct cases behind those events. */
  cases: number;
}

/** The timeline actions the scorecard counts (H1's lifecycle names). */
export const SCORECARD_ACTIONS = ['route', 'transfer', 'sign', 'reply', 'request-extension', 'extend', 'refuse-extension', 'urge', 'resupervise', 'feedback'] as const;

export interface UnitFigures {
  /** Cases routed or transferred to the unit in the window (交办/转送; a case counted once). */
  received: number;
  signedOnTime: number;
  signedLate: number;
  /** Routed to the unit, not signed for, the sign deadline passed (now, whatever the window). */
  unsignedOverdue: number;
  repliedOnTime: number;
  repliedLate: number;
  /** Open with the unit and past the running deadline now. */
  openOverdue: number;
  extensionsRequested: number;
  extensionsApproved: number;
  extensionsRefused: number;
  /** Urging notices (催办): by the secretariat and by the daily sweep. */
  urgedManually: number;
  urgedAutomatically: number;
  /** Both kinds together. */
  urgings: number;
  /** Distinct cases urged at least once in the window. */
  casesUrged: number;
  resupervisions: number;
  /** The petitioners' feedback on the unit's answers, by value (satisfied, dissatisfied…). */
  feedback: Record<string, number>;
}

export interface UnitRates {
  /** 按期签收率 = signed on time / (signed + not signed and overdue). */
  signOnTime: number | null;
  /** 按期答复率 = replied on time / replied. */
  replyOnTime: number | null;
  /** 满意率 = satisfied / feedback collected. */
  satisfaction: number | null;
}

export interface UnitScorecard {
  unitId: string;
  unitCode: string;
  unitName: string;
  figures: UnitFigures;
  rates: UnitRates;
}

/** Feedback values that count as satisfied in the 满意率. */
export const SATISFIED_FEEDBACK: readonly string[] = ['satisfied', 'basically-satisfied'];

/** A rate rounded to 4 decimals (as the office's other reports), null when there is nothing to rate. */
export const ratio = (num: number, den: number): number | null => (den === 0 ? null : Math.round((num / den) * 10_000) / 10_000);

export const emptyFigures = (): UnitFigures => ({
  received: 0,
  signedOnTime: 0,
  signedLate: 0,
  unsignedOverdue: 0,
  repliedOnTime: 0,
  repliedLate: 0,
  openOverdue: 0,
  extensionsRequested: 0,
  extensionsApproved: 0,
  extensionsRefused: 0,
  urgedManually: 0,
  urgedAutomatically: 0,
  urgings: 0,
  casesUrged: 0,
  resupervisions: 0,
  feedback: {},
});

/** Adds one counted row to a unit's figures. */
function add(f: UnitFigures, row: UnitEventCount): void {
  switch (row.action) {
    case 'route':
    case 'transfer':
      f.received += row.cases;
      return;
    case 'sign':
      if (row.outcome === 'late') f.signedLate += row.events;
      else f.signedOnTime += row.events;
      return;
    case 'reply':
      if (row.outcome === 'late') f.repliedLate += row.events;
      else f.repliedOnTime += row.events;
      return;
    case 'request-extension':
      f.extensionsRequested += row.events;
      return;
    case 'extend':
      f.extensionsApproved += row.events;
      return;
    case 'refuse-extension':
      f.extensionsRefused += row.events;
      return;
    case 'urge':
      if (row.outcome === 'automatic') f.urgedAutomatically += row.events;
      else f.urgedManually += row.events;
      return;
    case 'resupervise':
      f.resupervisions += row.events;
      return;
    case 'feedback':
      if (row.outcome) f.feedback[row.outcome] = (f.feedback[row.outcome] ?? 0) + row.events;
      return;
  }
}

export function ratesOf(f: UnitFigures): UnitRates {
  const feedbackTotal = Object.values(f.feedback).reduce((s, n) => s + n, 0);
  const satisfied = Object.entries(f.feedback)
    .filter(([value]) => SATISFIED_FEEDBACK.includes(value))
    .reduce((s, [, n]) => s + n, 0);
  return {
    signOnTime: ratio(f.signedOnTime, f.signedOnTime + f.signedLate + f.unsignedOverdue),
    replyOnTime: ratio(f.repliedOnTime, f.repliedOnTime + f.repliedLate),
    satisfaction: ratio(satisfied, feedbackTotal),
  };
}

/** What the repository counts besides the events: per unit code. */
export interface UnitSnapshot {
  unsignedOverdue: Map<string, number>;
  openOverdue: Map<string, number>;
  casesUrged: Map<string, number>;
}

export interface ScorecardUnit {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

/**
 * The scorecards of the units: every active unit, and an inactive one only when it has figures; rows
 * of unknown unit codes are dropped. Ordered by cases received, then by code.
 */
export function scorecards(units: ScorecardUnit[], counts: UnitEventCount[], snapshot: UnitSnapshot): UnitScorecard[] {
  const byCode = new Map(units.map((u) => [u.code, { unit: u, figures: emptyFigures() }]));
  for (const row of counts) {
    const entry = byCode.get(row.unitCode);
    if (entry) add(entry.figures, row);
  }
  const cards: UnitScorecard[] = [];
  for (const { unit, figures } of byCode.values()) {
    figures.unsignedOverdue = snapshot.unsignedOverdue.get(unit.code) ?? 0;
    figures.openOverdue = snapshot.openOverdue.get(unit.code) ?? 0;
    figures.casesUrged = snapshot.casesUrged.get(unit.code) ?? 0;
    figures.urgings = figures.urgedManually + figures.urgedAutomatically;
    if (!unit.active && !hasFigures(figures)) continue;
    cards.push({ unitId: unit.id, unitCode: unit.code, unitName: unit.name, figures, rates: ratesOf(figures) });
  }
  return cards.sort((a, b) => b.figures.received - a.figures.received || a.unitCode.localeCompare(b.unitCode));
}

export function hasFigures(f: UnitFigures): boolean {
  return Object.entries(f).some(([key, value]) => (key === 'feedback' ? Object.keys(value as object).length > 0 : (value as number) > 0));
}
