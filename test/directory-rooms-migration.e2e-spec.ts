import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MigrationTestDatabase } from './support/migration-database.js';

/**
 * Migration 1764000000016 on a database that already holds units: each keeps its columns and gets an
 * empty responsibility list; the rooms table appears; reverting gives the units back as they were.
 */
const ROOMS = 1764000000016;

describe('migration 1764000000016: units get responsibilities, rooms appear', () => {
  let db: MigrationTestDatabase;
  const units = async (): Promise<Record<string, unknown>[]> =>
    (await db.ds.query<Record<string, unknown>[]>('SELECT * FROM units ORDER BY code')).map((u) => ({ ...u, active: Number(u.active) }));

  beforeAll(async () => {
    db = await MigrationTestDatabase.create(ROOMS);
  });
  afterAll(() => db.drop());

  it('keeps every unit, with an empty list of responsibilities, and reverts cleanly', async () => {
    const insert = 'INSERT INTO units (id, code, name, shortName, nameEn, kind, categories, email, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
    await db.ds.query(insert, ['u1', 'OFFICE', '信访室', '信访室', 'Petition Office', 'office', '["other"]', 'xf@example.cn', 1]);
    await db.ds.query(insert, ['u2', 'GOV', '市人民政府', null, null, 'external', '[]', null, 0]);
    const before = await units();
    const ran = await db.runMigrationUnderTest();
    expect(ran).toEqual(db.namesUnderTest);
    expect(await units()).toEqual(before.map((u) => ({ ...u, responsibilities: '[]' })));
    await db.ds.query('INSERT INTO rooms (id, name, capacity, equipment, location) VALUES (?, ?, ?, ?, ?)', ['r1', '常委会第三会议室', 40, '[]', null]);
    await expect(db.ds.query('INSERT INTO rooms (id, name, capacity, equipment, location) VALUES (?, ?, ?, ?, ?)', ['r2', '常委会第三会议室', 10, '[]', null])).rejects.toThrow();
    // The unique unit code survived the rebuild (SQLite copies the table).
    const withList = 'INSERT INTO units (id, code, name, shortName, nameEn, kind, categories, email, active, responsibilities) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
    await expect(db.ds.query(withList, ['u3', 'GOV', '重复', null, null, 'external', '[]', null, 1, '[]'])).rejects.toThrow(/UNIQUE|Duplicate/i);
    await db.ds.query(withList, ['u4', 'EDU', '市教育局', null, null, 'external', '[]', null, 1, '["受理登记"]']);
    await db.ds.query("DELETE FROM units WHERE id = 'u4'");

    await db.ds.undoLastMigration();
    expect(await units()).toEqual(before);
    await expect(db.ds.query('SELECT COUNT(*) FROM rooms')).rejects.toThrow();
  });
});
