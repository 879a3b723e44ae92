import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DirectoryService } from '../directory/directory.service.js';
import { CaseErrors } from './case.errors.js';
import type { CaseEvent } from './case-event.entity.js';
import type { PetitionCase } from './case.entity.js';
import { CaseRepository } from './case.repository.js';
import { DeadlineCalculator } from './deadlines.js';
import type { CaseActionDto } from './dto/case-action.dto.js';
import { planAction, targetUnitCode } from './lifecycle.js';

/** 分流交办 → 跟踪督办 → 结果反馈: applies one lifecycle action, with its timeline event, atomically. */
@Injectable()
export class CaseActionsService {
  constructor(
    private readonly repo: CaseRepository,
    private readonly directory: DirectoryService,
    private readonly deadlines: DeadlineCalculator,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async perform(id: string, input: CaseActionDto, actor: Actor): Promise<PetitionCase> {
    const current = await this.repo.findById(id);
    if (!current) throw CaseErrors.notFound();
    return this.tx.run((em) => this.performIn(em, current, input, actor, this.clock.now()));
  }

  /** The same inside the caller's transaction (e.g. confirming a meeting assigns its leaders in charge). */
  async performIn(em: EntityManager, current: PetitionCase, input: CaseActionDto, actor: Actor, now: Date): Promise<PetitionCase> {
    const unitCode = targetUnitCode(current, input);
    const unit = unitCode ? await this.directory.unitByCode(unitCode) : null;
    if (input.action === 'assign-leader' && input.leaderId) await this.checkLeader(input.leaderId, current);
    if ((input.action === 'leader-reception' || input.action === 'leader-instruction') && input.leaderId) await this.directory.getLeader(input.leaderId);
    const plan = planAction(current, input, {
      now,
      deadlines: this.deadlines,
      unit,
      handleDays: current.evaluation.deadlines.handleDays,
      supervisedReplyMonths: current.evaluation.deadlines.supervisedReplyMonths,
    });
    const changes: Partial<PetitionCase> = { ...plan.changes, status: plan.toStatus, updatedAt: now };
    const event: CaseEvent = {
      id: randomUUID(),
      caseId: current.id,
      at: now,
      caseVersion: current.version + 1,
      action: input.action,
      fromStatus: current.status,
      toStatus: plan.toStatus,
      actorId: actor.id,
      actorName: actor.displayName,
      actorRole: actor.role,
      reason: plan.reason,
      data: plan.data,
    };
    if (!(await this.repo.update(em, current.id, current.version, changes))) throw CaseErrors.changedConcurrently();
    await this.repo.appendEvents(em, [event]);
    if (plan.createsNotice) {
      await this.repo.insertNotice(em, {
        id: event.id,
        caseId: current.id,
        kind: 'manual',
        dueAt: null,
        unitCode: changes.routeHandledBy ?? current.routeHandledBy,
        note: plan.reason,
        createdAt: now,
        deliveredAt: null,
      });
    }
    return { ...current, ...changes, version: current.version + 1 };
  }

  private async checkLeader(leaderId: string, current: PetitionCase): Promise<void> {
    const leader = await this.directory.getLeader(leaderId);
    if (!leader.active) throw CaseErrors.leaderInactive();
    if (current.leadLeaderId === leaderId) return;
    const active = await this.repo.countActiveForLeader(leaderId);
    if (active >= leader.maxActiveCases) throw CaseErrors.leaderAtCapacity(leader.maxActiveCases);
  }
}
