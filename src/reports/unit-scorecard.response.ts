import { ApiProperty } from '@nestjs/swagger';
import { EVALUATION_GRADES, type EvaluationGrade } from './unit-evaluation.entity.js';
import type { EvaluationView } from './unit-evaluation.service.js';
import { REPLY_STATES, type ReplyState, SIGN_STATES, type ScorecardCaseView, type ScorecardWindow, type SignState } from './unit-scorecard.service.js';
import type { UnitFigures, UnitRates } from './unit-scorecard.js';

/** The response schemas of 单位考评 (scorecards and evaluation records). */

const RATE = { type: Number, nullable: true, description: '0…1; null when there is nothing to rate' } as const;
const WHEN = { type: String, format: 'date-time', nullable: true } as const;

export class ScorecardWindowResponse implements ScorecardWindow {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ example: '2026-10-01', description: 'first office day (included)' }) fromDay!: string;
  @ApiProperty({ example: '2026-12-31', description: 'last office day (included)' }) toDay!: string;
}

export class UnitFiguresResponse implements UnitFigures {
  @ApiProperty({ description: 'cases routed or transferred to the unit in the window (交办/转送)' }) received!: number;
  @ApiProperty({ description: 'signed for (签收) in the window by the sign deadline' }) signedOnTime!: number;
  @ApiProperty({ description: 'signed for in the window after the sign deadline' }) signedLate!: number;
  @ApiProperty({ description: 'routed to the unit, not signed for, sign deadline passed (now)' }) unsignedOverdue!: number;
  @ApiProperty({ description: 'answered (答复) in the window by the deadline then running' }) repliedOnTime!: number;
  @ApiProperty({ description: 'answered in the window after the deadline' }) repliedLate!: number;
  @ApiProperty({ description: 'with the unit and past the running deadline (now)' }) openOverdue!: number;
  @ApiProperty({ description: 'extensions requested (申请延期) in the window' }) extensionsRequested!: number;
  @ApiProperty({ description: 'extensions granted (批准延期) in the window' }) extensionsApproved!: number;
  @ApiProperty({ description: 'extension requests refused (不予延期) in the window' }) extensionsRefused!: number;
  @ApiProperty({ description: 'urgings (催办) by the secretariat in the window' }) urgedManually!: number;
  @ApiProperty({ description: 'automatic urgings of the daily deadline sweep in the window' }) urgedAutomatically!: number;
  @ApiProperty({ description: 'urgedManually + urgedAutomatically' }) urgings!: number;
  @ApiProperty({ description: 'distinct cases urged in the window' }) casesUrged!: number;
  @ApiProperty({ description: 're-supervisions (再督办) ordered in the window' }) resupervisions!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'feedback on the unit’s answers recorded in the window, by value' }) feedback!: Record<string, number>;
}

export class UnitRatesResponse implements UnitRates {
  @ApiProperty({ ...RATE, description: '按期签收率 = signedOnTime / (signedOnTime + signedLate + unsignedOverdue)' }) signOnTime!: number | null;
  @ApiProperty({ ...RATE, description: '按期答复率 = repliedOnTime / (repliedOnTime + repliedLate)' }) replyOnTime!: number | null;
  @ApiProperty({ ...RATE, description: '满意率 = satisfied / feedback recorded' }) satisfaction!: number | null;
}

export class UnitEvaluationResponse implements EvaluationView {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ example: '2026-Q4' }) period!: string;
  @ApiProperty({ example: '2026-10-01' }) fromDay!: string;
  @ApiProperty({ example: '2026-12-31' }) toDay!: string;
  @ApiProperty({ enum: EVALUATION_GRADES, enumName: 'EvaluationGrade' }) grade!: EvaluationGrade;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: String, nullable: true }) remark!: string | null;
  @ApiProperty({ example: '市信访局' }) evaluatedBy!: string;
  @ApiProperty({ example: '张秘书' }) recordedByName!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class RecordedEvaluationResponse {
  @ApiProperty({ type: () => UnitEvaluationResponse }) evaluation!: UnitEvaluationResponse;
  @ApiProperty({ description: 'true when an evaluation of the same unit and period was replaced' }) replaced!: boolean;
}

export class UnitScorecardResponse {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ example: 'GOV' }) unitCode!: string;
  @ApiProperty({ example: '市人民政府' }) unitName!: string;
  @ApiProperty({ type: () => UnitFiguresResponse }) figures!: UnitFiguresResponse;
  @ApiProperty({ type: () => UnitRatesResponse }) rates!: UnitRatesResponse;
  @ApiProperty({ type: () => UnitEvaluationResponse, nullable: true, description: 'the evaluation for the period asked (null: none asked or none recorded)' }) evaluation!: UnitEvaluationResponse | null;
}

export class UnitScorecardsResponse {
  @ApiProperty({ type: () => ScorecardWindowResponse }) window!: ScorecardWindowResponse;
  @ApiProperty({ type: String, nullable: true, example: '2026-Q4' }) period!: string | null;
  @ApiProperty({ type: () => UnitScorecardResponse, isArray: true }) units!: UnitScorecardResponse[];
}

export class ScorecardCaseResponse implements ScorecardCaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'XF-2026-000123' }) code!: string;
  @ApiProperty({ type: String, nullable: true, description: 'masked; null for leaders, and for a unit once the case is no longer with it' }) subject!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty({ description: 'the case is with this unit now' }) withUnit!: boolean;
  @ApiProperty(WHEN) routedAt!: string | null;
  @ApiProperty(WHEN) signDueAt!: string | null;
  @ApiProperty(WHEN) signedAt!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) signedOnTime!: boolean | null;
  @ApiProperty(WHEN) replyDueAt!: string | null;
  @ApiProperty(WHEN) repliedAt!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) repliedOnTime!: boolean | null;
  @ApiProperty({ description: 'with the unit and past its running deadline now' }) overdue!: boolean;
  @ApiProperty({ enum: SIGN_STATES, enumName: 'ScorecardSignState', description: '签收 as of now' }) signState!: SignState;
  @ApiProperty({ enum: REPLY_STATES, enumName: 'ScorecardReplyState', description: '答复 as of now' }) replyState!: ReplyState;
  @ApiProperty() extensionUsed!: boolean;
  @ApiProperty() extensionRequested!: boolean;
  @ApiProperty({ description: 'urgings in the window' }) urgings!: number;
  @ApiProperty() resupervisionCount!: number;
  @ApiProperty({ type: String, nullable: true }) feedback!: string | null;
}

export class UnitScorecardDetailResponse {
  @ApiProperty({ type: () => ScorecardWindowResponse }) window!: ScorecardWindowResponse;
  @ApiProperty({ type: String, nullable: true }) period!: string | null;
  @ApiProperty({ type: () => UnitScorecardResponse }) scorecard!: UnitScorecardResponse;
  @ApiProperty({ type: () => ScorecardCaseResponse, isArray: true, description: 'at most 500, latest routed first' }) cases!: ScorecardCaseResponse[];
}
