// `npm run migration:run`: applies pending migrations once (for deploys with RUN_MIGRATIONS=false on the instances).
import { loadConfig } from '../config/app-config.js';
import { applyPendingMigrations } from './migrate.js';

const applied = await applyPendingMigrations(loadConfig().database);
process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
