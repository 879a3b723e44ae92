import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';

export const CONSOLE_PATH = '/console';

/** Hashed build assets never change under their name; index.html must be revalidated on every visit. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';
const PAGE_CACHE = 'no-cache';

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>控制台尚未构建</title>
<p>控制台尚未构建：请运行 <code>npm run build:web</code>（<code>npm start</code> 会自动构建）。</p>
<p lang="en">The console is not built yet: run <code>npm run build:web</code> (<code>npm start</code> builds it).</p></html>`;

/**
 * The web console (web/, built by Vite into `dir`) at /console: its files, and index.html for every other
 * path under it (the console's router decides the page). The page carries the office's time zone so
 * times read as the office's clock whatever the browser's zone. `/` leads there.
 */
export function consoleRouter(dir: string, officeTimeZone: string): Router {
  const router = express.Router();
  const indexFile = join(dir, 'index.html');
  let page: string | null = null;
  const indexPage = (): string | null => {
    if (page === null && existsSync(indexFile)) page = withTimeZone(readFileSync(indexFile, 'utf8'), officeTimeZone);
    return page;
  };

  router.get('/', (_req, res) => res.redirect(302, `${CONSOLE_PATH}/`));
  router.use(
    CONSOLE_PATH,
    express.static(dir, {
      index: false,
      redirect: false,
      fallthrough: true,
      setHeaders: (res) => res.setHeader('Cache-Control', ASSET_CACHE),
    }),
  );
  router.get([CONSOLE_PATH, `${CONSOLE_PATH}/*path`], (req: Request, res: Response, next: NextFunction) => {
    if (/\.[a-z0-9]+$/i.test(req.path) && req.path.includes('/assets/')) return next();
    const html = indexPage();
    res.setHeader('Cache-Control', PAGE_CACHE);
    res.type('html');
    if (html === null) return void res.status(503).send(NOT_BUILT);
    res.send(html);
  });
  return router;
}

export function withTimeZone(html: string, timeZone: string): string {
  const safe = timeZone.replace(/[^A-Za-z0-9_+\-/]/g, '');
  return html.replace(/<meta name="office-time-zone" content="[^"]*"\s*\/?>/, `<meta name="office-time-zone" content="${safe}" />`);
}
