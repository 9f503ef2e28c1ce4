/** Helpers for the calendar kernel's tests: an availability as the calendar reads it, and days. */
import { parseAvailability } from 'smp-protocol';
import { trustedAvailability, type CheckedAvailability } from '../../src/schedule/availability.js';
import { parseLocalDate } from '../../src/time/civil.js';
import { mustOk } from './plans.js';

/** An availability read by `parseAvailability`, in the checked form `compileCalendar` takes. */
export function checked(input: unknown): CheckedAvailability {
  const out = trustedAvailability(mustOk(parseAvailability(input)));
  if (out === undefined) throw new Error('not trusted');
  return out;
}

/** The day number of a `YYYY-MM-DD` date. */
export const day = (date: string): number => parseLocalDate(date) as number;
