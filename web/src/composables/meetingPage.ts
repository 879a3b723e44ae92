import type { components } from '@/api/schema';
import { ApiError } from '@/api/errors';

type Meeting = components['schemas']['MeetingViewResponse'];
type Delivery = components['schemas']['InviteDeliveryResponse'];

/** Each attendee's latest invite (highest sequence, then newest), in the order the API listed the attendees. */
export function latestDeliveries(deliveries: readonly Delivery[]): Delivery[] {
  const latest = new Map<string, Delivery>();
  for (const d of deliveries) {
    const key = `${d.attendee.kind}:${d.attendee.id}`;
    const seen = latest.get(key);
    if (!seen || d.sequence > seen.sequence || (d.sequence === seen.sequence && d.createdAt > seen.createdAt)) latest.set(key, d);
  }
  return [...latest.values()];
}

export interface AttendeeDelivery {
  attendee: Meeting['attendees'][number];
  /** The attendee's latest invite, or null before any was sent. */
  delivery: Delivery | null;
}

/** One row per attendee of the meeting with his or her latest delivery (none for a draft meeting). */
export function deliveryRows(attendees: Meeting['attendees'], deliveries: readonly Delivery[]): AttendeeDelivery[] {
  const latest = new Map(latestDeliveries(deliveries).map((d) => [`${d.attendee.kind}:${d.attendee.id}`, d]));
  return attendees.map((attendee) => ({ attendee, delivery: latest.get(`${attendee.kind}:${attendee.id}`) ?? null }));
}

/** A file name for one attendee's invite: the meeting's title and the attendee, without path characters. */
export function inviteFileName(title: string, attendeeName: string): string {
  return `${title}-${attendeeName}.ics`.replace(/[\\/:*?"<>|\s]+/g, '_');
}

/** True when the meeting cannot be shown to this user (gone, or not one of his or hers). */
export function isNotVisible(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 403 || error.status === 404);
}

/** Saves a fetched file under a name (the invite needs the token, so it is fetched, not linked). */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
