import { spawnSync } from 'node:child_process';
import { buildFeed, buildInvite } from './ics-builder.js';
import { buildInviteMeeting, buildInviteSettings, DEPUTY_DIRECTOR } from '../../test/support/invite-fixtures.js';

/**
 * A second, independent parser: python3-icalendar (Debian package) under /usr/bin/python3 —
 * the `python3` on PATH may be another interpreter without it (both seen on these machines). Without the package
 * the test is skipped with a message: `apt-get install -y python3-icalendar` enables it.
 */
const PYTHON = '/usr/bin/python3';
const available = spawnSync(PYTHON, ['-c', 'import icalendar'], { stdio: 'ignore' }).status === 0;
const SKIP_NOTE = ' [SKIPPED: /usr/bin/python3 cannot import icalendar; apt-get install -y python3-icalendar]';
if (!available) console.warn(`python3-icalendar check skipped:${SKIP_NOTE}`);
const pyIt = available ? it : it.skip;

const SCRIPT = String.raw`
import json, sys
from datetime import timezone
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.buffer.read())
def zone(dt):
    tz = dt.tzinfo
    return getattr(tz, 'zone', None) or getattr(tz, 'key', None) or str(tz)
def many(value):
    if value is None: return []
    return value if isinstance(value, list) else [value]
events = []
for ev in cal.walk('VEVENT'):
    start = ev['DTSTART'].dt
    events.append({
        'uid': str(ev['UID']),
        'sequence': int(ev['SEQUENCE']),
        'status': str(ev.get('STATUS')),
        'tz': zone(start),
        'startUtc': start.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'),
        'attendees': len(many(ev.get('ATTENDEE'))),
        'partstats': [[str(a).lower(), a.params.get('PARTSTAT'), a.params.get('RSVP')] for a in many(ev.get('ATTENDEE'))],
        'alarms': len([c for c in ev.subcomponents if c.name == 'VALARM']),
        'description': str(ev.get('DESCRIPTION')),
    })
print(json.dumps({'method': str(cal.get('METHOD')) if cal.get('METHOD') else None,
                  'timezones': [str(tz['TZID']) for tz in cal.walk('VTIMEZONE')],
                  'events': events}, ensure_ascii=False))
`;

interface PyEvent {
  uid: string;
  sequence: number;
  status: string;
  tz: string;
  startUtc: string;
  attendees: number;
  partstats: [string, string | null, string | null][];
  alarms: number;
  description: string;
}

function pyParse(ics: string): { method: string | null; timezones: string[]; events: PyEvent[] } {
  const run = spawnSync(PYTHON, ['-c', SCRIPT], { input: ics, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python icalendar failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { method: string | null; timezones: string[]; events: PyEvent[] };
}

describe(`python3-icalendar reads what we write${available ? '' : SKIP_NOTE}`, () => {
  const settings = buildInviteSettings();
  const meeting = buildInviteMeeting({ sequence: 2 });

  pyIt('parses an invite: METHOD, Asia/Shanghai tzinfo, 09:00 local = 01:00Z, 6 attendees, 2 alarms', () => {
    const leader = meeting.attendees.find((a) => a.id === DEPUTY_DIRECTOR.id) ?? null;
    const parsed = pyParse(buildInvite(meeting, leader, settings));
    expect(parsed.method).toBe('REQUEST');
    expect(parsed.timezones).toEqual(['Asia/Shanghai']);
    expect(parsed.events).toEqual([
      expect.objectContaining({ uid: meeting.uid, sequence: 2, status: 'CONFIRMED', tz: 'Asia/Shanghai', startUtc: '2026-12-08T01:00:00Z', attendees: 6, alarms: 2 }),
    ]);
    expect(parsed.events[0].description).toContain('您包案的事项\n■ XF-2026-000123');
  });

  pyIt('reads the stored replies: PARTSTAT=ACCEPTED without RSVP for who accepted, NEEDS-ACTION with RSVP=TRUE for the others', () => {
    const next = { ...meeting, attendees: meeting.attendees.map((a) => ({ ...a, partstat: a.id === DEPUTY_DIRECTOR.id ? ('ACCEPTED' as const) : ('NEEDS-ACTION' as const) })) };
    const [event] = pyParse(buildInvite(next, null, settings)).events;
    expect(event.partstats.find(([to]) => to === 'mailto:wang@rd.example.cn')).toEqual(['mailto:wang@rd.example.cn', 'ACCEPTED', null]);
    expect(event.partstats.filter(([to]) => to !== 'mailto:wang@rd.example.cn').every(([, p, rsvp]) => p === 'NEEDS-ACTION' && rsvp === 'TRUE')).toBe(true);
  });

  pyIt('parses a cancellation and a feed', () => {
    const cancel = pyParse(buildInvite({ ...meeting, method: 'CANCEL', sequence: 3 }, null, settings));
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.events.map((e) => [e.status, e.sequence, e.alarms])).toEqual([['CANCELLED', 3, 0]]);

    const feed = pyParse(buildFeed('王副主任', [meeting, buildInviteMeeting({ uid: 'other@x', method: 'CANCEL' })], DEPUTY_DIRECTOR.id, settings));
    expect(feed.method).toBeNull();
    expect(feed.events.map((e) => [e.tz, e.status, e.attendees])).toEqual([
      ['Asia/Shanghai', 'CONFIRMED', 0],
      ['Asia/Shanghai', 'CANCELLED', 0],
    ]);
  });
});
