import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../domain/actor.js';
import type { AuditRepository } from '../audit/audit.repository.js';
import { FakeClock } from '../../test/support/fake-clock.js';
import type { TransactionRunner } from '../database/transaction-runner.js';
import type { DirectoryService } from '../directory/directory.service.js';
import type { OutboxRelay } from '../jobs/outbox-relay.js';
import type { OutboxRepository } from '../jobs/outbox.repository.js';
import type { RuleSet } from './rule-set.entity.js';
import type { RuleSetActivationRepository } from './rule-set-activation.repository.js';
import type { RuleSetRepository } from './rule-set.repository.js';
import { RuleSetsService } from './rule-sets.service.js';
import type { RulesService } from '../rules/rules.service.js';
import type { SimulationService } from './simulation.service.js';
import { sqliteUniqueViolation } from '../../test/support/sqlite-errors.js';

const actor = { username: 'admin', role: 'admin' } as unknown as Actor;

/** A service whose repository loses the version race `losses` times before an insert succeeds. */
function serviceLosing(losses: number): { service: RuleSetsService; inserted: RuleSet[]; attempts: () => number } {
  let attempts = 0;
  const inserted: RuleSet[] = [];
  const sets = {
    nextVersion: () => Promise.resolve(2 + attempts),
    insert: (_em: unknown, set: RuleSet) => {
      attempts++;
      if (attempts <= losses) return Promise.reject(sqliteUniqueViolation());
      inserted.push(set);
      return Promise.resolve();
    },
  } as unknown as RuleSetRepository;
  const directory = { listUnits: () => Promise.resolve([]) } as unknown as DirectoryService;
  const audit = { record: () => Promise.resolve() } as unknown as AuditRepository;
  const tx = { run: <T>(work: (em: unknown) => Promise<T>) => work({}) } as unknown as TransactionRunner;
  const service = new RuleSetsService(
    sets,
    {} as RulesService,
    {} as SimulationService,
    directory,
    audit,
    {} as OutboxRepository,
    {} as OutboxRelay,
    tx,
    new FakeClock(),
    {} as RuleSetActivationRepository,
  );
  return { service, inserted, attempts: () => attempts };
}

describe('creating a draft while others create drafts', () => {
  it('takes the next version after losing the race a few times', async () => {
    const { service, inserted } = serviceLosing(6);
    const view = await service.createDraft({ note: '并发', rules: [] }, actor);
    expect({ version: view.version, stored: inserted.map((s) => s.version) }).toEqual({ version: 8, stored: [8] });
  });

  it('answers 409 RULESET_VERSION_TAKEN, not an internal error, when it keeps losing', async () => {
    const { service, inserted, attempts } = serviceLosing(Number.MAX_SAFE_INTEGER);
    await expect(service.createDraft({ note: '并发', rules: [] }, actor)).rejects.toMatchObject({ code: 'RULESET_VERSION_TAKEN', status: 409 });
    expect({ attempts: attempts(), inserted: inserted.length }).toEqual({ attempts: 8, inserted: 0 });
  });
});
