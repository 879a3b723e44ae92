import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { projectPath } from '../../config/paths.js';
import { fieldChanges } from '../audit/audit-changes.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { isUniqueViolation } from '../database/db-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { type Actor, SYSTEM_ACTOR } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import type { Deputy } from './deputy.entity.js';
import { DirectoryErrors } from './directory.errors.js';
import { DirectoryRepository } from './directory.repository.js';
import type {
  BusyBlockDto,
  CreateDeputyDto,
  CreateLeaderDto,
  CreateRoomDto,
  CreateUnitDto,
  UpdateDeputyDto,
  UpdateLeaderDto,
  UpdateRoomDto,
  UpdateUnitDto,
} from './dto/directory.dto.js';
import type { LeaderBusyBlock } from './leader-busy-block.entity.js';
import type { Leader } from './leader.entity.js';
import type { Room } from './room.entity.js';
import type { Unit } from './unit.entity.js';

interface LeaderSeed extends CreateLeaderDto {
  key: string;
}

/**
 * How long a unit deactivated through another service instance may still be accepted on new cases here.
 * An unknown code always goes to the database, so a unit created anywhere is usable at once.
 */
const ACTIVE_UNITS_TTL_MS = 10_000;

@Injectable()
export class DirectoryService {
  /** Active unit codes as last read: every registration checks its units, and units rarely change. */
  private activeUnits: { codes: ReadonlySet<string>; readAt: number } | null = null;

