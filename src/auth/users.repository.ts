import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
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

  async insert(em: EntityManager, user: User): Promise<void> {
    await em.insert(User, asRow(user));
  }

  async update(em: EntityManager, id: string, changes: Partial<Pick<User, 'passwordHash' | 'role' | 'displayName' | 'leaderId' | 'active' | 'tokenVersion'>>): Promise<void> {
    await em.update(User, { id }, changes);
  }
}
