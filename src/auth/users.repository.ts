import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { rawBool } from '../database/raw-values.js';
import { asRow } from '../database/rows.js';
import { User } from './user.entity.js';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findByUsername(username: string): Promise<User | null> {
    return this.users.findOneBy({ username });
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  list(): Promise<User[]> {
    return this.users.find({ order: { username: 'ASC' } });
  }

  count(): Promise<number> {
    return this.users.count();
  }

  countActiveAdmins(): Promise<number> {
    return this.users.countBy({ role: 'admin', active: true });
  }

  /** Whether the unit a unit account names exists and is active (read from the directory's table; null: no such unit). */
  async unitActive(unitId: string): Promise<boolean | null> {
    const rows: { active: unknown }[] = await this.users.query('SELECT active FROM units WHERE id = ?', [unitId]);
    return rows.length === 0 ? null : rawBool(rows[0].active);
  }

  async insert(em: EntityManager, user: User): Promise<void> {
    await em.insert(User, asRow(user));
  }

  async update(em: EntityManager, id: string, changes: Partial<Pick<User, 'passwordHash' | 'role' | 'displayName' | 'leaderId' | 'unitId' | 'active' | 'tokenVersion'>>): Promise<void> {
    await em.update(User, { id }, changes);
  }
}
