import { createSecretKey } from 'node:crypto';
import { Inject, Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { type Clock, SystemClock } from '../domain/clock.js';
import { CounterStore, MemoryCounterStore } from '../common/rate-limit/counter-store.js';
import { RedisCounterStore } from '../common/rate-limit/redis-counter-store.js';
import { APP_CONFIG } from '../common/tokens.js';
import { AccessGuard } from './access.guard.js';
import { AUTH_CLOCK } from './auth-clock.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';
import { RequestRateLimiter } from './request-rate-limiter.js';
import { AuthSession } from './sessions/auth-session.entity.js';
import { LocalInvalidation, PrincipalInvalidation, RedisInvalidation } from './sessions/principal-invalidation.js';
import { SessionService } from './sessions/session.service.js';
import { SessionsRepository } from './sessions/sessions.repository.js';
import { User } from './user.entity.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

/** A Redis client's error handler that says once what the outage means (ioredis reports every retry). */
function warnOnce(context: string, meaning: string): (error: Error) => void {
  const logger = new Logger(context);
  let warned = false;
  return (error) => {
    if (!warned) logger.warn(`${meaning}: ${error.message}`);
    warned = true;
  };
}

@Module({
  imports: [
    TypeOrmModule.forFeature([User, AuthSession]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to parse it as a
      // public key on every verification, which cost 10 % of the CPU of POST /cases (bench/profile-post.ts).
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        signOptions: { expiresIn: config.accessTokenTtlSeconds, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    { provide: AUTH_CLOCK, useValue: new SystemClock() },
    UsersRepository,
    SessionsRepository,
    SessionService,
    AuthService,
    UsersService,
    {
      // Shared by every instance through Redis when there is one; in-process (on the auth clock) otherwise.
      provide: CounterStore,
      inject: [APP_CONFIG, AUTH_CLOCK],
      useFactory: (config: AppConfig, clock: Clock): CounterStore => {
        if (!config.redisUrl) return new MemoryCounterStore(() => clock.now().getTime());
        return new RedisCounterStore(config.redisUrl, config.queuePrefix, warnOnce('RateLimit', 'limits fall back to this instance while Redis is unreachable'));
      },
    },
    {
      // Every instance drops a changed user's cached state at once (Redis pub/sub); embedded: one process.
      provide: PrincipalInvalidation,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): PrincipalInvalidation => {
        if (!config.redisUrl) return new LocalInvalidation();
        return new RedisInvalidation(
          config.redisUrl,
          config.queuePrefix,
          warnOnce('Auth', 'sign-out and account changes reach other instances only through their cache expiry while Redis is unreachable'),
        );
      },
    },
    {
      provide: LoginThrottle,
      inject: [CounterStore, APP_CONFIG],
      useFactory: (store: CounterStore, config: AppConfig) =>
        new LoginThrottle(store, { perAccount: config.limits.loginFailuresPerAccount, perAddress: config.limits.loginFailuresPerAddress }),
    },
    {
      provide: RequestRateLimiter,
      inject: [CounterStore, APP_CONFIG],
      useFactory: (store: CounterStore, config: AppConfig) =>
        new RequestRateLimiter(store, config.limits.requestsPerMinutePerUser, config.limits.requestsPerMinutePerAddress),
    },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UsersService],
})
export class AuthModule implements OnModuleDestroy {
  constructor(
    @Inject(CounterStore) private readonly store: CounterStore,
    @Inject(PrincipalInvalidation) private readonly invalidation: PrincipalInvalidation,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.store.close();
    await this.invalidation.close();
  }
}
