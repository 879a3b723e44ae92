import { describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { QueryFailedError } from 'typeorm';
import { isDeadlock, isUniqueViolation, retryOnUniqueViolation } from './db-errors.js';

/** A real better-sqlite3 error from running `sql` on a table with a primary key and a unique column. */
function sqliteError(sql: string): unknown {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (a INTEGER PRIMARY KEY, b INTEGER UNIQUE, c INTEGER NOT NULL)');
  db.exec('INSERT INTO t VALUES (1, 1, 1)');
  try {
    db.exec(sql);
    return null;
  } catch (error) {
    return error;
  } finally {
    db.close();
  }
}

/** The shape mysql2 gives its errors (code, errno, sqlState). */
const mysqlError = (code: string, errno: number): Error => Object.assign(new Error(code), { code, errno, sqlState: '23000' });

describe('database error classification', () => {
  it('recognises SQLite unique and primary-key violations, raw and wrapped by TypeORM', () => {
    const unique = sqliteError('INSERT INTO t VALUES (2, 1, 1)');
    const primary = sqliteError('INSERT INTO t VALUES (1, 2, 1)');
    expect([isUniqueViolation(unique), isUniqueViolation(primary)]).toEqual([true, true]);
    expect(isUniqueViolation(new QueryFailedError('INSERT', [], unique as Error))).toBe(true);
  });

  it('does not take a NOT NULL violation or other errors for a duplicate', () => {
    const notNull = sqliteError('INSERT INTO t VALUES (3, 3, NULL)');
    expect((notNull as { code: string }).code).toBe('SQLITE_CONSTRAINT_NOTNULL');
    expect([isUniqueViolation(notNull), isUniqueViolation(new Error('x')), isUniqueViolation(null), isUniqueViolation('ER_DUP_ENTRY')]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('recognises MySQL/MariaDB duplicate entries by code or errno', () => {
    expect(isUniqueViolation(mysqlError('ER_DUP_ENTRY', 1062))).toBe(true);
    expect(isUniqueViolation(new QueryFailedError('INSERT', [], mysqlError('ER_DUP_ENTRY', 1062)))).toBe(true);
    expect(isUniqueViolation({ errno: 1062 })).toBe(true);
    expect(isUniqueViolation(mysqlError('ER_BAD_NULL_ERROR', 1048))).toBe(false);
  });

  it('recognises deadlocks, lock wait timeouts and a busy SQLite file as retryable, and nothing else', () => {
    expect(
      [mysqlError('ER_LOCK_DEADLOCK', 1213), mysqlError('ER_LOCK_WAIT_TIMEOUT', 1205), { code: 'SQLITE_BUSY' }, { driverError: { errno: 1213 } }].map(isDeadlock),
    ).toEqual([true, true, true, true]);
    expect([mysqlError('ER_DUP_ENTRY', 1062), new Error('boom'), undefined].map(isDeadlock)).toEqual([false, false, false]);
  });
});

describe('retryOnUniqueViolation', () => {
  const duplicate = Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY' });

  it('runs again after a lost race on a unique key and returns the first success', async () => {
    let calls = 0;
    const result = await retryOnUniqueViolation(
      4,
      () => {
        calls++;
        return calls < 3 ? Promise.reject(duplicate) : Promise.resolve(`version ${calls}`);
      },
      () => new Error('exhausted'),
    );
    expect([result, calls]).toEqual(['version 3', 3]);
  });

  it('throws the caller’s error after the last attempt', async () => {
    let calls = 0;
    const run = retryOnUniqueViolation(
      3,
      () => {
        calls++;
        return Promise.reject(duplicate);
      },
      () => new Error('VERSION_TAKEN'),
    );
    await expect(run).rejects.toThrow('VERSION_TAKEN');
    expect(calls).toBe(3);
  });

  it('passes any other error through at once', async () => {
    let calls = 0;
    const run = retryOnUniqueViolation(
      5,
      () => {
        calls++;
        return Promise.reject(new Error('disk full'));
      },
      () => new Error('exhausted'),
    );
    await expect(run).rejects.toThrow('disk full');
    expect(calls).toBe(1);
  });
});
