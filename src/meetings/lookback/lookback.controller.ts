import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Roles } from '../../auth/actor.js';
import { UuidPipe } from '../../common/http/uuid.pipe.js';
import { CALLBACK_RESULTS, type CallbackResult } from './lookback-review.entity.js';
import { LookbackReportResponse, LookbackRequestedResponse } from './lookback-response.js';
import { LookbackService, type LookbackReport, type LookbackRequested } from './lookback.service.js';

class RunLookbackDto {
  @ApiPropertyOptional({ example: '2026-12' }) @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/) period?: string;
}

class CallbackDto {
  @ApiProperty({ enum: CALLBACK_RESULTS }) @IsIn(CALLBACK_RESULTS) result!: CallbackResult;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

@ApiTags('meetings')
@ApiBearerAuth()
@Roles('admin', 'secretariat')
@Controller('lookback')
export class LookbackController {
  constructor(private readonly lookback: LookbackService) {}

  /** Runs the look-back for a period now (it also runs on the 1st of every month). */
  @HttpCode(202)
  @ApiAcceptedResponse({ type: LookbackRequestedResponse })
  @Post('run')
  run(@Body() body: RunLookbackDto): Promise<LookbackRequested> {
    return this.lookback.request(body.period);
  }

  @ApiOkResponse({ type: LookbackReportResponse })
  @Get()
  report(@Query() query: RunLookbackDto): Promise<LookbackReport> {
    return this.lookback.report(query.period ?? this.lookback.currentPeriod());
  }

  @HttpCode(204)
  @ApiNoContentResponse({ description: 'the callback is recorded' })
  @Post('reviews/:id/callback')
  callback(@Param('id', UuidPipe) id: string, @Body() body: CallbackDto): Promise<void> {
    return this.lookback.recordCallback(id, body.result, body.note);
  }
}
