import type { IncomingMessage } from 'node:http';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { LocalizedMessage } from '../errors.js';
import { errorBody } from './error-body.js';
import { findInputProblem, type InputProblem } from './input-hygiene.js';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth.js';

type ErrorHandler = (err: unknown, req: Request, res: Response, next: NextFunction) => void;

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const send = (res: Response, status: number, code: string, messages: LocalizedMessage, details?: unknown): void => {
  res.status(status).json(errorBody(status, code, messages, details));
};

const unsupportedMediaType = (res: Response): void =>
  send(res, 415, 'UNSUPPORTED_MEDIA_TYPE', {
    zh: '请以 UTF-8 编码的 JSON 提交（Content-Type: application/json）。',
    en: 'Please send UTF-8 JSON (Content-Type: application/json).',
  });

const hasBody = (req: IncomingMessage): boolean =>
  req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

/**
 * A request that carries a body must carry JSON in UTF-8: text, forms and multipart are refused with a 415
 * here instead of reaching validation as an empty object. (The depth scan below reads bytes as UTF-8.)
 * The one exception: `multipart/form-data` POSTed to an upload route (`multipartRoutes`, matched on the
 * path), which Nest's FileInterceptor reads with its own limits.
 */
const requireJson = (multipartRoutes: readonly RegExp[]) => (req: Request, res: Response, next: NextFunction): void => {
  if (!METHODS_WITH_BODY.has(req.method) || !hasBody(req)) return next();
  const [type, ...params] = (req.headers['content-type'] ?? '').toLowerCase().split(';');
  if (req.method === 'POST' && type.trim() === 'multipart/form-data' && multipartRoutes.some((route) => route.test(req.path))) return next();
  const charset = params.map((p) => p.trim()).find((p) => p.startsWith('charset='));
  const charsetValue = charset?.slice('charset='.length).replace(/"/g, '').trim();
  if (type.trim() !== 'application/json' || (charsetValue !== undefined && charsetValue !== 'utf-8' && charsetValue !== 'utf8')) {
    return unsupportedMediaType(res);
  }
  next();
};

class JsonTooDeepError extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';
}

/** Runs on the raw bytes before `JSON.parse`: a body nested past the limit costs one short scan, not a parse. */
function verifyDepth(_req: IncomingMessage, _res: unknown, body: Buffer): void {
  if (exceedsJsonDepth(body, MAX_JSON_DEPTH)) throw new JsonTooDeepError('JSON nested too deeply');
}

const where = (p: InputProblem): LocalizedMessage =>
  p.path === '(body)' ? { zh: '提交的内容', en: 'The request' } : { zh: `“${p.path}”`, en: `"${p.path}"` };

const PROBLEM_MESSAGES = {
  'lone-surrogate': (p: InputProblem): LocalizedMessage => ({
    zh: `${where(p).zh}含有无效字符（不成对的 UTF-16 代理项），请删除后重新提交。`,
    en: `${where(p).en} contains an invalid character (an unpaired UTF-16 surrogate).`,
  }),
  // The key is one of the three prototype names, never text the caller chose.
  'forbidden-key': (p: InputProblem): LocalizedMessage => {
    const key = p.kind === 'forbidden-key' ? p.key : '';
    return { zh: `不允许的字段名“${key}”。`, en: `The field name "${key}" is not allowed.` };
  },
};

const PROBLEM_CODES = { 'lone-surrogate': 'INVALID_TEXT', 'forbidden-key': 'FORBIDDEN_KEY' } as const;

/** Every parsed body and query: well-formed text and no prototype keys (see input-hygiene.ts). */
function checkInput(req: Request, res: Response, next: NextFunction): void {
  const problem = findInputProblem(req.body) ?? findInputProblem(req.query);
  if (!problem) return next();
  send(res, 400, PROBLEM_CODES[problem.kind], PROBLEM_MESSAGES[problem.kind](problem), { field: problem.path });
}

/**
 * JSON bodies up to `limit` and `MAX_JSON_DEPTH` levels; a body that is not JSON, malformed, oversized,
 * too deep, or carrying broken text or prototype keys gets a 4xx in the API's error shape, not Express's page.
 */
export function jsonBody(limit: string, multipartRoutes: readonly RegExp[] = []): [RequestHandler, RequestHandler, ErrorHandler, RequestHandler] {
  return [
    requireJson(multipartRoutes),
    express.json({ limit, verify: verifyDepth }),
    (err, _req, res, next) => {
      const { type, status } = err as { type?: unknown; status?: unknown };
      if (type === 'entity.too.deep') {
        send(res, 400, 'JSON_TOO_DEEP', {
          zh: `提交的内容嵌套过深（最多 ${MAX_JSON_DEPTH} 层）。`,
          en: `The request body is nested too deeply (at most ${MAX_JSON_DEPTH} levels).`,
        });
      } else if (type === 'entity.parse.failed') {
        send(res, 400, 'MALFORMED_JSON', { zh: '提交的内容不是有效的 JSON。', en: 'The request body is not valid JSON.' });
      } else if (type === 'entity.too.large') {
        send(res, 413, 'PAYLOAD_TOO_LARGE', { zh: `提交的内容过大（上限 ${limit}）。`, en: `The request body is too large (limit ${limit}).` });
      } else if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
        unsupportedMediaType(res);
      } else if (typeof status === 'number' && status >= 400 && status < 500) {
        // Aborted, truncated or badly compressed bodies: the client's fault, never a 500.
        send(res, 400, 'MALFORMED_BODY', { zh: '提交的内容不完整或无法读取。', en: 'The request body is incomplete or unreadable.' });
      } else {
        next(err);
      }
    },
    checkInput,
  ];
}
