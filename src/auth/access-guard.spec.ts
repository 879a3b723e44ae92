import { ROLES } from '../domain/actor.js';
import { mayCall } from './access.guard.js';

describe('mayCall (the access guard’s role rule)', () => {
  it('denies a unit every route that does not name it, even routes open to every other role', () => {
    expect(mayCall('unit', undefined, 'GOV')).toBe(false);
    expect(mayCall('unit', ['admin', 'secretariat', 'leader', 'auditor'], 'GOV')).toBe(false);
    expect(mayCall('unit', ['admin', 'unit'], 'GOV')).toBe(true);
    // An account whose unit is gone or disabled (no code) reaches nothing.
    expect(mayCall('unit', ['unit'], null)).toBe(false);
  });

  it('keeps the other roles as before: open routes, and the roles listed', () => {
    for (const role of ROLES.filter((r) => r !== 'unit')) {
      expect(mayCall(role, undefined, null)).toBe(true);
      expect(mayCall(role, [role], null)).toBe(true);
      expect(mayCall(role, ['unit'], null)).toBe(false);
    }
  });
});
