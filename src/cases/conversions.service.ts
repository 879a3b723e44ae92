import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, type FindOptionsWhere, LessThan, MoreThanOrEqual, type Repository } from 'typeorm';
import type { Actor } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import { asRow } from '../database/rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { CaseConversion } from './case-conversion.entity.js';
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
    @InjectRepository(CaseConversion) private readonly conversions: Repository<CaseConversion>,
    private readonly cases: CaseRepository,
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
      await em.insert(CaseConversion, asRow(conversion));
      if (!(await this.cases.update(em, c.id, c.version, { updatedAt: now }))) throw CaseErrors.changedConcurrently();
      await this.cases.appendEvents(em, [
        {
          id: randomUUID(),
          caseId,
          at: now,
          caseVersion: c.version + 1,
          action: 'convert',
          fromStatus: c.status,
          toStatus: c.status,
          actorId: actor.id,
          actorName: actor.displayName,
          actorRole: actor.role,
          reason: input.title,
          data: { conversionId: conversion.id, kind: input.kind, relatedCaseIds: related },
        },
      ]);
    });
    return toView(conversion);
  }

  async list(query: ListConversionsQuery): Promise<ConversionView[]> {
    const where: FindOptionsWhere<CaseConversion> = {};
    if (query.kind) where.kind = query.kind;
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to) where.createdAt = Between(from, to);
    else if (from) where.createdAt = MoreThanOrEqual(from);
    else if (to) where.createdAt = LessThan(to);
    return (await this.conversions.find({ where, order: { createdAt: 'DESC' }, take: 1000 })).map(toView);
  }
}
