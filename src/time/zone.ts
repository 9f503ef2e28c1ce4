/**
 * Time zones through the platform's `Intl`, cached so that the hot path costs a Map lookup.
 *
 * luxon's `IANAZone.isValidZone` costs ~50 µs and a zoned `fromISO` ~17 µs; here a zone is checked
 * once, and its UTC offset is looked up once per UTC day (twice on a day with a transition).
 * @internal
 * @module
 */
import { MS_PER_DAY, daysFromCivil } from './civil.js';

const ZONE_NAME = /^(?:[A-Za-z][A-Za-z0-9_+-]*)(?:\/[A-Za-z0-9_+-]+)*$/;
const validity = new Map<string, boolean>();
const formatters = new Map<string, Intl.DateTimeFormat>();
/** Per zone: UTC day number → offset in ms for the whole day, or NaN on a day with a transition. */
const dayOffsets = new Map<string, Map<number, number>>();
const MAX_CACHED_DAYS = 50_000;
// Stryker disable next-line Regex: a formatted date the pattern does not match is read from formatToParts instead (below), which gives the same fields; no mutant of it matches a wrong field
const WALL = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

/** Whether `zone` is an IANA time-zone name this platform knows (`UTC` included, offsets like `+01:00` not). */
export function isValidTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string') return false;
  const known = validity.get(zone);
  // Stryker disable next-line ConditionalExpression: answering again instead of from the cache gives the same answer (Intl is asked again)
  if (known !== undefined) return known;
  let ok = zone.length <= 64 && ZONE_NAME.test(zone);
  if (ok) {
    try {
      formatters.set(zone, makeFormatter(zone));
    } catch {
      ok = false;
    }
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: when the cache is cleared changes only speed and memory
  if (validity.size > 1_000) validity.clear();
  validity.set(zone, ok);
  return ok;
}

function makeFormatter(zone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

/** The zone's UTC offset in ms at an instant, straight from `Intl` (~3 µs). */
function intlOffset(zone: string, ms: number): number {
  let formatter = formatters.get(zone);
  // Stryker disable next-line ConditionalExpression,BlockStatement: unreachable: isValidTimeZone stores a formatter for every valid zone before any offset is read, and this map is never cleared
  if (formatter === undefined) {
    formatter = makeFormatter(zone);
    formatters.set(zone, formatter);
  }
  const whole = Math.floor(ms / 1000) * 1000;
  const m = WALL.exec(formatter.format(whole));
  let f: number[];
  if (m === null) {
    // Another ICU may punctuate differently: read the parts instead (slower, always right).
    const parts: Record<string, number> = {};
    // Stryker disable next-line StringLiteral: comparing with '' stores the literal parts too, under `parts.literal`, which is never read
    for (const p of formatter.formatToParts(whole)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    f = [parts.month ?? 1, parts.day ?? 1, parts.year ?? 1970, (parts.hour ?? 0) % 24, parts.minute ?? 0, parts.second ?? 0];
  } else {
    f = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])];
  }
  const [month = 1, day = 1, year = 1970, hour = 0, minute = 0, second = 0] = f;
  const local = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
  return local - whole;
}

/** An offset change: the instant it happens, and the offsets before and after (ms). */
export interface Transition {
  at: number;
  before: number;
  after: number;
}
const transitionCache = new Map<string, Transition>();

/** The offset change during UTC day `day` (one a day at most, as in every zone since 1970), found once to the second. */
export function transitionOn(zone: string, day: number): Transition {
  const key = `${zone}|${day}`;
  let t = transitionCache.get(key);
  // Stryker disable next-line ConditionalExpression: a transition found again instead of from the cache is the same transition
  if (t === undefined) {
    let lo = day * MS_PER_DAY;
    let hi = lo + MS_PER_DAY;
    const before = intlOffset(zone, lo);
    const after = intlOffset(zone, hi);
    while (hi - lo > 1_000) {
      const mid = lo + Math.floor((hi - lo) / 2_000) * 1_000;
      if (intlOffset(zone, mid) === before) lo = mid;
      else hi = mid;
    }
    t = { at: hi, before, after };
    // Stryker disable next-line ConditionalExpression,EqualityOperator: when the cache is cleared changes only speed and memory
    if (transitionCache.size > 10_000) transitionCache.clear();
    transitionCache.set(key, t);
  }
  return t;
}

/**
 * The UTC offset of `zone` at the instant `ms`, in milliseconds (east positive): a Map lookup,
 * also on the day of a DST change (after the first call for that day).
 * The zone must already be valid ({@link isValidTimeZone}).
 */
export function offsetAt(zone: string, ms: number): number {
  const day = Math.floor(ms / MS_PER_DAY);
  const offset = dayOffset(zone, day);
  // Stryker disable next-line ConditionalExpression: a day with one offset sent to the transition search gets that offset back (before = after, `at` is the next day)
  if (!Number.isNaN(offset)) return offset;
  const t = transitionOn(zone, day);
  return ms < t.at ? t.before : t.after;
}

/**
 * The offset of `zone` (valid) for the whole UTC day `day` (days since 1970-01-01), or `NaN` when
 * it changes during that day. Cached: a Map lookup after the first call.
 */
export function dayOffset(zone: string, day: number): number {
  let days = dayOffsets.get(zone);
  // Stryker disable next-line ConditionalExpression: a new day cache for the zone only drops cached offsets, which are computed again the same
  if (days === undefined) {
    days = new Map();
    dayOffsets.set(zone, days);
  }
  let offset = days.get(day);
  // Stryker disable next-line ConditionalExpression: an offset computed again instead of from the cache is the same offset
  if (offset === undefined) {
    const start = intlOffset(zone, day * MS_PER_DAY);
    const end = intlOffset(zone, (day + 1) * MS_PER_DAY);
    offset = start === end ? start : Number.NaN;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: when the cache is cleared changes only speed and memory
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(day, offset);
  }
  return offset;
}

/** Day number of the local date, in `zone`, of the instant `ms`. */
export function localDayOf(zone: string, ms: number): number {
  return Math.floor((ms + offsetAt(zone, ms)) / MS_PER_DAY);
}

/**
 * Every offset change of `zone` (valid) in [start, end), in order, to the second: the UTC days
 * whose offset is not constant, each found once and cached ({@link transitionOn}).
 */
export function transitionsBetween(zone: string, start: number, end: number): Transition[] {
  const out: Transition[] = [];
  // Stryker disable next-line ArithmeticOperator: `end + 1` only adds a day whose changes are at or after `end`, which the filter below drops
  const lastMs = end - 1;
  const last = Math.floor(lastMs / MS_PER_DAY);
  for (let day = Math.floor(start / MS_PER_DAY); day <= last; day++) {
    if (!Number.isNaN(dayOffset(zone, day))) continue;
    const t = transitionOn(zone, day);
    if (t.at >= start && t.at < end) out.push(t);
  }
  return out;
}
