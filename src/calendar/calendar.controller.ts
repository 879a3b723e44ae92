import { Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../auth/actor.js';
import { type Actor } from '../domain/actor.js';
import { CalendarErrors } from './calendar.errors.js';
import { MeetingAccess } from '../meetings/meeting-access.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import type { InviteBrief } from './brief.types.js';
import { CalendarService, type DeliveryView } from './calendar.service.js';
import { FeedLinkResponse, InviteBriefResponse, InviteDeliveryResponse } from './calendar-response.js';
import { FeedService, type FeedLink } from './feed.service.js';

const CALENDAR = 'text/calendar; charset=utf-8';
/** An iCalendar file (RFC 5545). */
const ICS_BODY = { schema: { type: 'string' as const }, description: 'iCalendar (RFC 5545)' };

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly feeds: FeedService,
  ) {}

  @ApiBearerAuth()
  @ApiProduces('text/calendar')
  @ApiOkResponse(ICS_BODY)
  @ApiQuery({ name: 'attendeeId', required: false, description: 'leader or deputy id, or unit code' })
  @Header('Content-Type', CALENDAR)
  @Header('Content-Disposition', 'attachment; filename="invite.ics"')
  @Get('meetings/:id/invite.ics')
  invite(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor, @Query('attendeeId') attendeeId?: string): Promise<string> {
    return this.calendar.inviteFile(id, attendeeId, actor);
  }

  @ApiBearerAuth()
  @ApiQuery({ name: 'attendeeId', required: false, description: 'a leader gets his or her own brief (the default); others any attendee’s' })
  @ApiOkResponse({ type: InviteBriefResponse })
  @Get('meetings/:id/brief')
  brief(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor, @Query('attendeeId') attendeeId?: string): Promise<InviteBrief> {
    return this.calendar.brief(id, attendeeId, actor);
  }

  @ApiBearerAuth()
  @Roles('admin', 'secretariat')
  @ApiOkResponse({ type: InviteDeliveryResponse, isArray: true })
  @Get('meetings/:id/deliveries')
  deliveries(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<DeliveryView[]> {
    return this.calendar.deliveriesOf(id, actor);
  }

  /** A leader's subscription feed; the token in the address is the only credential. */
  @Public()
  @ApiProduces('text/calendar')
  @ApiOkResponse(ICS_BODY)
  @Header('Content-Type', CALENDAR)
  @Header('Cache-Control', 'private, max-age=300')
  @Get('calendar/feeds/:token.ics')
  feed(@Param('token') token: string): Promise<string> {
    return this.feeds.feed(token);
  }

  /**
   * Issues a new feed address for the leader and revokes the old one. A leader may do it for himself or
   * herself only (403 for another leader); the secretariat and admins for anyone. The address is shown
   * once: only the token's hash is stored, so there is no way to read the current one back.
   */
  @ApiBearerAuth()
  @HttpCode(201)
  @ApiCreatedResponse({ type: FeedLinkResponse })
  @Post('leaders/:id/feed-token')
  issue(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<FeedLink> {
    if (!MeetingAccess.mayIssueFeed(actor, id)) throw CalendarErrors.feedIssueForbidden();
    return this.feeds.issue(id);
  }
}
