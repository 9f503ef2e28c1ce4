/**
 * The clinic's calendar as numbers: opening hours per local day, local wall-clock times turned
 * into instants with the cached zone offsets (a Map lookup per candidate), and the busy intervals
 * sorted once and merged into disjoint blocks per resource for O(log n) "is it free?" questions.
 * @internal
 * @module
 */
import { MS_PER_DAY, isoWeekday, parseLocalDate } from '../time/civil.js';
import { instantOfWall } from '../time/wall-clock.js';
import { dayOffset, localDayOf, offsetAt, transitionOn } from '../time/zone.js';
import { wallMinutes, type BusyArrays, type CheckedAvailability } from './availability.js';

const MINUTE = 60_000;

/** Opening hours of one day, in minutes after local midnight (`close` up to 1440). */
export interface OpeningRange {
  open: number;
  close: number;
}

/** Busy intervals sorted by start, as parallel arrays; `resource` -1 blocks every resource. */
export interface SortedBusy {
  start: Float64Array;
  end: Float64Array;
  resource: Int32Array;
  /** The longest interval, so a window query knows how far back to look. */
  maxLength: number;
}

/** An availability compiled for searching. */
export interface Calendar {
  zone: string;
  /** Opening ranges by ISO weekday (index 1 to 7), sorted by opening time. */
  weekly: OpeningRange[][];
  /** Opening ranges by local day number, where an override replaces the weekly hours. */
  overrides: Map<number, OpeningRange[]>;
  stepMinutes: number;
  bufferBeforeMs: number;
  bufferAfterMs: number;
  noticeMs: number;
  horizonDays: number;
  /** Resource names in list order; `[undefined]` when the availability has none. */
  resources: (string | undefined)[];
  busy: SortedBusy;
}

const byOpen = (a: OpeningRange, b: OpeningRange): number => a.open - b.open;

/** The busy intervals sorted by start: a copy, or the arrays themselves when already in order. */
function sortBusy(busy: BusyArrays): SortedBusy {
  const n = busy.start.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if ((busy.start[i] as number) < (busy.start[i - 1] as number)) sorted = false;
  let start = busy.start;
  let end = busy.end;
  let resource = busy.resource;
  if (!sorted) {
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const starts = busy.start;
    order.sort((a, b) => (starts[a] as number) - (starts[b] as number));
    start = new Float64Array(n);
    end = new Float64Array(n);
    resource = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const j = order[i] as number;
      start[i] = busy.start[j] as number;
      end[i] = busy.end[j] as number;
      resource[i] = busy.resource[j] as number;
    }
  }
  let maxLength = 0;
  for (let i = 0; i < n; i++) maxLength = Math.max(maxLength, (end[i] as number) - (start[i] as number));
  return { start, end, resource, maxLength };
}

/** The busy intervals that reach into `[from, to)` (all of them without a window). */
function within(busy: BusyArrays, from: number, to: number): BusyArrays {
  const n = busy.start.length;
  let kept = 0;
  for (let i = 0; i < n; i++) if ((busy.end[i] as number) > from && (busy.start[i] as number) < to) kept++;
  if (kept === n) return busy;
  const out: BusyArrays = { start: new Float64Array(kept), end: new Float64Array(kept), resource: new Int32Array(kept) };
  let j = 0;
  for (let i = 0; i < n; i++) {
    if ((busy.end[i] as number) > from && (busy.start[i] as number) < to) {
      out.start[j] = busy.start[i] as number;
      out.end[j] = busy.end[i] as number;
      out.resource[j] = busy.resource[i] as number;
      j++;
    }
  }
  return out;
}

/**
 * The time range the busy blocks of a call at `asOfMs` must cover: from the earliest start
 * (after the notice) less its buffer, to the day after the horizon's last start plus a session
 * and its buffer.
 */
export function searchWindow(calendar: Omit<Calendar, 'busy'>, asOfMs: number): { from: number; to: number } {
  const lastDay = fastLocalDay(calendar.zone, asOfMs) + calendar.horizonDays;
  return { from: asOfMs + calendar.noticeMs - calendar.bufferBeforeMs, to: (lastDay + 3) * MS_PER_DAY + calendar.bufferAfterMs };
}

