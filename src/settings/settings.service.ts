import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import { localTime } from '../common/time/zoned-time.js';
import { isUniqueViolation, retryOnUniqueViolation } from '../database/db-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { Actor } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import type { CreateSettingsDto, SettingsDraftDto } from './dto/settings.dto.js';
import type { OfficeSettingsActivation, OfficeSettingsVersion, SettingsActivationAction } from './office-settings.entity.js';
import { OfficeSettingsRepository } from './office-settings.repository.js';
import { OfficeSettings, PACKAGE_YEARS } from './office-settings.js';
import type { OfficeSettingsBody, SettingsProblem } from './office-settings.types.js';
import { SettingsErrors } from './settings.errors.js';
import { validateOfficeSettings, type SettingsValidation } from './settings-validator.js';
import { withCurrentFields } from './settings-mapping.js';

/** MySQL TEXT holds 64 KB; a settings body stays well below. */
const MAX_BODY_BYTES = 60_000;
/** Tries to give a new draft the next free version before answering 409. */
const CREATE_ATTEMPTS = 8;

export interface SettingsVersionView {
  id: string;
  version: number;
  status: OfficeSettingsVersion['status'];
  active: boolean;
  body: OfficeSettingsBody;
  note: string;
  basedOn: number | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  publishedBy: string | null;
  publishedAt: string | null;
}

export interface ActiveSettingsView extends SettingsVersionView {
  timeZone: string;
  warnings: SettingsProblem[];
  packageYears: number[];
}

export interface SettingsActivationView {
  id: string;
  settingsId: string;
  version: number;
  action: SettingsActivationAction;
  fromVersion: number | null;
  note: string;
  by: string;
  at: string;
}

export const toSettingsVersionView = (v: OfficeSettingsVersion): SettingsVersionView => ({
  id: v.id,
  version: v.version,
  status: v.status,
  active: v.activeMarker === 1,
  body: withCurrentFields(v.body),
  note: v.note,
  basedOn: v.basedOn,
  createdBy: v.createdBy,
  createdAt: v.createdAt.toISOString(),
  updatedAt: v.updatedAt.toISOString(),
  publishedBy: v.publishedBy,
  publishedAt: v.publishedAt?.toISOString() ?? null,
});

const toActivationView = (a: OfficeSettingsActivation): SettingsActivationView => ({
  id: a.id,
  settingsId: a.settingsId,
  version: a.version,
  action: a.action,
  fromVersion: a.fromVersion,
  note: a.note,
  by: a.by,
  at: a.at.toISOString(),
});

/**
 * The admins' side of the office settings: drafts, validation, publishing and rollback. Every change is
 * audited in the same transaction; an activation is recorded in `office_settings_activations` and taken
 * into use at once by this instance (others within a second or two, see OfficeSettings).
 */
@Injectable()
export class SettingsService {
  private readonly logger = new Logger('Settings');

