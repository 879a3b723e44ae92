import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NoRateLimit } from '../auth/access.guard.js';
import { Public } from '../auth/actor.js';
import { HealthReportResponse } from './health-report.response.js';
import { HealthService, type HealthReport } from './health.service.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when the database and the queue answer, 503 otherwise. */
  @Public()
  @NoRateLimit()
  @ApiOkResponse({ type: HealthReportResponse })
  @ApiServiceUnavailableResponse({ type: HealthReportResponse, description: 'the database or the queue does not answer' })
  @Get()
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.check();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
