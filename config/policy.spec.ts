import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicy, parsePolicy } from './policy.js';

const valid = (): Record<string, unknown> => ({
  acceptDays: 15,
  handleDays: 60,
  supervisedReplyMonths: 2,
  extensionMaxDays: 30,
  resupervisionDays: 30,
  reviewRequestDays: 30,
  dueSoonDays: 7,
  timeZone: 'Asia/Shanghai',
  calendarOverrides: { holidays: [], workdays: [] },
  officeHours: [
    ['08:30', '12:00'],
    ['14:30', '17:30'],
  ],
});

describe('loadPolicy', () => {
  it('reads the shipped defaults from config/policy.json', () => {
    expect(loadPolicy()).toEqual({ ...valid(), signDays: 3 });
  });

  it('takes an optional sign deadline of 1 to 30 working days (签收期限)', () => {
    expect(parsePolicy(valid()).signDays).toBeUndefined();
    expect(parsePolicy({ ...valid(), signDays: 5 }).signDays).toBe(5);
    for (const bad of [0, 31, 2.5, '3']) expect(() => parsePolicy({ ...valid(), signDays: bad })).toThrow(/"signDays"/);
  });

  it('names the file when it is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-'));
    try {
      const file = join(dir, 'policy.json');
      writeFileSync(file, '{ "acceptDays": 15, ');
      expect(() => loadPolicy(file)).toThrow(/policy\.json: cannot read policy JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('parsePolicy', () => {
  it('accepts overrides with covered years', () => {
    const p = parsePolicy({
      ...valid(),
      calendarOverrides: { holidays: ['2027-01-01'], workdays: ['2027-01-09'], coveredYears: [2027] },
    });
    expect(p.calendarOverrides).toEqual({ holidays: ['2027-01-01'], workdays: ['2027-01-09'], coveredYears: [2027] });
  });

  it.each([
    ['acceptDays', 0],
    ['handleDays', 1.5],
    ['supervisedReplyMonths', '2'],
    ['extensionMaxDays', -30],
    ['resupervisionDays', null],
    ['reviewRequestDays', undefined],
    ['dueSoonDays', 0],
  ])('rejects %s = %p naming the key', (key, value) => {
    expect(() => parsePolicy({ ...valid(), [key]: value })).toThrow(new RegExp(`"${key}" must be a positive integer`));
  });

  it('rejects an unknown time zone', () => {
    expect(() => parsePolicy({ ...valid(), timeZone: 'Asia/Peking' })).toThrow(/"timeZone" must be a valid IANA time zone/);
  });

  it.each([
    [[['8:30', '12:00']], /"officeHours\[0\]" times must be HH:MM/],
    [[['12:00', '08:30']], /"officeHours\[0\]" must start before it ends/],
    [
      [
        ['08:30', '12:00'],
        ['11:00', '17:30'],
      ],
      /"officeHours\[1\]" must start after the previous period ends/,
    ],
    [[], /"officeHours" must be a non-empty array/],
    [[['08:30']], /"officeHours\[0\]" must be a \["HH:MM", "HH:MM"\] pair/],
    [[['08:30', '24:00']], /"officeHours\[0\]" times must be HH:MM/],
  ])('rejects officeHours %j', (officeHours, message) => {
    expect(() => parsePolicy({ ...valid(), officeHours })).toThrow(message);
  });

  it('rejects bad override dates and clashes', () => {
    expect(() => parsePolicy({ ...valid(), calendarOverrides: { holidays: ['2026-02-30'], workdays: [] } })).toThrow(
      /"calendarOverrides.holidays\[0\]" must be an existing YYYY-MM-DD date/,
    );
    expect(() =>
      parsePolicy({ ...valid(), calendarOverrides: { holidays: ['2026-10-08'], workdays: ['2026-10-08'] } }),
    ).toThrow(/"calendarOverrides" lists 2026-10-08 both/);
    expect(() => parsePolicy({ ...valid(), calendarOverrides: { holidays: [], workdays: [], coveredYears: ['2027'] } })).toThrow(
      /"calendarOverrides.coveredYears"/,
    );
  });

  it('rejects a non-object', () => {
    expect(() => parsePolicy([])).toThrow(/must be a JSON object/);
  });
});
