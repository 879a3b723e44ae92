import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor.js';
import type { Grade } from '../domain/case-vocabulary.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { Clock } from '../domain/clock.js';
import { isUniqueViolation } from '../database/db-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DirectoryService } from '../directory/directory.service.js';
import { JOB_NAMES } from '../jobs/job-names.js';
import { OutboxRelay } from '../jobs/outbox-relay.js';
import { OutboxRepository } from '../jobs/outbox.repository.js';
import { loadDefaultRuleSet } from '../rules/default-rule-set.js';
import { validateRuleSet } from '../rules/rule-set-validator.js';
import type { RuleDefinition } from '../rules/rule-set.types.js';
import { RulesService } from '../rules/rules.service.js';
import type { CreateRuleSetDto, RuleSetBodyDto, SimulateDto } from './dto/rule-set.dto.js';
import type { RuleSet } from './rule-set.entity.js';
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
    for (let attempt = 1; ; attempt++) {
      const now = this.clock.now();
      try {
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
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Two drafts created at once picked the same next version: take the next one after a short,
        // random pause; past the last attempt the caller hears it was a race, not an internal error.
        if (attempt >= CREATE_ATTEMPTS) throw RuleSetsErrors.versionTaken();
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
      }
    }
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

  async publish(id: string, actor: Actor): Promise<RuleSetView> {
    const set = await this.get(id);
    if (set.status !== 'draft') throw RuleSetsErrors.notDraft();
    await this.assertValid(set);
    return this.activate(set, actor, 'ruleset.publish', ['draft']);
  }

  /**
   * On the active set: re-activates the version published before it. On an earlier published
   * (now archived) set: makes it active again.
   */
  async rollback(id: string, actor: Actor): Promise<RuleSetView> {
    const set = await this.get(id);
    if (set.status === 'draft' || (set.status === 'archived' && !set.publishedAt)) throw RuleSetsErrors.rollbackUnavailable();
    const target = set.activeMarker === 1 ? await this.sets.previousPublished(set.version) : set;
    if (!target) throw RuleSetsErrors.rollbackUnavailable();
    return this.activate(target, actor, 'ruleset.rollback', ['archived', 'published'], set.version);
  }

  /** First start: the shipped set becomes version 1, published. Safe when instances start together. */
  async seedDefault(): Promise<boolean> {
    if ((await this.sets.count()) > 0) return false;
    const shipped = loadDefaultRuleSet();
    const now = this.clock.now();
    try {
      await this.tx.run((em) =>
        this.sets.insert(em, {
          id: randomUUID(),
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
        }),
      );
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  private async activate(target: RuleSet, actor: Actor, action: string, from: RuleSet['status'][], fromVersion?: number): Promise<RuleSetView> {
    const now = this.clock.now();
    try {
      await this.tx.run(async (em) => {
        if (!(await this.sets.activate(em, target.id, actor.username, now, from))) throw RuleSetsErrors.publishConflict();
        await this.audit.record(em, actor, action, { type: 'rule-set', id: target.id }, { version: target.version, ...(fromVersion ? { fromVersion } : {}) }, now);
        await this.outbox.enqueue(em, JOB_NAMES.regradeOpenCases, { ruleSetVersion: target.version }, now);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw RuleSetsErrors.publishConflict();
      throw error;
    }
    this.rules.forgetActive();
    this.relay.kick();
    return toRuleSetView({ ...(await this.get(target.id)) });
  }

  private async assertValid(body: { rules: unknown; precedence?: unknown; note?: unknown }): Promise<void> {
    const { valid, errors } = await this.check(body);
    if (!valid) throw RuleSetsErrors.invalid(errors);
  }
}
