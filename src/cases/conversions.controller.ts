import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/actor.js';
import { type Actor } from '../domain/actor.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { ConversionsService, type ConversionView } from './conversions.service.js';
import { CONVERSION_ROLES } from './case-permissions.js';
import { CreateConversionDto, ListConversionsQuery } from './dto/conversion.dto.js';
import { ConversionViewResponse } from './dto/conversion.response.js';

@ApiTags('cases')
@ApiBearerAuth()
@Controller()
export class ConversionsController {
  constructor(private readonly conversions: ConversionsService) {}

  @Roles(...CONVERSION_ROLES)
  @ApiCreatedResponse({ type: ConversionViewResponse })
  @Post('cases/:id/conversions')
  convert(@Param('id', UuidPipe) id: string, @Body() body: CreateConversionDto, @CurrentActor() actor: Actor): Promise<ConversionView> {
    return this.conversions.convert(id, body, actor);
  }

  @Roles('admin', 'secretariat', 'auditor')
  @ApiOkResponse({ type: ConversionViewResponse, isArray: true })
  @Get('conversions')
  list(@Query() query: ListConversionsQuery): Promise<ConversionView[]> {
    return this.conversions.list(query);
  }
}
