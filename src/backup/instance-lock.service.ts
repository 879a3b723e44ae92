import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { Clock } from '../domain/clock.js';
import { PiiCipher } from '../common/pii/pii-cipher.js';
import { APP_CONFIG } from '../common/tokens.js';
import { InstanceLock } from './instance-lock.js';

/** Marks DATA_DIR as in use while the service runs, so restore and key rotation can tell (instance-lock.ts). */
@Injectable()
export class InstanceLockService implements OnApplicationBootstrap, OnApplicationShutdown {
  private lock: InstanceLock | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: PiiCipher,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    try {
      this.lock = InstanceLock.acquire(this.config.dataDir, { piiKeyId: this.cipher.keyId }, this.clock.now());
    } catch (error) {
      // Production with SMTP may run on a read-only DATA_DIR: the marker only serves the offline commands.
      new Logger('InstanceLock').warn(`cannot mark ${this.config.dataDir} as in use: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  onApplicationShutdown(): void {
    this.lock?.release();
    this.lock = null;
  }
}
