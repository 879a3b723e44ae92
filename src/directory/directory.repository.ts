import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, LessThan, MoreThan, type Repository } from 'typeorm';
import { asRow, asRows } from '../database/rows.js';
import { Deputy } from './deputy.entity.js';
import { LeaderBusyBlock } from './leader-busy-block.entity.js';
import { Leader } from './leader.entity.js';
import { Room } from './room.entity.js';
import { Unit } from './unit.entity.js';

@Injectable()
export class DirectoryRepository {
  constructor(
    @InjectRepository(Unit) private readonly units: Repository<Unit>,
    @InjectRepository(Leader) private readonly leaders: Repository<Leader>,
    @InjectRepository(LeaderBusyBlock) private readonly busy: Repository<LeaderBusyBlock>,
    @InjectRepository(Deputy) private readonly deputies: Repository<Deputy>,
    @InjectRepository(Room) private readonly rooms: Repository<Room>,
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
  /** Inserts one unit inside the caller's transaction (with its audit entry). */
  async insertUnit(em: EntityManager, unit: Unit): Promise<void> {
    await em.insert(Unit, asRow(unit));
  }
  async updateUnit(em: EntityManager, id: string, changes: Partial<Unit>): Promise<void> {
    await em.update(Unit, { id }, changes);
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
  async insertLeaders(leaders: Leader[], em: EntityManager = this.leaders.manager): Promise<void> {
    if (leaders.length) await em.insert(Leader, asRows(leaders));
  }
  async updateLeader(em: EntityManager, id: string, changes: Partial<Leader>): Promise<void> {
    await em.update(Leader, { id }, changes);
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
  findDeputyById(id: string): Promise<Deputy | null> {
    return this.deputies.findOneBy({ id });
  }
  async insertDeputies(deputies: Deputy[], em: EntityManager = this.deputies.manager): Promise<void> {
    if (deputies.length) await em.insert(Deputy, asRows(deputies));
  }
  async updateDeputy(em: EntityManager, id: string, changes: Partial<Deputy>): Promise<void> {
    await em.update(Deputy, { id }, changes);
  }

  listRooms(): Promise<Room[]> {
    return this.rooms.find({ order: { name: 'ASC' } });
  }
  findRoomById(id: string): Promise<Room | null> {
    return this.rooms.findOneBy({ id });
  }
  findRoomByName(name: string): Promise<Room | null> {
    return this.rooms.findOneBy({ name });
  }
  async insertRooms(rooms: Room[], em: EntityManager = this.rooms.manager): Promise<void> {
    if (rooms.length) await em.insert(Room, asRows(rooms));
  }
  async updateRoom(em: EntityManager, id: string, changes: Partial<Room>): Promise<void> {
    await em.update(Room, { id }, changes);
  }
  countRooms(): Promise<number> {
    return this.rooms.count();
  }
}
