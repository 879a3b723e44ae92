import { Injectable } from '@nestjs/common';
import { isValidIdNumber } from '../common/pii/id-number.js';
import { isValidPhone } from '../common/pii/phone.js';
import { normalizeIdNumber, normalizePhone, PiiCipher } from '../common/pii/pii-cipher.js';
import { minusUtcMonths } from '../common/time/utc-months.js';
import type { CaseStatus, Grade } from '../domain/case-vocabulary.js';
import { Clock } from '../domain/clock.js';
import { REPEAT_WINDOW_MONTHS } from './case-facts.service.js';
import { CaseErrors } from './case.errors.js';
import { CaseRepository } from './case.repository.js';
import type { PetitionerHistoryQueryDto } from './dto/petitioner-history.dto.js';

/** How many of the petitioner's cases the hint lists. */
export const PETITIONER_HISTORY_LIMIT = 20;

export interface PetitionerHistoryCase {
  id: string;
  code: string;
  subject: string;
  status: CaseStatus;
  grade: Grade;
  receivedAt: string;
  registeredAt: string;
}

export interface PetitionerHistory {
  windowMonths: number;
  total: number;
  cases: PetitionerHistoryCase[];
}

/**
 * The intake form's hint "this petitioner has cases in the last 12 months": the cases found by the same
 * lookup hashes repeat detection counts (the ID number's and the phone's, under the current key and every
 * previous one during a rotation), received within the same window. The numbers are only hashed, never
 * stored, logged or named back in an error.
 */
@Injectable()
export class PetitionerHistoryService {
  constructor(
    private readonly repo: CaseRepository,
    private readonly cipher: PiiCipher,
    private readonly clock: Clock,
  ) {}

  async find(query: PetitionerHistoryQueryDto): Promise<PetitionerHistory> {
    const now = this.clock.now();
    const id = query.idNumber?.trim() ? normalizeIdNumber(query.idNumber) : null;
    const phone = query.phone?.trim() ? query.phone.trim() : null;
    if (id === null && phone === null) throw CaseErrors.petitionerLookupRequired();
    if (id !== null && !isValidIdNumber(id, now)) throw CaseErrors.invalidIdNumber('idNumber');
    if (phone !== null && !isValidPhone(normalizePhone(phone))) throw CaseErrors.invalidPhone('phone');
    const { items, total } = await this.repo.petitionerHistory({
      idHashes: id ? [this.cipher.lookupHash('id', id), ...this.cipher.previousLookupHashes('id', id)] : [],
      phoneHashes: phone ? [this.cipher.lookupHash('phone', phone), ...this.cipher.previousLookupHashes('phone', phone)] : [],
      since: minusUtcMonths(now, REPEAT_WINDOW_MONTHS),
      limit: PETITIONER_HISTORY_LIMIT,
    });
    return {
      windowMonths: REPEAT_WINDOW_MONTHS,
      total,
      cases: items.map((c) => ({
        id: c.id,
        code: c.code,
        subject: c.subject,
        status: c.status,
        grade: c.grade,
        receivedAt: c.receivedAt.toISOString(),
        registeredAt: c.registeredAt.toISOString(),
      })),
    };
  }
}
