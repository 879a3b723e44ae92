import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, type Repository } from 'typeorm';
import { BulkInsert } from '../database/bulk-insert.js';
import { CaseEvent } from './case-event.entity.js';

/** A statement's FROM … WHERE … ORDER BY part and its parameters. */
export interface SqlSource {
  sql: string;
  params: unknown[];
}

/** Marks a per-row value in an event template; the bulk statement puts the row's SQL expression there. */
const mark = (name: string): string => `@@row.${name}@@`;
const MARK = /@@row\.([A-Za-z]+)@@/g;

/** The timeline table (`case_events`): append-only, written by `CaseChanges` only, read in version order. */
@Injectable()
export class CaseEventRepository {
  /** INSERT IGNORE, as since the first version: an event whose id is already stored is not stored twice. */
  private readonly rows: BulkInsert<CaseEvent>;
  private readonly sqlite: boolean;

  constructor(
    @InjectRepository(CaseEvent) private readonly events: Repository<CaseEvent>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.rows = new BulkInsert(dataSource, CaseEvent, { ignoreDuplicates: true });
    this.sqlite = dataSource.options.type === 'better-sqlite3';
  }

  /** Timeline rows are only ever inserted; there is no update or delete path. */
  async append(em: EntityManager, events: CaseEvent[]): Promise<void> {
    await this.rows.run(em, events);
  }

  /**
   * Events for every row of `source`, in one `INSERT … SELECT`: the row is built by the same factory as
   * a single event (`make`), called once with a marker for each per-row value, and each marker becomes
   * the SQL expression `perRow` gives for it (inside `data` too, as text of the JSON). Constant values are
   * bound parameters converted as TypeORM stores them. Per-row values inside `data` must need no JSON
   * escaping (ids, unit codes). Returns the rows added (an id already stored is skipped).
   */
  async insertSelected<R extends object>(em: EntityManager, make: (row: R) => CaseEvent, perRow: { [K in keyof R]: string }, source: SqlSource): Promise<number> {
    const marks = Object.fromEntries(Object.keys(perRow).map((k) => [k, mark(k)])) as unknown as R;
    const template = make(marks);
    const expression = (name: string): string => {
      const sql = (perRow as Record<string, string>)[name];
      if (sql === undefined) throw new Error(`no SQL expression for the event's per-row value ${name}`);
      return sql;
    };
    const metadata = this.dataSource.getMetadata(CaseEvent);
    const select: string[] = [];
    const params: unknown[] = [];
    for (const column of metadata.columns) {
      const value: unknown = template[column.propertyName as keyof CaseEvent];
      const stored = column.type === 'simple-json' ? JSON.stringify(value) : value;
      if (typeof stored !== 'string' || !stored.includes('@@row.')) {
        select.push('?');
        params.push(this.dataSource.driver.preparePersistentValue(value, column));
        continue;
      }
      // Text with per-row parts: the constant pieces as parameters, the marks as expressions, concatenated.
      const parts: string[] = [];
      let last = 0;
      for (const m of stored.matchAll(MARK)) {
        const index = m.index ?? 0;
        if (index > last) {
          parts.push('?');
          params.push(stored.slice(last, index));
        }
        parts.push(expression(m[1]));
        last = index + m[0].length;
      }
      if (last < stored.length) {
        parts.push('?');
        params.push(stored.slice(last));
      }
      select.push(parts.length === 1 ? parts[0] : this.sqlite ? `(${parts.join(' || ')})` : `CONCAT(${parts.join(', ')})`);
    }
    const names = metadata.columns.map((c) => this.dataSource.driver.escape(c.databaseName)).join(', ');
    const sql = `${this.sqlite ? 'INSERT OR IGNORE' : 'INSERT IGNORE'} INTO case_events (${names}) SELECT ${select.join(', ')} ${source.sql}`;
    if (!em.queryRunner) throw new Error('bulk events are written inside a transaction');
    const result = await em.queryRunner.query(sql, [...params, ...source.params], true);
    return result.affected ?? 0;
  }

  /** The timelines of many cases in one query, oldest event first. */
  async timelines(caseIds: string[]): Promise<Map<string, CaseEvent[]>> {
    const byCase = new Map<string, CaseEvent[]>(caseIds.map((id) => [id, []]));
    if (!caseIds.length) return byCase;
    const events = await this.events.find({ where: { caseId: In(caseIds) }, order: { caseVersion: 'ASC', at: 'ASC', id: 'ASC' } });
    for (const e of events) byCase.get(e.caseId)?.push(e);
    return byCase;
  }

  timeline(caseId: string): Promise<CaseEvent[]> {
    return this.events.find({ where: { caseId }, order: { caseVersion: 'ASC', at: 'ASC', id: 'ASC' } });
  }
}
