import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../auth/actor.js';
import { UuidPipe } from '../../common/http/uuid.pipe.js';
import type { Actor } from '../../domain/actor.js';
import { ReceptionDaysService } from './reception-days.service.js';
import { ReceptionPlanningService, type ReceptionPlanView } from './reception-planning.service.js';
import { ReceptionDayResponse, ReceptionPlanResponse } from './reception-response.js';
import { CancelReceptionDayDto, HeldReceptionDayDto, ListReceptionDaysQuery, PlanReceptionDaysDto, UpdateReceptionDayDto } from './reception.dto.js';
import type { ReceptionDayView } from './reception-view.js';

/** 领导接访日 (docs/reception-days.md). */
@ApiTags('reception-days')
@ApiBearerAuth()
@Controller('reception-days')
export class ReceptionDaysController {
  constructor(
    private readonly days: ReceptionDaysService,
    private readonly planning: ReceptionPlanningService,
  ) {}

  @Roles('admin', 'secretariat')
  @HttpCode(200)
  @ApiOkResponse({ type: ReceptionPlanResponse, description: 'the planned days stored for the month, the planned days replaced, the leaders left out and why' })
  @Post('plan')
  plan(@Body() body: PlanReceptionDaysDto, @CurrentActor() actor: Actor): Promise<ReceptionPlanView> {
    return this.planning.plan(body, actor);
  }

  /** A leader gets only his or her own days past the planned stage. */
  @ApiOkResponse({ type: ReceptionDayResponse, isArray: true })
  @Get()
  list(@Query() query: ListReceptionDaysQuery, @CurrentActor() actor: Actor): Promise<ReceptionDayView[]> {
    return this.days.list(query, actor);
  }

  @ApiOkResponse({ type: ReceptionDayResponse })
  @Get(':id')
  get(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<ReceptionDayView> {
    return this.days.get(id, actor);
  }

  @Roles('admin', 'secretariat')
  @ApiOkResponse({ type: ReceptionDayResponse })
  @Patch(':id')
  update(@Param('id', UuidPipe) id: string, @Body() body: UpdateReceptionDayDto, @CurrentActor() actor: Actor): Promise<ReceptionDayView> {
    return this.days.update(id, body, actor);
  }

  @Roles('admin', 'secretariat')
  @HttpCode(200)
  @ApiOkResponse({ type: ReceptionDayResponse })
  @Post(':id/confirm')
  confirm(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<ReceptionDayView> {
    return this.days.confirm(id, actor);
  }

  @Roles('admin', 'secretariat')
  @HttpCode(200)
  @ApiOkResponse({ type: ReceptionDayResponse })
  @Post(':id/cancel')
  cancel(@Param('id', UuidPipe) id: string, @Body() body: CancelReceptionDayDto, @CurrentActor() actor: Actor): Promise<ReceptionDayView> {
    return this.days.cancel(id, body, actor);
  }

  @Roles('admin', 'secretariat')
  @HttpCode(200)
  @ApiOkResponse({ type: ReceptionDayResponse })
  @Post(':id/held')
  held(@Param('id', UuidPipe) id: string, @Body() body: HeldReceptionDayDto, @CurrentActor() actor: Actor): Promise<ReceptionDayView> {
    return this.days.held(id, body, actor);
  }
}
