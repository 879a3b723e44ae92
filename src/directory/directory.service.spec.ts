import { describe, expect, it } from '@jest/globals';
import type { TransactionRunner } from '../database/transaction-runner.js';
import type { DirectoryRepository } from './directory.repository.js';
import { DirectoryService } from './directory.service.js';
import type { Unit } from './unit.entity.js';
import { sqliteUniqueViolation } from '../../test/support/sqlite-errors.js';

const unit = { code: 'RACE', name: '并发单位', kind: 'external', categories: [] } as const;

describe('directory writes that race or change nothing', () => {
  it('answers 409 UNIT_CODE_TAKEN when another admin inserted the same code between the check and the insert', async () => {
    const repo = {
      findUnitByCode: () => Promise.resolve(null),
      insertUnits: () => Promise.reject(sqliteUniqueViolation()),
    } as unknown as DirectoryRepository;
    const service = new DirectoryService(repo, {} as TransactionRunner);
    await expect(service.createUnit({ ...unit, categories: [] })).rejects.toMatchObject({ code: 'UNIT_CODE_TAKEN', status: 409 });
  });

  it('writes nothing for an empty PATCH and returns the unit as stored', async () => {
    const stored: Unit = { id: 'u1', code: 'GOV', name: '市政府', shortName: null, nameEn: null, kind: 'external', categories: [], email: null, active: true };
    const updates: unknown[] = [];
    const repo = {
      findUnitById: () => Promise.resolve(stored),
      updateUnit: (...args: unknown[]) => {
        updates.push(args);
        return Promise.resolve();
      },
    } as unknown as DirectoryRepository;
    const service = new DirectoryService(repo, {} as TransactionRunner);
    expect(await service.updateUnit('u1', {})).toEqual(stored);
    expect(await service.updateUnit('u1', { name: undefined })).toEqual(stored);
    expect(updates).toEqual([]);
  });
});
