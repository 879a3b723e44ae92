/**
 * Classifies database errors the same way on both drivers (better-sqlite3 and mysql2/MariaDB).
 * TypeORM's QueryFailedError copies the driver's `code`/`errno` onto itself and keeps the original in
 * `driverError`; both places are read so that a raw driver error is recognised too.
 */

interface DriverErrorShape {
  code?: unknown;
  errno?: unknown;
  driverError?: { code?: unknown; errno?: unknown };
}

const UNIQUE_CODES = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
/** MySQL/MariaDB: 1062 duplicate entry. */
const UNIQUE_ERRNOS = new Set([1062]);
const RETRYABLE_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_LOCKED']);
/** MySQL/MariaDB: 1213 deadlock, 1205 lock wait timeout. */
const RETRYABLE_ERRNOS = new Set([1213, 1205]);

function codes(error: unknown): { code: unknown; errno: unknown }[] {
  if (typeof error !== 'object' || error === null) return [];
  const e = error as DriverErrorShape;
  const found = [{ code: e.code, errno: e.errno }];
  if (typeof e.driverError === 'object' && e.driverError !== null) found.push({ code: e.driverError.code, errno: e.driverError.errno });
  return found;
}

/** True when the error is a unique-key (or primary-key) violation on either database. */
export function isUniqueViolation(error: unknown): boolean {
  return codes(error).some(({ code, errno }) => (typeof code === 'string' && UNIQUE_CODES.has(code)) || (typeof errno === 'number' && UNIQUE_ERRNOS.has(errno)));
}

/** True when the statement lost a lock race (deadlock victim, lock wait timeout, busy SQLite file): re-running the transaction may succeed. */
export function isDeadlock(error: unknown): boolean {
  return codes(error).some(
    ({ code, errno }) => (typeof code === 'string' && RETRYABLE_CODES.has(code)) || (typeof errno === 'number' && RETRYABLE_ERRNOS.has(errno)),
  );
}

/**
 * Runs `attempt` again when it loses a race on a unique key (two writers took the same next number),
 * after a short random pause that grows with each try; past `attempts` it throws `exhausted()`, so the
 * caller hears it was a race, not an internal error. Any other error passes through at once.
 */
export async function retryOnUniqueViolation<T>(attempts: number, attempt: () => Promise<T>, exhausted: () => Error): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (n >= attempts) throw exhausted();
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * n));
    }
  }
}