  constructor(
    private readonly repo: DirectoryRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  listUnits(): Promise<Unit[]> {
    return this.repo.listUnits();
  }

  async getUnit(id: string): Promise<Unit> {
    return (await this.repo.findUnitById(id)) ?? Promise.reject(DirectoryErrors.unitNotFound());
  }

  async createUnit(input: CreateUnitDto, actor: Actor = SYSTEM_ACTOR): Promise<Unit> {
    if (await this.repo.findUnitByCode(input.code)) throw DirectoryErrors.unitCodeTaken(input.code);
    const unit = toUnit(input);
    try {
      await this.tx.run(async (em) => {
        await this.repo.insertUnit(em, unit);
        await this.record(em, actor, 'directory.unit.create', { type: 'unit', id: unit.id }, { code: unit.code, name: unit.name, changes: fieldChanges(null, unit, ['id']) });
      });
    } catch (error) {
      // Two admins creating the same code at once: the unique key decides, the loser hears why.
      if (isUniqueViolation(error)) throw DirectoryErrors.unitCodeTaken(input.code);
      throw error;
    }
    this.activeUnits = null;
    return unit;
  }

  async updateUnit(id: string, input: UpdateUnitDto, actor: Actor = SYSTEM_ACTOR): Promise<Unit> {
    const unit = await this.getUnit(id);
    const changes = definedFields(input);
    const diff = fieldChanges(unit, changes);
    if (!diff.length) return unit;
    await this.tx.run(async (em) => {
      await this.repo.updateUnit(em, id, changes);
      await this.record(em, actor, 'directory.unit.update', { type: 'unit', id }, { code: unit.code, name: unit.name, changes: diff });
    });
    this.activeUnits = null;
    return { ...unit, ...changes };
  }

  /** Throws UNKNOWN_UNIT naming every code that is not an active unit. */
  async assertUnitCodes(codes: string[]): Promise<void> {
    if (!codes.length) return;
    const cached = this.activeUnits;
    if (cached && Date.now() - cached.readAt < ACTIVE_UNITS_TTL_MS && codes.every((c) => cached.codes.has(c))) return;
    const units = await this.repo.listUnits();
    this.activeUnits = { codes: new Set(units.filter((u) => u.active).map((u) => u.code)), readAt: Date.now() };
    assertKnownUnits(units, codes);
  }

  async unitByCode(code: string): Promise<Unit | null> {
    return this.repo.findUnitByCode(code);
  }

  listLeaders(): Promise<Leader[]> {
    return this.repo.listLeaders();
  }

  async getLeader(id: string): Promise<Leader> {
    return (await this.repo.findLeaderById(id)) ?? Promise.reject(DirectoryErrors.leaderNotFound());
  }

  async createLeader(input: CreateLeaderDto, actor: Actor = SYSTEM_ACTOR): Promise<Leader> {
    if (input.unitCode) await this.assertUnitCodes([input.unitCode]);
    const leader = toLeader(input);
    await this.tx.run(async (em) => {
      await this.repo.insertLeaders([leader], em);
      await this.record(em, actor, 'directory.leader.create', { type: 'leader', id: leader.id }, { name: leader.name, changes: fieldChanges(null, leader, ['id']) });
    });
    return leader;
  }

  async updateLeader(id: string, input: UpdateLeaderDto, actor: Actor = SYSTEM_ACTOR): Promise<Leader> {
    const leader = await this.getLeader(id);
    const changes = definedFields(input);
    const diff = fieldChanges(leader, changes);
    if (!diff.length) return leader;
    await this.tx.run(async (em) => {
      await this.repo.updateLeader(em, id, changes);
      await this.record(em, actor, 'directory.leader.update', { type: 'leader', id }, { name: leader.name, changes: diff });
    });
    return { ...leader, ...changes };
  }

  async busyBlocks(leaderId: string): Promise<LeaderBusyBlock[]> {
    await this.getLeader(leaderId);
    return this.repo.busyBlocksOf(leaderId, new Date(0));
  }

  busyBetween(from: Date, to: Date): Promise<LeaderBusyBlock[]> {
    return this.repo.busyOverlapping(from, to);
  }

  async replaceBusyBlocks(leaderId: string, blocks: BusyBlockDto[], actor: Actor = SYSTEM_ACTOR): Promise<LeaderBusyBlock[]> {
    const leader = await this.getLeader(leaderId);
    const before = await this.repo.busyBlocksOf(leaderId, new Date(0));
    const rows = blocks.map((b, index) => {
      const startAt = new Date(b.start);
      const endAt = new Date(b.end);
      if (!(endAt > startAt)) throw DirectoryErrors.busyBlockReversed(index);
      return { id: randomUUID(), leaderId, startAt, endAt, reason: b.reason ?? null };
    });
    // On MySQL the leader's row is locked first, so two concurrent replacements queue instead of
    // deadlocking on the busy-block index; the runner still retries a deadlock victim (bounded, with jitter).
    const spans = (list: Pick<LeaderBusyBlock, 'startAt' | 'endAt'>[]): string[] => list.map((b) => `${b.startAt.toISOString()}/${b.endAt.toISOString()}`);
    await this.tx.run(async (em) => {
      await this.repo.replaceBusyBlocks(em, leaderId, rows);
      await this.record(em, actor, 'directory.busy.update', { type: 'leader', id: leaderId }, {
        name: leader.name,
        changes: fieldChanges({ busyBlocks: spans(before) }, { busyBlocks: spans(rows) }),
      });
    });
    return rows;
  }

  listDeputies(): Promise<Deputy[]> {
    return this.repo.listDeputies();
  }

  /** The deputy, or null when there is none with this id. */
  findDeputy(id: string): Promise<Deputy | null> {
    return this.repo.findDeputyById(id);
  }

  /** Deputies by id (missing ids are left out). */
  async deputiesByIds(ids: string[]): Promise<Deputy[]> {
    if (!ids.length) return [];
    const wanted = new Set(ids);
    return (await this.repo.listDeputies()).filter((d) => wanted.has(d.id));
  }

  async getDeputy(id: string): Promise<Deputy> {
    return (await this.repo.findDeputyById(id)) ?? Promise.reject(DirectoryErrors.deputyNotFound());
  }

  async createDeputy(input: CreateDeputyDto, actor: Actor = SYSTEM_ACTOR): Promise<Deputy> {
    const deputy = toDeputy(input);
    await this.tx.run(async (em) => {
      await this.repo.insertDeputies([deputy], em);
      await this.record(em, actor, 'directory.deputy.create', { type: 'deputy', id: deputy.id }, { name: deputy.name, changes: fieldChanges(null, deputy, ['id']) });
    });
    return deputy;
  }

  async updateDeputy(id: string, input: UpdateDeputyDto, actor: Actor): Promise<Deputy> {
    const deputy = await this.getDeputy(id);
    const changes = definedFields(input);
    const diff = fieldChanges(deputy, changes);
    if (!diff.length) return deputy;
    await this.tx.run(async (em) => {
      await this.repo.updateDeputy(em, id, changes);
      await this.record(em, actor, 'directory.deputy.update', { type: 'deputy', id }, { name: deputy.name, changes: diff });
    });
    return { ...deputy, ...changes };
  }

  listRooms(): Promise<Room[]> {
    return this.repo.listRooms();
  }

  async getRoom(id: string): Promise<Room> {
    return (await this.repo.findRoomById(id)) ?? Promise.reject(DirectoryErrors.roomNotFound());
  }

  async createRoom(input: CreateRoomDto, actor: Actor): Promise<Room> {
    if (await this.repo.findRoomByName(input.name)) throw DirectoryErrors.roomNameTaken();
    const room = toRoom(input);
    await this.writeRoom(async (em) => {
      await this.repo.insertRooms([room], em);
      await this.record(em, actor, 'directory.room.create', { type: 'room', id: room.id }, { name: room.name, changes: fieldChanges(null, room, ['id']) });
    });
    return room;
  }

  async updateRoom(id: string, input: UpdateRoomDto, actor: Actor): Promise<Room> {
    const room = await this.getRoom(id);
    const changes = definedFields(input);
    const diff = fieldChanges(room, changes);
    if (!diff.length) return room;
    if (changes.name !== undefined && changes.name !== room.name && (await this.repo.findRoomByName(changes.name))) throw DirectoryErrors.roomNameTaken();
    await this.writeRoom(async (em) => {
      await this.repo.updateRoom(em, id, changes);
      await this.record(em, actor, 'directory.room.update', { type: 'room', id }, { name: room.name, changes: diff });
    });
    return { ...room, ...changes };
  }

  /** Two admins naming two rooms alike at once: the unique key decides, the loser hears why. */
  private async writeRoom(work: (em: EntityManager) => Promise<void>): Promise<void> {
    try {
      await this.tx.run(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw DirectoryErrors.roomNameTaken();
      throw error;
    }
  }

  private record(em: EntityManager, actor: Actor, action: string, entity: { type: string; id: string }, data: Record<string, unknown>): Promise<void> {
    return this.audit.record(em, actor, action, entity, data, this.clock.now());
  }

  /**
   * Seeds units, leaders and deputies from `config/directory/*.json` when the directory is empty.
   * Returns the ids of the seeded leaders by their seed key (for demo user accounts).
   */
  async seedIfEmpty(): Promise<Map<string, string> | null> {
    const read = <T>(name: string): T => JSON.parse(readFileSync(projectPath(`config/directory/${name}.json`), 'utf8')) as T;
    await this.seedRoomsIfEmpty(read<CreateRoomDto[]>('rooms'));
    if ((await this.repo.countUnits()) > 0) return null;
    await this.repo.insertUnits(read<CreateUnitDto[]>('units').map(toUnit));
    const seeds = read<LeaderSeed[]>('leaders');
    const leaders = seeds.map(toLeader);
    await this.repo.insertLeaders(leaders);
    await this.repo.insertDeputies(read<CreateDeputyDto[]>('deputies').map(toDeputy));
    return new Map(seeds.map((s, i) => [s.key, leaders[i].id]));
  }

  /** The meeting rooms from `config/directory/rooms.json` while there is none (also for an installation that predates rooms). */
  private async seedRoomsIfEmpty(rooms: CreateRoomDto[]): Promise<void> {
    if ((await this.repo.countRooms()) > 0) return;
    try {
      await this.repo.insertRooms(rooms.map(toRoom));
    } catch (error) {
      // Another instance seeded them first.
      if (!isUniqueViolation(error)) throw error;
    }
  }
}

function toUnit(input: CreateUnitDto): Unit {
  return {
    id: randomUUID(),
    code: input.code,
    name: input.name,
    shortName: input.shortName ?? null,
    nameEn: input.nameEn ?? null,
    kind: input.kind,
    categories: input.categories,
    responsibilities: input.responsibilities ?? [],
    email: input.email ?? null,
    active: true,
  };
}

function toRoom(input: CreateRoomDto): Room {
  return { id: randomUUID(), name: input.name, capacity: input.capacity, equipment: input.equipment ?? [], location: input.location ?? null, availableHours: input.availableHours ?? null, active: true };
}

function toLeader(input: CreateLeaderDto): Leader {
  return {
    id: randomUUID(),
    name: input.name,
    title: input.title,
    rank: input.rank,
    email: input.email ?? null,
    unitCode: input.unitCode ?? null,
    portfolio: input.portfolio,
    regions: input.regions,
    maxActiveCases: input.maxActiveCases ?? 10,
    active: true,
  };
}

function toDeputy(input: CreateDeputyDto): Deputy {
  return {
    id: randomUUID(),
    name: input.name,
    profession: input.profession,
    station: input.station,
    stationKind: input.stationKind ?? null,
    region: input.region ?? null,
    email: input.email ?? null,
    active: true,
  };
}

/** The fields of a PATCH body that were sent (an empty PATCH changes nothing and writes nothing). */
function definedFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Throws UNKNOWN_UNIT naming every code that is not an active unit of `units`. */
export function assertKnownUnits(units: Pick<Unit, 'code' | 'active'>[], codes: string[]): void {
  const known = new Set(units.filter((u) => u.active).map((u) => u.code));
  const unknown = [...new Set(codes)].filter((c) => !known.has(c));
  if (unknown.length) throw DirectoryErrors.unknownUnitCodes(unknown);
}
