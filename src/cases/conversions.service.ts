import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { CaseConversion } from './case-conversion.entity.js';
import { CaseConversionRepository } from './case-conversion.repository.js';
import { CaseChanges } from './case-changes.js';
import { CaseErrors } from './case.errors.js';
import { CaseRepository } from './case.repository.js';
import type { CreateConversionDto, ListConversionsQuery } from './dto/conversion.dto.js';

export interface ConversionView {
  id: string;
  caseId: string;
  relatedCaseIds: string[];
  kind: CaseConversion['kind'];
  title: string;
  note: string | null;
  createdBy: string;
  createdAt: string;
}

const toView = (c: CaseConversion): ConversionView => ({ ...c, createdAt: c.createdAt.toISOString() });

/** 四个转化: records the conversion and leaves a `convert` event on the case's timeline, in one transaction. */
@Injectable()
export class ConversionsService {
  constructor(
    private readonly conversions: CaseConversionRepository,
    private readonly cases: CaseRepository,
    private readonly changes: CaseChanges,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async convert(caseId: string, input: CreateConversionDto, actor: Actor): Promise<ConversionView> {
    const c = await this.cases.findById(caseId);
    if (!c) throw CaseErrors.notFound();
    const related = input.relatedCaseIds ?? [];
    const found = new Set(await this.cases.existingIds(related));
    const missing = related.filter((id) => !found.has(id));
    if (missing.length) throw CaseErrors.unknownRelatedCases(missing);
    const now = this.clock.now();
    const conversion: CaseConversion = {
      id: randomUUID(),
      caseId,
      relatedCaseIds: related,
      kind: input.kind,
      title: input.title,
      note: input.note ?? null,
      createdBy: actor.username,
      createdAt: now,
    };
    await this.tx.run(async (em) => {
      await this.conversions.insert(em, conversion);
      await this.changes.recordConversionIn(em, c, { conversionId: conversion.id, kind: input.kind, title: input.title, relatedCaseIds: related }, { actor, at: now });
    });
    return toView(conversion);
  }

  /** Conversions recorded in [from, to) (either end open), newest first, at most 1,000. */
  async list(query: ListConversionsQuery): Promise<ConversionView[]> {
    const filter = { kind: query.kind, from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined };
    return (await this.conversions.list(filter, 1000)).map(toView);
  }
}
