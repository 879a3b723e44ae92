import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/actor.js';
import { AuditActionResponse, AuditPageResponse, AuditQuery } from './audit-trail.dto.js';
import { type AuditPage, AuditTrailService } from './audit-trail.service.js';

/** 审计: who changed which rule set, setting, directory entry or user, and who exported what, when. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin', 'auditor')
@Controller('audit')
export class AuditTrailController {
  constructor(private readonly trail: AuditTrailService) {}

  /** Newest first; `from`/`to` are office days (YYYY-MM-DD), both included. */
  @ApiOkResponse({ type: AuditPageResponse })
  @Get()
  list(@Query() query: AuditQuery): Promise<AuditPage> {
    return this.trail.page(query);
  }

  /** The actions the trail records, named in both languages (for the filter). */
  @ApiOkResponse({ type: AuditActionResponse, isArray: true })
  @Get('actions')
  actions(): { action: string; zh: string; en: string }[] {
    return this.trail.actions();
  }
}
