import { Injectable } from '@nestjs/common';
import { DirectoryService } from '../directory/directory.service.js';
import type { Unit } from '../directory/unit.entity.js';
import type { Actor } from '../domain/actor.js';
import { UnitEvaluationErrors } from './unit-evaluation.errors.js';

/**
 * Which unit's scorecard and evaluations a reader may see: any unit for the office's roles (the route's
 * @Roles decides who reads at all), its own only for a unit account: another unit answers 404 like an
 * unknown one.
 */
@Injectable()
export class UnitScorecardAccess {
  constructor(private readonly directory: DirectoryService) {}

  async readableUnit(unitId: string, actor: Actor): Promise<Unit> {
    if (actor.role === 'unit' && actor.unitId !== unitId) throw UnitEvaluationErrors.unitNotFound();
    const unit = await this.directory.getUnit(unitId).catch(() => null);
    if (!unit) throw UnitEvaluationErrors.unitNotFound();
    return unit;
  }

  /** The units a reader's list covers: all of them, or a unit account's own. */
  async readableUnits(actor: Actor): Promise<Unit[]> {
    const units = await this.allUnits();
    return actor.role === 'unit' ? units.filter((u) => u.id === actor.unitId) : units;
  }

  allUnits(): Promise<Unit[]> {
    return this.directory.listUnits();
  }
}
