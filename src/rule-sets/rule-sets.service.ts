import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor.js';
import type { Grade } from '../domain/case-vocabulary.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { Clock } from '../domain/clock.js';
import { isUniqueViolation, retryOnUniqueViolation } from '../database/db-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DirectoryService } from '../directory/directory.service.js';
import { JOB_NAMES } from '../jobs/job-names.js';
import { OutboxRelay } from '../jobs/outbox-relay.js';
import { OutboxRepository } from '../jobs/outbox.repository.js';
import { loadDefaultRuleSet } from '../rules/default-rule-set.js';
import { diffRuleSets, type RuleSetChange } from '../rules/rule-set-diff.js';
import { validateRuleSet } from '../rules/rule-set-validator.js';
import type { RuleDefinition } from '../rules/rule-set.types.js';
import { RulesService } from '../rules/rules.service.js';
import type { CreateRuleSetDto, RuleSetBodyDto, SimulateDto } from './dto/rule-set.dto.js';
import type { RuleSet } from './rule-set.entity.js';
import type { RuleSetActivation } from './rule-set-activation.entity.js';
import { RuleSetActivationRepository } from './rule-set-activation.repository.js';
import { RuleSetRepository } from './rule-set.repository.js';
import { RuleSetsErrors, type RuleSetProblem } from './rule-sets.errors.js';
import { SimulationService, type SimulationReport } from './simulation.service.js';

/** MySQL TEXT holds 64 KB; a rule set is kept well below. */
const MAX_RULESET_BYTES = 60_000;
const DEFAULT_PRECEDENCE: Grade[] = ['joint-consultation', 'escalated', 'normal'];
/** Tries to give a new draft the next free version before answering 409 (see RuleSetRepository.nextVersion). */
const CREATE_ATTEMPTS = 8;

export interface RuleSetView extends Omit<RuleSet, 'activeMarker' | 'createdAt' | 'updatedAt' | 'publishedAt'> {
  active: boolean;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export const toRuleSetView = (s: RuleSet): RuleSetView => ({
  id: s.id,
  version: s.version,
  status: s.status,
  active: s.activeMarker === 1,
  note: s.note,
  precedence: s.precedence,
  rules: s.rules,
  basedOn: s.basedOn,
  createdBy: s.createdBy,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
  publishedBy: s.publishedBy,
  publishedAt: s.publishedAt?.toISOString() ?? null,
});

/** A publish or rollback, with the re-grade job's progress (`GET /rules/activations`). */
export interface RuleSetActivationView {
  id: string;
  ruleSetId: string;
  version: number;
  action: RuleSetActivation['action'];
  fromVersion: number | null;
  note: string;
  by: string;
  at: string;
  regrade: { status: RuleSetActivation['regradeStatus']; scanned: number; total: number; changed: number };
}

export const toActivationView = (a: RuleSetActivation): RuleSetActivationView => ({
  id: a.id,
  ruleSetId: a.ruleSetId,
  version: a.version,
  action: a.action,
  fromVersion: a.fromVersion,
  note: a.note,
  by: a.by,
  at: a.at.toISOString(),
  regrade: { status: a.regradeStatus, scanned: a.regradeScanned, total: a.regradeTotal, changed: a.regradeChanged },
});

/** `GET /rules/sets/:id/diff?against=`: from `against` to `:id`, in words. */
export interface RuleSetDiffView {
  from: { id: string; version: number };
  to: { id: string; version: number };
  changes: RuleSetChange[];
}

/** The set in force after a publish or rollback, and the activation that made it so. */
export interface ActivatedRuleSetView extends RuleSetView {
  activationId: string;
}

/**
 * The admins' side of the rules: drafts, validation, simulation, publishing and rollback.
 * Every change is audited in the same transaction; publishing re-grades open, not yet routed cases
 * through a job.
 */
@Injectable()
export class RuleSetsService {
  constructor(
    private readonly sets: RuleSetRepository,
    private readonly rules: RulesService,
    private readonly simulation: SimulationService,
    private readonly directory: DirectoryService,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxRepository,
    private readonly relay: OutboxRelay,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly activations: RuleSetActivationRepository,
  ) {}

  async list(): Promise<RuleSetView[]> {
    return (await this.sets.list()).map(toRuleSetView);
  }

  async get(id: string): Promise<RuleSet> {
    return (await this.sets.findById(id)) ?? Promise.reject(RuleSetsErrors.notFound());
  }

