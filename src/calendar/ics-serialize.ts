import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import type { ICalCalendar } from 'ical-generator';
import { CalendarErrors } from './calendar.errors.js';

/**
 * Writes an ical-generator calendar as ical-generator's own `toString()` would, byte for byte
 * (ics-serialize.spec.ts checks it), plus the final CRLF that the library leaves off — but
 * about ten times faster: the library folds its output one character at a time with a new
 * TextEncoder per character, which alone took 2/3 of an invite's time and most of a 500-meeting
 * feed's (docs/calendar.md). The VEVENTs are still the library's own `event.toString()`;
 * only the VCALENDAR envelope and the folding are done here. Supports what ics-builder sets
 * (PRODID, METHOD, NAME, TTL, the VTIMEZONE generator); anything else is refused.
 */
export function serializeCalendar(calendar: ICalCalendar): string {
  const unsupported = [calendar.url(), calendar.source(), calendar.scale(), calendar.description(), calendar.color()];
  if (unsupported.some((v) => v) || calendar.x().length > 0 || calendar.timezone() !== null) {
    throw new Error('serializeCalendar writes PRODID, METHOD, NAME, TTL and VTIMEZONEs of timezone { name: null } only');
  }

  let out = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-${calendar.prodId()}\r\n`;
  const method = calendar.method();
  if (method) out += `METHOD:${method}\r\n`;
  const name = calendar.name();
  if (name) out += `NAME:${name}\r\nX-WR-CALNAME:${name}\r\n`;
  const events = calendar.events();
  const zones = new Set(events.map((e) => e.timezone()).filter((z): z is string => z !== null && !z.startsWith('/')));
  for (const zone of zones) out += `${vtimezone(zone).replace(/\r\n/g, '\n').replace(/\n/g, '\r\n').trim()}\r\n`;
  const ttl = calendar.ttl();
  if (ttl) out += `REFRESH-INTERVAL;VALUE=DURATION:${duration(ttl)}\r\nX-PUBLISHED-TTL:${duration(ttl)}\r\n`;
  for (const event of events) out += event.toString();
  out += 'END:VCALENDAR';
  return `${foldLines(out)}\r\n`;
}

const vtimezones = new Map<string, string | null>();

/**
 * VTIMEZONE of a zone for the calendar's `timezone.generator` (the package reads a file on
 * every call: cached); an unknown zone is an error rather than a TZID without definition.
 */
export function vtimezone(zone: string): string {
  let component = vtimezones.get(zone);
  if (component === undefined) {
    component = getVtimezoneComponent(zone);
    vtimezones.set(zone, component);
  }
  if (!component) throw CalendarErrors.invalidInvite('timeZone', `no VTIMEZONE for ${zone}`);
  return component;
}

/**
 * RFC 5545 §3.1 folding with ical-generator's exact rule: a line is broken before the character
 * that would take it past 74 octets and continues after CRLF + one space, so no physical line
 * exceeds 75 octets and no UTF-8 sequence (surrogate pairs included) is ever split.
 */
export function foldLines(text: string): string {
  const lines = text.split('\r\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length <= 24 || Buffer.byteLength(line, 'utf8') <= 74) continue;
    let folded = '';
    let segmentStart = 0;
    let octets = 0;
    for (let j = 0; j < line.length; j++) {
      const code = line.charCodeAt(j);
      const next = j + 1 < line.length ? line.charCodeAt(j + 1) : 0;
      const pair = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
      octets += size;
      if (octets > 74) {
        folded += `${line.slice(segmentStart, j)}\r\n `;
        segmentStart = j;
        octets = size;
      }
      if (pair) j++;
    }
    lines[i] = folded + line.slice(segmentStart);
  }
  return lines.join('\r\n');
}

/** ical-generator's duration format (seconds → `P1D`, `PT1H30M`). */
function duration(totalSeconds: number): string {
  let rest = totalSeconds;
  let out = 'P';
  if (rest >= 86_400) {
    out += `${Math.floor(rest / 86_400)}D`;
    rest %= 86_400;
  }
  if (!rest && out.length > 1) return out;
  out += 'T';
  if (rest >= 3_600) {
    out += `${Math.floor(rest / 3_600)}H`;
    rest %= 3_600;
  }
  if (rest >= 60) {
    out += `${Math.floor(rest / 60)}M`;
    rest %= 60;
  }
  return rest > 0 ? `${out}${rest}S` : out.length <= 2 ? `${out}0S` : out;
}
