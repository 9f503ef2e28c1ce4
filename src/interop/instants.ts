/**
 * ISO 8601 instants for the export formats: the exact instant and the offset it was written
 * with. The subpath entries (`ical`, `fhir`) share the root entry through its public API only, so
 * they keep this small reader of their own (plans hold instants in the core's validated form).
 * @internal
 * @module
 */

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
const MS_PER_MINUTE = 60_000;

/** An instant as epoch milliseconds, with the UTC offset (minutes, east positive) it was written in. */
export interface ReadInstant {
  ms: number;
  offsetMinutes: number;
}

/** Reads an instant (`2026-03-23T10:00:00+00:00`, `…Z`, seconds optional), or `undefined`. */
export function readInstant(text: string): ReadInstant | undefined {
  const m = INSTANT.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, z, sign, oh, om] = m;
  const offsetMinutes = z === undefined ? (Number(oh) * 60 + Number(om)) * (sign === '-' ? -1 : 1) : 0;
  const millis = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), s === undefined ? 0 : Number(s), millis);
  const ms = utc - offsetMinutes * MS_PER_MINUTE;
  return Number.isFinite(ms) ? { ms, offsetMinutes } : undefined;
}

/** Epoch milliseconds of an instant, or `NaN`. */
export function instantMs(text: string): number {
  return readInstant(text)?.ms ?? Number.NaN;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The civil fields of `ms` shifted by `offsetMs` (the wall clock at that offset). */
export function wallFields(ms: number, offsetMs: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const d = new Date(ms + offsetMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
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