  async active(): Promise<RuleSet> {
    return (await this.sets.findActive()) ?? Promise.reject(RuleSetsErrors.notFound());
  }

  /** Checks a body or a stored set against the schema, the facts, the operators and today's directory. */
  async check(body: { rules: unknown; precedence?: unknown; note?: unknown }): Promise<{ valid: boolean; errors: RuleSetProblem[] }> {
    const bytes = Buffer.byteLength(JSON.stringify(body.rules ?? null));
    if (bytes > MAX_RULESET_BYTES) throw RuleSetsErrors.tooLarge(bytes, MAX_RULESET_BYTES);
    const unitCodes = (await this.directory.listUnits()).filter((u) => u.active).map((u) => u.code);
    const result = validateRuleSet({ version: 1, note: body.note ?? '', precedence: body.precedence ?? DEFAULT_PRECEDENCE, rules: body.rules }, { unitCodes });
    return { valid: result.valid, errors: result.errors.map((e) => ({ path: e.path, code: e.code, message: e.message })) };
  }

  async validate(id: string): Promise<{ valid: boolean; errors: RuleSetProblem[] }> {
    const set = await this.get(id);
    return this.check(set);
  }

  async createDraft(input: CreateRuleSetDto, actor: Actor): Promise<RuleSetView> {
    await this.assertValid(input);
    return retryOnUniqueViolation(
      CREATE_ATTEMPTS,
      async () => {
        const now = this.clock.now();
        const set = await this.tx.run(async (em) => {
          const draft: RuleSet = {
            id: randomUUID(),
            version: await this.sets.nextVersion(em),
            status: 'draft',
            activeMarker: null,
            note: input.note,
            precedence: input.precedence ?? DEFAULT_PRECEDENCE,
            rules: input.rules as RuleDefinition[],
            basedOn: input.basedOn ?? null,
            createdBy: actor.username,
            createdAt: now,
            updatedAt: now,
            publishedBy: null,
            publishedAt: null,
          };
          await this.sets.insert(em, draft);
          await this.audit.record(em, actor, 'ruleset.create', { type: 'rule-set', id: draft.id }, { version: draft.version, note: draft.note }, now);
          return draft;
        });
        return toRuleSetView(set);
      },
      () => RuleSetsErrors.versionTaken(),
    );
  }

  async updateDraft(id: string, input: RuleSetBodyDto, actor: Actor): Promise<RuleSetView> {
    const set = await this.get(id);
    if (set.status !== 'draft') throw RuleSetsErrors.immutable(set.status);
    await this.assertValid(input);
    const now = this.clock.now();
    const changes = { note: input.note, rules: input.rules as RuleDefinition[], precedence: input.precedence ?? set.precedence, updatedAt: now };
    await this.tx.run(async (em) => {
      if (!(await this.sets.updateDraft(em, id, changes))) throw RuleSetsErrors.immutable('published');
      await this.audit.record(em, actor, 'ruleset.update', { type: 'rule-set', id }, { version: set.version, note: input.note, rules: changes.rules.length }, now);
    });
    return toRuleSetView({ ...set, ...changes });
  }

  async deleteDraft(id: string, actor: Actor): Promise<void> {
    const set = await this.get(id);
    if (set.status !== 'draft') throw RuleSetsErrors.immutable(set.status);
    const now = this.clock.now();
    await this.tx.run(async (em) => {
      if (!(await this.sets.deleteDraft(em, id))) throw RuleSetsErrors.immutable('published');
      await this.audit.record(em, actor, 'ruleset.delete', { type: 'rule-set', id }, { version: set.version }, now);
    });
  }

  async simulate(id: string, input: SimulateDto): Promise<SimulationReport> {
    const [draft, active] = await Promise.all([this.get(id), this.active()]);
    const scope = input.scope ?? {};
    return this.simulation.simulate(
      draft,
      active,
      {
        statuses: scope.statuses,
        category: scope.category,
        receivedFrom: scope.receivedFrom ? new Date(scope.receivedFrom) : undefined,
        receivedTo: scope.receivedTo ? new Date(scope.receivedTo) : undefined,
      },
      input.limit ?? Number.MAX_SAFE_INTEGER,
      input.examples ?? 20,
    );
  }

  /** What changed from set `against` to set `id` (either may be a draft), in Chinese and English words. */
  async diff(id: string, against: string): Promise<RuleSetDiffView> {
    const [to, from] = await Promise.all([this.get(id), this.get(against)]);
    return { from: { id: from.id, version: from.version }, to: { id: to.id, version: to.version }, changes: diffRuleSets(from, to) };
  }

