import { Body, Controller, Get, HttpCode, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/actor.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import type { Actor } from '../domain/actor.js';
import { LedgerMappingBodyDto } from './dto/ledger-mapping.dto.js';
import { LedgerImportService, type UploadedFile as LedgerFile } from './ledger-import.service.js';
import { LedgerCommitResponse, LedgerImportResponse, LedgerReportResponse } from './ledger-import.response.js';
import type { LedgerCommitView, LedgerImportView, LedgerReportView } from './ledger-import.view.js';
import { LedgerFileInterceptor } from './ledger-upload.js';

/** 台账导入: the secretariat and the admin only (every other role 403). */
@ApiTags('ledger-imports')
@ApiBearerAuth()
@Roles('admin', 'secretariat')
@Controller('ledger-imports')
export class LedgerImportController {
  constructor(private readonly imports: LedgerImportService) {}

  @Post()
  @UseInterceptors(new LedgerFileInterceptor())
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: '.xlsx or .csv (UTF-8 or GB18030)' } } } })
  @ApiCreatedResponse({ type: LedgerImportResponse, description: 'the upload: headers found and the suggested mapping' })
  upload(@UploadedFile() file: LedgerFile | undefined, @CurrentActor() actor: Actor): Promise<LedgerImportView> {
    return this.imports.upload(file, actor);
  }

  @Get()
  @ApiOkResponse({ type: LedgerImportResponse, isArray: true, description: 'the history, newest first' })
  list(): Promise<LedgerImportView[]> {
    return this.imports.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: LedgerImportResponse })
  get(@Param('id', UuidPipe) id: string): Promise<LedgerImportView> {
    return this.imports.get(id);
  }

  @Post(':id/dry-run')
  @HttpCode(200)
  @ApiOkResponse({ type: LedgerReportResponse, description: 'row by row: will be created, invalid (reasons), duplicate, looks like a repeat' })
  dryRun(@Param('id', UuidPipe) id: string, @Body() body: LedgerMappingBodyDto, @CurrentActor() actor: Actor): Promise<LedgerReportView> {
    return this.imports.dryRun(id, body.mapping, actor);
  }

  @Post(':id/commit')
  @HttpCode(200)
  @ApiOkResponse({ type: LedgerCommitResponse, description: 'the cases of the valid rows not imported before are created' })
  commit(@Param('id', UuidPipe) id: string, @Body() body: LedgerMappingBodyDto, @CurrentActor() actor: Actor): Promise<LedgerCommitView> {
    return this.imports.commit(id, body.mapping, actor);
  }
}
