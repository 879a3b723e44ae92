import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/actor.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { JobsService, type JobView } from './jobs.service.js';

@ApiTags('jobs')
@ApiBearerAuth()
@Roles('admin', 'secretariat')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  /** Runs the deadline sweep now (it also runs every morning by itself). */
  @HttpCode(202)
  @Post('deadline-sweep')
  sweepNow(): Promise<JobView> {
    return this.jobs.requestDeadlineSweep();
  }

  @Get(':id')
  get(@Param('id', UuidPipe) id: string): Promise<JobView> {
    return this.jobs.get(id);
  }
}
