import { describe, expect, it } from '@jest/globals';
import { decideReply, replyFromAnswer, type ReplyState } from './reply-state.js';

const NONE: ReplyState = { partstat: 'NEEDS-ACTION', repliedAt: null, replyVia: null, substituteName: null, substitutePost: null, replyComment: null };
const at = (iso: string): Date => new Date(iso);

describe('decideReply', () => {
  it('records a first answer with when and how', () => {
    const d = decideReply(NONE, replyFromAnswer({ answer: 'accept' }, 'link', at('2026-11-26T02:00:00Z')));
    expect(d).toEqual({ changed: true, next: { ...NONE, partstat: 'ACCEPTED', repliedAt: at('2026-11-26T02:00:00Z'), replyVia: 'link' } });
  });

  it('changes nothing when the same answer comes again, by any channel, later', () => {
    const first = decideReply(NONE, replyFromAnswer({ answer: 'decline', comment: ' 出差 ' }, 'link', at('2026-11-26T02:00:00Z')));
    if (!first.changed) throw new Error('expected a change');
    expect(first.next.replyComment).toBe('出差');
    expect(decideReply(first.next, replyFromAnswer({ answer: 'decline', comment: '出差' }, 'console', at('2026-11-27T02:00:00Z')))).toEqual({ changed: false, why: 'same' });
  });

  it('ignores an answer older than the one recorded (an iTIP REPLY composed before the link was used)', () => {
    const now = { ...NONE, partstat: 'ACCEPTED' as const, repliedAt: at('2026-11-26T02:00:00Z'), replyVia: 'link' as const };
    const older = { partstat: 'DECLINED' as const, via: 'imap' as const, at: at('2026-11-25T23:00:00Z'), substitute: null, comment: null };
    expect(decideReply(now, older)).toEqual({ changed: false, why: 'stale' });
  });

  it('keeps a substitute only for DELEGATED, and a change of substitute is a change', () => {
    const sent = decideReply(NONE, replyFromAnswer({ answer: 'substitute', substituteName: '陈建伟', substitutePost: '副主任' }, 'secretariat', at('2026-11-26T02:00:00Z')));
    if (!sent.changed) throw new Error('expected a change');
    expect(sent.next).toMatchObject({ partstat: 'DELEGATED', substituteName: '陈建伟', substitutePost: '副主任' });
    const other = decideReply(sent.next, replyFromAnswer({ answer: 'substitute', substituteName: '李四' }, 'secretariat', at('2026-11-26T03:00:00Z')));
    expect(other).toMatchObject({ changed: true, next: { substituteName: '李四', substitutePost: null } });
    const accept = decideReply(sent.next, replyFromAnswer({ answer: 'accept', substituteName: '不该留下' }, 'link', at('2026-11-26T03:00:00Z')));
    expect(accept).toMatchObject({ changed: true, next: { partstat: 'ACCEPTED', substituteName: null, substitutePost: null } });
  });
});
