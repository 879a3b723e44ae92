/**
 * An attendee's answer to a meeting invite (回执), as iCalendar names it (RFC 5545 PARTSTAT):
 * accept, decline, or send someone instead (派员参加: DELEGATED, with the substitute's name and post).
 * Pure: no database, no clock.
 */
export const PARTSTATS = ['NEEDS-ACTION', 'ACCEPTED', 'DECLINED', 'DELEGATED', 'TENTATIVE'] as const;
export type Partstat = (typeof PARTSTATS)[number];

/** How the answer reached the office: the signed link in the invite, the console, the calendar client (iTIP over IMAP), or by phone to the secretariat. */
export const REPLY_VIAS = ['link', 'console', 'imap', 'secretariat'] as const;
export type ReplyVia = (typeof REPLY_VIAS)[number];

/** The answers a person picks on the reply page or in the console. */
export const REPLY_ANSWERS = ['accept', 'decline', 'substitute'] as const;
export type ReplyAnswer = (typeof REPLY_ANSWERS)[number];

export const ANSWER_PARTSTAT: Readonly<Record<ReplyAnswer, Partstat>> = { accept: 'ACCEPTED', decline: 'DECLINED', substitute: 'DELEGATED' };

export const isPartstat = (value: string): value is Partstat => (PARTSTATS as readonly string[]).includes(value);

/** What an attendee row holds of the reply. */
export interface ReplyState {
  partstat: Partstat;
  repliedAt: Date | null;
  replyVia: ReplyVia | null;
  substituteName: string | null;
  substitutePost: string | null;
  replyComment: string | null;
}

/** One answer as received. */
export interface Reply {
  partstat: Exclude<Partstat, 'NEEDS-ACTION'>;
  via: ReplyVia;
  /** When it was given: now, or an iTIP REPLY's DTSTAMP. */
  at: Date;
  substitute: { name: string; post: string | null } | null;
  comment: string | null;
}

export type ReplyDecision =
  | { changed: true; next: ReplyState }
  /** `same`: the answer is already recorded (a repeated link click, a second poll); `stale`: an older answer than the one recorded. */
  | { changed: false; why: 'same' | 'stale' };

const clean = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
};

/**
 * The state after a reply. Applying the same reply twice changes nothing; an answer older than the one
 * recorded (an iTIP REPLY composed before the person clicked the link) is ignored.
 */
export function decideReply(current: ReplyState, reply: Reply): ReplyDecision {
  if (current.repliedAt && reply.at.getTime() < current.repliedAt.getTime()) return { changed: false, why: 'stale' };
  const delegated = reply.partstat === 'DELEGATED';
  const next: ReplyState = {
    partstat: reply.partstat,
    repliedAt: reply.at,
    replyVia: reply.via,
    substituteName: delegated ? clean(reply.substitute?.name) : null,
    substitutePost: delegated ? clean(reply.substitute?.post) : null,
    // A reply without a remark keeps none (an earlier remark belonged to an earlier answer).
    replyComment: clean(reply.comment),
  };
  const same =
    current.partstat === next.partstat &&
    current.substituteName === next.substituteName &&
    current.substitutePost === next.substitutePost &&
    (current.replyComment ?? null) === next.replyComment;
  return same ? { changed: false, why: 'same' } : { changed: true, next };
}

/** The answer of the reply page or the console as a reply. */
export function replyFromAnswer(
  input: { answer: ReplyAnswer; substituteName?: string; substitutePost?: string; comment?: string },
  via: ReplyVia,
  at: Date,
): Reply {
  const partstat = ANSWER_PARTSTAT[input.answer] as Reply['partstat'];
  return {
    partstat,
    via,
    at,
    substitute: partstat === 'DELEGATED' ? { name: input.substituteName ?? '', post: input.substitutePost ?? null } : null,
    comment: input.comment ?? null,
  };
}

/** 已接受 / 已谢绝 / 派员参加 / 待定 / 未答复. */
export const PARTSTAT_ZH: Readonly<Record<Partstat, string>> = {
  'NEEDS-ACTION': '未答复',
  ACCEPTED: '接受',
  DECLINED: '谢绝',
  DELEGATED: '派员参加',
  TENTATIVE: '待定',
};
