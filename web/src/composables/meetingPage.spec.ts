import { describe, expect, it } from 'vitest';
import type { components } from '@/api/schema';
import { ApiError } from '@/api/errors';
import { deliveryRows, inviteFileName, isNotVisible, latestDeliveries } from './meetingPage';
import { attendeeFixture } from './planningFixtures';

type Delivery = components['schemas']['InviteDeliveryResponse'];

const delivery = (overrides: Partial<Delivery>): Delivery => ({
  id: 'd',
  attendee: { kind: 'leader', id: 'leader-li', name: '李明华主任' },
  email: 'li@example.cn',
  sequence: 0,
  method: 'REQUEST',
  status: 'sent',
  attempts: 1,
  lastError: null,
  createdAt: '2026-12-04T02:00:00.000Z',
  sentAt: '2026-12-04T02:00:05.000Z',
  ...overrides,
});

describe('deliveries', () => {
  it('keeps each attendee’s latest invite', () => {
    const rows = latestDeliveries([
      delivery({ id: 'li-0', sequence: 0, status: 'superseded' }),
      delivery({ id: 'gov-0', attendee: { kind: 'unit', id: 'GOV', name: '市人民政府' } }),
      delivery({ id: 'li-1', sequence: 1, status: 'failed' }),
      delivery({ id: 'li-1-cancel', sequence: 1, method: 'CANCEL', createdAt: '2026-12-05T02:00:00.000Z' }),
    ]);
    expect(rows.map((d) => d.id)).toEqual(['li-1-cancel', 'gov-0']);
  });

  it('gives every attendee a row, with no delivery before the first invite', () => {
    const attendees = [
      attendeeFixture({ email: 'li@example.cn' }),
      attendeeFixture({ kind: 'unit', id: 'GOV', name: '市人民政府', role: 'required', attendeeId: 'att-gov' }),
    ];
    const rows = deliveryRows(attendees, [delivery({ id: 'li-0' })]);
    expect(rows.map((r) => [r.attendee.id, r.delivery?.id ?? null])).toEqual([
      ['leader-li', 'li-0'],
      ['GOV', null],
    ]);
  });

  it('names the invite file without path characters', () => {
    expect(inviteFileName('督办会（第1场）', '市 人民/政府')).toBe('督办会（第1场）-市_人民_政府.ics');
  });
});

describe('a meeting the user may not see', () => {
  it('is a 403 or a 404', () => {
    expect(isNotVisible(new ApiError(404, 'MEETING_NOT_FOUND', '找不到该会议。'))).toBe(true);
    expect(isNotVisible(new ApiError(403, 'FORBIDDEN', ''))).toBe(true);
    expect(isNotVisible(new ApiError(409, 'MEETING_CONFLICT', ''))).toBe(false);
  });
});
