import { orderedIds } from './ordered-ids.js';

describe('orderedIds', () => {
  it('gives distinct version-7 UUIDs that sort in the order given, across milliseconds', () => {
    const ids = orderedIds(10_000, Date.UTC(2026, 10, 26, 2));
    expect(new Set(ids).size).toBe(10_000);
    expect([...ids].sort()).toEqual(ids);
    for (const id of [ids[0], ids[4095], ids[4096], ids[9999]]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[0].replace(/-/g, '').slice(0, 12)).toBe(Date.UTC(2026, 10, 26, 2).toString(16).padStart(12, '0'));
    expect(ids[4096].replace(/-/g, '').slice(0, 12)).toBe((Date.UTC(2026, 10, 26, 2) + 1).toString(16).padStart(12, '0'));
  });
});
