// `npm run rollup:rebuild`: recomputes the reports' daily roll-up (case_daily_figures) from every case, e.g.
// on a new installation, after a restore, or to check the incremental job. Safe while the service runs: the
// reports read every day live until the build sets its watermark (docs/reports.md).
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '../../../config/app-config.js';
import { AppModule } from '../../app.module.js';
import { AppLogger } from '../../common/logging/app-logger.js';
import { CaseDailyFigures } from '../case-daily-figures.js';

try {
  // No workers in this process: the running service's relay and scheduler carry on alone.
  const config = loadConfig({ ...process.env, RUN_WORKERS: 'false' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: new AppLogger(config.logLevel) });
  try {
    const started = Date.now();
    const days = await app.get(CaseDailyFigures).rebuild();
    process.stdout.write(`日统计已重建：${days} 个办公日，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒 · case_daily_figures rebuilt: ${days} office days\n`);
  } finally {
    await app.close();
  }
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exitCode = error instanceof ConfigError ? 2 : 1;
}
