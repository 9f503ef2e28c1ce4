/**
 * Local wall-clock times to instants, through luxon: the one place that needs the zone's rules
 * around a DST change (a time that does not exist, or exists twice).
 * @internal
 * @module
 */
import { DateTime } from 'luxon';

const LOCAL_DATE_TIME = /^([1-9]\d{3})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The result of resolving a local wall-clock time in a zone. */
export type WallClockResolution =
  | { kind: 'ok'; ms: number; ambiguous: boolean }
  | { kind: 'format' }
  | { kind: 'invalid' }
  | { kind: 'nonexistent' };

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
  const dt = DateTime.fromObject(fields, { zone });
  if (!dt.isValid) return { kind: 'invalid' };
  if (dt.hour !== fields.hour || dt.minute !== fields.minute || dt.day !== fields.day) {
    return { kind: 'nonexistent' };
  }
  const candidates = dt.getPossibleOffsets().map((c) => c.toMillis());
  if (candidates.length === 0) return { kind: 'nonexistent' };
  return { kind: 'ok', ms: Math.min(...candidates), ambiguous: candidates.length > 1 };
}

/**
 * The instant `days` calendar days after `ms` in `zone`, at the same local wall-clock time (a DST
 * change in between does not shift it). A time the clocks skip on the target day moves forward
 * past the gap, as luxon does.
 */
export function addCalendarDays(ms: number, days: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).plus({ days }).toMillis();
}
