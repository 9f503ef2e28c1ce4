/**
 * ISO 8601 instants: a strict parser (an offset is required) and a formatter in a zone.
 * @internal
 * @module
 */
import { MS_PER_DAY, daysFromCivil, daysInMonth, formatLocalDate, pad2 } from './civil.js';
import { offsetAt } from './zone.js';

const INSTANT =
  /^([1-9]\d{3})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
const cache = new Map<string, number>();
const MAX_CACHED = 20_000;

/** Why an instant string was refused. */
export type InstantProblem = 'format' | 'offset' | 'date' | 'time';

/**
 * Epoch milliseconds of an ISO 8601 instant with an offset or `Z`, or the reason it is not one.
 * Seconds and fractions are optional; the offset is not (a local time is not an instant).
 */
export function parseInstantDetailed(text: string): number | InstantProblem {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  if (text.length > 40) return 'format';
  const m = INSTANT.exec(text);
  if (m === null) {
    return /^[1-9]\d{3}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?$/.test(text) ? 'offset' : 'format';
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'date';
  if (hour > 23 || minute > 59 || second > 59) return 'time';
  let offsetMinutes = 0;
  if (m[8] === undefined) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 18 || om > 59) return 'offset';
    offsetMinutes = (oh * 60 + om) * (m[9] === '-' ? -1 : 1);
  }
  const fraction = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const ms =
    daysFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute) * 60 + second) * 1000 +
    fraction -
    offsetMinutes * 60_000;
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(text, ms);
  return ms;
}

/** Epoch milliseconds of an ISO 8601 instant, or `NaN`. */
export function parseInstant(text: string): number {
  const r = parseInstantDetailed(text);
  return typeof r === 'number' ? r : Number.NaN;
}

/**
 * Formats epoch milliseconds as an ISO 8601 instant in `zone`, with the zone's offset and no zero
 * milliseconds: `2026-03-23T14:00:00+00:00`. An offset with seconds (local mean time before
 * 1900) cannot be written as ±HH:MM, so such instants are written in UTC with `Z`.
 */
export function formatInstant(ms: number, zone: string): string {
  let offset = offsetAt(zone, ms);
  if (offset % 60_000 !== 0) offset = 0;
  const local = ms + offset;
  const dayNumber = Math.floor(local / MS_PER_DAY);
  const msOfDay = local - dayNumber * MS_PER_DAY;
  const h = Math.floor(msOfDay / 3_600_000);
  const mi = Math.floor((msOfDay % 3_600_000) / 60_000);
  const s = Math.floor((msOfDay % 60_000) / 1000);
  const milli = msOfDay % 1000;
  const abs = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  const frac = milli === 0 ? '' : `.${String(milli).padStart(3, '0')}`;
  return `${formatLocalDate(dayNumber)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}${frac}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}
