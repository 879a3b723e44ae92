import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, LessThan, MoreThan, type Repository } from 'typeorm';
import { asRows } from '../database/rows.js';
import { Deputy } from './deputy.entity.js';
import { LeaderBusyBlock } from './leader-busy-block.entity.js';
import { Leader } from './leader.entity.js';
import { Unit } from './unit.entity.js';

@Injectable()
export class DirectoryRepository {
  constructor(
    @InjectRepository(Unit) private readonly units: Repository<Unit>,
    @InjectRepository(Leader) private readonly leaders: Repository<Leader>,
    @InjectRepository(LeaderBusyBlock) private readonly busy: Repository<LeaderBusyBlock>,
    @InjectRepository(Deputy) private readonly deputies: Repository<Deputy>,
  ) {}

  listUnits(): Promise<Unit[]> {
    return this.units.find({ order: { kind: 'ASC', code: 'ASC' } });
  }
  findUnitById(id: string): Promise<Unit | null> {
    return this.units.findOneBy({ id });
  }
  findUnitByCode(code: string): Promise<Unit | null> {
    return this.units.findOneBy({ code });
  }
  async insertUnits(units: Unit[]): Promise<void> {
    if (units.length) await this.units.insert(asRows(units));
  }
  async updateUnit(id: string, changes: Partial<Unit>): Promise<void> {
    await this.units.update({ id }, changes);
  }
  countUnits(): Promise<number> {
    return this.units.count();
  }

  listLeaders(): Promise<Leader[]> {
    return this.leaders.find({ order: { rank: 'ASC', name: 'ASC' } });
  }
  findLeaderById(id: string): Promise<Leader | null> {
    return this.leaders.findOneBy({ id });
  }
  async insertLeaders(leaders: Leader[]): Promise<void> {
    if (leaders.length) await this.leaders.insert(asRows(leaders));
  }
  async updateLeader(id: string, changes: Partial<Leader>): Promise<void> {
    await this.leaders.update({ id }, changes);
  }

  busyBlocksOf(leaderId: string, after: Date): Promise<LeaderBusyBlock[]> {
    return this.busy.find({ where: { leaderId, endAt: MoreThan(after) }, order: { startAt: 'ASC' } });
  }
  busyOverlapping(from: Date, to: Date): Promise<LeaderBusyBlock[]> {
    return this.busy.find({ where: { startAt: LessThan(to), endAt: MoreThan(from) }, order: { startAt: 'ASC' } });
  }

  /**
   * Replaces all of a leader's busy blocks inside the caller's transaction. On MySQL/MariaDB the leader's
   * row is locked first: concurrent replacements for one leader then run one after the other instead of
   * taking gap locks on the busy-block index in opposite orders (a deadlock). SQLite has one writer.
   */
  async replaceBusyBlocks(em: EntityManager, leaderId: string, blocks: LeaderBusyBlock[]): Promise<void> {
    if (em.connection.options.type !== 'better-sqlite3') {
      await em.createQueryBuilder(Leader, 'l').select('l.id').where('l.id = :leaderId', { leaderId }).setLock('pessimistic_write').getRawOne();
    }
    await em.delete(LeaderBusyBlock, { leaderId });
    if (blocks.length) await em.insert(LeaderBusyBlock, asRows(blocks));
  }

  listDeputies(): Promise<Deputy[]> {
    return this.deputies.find({ order: { profession: 'ASC', name: 'ASC' } });
  }
  async insertDeputies(deputies: Deputy[]): Promise<void> {
    if (deputies.length) await this.deputies.insert(asRows(deputies));
  }
}
