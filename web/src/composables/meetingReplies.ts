import type { components } from '@/api/schema';

type Attendee = components['schemas']['MeetingAttendeeResponse'];
type ReplyBody = components['schemas']['ReplyDto'];
export type ReplyAnswer = ReplyBody['answer'];
export type Partstat = Attendee['partstat'];

/** The reply form as a person fills it in (the page, the leader's card, the secretariat's dialog). */
export interface ReplyForm {
  answer: ReplyAnswer | '';
  substituteName: string;
  substitutePost: string;
  comment: string;
}

export const emptyReplyForm = (): ReplyForm => ({ answer: '', substituteName: '', substitutePost: '', comment: '' });

/**
 * The body of `POST /replies/:token`, `/meetings/:id/reply` and `/meetings/:id/attendees/:attendeeId/reply`:
 * text trimmed, empty fields left out, the substitute only with 派员参加. Null while no answer is chosen.
 * Whether a substitute needs a name (and anything else) stays the API's call: its refusal is shown at the field.
 */
export function replyBody(form: ReplyForm): ReplyBody | null {
  if (!form.answer) return null;
  const body: ReplyBody = { answer: form.answer };
  if (form.answer === 'substitute') {
    if (form.substituteName.trim()) body.substituteName = form.substituteName.trim();
    if (form.substitutePost.trim()) body.substitutePost = form.substitutePost.trim();
  }
  if (form.comment.trim()) body.comment = form.comment.trim();
  return body;
}

/** The form filled in with an answer already given (so a person sees and may change it). */
export function formOf(state: { partstat: Partstat; substitute: { name: string; post: string | null } | null }): ReplyForm {
  const answer: ReplyAnswer | '' = state.partstat === 'ACCEPTED' ? 'accept' : state.partstat === 'DECLINED' ? 'decline' : state.partstat === 'DELEGATED' ? 'substitute' : '';
  return { answer, substituteName: state.substitute?.name ?? '', substitutePost: state.substitute?.post ?? '', comment: '' };
}

/** The message key and values for an attendee's reply: 已接受 / 已拒绝 / 派员参加：name post / 未回复 / 待定. */
export function replyStateText(
  state: { partstat: Partstat; substitute: { name: string; post: string | null } | null },
  t: (key: string, params?: Record<string, string | number>) => string,
): string {
  if (state.partstat === 'DELEGATED') {
    const who = [state.substitute?.name, state.substitute?.post].filter(Boolean).join(' ');
    return who ? t('meetings.reply.state.delegatedTo', { who }) : t('meetings.reply.state.DELEGATED');
  }
  return t(`meetings.reply.state.${state.partstat}`);
}

/** A tag colour per reply (Element Plus tag types): accepted green, declined red, delegated amber, none grey. */
export function replyTagType(partstat: Partstat): 'success' | 'danger' | 'warning' | 'info' {
  if (partstat === 'ACCEPTED') return 'success';
  if (partstat === 'DECLINED') return 'danger';
  if (partstat === 'DELEGATED' || partstat === 'TENTATIVE') return 'warning';
  return 'info';
}

/** The signed-in leader's own attendee row of a meeting (null when he or she is not invited). */
export function ownAttendee(attendees: readonly Attendee[], leaderId: string | null | undefined): Attendee | null {
  if (!leaderId) return null;
  return attendees.find((a) => a.kind === 'leader' && a.id === leaderId) ?? null;
}
