import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/actor.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import type { Actor } from '../domain/actor.js';
import { LETTER_KINDS, type LetterKind } from '../domain/letter-kinds.js';
import type { HandOverKind } from '../cases/case-hand-overs.port.js';
import { UNIT_NOTICE_STATUSES, type UnitNoticeStatus } from './unit-notice.entity.js';
import { type UnitNoticeView, UnitNoticesService } from './unit-notices.service.js';

const HAND_OVER_KINDS: HandOverKind[] = ['route', 'transfer', 'extension-approved', 'extension-refused', 'urge', 'resupervise'];

export class UnitNoticeResponse implements UnitNoticeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: HAND_OVER_KINDS, enumName: 'HandOverKind' }) kind!: HandOverKind;
  @ApiProperty({ example: '转送' }) label!: string;
  @ApiProperty({ example: 'GOV' }) unitCode!: string;
  @ApiProperty({ example: '市人民政府' }) unitName!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the unit’s address; null: none (status no-address)' }) recipient!: string | null;
  @ApiProperty({ enum: LETTER_KINDS, enumName: 'LetterKind', nullable: true }) letterKind!: LetterKind | null;
  @ApiProperty({ type: String, nullable: true, example: '转送函' }) letterLabel!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '人大信转〔2026〕12号' }) letterNumber!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'GET /attachments/:id/content' }) letterAttachmentId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the unit link sent with it (GET /cases/:id/unit-links)' }) linkId!: string | null;
  @ApiProperty({ enum: UNIT_NOTICE_STATUSES, enumName: 'UnitNoticeStatus' }) status!: UnitNoticeStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** 通知送达: the notices a case's units got at each hand-over and their delivery state. */
@ApiTags('letters')
@ApiBearerAuth()
@Controller('cases')
export class UnitNoticesController {
  constructor(private readonly notices: UnitNoticesService) {}

  @Roles('admin', 'secretariat', 'auditor', 'leader', 'unit')
  @ApiOkResponse({ type: UnitNoticeResponse, isArray: true, description: 'a unit sees the notices addressed to it only' })
  @Get(':id/notices')
  list(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<UnitNoticeView[]> {
    return this.notices.listForCase(id, actor);
  }
}
