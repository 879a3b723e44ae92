import type { User } from './user.entity.js';
import type { Role } from '../domain/actor.js';

/** A user as the API shows it (never the hash or the token version). */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  leaderId: string | null;
  /** For role `unit`: the handling unit this account belongs to. */
  unitId: string | null;
  active: boolean;
}

export const toUserView = (u: User): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  leaderId: u.leaderId,
  unitId: u.unitId,
  active: u.active,
});
