import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MailMessage } from '../src/common/mail/mailer.js';
import { Mailer } from '../src/common/mail/mailer.js';
import { OutboxJob } from '../src/jobs/outbox-job.entity.js';
import { bearer, caseBody } from './support/factories.js';
import { TEST_MODE, useTestApp } from './support/test-app.js';

/**
 * A mailer that fails the first `failures` sends of digests (an SMTP outage), then records what it sends. Only the
 * digests are counted here: the notices a route or urge sends the unit (`unit-notice` jobs, message id
 * `<unit-notice-…>`, docs/letters.md) are sent and kept apart in `notices`.
 */
class FlakyMailer {
  readonly from = 'test@example.cn';
  readonly sent: MailMessage[] = [];
  readonly notices: MailMessage[] = [];
  attempts = 0;
  constructor(private failures: number) {}
  send(message: MailMessage): Promise<void> {
    if (String(message.messageId ?? '').startsWith('<unit-notice-')) {
      this.notices.push(message);
      return Promise.resolve();
    }
    this.attempts++;
    if (this.failures > 0) {
      this.failures--;
      return Promise.reject(new Error('SMTP 421 service not available'));
    }
    this.sent.push(message);
    return Promise.resolve();
  }
}

type OutboxRow = { name: string; status: string; attempts: number; lastError: string | null };

describe('the outbox: the database is the source of truth for pending work', () => {
  let secretary: string;
  const mailer = new FlakyMailer(1);
  const t = useTestApp({ overrides: [{ provide: Mailer, useValue: mailer }] });

  beforeAll(async () => {
    secretary = await t.token('secretary');
    await t.relay.drain();
  });

  const urgedCase = async (category = 'legislation'): Promise<void> => {
    const { body } = await t.http.post('/cases').set(bearer(secretary)).send(caseBody({ category: category as never })).expect(201);
    for (const action of [{ action: 'accept' }, { action: 'route' }, { action: 'urge', note: '请尽快办理' }]) {
      await t.http.post(`/cases/${body.id}/actions`).set(bearer(secretary)).send(action).expect(200);
    }
  };
  const reminders = (): Promise<OutboxRow[]> =>
    t.dataSource.query("SELECT name, status, attempts, lastError FROM outbox_jobs WHERE name = 'due-soon-reminder' ORDER BY createdAt");

  it('keeps a job whose e-mail failed as pending, retries it after the backoff, and sends it once', async () => {
    await urgedCase();
    await t.relay.drain(); // the unit's notices of the route and the urge
    expect(mailer.notices.map((m) => m.to)).toEqual([expect.objectContaining({ address: 'fagongwei@renda.example.cn' }), expect.objectContaining({ address: 'fagongwei@renda.example.cn' })]);
    await t.http.post('/jobs/deadline-sweep').set(bearer(secretary)).expect(202);
    await t.relay.drain();
    expect(await reminders()).toEqual([{ name: 'due-soon-reminder', status: 'pending', attempts: 1, lastError: 'SMTP 421 service not available' }]);
    expect(mailer.sent).toHaveLength(0);

    t.clock.advanceMs(4_000); // backoff after the first failure is 5 s
    await t.relay.drain();
    expect((await reminders())[0].status).toBe('pending');

    t.clock.advanceMs(2_000);
    await t.relay.drain();
    expect((await reminders())[0]).toMatchObject({ status: 'done', attempts: 2, lastError: null });
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0].to).toBe('fagongwei@renda.example.cn');
    expect(mailer.attempts).toBe(2);
  });

  it('re-runs a job whose worker died mid-way once its lease has run out', async () => {
    const now = t.clock.now();
    await t.dataSource.getRepository(OutboxJob).insert({
      id: '0b5c9d7e-1111-4a4a-8c8c-000000000001',
      name: 'deadline-sweep',
      payload: { requestedBy: 'test' },
      dedupeKey: null,
      status: 'running',
      attempts: 1,
      maxAttempts: 8,
      runAt: now,
      lockedBy: 'dead-worker',
      lockedUntil: new Date(now.getTime() + 60_000),
      lastError: null,
      createdAt: now,
      finishedAt: null,
    });
    await t.relay.drain();
    let row: OutboxRow[] = await t.dataSource.query("SELECT name, status, attempts, lastError FROM outbox_jobs WHERE id = '0b5c9d7e-1111-4a4a-8c8c-000000000001'");
    expect(row[0].status).toBe('running'); // the lease still holds: nobody else may take it

    t.clock.advanceMs(61_000);
    await t.relay.drain();
    row = await t.dataSource.query("SELECT name, status, attempts, lastError FROM outbox_jobs WHERE id = '0b5c9d7e-1111-4a4a-8c8c-000000000001'");
    expect(row[0]).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('answers 404 JOB_NOT_FOUND for a job it does not know', async () => {
    const res = await t.http.get('/jobs/00000000-0000-4000-8000-000000000000').set(bearer(secretary)).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'JOB_NOT_FOUND', message: '找不到该任务。' });
  });

  it('never runs one job twice when relay passes overlap', async () => {
    const before = mailer.sent.length;
    await urgedCase('deputy-work'); // DAC
    await urgedCase('regulation-review'); // LAC again: its digest for today already went out
    await urgedCase('other'); // OFFICE
    t.clock.advanceDays(1); // a new day: new digests
    await t.http.post('/jobs/deadline-sweep').set(bearer(secretary)).expect(202);
    await Promise.all([t.relay.tick(), t.relay.tick(), t.relay.tick()]);
    await t.relay.drain();
    await Promise.all([t.relay.tick(), t.relay.tick()]);
    await t.relay.drain();
    const recipients = mailer.sent.slice(before).map((m) => m.to).sort();
    expect(recipients).toEqual(['daigongwei@renda.example.cn', 'fagongwei@renda.example.cn', 'xinfang@renda.example.cn']);
  });
});

const describeRedis = TEST_MODE.redis ? describe : describe.skip;

describeRedis('a Redis outage', () => {
  const port = 6391;
  const t = useTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
  let redis: ChildProcess | null = null;

  afterAll(() => {
    redis?.kill('SIGTERM');
  });

  it('loses no case and no job: intake goes on, jobs wait in the database and run once Redis is back', async () => {
    const secretary = await t.token('secretary');
    const created = await t.http.post('/cases').set(bearer(secretary)).send(caseBody()).expect(201);
    expect(created.body.code).toMatch(/^XF-2026-\d{6}$/);
    const health = await t.http.get('/health').expect(503);
    expect(health.body).toMatchObject({ status: 'degraded', database: { ok: true }, queue: { mode: 'bull', ok: false } });
    const job = await t.http.post('/jobs/deadline-sweep').set(bearer(secretary)).expect(202);
    await t.relay.tick();
    expect((await t.http.get(`/jobs/${job.body.id}`).set(bearer(secretary)).expect(200)).body.status).not.toBe('done');

    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    let status = '';
    while (Date.now() < deadline && status !== 'done') {
      t.clock.advanceMs(6 * 60_000); // let any lease of an attempt lost during the outage run out
      await t.relay.tick();
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = (await t.http.get(`/jobs/${job.body.id}`).set(bearer(secretary)).expect(200)).body.status;
    }
    expect(status).toBe('done');
    expect((await t.http.get('/health').expect(200)).body.queue.ok).toBe(true);
  });
});
