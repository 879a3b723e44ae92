import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import { projectPath } from '../../config/paths.js';
import { isUniqueViolation } from '../database/db-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { Deputy } from './deputy.entity.js';
import { DirectoryErrors } from './directory.errors.js';
import { DirectoryRepository } from './directory.repository.js';
import type { BusyBlockDto, CreateDeputyDto, CreateLeaderDto, CreateUnitDto, UpdateLeaderDto, UpdateUnitDto } from './dto/directory.dto.js';
import type { LeaderBusyBlock } from './leader-busy-block.entity.js';
import type { Leader } from './leader.entity.js';
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
  ) {}

  listUnits(): Promise<Unit[]> {
    return this.repo.listUnits();
  }

  async getUnit(id: string): Promise<Unit> {
    return (await this.repo.findUnitById(id)) ?? Promise.reject(DirectoryErrors.unitNotFound());
  }

  async createUnit(input: CreateUnitDto): Promise<Unit> {
    if (await this.repo.findUnitByCode(input.code)) throw DirectoryErrors.unitCodeTaken(input.code);
    const unit = toUnit(input);
    try {
      await this.repo.insertUnits([unit]);
    } catch (error) {
      // Two admins creating the same code at once: the unique key decides, the loser hears why.
      if (isUniqueViolation(error)) throw DirectoryErrors.unitCodeTaken(input.code);
      throw error;
    }
    this.activeUnits = null;
    return unit;
  }

  async updateUnit(id: string, input: UpdateUnitDto): Promise<Unit> {
    const unit = await this.getUnit(id);
    const changes = definedFields(input);
    if (!Object.keys(changes).length) return unit;
    await this.repo.updateUnit(id, changes);
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

  async createLeader(input: CreateLeaderDto): Promise<Leader> {
    if (input.unitCode) await this.assertUnitCodes([input.unitCode]);
    const leader = toLeader(input);
    await this.repo.insertLeaders([leader]);
    return leader;
  }

  async updateLeader(id: string, input: UpdateLeaderDto): Promise<Leader> {
    const leader = await this.getLeader(id);
    const changes = definedFields(input);
    if (!Object.keys(changes).length) return leader;
    await this.repo.updateLeader(id, changes);
    return { ...leader, ...changes };
  }

  async busyBlocks(leaderId: string): Promise<LeaderBusyBlock[]> {
    await this.getLeader(leaderId);
    return this.repo.busyBlocksOf(leaderId, new Date(0));
  }

  busyBetween(from: Date, to: Date): Promise<LeaderBusyBlock[]> {
    return this.repo.busyOverlapping(from, to);
  }

  async replaceBusyBlocks(leaderId: string, blocks: BusyBlockDto[]): Promise<LeaderBusyBlock[]> {
    await this.getLeader(leaderId);
    const rows = blocks.map((b, index) => {
      const startAt = new Date(b.start);
      const endAt = new Date(b.end);
      if (!(endAt > startAt)) throw DirectoryErrors.busyBlockReversed(index);
      return { id: randomUUID(), leaderId, startAt, endAt, reason: b.reason ?? null };
    });
    // On MySQL the leader's row is locked first, so two concurrent replacements queue instead of
    // deadlocking on the busy-block index; the runner still retries a deadlock victim (bounded, with jitter).
    await this.tx.run((em) => this.repo.replaceBusyBlocks(em, leaderId, rows));
    return rows;
  }

  listDeputies(): Promise<Deputy[]> {
    return this.repo.listDeputies();
  }

  async createDeputy(input: CreateDeputyDto): Promise<Deputy> {
    const deputy = toDeputy(input);
    await this.repo.insertDeputies([deputy]);
    return deputy;
  }

  /**
   * Seeds units, leaders and deputies from `config/directory/*.json` when the directory is empty.
   * Returns the ids of the seeded leaders by their seed key (for demo user accounts).
   */
  async seedIfEmpty(): Promise<Map<string, string> | null> {
    if ((await this.repo.countUnits()) > 0) return null;
    const read = <T>(name: string): T => JSON.parse(readFileSync(projectPath(`config/directory/${name}.json`), 'utf8')) as T;
    await this.repo.insertUnits(read<CreateUnitDto[]>('units').map(toUnit));
    const seeds = read<LeaderSeed[]>('leaders');
    const leaders = seeds.map(toLeader);
    await this.repo.insertLeaders(leaders);
    await this.repo.insertDeputies(read<CreateDeputyDto[]>('deputies').map(toDeputy));
    return new Map(seeds.map((s, i) => [s.key, leaders[i].id]));
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
    email: input.email ?? null,
    active: true,
  };
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
