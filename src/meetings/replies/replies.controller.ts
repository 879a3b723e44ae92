import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../../auth/actor.js';
import type { Actor } from '../../domain/actor.js';
import { UuidPipe } from '../../common/http/uuid.pipe.js';
import type { MeetingView } from '../meeting-view.js';
import { MeetingViewResponse } from '../meeting-response.js';
import type { AlternativesView } from './alternatives.js';
import { MeetingRepliesService, type ReplyPageView } from './meeting-replies.service.js';
import { AlternativesResponse, ReplyPageResponse } from './reply-response.js';
import { AlternativesQuery, ReplyDto } from './reply.dto.js';

@ApiTags('replies')
@Controller()
export class RepliesController {
  constructor(private readonly replies: MeetingRepliesService) {}

  /** The reply page's data: the signed link in the invite is the only credential (no login). */
  @Public()
  @ApiOkResponse({ type: ReplyPageResponse })
  @Get('replies/:token')
  page(@Param('token') token: string): Promise<ReplyPageView> {
    return this.replies.linkView(token);
  }

  /** Records the answer of the person the link was made for; the same answer twice changes nothing. */
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: ReplyPageResponse })
  @Post('replies/:token')
  reply(@Param('token') token: string, @Body() body: ReplyDto): Promise<ReplyPageView> {
    return this.replies.replyByLink(token, body);
  }

  /** A leader answers for himself or herself (only a meeting he or she attends; others answer 404). */
  @ApiBearerAuth()
  @Roles('leader')
  @HttpCode(200)
  @ApiOkResponse({ type: MeetingViewResponse })
  @Post('meetings/:id/reply')
  replyAsLeader(@Param('id', UuidPipe) id: string, @Body() body: ReplyDto, @CurrentActor() actor: Actor): Promise<MeetingView> {
    return this.replies.replyAsLeader(id, body, actor);
  }

  /** The secretariat records an answer received by phone (or corrects one). */
  @ApiBearerAuth()
  @Roles('admin', 'secretariat')
  @HttpCode(200)
  @ApiOkResponse({ type: MeetingViewResponse })
  @Post('meetings/:id/attendees/:attendeeId/reply')
  replyForAttendee(
    @Param('id', UuidPipe) id: string,
    @Param('attendeeId', UuidPipe) attendeeId: string,
    @Body() body: ReplyDto,
    @CurrentActor() actor: Actor,
  ): Promise<MeetingView> {
    return this.replies.replyForAttendee(id, attendeeId, body, actor);
  }

  /** Substitute leaders and new slots when a leader in charge (or, without `caseId`, the chair) declined. */
  @ApiBearerAuth()
  @Roles('admin', 'secretariat')
  @ApiOkResponse({ type: AlternativesResponse })
  @Get('meetings/:id/alternatives')
  alternatives(@Param('id', UuidPipe) id: string, @Query() query: AlternativesQuery, @CurrentActor() actor: Actor): Promise<AlternativesView> {
    return this.replies.alternatives(id, query.caseId, actor);
  }
}
