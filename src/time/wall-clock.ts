/**
 * Local wall-clock times: to instants (from the cached zone offsets, with a time that does not
 * exist or exists twice handled explicitly), and calendar-day arithmetic at the same wall time.
 * Every place that turns a wall-clock time into an instant goes through {@link instantOfWall}, so
 * the rule is the same everywhere: a repeated time is the earlier instant.
 * @internal
 * @module
 */
import { MS_PER_DAY, daysFromCivil, daysInMonth } from './civil.js';
import { offsetAt } from './zone.js';

const LOCAL_DATE_TIME = /^([1-9]\d{3})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The result of resolving a local wall-clock time in a zone. */
export type WallClockResolution = { kind: 'ok'; ms: number } | { kind: 'format' } | { kind: 'invalid' } | { kind: 'nonexistent' };

/**
 * Resolves `YYYY-MM-DDTHH:mm[:ss]` in `zone` (already validated). A time skipped by a DST change
 * is `nonexistent`; a time that occurs twice resolves to the earlier instant (luxon alone would
 * pick the later one).
 */
export function resolveWallClock(text: string, zone: string): WallClockResolution {
  const m = LOCAL_DATE_TIME.exec(text);
  if (m === null) return { kind: 'format' };
  const fields = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: m[6] === undefined ? 0 : Number(m[6]),
  };
  const { year, month, day, hour, minute, second } = fields;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { kind: 'invalid' };
  if (hour > 23 || minute > 59 || second > 59) return { kind: 'invalid' };
  // Not luxon's fromObject: it guesses from the zone's offset *now* (it reads the clock) and,
  // when that is far from the offsets of the day asked for, calls a real time skipped
  // (2011-04-02T04:00 in Pacific/Apia).
  const wall = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
  const ms = instantOfWall(zone, wall);
  if (Number.isNaN(ms)) return { kind: 'nonexistent' };
  return { kind: 'ok', ms };
}

/**
 * The earliest instant at which the wall clock of `zone` reads `wall` (local milliseconds: day
 * number × 86,400,000 + time of day), or `NaN` when the clocks skip it. The candidates are the
 * zone's offsets a day either side; each is kept only if it maps back to `wall`. No allocation:
 * the slot search calls this per candidate start.
 */
export function instantOfWall(zone: string, wall: number): number {
  const before = offsetAt(zone, wall - MS_PER_DAY);
  const after = offsetAt(zone, wall + MS_PER_DAY);
  let best = Number.NaN;
  const t1 = wall - before;
  if (t1 + offsetAt(zone, t1) === wall) best = t1;
  if (after !== before) {
    const t2 = wall - after;
    if (t2 + offsetAt(zone, t2) === wall && !(t2 >= best)) best = t2;
  }
  return best;
}

/**
 * The instant `days` calendar days after `ms` in `zone`, at the same local wall-clock time (a DST
 * change in between does not shift it). A time that occurs twice on the target day is the earlier
 * instant (the documented rule; keeping the original offset, as luxon's `plus` does, can pick the
 * later one). A time the clocks skip on the target day moves forward by the length of the gap
 * (read with the offset in force before it): 01:30 on a day that jumps from 01:00 to 02:00 is
 * 02:30.
 */
export function addCalendarDays(ms: number, days: number, zone: string): number {
  const wall = ms + offsetAt(zone, ms) + days * MS_PER_DAY;
  const t = instantOfWall(zone, wall);
  return Number.isNaN(t) ? wall - offsetAt(zone, wall - MS_PER_DAY) : t;
}
