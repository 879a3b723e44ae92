import { ApiProperty } from '@nestjs/swagger';
import { CaseViewResponse } from '../cases/dto/case-view.response.js';
import { CaseAttachmentsResponse } from '../attachments/http/attachment-response.js';
import type { UnitLinkPageView, UrgingView } from './unit-link-desk.service.js';
import type { CaseUnitLinksView, UnitLinkState, UnitLinkView } from './unit-links.service.js';

/** Response schemas of unit links; `implements` keeps them in step with the views. */

export class UnitLinkViewResponse implements UnitLinkView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'GOV' }) unitCode!: string;
  @ApiProperty({ enum: ['active', 'expired', 'revoked'] }) state!: UnitLinkState;
  @ApiProperty({ type: String, nullable: true, description: 'the link page (only while the link works)' }) url!: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'id of the user who revoked it' }) revokedBy!: string | null;
  @ApiProperty({ description: 'id of the user who issued it, or system (a hand-over notice)' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt!: string | null;
  @ApiProperty() useCount!: number;
}

export class CaseUnitLinksResponse implements CaseUnitLinksView {
  @ApiProperty({ type: () => UnitLinkViewResponse, isArray: true }) items!: UnitLinkViewResponse[];
  @ApiProperty({ description: 'routed to a unit and still open: POST issues a link (otherwise 409 with the reason)' }) canIssue!: boolean;
}

export class UnitLinkSummaryResponse {
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ example: 'GOV' }) unitCode!: string;
  @ApiProperty({ example: '市人民政府办公室' }) unitName!: string;
}

export class UrgingViewResponse implements UrgingView {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true, description: "the secretary's note (a manual urge)" }) note!: string | null;
  @ApiProperty({ description: 'made by the daily deadline sweep' }) automatic!: boolean;
}

export class UnitLinkPageResponse implements UnitLinkPageView {
  @ApiProperty({ type: () => UnitLinkSummaryResponse }) link!: UnitLinkSummaryResponse;
  @ApiProperty({ type: () => CaseViewResponse, description: "the case as the link's unit sees it (masked; allowedActions are the unit's)" }) case!: CaseViewResponse;
  @ApiProperty({ type: () => UrgingViewResponse, isArray: true, description: 'urging notices (催办), newest first' }) urgings!: UrgingViewResponse[];
  @ApiProperty({ type: () => CaseAttachmentsResponse, description: 'contentUrl of each: through this link' }) attachments!: CaseAttachmentsResponse;
}
