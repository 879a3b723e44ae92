import { IANAZone } from 'luxon';

/** An instant's wall-clock reading in a time zone. */
export interface LocalTime {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:mm` */
  time: string;
  /** `MM-DD` */
  monthDay: string;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
}

const HOUR = 3_600_000;
const MAX_CACHED_HOURS = 100_000;
const offsets = new Map<string, number>();

/**
 * Local date and time of an instant in an IANA zone. Each lookup through Intl (what luxon's
 * IANAZone does) costs microseconds, and a brief needs a dozen: the zone's offset is cached per
 * UTC hour, used as is when the offsets at both ends of that hour agree (a zone changes its
 * offset at most once within an hour), and computed exactly otherwise.
 */
export function localTime(at: Date, zone: string): LocalTime {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError('not a valid date');
  const local = new Date(ms + offsetMinutes(zone, ms) * 60_000);
  const iso = local.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), monthDay: iso.slice(5, 10), weekday: local.getUTCDay() || 7 };
}

/** Whole calendar days from one `YYYY-MM-DD` to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function offsetMinutes(zone: string, ms: number): number {
  const hourStart = Math.floor(ms / HOUR) * HOUR;
  const atStart = hourOffset(zone, hourStart);
  const atEnd = hourOffset(zone, hourStart + HOUR);
  return atStart === atEnd ? atStart : ianaZone(zone).offset(ms);
}

function hourOffset(zone: string, hourStart: number): number {
  const key = `${zone}@${hourStart}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size >= MAX_CACHED_HOURS) offsets.clear();
    offset = ianaZone(zone).offset(hourStart);
    offsets.set(key, offset);
  }
  return offset;
}

function ianaZone(zone: string): IANAZone {
  const iana = IANAZone.create(zone);
  if (!iana.isValid) throw new RangeError(`unknown time zone ${zone}`);
  return iana;
}
