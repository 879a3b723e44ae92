import { DomainError } from '../common/errors.js';
import { assertStarted, startLabel } from './meeting-start.js';

const START = new Date('2026-12-07T01:00:00.000Z'); // 09:00 in Shanghai

describe('a meeting has started', () => {
  it('names the start in office time', () => {
    expect(startLabel(START, 'Asia/Shanghai')).toBe('12月7日 09:00');
  });

  it('refuses before the start with 409 MEETING_NOT_STARTED and the sentence a secretary reads', () => {
    let error: unknown = null;
    try {
      assertStarted({ startAt: START }, new Date(START.getTime() - 1), 'Asia/Shanghai');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    const d = error as DomainError;
    expect([d.status, d.code, d.messages.zh]).toEqual([409, 'MEETING_NOT_STARTED', '会议尚未开始（12月7日 09:00 开始），会后才能记录会议要求。']);
  });

  it('names what is refused, and allows from the start on', () => {
    expect(() => assertStarted({ startAt: START }, new Date(START.getTime() - 60_000), 'Asia/Shanghai', '会议纪要')).toThrow(/record it afterwards/);
    expect(() => assertStarted({ startAt: START }, START, 'Asia/Shanghai')).not.toThrow();
  });
});
