import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { SqliteBackup } from './sqlite-backup.js';

const dir = mkdtempSync(join(tmpdir(), 'xf-sqlite-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function liveDatabase(rows: number): { db: Database.Database; path: string } {
  const path = join(dir, `live${n++}.sqlite`);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run('x'.repeat(300));
  })();
  return { db, path };
}

function read(path: string): { n: number; uncommitted: number; integrity: string } {
  const db = new Database(path, { readonly: true });
  try {
    const row = db.prepare("SELECT COUNT(*) AS n, COALESCE(SUM(v = 'uncommitted'), 0) AS uncommitted FROM t").get() as { n: number; uncommitted: number };
    return { ...row, integrity: String(db.pragma('integrity_check', { simple: true })) };
  } finally {
    db.close();
  }
}

describe('SqliteBackup', () => {
  it('through the live connection: takes what is committed during the copy, never an open transaction', async () => {
    const { db } = liveDatabase(20_000);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    let steps = 0;
    const destination = join(dir, `copy${n++}.sqlite`);
    // An open write transaction at the very first step: the copy must wait, not end empty.
    db.exec('BEGIN IMMEDIATE');
    insert.run('uncommitted');
    setTimeout(() => db.exec('ROLLBACK'), 60);
    const result = await SqliteBackup.fromConnection(db, destination, () => {
      steps++;
      if (steps === 3) insert.run('committed during the copy');
    }, 50);
    db.close();
    expect(result.pages).toBeGreaterThan(100);
    expect(result.restarts).toBe(0);
    expect(read(destination)).toEqual({ n: 20_001, uncommitted: 0, integrity: 'ok' });
  });

  it('through its own connection: finishes while another connection keeps writing (restarts copy the rest at once)', async () => {
    const { db, path } = liveDatabase(20_000);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        insert.run('y');
        written++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const destination = join(dir, `copy${n++}.sqlite`);
    const result = await SqliteBackup.fromFile(path, destination, undefined, 20);
    writing = false;
    await writer;
    db.close();
    const copy = read(destination);
    expect(copy.integrity).toBe('ok');
    expect(copy.n).toBeGreaterThanOrEqual(20_000);
    expect(copy.n).toBeLessThanOrEqual(20_000 + written);
    expect(written).toBeGreaterThan(0);
    expect(result.restarts).toBeGreaterThan(0);
    expect(result.pages).toBeGreaterThan(100);
  });
});
