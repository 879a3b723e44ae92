import type { LocalizedMessage } from '../errors.js';
import { currentCorrelationId, requestContext } from '../logging/request-context.js';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  correlationId?: string;
}

/** The one error shape of the API, in the caller's language (Chinese unless `Accept-Language: en`). */
export function errorBody(statusCode: number, code: string, messages: LocalizedMessage, details?: unknown): ErrorBody {
  const language = requestContext.getStore()?.language ?? 'zh';
  const body: ErrorBody = { statusCode, code, message: language === 'en' ? messages.en : messages.zh };
  if (details !== undefined) body.details = details;
  const correlationId = currentCorrelationId();
  if (correlationId) body.correlationId = correlationId;
  return body;
}
