import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import type { Actor } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import { minusUtcMonths } from '../common/time/utc-months.js';
import { localTime } from '../common/time/zoned-time.js';
import { isValidIdNumber } from '../common/pii/id-number.js';
import { isValidPhone } from '../common/pii/phone.js';
import { normalizeIdNumber, normalizePhone, PiiCipher } from '../common/pii/pii-cipher.js';
import { APP_CONFIG } from '../common/tokens.js';
import { isUniqueViolation } from '../database/transaction-runner.js';
import { DirectoryService } from '../directory/directory.service.js';
import { RulesService } from '../rules/rules.service.js';
import { CaseErrors } from './case.errors.js';
import { registrationEvent } from './case-events.js';
import { NO_UNIT_LOOP, type PetitionCase } from './case.entity.js';
import { caseFacts } from './case-facts.js';
import { CaseFactsService, type DerivedFacts } from './case-facts.service.js';
import type { EvaluateCaseDto } from './dto/evaluate-case.dto.js';
import type { RuleSetRunner } from '../rules/rule-set-runner.js';
import { type EvaluationView, withExplanation } from '../rules/evaluation-explanation.js';
import type { Route, Grade, MeetingType } from '../domain/case-vocabulary.js';
import { CaseRepository } from './case.repository.js';
import { OfficeSettings } from '../settings/office-settings.js';
import type { DeadlineCalculator } from './deadlines.js';
import { deadlinesOf } from './office-deadlines.js';
import { IntakeWriter } from './intake-writer.js';
import type { CreateCaseDto } from './dto/create-case.dto.js';
import { evaluatedFields } from './recorded-changes.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,100}$/;

export interface Preview {
  grade: Grade;
  route: Route;
  flags: string[];
  meetingType: MeetingType | null;
  facts: DerivedFacts;
  deadlines: { acceptDueAt: string; replyDueAtIfHandledNow: string };
  /** As a case would store it, with the explanation in words. */
  evaluation: EvaluationView;
}

export interface Registration {
  petitionCase: PetitionCase;
  /** True when an `Idempotency-Key` retry returned the case registered before. */
  replayed: boolean;
}

