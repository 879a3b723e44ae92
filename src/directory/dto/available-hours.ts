import { ValidateBy, type ValidationOptions } from 'class-validator';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `[["08:30","12:00"],["14:30","17:30"]]`: 1–6 periods of HH:MM, each starting before it ends, in order, not overlapping. */
export function isAvailableHours(value: unknown): value is [string, string][] {
  if (!Array.isArray(value) || value.length < 1 || value.length > 6) return false;
  let lastEnd = '';
  for (const p of value as unknown[]) {
    if (!Array.isArray(p) || p.length !== 2 || typeof p[0] !== 'string' || typeof p[1] !== 'string') return false;
    const [start, end] = p as [string, string];
    if (!HH_MM.test(start) || !HH_MM.test(end) || !(start < end) || start < lastEnd) return false;
    lastEnd = end;
  }
  return true;
}

/** A room's available hours, or null (= the office hours). The refusal's constraint is `availableHours` (validation.ts words it). */
export function IsAvailableHours(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'availableHours',
      validator: {
        validate: (value: unknown) => value === null || isAvailableHours(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be null or a list of ["HH:MM","HH:MM"] periods, each starting before it ends, in order`,
      },
    },
    options,
  );
}
