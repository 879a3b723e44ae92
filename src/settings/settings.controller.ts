import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/actor.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import type { Actor } from '../domain/actor.js';
import { CreateSettingsDto, SettingsActivationDto, SettingsDraftDto } from './dto/settings.dto.js';
import {
  ActiveSettingsResponse,
  SettingsActivatedResponse,
  SettingsActivationResponse,
  SettingsValidationResponse,
  SettingsVersionResponse,
} from './dto/settings.response.js';
import type { SettingsProblem } from './office-settings.types.js';
import { SettingsService, toSettingsVersionView, type ActiveSettingsView, type SettingsActivationView, type SettingsVersionView } from './settings.service.js';

/** Office settings (办公设置): versions with draft → validate → publish / rollback, read by the service without restart. */
@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Roles('admin', 'secretariat', 'auditor')
  @ApiOkResponse({ type: ActiveSettingsResponse, description: 'the version in force, the office time zone and warnings (e.g. a year without holiday data)' })
  @Get()
  active(): Promise<ActiveSettingsView> {
    return this.settings.active();
  }

  @Roles('admin', 'auditor')
  @ApiOkResponse({ type: SettingsVersionResponse, isArray: true, description: 'newest first' })
  @Get('versions')
  list(): Promise<SettingsVersionView[]> {
    return this.settings.list();
  }

  @Roles('admin', 'auditor')
  @ApiOkResponse({ type: SettingsActivationResponse, isArray: true, description: 'publications and rollbacks, newest first' })
  @Get('activations')
  activations(): Promise<SettingsActivationView[]> {
    return this.settings.listActivations();
  }

  @Roles('admin')
  @ApiCreatedResponse({ type: SettingsVersionResponse, description: 'the new draft' })
  @Post('versions')
  create(@Body() body: CreateSettingsDto, @CurrentActor() actor: Actor): Promise<SettingsVersionView> {
    return this.settings.createDraft(body, actor);
  }

  @Roles('admin', 'auditor')
  @ApiOkResponse({ type: SettingsVersionResponse })
  @Get('versions/:id')
  async get(@Param('id', UuidPipe) id: string): Promise<SettingsVersionView> {
    return toSettingsVersionView(await this.settings.get(id));
  }

  @Roles('admin')
  @ApiOkResponse({ type: SettingsVersionResponse })
  @Put('versions/:id')
  update(@Param('id', UuidPipe) id: string, @Body() body: SettingsDraftDto, @CurrentActor() actor: Actor): Promise<SettingsVersionView> {
    return this.settings.updateDraft(id, body, actor);
  }

  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'the draft is deleted' })
  @Delete('versions/:id')
  remove(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.settings.deleteDraft(id, actor);
  }

  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: SettingsValidationResponse })
  @Post('versions/:id/validate')
  validate(@Param('id', UuidPipe) id: string): Promise<{ valid: boolean; errors: SettingsProblem[]; warnings: SettingsProblem[] }> {
    return this.settings.validate(id);
  }

  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: SettingsActivatedResponse, description: 'the published version, in force from the next computation' })
  @Post('versions/:id/publish')
  publish(@Param('id', UuidPipe) id: string, @Body() body: SettingsActivationDto, @CurrentActor() actor: Actor): Promise<SettingsVersionView & { activationId: string }> {
    return this.settings.publish(id, body.note, actor);
  }

  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: SettingsActivatedResponse, description: 'called on an earlier published version: it is in force again (on the active one: the version before it)' })
  @Post('versions/:id/rollback')
  rollback(@Param('id', UuidPipe) id: string, @Body() body: SettingsActivationDto, @CurrentActor() actor: Actor): Promise<SettingsVersionView & { activationId: string }> {
    return this.settings.rollback(id, body.note, actor);
  }
}
