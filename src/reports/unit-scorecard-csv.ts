import { csvCell } from './ledger-export.service.js';
import { GRADE_LABELS_ZH } from './unit-evaluation-rules.js';
import type { EvaluatedScorecard } from './unit-scorecard.service.js';

export const SCORECARD_COLUMNS = [
  '单位',
  '交办转送',
  '按期签收',
  '逾期签收',
  '逾期未签收',
  '按期答复',
  '逾期答复',
  '在办超期',
  '申请延期',
  '批准延期',
  '不予延期',
  '人工催办',
  '自动催办',
  '再督办',
  '满意',
  '不满意',
  '按期签收率',
  '按期答复率',
  '满意率',
  '考评结果',
] as const;

const percent = (rate: number | null): string | null => (rate === null ? null : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`);

/** 单位考评 as CSV (UTF-8 with BOM, CRLF, for Excel): one line per unit, the columns above. */
export function scorecardCsv(units: EvaluatedScorecard[]): string {
  const lines = units.map((u) => {
    const f = u.figures;
    const e = u.evaluation;
    return [
      u.unitName,
      f.received,
      f.signedOnTime,
      f.signedLate,
      f.unsignedOverdue,
      f.repliedOnTime,
      f.repliedLate,
      f.openOverdue,
      f.extensionsRequested,
      f.extensionsApproved,
      f.extensionsRefused,
      f.urgedManually,
      f.urgedAutomatically,
      f.resupervisions,
      f.feedback.satisfied ?? 0,
      f.feedback.dissatisfied ?? 0,
      percent(u.rates.signOnTime),
      percent(u.rates.replyOnTime),
      percent(u.rates.satisfaction),
      e ? `${GRADE_LABELS_ZH[e.grade]}${e.score === null ? '' : `（${e.score}分）`}` : null,
    ]
      .map(csvCell)
      .join(',');
  });
  return '\uFEFF' + [SCORECARD_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}
