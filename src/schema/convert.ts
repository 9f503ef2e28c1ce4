/**
 * Public conversions between local wall-clock times, instants and local dates.
 * @module
 */
import { guardedInput } from './limits.js';
import type { Outcome } from '../findings/codes.js';
import { fail, finding, ok } from '../findings/finding.js';
import { previewValue } from '../findings/preview.js';
import { formatLocalDate } from '../time/civil.js';
import { formatInstant, parseInstantDetailed } from '../time/instant.js';
import { MAX_INSTANT, MIN_INSTANT, instantInRange } from '../time/range.js';
import { resolveWallClock } from '../time/wall-clock.js';
import { isValidTimeZone, localDayOf } from '../time/zone.js';

const preview = previewValue;

/** Why a local date-time was refused: an offset where none belongs, or not the local form at all. */
const localProblem = (value: unknown): 'hasOffset' | 'format' =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$/.test(value)
    ? 'hasOffset'
    : 'format';

/** `DATE_OUT_OF_RANGE` for an argument outside the supported instants. */
function outOfRange(path: string, value: string) {
  return finding('DATE_OUT_OF_RANGE', 'error', { path, value: preview(value), min: MIN_INSTANT, max: MAX_INSTANT }, { path: [path] });
}

/**
 * Turns a clinic's local wall-clock time (`YYYY-MM-DDTHH:mm[:ss]`, no offset) into an instant in
 * that zone, written with the zone's offset.
 *
 * A time the clocks skip (spring forward) is `NONEXISTENT_LOCAL_TIME`; a time that happens twice
 * (fall back) is the earlier of its two instants; one outside the supported instants
 * (1900-01-02T00:00:00Z to 9999-12-30T23:59:59.999Z) is `DATE_OUT_OF_RANGE`. Never throws.
 *
 * @param localDateTime - e.g. `'2026-03-23T10:00'`
 * @param timeZone - an IANA zone, e.g. `'Europe/London'`
 * @returns the instant, e.g. `'2026-03-23T10:00:00+00:00'`
 *
 * @example
 * ```ts
 * import { toInstant } from 'smp-protocol';
 * toInstant('2026-07-01T10:00', 'Europe/London'); // { ok: true, value: '2026-07-01T10:00:00+01:00', findings: [] }
 * toInstant('2026-03-29T01:30', 'Europe/London').ok; // false: NONEXISTENT_LOCAL_TIME
 * ```
 */
export function toInstant(localDateTime: string, timeZone: string): Outcome<string> {
  return guardedInput([localDateTime, timeZone] as const, ['localDateTime', 'timeZone'], (localDateTime, timeZone) => {
    if (!isValidTimeZone(timeZone)) {
      return fail([finding('INVALID_TIME_ZONE', 'error', { path: 'timeZone', value: preview(timeZone) }, { path: ['timeZone'] })]);
    }
    if (typeof localDateTime !== 'string') {
      return fail([
        finding(
          'INVALID_INSTANT',
          'error',
          { path: 'localDateTime', value: preview(localDateTime), problem: 'format', expected: 'localDateTime' },
          { path: ['localDateTime'] },
        ),
      ]);
    }
    // An hour, minute or second out of range (24:00, 10:60) is a bad *time* (problem 'time'); the
    // wall-clock resolver below would only say the whole value is invalid.
    const clock = /^\d{4}-\d{2}-\d{2}[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(localDateTime);
    if (clock !== null && (Number(clock[1]) > 23 || Number(clock[2]) > 59 || Number(clock[3] ?? 0) > 59)) {
      return fail([
        finding(
          'INVALID_INSTANT',
          'error',
          { path: 'localDateTime', value: preview(localDateTime), problem: 'time', expected: 'localDateTime' },
          { path: ['localDateTime'] },
        ),
      ]);
    }
    const r = resolveWallClock(localDateTime, timeZone);
    switch (r.kind) {
      case 'ok':
        if (!instantInRange(r.ms)) return fail([outOfRange('localDateTime', localDateTime)]);
        return ok(formatInstant(r.ms, timeZone));
      case 'nonexistent':
        return fail([finding('NONEXISTENT_LOCAL_TIME', 'error', { value: localDateTime, timeZone }, { path: ['localDateTime'] })]);
      case 'invalid':
        return fail([
          finding(
            'INVALID_INSTANT',
            'error',
            { path: 'localDateTime', value: preview(localDateTime), problem: 'date', expected: 'localDateTime' },
            { path: ['localDateTime'] },
          ),
        ]);
      case 'format':
        return fail([
          finding(
            'INVALID_INSTANT',
            'error',
            { path: 'localDateTime', value: preview(localDateTime), problem: localProblem(localDateTime), expected: 'localDateTime' },
            { path: ['localDateTime'] },
          ),
        ]);
      default: {
        const never: never = r;
        return never;
      }
    }
  });
}

/**
 * The local date (`YYYY-MM-DD`) of an instant in a zone: the calendar day the clinic sees. An
 * instant outside the supported range (1900-01-02T00:00:00Z to 9999-12-30T23:59:59.999Z, so that
 * every local date is within 1900-01-01 to 9999-12-31) is `DATE_OUT_OF_RANGE`.
 *
 * @param instant - ISO 8601 with an offset or `Z`
 * @param timeZone - an IANA zone
 * @returns the local date
 *
 * @example
 * ```ts
 * import { localDateOf } from 'smp-protocol';
 * localDateOf('2026-03-22T23:30:00Z', 'Pacific/Chatham'); // { ok: true, value: '2026-03-23', findings: [] }
 * ```
 */
export function localDateOf(instant: string, timeZone: string): Outcome<string> {
  return guardedInput([instant, timeZone] as const, ['instant', 'timeZone'], (instant, timeZone) => {
    if (!isValidTimeZone(timeZone)) {
      return fail([finding('INVALID_TIME_ZONE', 'error', { path: 'timeZone', value: preview(timeZone) }, { path: ['timeZone'] })]);
    }
    const ms = typeof instant === 'string' ? parseInstantDetailed(instant) : 'format';
    if (ms === 'range') return fail([outOfRange('instant', instant)]);
    if (typeof ms !== 'number') {
      return fail([finding('INVALID_INSTANT', 'error', { path: 'instant', value: preview(instant), problem: ms }, { path: ['instant'] })]);
    }
    return ok(formatLocalDate(localDayOf(timeZone, ms)));
  });
}
