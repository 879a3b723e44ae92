import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Clock } from '../common/clock.js';
import { notFound } from '../common/errors.js';
import type { TokenClaims } from './access.guard.js';
import { AuthErrors } from './auth.errors.js';
import type { CreateUserDto, UpdateUserDto } from './dto/auth.dto.js';
import { hashPassword, verifyPassword } from './password.js';
import type { Role, User } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  leaderId: string | null;
  active: boolean;
}

const toView = (u: User): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  leaderId: u.leaderId,
  active: u.active,
});

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
  ) {}

  async login(username: string, password: string): Promise<{ accessToken: string; user: UserView }> {
    const user = await this.users.findByUsername(username);
    // Verify against a dummy hash when the user is unknown, so timing does not reveal which usernames exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) throw AuthErrors.badCredentials();
    const claims: TokenClaims = { sub: user.id, username: user.username, name: user.displayName, role: user.role, leaderId: user.leaderId };
    return { accessToken: await this.jwt.signAsync(claims), user: toView(user) };
  }

  async createUser(input: CreateUserDto): Promise<UserView> {
    if (await this.users.findByUsername(input.username)) throw AuthErrors.usernameTaken(input.username);
    const user = await this.users.insert({
      id: randomUUID(),
      username: input.username,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      displayName: input.displayName,
      leaderId: input.leaderId ?? null,
      active: true,
      createdAt: this.clock.now(),
    });
    return toView(user);
  }

  async updateUser(id: string, input: UpdateUserDto): Promise<UserView> {
    const user = await this.users.findById(id);
    if (!user) throw notFound('USER_NOT_FOUND', { zh: '找不到该用户。', en: 'No such user.' });
    await this.users.update(id, {
      ...(input.password !== undefined && { passwordHash: await hashPassword(input.password) }),
      ...(input.role !== undefined && { role: input.role }),
      ...(input.displayName !== undefined && { displayName: input.displayName }),
      ...(input.active !== undefined && { active: input.active }),
    });
    return toView({ ...user, ...input, passwordHash: user.passwordHash });
  }

  async listUsers(): Promise<UserView[]> {
    return (await this.users.list()).map(toView);
  }

  /** Creates the user unless the username exists; used by seeding. */
  async ensureUser(input: CreateUserDto): Promise<void> {
    if (!(await this.users.findByUsername(input.username))) await this.createUser(input);
  }
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
