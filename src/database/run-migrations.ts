// `npm run migration:run`: applies pending migrations once (for deploys with RUN_MIGRATIONS=false on the instances).
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../config/app-config.js';
import { buildDataSourceOptions } from './data-source-options.js';

const config = loadConfig();
const dataSource = new DataSource(buildDataSourceOptions(config.database, false));
await dataSource.initialize();
const applied = await dataSource.runMigrations({ transaction: 'each' });
process.stdout.write(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}\n` : 'schema is up to date\n');
await dataSource.destroy();
