import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { loadPolicy, type Policy } from '../config/policy.js';
import { DeadlineCalculator } from './cases/deadlines.js';
import { TransactionRunner } from './database/transaction-runner.js';
import { Clock, SystemClock } from './domain/clock.js';
import { Mailer } from './common/mail/mailer.js';
import { PiiCipher } from './common/pii/pii-cipher.js';
import { WorkingCalendar } from './common/time/working-calendar.js';
import { APP_CONFIG, POLICY } from './common/tokens.js';

/** Process-wide providers: configuration, policy, clock, personal-data cipher, calendar, deadlines, mail. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, clock: Clock = new SystemClock()): DynamicModule {
    const filePolicy = loadPolicy();
    const policy: Policy = { ...filePolicy, timeZone: config.officeTimeZone ?? filePolicy.timeZone };
    const calendar = new WorkingCalendar(policy.calendarOverrides);
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      { provide: POLICY, useValue: policy },
      { provide: Clock, useValue: clock },
      { provide: PiiCipher, useValue: new PiiCipher(config.piiKey, config.piiPreviousKeys) },
      { provide: WorkingCalendar, useValue: calendar },
      { provide: DeadlineCalculator, useValue: new DeadlineCalculator(policy, calendar) },
      { provide: Mailer, useFactory: () => Mailer.fromConfig(config) },
      TransactionRunner,
    ];
    return { module: CoreModule, providers, exports: providers.map((p) => ('provide' in p ? p.provide : p)) };
  }
}
