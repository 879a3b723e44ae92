import { describe, expect, it } from '@jest/globals';
import { MemoryCounterStore } from './counter-store.js';

describe('MemoryCounterStore', () => {
  it('counts hits within a window and starts again after it', async () => {
    let now = 1_000;
    const store = new MemoryCounterStore(() => now);
    expect(await store.hit('k', 60_000)).toEqual({ count: 1, resetMs: 60_000 });
    now += 10_000;
    expect(await store.hit('k', 60_000)).toEqual({ count: 2, resetMs: 50_000 });
    now += 50_000;
    expect(await store.hit('k', 60_000)).toEqual({ count: 1, resetMs: 60_000 });
    await store.close();
  });

  it('holds a lock for its time and forgets it when cleared', async () => {
    let now = 0;
    const store = new MemoryCounterStore(() => now);
    await store.hold('lock', 30_000);
    now = 10_000;
    expect(await store.remainingMs('lock')).toBe(20_000);
    await store.clear('lock');
    expect(await store.remainingMs('lock')).toBe(0);
    await store.close();
  });

  it('does not grow without bound under a flood of distinct keys', async () => {
    const store = new MemoryCounterStore(() => 0, 1_000);
    for (let i = 0; i < 5_000; i++) await store.hit(`flood-${i}`, 60_000);
    expect(await store.remainingMs('flood-4999')).toBe(60_000);
    expect(await store.remainingMs('flood-0')).toBe(0);
    await store.close();
  });
});
