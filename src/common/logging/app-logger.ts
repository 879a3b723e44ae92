import type { LoggerService } from '@nestjs/common';
import { redactPii } from '../pii/masking.js';
import { currentCorrelationId } from './request-context.js';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

/**
 * Structured JSON logs, one line each, with the request's correlation id.
 * Messages (and contexts, which may be stack traces) pass through `redactPii` so an ID number or
 * mobile number can never reach a log line, whatever form it was typed in (see `pii-detector.ts`).
 */
export class AppLogger implements LoggerService {
  constructor(
    private readonly level: LogLevel = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {}

  log(message: unknown, context?: string): void {
    this.emit('info', message, context);
  }
  error(message: unknown, traceOrContext?: string, context?: string): void {
    this.emit('error', message, context ?? traceOrContext);
  }
  warn(message: unknown, context?: string): void {
    this.emit('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.emit('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.emit('debug', message, context);
  }

  private emit(level: Exclude<LogLevel, 'silent'>, message: unknown, context?: string): void {
    if (LEVELS[level] < LEVELS[this.level]) return;
    const text = message instanceof Error ? `${message.name}: ${message.message}` : typeof message === 'string' ? message : JSON.stringify(message);
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, msg: redactPii(text) };
    // The context may be a stack trace (`error(message, stack)`), which repeats the message.
    if (context) entry.context = redactPii(context);
    const correlationId = currentCorrelationId();
    if (correlationId) entry.correlationId = correlationId;
    this.write(JSON.stringify(entry));
  }
}
