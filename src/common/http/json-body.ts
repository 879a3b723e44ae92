import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { errorBody } from './error-body.js';

/** JSON bodies up to `limit`; a malformed or oversized body gets the API's error shape, not Express's page. */
export function jsonBody(limit: string): [RequestHandler, (err: unknown, req: Request, res: Response, next: NextFunction) => void] {
  return [
    express.json({ limit }),
    (err, _req, res, next) => {
      const type = (err as { type?: unknown }).type;
      if (type === 'entity.parse.failed') {
        res.status(400).json(errorBody(400, 'MALFORMED_JSON', { zh: '提交的内容不是有效的 JSON。', en: 'The request body is not valid JSON.' }));
      } else if (type === 'entity.too.large') {
        res.status(413).json(errorBody(413, 'PAYLOAD_TOO_LARGE', { zh: `提交的内容过大（上限 ${limit}）。`, en: `The request body is too large (limit ${limit}).` }));
      } else if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
        res.status(415).json(errorBody(415, 'UNSUPPORTED_MEDIA_TYPE', { zh: '请以 UTF-8 编码的 JSON 提交。', en: 'Please send UTF-8 JSON.' }));
      } else {
        next(err);
      }
    },
  ];
}
