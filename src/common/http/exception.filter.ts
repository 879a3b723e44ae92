import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, type LocalizedMessage } from '../errors.js';
import { errorBody } from './error-body.js';

const HTTP_DEFAULTS: Record<number, { code: string; messages: LocalizedMessage }> = {
  400: { code: 'BAD_REQUEST', messages: { zh: '请求内容有误。', en: 'The request is not valid.' } },
  401: { code: 'UNAUTHENTICATED', messages: { zh: '请先登录。', en: 'Please sign in first.' } },
  403: { code: 'FORBIDDEN', messages: { zh: '您没有权限进行此操作。', en: 'You are not allowed to do this.' } },
  404: { code: 'ROUTE_NOT_FOUND', messages: { zh: '请求的地址不存在。', en: 'No such address.' } },
  405: { code: 'METHOD_NOT_ALLOWED', messages: { zh: '不支持该请求方法。', en: 'Method not allowed.' } },
  413: { code: 'PAYLOAD_TOO_LARGE', messages: { zh: '提交的内容过大。', en: 'The request body is too large.' } },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', messages: { zh: '请以 JSON 格式提交。', en: 'Please send JSON.' } },
  429: { code: 'TOO_MANY_REQUESTS', messages: { zh: '请求过于频繁，请稍后再试。', en: 'Too many requests; try again later.' } },
};

const INTERNAL: LocalizedMessage = {
  zh: '系统内部错误，请稍后重试；如仍失败，请把编号告知管理员。',
  en: 'Internal error; please retry, and give the correlation id to an administrator if it persists.',
};

/** Maps domain errors and framework exceptions to `{statusCode, code, message, details}`; hides internals. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    // A route may have declared another type (e.g. text/calendar) for its success: errors are always JSON.
    res.removeHeader('Content-Disposition');
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    if (exception instanceof DomainError) {
      for (const [name, value] of Object.entries(exception.headers)) res.setHeader(name, value);
      res.status(exception.status).json(errorBody(exception.status, exception.code, exception.messages, exception.details));
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const known = HTTP_DEFAULTS[status];
      if (known) {
        res.status(status).json(errorBody(status, known.code, known.messages));
        return;
      }
    }
    this.logger.error(exception instanceof Error ? exception : String(exception));
    res.status(500).json(errorBody(500, 'INTERNAL_ERROR', INTERNAL));
  }
}