/** 受理登记: validates, derives the facts, grades and routes by the rules, and stores the case with its first timeline event. */
@Injectable()
export class IntakeService {
  constructor(
    private readonly repo: CaseRepository,
    private readonly facts: CaseFactsService,
    private readonly rules: RulesService,
    private readonly directory: DirectoryService,
    private readonly cipher: PiiCipher,
    private readonly settings: OfficeSettings,
    private readonly writer: IntakeWriter,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The calculator of the office settings in force now (a new version applies from the next computation). */
  private get deadlines(): DeadlineCalculator {
    return deadlinesOf(this.settings);
  }

  async register(input: CreateCaseDto, actor: Actor, idempotencyKey?: string): Promise<Registration> {
    const scopedKey = idempotencyKey === undefined ? null : this.scopeKey(idempotencyKey, actor);
    const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
    if (scopedKey) {
      const replay = await this.replay(scopedKey, requestHash);
      if (replay) return replay;
    }
    const now = this.clock.now();
    const { receivedAt, petitioner, relatedIds, derived, evaluation } = await this.assess(input, now);
    const acceptDueAt = this.deadlines.acceptDue(now, evaluation.deadlines.acceptDays);
    const year = Number(localTime(now, this.settings.timeZone()).date.slice(0, 4));

    const draft: Omit<PetitionCase, 'code'> = {
      id: randomUUID(),
      channel: input.channel,
      receivedAt,
      registeredAt: now,
      status: 'registered',
      ...evaluatedFields(evaluation),
      ...petitioner,
      headcount: input.headcount ?? 1,
      subject: input.subject.trim(),
      content: input.content,
      category: input.category,
      region: input.region.trim(),
      unitsInvolved: input.unitsInvolved ?? [],
      deputyReported: (input.deputyReported ?? false) || input.reportedByDeputyId !== undefined,
      reportedByDeputyId: input.reportedByDeputyId ?? null,
      important: input.important ?? false,
      provincialReferral: input.provincialReferral ?? false,
      leaderInstructed: input.leaderInstructed ?? false,
      relatedCaseIds: relatedIds,
      ...derived,
      acceptDueAt,
      replyDueAt: null,
      dueAt: acceptDueAt,
      reportRequired: false,
      extensionUsed: false,
      resupervisionCount: 0,
      acceptedAt: null,
      routedAt: null,
      ...NO_UNIT_LOOP,
      repliedAt: null,
      repliedOnTime: false,
      feedback: null,
      feedbackAt: null,
      closedAt: null,
      leadLeaderId: null,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };

    try {
      const petitionCase = await this.writer.write({
        year,
        draft,
        event: (stored) => registrationEvent(stored, actor),
        idempotencyKey: scopedKey ? { scopedKey, requestHash, caseId: draft.id, createdAt: now } : null,
      });
      return { petitionCase, replayed: false };
    } catch (error) {
      if (scopedKey && isUniqueViolation(error)) {
        const replay = await this.replay(scopedKey, requestHash);
        if (replay) return replay;
      }
      throw error;
    }
  }

  /** 试算: how the active (or the given) rule set would grade and route this case; nothing is stored. */
  async preview(input: EvaluateCaseDto, runner?: RuleSetRunner): Promise<Preview> {
    const now = this.clock.now();
    const { derived, evaluation } = await this.assess(input, now, runner, {
      repeatCount: input.repeatCount,
      similarOpenCases: input.similarOpenCases,
      relatedDissatisfied: input.relatedDissatisfied,
    });
    const acceptDueAt = this.deadlines.acceptDue(now, evaluation.deadlines.acceptDays);
    const replyDueAt =
      evaluation.route.mode === 'supervised'
        ? this.deadlines.supervisedReplyDue(now, evaluation.deadlines.supervisedReplyMonths)
        : this.deadlines.handleDue(now, evaluation.deadlines.handleDays);
    return {
      grade: evaluation.grade,
      route: evaluation.route,
      flags: evaluation.flags,
      meetingType: evaluation.meetingType,
      facts: derived,
      deadlines: { acceptDueAt: acceptDueAt.toISOString(), replyDueAtIfHandledNow: replyDueAt.toISOString() },
      evaluation: withExplanation(evaluation),
    };
  }

  /** Validation, protection of personal data, derived facts and the rules' verdict for one registration. */
  private async assess(input: CreateCaseDto, now: Date, runner?: RuleSetRunner, overrides: Partial<DerivedFacts> = {}) {
    const receivedAt = this.checkReceivedAt(input.receivedAt, now);
    const petitioner = this.protectPetitioner(input);
    if (input.unitsInvolved?.length) await this.directory.assertUnitCodes(input.unitsInvolved);
    if (input.reportedByDeputyId !== undefined) await this.assertReportingDeputy(input.reportedByDeputyId);
    const relatedIds = input.relatedCaseIds ?? [];
    if (relatedIds.length) {
      const found = new Set(await this.repo.existingIds(relatedIds));
      const missing = relatedIds.filter((id) => !found.has(id));
      if (missing.length) throw CaseErrors.unknownRelatedCases(missing);
    }
    const computed = await this.facts.derive(
      { receivedAt, category: input.category, region: input.region.trim(), relatedCaseIds: relatedIds, ...petitioner, ...this.previousLookups(petitioner, input) },
      now,
    );
    const derived: DerivedFacts = {
      repeatCount: overrides.repeatCount ?? computed.repeatCount,
      similarOpenCases: overrides.similarOpenCases ?? computed.similarOpenCases,
      relatedDissatisfied: overrides.relatedDissatisfied ?? computed.relatedDissatisfied,
    };
    const facts = caseFacts(input, derived);
    const evaluation = runner ? await runner.evaluate(facts) : await this.rules.evaluate(facts);
    return { receivedAt, petitioner, relatedIds, derived, evaluation };
  }

  /** The deputy named as reporter must be an active deputy of the directory (422 REPORTING_DEPUTY_UNKNOWN). */
  private async assertReportingDeputy(id: string): Promise<void> {
    const deputy = await this.directory.findDeputy(id);
    if (!deputy?.active) throw CaseErrors.unknownReportingDeputy();
  }

  private scopeKey(key: string, actor: Actor): string {
    if (!IDEMPOTENCY_KEY.test(key)) throw CaseErrors.invalidIdempotencyKey();
    return `${actor.id}:${key}`;
  }

  private async replay(scopedKey: string, requestHash: string): Promise<Registration | null> {
    const existing = await this.repo.findIdempotencyKey(scopedKey);
    if (!existing) return null;
    if (existing.requestHash !== requestHash) throw CaseErrors.idempotencyKeyReused();
    const petitionCase = await this.repo.findById(existing.caseId);
    return petitionCase ? { petitionCase, replayed: true } : null;
  }

  private checkReceivedAt(value: string, now: Date): Date {
    const receivedAt = new Date(value);
    if (receivedAt.getTime() > now.getTime() + this.config.receivedAtToleranceMinutes * 60_000) {
      throw CaseErrors.receivedInFuture(this.config.receivedAtToleranceMinutes);
    }
    if (minusUtcMonths(now, 5 * 12) > receivedAt) throw CaseErrors.receivedTooLongAgo();
    return receivedAt;
  }

  /** During a key rotation: the petitioner's hashes under the previous keys, so earlier cases not yet rotated still count. */
  private previousLookups(protectedFields: Pick<PetitionCase, 'petitionerIdHash' | 'petitionerPhoneHash'>, input: CreateCaseDto): { previousIdHashes: string[]; previousPhoneHashes: string[] } {
    const { idNumber, phone } = input.petitioner;
    return {
      previousIdHashes: protectedFields.petitionerIdHash && idNumber ? this.cipher.previousLookupHashes('id', idNumber) : [],
      previousPhoneHashes: protectedFields.petitionerPhoneHash && phone ? this.cipher.previousLookupHashes('phone', phone.trim()) : [],
    };
  }

  /** Validates the ID number and phone, encrypts them (and the address) and derives the lookup hashes. */
  private protectPetitioner(input: CreateCaseDto): Pick<
    PetitionCase,
    | 'petitionerName'
    | 'petitionerOrganisation'
    | 'petitionerIdCipher'
    | 'petitionerIdHash'
    | 'petitionerPhoneCipher'
    | 'petitionerPhoneHash'
    | 'petitionerAddressCipher'
  > {
    const { name, idNumber, phone, address, organisation } = input.petitioner;
    const id = idNumber?.trim() ? normalizeIdNumber(idNumber) : null;
    if (id !== null && !isValidIdNumber(id, this.clock.now())) throw CaseErrors.invalidIdNumber();
    const tel = phone?.trim() ? phone.trim() : null;
    if (tel !== null && !isValidPhone(normalizePhone(tel))) throw CaseErrors.invalidPhone();
    return {
      petitionerName: name.trim(),
      petitionerOrganisation: organisation?.trim() || null,
      petitionerIdCipher: id ? this.cipher.encrypt(id) : null,
      petitionerIdHash: id ? this.cipher.lookupHash('id', id) : null,
      petitionerPhoneCipher: tel ? this.cipher.encrypt(normalizePhone(tel)) : null,
      petitionerPhoneHash: tel ? this.cipher.lookupHash('phone', tel) : null,
      petitionerAddressCipher: address?.trim() ? this.cipher.encrypt(address.trim()) : null,
    };
  }
}
