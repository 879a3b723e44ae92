import { Injectable } from '@nestjs/common';
import { CaseFactsReader, type SimulationFilter } from '../cases/case-facts-reader.js';
import { Clock } from '../domain/clock.js';
import type { Evaluation } from '../rules/evaluation.types.js';
import type { RuleSetDefinition } from '../rules/rule-set.types.js';
import { RulesService } from '../rules/rules.service.js';
import type { RuleSet } from './rule-set.entity.js';
import type { MatrixCell, SimulationDimension, SimulationMatrices, StoredOutcomes } from './rule-simulation.entity.js';

/** Larger batches: fewer round trips (measured −2 to −3 s at 10^6 cases). */
const BATCH = 20_000;

export interface Outcome {
  grade: string;
  route: string;
  meetingType: string | null;
}

export interface SimulationReport {
  draft: { id: string; version: number };
  active: { id: string; version: number };
  scanned: number;
  changed: number;
  grades: { before: Record<string, number>; after: Record<string, number> };
  gradeChanges: { from: string; to: string; count: number }[];
  routeChanges: { from: string; to: string; count: number }[];
  meetingChanges: { from: string | null; to: string | null; count: number }[];
  examples: { caseId: string; code: string; subject: string; before: Outcome; after: Outcome }[];
  /** Before → after of every case, unchanged pairs (from === to) included; meeting null is `none`. */
  matrix: SimulationMatrices;
  durationMs: number;
}

/** A case behind a changed cell of a matrix, in the order the cases were read. */
export interface CellCase {
  dimension: SimulationDimension;
  from: string;
  to: string;
  caseId: string;
  code: string;
  outcomes: StoredOutcomes;
}

/** What a long run (the `simulate-rule-set` job) wants besides the report. */
export interface SimulationSink {
  /** After every batch, with the cases scanned so far; resolves true to stop (cancel): the report is then partial. */
  progress?(scanned: number): Promise<boolean>;
  /** Keep up to this many cases per changed cell (default none). */
  casesPerCell?: number;
  /** Cases read per query (default 20,000). */
  batchSize?: number;
}

export interface SimulationRunResult {
  report: SimulationReport;
  /** The sink asked to stop before every case in scope was read. */
  stopped: boolean;
  cellCases: CellCase[];
}

/** The value a meeting matrix shows for "no meeting". */
export const NO_MEETING = 'none';

const outcome = (e: Evaluation): Outcome => ({
  grade: e.grade,
  route: `${e.route.committee}/${e.route.handledBy}/${e.route.mode}`,
  meetingType: e.meetingType,
});

/** Does any rule of the set read the free text of a case? (Then simulation must load it.) */
function readsText(definition: RuleSetDefinition): boolean {
  return JSON.stringify(definition.rules).match(/"fact"\s*:\s*"(subject|content)"/) !== null;
}

function tally<K extends string | null>(map: Map<string, { from: K; to: K; count: number }>, from: K, to: K): void {
  const key = `${String(from)}→${String(to)}`;
  const entry = map.get(key);
  if (entry) entry.count++;
  else map.set(key, { from, to, count: 1 });
}

/** Before → after counts of one dimension, kept as nested maps (no string building per case). */
class Matrix {
  private readonly rows = new Map<string, Map<string, number>>();

  /** Counts one case; returns its new count in the cell. */
  add(from: string, to: string): number {
    let row = this.rows.get(from);
    if (!row) this.rows.set(from, (row = new Map<string, number>()));
    const count = (row.get(to) ?? 0) + 1;
    row.set(to, count);
    return count;
  }

  cells(): MatrixCell[] {
    const cells: MatrixCell[] = [];
    for (const [from, row] of this.rows) for (const [to, count] of row) cells.push({ from, to, count });
    return cells.sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  }
}

const sorted = <T extends { count: number }>(map: Map<string, T>): T[] => [...map.values()].sort((a, b) => b.count - a.count);

/**
 * 试运行: runs a draft and the active set over the stored cases with the compiled fast path
 * (json-rules-engine stays the reference; a differential test keeps the two equal) and reports
 * what would change. Nothing is written.
 */
@Injectable()
export class SimulationService {
  constructor(
    private readonly cases: CaseFactsReader,
    private readonly rules: RulesService,
    private readonly clock: Clock,
  ) {}

