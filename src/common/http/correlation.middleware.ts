import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { containsPii } from '../pii/masking.js';
import { requestContext } from '../logging/request-context.js';

const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Gives every request a correlation id (from `X-Request-Id` when sane) and its language, for logs and errors. */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  // A caller's id is kept only when it is sane and cannot carry personal data (an ID number or a phone).
  const correlationId = incoming && SAFE_ID.test(incoming) && !containsPii(incoming) && !/^\d+$/.test(incoming) ? incoming : randomUUID();
  const language = /^en\b/i.test(req.header('accept-language') ?? '') ? 'en' : 'zh';
  res.setHeader('X-Request-Id', correlationId);
  const started = process.hrtime.bigint();
  requestContext.run({ correlationId, language }, () => {
    // One access line per request: the path without its query (a search may hold a name), status, time.
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      requestContext.run({ correlationId, language }, () => access.log(`${req.method} ${req.path} ${res.statusCode} ${ms.toFixed(1)}ms`));
    });
    next();
  });
}

const access = new Logger('HTTP');
