/**
 * A fixed clock for tests: the library never reads the time, so tests pass it explicitly.
 * @module
 */

/**
 * A clock that only moves when told to.
 *
 * @example
 * ```ts
 * import { fixedClock } from 'smp-protocol/testing';
 * const clock = fixedClock('2026-03-23T10:00:00Z');
 * clock.advance({ days: 7 }); // '2026-03-30T10:00:00Z'
 * ```
 */
export interface FixedClock {
  /** The current instant (UTC, `Z`). */
  now(): string;
  /** Moves the clock forward by real time (days are 24 hours here) and returns the new instant. */
  advance(by: { days?: number; hours?: number; minutes?: number }): string;
  /** Sets the clock to an instant and returns it. */
  set(instant: string): string;
}

function iso(ms: number): string {
  const text = new Date(ms).toISOString();
  return text.endsWith('.000Z') ? `${text.slice(0, -5)}Z` : text;
}

/**
 * Creates a fixed clock at `start` (an ISO 8601 instant with an offset).
 *
 * @param start - the first instant
 * @returns the clock; an unparseable `start` gives a clock at the Unix epoch
 *
 * @example
 * ```ts
 * import { fixedClock } from 'smp-protocol/testing';
 * const clock = fixedClock('2026-03-23T10:00:00+01:00');
 * clock.now(); // '2026-03-23T09:00:00Z'
 * ```
 */
export function fixedClock(start: string): FixedClock {
  const parsed = Date.parse(start);
  let ms = Number.isNaN(parsed) ? 0 : parsed;
  return {
    now: () => iso(ms),
    advance: (by) => {
      ms += ((by.days ?? 0) * 24 * 60 + (by.hours ?? 0) * 60 + (by.minutes ?? 0)) * 60_000;
      return iso(ms);
    },
    set: (instant) => {
      const next = Date.parse(instant);
      if (!Number.isNaN(next)) ms = next;
      return iso(ms);
    },
  };
}
