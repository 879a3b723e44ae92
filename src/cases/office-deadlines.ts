import type { OfficeSettings, OfficeSnapshot } from '../settings/office-settings.js';
import { DeadlineCalculator } from './deadlines.js';

/** One calculator per settings version (its memo of working days stays valid for that version's calendar). */
const calculators = new WeakMap<OfficeSnapshot, DeadlineCalculator>();

/**
 * The deadline calculator of the office settings in force now. Take it at the moment of computing a
 * deadline and do not keep it: a newly published version (acceptDays, holidays…) applies from the next
 * computation, while deadlines already stored keep their values.
 */
export function deadlinesOf(settings: OfficeSettings): DeadlineCalculator {
  const snapshot = settings.snapshot();
  let calculator = calculators.get(snapshot);
  if (!calculator) {
    calculator = new DeadlineCalculator(snapshot.policy, snapshot.calendar);
    calculators.set(snapshot, calculator);
  }
  return calculator;
}
