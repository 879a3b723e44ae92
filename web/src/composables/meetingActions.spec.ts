import { describe, expect, it } from 'vitest';
import { can } from './meetingActions';

describe('can (the buttons follow the API’s allowedActions)', () => {
  it('offers exactly the actions the API listed', () => {
    const meeting = { allowedActions: ['edit', 'confirm'] as const };
    expect(can({ allowedActions: [...meeting.allowedActions] }, 'confirm')).toBe(true);
    expect(can({ allowedActions: [...meeting.allowedActions] }, 'cancel')).toBe(false);
  });

  it('offers nothing without a meeting or with an empty list', () => {
    expect(can(null, 'edit')).toBe(false);
    expect(can(undefined, 'reply')).toBe(false);
    expect(can({ allowedActions: [] }, 'record-minutes')).toBe(false);
  });
});
