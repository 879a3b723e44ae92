import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, ConfigError, DEMO_ADMIN_PASSWORD, loadConfig } from '../config/app-config.js';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
import { AppLogger } from './common/logging/app-logger.js';
import { DEMO_USERS, SeedService } from './seed/seed.service.js';

async function bootstrap(): Promise<void> {
  let config: AppConfig;
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
      `  控制台 Console:  ${base}/console/`,
      config.apiDocs ? `  API docs:  ${base}/docs` : '',
      `  Health:    ${base}/health`,
      ...demoAccountsBanner(config),
      config.smtpUrl ? '' : `  E-mails (invites, reminders) are written to ${config.dataDir}/outbox/`,
      '',
    ].join('\n') + '\n',
  );
}

/** The demo accounts and their published passwords, only on the embedded default with demo data. */
function demoAccountsBanner(config: AppConfig): string[] {
  if (!config.demoData || config.database.kind !== 'sqlite') return [];
  const admin = config.adminPassword === DEMO_ADMIN_PASSWORD ? [`${config.adminUsername} / ${DEMO_ADMIN_PASSWORD}（管理员 admin）`] : [];
  return ['  演示账号 · demo accounts:', ...[...admin, ...DEMO_USERS.map((u) => `${u.username} / ${u.password}（${u.displayName}）`)].map((line) => `    ${line}`)];
}

await bootstrap();
