import { describe, expect, it } from 'vitest';
import { formatDateTime, officeInstant, officeTimeZone } from './format';

describe('office time', () => {
  it('reads the zone the service wrote into the page', () => {
    document.head.innerHTML = '<meta name="office-time-zone" content="Asia/Urumqi">';
    expect(officeTimeZone()).toBe('Asia/Urumqi');
    document.head.innerHTML = '';
    expect(officeTimeZone()).toBe('Asia/Shanghai');
  });

  it('shows an instant as the office clock reads it, whatever the browser zone', () => {
    expect(formatDateTime('2026-12-03T00:30:00.000Z')).toBe('2026-12-03 08:30');
    expect(formatDateTime('2026-12-02T16:00:00.000Z')).toBe('2026-12-03 00:00');
  });

  it('turns an office wall time back into the same instant', () => {
    expect(officeInstant('2026-12-03', '08:30')).toBe('2026-12-03T00:30:00.000Z');
    expect(formatDateTime(officeInstant('2027-01-01', '00:15'))).toBe('2027-01-01 00:15');
  });
});
