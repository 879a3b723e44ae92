import { describe, expect, it } from '@jest/globals';
import { splitWindow } from './case-daily-figures.js';

const ZONE = 'Asia/Shanghai';
/** Office midnight of a day (UTC+8). */
const midnight = (day: string): Date => new Date(`${day}T00:00:00+08:00`);
const at = (iso: string): Date => new Date(iso);

describe('splitWindow: full clean office days from the roll-up, the rest live', () => {
  it('reads a window of whole office days from the roll-up alone', () => {
    expect(splitWindow({ from: midnight('2026-11-01'), to: midnight('2026-12-01') }, ZONE, new Set())).toEqual({
      rollup: { first: '2026-11-01', last: '2026-11-30', exclude: [] },
      live: [],
    });
  });

  it('reads the partial days at both edges live', () => {
    const w = { from: at('2026-11-05T13:00:00+08:00'), to: at('2026-11-08T09:00:00+08:00') };
    expect(splitWindow(w, ZONE, new Set())).toEqual({
      rollup: { first: '2026-11-06', last: '2026-11-07', exclude: [] },
      live: [
        { from: w.from, to: midnight('2026-11-06') },
        { from: midnight('2026-11-08'), to: w.to },
      ],
    });
  });

  it('reads changed days live, merging neighbours with each other and with the edges', () => {
    const w = { from: at('2026-11-01T12:00:00+08:00'), to: midnight('2026-11-10') };
    const plan = splitWindow(w, ZONE, new Set(['2026-11-02', '2026-11-05', '2026-11-06', '2026-11-09', '2026-10-01']));
    expect(plan.rollup).toEqual({ first: '2026-11-02', last: '2026-11-09', exclude: ['2026-11-02', '2026-11-05', '2026-11-06', '2026-11-09'] });
    expect(plan.live).toEqual([
      { from: w.from, to: midnight('2026-11-03') },
      { from: midnight('2026-11-05'), to: midnight('2026-11-07') },
      { from: midnight('2026-11-09'), to: midnight('2026-11-10') },
    ]);
  });

  it('reads a window shorter than an office day, or one whose days all changed, live as it is', () => {
    const short = { from: at('2026-11-05T08:00:00+08:00'), to: at('2026-11-06T07:00:00+08:00') };
    expect(splitWindow(short, ZONE, new Set())).toEqual({ rollup: null, live: [short] });
    const day = { from: midnight('2026-11-05'), to: midnight('2026-11-06') };
    expect(splitWindow(day, ZONE, new Set(['2026-11-05']))).toEqual({ rollup: null, live: [day] });
    expect(splitWindow({ from: day.to, to: day.from }, ZONE, new Set())).toEqual({ rollup: null, live: [] });
  });

  it('cuts office days, not UTC days (UTC+8: 16:00Z is midnight)', () => {
    const plan = splitWindow({ from: at('2026-11-04T16:00:00Z'), to: at('2026-11-05T16:00:00Z') }, ZONE, new Set());
    expect(plan).toEqual({ rollup: { first: '2026-11-05', last: '2026-11-05', exclude: [] }, live: [] });
  });
});
