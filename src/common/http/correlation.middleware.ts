import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { containsPii, redactPii } from '../pii/masking.js';
import { requestContext } from '../logging/request-context.js';

const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * A caller's `X-Request-Id` is adopted only when it is sane and cannot carry personal data: no
 * bare digit string and no ID number or mobile anywhere in it, after a letter too. The detector
 * skips UUIDs, so the id is also checked with its dashes blanked out: a UUID-shaped id such as
 * `00000000-0000-0000-0000-a13872651234` is refused as well. Anything else gets a fresh UUID,
 * so neither the response header nor a log line ever echoes it.
 */
export function adoptableRequestId(incoming: string | undefined): incoming is string {
  if (incoming === undefined || !SAFE_ID.test(incoming) || /^\d+$/.test(incoming)) return false;
  return !containsPii(incoming) && !containsPii(incoming.replace(/-/g, '_'));
}

/**
 * The path as the access log shows it: percent-decoded (so `%E7%9A%84420302…` cannot hide an ID
 * number behind an escape that ends in a digit) and with ID numbers and mobiles masked.
 */
export function loggablePath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape: mask what is there, undecoded.
  }
  return redactPii(decoded);
}

/** Gives every request a correlation id (from `X-Request-Id` when sane) and its language, for logs and errors. */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const correlationId = adoptableRequestId(incoming) ? incoming : randomUUID();
  const language = /^en\b/i.test(req.header('accept-language') ?? '') ? 'en' : 'zh';
  res.setHeader('X-Request-Id', correlationId);
  const started = process.hrtime.bigint();
  requestContext.run({ correlationId, language }, () => {
    // One access line per request: the path without its query (a search may hold a name), status, time.
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      requestContext.run({ correlationId, language }, () => access.log(`${req.method} ${loggablePath(req.path)} ${res.statusCode} ${ms.toFixed(1)}ms`));
    });
    next();
  });
}

const access = new Logger('HTTP');
