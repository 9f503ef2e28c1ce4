/**
 * ISO 8601 instants: a strict parser (an offset is required) and a formatter in a zone.
 * @internal
 * @module
 */
import { MS_PER_DAY, daysFromCivil, daysInMonth, formatLocalDate, pad2 } from './civil.js';
import { instantInRange } from './range.js';
import { offsetAt } from './zone.js';

const INSTANT = /^([1-9]\d{3})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
const cache = new Map<string, number>();
const MAX_CACHED = 20_000;

/**
 * Why an instant string was refused: its shape, its offset, its date or time fields, or
 * (`'range'`) a real instant outside the supported range (see `range.ts`).
 */
export type InstantProblem = 'format' | 'offset' | 'date' | 'time' | 'range';

/**
 * Epoch milliseconds of an ISO 8601 instant with an offset or `Z`, or the reason it is not one.
 * Seconds and fractions are optional; the offset is not (a local time is not an instant).
 */
export function parseInstantDetailed(text: string): number | InstantProblem {
  // The usual shapes first, without regex or cache: on strings fresh from JSON.parse a cache miss
  // (hash, insert, churn) costs more than the parse (parsePlan + evaluatePlan: ~35k → ~50k plans/s).
  const canonical = parseCanonicalInstant(text);
  if (canonical !== undefined) return instantInRange(canonical) ? canonical : 'range';
  const hit = cache.get(text);
  // Stryker disable next-line ConditionalExpression: a text read again instead of from the cache gives the same value
  if (hit !== undefined) return hit;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: only bounds the regex's work; no accepted form is over 35 characters, so the patterns below refuse longer text as 'format' anyway
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
    const minutes = oh * 60 + om;
    offsetMinutes = m[9] === '-' ? -minutes : minutes;
  }
  const fraction = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const ms = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + fraction - offsetMinutes * 60_000;
  if (!instantInRange(ms)) return 'range';
  // Stryker disable next-line ConditionalExpression,EqualityOperator: when the cache is cleared changes only speed and memory
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(text, ms);
  return ms;
}

/** Two decimal digits at `i` as a number, or NaN. */
function two(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number.NaN;
}

const DASH = 45;
const COLON = 58;
const DOT = 46;
const PLUS = 43;
const T = 84;
const Z = 90;
/** Days before each month in a common year. */
const DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/**
 * Epoch milliseconds of an instant in the shape calendars export — `YYYY-MM-DDTHH:MM:SS`, an
 * optional `.fraction`, then `Z` or `±HH:MM` — read character by character, with no regex and no
 * cache (a calendar of 100,000 intervals would only churn the cache). `undefined` for any other
 * text, valid or not: then ask {@link parseInstantDetailed}, which accepts exactly the same
 * instants with the same values.
 */
// Stryker disable next-line BlockStatement: a reader that reads nothing leaves every text to parseInstantDetailed's general parser, which gives the same answers (only slower)
export function parseCanonicalInstant(text: string): number | undefined {
  const n = text.length;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: the length check only declines early; the shape checks below decline the same texts, and a declined text is read by the general parser to the same value
  if (n < 20 || n > 35) return undefined;
  if (
    text.charCodeAt(4) !== DASH ||
    text.charCodeAt(7) !== DASH ||
    text.charCodeAt(10) !== T ||
    text.charCodeAt(13) !== COLON ||
    text.charCodeAt(16) !== COLON
  ) {
    return undefined;
  }
  const year = two(text, 0) * 100 + two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  // NaN fails every comparison, so a non-digit anywhere gives undefined.
  if (!(year >= 1000 && month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 59)) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 ? (leap ? 29 : 28) : daysInMonth(year, month))) return undefined;
  let p = 19;
  let fraction = 0;
  // Stryker disable next-line BlockStatement: skipping the fraction leaves p on the dot, which is neither Z nor a sign: declined, and read by the general parser
  if (text.charCodeAt(p) === DOT) {
    // Stryker disable next-line ArithmeticOperator: from p - 1 the loop stops at the dot and reads an empty fraction, so p stays on the dot: declined
    let q = p + 1;
    // Stryker disable next-line UpdateOperator: q-- stops the loop after one step with q = p, so p stays on the dot: declined
    while (q < n && q - p <= 9 && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++;
    if (q === p + 1) return undefined;
    fraction = Math.floor(Number(`0.${text.slice(p + 1, q)}`) * 1000);
    p = q;
  }
  let offsetMinutes = 0;
  const sign = text.charCodeAt(p);
  // Stryker disable next-line ArithmeticOperator,BlockStatement: `p === n + 1` never holds (declined); offsetMinutes is already 0
  if (sign === Z && p === n - 1) {
    offsetMinutes = 0;
  } else if ((sign === PLUS || sign === DASH) && p + 6 === n && text.charCodeAt(p + 3) === COLON) {
    // Stryker disable next-line ArithmeticOperator: two(text, p - 1) reads a digit and the sign, which is NaN: declined
    const oh = two(text, p + 1);
    const om = two(text, p + 4);
    if (!(oh <= 18 && om <= 59)) return undefined;
    const minutes = oh * 60 + om;
    offsetMinutes = sign === DASH ? -minutes : minutes;
  } else {
    return undefined;
  }
  // Days since 1970-01-01: whole years, then the months and days of this one.
  const y = year - 1;
  const days =
    365 * (year - 1970) +
    (Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400)) -
    477 +
    (DAYS_BEFORE[month - 1] as number) +
    (leap && month > 2 ? 1 : 0) +
    day -
    1;
  return days * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + fraction - offsetMinutes * 60_000;
}

/** An instant as epoch milliseconds, with the UTC offset (minutes, east positive) it was written in. */
export interface WrittenInstant {
  ms: number;
  offsetMinutes: number;
}

/**
 * Epoch milliseconds of an instant and the offset it was written with (`Z` is 0), or `undefined`
 * when the parser refuses it: the exporters keep the caller's offset, so they need both.
 */
export function readInstant(text: string): WrittenInstant | undefined {
  const ms = parseInstantDetailed(text);
  if (typeof ms !== 'number') return undefined;
  const last = text.charCodeAt(text.length - 1);
  if (last === Z || last === 122) return { ms, offsetMinutes: 0 };
  // The parser accepted it, so it ends in ±HH:MM.
  const sign = text.charCodeAt(text.length - 6) === DASH ? -1 : 1;
  return { ms, offsetMinutes: sign * (two(text, text.length - 5) * 60 + two(text, text.length - 2)) };
}

/** Epoch milliseconds of an ISO 8601 instant, or `NaN`. */
export function parseInstant(text: string): number {
  const r = parseInstantDetailed(text);
  return typeof r === 'number' ? r : Number.NaN;
}

/**
 * Formats epoch milliseconds as an ISO 8601 instant in `zone`, with the zone's offset and no zero
 * milliseconds: `2026-03-23T14:00:00+00:00`. An offset with seconds (local mean time before
 * 1900) cannot be written as ±HH:MM, so such instants are written in UTC, as `+00:00`.
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