  /** The synchronous `POST /rules/sets/:id/simulate`. */
  async simulate(draft: RuleSet, active: RuleSet, filter: SimulationFilter, limit: number, exampleCount: number): Promise<SimulationReport> {
    return (await this.run(draft, active, filter, limit, exampleCount)).report;
  }

  /**
   * The one loop of both paths: the synchronous report, and the job (`sink`: progress after every
   * batch, cancel, the cases behind each changed cell).
   */
  async run(draft: RuleSet, active: RuleSet, filter: SimulationFilter, limit: number, exampleCount: number, sink: SimulationSink = {}): Promise<SimulationRunResult> {
    const started = performance.now();
    const now = this.clock.now();
    const next = this.rules.compiledFor(draft);
    const current = this.rules.compiledFor(active);
    const withText = readsText(draft) || readsText(active);
    const batchSize = sink.batchSize ?? BATCH;
    const keep = sink.casesPerCell ?? 0;
    const before: Record<string, number> = {};
    const after: Record<string, number> = {};
    const gradeChanges = new Map<string, { from: string; to: string; count: number }>();
    const routeChanges = new Map<string, { from: string; to: string; count: number }>();
    const meetingChanges = new Map<string, { from: string | null; to: string | null; count: number }>();
    const matrices = { grade: new Matrix(), route: new Matrix(), meeting: new Matrix() };
    const examples: SimulationReport['examples'] = [];
    const cellCases: CellCase[] = [];
    let scanned = 0;
    let changed = 0;
    let stopped = false;
    let afterId: string | null = null;

    while (scanned < limit) {
      const rows = await this.cases.batch(filter, afterId, Math.min(batchSize, limit - scanned), withText, now);
      if (!rows.length) break;
      for (const c of rows) {
        const was = outcome(current.evaluate(c.facts, { explain: false }));
        const will = outcome(next.evaluate(c.facts, { explain: false }));
        before[was.grade] = (before[was.grade] ?? 0) + 1;
        after[will.grade] = (after[will.grade] ?? 0) + 1;
        const wasMeeting = was.meetingType ?? NO_MEETING;
        const willMeeting = will.meetingType ?? NO_MEETING;
        const inGrade = matrices.grade.add(was.grade, will.grade);
        const inRoute = matrices.route.add(was.route, will.route);
        const inMeeting = matrices.meeting.add(wasMeeting, willMeeting);
        if (was.grade === will.grade && was.route === will.route && was.meetingType === will.meetingType) continue;
        changed++;
        if (was.grade !== will.grade) tally(gradeChanges, was.grade, will.grade);
        if (was.route !== will.route) tally(routeChanges, was.route, will.route);
        if (was.meetingType !== will.meetingType) tally(meetingChanges, was.meetingType, will.meetingType);
        if (examples.length < exampleCount) examples.push({ caseId: c.id, code: c.code, subject: c.subject, before: was, after: will });
        if (keep > 0) {
          const outcomes = { before: was, after: will };
          if (was.grade !== will.grade && inGrade <= keep) cellCases.push({ dimension: 'grade', from: was.grade, to: will.grade, caseId: c.id, code: c.code, outcomes });
          if (was.route !== will.route && inRoute <= keep) cellCases.push({ dimension: 'route', from: was.route, to: will.route, caseId: c.id, code: c.code, outcomes });
          if (wasMeeting !== willMeeting && inMeeting <= keep) cellCases.push({ dimension: 'meeting', from: wasMeeting, to: willMeeting, caseId: c.id, code: c.code, outcomes });
        }
      }
      scanned += rows.length;
      afterId = rows[rows.length - 1].id;
      if (sink.progress) {
        // Let waiting requests in (the progress polls): better-sqlite3 answers synchronously, so
        // without this the whole run would hold the event loop of an embedded instance.
        await new Promise((resolve) => setImmediate(resolve));
        if (await sink.progress(scanned)) {
          stopped = true;
          break;
        }
      }
    }
    const report: SimulationReport = {
      draft: { id: draft.id, version: draft.version },
      active: { id: active.id, version: active.version },
      scanned,
      changed,
      grades: { before, after },
      gradeChanges: sorted(gradeChanges),
      routeChanges: sorted(routeChanges),
      meetingChanges: sorted(meetingChanges),
      examples,
      matrix: { grade: matrices.grade.cells(), route: matrices.route.cells(), meeting: matrices.meeting.cells() },
      durationMs: Math.round(performance.now() - started),
    };
    return { report, stopped, cellCases };
  }
}