/**
 * Compiles a checked availability: defaults applied, hours by weekday and date, and the busy
 * intervals sorted once. With `asOfMs` (a one-off call on a raw availability), only the busy
 * intervals within that call's search window are kept and sorted: O(n) to filter, O(m log m)
 * to sort the m that matter.
 */
export function compileCalendar(checked: CheckedAvailability, asOfMs?: number): Calendar {
  const { head } = checked;
  const weekly: OpeningRange[][] = [[], [], [], [], [], [], [], []];
  for (const r of head.weekly) (weekly[r.weekday] as OpeningRange[]).push({ open: wallMinutes(r.open), close: wallMinutes(r.close) });
  for (const list of weekly) list.sort(byOpen);
  const overrides = new Map<number, OpeningRange[]>();
  for (const o of head.overrides ?? []) {
    const day = parseLocalDate(o.date);
    if (day !== undefined)
      overrides.set(day, o.hours.map((h) => ({ open: wallMinutes(h.open), close: wallMinutes(h.close) })).sort(byOpen));
  }
  const rules: Omit<Calendar, 'busy'> = {
    zone: head.timeZone,
    weekly,
    overrides,
    stepMinutes: head.slotStepMinutes ?? 30,
    bufferBeforeMs: (head.bufferBeforeMinutes ?? 0) * MINUTE,
    bufferAfterMs: (head.bufferAfterMinutes ?? 0) * MINUTE,
    noticeMs: (head.minimumNoticeMinutes ?? 0) * MINUTE,
    horizonDays: head.horizonDays ?? 90,
    resources: head.resources === undefined ? [undefined] : [...head.resources],
  };
  let busy = checked.busy;
  if (asOfMs !== undefined) {
    const { from, to } = searchWindow(rules, asOfMs);
    busy = within(busy, from, to);
  }
  return { ...rules, busy: sortBusy(busy) };
}

/** The opening ranges of local day `day` (an override, else the weekday's hours). */
export function openingRanges(calendar: Calendar, day: number): readonly OpeningRange[] {
  return calendar.overrides.get(day) ?? (calendar.weekly[isoWeekday(day)] as OpeningRange[]);
}

// ---------------------------------------------------------------------------------------------
// Wall-clock times to instants, with the zone's offsets cached per UTC day.

/** The local day number of the instant `ms` in `zone`: the kernel's own, under the name the slot code uses. */
export const fastLocalDay: (zone: string, ms: number) => number = localDayOf;

export { instantOfWall };

/** The zone's offset when it is the same on `day` and the days either side (local day `day` then has no change), else NaN. */
export function stableDayOffset(zone: string, day: number): number {
  const a = dayOffset(zone, day - 1);
  return a === dayOffset(zone, day) && a === dayOffset(zone, day + 1) ? a : Number.NaN;
}

/** The first instant at which the wall clock of `zone` reads `wall` or later (a skipped time: the change itself). */
export function instantAtOrAfterWall(zone: string, wall: number): number {
  const t = instantOfWall(zone, wall);
  if (!Number.isNaN(t)) return t;
  // Stryker disable next-line ArithmeticOperator: before is only read by the unreachable fallback below; the guesses find the change either way
  const before = offsetAt(zone, wall - MS_PER_DAY);
  // Stryker disable next-line ArithmeticOperator: either guess alone lands within a day of the change that skips wall, and both are searched a day either side
  for (const guess of [wall - before, wall - offsetAt(zone, wall + MS_PER_DAY)]) {
    for (const day of [Math.floor(guess / MS_PER_DAY) - 1, Math.floor(guess / MS_PER_DAY), Math.floor(guess / MS_PER_DAY) + 1]) {
      if (!Number.isNaN(dayOffset(zone, day))) continue;
      const tr = transitionOn(zone, day);
      if (tr.at + tr.before <= wall && wall < tr.at + tr.after) return tr.at;
    }
  }
  // Stryker disable next-line ArithmeticOperator: unreachable: a skipped wall time lies in the gap of a change on one of the days searched
  return wall - before;
}

