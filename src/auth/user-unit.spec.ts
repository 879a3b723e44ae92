import { unitAfterUpdate, userUnitProblem } from './user-unit.js';

describe('userUnitProblem', () => {
  it('a unit account needs an existing active unit', () => {
    expect(userUnitProblem('unit', null, undefined)?.code).toBe('USER_UNIT_REQUIRED');
    expect(userUnitProblem('unit', 'u1', null)?.code).toBe('USER_UNIT_NOT_FOUND');
    expect(userUnitProblem('unit', 'u1', false)?.code).toBe('USER_UNIT_INACTIVE');
    expect(userUnitProblem('unit', 'u1', true)).toBeNull();
  });

  it('no other role names a unit', () => {
    for (const role of ['admin', 'secretariat', 'leader', 'auditor'] as const) {
      expect(userUnitProblem(role, 'u1', true)?.code).toBe('USER_UNIT_NOT_ALLOWED');
      expect(userUnitProblem(role, 'u1', true)?.status).toBe(422);
      expect(userUnitProblem(role, null, undefined)).toBeNull();
    }
  });
});

describe('unitAfterUpdate', () => {
  it('keeps, replaces or drops the unit', () => {
    expect(unitAfterUpdate({ role: 'unit', unitId: 'u1' }, {})).toBe('u1');
    expect(unitAfterUpdate({ role: 'unit', unitId: 'u1' }, { unitId: 'u2' })).toBe('u2');
    expect(unitAfterUpdate({ role: 'unit', unitId: 'u1' }, { role: 'secretariat' })).toBeNull();
    expect(unitAfterUpdate({ role: 'secretariat', unitId: null }, { role: 'unit' })).toBeNull();
    expect(unitAfterUpdate({ role: 'secretariat', unitId: null }, { unitId: 'u1' })).toBe('u1');
  });
});
