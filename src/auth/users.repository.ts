import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
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

  async insert(user: User): Promise<User> {
    await this.users.insert(asRow(user));
    return user;
  }

  async update(id: string, changes: Partial<Pick<User, 'passwordHash' | 'role' | 'displayName' | 'leaderId' | 'active'>>): Promise<void> {
    await this.users.update({ id }, changes);
  }
}
