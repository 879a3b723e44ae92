import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { TransactionRunner } from './database/transaction-runner.js';
import { Clock, SystemClock } from './domain/clock.js';
import { Mailer } from './common/mail/mailer.js';
import { PiiCipher } from './common/pii/pii-cipher.js';
import { APP_CONFIG } from './common/tokens.js';

/**
 * Process-wide providers: configuration, clock, personal-data cipher, mail. The office policy (deadlines,
 * calendar, office hours) is a stored, versioned setting read live through `OfficeSettings` (src/settings).
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, clock: Clock = new SystemClock()): DynamicModule {
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      { provide: Clock, useValue: clock },
      { provide: PiiCipher, useValue: new PiiCipher(config.piiKey, config.piiPreviousKeys) },
      { provide: Mailer, useFactory: () => Mailer.fromConfig(config) },
      TransactionRunner,
    ];
    return { module: CoreModule, providers, exports: providers.map((p) => ('provide' in p ? p.provide : p)) };
  }
}
