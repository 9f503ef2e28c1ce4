/**
 * VTIMEZONE components from the platform's own time-zone data (`Intl`), for the years a calendar
 * uses. An event written as `DTSTART;TZID=Europe/London:…` needs a matching VTIMEZONE: Outlook
 * does not know IANA names and shows such events an hour off without one (ical-generator #680).
 *
 * The zone's offsets and transitions come from the time kernel (`src/time/zone.ts`, cached per
 * UTC day and bisected to the second), the same the core uses, shared through one build chunk.
 * When the transitions of each kind fall on the same weekday rule every year (the last Sunday of
 * March at 01:00 UTC…), they are written as yearly RRULEs, the form Outlook reads best; otherwise
 * each transition gets its own observance.
 * @internal
 * @module
 */
import { daysFromCivil, daysInMonth, isoWeekday } from '../../time/civil.js';
import { offsetAt, transitionsBetween } from '../../time/zone.js';
import { basicDateTime, wallFields } from '../common/instants.js';
import { property } from './content-line.js';

const HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** The UTC offset of `zone` (valid) at `ms`, in milliseconds (east positive): the time kernel's cached offsets. */
export function zoneOffset(zone: string, ms: number): number {
  return offsetAt(zone, ms);
}

/** One change of a zone's offset. */
export interface Transition {
  /** The instant of the change. */
  at: number;
  from: number;
  to: number;
}

/** Every offset change of `zone` in [start, end), to the second (the time kernel's, cached per day). */
export function transitions(zone: string, start: number, end: number): Transition[] {
  return transitionsBetween(zone, start, end).map((t) => ({ at: t.at, from: t.before, to: t.after }));
}

/**
 * The local date-time (`YYYYMMDDTHHMMSS`) of `ms` in `zone`, or `undefined` when that wall-clock
 * time names two instants (the hour repeated when clocks go back). RFC 5545 reads such a time as
 * its first occurrence, but parsers differ (ical.js takes the second), so both are written in UTC.
 */
export function zonedDateTime(zone: string, ms: number): string | undefined {
  const offset = zoneOffset(zone, ms);
  const wall = ms + offset;
  for (const probe of [ms - 3 * HOUR, ms + 3 * HOUR]) {
    const other = zoneOffset(zone, probe);
    if (other === offset) continue;
    const twin = wall - other;
    if (twin !== ms && zoneOffset(zone, twin) === other) return undefined;
  }
  return basicDateTime(ms, offset);
}

/** `+HHMM` (or `+HHMMSS`) of an offset in milliseconds. */
export function utcOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const total = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${sign}${pad(h)}${pad(m)}${s === 0 ? '' : pad(s)}`;
}

interface Onset {
  transition: Transition;
  year: number;
  month: number;
  day: number;
  weekday: number;
  time: string;
}

function onset(t: Transition): Onset {
  const f = wallFields(t.at, t.from);
  const weekday = isoWeekday(daysFromCivil(f.year, f.month, f.day)) % 7; // Sunday = 0, as WEEKDAYS
  return { transition: t, year: f.year, month: f.month, day: f.day, weekday, time: basicDateTime(t.at, t.from).slice(9) };
}

/** `FREQ=YEARLY;…` when every onset of a kind follows one weekday rule in consecutive years. */
function yearlyRule(onsets: readonly Onset[]): string | undefined {
  const first = onsets[0];
  if (first === undefined || onsets.length < 2) return undefined;
  const same = onsets.every(
    (o, i) =>
      o.year === first.year + i &&
      o.month === first.month &&
      o.weekday === first.weekday &&
      o.time === first.time &&
      o.transition.from === first.transition.from &&
      o.transition.to === first.transition.to,
  );
  if (!same) return undefined;
  const weekday = WEEKDAYS[first.weekday] ?? 'SU';
  if (onsets.every((o) => o.day > daysInMonth(o.year, o.month) - 7)) return `FREQ=YEARLY;BYMONTH=${first.month};BYDAY=-1${weekday}`;
  const nth = Math.ceil(first.day / 7);
  if (onsets.every((o) => Math.ceil(o.day / 7) === nth)) return `FREQ=YEARLY;BYMONTH=${first.month};BYDAY=${nth}${weekday}`;
  return undefined;
}

function observance(kind: 'STANDARD' | 'DAYLIGHT', start: string, from: number, to: number, rule?: string): string[] {
  const lines = [
    `BEGIN:${kind}`,
    property('DTSTART', start),
    property('TZOFFSETFROM', utcOffset(from)),
    property('TZOFFSETTO', utcOffset(to)),
  ];
  if (rule !== undefined) lines.push(property('RRULE', rule));
  lines.push(`END:${kind}`);
  return lines;
}

const cache = new Map<string, readonly string[]>();

/**
 * The VTIMEZONE of `zone` covering the instants from `first` to `last` (and the year around
 * them), as unfolded content lines. Cached per zone and years: the scan costs a few milliseconds.
 */
export function vtimezone(zone: string, first: number, last: number): string[] {
  const startYear = wallFields(first, 0).year - 1;
  const endYear = wallFields(last, 0).year + 1;
  const key = `${zone}|${startYear}|${endYear}`;
  let lines = cache.get(key);
  if (lines === undefined) {
    lines = build(zone, first, startYear, endYear);
    if (cache.size >= 64) cache.clear();
    cache.set(key, lines);
  }
  return [...lines];
}

function build(zone: string, first: number, startYear: number, endYear: number): string[] {
  const start = daysFromCivil(startYear, 1, 1) * MS_PER_DAY;
  const end = daysFromCivil(endYear + 1, 1, 1) * MS_PER_DAY;
  const found = transitions(zone, start, end);
  const lines = ['BEGIN:VTIMEZONE', property('TZID', zone)];
  if (found.length === 0) {
    const offset = zoneOffset(zone, first);
    lines.push(...observance('STANDARD', '19700101T000000', offset, offset), 'END:VTIMEZONE');
    return lines;
  }
  const forward = found.filter((t) => t.to > t.from).map(onset);
  const back = found.filter((t) => t.to < t.from).map(onset);
  const daylightRule = yearlyRule(forward);
  const standardRule = yearlyRule(back);
  const [firstForward] = forward;
  const [firstBack] = back;
  if (daylightRule !== undefined && standardRule !== undefined && firstForward !== undefined && firstBack !== undefined) {
    const t = firstForward.transition;
    const b = firstBack.transition;
    lines.push(...observance('DAYLIGHT', basicDateTime(t.at, t.from), t.from, t.to, daylightRule));
    lines.push(...observance('STANDARD', basicDateTime(b.at, b.from), b.from, b.to, standardRule));
  } else {
    // Irregular changes (a zone that dropped DST, or one that follows a lunar calendar): the
    // offset in force at the start, then one observance per change.
    const initial = zoneOffset(zone, start);
    const nextTo = found[0]?.to ?? initial;
    lines.push(...observance(initial > nextTo ? 'DAYLIGHT' : 'STANDARD', basicDateTime(start, initial), initial, initial));
    for (const t of found) lines.push(...observance(t.to > t.from ? 'DAYLIGHT' : 'STANDARD', basicDateTime(t.at, t.from), t.from, t.to));
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
