import { describe, expect, it } from 'vitest';
import type { components } from '@/api/schema';
import { translate } from './useI18n';
import { briefDaysText, upcomingFrom, upcomingMeetings } from './leaderPage';

type Meeting = components['schemas']['MeetingViewResponse'];
const meeting = (id: string, startAt: string, endAt: string) => ({ id, startAt, endAt }) as Meeting;
const t = (key: string, params?: Record<string, string | number>) => translate('zh-CN', key, params);

describe('leader page', () => {
  it('asks for meetings from the start of the office day', () => {
    expect(upcomingFrom(new Date('2026-12-03T01:00:00.000Z'))).toBe('2026-12-02T16:00:00.000Z');
    expect(upcomingFrom(new Date('2026-12-03T17:00:00.000Z'))).toBe('2026-12-03T16:00:00.000Z');
  });

  it('lists meetings not yet over, earliest first', () => {
    const now = new Date('2026-12-03T02:00:00.000Z');
    const list = [meeting('late', '2026-12-08T01:00:00.000Z', '2026-12-08T03:00:00.000Z'), meeting('now', '2026-12-03T01:00:00.000Z', '2026-12-03T03:00:00.000Z'), meeting('over', '2026-12-03T00:00:00.000Z', '2026-12-03T01:00:00.000Z')];
    expect(upcomingMeetings(list, now).map((m) => m.id)).toEqual(['now', 'late']);
  });

  it("reads the brief's day count", () => {
    expect(briefDaysText(5, t)).toBe('会议当日距期限 5 天');
    expect(briefDaysText(0, t)).toBe('会议当日到期');
    expect(briefDaysText(-3, t)).toBe('会议当日已超期 3 天');
    expect(briefDaysText(null, t)).toBe('');
  });
});
