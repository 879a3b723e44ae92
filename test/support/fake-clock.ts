import { Clock } from '../../src/domain/clock.js';

/** A clock that stays where a test puts it. */
export class FakeClock extends Clock {
  private current: Date;

  constructor(start: Date | string = '2026-11-26T02:00:00.000Z') {
    super();
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(at: Date | string): void {
    this.current = new Date(at);
  }

  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }

  advanceMs(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
