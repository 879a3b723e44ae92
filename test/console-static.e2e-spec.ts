import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTestApp } from './support/test-app.js';

/** The console's files at /console: a page for every console path, long-cached assets, and `/` leading there. */
function builtConsole(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xf-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta name="office-time-zone" content="Asia/Shanghai" /></head><body><div id="app"></div></body></html>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("console")');
  return dir;
}

describe('the web console is served at /console', () => {
  const t = useTestApp({ env: { CONSOLE_DIR: builtConsole(), TZ_OFFICE: 'Asia/Urumqi' } });

  it('leads from / to the console', async () => {
    const res = await t.http.get('/').expect(302);
    expect(res.headers.location).toBe('/console/');
  });

  it('answers every console path with the page, carrying the office time zone, revalidated on each visit', async () => {
    for (const path of ['/console', '/console/', '/console/ledger', '/console/cases/0d6c0f0e-3d8c-4a44-9f0e-1c7c9f1f0a11', '/console/meetings/x?y=1']) {
      const res = await t.http.get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<meta name="office-time-zone" content="Asia/Urumqi" />');
    }
  });

  it('serves hashed assets for a year, and a missing asset is a 404, not the page', async () => {
    const asset = await t.http.get('/console/assets/index-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await t.http.get('/console/assets/gone-000.js').expect(404);
    expect(missing.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('leaves the API as it was', async () => {
    const res = await t.http.get('/cases').expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    const health = await t.http.get('/health').expect(200);
    expect(health.headers['cache-control']).toBe('no-store');
  });
});

describe('a console not built yet', () => {
  const t = useTestApp({ env: { CONSOLE_DIR: join(tmpdir(), 'xf-console-missing-' + process.pid) } });

  it('says how to build it instead of a blank page', async () => {
    const res = await t.http.get('/console/ledger').expect(503);
    expect(res.text).toContain('npm run build:web');
  });
});
