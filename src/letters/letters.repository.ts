import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { asRow } from '../database/rows.js';
import type { LetterKind } from '../domain/letter-kinds.js';
import { CaseLetter, LetterTemplate } from './letter.entity.js';

@Injectable()
export class LettersRepository {
  private readonly mysql: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.mysql = dataSource.options.type !== 'better-sqlite3';
  }

  storedTemplates(em: EntityManager = this.dataSource.manager): Promise<LetterTemplate[]> {
    return em.find(LetterTemplate);
  }

  storedTemplate(kind: LetterKind, em: EntityManager = this.dataSource.manager): Promise<LetterTemplate | null> {
    return em.findOneBy(LetterTemplate, { kind });
  }

  /** Inserts the first stored edit of a kind (a unique violation when someone stored one first). */
  async insertTemplate(em: EntityManager, row: LetterTemplate): Promise<void> {
    await em.insert(LetterTemplate, asRow(row));
  }

  /** Optimistic update of a stored template; false when its version moved meanwhile. */
  async updateTemplate(em: EntityManager, kind: LetterKind, version: number, changes: Omit<LetterTemplate, 'kind' | 'version'>): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(LetterTemplate)
      .set({ ...changes, version: () => 'version + 1' })
      .where('kind = :kind AND version = :version', { kind, version })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * The next serial of a number prefix and year, in the generating transaction: the counter row stays
   * locked until commit, so two letters generated at once get consecutive numbers, never the same one.
   */
  async reserveSerial(em: EntityManager, numberPrefix: string, year: number): Promise<number> {
    if (this.mysql) {
      const result: { insertId?: number } = await em.query(
        'INSERT INTO letter_counters (numberPrefix, `year`, lastSerial) VALUES (?, ?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE lastSerial = LAST_INSERT_ID(lastSerial + 1)',
        [numberPrefix, year],
      );
      const last = Number(result.insertId);
      if (!Number.isSafeInteger(last) || last < 1) throw new Error(`letter counter ${numberPrefix}/${year} returned ${String(result.insertId)}`);
      return last;
    }
    const rows: { lastSerial: number }[] = await em.query(
      'INSERT INTO letter_counters (numberPrefix, "year", lastSerial) VALUES (?, ?, 1) ON CONFLICT(numberPrefix, "year") DO UPDATE SET lastSerial = lastSerial + 1 RETURNING lastSerial',
      [numberPrefix, year],
    );
    return Number(rows[0].lastSerial);
  }

  async insertLetter(em: EntityManager, letter: CaseLetter): Promise<void> {
    await em.insert(CaseLetter, asRow(letter));
  }

  lettersOfCase(caseId: string): Promise<CaseLetter[]> {
    return this.dataSource.manager.find(CaseLetter, { where: { caseId }, order: { createdAt: 'ASC', serial: 'ASC' } });
  }
}
