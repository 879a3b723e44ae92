import type { DomainError } from '../common/errors.js';
import type { Role } from '../domain/actor.js';
import { AuthErrors } from './auth.errors.js';

/**
 * The rule linking an account to a handling unit: a `unit` account names exactly one unit, which exists
 * and is active; no other role names one. `unitActive`: the named unit's state (null: no such unit;
 * undefined: not looked up because none is named). Returns the 422 to throw, or null.
 */
export function userUnitProblem(role: Role, unitId: string | null, unitActive: boolean | null | undefined): DomainError | null {
  if (role !== 'unit') return unitId === null ? null : AuthErrors.unitNotAllowed();
  if (unitId === null) return AuthErrors.unitRequired();
  if (unitActive === null || unitActive === undefined) return AuthErrors.unitNotFound();
  return unitActive ? null : AuthErrors.unitInactive();
}

/** The unit an account will have after an update: the one given, else none when it stops being a unit account, else its current one. */
export function unitAfterUpdate(current: { role: Role; unitId: string | null }, input: { role?: Role; unitId?: string | null }): string | null {
  if (input.unitId !== undefined) return input.unitId;
  const role = input.role ?? current.role;
  return role === 'unit' ? current.unitId : null;
}
