import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LetterTemplateDefaults } from '../../config/letter-templates.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { isUniqueViolation } from '../database/db-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { Actor } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import { LETTER_KIND_LABELS, LETTER_KINDS, LETTER_PLACEHOLDERS, type LetterKind, type LetterPlaceholder, type LetterTemplateText } from '../domain/letter-kinds.js';
import { OfficeSettings } from '../settings/office-settings.js';
import { chineseDate, officeYear } from './letter-facts.js';
import { assertValidTemplate, type FilledLetter, fillTemplate, letterNumber, type LetterValues } from './letter-template.js';
import type { LetterTemplate } from './letter.entity.js';
import { LetterErrors } from './letters.errors.js';
import { LettersRepository } from './letters.repository.js';

export const LETTER_TEMPLATE_DEFAULTS = Symbol('LetterTemplateDefaults');

/** One kind's wording as the console shows it: shipped (`version` 0) or stored by an admin. */
export interface LetterTemplateView extends LetterTemplateText {
  kind: LetterKind;
  label: string;
  labelEn: string;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
  placeholders: readonly LetterPlaceholder[];
}

export interface LetterPreview extends FilledLetter {
  number: string;
  office: string;
  date: string;
}

/** The placeholders' example values for a preview (an invented case; no real petitioner). */
const SAMPLE: Omit<LetterValues, 'officeName' | 'date' | 'number'> = {
  caseCode: 'XF-2026-000123',
  subject: '小区加装电梯补贴未兑现',
  receivedDate: '2026年11月20日',
  acceptedDate: '2026年11月23日',
  routedDate: '2026年11月24日',
  dueDate: '2026年12月23日',
  petitionerName: '张三',
  unitName: '市人民政府',
  reason: '（理由或意见）',
};

/**
 * The wording of the letters (公文模板): the shipped defaults (config/letter-templates.json) until an
 * admin stores an edit; edits are validated (unknown placeholders refused, naming them), versioned with
 * who and when, and audited. The next letter generated uses the wording in force.
 */
@Injectable()
export class LetterTemplatesService implements OnModuleInit {
  constructor(
    @Inject(LETTER_TEMPLATE_DEFAULTS) private readonly defaults: LetterTemplateDefaults,
    private readonly repo: LettersRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    private readonly settings: OfficeSettings,
  ) {}

  /** The shipped wording must be valid: a typo in config/letter-templates.json stops the boot. */
  onModuleInit(): void {
    for (const kind of LETTER_KINDS) {
      try {
        assertValidTemplate(this.defaults[kind]);
      } catch (error) {
        throw new Error(`config/letter-templates.json: "${kind}": ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    }
  }

  async list(): Promise<LetterTemplateView[]> {
    const stored = new Map((await this.repo.storedTemplates()).map((t) => [t.kind, t]));
    return LETTER_KINDS.map((kind) => this.view(kind, stored.get(kind) ?? null));
  }

  async get(kind: LetterKind): Promise<LetterTemplateView> {
    return this.view(kind, await this.repo.storedTemplate(kind));
  }

  /** The wording in force for a kind, read in the caller's transaction. */
  async textFor(kind: LetterKind, em?: EntityManager): Promise<LetterTemplateText> {
    const stored = await this.repo.storedTemplate(kind, em);
    return stored ? pick(stored) : this.defaults[kind];
  }

  /**
   * Stores an admin's wording. `version`: the version the editor read (0 for the shipped wording);
   * when given and no longer current, 409. Audited as `letter-template.update`.
   */
  async update(kind: LetterKind, input: LetterTemplateText & { version?: number }, actor: Actor): Promise<LetterTemplateView> {
    const text = pick(input);
    assertValidTemplate(text);
    const now = this.clock.now();
    try {
      await this.tx.run(async (em) => {
        const current = await this.repo.storedTemplate(kind, em);
        const currentVersion = current?.version ?? 0;
        if (input.version !== undefined && input.version !== currentVersion) throw LetterErrors.changedConcurrently();
        const changes = { ...text, updatedBy: actor.displayName.slice(0, 100), updatedAt: now };
        if (!current) await this.repo.insertTemplate(em, { kind, version: 1, ...changes });
        else if (!(await this.repo.updateTemplate(em, kind, current.version, changes))) throw LetterErrors.changedConcurrently();
        await this.audit.record(em, actor, 'letter-template.update', { type: 'letter-template', id: kind }, { kind, version: currentVersion + 1, numberPrefix: text.numberPrefix }, now);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw LetterErrors.changedConcurrently();
      throw error;
    }
    return this.get(kind);
  }

  /** The wording filled in with an invented case, without storing anything (422 like `update` when invalid). */
  preview(kind: LetterKind, input: LetterTemplateText): LetterPreview {
    const text = pick(input);
    assertValidTemplate(text);
    const now = this.clock.now();
    const office = this.officeName();
    const year = officeYear(now, this.settings.timeZone());
    const number = letterNumber(text.numberPrefix, year, 1);
    const values: LetterValues = { ...SAMPLE, petitionerName: kind === 'acceptance-notice' || kind === 'rejection-notice' ? SAMPLE.petitionerName : '张*', officeName: office, date: chineseDate(now, this.settings.timeZone()), number };
    return { ...fillTemplate(text, values), number, office, date: values.date as string };
  }

  /** The issuing office (版头 and signature): the organizer named in the office settings. */
  officeName(): string {
    return this.settings.meetings().invites.organizerName;
  }

  private view(kind: LetterKind, stored: LetterTemplate | null): LetterTemplateView {
    return {
      kind,
      label: LETTER_KIND_LABELS[kind].zh,
      labelEn: LETTER_KIND_LABELS[kind].en,
      ...(stored ? pick(stored) : this.defaults[kind]),
      version: stored?.version ?? 0,
      updatedBy: stored?.updatedBy ?? null,
      updatedAt: stored?.updatedAt.toISOString() ?? null,
      placeholders: LETTER_PLACEHOLDERS,
    };
  }
}

const pick = (t: LetterTemplateText): LetterTemplateText => ({ title: t.title, numberPrefix: t.numberPrefix, addressee: t.addressee, body: t.body.replace(/\r\n?/g, '\n') });

export const isLetterKind = (value: string): value is LetterKind => (LETTER_KINDS as readonly string[]).includes(value);
