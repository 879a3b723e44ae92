import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

const dataDir = (): string => mkdtempSync(join(tmpdir(), 'xf-config-'));

describe('loadConfig', () => {
  it('gives the embedded default with nothing set: SQLite in DATA_DIR, in-process jobs, 0600 key files', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.database).toEqual({ kind: 'sqlite', path: join(dir, 'petitions.sqlite') });
    expect(config.redisUrl).toBeNull();
    expect(config.port).toBe(3000);
    expect(config.demoData).toBe(true);
    expect(config.piiKey).toHaveLength(32);
    expect(statSync(join(dir, 'pii.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'jwt.secret')).mode & 0o777).toBe(0o600);
    // The same key is read back on the next start.
    expect(loadConfig({ DATA_DIR: dir }).piiKey.equals(config.piiKey)).toBe(true);
  });

  it('switches to MySQL/MariaDB and Bull by URL, and then requires the secrets', () => {
    const env = { DATA_DIR: dataDir(), DATABASE_URL: 'mariadb://root@127.0.0.1:3306/xf', REDIS_URL: 'redis://127.0.0.1:6379' };
    expect(() => loadConfig(env)).toThrow(/JWT_SECRET must be set/);
    expect(() => loadConfig({ ...env, JWT_SECRET: 'x'.repeat(32) })).toThrow(/PII_KEY must be set/);
    const config = loadConfig({ ...env, PII_KEY: 'ab'.repeat(32), JWT_SECRET: 'x'.repeat(32) });
    expect(config.database).toMatchObject({ kind: 'mysql', flavor: 'mariadb', url: 'mysql://root@127.0.0.1:3306/xf' });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.demoData).toBe(false);
    expect(config.adminPassword).toBeNull();
    // The OpenAPI UI is not public on a production database unless asked for.
    expect(config.apiDocs).toBe(false);
    expect(loadConfig({ ...env, PII_KEY: 'ab'.repeat(32), JWT_SECRET: 'x'.repeat(32), API_DOCS: 'true' }).apiDocs).toBe(true);
  });

  it('reads the iTIP mailbox (IMAP_URL, off by default) and its poll interval, refusing other schemes without echoing the URL', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).imap).toEqual({ url: null, pollSeconds: 60 });
    const url = 'imaps://xinfang%40renda.example.cn:s3cret@mail.example.cn:993/INBOX';
    expect(loadConfig({ DATA_DIR: dataDir(), IMAP_URL: url, IMAP_POLL_SECONDS: '120' }).imap).toEqual({ url, pollSeconds: 120 });
    let message = '';
    try {
      loadConfig({ DATA_DIR: dataDir(), IMAP_URL: 'pop3://user:s3cret@mail.example.cn' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/IMAP_URL must start with imap:\/\/ or imaps:\/\//);
    expect(message).not.toContain('s3cret');
    expect(() => loadConfig({ DATA_DIR: dataDir(), IMAP_POLL_SECONDS: '5' })).toThrow(/IMAP_POLL_SECONDS must be between 10 and 86400/);
  });

  it('refuses demo accounts (published passwords) on a shared database unless forced', () => {
    const env = { DATA_DIR: dataDir(), DATABASE_URL: 'mysql://root@127.0.0.1:3306/xf', PII_KEY: 'ab'.repeat(32), JWT_SECRET: 'x'.repeat(32) };
    expect(() => loadConfig({ ...env, DEMO_DATA: 'true' })).toThrow(/DEMO_DATA would create demo accounts with published passwords on a shared database/);
    expect(loadConfig({ ...env, DEMO_DATA: 'force' }).demoData).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir(), DEMO_DATA: 'true' }).demoData).toBe(true);
  });

  it('gives short access tokens, 12-hour sessions and a 5 s principal cache by default', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect([config.accessTokenTtlSeconds, config.sessionTtlHours, config.authCacheMs]).toEqual([900, 12, 5000]);
    expect(config.limits).toEqual({ loginFailuresPerAccount: 5, loginFailuresPerAddress: 20, requestsPerMinutePerUser: 600, requestsPerMinutePerAddress: 120 });
    expect(config.trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
  });

  it('relays the outbox every second by default; 0 means no timer (jobs run only when drained)', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).relayIntervalMs).toBe(1000);
    expect(loadConfig({ DATA_DIR: dataDir(), RELAY_INTERVAL_MS: '0' }).relayIntervalMs).toBe(0);
    expect(loadConfig({ DATA_DIR: dataDir(), RELAY_INTERVAL_MS: '10' }).relayIntervalMs).toBe(10);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be between 0 and 65535/],
    [{ DATABASE_URL: 'postgres://x/y' }, /DATABASE_URL must start with mysql:\/\/ or mariadb:\/\//],
    [{ REDIS_URL: 'not a url' }, /REDIS_URL is not a valid URL/],
    [{ PII_KEY: 'too-short' }, /PII_KEY must be 32 bytes/],
    [{ TZ_OFFICE: 'Mars/Olympus' }, /TZ_OFFICE is not a known time zone/],
    [{ DEMO_DATA: 'maybe' }, /DEMO_DATA must be true or false/],
    [{ ADMIN_PASSWORD: 'short' }, /ADMIN_PASSWORD must be a strong password: The password needs at least 12 characters/],
    [{ ADMIN_PASSWORD: 'password1234' }, /ADMIN_PASSWORD must be a strong password: This password is too common/],
    [{ ADMIN_PASSWORD: 'the-admin-password-1', ADMIN_USERNAME: 'admin' }, /ADMIN_PASSWORD must be a strong password: The password must not contain the username/],
    [{ JWT_TTL_SECONDS: '28800' }, /JWT_TTL_SECONDS was replaced by ACCESS_TOKEN_TTL_SECONDS/],
    [{ ACCESS_TOKEN_TTL_SECONDS: '28800' }, /ACCESS_TOKEN_TTL_SECONDS must be between 30 and 3600/],
    [{ TRUST_PROXY: 'everyone please' }, /TRUST_PROXY must be/],
    [{ API_DOCS: 'sometimes' }, /API_DOCS must be true or false/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ RELAY_INTERVAL_MS: '5' }, /RELAY_INTERVAL_MS must be 0 \(jobs run only when drained\) or between 10 and 600000, got 5/],
  ])('stops the boot naming the variable: %j', (env, message) => {
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: dataDir(), ...env });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
  });
});
