import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { asRow } from '../database/rows.js';
import { RuleSetActivation, type RegradeStatus } from './rule-set-activation.entity.js';

/** The activation history (`rule_set_activations`): rows are added by publish / rollback; only their re-grade progress changes. */
@Injectable()
export class RuleSetActivationRepository {
  constructor(@InjectRepository(RuleSetActivation) private readonly activations: Repository<RuleSetActivation>) {}

  /** Newest first. */
  list(): Promise<RuleSetActivation[]> {
    return this.activations.find({ order: { seq: 'DESC' } });
  }

  findById(id: string): Promise<RuleSetActivation | null> {
    return this.activations.findOneBy({ id });
  }

  /**
   * Inside the caller's transaction (the one that activates the set): the row gets the next `seq`; the unique
   * `seq` makes a concurrent second activation fail, as the unique `activeMarker` does.
   */
  async insert(em: EntityManager, row: Omit<RuleSetActivation, 'seq'>): Promise<RuleSetActivation> {
    const max = await em.createQueryBuilder(RuleSetActivation, 'a').select('MAX(a.seq)', 'max').getRawOne<{ max: number | string | null }>();
    const activation: RuleSetActivation = { ...row, seq: Number(max?.max ?? 0) + 1 };
    await em.insert(RuleSetActivation, asRow(activation));
    return activation;
  }

  /** The re-grade job started: how many cases it will look at. */
  async regradeStarted(id: string, total: number): Promise<void> {
    await this.activations.update({ id }, { regradeStatus: 'running', regradeTotal: total, regradeScanned: 0, regradeChanged: 0 });
  }

  async regradeProgress(id: string, scanned: number, changed: number, status: RegradeStatus = 'running'): Promise<void> {
    await this.activations.update({ id }, { regradeStatus: status, regradeScanned: scanned, regradeChanged: changed });
  }

  async regradeFailed(id: string): Promise<void> {
    await this.activations.update({ id }, { regradeStatus: 'failed' });
  }
}
