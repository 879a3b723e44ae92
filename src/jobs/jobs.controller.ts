import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/actor.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { JobViewResponse } from './job-view.response.js';
import { JobsService, type JobView } from './jobs.service.js';

@ApiTags('jobs')
@ApiBearerAuth()
@Roles('admin', 'secretariat')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  /** Runs the deadline sweep now (it also runs every morning by itself). */
  @ApiAcceptedResponse({ type: JobViewResponse, description: 'the queued (or already queued) sweep' })
  @HttpCode(202)
  @Post('deadline-sweep')
  sweepNow(): Promise<JobView> {
    return this.jobs.requestDeadlineSweep();
  }

  @ApiOkResponse({ type: JobViewResponse })
  @Get(':id')
  get(@Param('id', UuidPipe) id: string): Promise<JobView> {
    return this.jobs.get(id);
  }
}
