import { IANAZone } from 'luxon';
import { type LocalTime, localTime as zonedLocalTime } from '../common/time/zoned-time.js';
import { CalendarErrors } from './calendar.errors.js';

export { daysBetween, type LocalTime } from '../common/time/zoned-time.js';

/** `localTime` of src/common/time, with bad input reported as an invalid invite naming the field. */
export function localTime(at: Date, zone: string, field: string): LocalTime {
  if (Number.isNaN(at.getTime())) throw CalendarErrors.invalidInvite(field, 'not a valid date');
  if (!IANAZone.isValidZone(zone)) throw CalendarErrors.invalidInvite('timeZone', `unknown time zone ${zone}`);
  return zonedLocalTime(at, zone);
}
