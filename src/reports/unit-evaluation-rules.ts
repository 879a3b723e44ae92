import type { EvaluationGrade } from './unit-evaluation.entity.js';
import { UnitEvaluationErrors } from './unit-evaluation.errors.js';
import { parsePeriod, type EvaluationPeriod } from './unit-evaluation-period.js';

/** The score range of each grade (百分制): 优秀 90–100, 良好 80–89, 合格 60–79, 不合格 0–59. */
export const GRADE_SCORES: Readonly<Record<EvaluationGrade, readonly [number, number]>> = {
  excellent: [90, 100],
  good: [80, 89],
  pass: [60, 79],
  fail: [0, 59],
};

export const GRADE_LABELS_ZH: Readonly<Record<EvaluationGrade, string>> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

/** The period named in the address, or EVALUATION_PERIOD_INVALID (400). */
export function periodOf(value: string): EvaluationPeriod {
  const period = parsePeriod(value);
  if (!period) throw UnitEvaluationErrors.periodInvalid();
  return period;
}

/** A score, when given, lies in its grade's range (422 otherwise). */
export function checkScore(grade: EvaluationGrade, score: number | null): void {
  if (score === null) return;
  const [low, high] = GRADE_SCORES[grade];
  if (score < low || score > high) throw UnitEvaluationErrors.scoreGradeMismatch(grade, score, `${low}–${high}`);
}
