import Database from 'better-sqlite3';

/** A real unique-key violation from SQLite, as a repository would meet it (for services' race handling). */
export function sqliteUniqueViolation(): Error {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (k TEXT UNIQUE)');
  db.exec("INSERT INTO t VALUES ('RACE')");
  let caught: unknown = null;
  try {
    db.exec("INSERT INTO t VALUES ('RACE')");
  } catch (error) {
    caught = error;
  } finally {
    db.close();
  }
  // (better-sqlite3's errors come from another realm under Jest's VM modules: no instanceof here)
  if (caught === null) throw new Error('expected a unique violation');
  return caught as Error;
}
