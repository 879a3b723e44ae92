import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
import { AppLogger } from './common/logging/app-logger.js';
import { SeedService } from './seed/seed.service.js';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = new AppLogger(config.logLevel);
  const app = await NestFactory.create(AppModule.forRoot(config), { logger, bodyParser: false });
  configureApp(app);
  await app.init(); // job handlers register here; seeding below already queues jobs
  await app.get(SeedService).run();
  await app.listen(config.port, config.host);
  const base = config.publicBaseUrl;
  const mode = config.database.kind === 'sqlite' ? `embedded (SQLite at ${config.database.path})` : 'MySQL';
  process.stdout.write(
    [
      '',
      `信访联动规划服务已启动 · service ready (${mode}, jobs: ${config.redisUrl ? 'Redis/Bull' : 'in-process'})`,
      `  API docs:  ${base}/docs`,
      `  Health:    ${base}/health`,
      config.demoData ? '  Demo users: admin / admin-demo-2026 · secretary / secretary-demo-2026 · director / leader-demo-2026' : '',
      config.smtpUrl ? '' : `  E-mails (invites, reminders) are written to ${config.dataDir}/outbox/`,
      '',
    ].join('\n') + '\n',
  );
}

await bootstrap();
