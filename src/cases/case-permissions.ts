import type { Actor, Role } from '../domain/actor.js';
import { actionsAllowedInState, type ActionStateFacts, type CaseAction } from './lifecycle.js';

/** Who may request lifecycle actions (`POST /cases/:id/actions`): the route's roles. */
export const CASE_ACTION_ROLES: readonly Role[] = ['admin', 'secretariat'];

/** Who may record a conversion (四个转化, `POST /cases/:id/conversions`); a case in any status may be converted. */
export const CONVERSION_ROLES: readonly Role[] = ['admin', 'secretariat'];

/**
 * The actions this actor may request on this case now: the role the actions route asks for, the state
 * machine's transitions from the case's status, and every refusal of its state (one extension, one
 * feedback per reply, …). The console shows exactly these as buttons and never works them out itself.
 */
export function allowedActionsFor(actor: Pick<Actor, 'role'>, state: ActionStateFacts): CaseAction[] {
  return CASE_ACTION_ROLES.includes(actor.role) ? actionsAllowedInState(state) : [];
}

/** Whether this actor may convert the case (any status). */
export function canConvert(actor: Pick<Actor, 'role'>): boolean {
  return CONVERSION_ROLES.includes(actor.role);
}
