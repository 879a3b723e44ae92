import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/actor.js';
import { notFound } from '../common/errors.js';
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
  async get(@Param('id', UuidPipe) id: string): Promise<JobView> {
    return (await this.jobs.get(id)) ?? Promise.reject(notFound('JOB_NOT_FOUND', { zh: '找不到该任务。', en: 'No such job.' }));
  }
}
