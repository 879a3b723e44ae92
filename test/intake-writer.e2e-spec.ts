import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { CaseEvent } from '../src/cases/case-event.entity.js';
import type { PetitionCase } from '../src/cases/case.entity.js';
import { CaseRepository } from '../src/cases/case.repository.js';
import { IntakeWriter, type IntakeWrite } from '../src/cases/intake-writer.js';
import { isUniqueViolation } from '../src/database/transaction-runner.js';
import { countRows, registerCase } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';

/**
 * The group commit behind POST /cases, on the real database: registrations that arrive while a
 * transaction writes share the next one, codes stay gap-free, and one bad registration fails alone.
 */
describe('IntakeWriter (group commit of registrations)', () => {
  const t = useTestApp();
  let writer: IntakeWriter;
  let template: PetitionCase;

  beforeAll(async () => {
    writer = t.app.get(IntakeWriter);
    const secretary = await t.token('secretary');
    const first = await registerCase<{ id: string; code: string }>(t, secretary);
    expect(first.code).toBe('XF-2026-000001');
    template = (await t.app.get(CaseRepository).findById(first.id)) as PetitionCase;
  });

  const registration = (subject: string, scopedKey?: string): IntakeWrite => {
    const { code: _code, ...rest } = template;
    const draft = { ...rest, id: randomUUID(), subject };
    return {
      year: 2026,
      draft,
      event: (stored: PetitionCase): CaseEvent => ({
        id: randomUUID(),
        caseId: stored.id,
        at: stored.registeredAt,
        caseVersion: 1,
        action: 'register',
        fromStatus: null,
        toStatus: 'registered',
        actorId: stored.createdBy,
        actorName: '张秘书',
        actorRole: 'secretariat',
        reason: null,
        data: { code: stored.code },
      }),
      idempotencyKey: scopedKey ? { scopedKey, requestHash: 'h', caseId: draft.id, createdAt: draft.registeredAt } : null,
    };
  };

  const storedCodes = async (ids: string[]): Promise<string[]> => {
    const rows: { code: string }[] = await t.dataSource.query(`SELECT code FROM cases WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY code`, ids);
    return rows.map((r) => r.code);
  };

  it('writes the registrations queued behind a running transaction in one more transaction, in order, gap-free', async () => {
    // The counter is reserved once per transaction of the writer (other work in the app also uses tx.run).
    const reservations = jest.spyOn(t.app.get(CaseRepository), 'reserveSequence');
    try {
      const writes = Array.from({ length: 30 }, (_, i) => registration(`批量 ${i}`));
      const stored = await Promise.all(writes.map((w) => writer.write(w)));
      // The first is written at once (nothing waits at low load); the other 29 queued behind it.
      expect(reservations.mock.calls.map(([, year, count]) => [year, count])).toEqual([
        [2026, 1],
        [2026, 29],
      ]);
      expect(stored.map((c) => c.code)).toEqual(Array.from({ length: 30 }, (_, i) => `XF-2026-${String(i + 2).padStart(6, '0')}`));
      expect(stored.map((c) => c.id)).toEqual(writes.map((w) => w.draft.id));
      expect(await storedCodes(stored.map((c) => c.id))).toEqual(stored.map((c) => c.code));
      const events: { n: number | string }[] = await t.dataSource.query(
        `SELECT COUNT(*) AS n FROM case_events WHERE action = 'register' AND caseId IN (${stored.map(() => '?').join(', ')})`,
        stored.map((c) => c.id),
      );
      expect(Number(events[0].n)).toBe(30);
    } finally {
      reservations.mockRestore();
    }
  });

  it('fails only the registration whose idempotency key is taken; the others keep consecutive codes', async () => {
    const taken = `${template.createdBy}:taken-key`;
    const keeper = await writer.write(registration('先到', taken));
    const casesBefore = await countRows(t, 'cases');
    const writes = [registration('甲'), registration('乙'), registration('重复', taken), registration('丙'), registration('丁')];
    const outcomes = await Promise.allSettled(writes.map((w) => writer.write(w)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const rejected = outcomes[2] as PromiseRejectedResult;
    expect(isUniqueViolation(rejected.reason)).toBe(true);
    const next = Number(keeper.code.slice(-6)) + 1;
    const codes = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.code] : []));
    expect(codes).toEqual([0, 1, 2, 3].map((i) => `XF-2026-${String(next + i).padStart(6, '0')}`));
    expect(await countRows(t, 'cases')).toBe(casesBefore + 4);
    const counter: { lastSeq: number | string }[] = await t.dataSource.query('SELECT lastSeq FROM case_counters WHERE year = 2026');
    expect(Number(counter[0].lastSeq)).toBe(next + 3);
  });

  it('rolls a failed batch back completely before retrying each registration alone', async () => {
    const casesBefore = await countRows(t, 'cases');
    const eventsBefore = await countRows(t, 'case_events');
    const broken = registration('坏数据');
    (broken.draft as { subject: string | null }).subject = null; // NOT NULL column: the INSERT fails
    const writes = [registration('一'), registration('二'), broken, registration('三')];
    const outcomes = await Promise.allSettled(writes.map((w) => writer.write(w)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await countRows(t, 'cases')).toBe(casesBefore + 3);
    expect(await countRows(t, 'case_events')).toBe(eventsBefore + 3);
    const codes = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [Number(o.value.code.slice(-6))] : []));
    expect(codes[1] - codes[0]).toBe(1);
    expect(codes[2] - codes[1]).toBe(1);
    const counter: { lastSeq: number | string }[] = await t.dataSource.query('SELECT lastSeq FROM case_counters WHERE year = 2026');
    expect(Number(counter[0].lastSeq)).toBe(codes[2]);
  });
});
