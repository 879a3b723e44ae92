/**
 * A small, strict reader of iTIP REPLY objects (RFC 5546 §3.2.3) as calendar clients send them to the
 * organizer: METHOD:REPLY, one VEVENT with UID, SEQUENCE, DTSTAMP and the replying ATTENDEE
 * (`ATTENDEE;PARTSTAT=ACCEPTED;CN=…:mailto:…`). Pure: no I/O. Anything else (a REQUEST, a broken
 * file, no attendee) reads as null, never as an error.
 */
export interface ItipAttendeeReply {
  email: string;
  partstat: string;
  /** DELEGATED-TO's CN, when the client names the delegate. */
  delegateName: string | null;
}

export interface ItipReply {
  uid: string;
  sequence: number;
  stampedAt: Date;
  attendees: ItipAttendeeReply[];
}

interface ContentLine {
  name: string;
  params: Record<string, string>;
  value: string;
}

const MAX_TEXT = 256 * 1024;

/** RFC 5545 §3.1: a line starting with a space or tab continues the previous one. */
function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]|\n[ \t]/g, '').split(/\r?\n/);
}

/** `NAME;P1=a;P2="b:c":value` with quoted parameter values (which may hold `:` and `;`). */
export function parseContentLine(line: string): ContentLine | null {
  const nameMatch = /^([A-Za-z0-9-]+)/.exec(line);
  if (!nameMatch) return null;
  const name = nameMatch[1].toUpperCase();
  const params: Record<string, string> = {};
  let i = name.length;
  while (line[i] === ';') {
    const eq = line.indexOf('=', i);
    if (eq < 0) return null;
    const key = line.slice(i + 1, eq).toUpperCase();
    let j = eq + 1;
    let value: string;
    if (line[j] === '"') {
      const close = line.indexOf('"', j + 1);
      if (close < 0) return null;
      value = line.slice(j + 1, close);
      j = close + 1;
      // Further comma-separated values of a multi-valued parameter are kept whole.
      while (line[j] === ',') {
        const next = line[j + 1] === '"' ? line.indexOf('"', j + 2) + 1 : Math.min(...[line.indexOf(';', j + 1), line.indexOf(':', j + 1)].filter((n) => n >= 0));
        if (next <= j) return null;
        value += line.slice(j, next);
        j = next;
      }
    } else {
      const ends = [line.indexOf(';', j), line.indexOf(':', j)].filter((n) => n >= 0);
      if (!ends.length) return null;
      const end = Math.min(...ends);
      value = line.slice(j, end);
      j = end;
    }
    params[key] = value;
    i = j;
  }
  if (line[i] !== ':') return null;
  return { name, params, value: line.slice(i + 1) };
}

/** `20261126T020000Z`: DTSTAMP is always UTC (RFC 5545 §3.8.7.2). */
function utcStamp(value: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) ? null : date;
}

const mailto = (value: string): string | null => {
  const m = /^mailto:(.+)$/i.exec(value.trim());
  const address = m?.[1].trim();
  return address && /^[^\s@]+@[^\s@]+$/.test(address) ? address.toLowerCase() : null;
};

/** The iTIP REPLY in this iCalendar text, or null when it is none. */
export function parseItipReply(text: string): ItipReply | null {
  if (text.length > MAX_TEXT) return null;
  const lines = unfold(text)
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
    .map(parseContentLine);
  let method: string | null = null;
  let depth: string[] = [];
  let uid: string | null = null;
  let sequence = 0;
  let stampedAt: Date | null = null;
  let events = 0;
  const attendees: ItipAttendeeReply[] = [];
  for (const line of lines) {
    if (!line) continue;
    if (line.name === 'BEGIN') {
      depth = [...depth, line.value.toUpperCase()];
      if (line.value.toUpperCase() === 'VEVENT') events++;
      continue;
    }
    if (line.name === 'END') {
      depth = depth.slice(0, -1);
      continue;
    }
    const where = depth.join('/');
    if (where === 'VCALENDAR' && line.name === 'METHOD') method = line.value.trim().toUpperCase();
    if (where !== 'VCALENDAR/VEVENT' || events !== 1) continue;
    if (line.name === 'UID') uid = line.value.trim();
    else if (line.name === 'SEQUENCE' && /^\d{1,9}$/.test(line.value.trim())) sequence = Number(line.value.trim());
    else if (line.name === 'DTSTAMP') stampedAt = utcStamp(line.value);
    else if (line.name === 'ATTENDEE') {
      const email = mailto(line.value);
      const partstat = (line.params.PARTSTAT ?? 'NEEDS-ACTION').toUpperCase();
      // The delegate's own line (DELEGATED-FROM) is not an answer of an invitee.
      if (!email || line.params['DELEGATED-FROM']) continue;
      const delegate = line.params['DELEGATED-TO'] ? (lines.find((l) => l?.name === 'ATTENDEE' && l.params['DELEGATED-FROM'])?.params.CN ?? null) : null;
      attendees.push({ email, partstat, delegateName: delegate ? delegate.slice(0, 100) : null });
    }
  }
  if (method !== 'REPLY' || !uid || !stampedAt || uid.length > 250 || !attendees.length) return null;
  return { uid, sequence, stampedAt, attendees };
}
