import { describe, expect, it } from 'vitest';
import type { components } from '@/api/schema';
import { directoryNames } from './directoryNames';

const units = [{ id: 'u', code: 'GOV', name: '市人民政府', nameEn: 'City government', kind: 'external', active: true, email: null, shortName: null, categories: [], responsibilities: [] }] as components['schemas']['UnitResponse'][];
const leaders = [{ id: 'L1', name: '李明华', title: '主任', rank: 'director', active: true, email: null, maxActiveCases: 10, portfolio: [], regions: [], unitCode: null }] as components['schemas']['LeaderResponse'][];

describe('directoryNames', () => {
  it('names units and leaders, in English when asked', () => {
    expect(directoryNames(units, leaders).unit('GOV')).toBe('市人民政府');
    expect(directoryNames(units, leaders, true).unit('GOV')).toBe('City government');
    expect(directoryNames(units, leaders).leader('L1')).toBe('李明华主任');
  });

  it('falls back to the code or id, and to nothing for nothing', () => {
    const names = directoryNames([], []);
    expect(names.unit('HOUSING')).toBe('HOUSING');
    expect(names.leader('L9')).toBe('L9');
    expect(names.unit(null)).toBe('');
  });
});
