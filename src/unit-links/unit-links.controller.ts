import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/actor.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import type { Actor } from '../domain/actor.js';
import { CaseUnitLinksResponse, UnitLinkViewResponse } from './unit-link.response.js';
import { type CaseUnitLinksView, UnitLinks, type UnitLinkView } from './unit-links.service.js';

/** The secretariat's side of unit links: list a case's links, issue one by hand, revoke one. */
@ApiTags('unit-links')
@ApiBearerAuth()
@Roles('admin', 'secretariat')
@Controller()
export class UnitLinksController {
  constructor(private readonly links: UnitLinks) {}

  @ApiOkResponse({ type: CaseUnitLinksResponse, description: "the case's unit links, newest first, and whether one can be issued now" })
  @Get('cases/:id/unit-links')
  list(@Param('id', UuidPipe) id: string): Promise<CaseUnitLinksView> {
    return this.links.listForCase(id);
  }

  @ApiCreatedResponse({ type: UnitLinkViewResponse, description: "a new link for the case's handling unit (409 UNIT_LINK_NO_UNIT before routing, UNIT_LINK_CASE_CLOSED once closed)" })
  @Post('cases/:id/unit-links')
  issue(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<UnitLinkView> {
    return this.links.issueByHand(id, actor);
  }

  @ApiOkResponse({ type: UnitLinkViewResponse, description: 'the link, revoked (a second revocation changes nothing)' })
  @HttpCode(200)
  @Post('unit-links/:id/revoke')
  revoke(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<UnitLinkView> {
    return this.links.revoke(id, actor);
  }
}
