import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import type { AuditRepository } from '../audit/audit.repository.js';
import type { TransactionRunner } from '../database/transaction-runner.js';
import { Clock } from '../domain/clock.js';
import type { DirectoryRepository } from './directory.repository.js';
import { DirectoryService } from './directory.service.js';
import type { Unit } from './unit.entity.js';
import { sqliteUniqueViolation } from '../../test/support/sqlite-errors.js';

/** A transaction that runs the work at once, and an audit trail that keeps what it is told. */
const tx = { run: <T>(work: (em: EntityManager) => Promise<T>) => work({} as EntityManager) } as unknown as TransactionRunner;
const clock: Clock = { now: () => new Date('2026-11-26T02:00:00Z') };
function auditTrail(): { audit: AuditRepository; entries: unknown[][] } {
  const entries: unknown[][] = [];
  const audit = {
    record: (...args: unknown[]) => {
      entries.push(args);
      return Promise.resolve();
    },
  } as unknown as AuditRepository;
  return { audit, entries };
}

const unit = { code: 'RACE', name: '并发单位', kind: 'external', categories: [] } as const;

describe('directory writes that race or change nothing', () => {
  it('answers 409 UNIT_CODE_TAKEN when another admin inserted the same code between the check and the insert', async () => {
    const repo = {
      findUnitByCode: () => Promise.resolve(null),
      insertUnit: () => Promise.reject(sqliteUniqueViolation()),
    } as unknown as DirectoryRepository;
    const service = new DirectoryService(repo, tx, auditTrail().audit, clock);
    await expect(service.createUnit({ ...unit, categories: [] })).rejects.toMatchObject({ code: 'UNIT_CODE_TAKEN', status: 409 });
  });

  it('writes nothing for an empty PATCH and returns the unit as stored', async () => {
    const stored: Unit = { id: 'u1', code: 'GOV', name: '市政府', shortName: null, nameEn: null, kind: 'external', categories: [], responsibilities: [], email: null, active: true };
    const updates: unknown[] = [];
    const repo = {
      findUnitById: () => Promise.resolve(stored),
      updateUnit: (...args: unknown[]) => {
        updates.push(args);
        return Promise.resolve();
      },
    } as unknown as DirectoryRepository;
    const { audit, entries } = auditTrail();
    const service = new DirectoryService(repo, tx, audit, clock);
    expect(await service.updateUnit('u1', {})).toEqual(stored);
    expect(await service.updateUnit('u1', { name: undefined })).toEqual(stored);
    expect(await service.updateUnit('u1', { name: '市政府' })).toEqual(stored);
    expect(updates).toEqual([]);
    expect(entries).toEqual([]);
  });

  it('audits a change with the fields it changed, in the same transaction', async () => {
    const stored: Unit = { id: 'u1', code: 'GOV', name: '市政府', shortName: null, nameEn: null, kind: 'external', categories: [], responsibilities: [], email: null, active: true };
    const em = { marker: 'the transaction' } as unknown as EntityManager;
    const repo = { findUnitById: () => Promise.resolve(stored), updateUnit: () => Promise.resolve() } as unknown as DirectoryRepository;
    const inTx = { run: <T>(work: (m: EntityManager) => Promise<T>) => work(em) } as unknown as TransactionRunner;
    const { audit, entries } = auditTrail();
    const actor = { id: 'a1', username: 'admin', displayName: '管理员', role: 'admin' as const, leaderId: null, unitId: null, unitCode: null };
    await new DirectoryService(repo, inTx, audit, clock).updateUnit('u1', { active: false, responsibilities: ['受理登记'] }, actor);
    expect(entries).toEqual([
      [
        em,
        actor,
        'directory.unit.update',
        { type: 'unit', id: 'u1' },
        { code: 'GOV', name: '市政府', changes: [{ field: 'active', from: true, to: false }, { field: 'responsibilities', from: [], to: ['受理登记'] }] },
        clock.now(),
      ],
    ]);
  });
});
