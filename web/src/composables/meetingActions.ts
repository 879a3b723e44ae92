import type { components } from '@/api/schema';

type Meeting = components['schemas']['MeetingViewResponse'];
export type MeetingAction = Meeting['allowedActions'][number];

/**
 * Whether the API offers this action on the meeting to the signed-in user now (`allowedActions`, computed
 * on the server from the status, the times and who asks). The console shows a button only then; it never
 * works the rule out itself.
 */
export function can(meeting: Pick<Meeting, 'allowedActions'> | null | undefined, action: MeetingAction): boolean {
  return meeting?.allowedActions.includes(action) ?? false;
}
