import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { DomainError } from '../common/errors.js';
import { APP_CONFIG } from '../common/tokens.js';
import { CaseErrors } from '../cases/case.errors.js';
import { CaseReader } from '../cases/case-reader.js';
import { runningDeadline } from '../cases/running-deadline.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { Actor } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import { OPEN_STATUSES } from '../domain/case-vocabulary.js';
import type { UnitLink } from './unit-link.entity.js';
import { UnitLinkSigner, unitLinkKey } from './unit-link-token.js';
import { unitLinkExpiry } from './unit-link-validity.js';
import { UnitLinkErrors } from './unit-links.errors.js';
import { type LinkedCaseFacts, UnitLinksRepository } from './unit-links.repository.js';

/** The console's page for a unit link (no login). */
export const unitLinkPageUrl = (publicBaseUrl: string, token: string): string => `${publicBaseUrl}/console/unit-link/${token}`;

export interface IssueUnitLink {
  caseId: string;
  unitCode: string;
  /** Who issues it: a user's id, or `system` for a hand-over notice. */
  createdBy: string;
}

export interface IssuedUnitLink {
  id: string;
  token: string;
  url: string;
  expiresAt: Date;
}

export type UnitLinkState = 'active' | 'expired' | 'revoked';

/** A case's links, and whether the secretariat may issue one by hand now. */
export interface CaseUnitLinksView {
  items: UnitLinkView[];
  /** Routed to a unit and still open: a link can be issued (otherwise POST answers 409 with the reason). */
  canIssue: boolean;
}

/** Why no link can be issued on a case in this state (null: it can): closed, or not yet with a unit. */
export function issueRefusal(facts: Pick<LinkedCaseFacts, 'status'>): DomainError | null {
  if (!OPEN_STATUSES.includes(facts.status)) return UnitLinkErrors.caseClosed();
  if (facts.status === 'registered' || facts.status === 'accepted') return UnitLinkErrors.noHandlingUnit();
  return null;
}

/** A link as the secretariat sees it on the case page. */
export interface UnitLinkView {
  id: string;
  caseId: string;
  unitCode: string;
  state: UnitLinkState;
  /** Only for a link that still works: the secretariat may pass it on by hand. */
  url: string | null;
  expiresAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  useCount: number;
}

/**
 * Unit links (单位办理链接): issued with each hand-over notice (H3's notices call `issueIn`) or by the
 * secretariat, listed and revoked on the case. The key is derived (HKDF, info "unit-links") from
 * `JWT_SECRET` like reply links: changing it invalidates the links sent so far.
 */
@Injectable()
export class UnitLinks {
  private readonly signer: UnitLinkSigner;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: UnitLinksRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly cases: CaseReader,
  ) {
    this.signer = new UnitLinkSigner(unitLinkKey(config.jwtSecret));
  }

  /**
   * A new link for this unit and case, in the caller's transaction: valid until the case's running
   * deadline plus `UNIT_LINK_DAYS` (30), at least that many days from now.
   */
  async issueIn(em: EntityManager, input: IssueUnitLink): Promise<IssuedUnitLink> {
    const facts = await this.repo.caseFactsIn(em, input.caseId);
    if (!facts) throw CaseErrors.notFound();
    const now = this.clock.now();
    const link: UnitLink = {
      id: randomUUID(),
      caseId: input.caseId,
      unitCode: input.unitCode,
      expiresAt: unitLinkExpiry(now, runningDeadline(facts)?.dueAt ?? null, this.config.unitLinkDays),
      revokedAt: null,
      revokedBy: null,
      createdBy: input.createdBy,
      createdAt: now,
      lastUsedAt: null,
      useCount: 0,
    };
    await this.repo.insertIn(em, link);
    const token = this.signer.sign(link.id);
    return { id: link.id, token, url: unitLinkPageUrl(this.config.publicBaseUrl, token), expiresAt: link.expiresAt };
  }

  /** The secretariat issues one by hand for the case's current handling unit (audited). */
  async issueByHand(caseId: string, actor: Actor): Promise<UnitLinkView> {
    const id = await this.tx.run(async (em) => {
      const facts = await this.repo.caseFactsIn(em, caseId);
      if (!facts) throw CaseErrors.notFound();
      const refusal = issueRefusal(facts);
      if (refusal) throw refusal;
      const issued = await this.issueIn(em, { caseId, unitCode: facts.routeHandledBy, createdBy: actor.id });
      await this.audit.record(em, actor, 'unit-link.issue', { type: 'case', id: caseId }, { linkId: issued.id, unitCode: facts.routeHandledBy, expiresAt: issued.expiresAt.toISOString() }, this.clock.now());
      return issued.id;
    });
    return this.view(await this.get(id));
  }

  async listForCase(caseId: string): Promise<CaseUnitLinksView> {
    const c = await this.cases.findById(caseId);
    if (!c) throw CaseErrors.notFound();
    return { items: (await this.repo.listForCase(caseId)).map((l) => this.view(l)), canIssue: issueRefusal(c) === null };
  }

  /** Revokes a link (a revoked one stays as it was revoked first); audited when this call revoked it. */
  async revoke(id: string, actor: Actor): Promise<UnitLinkView> {
    const link = await this.get(id);
    await this.tx.run(async (em) => {
      const now = this.clock.now();
      if (await this.repo.revokeIn(em, id, actor.id, now)) {
        await this.audit.record(em, actor, 'unit-link.revoke', { type: 'case', id: link.caseId }, { linkId: id, unitCode: link.unitCode }, now);
      }
    });
    return this.view(await this.get(id));
  }

  /** The link id a token names (404 UNIT_LINK_INVALID for anything but a genuine token). */
  linkIdOf(token: string): string {
    return this.signer.linkIdOf(token);
  }

  private async get(id: string): Promise<UnitLink> {
    const link = await this.repo.findById(id);
    if (!link) throw UnitLinkErrors.notFound();
    return link;
  }

  private view(l: UnitLink): UnitLinkView {
    const now = this.clock.now();
    const state: UnitLinkState = l.revokedAt ? 'revoked' : l.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
    return {
      id: l.id,
      caseId: l.caseId,
      unitCode: l.unitCode,
      state,
      url: state === 'active' ? unitLinkPageUrl(this.config.publicBaseUrl, this.signer.sign(l.id)) : null,
      expiresAt: l.expiresAt.toISOString(),
      revokedAt: l.revokedAt?.toISOString() ?? null,
      revokedBy: l.revokedBy,
      createdBy: l.createdBy,
      createdAt: l.createdAt.toISOString(),
      lastUsedAt: l.lastUsedAt?.toISOString() ?? null,
      useCount: l.useCount,
    };
  }
}
