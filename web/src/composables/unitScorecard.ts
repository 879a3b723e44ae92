import type { components } from '@/api/schema';

export type UnitScorecards = components['schemas']['UnitScorecardsResponse'];
export type UnitScorecard = components['schemas']['UnitScorecardResponse'];
export type UnitScorecardDetail = components['schemas']['UnitScorecardDetailResponse'];
export type ScorecardCase = components['schemas']['ScorecardCaseResponse'];
export type Evaluation = components['schemas']['UnitEvaluationResponse'];
export type EvaluationGrade = components['schemas']['EvaluationGrade'];

export const EVALUATION_GRADES: EvaluationGrade[] = ['excellent', 'good', 'pass', 'fail'];

type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface PeriodOption {
  value: string;
  label: string;
}

/**
 * The evaluation periods offered (as the API names them: 2026, 2026-H2, 2026-Q4): this year and the one
 * before, each as the year, its halves and its quarters, latest first; periods that have not begun yet
 * are left out.
 */
export function periodOptions(today: string, t: Translate): PeriodOption[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const options: PeriodOption[] = [];
  for (const y of [year, year - 1]) {
    const begun = (firstMonth: number): boolean => y < year || firstMonth <= month;
    const quarters = [4, 3, 2, 1].filter((q) => begun(q * 3 - 2)).map((q) => ({ value: `${y}-Q${q}`, label: t(`unitScorecard.period.q${q}`, { year: y }) }));
    const halves = [2, 1].filter((h) => begun(h * 6 - 5)).map((h) => ({ value: `${y}-H${h}`, label: t(`unitScorecard.period.half${h}`, { year: y }) }));
    options.push({ value: String(y), label: t('unitScorecard.period.year', { year: y }) }, ...halves, ...quarters);
  }
  return options;
}

/** The period shown first: the current year. */
export const defaultPeriod = (today: string): string => today.slice(0, 4);

/** A rate as the office writes it: 66.7%; a dash when there is nothing to rate. */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;
}

/** 优秀（93分） / Excellent (93) — or the empty text. */
export function evaluationText(e: Pick<Evaluation, 'grade' | 'score'> | null | undefined, t: Translate): string {
  if (!e) return '';
  const grade = t(`unitScorecard.grades.${e.grade}`);
  return e.score === null ? grade : t('unitScorecard.gradeWithScore', { grade, score: e.score });
}

/** The score range the API accepts for a grade (shown as a hint; the API checks it). */
export const GRADE_SCORE_HINT: Readonly<Record<EvaluationGrade, string>> = { excellent: '90–100', good: '80–89', pass: '60–79', fail: '0–59' };

/** Satisfied / dissatisfied counts of a unit's feedback. */
export function feedbackCounts(f: Record<string, number>): { satisfied: number; dissatisfied: number } {
  return { satisfied: (f.satisfied ?? 0) + (f['basically-satisfied'] ?? 0), dissatisfied: f.dissatisfied ?? 0 };
}
