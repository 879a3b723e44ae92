import type { EntityManager } from 'typeorm';
import { type MeetingEvent, MeetingEvents } from './meeting-events.js';

describe('MeetingEvents (the port the calendar handles)', () => {
  const event: MeetingEvent = { kind: 'confirmed', meetingId: 'm1', sequence: 0, invited: [], removed: [], at: new Date('2026-11-26T02:00:00.000Z') };
  const em = {} as EntityManager;

  it('refuses to start without a handler: a confirmed meeting must never go unannounced', () => {
    expect(() => new MeetingEvents().onApplicationBootstrap()).toThrow(/No handler for meeting events/);
  });

  it('hands each event to every handler inside the caller’s transaction, and tells them when it committed', async () => {
    const events = new MeetingEvents();
    const seen: [EntityManager, MeetingEvent][] = [];
    let commits = 0;
    events.register({
      onMeetingEvent: (tx, e) => {
        seen.push([tx, e]);
        return Promise.resolve();
      },
      afterCommit: () => {
        commits++;
      },
    });
    events.onApplicationBootstrap();
    await events.emit(em, event);
    expect(seen).toEqual([[em, event]]);
    expect(commits).toBe(0);
    events.committed();
    expect(commits).toBe(1);
  });

  it('fails the emitting transaction when a handler fails (the change and its deliveries commit together)', async () => {
    const events = new MeetingEvents();
    events.register({ onMeetingEvent: () => Promise.reject(new Error('deliveries not written')) });
    await expect(events.emit(em, event)).rejects.toThrow('deliveries not written');
  });
});
