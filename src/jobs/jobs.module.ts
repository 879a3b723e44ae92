import { BullModule } from '@nestjs/bull';
import { type DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { BullDispatcher, OutboxProcessor } from './bull-dispatcher.js';
import { DailyScheduler } from './daily-scheduler.js';
import { EmbeddedDispatcher } from './embedded-dispatcher.js';
import { JobDispatcher } from './job-dispatcher.js';
import { JobExecutor } from './job-executor.js';
import { JOBS_QUEUE } from './job-names.js';
import { JobRegistry } from './job-registry.js';
import { JobsController } from './jobs.controller.js';
import { JobsService } from './jobs.service.js';
import { OutboxJob } from './outbox-job.entity.js';
import { OutboxRelay } from './outbox-relay.js';
import { OutboxRepository } from './outbox.repository.js';
import { JobStateRepository } from './job-state.repository.js';
import { JobState } from './job-state.entity.js';

/** The transactional outbox and its runners: in-process by default, Bull when REDIS_URL is set. */
@Global()
@Module({})
export class JobsModule {
  static forRoot(config: AppConfig): DynamicModule {
    const bull = config.redisUrl !== null;
    const providers: Provider[] = [
      OutboxRepository,
      JobStateRepository,
      JobRegistry,
      JobExecutor,
      OutboxRelay,
      DailyScheduler,
      JobsService,
      { provide: JobDispatcher, useClass: bull ? BullDispatcher : EmbeddedDispatcher },
    ];
    if (bull && config.runWorkers) providers.push(OutboxProcessor);
    return {
      module: JobsModule,
      imports: [
        TypeOrmModule.forFeature([OutboxJob, JobState]),
        ...(bull
          ? [
              BullModule.forRoot({ url: config.redisUrl ?? undefined, prefix: config.queuePrefix }),
              BullModule.registerQueue({ name: JOBS_QUEUE }),
            ]
          : []),
      ],
      controllers: [JobsController],
      providers,
      exports: [OutboxRepository, JobStateRepository, JobRegistry, OutboxRelay, JobDispatcher, DailyScheduler],
    };
  }
}
