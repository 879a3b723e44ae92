import 'reflect-metadata';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config.js';
import { buildDataSourceOptions } from './data-source-options.js';

/** Applies pending migrations once, each in its own transaction; returns the names applied. */
export async function applyPendingMigrations(database: DatabaseConfig): Promise<string[]> {
  const dataSource = new DataSource(buildDataSourceOptions(database, false));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
