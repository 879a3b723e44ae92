import { DateTime } from 'luxon';
import mysql from 'mysql2/promise';
import { JOB_NAMES } from '../../src/jobs/job-names.js';
import { databaseUrl, MYSQL_URL } from './env.js';

export type Conn = mysql.Connection;

export function serverConnection(): Promise<Conn> {
  return mysql.createConnection({ uri: MYSQL_URL, multipleStatements: false });
}

export function databaseConnection(database: string): Promise<Conn> {
  return mysql.createConnection({ uri: databaseUrl(database), timezone: 'Z', dateStrings: false, supportBigNumbers: true });
}

export async function recreateDatabase(database: string): Promise<void> {
  databaseUrl(database); // validates the bench_* name
  const conn = await serverConnection();
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await conn.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

export async function databaseExists(database: string): Promise<boolean> {
  const conn = await serverConnection();
  try {
    const [rows] = await conn.query<mysql.RowDataPacket[]>('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [database]);
    return rows.length > 0;
  } finally {
    await conn.end();
  }
}

export async function dropDatabase(database: string): Promise<void> {
  databaseUrl(database);
  const conn = await serverConnection();
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await conn.end();
  }
}

export async function scalar<T = number>(conn: Conn, sql: string, params: unknown[] = []): Promise<T> {
  const [rows] = await conn.query<mysql.RowDataPacket[]>(sql, params);
  const first = rows[0] as Record<string, unknown> | undefined;
  return (first ? Object.values(first)[0] : null) as T;
}

/**
 * The service enqueues the daily deadline sweep at start-up when it is past 06:00 office time
 * (DailyScheduler). On a 10^6-case database that sweep would run in the middle of a measurement,
 * so the benchmarks mark today's and tomorrow's daily sweep as already done (its dedupe key).
 */
export async function suppressDailySweep(conn: Conn, now = new Date()): Promise<void> {
  const local = DateTime.fromJSDate(now, { zone: 'Asia/Shanghai' });
  for (const day of [local, local.plus({ days: 1 })]) {
    const key = `${JOB_NAMES.deadlineSweep}:daily:${day.toISODate() ?? ''}`;
    await conn.query(
      `INSERT IGNORE INTO outbox_jobs (id, name, payload, dedupeKey, status, attempts, maxAttempts, runAt, createdAt, finishedAt)
       VALUES (UUID(), ?, ?, ?, 'done', 1, 8, ?, ?, ?)`,
      [JOB_NAMES.deadlineSweep, JSON.stringify({ requestedBy: 'schedule' }), key, now, now, now],
    );
  }
}

/** Server-wide InnoDB counters (the server is shared: deltas over a run include anyone else's work). */
export async function innodbCounters(conn: Conn): Promise<Record<string, number>> {
  const [rows] = await conn.query<mysql.RowDataPacket[]>(
    "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_deadlocks', 'Com_commit', 'Com_rollback', 'Innodb_row_lock_waits', 'Innodb_row_lock_time')",
  );
  return Object.fromEntries(rows.map((r) => [String(r.Variable_name), Number(r.Value)]));
}

export function delta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - (before[k] ?? 0)]));
}
