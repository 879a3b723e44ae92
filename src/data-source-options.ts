import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './database/migrations/index.js';

/** TypeORM options for either mode; `synchronize` is never on: the schema comes from reviewed migrations. */
export function buildDataSourceOptions(database: DatabaseConfig, runMigrations: boolean): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: runMigrations,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: false,
  };
  if (database.kind === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.path,
      enableWAL: true,
      prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
    };
  }
  return {
    ...common,
    type: database.flavor,
    url: database.url,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    poolSize: database.poolSize,
    extra: { connectionLimit: database.poolSize },
  };
}
