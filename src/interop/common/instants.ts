/**
 * ISO 8601 instants for the export formats: the exact instant and the offset it was written
 * with. The parsing and the calendar arithmetic are the time kernel's (`src/time`), which the
 * build shares between the root entry and the subpath entries in one chunk.
 * @internal
 * @module
 */
import { civilFromMs } from '../../time/civil.js';
import { readInstant, type WrittenInstant } from '../../time/instant.js';

const MS_PER_MINUTE = 60_000;

/** An instant as epoch milliseconds, with the UTC offset (minutes, east positive) it was written in. */
export type ReadInstant = WrittenInstant;

export { readInstant };

/** Epoch milliseconds of an instant, or `NaN`. */
export function instantMs(text: string): number {
  return readInstant(text)?.ms ?? Number.NaN;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The civil fields of `ms` shifted by `offsetMs` (the wall clock at that offset). */
export function wallFields(
  ms: number,
  offsetMs: number,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  return civilFromMs(ms + offsetMs);
}

/** `YYYYMMDDTHHMMSS` of the wall clock at `offsetMs` (iCalendar's DATE-TIME without the `Z`). */
export function basicDateTime(ms: number, offsetMs = 0): string {
  const f = wallFields(ms, offsetMs);
  return `${pad(f.year, 4)}${pad(f.month)}${pad(f.day)}T${pad(f.hour)}${pad(f.minute)}${pad(f.second)}`;
}

/** `YYYY-MM-DDTHH:mm:ss±HH:MM` (or `Z`): the same instant, written in full with the offset it was given. */
export function fullInstant(text: string): string | undefined {
  const r = readInstant(text);
  if (r === undefined) return undefined;
  // FHIR limits offsets to ±14:00; anything wider (never a real zone) is written in UTC.
  const offset = Math.abs(r.offsetMinutes) > 14 * 60 ? 0 : r.offsetMinutes;
  return atOffset(r.ms, offset, /[Zz]$/.test(text) || offset !== r.offsetMinutes);
}

/** `YYYY-MM-DDTHH:mm:ss±HH:MM` of `ms` written at an offset in minutes (`Z` when `utc` and the offset is 0). */
export function atOffset(ms: number, offsetMinutes: number, utc = false): string {
  const whole = Math.floor(ms / 1000) * 1000;
  const f = wallFields(whole, offsetMinutes * MS_PER_MINUTE);
  const base = `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;
  const milli = ms - whole;
  const frac = milli === 0 ? '' : `.${pad(milli, 3)}`;
  if (offsetMinutes === 0 && utc) return `${base}${frac}Z`;
  const abs = Math.abs(offsetMinutes);
  return `${base}${frac}${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
