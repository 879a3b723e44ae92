// Writes a migration holding the SQL that brings an empty database of each dialect to the entities.
// Usage (see docs/migrations.md): compile, then `node <out>/scripts/schema-sql.js <Name> <timestamp>`.
// The output is reviewed by hand and committed; it is never run against a live schema implicitly.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from '../src/entities.js';

async function upQueries(options: DataSourceOptions): Promise<string[]> {
  const ds = new DataSource(options);
  await ds.initialize();
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  return sql.upQueries.map((q) => q.query.trim());
}

const [name = 'Init', stamp = String(Date.now()), out] = process.argv.slice(2);
const sqlite = await upQueries({ type: 'better-sqlite3', database: ':memory:', entities: ENTITIES });
const mysql = (await upQueries({
  type: 'mariadb',
  url: process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/xf_schema',
  timezone: 'Z',
  charset: 'utf8mb4_unicode_ci',
  entities: ENTITIES,
})).map((q) => q.replace(/ENGINE=InnoDB$/, 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci'));
const list = (items: string[]): string => items.map((q) => `  ${JSON.stringify(q)},`).join('\n');
const file = `import type { MigrationInterface, QueryRunner } from 'typeorm';

const MYSQL_UP = [
${list(mysql)}
];

const SQLITE_UP = [
${list(sqlite)}
];

export class ${name}${stamp} implements MigrationInterface {
  name = '${name}${stamp}';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('${name}${stamp} cannot be reverted automatically; restore from backup.'));
  }
}
`;
if (out) writeFileSync(out, file);
else console.log(file);
