import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

type ColumnMetadata = ReturnType<DataSource['getMetadata']>['columns'][number];

/** Stays under both databases' limits on bound parameters (MySQL 65,535; SQLite 32,766). */
const MAX_PARAMETERS = 30_000;

/**
 * A multi-row INSERT of whole entities, for hot paths. TypeORM's insert builder re-derives every
 * column's expression for every row (8 % of the CPU of a registration, bench/profile-post.ts); this
 * builds the statement text once per row count and converts each value with the driver's own
 * `preparePersistentValue`, so dates, booleans and JSON columns are stored exactly as TypeORM stores
 * them. Every column of the entity that is inserted must be set by the caller: nothing is generated or read back.
 */
export class BulkInsert<T extends ObjectLiteral> {
  private readonly columns: ColumnMetadata[];
  private readonly head: string;
  private readonly rowPlaceholders: string;
  private readonly statements = new Map<number, string>();

  constructor(
    private readonly dataSource: DataSource,
    target: EntityTarget<T>,
    options: { ignoreDuplicates?: boolean } = {},
  ) {
    const metadata = dataSource.getMetadata(target);
    // Columns the entity never writes (`insert: false`, e.g. a trigger-kept mirror) are left to the database.
    this.columns = metadata.columns.filter((c) => c.isInsert);
    const transformed = this.columns.find((c) => c.transformer);
    if (transformed) throw new Error(`BulkInsert does not apply value transformers (${metadata.name}.${transformed.propertyName})`);
    const sqlite = dataSource.options.type === 'better-sqlite3';
    const verb = options.ignoreDuplicates ? (sqlite ? 'INSERT OR IGNORE' : 'INSERT IGNORE') : 'INSERT';
    const names = this.columns.map((c) => dataSource.driver.escape(c.databaseName)).join(', ');
    this.head = `${verb} INTO ${dataSource.driver.escape(metadata.tableName)} (${names}) VALUES `;
    this.rowPlaceholders = `(${this.columns.map(() => '?').join(', ')})`;
  }

  async run(em: EntityManager, rows: readonly T[]): Promise<void> {
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / this.columns.length));
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const parameters: unknown[] = [];
      for (const row of chunk) {
        for (const column of this.columns) {
          const value: unknown = row[column.propertyName];
          if (value === undefined) throw new Error(`${column.entityMetadata.name}.${column.propertyName} is not set`);
          parameters.push(this.dataSource.driver.preparePersistentValue(value, column));
        }
      }
      await em.query(this.statement(chunk.length), parameters);
    }
  }

  private statement(rowCount: number): string {
    let sql = this.statements.get(rowCount);
    if (!sql) {
      sql = this.head + Array.from({ length: rowCount }, () => this.rowPlaceholders).join(', ');
      this.statements.set(rowCount, sql);
    }
    return sql;
  }
}