/**
 * Calls `visit(start, end)` for each slot start of local day `day` in time order: the grid
 * starts at each range's opening time and steps in wall-clock minutes; a skipped wall time
 * gives no start, a repeated one its earlier instant; `end` is `start + durationMs` in real
 * time and never passes the range's closing instant. `visit` returns `false` to stop the day.
 */
export function forEachStart(calendar: Calendar, day: number, durationMs: number, visit: (start: number, end: number) => boolean): void {
  const zone = calendar.zone;
  const stepMs = calendar.stepMinutes * MINUTE;
  const base = day * MS_PER_DAY;
  const offset = stableDayOffset(zone, day);
  const stable = !Number.isNaN(offset);
  for (const r of openingRanges(calendar, day)) {
    const closeWall = base + r.close * MINUTE;
    const close = stable ? closeWall - offset : instantAtOrAfterWall(zone, closeWall);
    for (let wall = base + r.open * MINUTE; wall < closeWall; wall += stepMs) {
      const start = stable ? wall - offset : instantOfWall(zone, wall);
      if (Number.isNaN(start)) continue;
      const end = start + durationMs;
      // Starts grow with wall time (a repeated time resolves to its earlier instant), so no
      // later start of this range fits either.
      if (end > close) break;
      if (!visit(start, end)) return;
    }
  }
}

/** Whether `[start, end)` lies within one opening range of its local day (for a requested start). */
export function withinOpeningHours(calendar: Calendar, start: number, end: number): boolean {
  const zone = calendar.zone;
  const day = fastLocalDay(zone, start);
  for (const r of openingRanges(calendar, day)) {
    const open = instantAtOrAfterWall(zone, day * MS_PER_DAY + r.open * MINUTE);
    const close = instantAtOrAfterWall(zone, day * MS_PER_DAY + r.close * MINUTE);
    if (start >= open && end <= close) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Busy blocks: per resource, disjoint and sorted, for one search window.

/** Disjoint busy blocks of one resource, sorted (so their ends are sorted too). */
export interface Blocks {
  start: number[];
  end: number[];
}

/** Bookings the search may ignore in the busy list: the plan's own, being moved. */
export type Released = readonly { start: number; end: number }[];

function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Merges the busy intervals that reach into `[from, to)` into blocks per resource: an interval
 * naming a resource blocks that one, one naming none blocks all. Intervals identical to a
 * released booking are left out. O(log n + m) for m intervals in the window.
 */
export function busyBlocks(calendar: Calendar, from: number, to: number, released: Released): Blocks[] {
  const { busy } = calendar;
  const count = calendar.resources.length;
  const blocks: Blocks[] = [];
  for (let r = 0; r < count; r++) blocks.push({ start: [], end: [] });
  const first = lowerBound(busy.start, from - busy.maxLength);
  const last = lowerBound(busy.start, to);
  for (let i = first; i < last; i++) {
    const s = busy.start[i] as number;
    const e = busy.end[i] as number;
    if (e <= from || e <= s) continue;
    if (released.length > 0 && released.some((b) => b.start === s && b.end === e)) continue;
    const res = busy.resource[i] as number;
    for (let r = Math.max(res, 0); r < (res < 0 ? count : res + 1); r++) {
      const b = blocks[r] as Blocks;
      const n = b.end.length;
      if (n > 0 && (b.end[n - 1] as number) >= s) {
        if (e > (b.end[n - 1] as number)) b.end[n - 1] = e;
      } else {
        b.start.push(s);
        b.end.push(e);
      }
    }
  }
  return blocks;
}

/** Whether `[start, end)` is free of every block: O(log m). */
export function isFree(blocks: Blocks, start: number, end: number): boolean {
  const ends = blocks.end;
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ends[mid] as number) <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo === ends.length || (blocks.start[lo] as number) >= end;
}
