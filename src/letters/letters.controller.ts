import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/actor.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import type { Actor } from '../domain/actor.js';
import { LETTER_KINDS, type LetterKind } from '../domain/letter-kinds.js';
import { CaseLettersResponse, GeneratedLettersResponse, GenerateLetterDto, LetterPreviewResponse, LetterTemplateDto, LetterTemplateResponse, UpdateLetterTemplateDto } from './dto/letters.dto.js';
import { LetterKindPipe } from './letter-kind.pipe.js';
import { type LetterPreview, type LetterTemplateView, LetterTemplatesService } from './letter-templates.service.js';
import { type CaseLettersView, type GeneratedLettersView, LettersService } from './letters.service.js';

/** The letters of a case (公文): generate (the office), list (whoever sees the case). */
@ApiTags('letters')
@ApiBearerAuth()
@Controller('cases')
export class CaseLettersController {
  constructor(private readonly letters: LettersService) {}

  @Roles('admin', 'secretariat')
  @HttpCode(201)
  @ApiOkResponse({ type: GeneratedLettersResponse, description: 'the case’s letters and the new one (`created`); 409 LETTER_NOT_APPLICABLE when the case’s state does not fit' })
  @Post(':id/letters')
  generate(@Param('id', UuidPipe) id: string, @Body() body: GenerateLetterDto, @CurrentActor() actor: Actor): Promise<GeneratedLettersView> {
    return this.letters.generate(id, body.kind, actor);
  }

  @Roles('admin', 'secretariat', 'auditor', 'leader', 'unit')
  @ApiOkResponse({ type: CaseLettersResponse })
  @Get(':id/letters')
  list(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<CaseLettersView> {
    return this.letters.list(id, actor);
  }
}

/** 公文模板: the wording of each kind of letter, edited by an admin, with a preview. */
@ApiTags('letters')
@ApiBearerAuth()
@Controller('letter-templates')
export class LetterTemplatesController {
  constructor(private readonly templates: LetterTemplatesService) {}

  @Roles('admin', 'secretariat')
  @ApiOkResponse({ type: LetterTemplateResponse, isArray: true })
  @Get()
  list(): Promise<LetterTemplateView[]> {
    return this.templates.list();
  }

  @Roles('admin', 'secretariat')
  @ApiOkResponse({ type: LetterTemplateResponse })
  @ApiParam({ name: 'kind', enum: LETTER_KINDS, enumName: 'LetterKind' })
  @Get(':kind')
  get(@Param('kind', LetterKindPipe) kind: LetterKind): Promise<LetterTemplateView> {
    return this.templates.get(kind);
  }

  @Roles('admin')
  @ApiOkResponse({ type: LetterTemplateResponse, description: '422 LETTER_TEMPLATE_PLACEHOLDER_UNKNOWN naming unknown placeholders' })
  @ApiParam({ name: 'kind', enum: LETTER_KINDS, enumName: 'LetterKind' })
  @Put(':kind')
  update(@Param('kind', LetterKindPipe) kind: LetterKind, @Body() body: UpdateLetterTemplateDto, @CurrentActor() actor: Actor): Promise<LetterTemplateView> {
    return this.templates.update(kind, body, actor);
  }

  @Roles('admin', 'secretariat')
  @HttpCode(200)
  @ApiOkResponse({ type: LetterPreviewResponse, description: 'the wording filled in with an invented case; nothing is stored' })
  @ApiParam({ name: 'kind', enum: LETTER_KINDS, enumName: 'LetterKind' })
  @Post(':kind/preview')
  preview(@Param('kind', LetterKindPipe) kind: LetterKind, @Body() body: LetterTemplateDto): LetterPreview {
    return this.templates.preview(kind, body);
  }
}