  /** Newest first, with each re-grade's progress. */
  async listActivations(): Promise<RuleSetActivationView[]> {
    return (await this.activations.list()).map(toActivationView);
  }

  /** Publishes a draft: it becomes the active set; its `publishedBy` / `publishedAt` are set now, once. */
  async publish(id: string, actor: Actor, note = ''): Promise<ActivatedRuleSetView> {
    const set = await this.get(id);
    if (set.status !== 'draft') throw RuleSetsErrors.notDraft();
    await this.assertValid(set);
    return this.activate(set, actor, 'publish', ['draft'], note);
  }

  /**
   * Called on the active set: re-activates the version published before it. Called on an earlier
   * published (now archived) set: makes that set active again. Either way a new activation is recorded;
   * no set's `publishedBy` / `publishedAt` changes (history is never rewritten).
   */
  async rollback(id: string, actor: Actor, note = ''): Promise<ActivatedRuleSetView> {
    const set = await this.get(id);
    if (set.status === 'draft' || (set.status === 'archived' && !set.publishedAt)) throw RuleSetsErrors.rollbackUnavailable();
    const target = set.activeMarker === 1 ? await this.sets.previousPublished(set.version) : set;
    if (!target) throw RuleSetsErrors.rollbackUnavailable();
    return this.activate(target, actor, 'rollback', ['archived', 'published'], note);
  }

  /** First start: the shipped set becomes version 1, published. Safe when instances start together. */
  async seedDefault(): Promise<boolean> {
    if ((await this.sets.count()) > 0) return false;
    const shipped = loadDefaultRuleSet();
    const now = this.clock.now();
    const id = randomUUID();
    try {
      await this.tx.run(async (em) => {
        await this.sets.insert(em, {
          id,
          version: shipped.version,
          status: 'published',
          activeMarker: 1,
          note: shipped.note,
          precedence: shipped.precedence,
          rules: shipped.rules,
          basedOn: null,
          createdBy: 'system',
          createdAt: now,
          updatedAt: now,
          publishedBy: 'system',
          publishedAt: now,
        });
        // The first activation: nothing to re-grade in a new installation.
        await this.activations.insert(em, {
          id: randomUUID(),
          ruleSetId: id,
          version: shipped.version,
          action: 'publish',
          fromVersion: null,
          note: '首次启动：启用随产品提供的默认规则集',
          by: 'system',
          at: now,
          regradeStatus: 'done',
          regradeScanned: 0,
          regradeTotal: 0,
          regradeChanged: 0,
        });
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /**
   * One transaction: the set becomes active, the activation is recorded with its note, the audit entry
   * (`ruleset.publish` / `ruleset.rollback`) is written, and the re-grade job is queued for it.
   */
  private async activate(target: RuleSet, actor: Actor, action: RuleSetActivation['action'], from: RuleSet['status'][], note: string): Promise<ActivatedRuleSetView> {
    const now = this.clock.now();
    let activationId = '';
    try {
      await this.tx.run(async (em) => {
        const before = await this.sets.activeIn(em);
        const publication = action === 'publish' ? { by: actor.username, at: now } : undefined;
        if (!(await this.sets.activate(em, target.id, from, publication))) throw RuleSetsErrors.publishConflict();
        const fromVersion = before && before.id !== target.id ? before.version : null;
        const activation = await this.activations.insert(em, {
          id: randomUUID(),
          ruleSetId: target.id,
          version: target.version,
          action,
          fromVersion,
          note,
          by: actor.username,
          at: now,
          regradeStatus: 'queued',
          regradeScanned: 0,
          regradeTotal: 0,
          regradeChanged: 0,
        });
        activationId = activation.id;
        await this.audit.record(em, actor, `ruleset.${action}`, { type: 'rule-set', id: target.id }, { version: target.version, fromVersion, note, activationId }, now);
        await this.outbox.enqueue(em, JOB_NAMES.regradeOpenCases, { ruleSetVersion: target.version, activationId }, now);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw RuleSetsErrors.publishConflict();
      throw error;
    }
    this.rules.forgetActive();
    this.relay.kick();
    return { ...toRuleSetView(await this.get(target.id)), activationId };
  }

  private async assertValid(body: { rules: unknown; precedence?: unknown; note?: unknown }): Promise<void> {
    const { valid, errors } = await this.check(body);
    if (!valid) throw RuleSetsErrors.invalid(errors);
  }
}
