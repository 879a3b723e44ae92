import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/actor.js';
import { type Actor } from '../domain/actor.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { CancelMeetingDto, CreateMeetingDto, ListMeetingsQuery, OutcomeDto, PlanMeetingsDto, UpdateMeetingDto } from './dto/meeting.dto.js';
import { MeetingPlanningService, type PlanView } from './meeting-planning.service.js';
import type { MeetingView } from './meeting-view.js';
import { MeetingPlanResponse, MeetingViewResponse } from './meeting-response.js';
import { MeetingsService } from './meetings.service.js';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly planning: MeetingPlanningService,
  ) {}

  @Roles('admin', 'secretariat')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Plan meetings for a window (proposed as drafts)',
    description:
      'Replaces only the drafts of earlier plans whose type is among `types` and which start inside [from, to); never a draft edited by hand ' +
      '(handEdited: PATCHed as a draft, or made with POST /meetings) unless `replaceEdited: true`. The answer lists `replaced` and `keptEdited`. ' +
      'Drafts left in the window keep their leaders’ and room’s time and their cases. Every planned meeting gets a free room seating everyone ' +
      '(else its cases are unscheduled, NO_FREE_ROOM). Titles say when and are unique, e.g. 督办会（12月3日上午）, 督办会（12月3日上午·第2场）. See docs/meetings-rooms.md.',
  })
  @ApiOkResponse({ type: MeetingPlanResponse, description: 'the proposed meetings (stored as drafts), the drafts replaced and kept, the cases left out and why, the soft constraints left unmet' })
  @Post('plan')
  plan(@Body() body: PlanMeetingsDto, @CurrentActor() actor: Actor): Promise<PlanView> {
    return this.planning.plan(body, actor);
  }

  /** A leader gets only the meetings he or she attends, past the draft stage (whatever `leaderId` says). */
  @ApiOkResponse({ type: MeetingViewResponse, isArray: true })
  @Get()
  list(@Query() query: ListMeetingsQuery, @CurrentActor() actor: Actor): Promise<MeetingView[]> {
    return this.meetings.list(query, actor);
  }

  @ApiOkResponse({ type: MeetingViewResponse })
  @Get(':id')
  get(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<MeetingView> {
    return this.meetings.get(id, actor);
  }

  @Roles('admin', 'secretariat')
  @ApiCreatedResponse({ type: MeetingViewResponse })
  @Post()
  create(@Body() body: CreateMeetingDto, @CurrentActor() actor: Actor): Promise<MeetingView> {
    return this.meetings.create(body, actor);
  }

  @Roles('admin', 'secretariat')
  @ApiOkResponse({ type: MeetingViewResponse })
  @Patch(':id')
  update(@Param('id', UuidPipe) id: string, @Body() body: UpdateMeetingDto, @CurrentActor() actor: Actor): Promise<MeetingView> {
    return this.meetings.update(id, body, actor);
  }

  @Roles('admin', 'secretariat')
  @HttpCode(200)
  @ApiOkResponse({ type: MeetingViewResponse })
  @Post(':id/confirm')
  confirm(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<MeetingView> {
    return this.meetings.confirm(id, actor);
  }

  @Roles('admin', 'secretariat')
  @HttpCode(200)
  @ApiOkResponse({ type: MeetingViewResponse })
  @Post(':id/cancel')
  cancel(@Param('id', UuidPipe) id: string, @Body() body: CancelMeetingDto, @CurrentActor() actor: Actor): Promise<MeetingView> {
    return this.meetings.cancel(id, body, actor);
  }

  @Roles('admin', 'secretariat')
  @HttpCode(200)
  @ApiOkResponse({ type: MeetingViewResponse })
  @Post(':id/outcomes')
  outcome(@Param('id', UuidPipe) id: string, @Body() body: OutcomeDto, @CurrentActor() actor: Actor): Promise<MeetingView> {
    return this.meetings.addOutcome(id, body, actor);
  }
}
