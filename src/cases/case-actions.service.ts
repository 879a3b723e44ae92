import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../domain/actor.js';
import { OPEN_STATUSES } from '../domain/case-vocabulary.js';
import { Clock } from '../domain/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DirectoryService } from '../directory/directory.service.js';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { CaseChanges, type CaseTarget } from './case-changes.js';
import { CaseErrors } from './case.errors.js';
import type { PetitionCase } from './case.entity.js';
import { CaseNoticeRepository } from './case-notice.repository.js';
import { CaseRepository } from './case.repository.js';
import { OfficeSettings } from '../settings/office-settings.js';
import type { DeadlineCalculator } from './deadlines.js';
import { deadlinesOf } from './office-deadlines.js';
import type { CaseActionDto } from './dto/case-action.dto.js';
import { type CaseAction, planAction, targetUnitCode } from './lifecycle.js';
import { actionRoleRefusal } from './case-permissions.js';
import { CASE_HAND_OVERS, type CaseHandOvers, type HandOverKind } from './case-hand-overs.port.js';

/** The actions that hand the case (again) to its handling unit, and what the unit is told. */
const HAND_OVERS: Partial<Record<CaseAction, HandOverKind>> = {
  route: 'route',
  transfer: 'transfer',
  extend: 'extension-approved',
  'refuse-extension': 'extension-refused',
  urge: 'urge',
  resupervise: 'resupervise',
};

/** 分流交办 → 跟踪督办 → 结果反馈: applies one lifecycle action through the owner of case changes, atomically. */
@Injectable()
export class CaseActionsService implements OnModuleInit {
  private handOvers: CaseHandOvers | null = null;

  constructor(
    private readonly repo: CaseRepository,
    private readonly changes: CaseChanges,
    private readonly notices: CaseNoticeRepository,
    private readonly directory: DirectoryService,
    private readonly settings: OfficeSettings,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly moduleRef: ModuleRef,
    private readonly attachments: AttachmentsService,
  ) {}

  /** The hand-over port is provided by the unit-notices module, above this one: start-up fails without it. */
  onModuleInit(): void {
    try {
      this.handOvers = this.moduleRef.get<CaseHandOvers>(CASE_HAND_OVERS, { strict: false });
    } catch {
      throw new Error('No provider for the CaseHandOvers port (CASE_HAND_OVERS): import UnitNoticesModule into the application');
    }
  }

  /** The calculator of the office settings in force now (a new version applies from the next computation). */
  private get deadlines(): DeadlineCalculator {
    return deadlinesOf(this.settings);
  }

  async perform(id: string, input: CaseActionDto, actor: Actor): Promise<PetitionCase> {
    const current = await this.repo.findById(id);
    if (!current) throw CaseErrors.notFound();
    return this.tx.run((em) => this.performIn(em, current, input, actor, this.clock.now()));
  }

  /**
   * The same inside the caller's transaction: `target` as the caller read it (optimistic), or by id
   * (read and locked in the transaction).
   */
  async performIn(em: EntityManager, target: CaseTarget, input: CaseActionDto, actor: Actor, now: Date): Promise<PetitionCase> {
    let createsNotice = false;
    const { after, event } = await this.changes.recordIn(
      em,
      target,
      async (current) => {
        // Who may ask first: a unit acts on its own cases only (404 otherwise), each role within its actions (403).
        const refusal = actionRoleRefusal(actor, input.action, current);
        if (refusal) throw refusal;
        const unitCode = targetUnitCode(current, input);
        const unit = unitCode ? await this.directory.unitByCode(unitCode) : null;
        if (input.action === 'assign-leader' && input.leaderId) await this.checkLeader(input.leaderId, current);
        if ((input.action === 'leader-reception' || input.action === 'leader-instruction') && input.leaderId) await this.directory.getLeader(input.leaderId);
        // The reply's attachments must be the case's own (checked in the transaction, before anything is written).
        if (input.action === 'reply' && input.attachmentIds?.length && !(await this.attachments.idsBelongToCase(em, current.id, input.attachmentIds))) {
          throw CaseErrors.unknownAttachments();
        }
        const plan = planAction(current, input, {
          now,
          deadlines: this.deadlines,
          unit,
          handleDays: current.evaluation.deadlines.handleDays,
          supervisedReplyMonths: current.evaluation.deadlines.supervisedReplyMonths,
          actorRole: actor.role,
        });
        createsNotice = plan.createsNotice === true;
        return { action: input.action, fields: plan.changes, reason: plan.reason, data: plan.data };
      },
      { actor, at: now },
    );
    if (createsNotice) {
      await this.notices.insertNotice(em, {
        id: event.id,
        caseId: after.id,
        kind: 'manual',
        dueAt: null,
        unitCode: after.routeHandledBy,
        note: event.reason,
        createdAt: now,
        deliveredAt: null,
      });
    }
    const kind = HAND_OVERS[input.action];
    if (kind && this.handOvers && after.routedAt !== null) {
      await this.handOvers.handedOverIn(em, { caseId: after.id, eventId: event.id, kind, unitCode: after.routeHandledBy, at: now });
    }
    return after;
  }

  /**
   * 包案: a meeting being confirmed (or moved) puts each agenda case in the charge of its leader, in the
   * meeting's transaction. A case already in that leader's charge, or no longer being dealt with, is left
   * as it is (null); otherwise the `assign-leader` action runs (its checks, event and version bump).
   */
  async assignLeaderIn(em: EntityManager, caseId: string, leaderId: string, actor: Actor, now: Date): Promise<PetitionCase | null> {
    const current = await this.repo.findForUpdate(em, caseId);
    if (!current || current.leadLeaderId === leaderId || !OPEN_STATUSES.includes(current.status)) return null;
    return this.performIn(em, current, { action: 'assign-leader', leaderId }, actor, now);
  }

  private async checkLeader(leaderId: string, current: PetitionCase): Promise<void> {
    const leader = await this.directory.getLeader(leaderId);
    if (!leader.active) throw CaseErrors.leaderInactive();
    if (current.leadLeaderId === leaderId) return;
    const active = await this.repo.countActiveForLeader(leaderId);
    if (active >= leader.maxActiveCases) throw CaseErrors.leaderAtCapacity(leader.maxActiveCases);
  }
}