  constructor(
    private readonly versions: OfficeSettingsRepository,
    private readonly live: OfficeSettings,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async active(): Promise<ActiveSettingsView> {
    const active = await this.versions.findActive();
    if (!active) throw SettingsErrors.notFound();
    this.live.adopt(active.version, active.body);
    return {
      ...toSettingsVersionView(active),
      timeZone: this.live.timeZone(),
      warnings: this.check(active.body).warnings,
      packageYears: [...PACKAGE_YEARS],
    };
  }

  async list(): Promise<SettingsVersionView[]> {
    return (await this.versions.list()).map(toSettingsVersionView);
  }

  async listActivations(): Promise<SettingsActivationView[]> {
    return (await this.versions.listActivations()).map(toActivationView);
  }

  async get(id: string): Promise<OfficeSettingsVersion> {
    return (await this.versions.findById(id)) ?? Promise.reject(SettingsErrors.notFound());
  }

  /** The validator with today's office date and the package's holiday years. */
  check(body: unknown): SettingsValidation {
    const bytes = Buffer.byteLength(JSON.stringify(body ?? null));
    if (bytes > MAX_BODY_BYTES) throw SettingsErrors.tooLarge(bytes, MAX_BODY_BYTES);
    const today = localTime(this.clock.now(), this.live.timeZone()).date;
    return validateOfficeSettings(body, { today, packageYears: PACKAGE_YEARS });
  }

  async validate(id: string): Promise<{ valid: boolean; errors: SettingsProblem[]; warnings: SettingsProblem[] }> {
    const { valid, errors, warnings } = this.check((await this.get(id)).body);
    return { valid, errors, warnings };
  }

  async createDraft(input: CreateSettingsDto, actor: Actor): Promise<SettingsVersionView> {
    const body = this.validBody(input.body);
    if (input.basedOn !== undefined && !(await this.versions.findByVersion(input.basedOn))) {
      throw SettingsErrors.basedOnUnknown(input.basedOn);
    }
    return retryOnUniqueViolation(
      CREATE_ATTEMPTS,
      async () => {
        const now = this.clock.now();
        const draft = await this.tx.run(async (em) => {
          const row: OfficeSettingsVersion = {
            id: randomUUID(),
            version: await this.versions.nextVersion(em),
            status: 'draft',
            activeMarker: null,
            body,
            note: input.note,
            basedOn: input.basedOn ?? null,
            createdBy: actor.username,
            createdAt: now,
            updatedAt: now,
            publishedBy: null,
            publishedAt: null,
          };
          await this.versions.insert(em, row);
          await this.audit.record(em, actor, 'settings.create', { type: 'settings', id: row.id }, { version: row.version, note: row.note, basedOn: row.basedOn }, now);
          return row;
        });
        return toSettingsVersionView(draft);
      },
      () => SettingsErrors.versionTaken(),
    );
  }

  async updateDraft(id: string, input: SettingsDraftDto, actor: Actor): Promise<SettingsVersionView> {
    const current = await this.get(id);
    if (current.status !== 'draft') throw SettingsErrors.immutable(current.status);
    const body = this.validBody(input.body);
    const now = this.clock.now();
    const changes = { body, note: input.note, updatedAt: now };
    await this.tx.run(async (em) => {
      if (!(await this.versions.updateDraft(em, id, changes))) throw SettingsErrors.immutable('published');
      await this.audit.record(em, actor, 'settings.update', { type: 'settings', id }, { version: current.version, note: input.note }, now);
    });
    return toSettingsVersionView({ ...current, ...changes });
  }

  async deleteDraft(id: string, actor: Actor): Promise<void> {
    const current = await this.get(id);
    if (current.status !== 'draft') throw SettingsErrors.immutable(current.status);
    const now = this.clock.now();
    await this.tx.run(async (em) => {
      if (!(await this.versions.deleteDraft(em, id))) throw SettingsErrors.immutable('published');
      await this.audit.record(em, actor, 'settings.delete', { type: 'settings', id }, { version: current.version }, now);
    });
  }

  async publish(id: string, note: string | undefined, actor: Actor): Promise<SettingsVersionView & { activationId: string }> {
    const draft = await this.get(id);
    if (draft.status !== 'draft') throw SettingsErrors.notDraft();
    this.validBody(draft.body);
    return this.activate(draft, 'publish', note ?? '', actor);
  }

  /**
   * On an earlier published (archived) version: makes it active again. On the active version: returns to
   * the version published before it. History is never rewritten: publishedBy/publishedAt stay as they were,
   * and the rollback is its own activation and audit entry.
   */
  async rollback(id: string, note: string | undefined, actor: Actor): Promise<SettingsVersionView & { activationId: string }> {
    const chosen = await this.get(id);
    if (chosen.status === 'draft' || !chosen.publishedAt) throw SettingsErrors.rollbackUnavailable();
    const target = chosen.activeMarker === 1 ? await this.versions.previousPublished(chosen.version) : chosen;
    if (!target) throw SettingsErrors.rollbackUnavailable();
    this.validBody(target.body);
    return this.activate(target, 'rollback', note ?? '', actor);
  }

  /** First start: the files in `config/` become version 1, published by 'system'. Safe when instances start together. */
  async seedDefault(): Promise<boolean> {
    if ((await this.versions.count()) > 0) {
      await this.live.refresh();
      return false;
    }
    const body = this.validBody(this.live.defaultBody());
    const now = this.clock.now();
    const row: OfficeSettingsVersion = {
      id: randomUUID(),
      version: 1,
      status: 'published',
      activeMarker: 1,
      body,
      note: '初始设置（来自 config/policy.json 与 config/meetings.json）',
      basedOn: null,
      createdBy: 'system',
      createdAt: now,
      updatedAt: now,
      publishedBy: 'system',
      publishedAt: now,
    };
    try {
      await this.tx.run(async (em) => {
        await this.versions.insert(em, row);
        await this.versions.recordActivation(em, { id: randomUUID(), settingsId: row.id, version: 1, action: 'publish', fromVersion: null, note: row.note, by: 'system', at: now });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await this.live.refresh();
      return false;
    }
    this.live.adopt(row.version, row.body);
    return true;
  }

  private async activate(target: OfficeSettingsVersion, action: SettingsActivationAction, note: string, actor: Actor): Promise<SettingsVersionView & { activationId: string }> {
    const now = this.clock.now();
    const activationId = randomUUID();
    const fromVersion = (await this.versions.activeVersion()) ?? null;
    const first = action === 'publish' ? { by: actor.username, at: now } : null;
    try {
      await this.tx.run(async (em) => {
        if (!(await this.versions.activate(em, target.id, action === 'publish' ? ['draft'] : ['archived', 'published'], first))) throw SettingsErrors.publishConflict();
        await this.versions.recordActivation(em, { id: activationId, settingsId: target.id, version: target.version, action, fromVersion, note, by: actor.username, at: now });
        await this.audit.record(em, actor, `settings.${action}`, { type: 'settings', id: target.id }, { version: target.version, fromVersion, note, activationId }, now);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw SettingsErrors.publishConflict();
      throw error;
    }
    this.live.adopt(target.version, target.body);
    this.logger.log(`office settings version ${target.version} ${action === 'publish' ? 'published' : 'restored'} by ${actor.username}`);
    return { ...toSettingsVersionView(await this.get(target.id)), activationId };
  }

  private validBody(raw: unknown): OfficeSettingsBody {
    const result = this.check(raw);
    if (!result.body) throw SettingsErrors.invalid(result.errors);
    return result.body;
  }
}
