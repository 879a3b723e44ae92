import { describe, expect, it } from '@jest/globals';
import { fieldChanges } from './audit-changes.js';

describe('fieldChanges', () => {
  it('lists only the fields a PATCH changed, with their old and new values', () => {
    const before = { name: '信访室', categories: ['other'], active: true, email: null };
    expect(fieldChanges(before, { name: '信访室', categories: ['other', 'economy'], active: false, email: undefined })).toEqual([
      { field: 'categories', from: ['other'], to: ['other', 'economy'] },
      { field: 'active', from: true, to: false },
    ]);
  });

  it('gives every field from null on a creation and skips the ignored ones', () => {
    expect(fieldChanges(null, { id: 'x', name: '会议室', capacity: 20 }, ['id'])).toEqual([
      { field: 'name', from: null, to: '会议室' },
      { field: 'capacity', from: null, to: 20 },
    ]);
  });

  it('never values a password and masks ID and mobile numbers inside texts', () => {
    const changes = fieldChanges({ password: 'old-secret-2026', station: '站' }, { password: 'new-secret-2026', station: '联系 13812345678' });
    expect(changes[0]).toEqual({ field: 'password', from: null, to: null, hidden: true });
    expect(changes[1].to).toBe('联系 138****5678');
    expect(JSON.stringify(changes)).not.toMatch(/secret|13812345678/);
  });

  it('compares dates by instant', () => {
    const at = new Date('2026-11-26T02:00:00Z');
    expect(fieldChanges({ at }, { at: new Date(at.getTime()) })).toEqual([]);
  });
});
