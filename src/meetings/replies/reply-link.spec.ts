import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../common/errors.js';
import { replyLinkExpiry, replyLinkKey, ReplyLinkSigner } from './reply-link.js';

const ATTENDEE = '11111111-1111-4111-8111-111111111111';
const MEETING = '22222222-2222-4222-8222-222222222222';
const signer = new ReplyLinkSigner(replyLinkKey('a-secret-of-the-deployment'));
const exp = replyLinkExpiry(new Date('2026-12-08T03:00:00Z'));
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'no error';
};

describe('ReplyLinkSigner', () => {
  const token = signer.sign({ attendeeId: ATTENDEE, meetingId: MEETING, exp });

  it('verifies its own token until a day after the meeting’s end', () => {
    expect(exp).toBe(Date.parse('2026-12-09T03:00:00Z') / 1000);
    expect(signer.verify(token, new Date('2026-12-09T02:59:59Z'))).toEqual({ attendeeId: ATTENDEE, meetingId: MEETING, exp });
    expect(codeOf(() => signer.verify(token, new Date('2026-12-09T03:00:00Z')))).toBe('410 REPLY_LINK_EXPIRED');
  });

  it('refuses a token of another key, an altered payload or MAC, and malformed input (404, never a crash)', () => {
    const other = new ReplyLinkSigner(replyLinkKey('another-secret')).sign({ attendeeId: ATTENDEE, meetingId: MEETING, exp });
    const [body, mac] = token.split('.');
    const longer = Buffer.from(JSON.stringify({ a: ATTENDEE, m: MEETING, e: exp + 86_400 })).toString('base64url');
    const now = new Date('2026-11-26T02:00:00Z');
    for (const bad of [other, `${longer}.${mac}`, `${body}.${mac.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`, '', 'x.y', `${body}.${mac}.z`, '中文.中文', 'a'.repeat(5000)]) {
      expect(codeOf(() => signer.verify(bad, now))).toBe('404 REPLY_LINK_INVALID');
    }
  });

  it('refuses a correctly signed payload that is not what it should be (ids not UUIDs, expiry not a whole number)', () => {
    const key = replyLinkKey('k');
    const s = new ReplyLinkSigner(key);
    const signed = (payload: unknown): string => {
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
    };
    expect(s.verify(signed({ a: ATTENDEE, m: MEETING, e: exp }), new Date(0))).toEqual({ attendeeId: ATTENDEE, meetingId: MEETING, exp });
    for (const odd of [{ a: 'x', m: MEETING, e: exp }, { a: ATTENDEE, m: MEETING, e: 1.5 }, { a: ATTENDEE, m: MEETING }, [1, 2], 'text', null]) {
      expect(codeOf(() => s.verify(signed(odd), new Date(0)))).toBe('404 REPLY_LINK_INVALID');
    }
  });

  it('derives different keys from different secrets (HKDF, info "reply-links")', () => {
    expect(replyLinkKey('a').equals(replyLinkKey('b'))).toBe(false);
    expect(replyLinkKey('a')).toHaveLength(32);
  });
});
