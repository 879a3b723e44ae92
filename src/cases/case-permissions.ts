import type { Actor, Role } from '../domain/actor.js';
import type { PetitionCase } from './case.entity.js';
import { CaseErrors } from './case.errors.js';
import type { DomainError } from '../common/errors.js';
import { ACTION_LABELS_ZH, actionsAllowedInState, CASE_ACTIONS, type ActionStateFacts, type CaseAction } from './lifecycle.js';

/** Who may request lifecycle actions (`POST /cases/:id/actions`): the route's roles (each limited to its actions below). */
export const CASE_ACTION_ROLES: readonly Role[] = ['admin', 'secretariat', 'unit'];

/** Who may read cases (ledger, case, timeline): every role, each within its scope (`CaseAccess`): said explicitly, as a unit is denied by default. */
export const CASE_READER_ROLES: readonly Role[] = ['admin', 'secretariat', 'leader', 'auditor', 'unit'];

/** Who may record a conversion (四个转化, `POST /cases/:id/conversions`); a case in any status may be converted. */
export const CONVERSION_ROLES: readonly Role[] = ['admin', 'secretariat'];

/** A handling unit's own steps (部门联动): sign, ask, ask for the one extension, answer. */
export const UNIT_ACTIONS: readonly CaseAction[] = ['sign', 'ask', 'request-extension', 'reply'];
/** The unit's requests the office does not make itself. */
const UNIT_ONLY_ACTIONS: readonly CaseAction[] = ['ask', 'request-extension'];
/** The office (admins, secretariat): every action but the unit's own requests (it answers and decides them). */
export const OFFICE_ACTIONS: readonly CaseAction[] = CASE_ACTIONS.filter((a) => !UNIT_ONLY_ACTIONS.includes(a));

/** The actions each role may request, decided for every role (a new role must choose). */
const ACTIONS_BY_ROLE: Readonly<Record<Role, readonly CaseAction[]>> = {
  admin: OFFICE_ACTIONS,
  secretariat: OFFICE_ACTIONS,
  leader: [],
  auditor: [],
  unit: UNIT_ACTIONS,
};

type Requester = Pick<Actor, 'role' | 'unitCode'>;
/** What the permission needs of the case: its state, and whose it is. */
export type PermissionFacts = ActionStateFacts & Pick<PetitionCase, 'routeHandledBy' | 'routedAt'>;

/** Whether a unit account sees the case: routed (or transferred) to its unit, which still handles it. */
export function unitSees(c: Pick<PetitionCase, 'routeHandledBy' | 'routedAt'>, actor: Pick<Actor, 'unitCode'>): boolean {
  return actor.unitCode !== null && c.routedAt !== null && c.routeHandledBy === actor.unitCode;
}

/** A unit acts only on the cases it sees (its own): on another's it may do nothing. */
function actsOn(actor: Requester, c: Pick<PetitionCase, 'routeHandledBy' | 'routedAt'>): boolean {
  return actor.role !== 'unit' || unitSees(c, actor);
}

/**
 * Why this actor may not request this action on this case (before the state machine's own refusals):
 * 404 CASE_NOT_FOUND for a unit on a case not its own (as if missing), 403 CASE_ACTION_NOT_ALLOWED for an
 * action outside the role's; null when the role may.
 */
export function actionRoleRefusal(actor: Requester, action: CaseAction, c: Pick<PetitionCase, 'routeHandledBy' | 'routedAt'>): DomainError | null {
  if (!actsOn(actor, c)) return CaseErrors.notFound();
  return ACTIONS_BY_ROLE[actor.role].includes(action) ? null : CaseErrors.actionNotAllowed(action, ACTION_LABELS_ZH[action]);
}

/**
 * The actions this actor may request on this case now: the actions of its role (a unit's on its own
 * cases only), the state machine's transitions from the case's status, and every refusal of its state
 * (one extension, one pending request, one feedback per reply, …). The console shows exactly these as
 * buttons and never works them out itself.
 */
export function allowedActionsFor(actor: Requester, state: PermissionFacts): CaseAction[] {
  if (!actsOn(actor, state)) return [];
  const mine = ACTIONS_BY_ROLE[actor.role];
  return actionsAllowedInState(state).filter((action) => mine.includes(action));
}

/** Whether this actor may convert the case (any status). */
export function canConvert(actor: Pick<Actor, 'role'>): boolean {
  return CONVERSION_ROLES.includes(actor.role);
}
