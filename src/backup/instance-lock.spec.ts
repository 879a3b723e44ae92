import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { InstanceLock, RUNNING_DIR } from './instance-lock.js';

const dir = mkdtempSync(join(tmpdir(), 'xf-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('InstanceLock', () => {
  it('lists a live instance with its key id until it is released', () => {
    const lock = InstanceLock.acquire(dir, { piiKeyId: 'abcd1234' }, new Date('2026-12-01T00:00:00Z'));
    expect(InstanceLock.live(dir)).toEqual([expect.objectContaining({ pid: process.pid, host: hostname(), piiKeyId: 'abcd1234', startedAt: '2026-12-01T00:00:00.000Z' })]);
    lock.release();
    expect(InstanceLock.live(dir)).toEqual([]);
  });

  it('ignores and removes the marker of a process that died without releasing it (kill -9)', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const file = join(dir, RUNNING_DIR, `${dead}-dead.json`);
    writeFileSync(file, JSON.stringify({ pid: Number(dead), host: hostname(), startedAt: '2026-12-01T00:00:00Z', piiKeyId: 'abcd1234' }));
    expect(InstanceLock.live(dir)).toEqual([]);
    expect(existsSync(file)).toBe(false);
  });

  it('keeps markers of two instances of one process apart', () => {
    const a = InstanceLock.acquire(dir, { piiKeyId: 'aaaaaaaa' });
    const b = InstanceLock.acquire(dir, { piiKeyId: 'bbbbbbbb' });
    expect(InstanceLock.live(dir).map((i) => i.piiKeyId).sort()).toEqual(['aaaaaaaa', 'bbbbbbbb']);
    a.release();
    expect(InstanceLock.live(dir).map((i) => i.piiKeyId)).toEqual(['bbbbbbbb']);
    b.release();
    expect(readdirSync(join(dir, RUNNING_DIR))).toEqual([]);
  });
});
