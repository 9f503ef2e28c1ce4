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

/** The supported range of instants (1000-01-01 to 9999-12-31 UTC): the clock never leaves it. */
const MIN_MS = Date.UTC(1000, 0, 1);
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

function iso(ms: number): string {
  const text = new Date(Math.min(MAX_MS, Math.max(MIN_MS, ms))).toISOString();
  return text.endsWith('.000Z') ? `${text.slice(0, -5)}Z` : text;
}

/** `Date.parse` of a string; anything else (or a value whose reading throws) is `NaN`. */
function parseInstant(value: unknown): number {
  if (typeof value !== 'string' || value.length > 64) return Number.NaN;
  const ms = Date.parse(value);
  return ms >= MIN_MS && ms <= MAX_MS ? ms : Number.NaN;
}

/** A finite number of an `advance` part, or 0 (junk, missing, or a part whose reading throws). */
function part(by: unknown, key: 'days' | 'hours' | 'minutes'): number {
  try {
    const v: unknown = typeof by === 'object' && by !== null ? (by as Record<string, unknown>)[key] : undefined;
    return typeof v === 'number' && Number.isFinite(v) ? v : 0;
  } catch {
    return 0;
  }
}

/**
 * Creates a fixed clock at `start` (an ISO 8601 instant with an offset).
 *
 * Never throws, whatever it is given: a `start` that is not a parseable instant from 1000-01-01 to
 * 9999-12-31 gives a clock at the Unix epoch; `advance` counts only finite numbers (anything else
 * is 0) and stops at the ends of that range; `set` with anything but a parseable instant leaves
 * the clock where it is. It returns a plain clock, not an Outcome: a test helper with a
 * documented default, like `Date`.
 *
 * @param start - the first instant
 * @returns the clock; an unparseable `start` gives a clock at the Unix epoch
 *
 * @example
 * ```ts
 * import { fixedClock } from 'smp-protocol/testing';
 * const clock = fixedClock('2026-03-23T10:00:00+01:00');
 * clock.now(); // '2026-03-23T09:00:00Z'
 * fixedClock(42 as never).now(); // '1970-01-01T00:00:00Z'
 * ```
 */
export function fixedClock(start: string): FixedClock {
  const parsed = parseInstant(start);
  let ms = Number.isNaN(parsed) ? 0 : parsed;
  return {
    now: () => iso(ms),
    advance: (by) => {
      const next = ms + ((part(by, 'days') * 24 + part(by, 'hours')) * 60 + part(by, 'minutes')) * 60_000;
      ms = Number.isFinite(next) ? Math.min(MAX_MS, Math.max(MIN_MS, next)) : ms;
      return iso(ms);
    },
    set: (instant) => {
      const next = parseInstant(instant);
      if (!Number.isNaN(next)) ms = next;
      return iso(ms);
    },
  };
}
