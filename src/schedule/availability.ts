/**
 * The clinic's availability as data: its zone, weekly opening hours as local times, date
 * overrides, busy intervals as instants, buffers, notice, horizon, slot step and resources.
 *
 * The zod schema is the contract (types, the `schemas` registry, JSON Schema); the rules across
 * fields (ranges in order and apart, one override per date, busy intervals that end after they
 * start and name a known resource) are checked by {@link parseAvailability}.
 * @module
 */
import type { Mutable } from '../schema/readonly.js';
import type { DeepReadonly } from '../schema/readonly.js';
import * as z from 'zod/mini';
import { once } from '../schema/once.js';
import type { Finding, Outcome } from '../findings/codes.js';
import { fail, finding, guarded, ok } from '../findings/finding.js';
import { inputDetails } from '../findings/messages.js';
import { idField, instantField, localDateField, maxItems, minItems, timeZoneField } from '../schema/fields.js';
import { formatPath, inputFinding, issuesToFindings } from '../schema/issues.js';
import { parseInstant } from '../time/instant.js';
import { parseLocalDate } from '../time/civil.js';
import { MAX_INSTANT, MIN_INSTANT, localDateOutOfRange } from '../time/range.js';
import { isValidTimeZone } from '../time/zone.js';
import { guardedInput, inputLimits, limitsFinding } from '../schema/limits.js';
import { markSealed } from '../schema/sealed.js';
import { keysOf, type KeyHints } from '../schema/snapshot.js';

/** Most busy intervals one availability may list (a hostile-input bound, far above a clinic's decade). */
const MAX_BUSY = 1_000_000;

const WALL_TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** Minutes after midnight of a validated `'HH:mm'` (`'24:00'` is 1440). @internal */
export function wallMinutes(text: string): number {
  const m = WALL_TIME.exec(text);
  if (m === null) return Number.NaN;
  return m[1] === undefined ? 1_440 : Number(m[1]) * 60 + Number(m[2]);
}

function wallTimeField(allowMidnightClose: boolean) {
  return z.string().check(
    z.superRefine((value: string, ctx) => {
      if (!WALL_TIME.test(value) || (!allowMidnightClose && value === '24:00')) {
        ctx.addIssue({
          code: 'custom',
          // Stryker disable next-line StringLiteral: the finding is worded from params (issuesToFindings), never from this message
          message: 'invalid wall time',
          input: value,
          params: { finding: 'INVALID_INPUT', detail: allowMidnightClose ? 'closeTime' : 'openTime', value: value.slice(0, 60) },
        });
      }
    }),
  );
}

function build() {
  // JSON Schema metadata is registered (as in schema/fields.ts), not added as a check: the
  // patterns are for JSON Schema only; at run time the refinement gives the precise finding.
  /** An opening time, `'HH:mm'` from `'00:00'` to `'23:59'`. */
  const openField = wallTimeField(false).register(z.globalRegistry, {
    description: "An opening time in the clinic's zone, HH:mm from 00:00 to 23:59.",
    pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
  });
  /** A closing time, `'HH:mm'`, where `'24:00'` is the end of the day. */
  const closeField = wallTimeField(true).register(z.globalRegistry, {
    description: "A closing time in the clinic's zone, HH:mm from 00:00 to 23:59, or 24:00 for the end of the day.",
    pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$',
  });
  const minutes = (max: number) => z.optional(z.int().check(z.minimum(0), z.maximum(max)));

  /** Opening hours for one date: a range of local wall-clock times. */
  const openingRangeSchema = z.strictObject({ open: openField, close: closeField });

  /** One weekly opening range: an ISO weekday (Monday = 1) and local wall-clock times. */
  const weeklyRangeSchema = z.strictObject({
    weekday: z.literal([1, 2, 3, 4, 5, 6, 7]),
    open: openField,
    close: closeField,
  });

  /** Other hours on one local date; `hours: []` means closed. */
  const availabilityOverrideSchema = z.strictObject({
    date: localDateField,
    hours: z.array(openingRangeSchema).check(maxItems(96)),
  });

  /** A time that is not free: an appointment or an absence; with `resource`, only that resource is busy. */
  const busyIntervalSchema = z.strictObject({
    start: instantField,
    end: instantField,
    resource: z.optional(idField),
  });

  const availabilityFields = {
    timeZone: timeZoneField,
    weekly: z.array(weeklyRangeSchema).check(maxItems(7 * 96)),
    overrides: z.optional(z.array(availabilityOverrideSchema).check(maxItems(36_600))),
    resources: z.optional(z.array(idField).check(minItems(1), maxItems(100))),
    bufferBeforeMinutes: minutes(1_440),
    bufferAfterMinutes: minutes(1_440),
    minimumNoticeMinutes: minutes(366 * 1_440),
    horizonDays: minutes(3_660),
    slotStepMinutes: z.optional(z.int().check(z.minimum(1), z.maximum(1_440))),
  };

  /** The availability schema (docs/design.md, "Scheduling semantics"). */
  const availabilitySchema = z.strictObject({
    ...availabilityFields,
    busy: z.optional(z.array(busyIntervalSchema).check(maxItems(MAX_BUSY))),
  });

  /** Everything but the busy intervals, which are checked one by one on a fast path (see below). */
  const availabilityHeadSchema = z.strictObject({
    ...availabilityFields,
    busy: z.optional(z.array(z.unknown()).check(maxItems(MAX_BUSY))),
  });
  return {
    openingRangeSchema,
    weeklyRangeSchema,
    availabilityOverrideSchema,
    busyIntervalSchema,
    availabilitySchema,
    availabilityHeadSchema,
  };
}

/** The availability schemas, built on first use (never at import). @internal */
export const availabilitySchemas: () => ReturnType<typeof build> = once(build);
type AvailabilitySchemas = ReturnType<typeof build>;

/**
 * A clinic's availability: its IANA zone, weekly opening hours as local `'HH:mm'` times (several
 * ranges per weekday; close may be `'24:00'`), date overrides (`hours: []` = closed), busy
 * intervals as instants, buffers around a session, minimum notice, booking horizon in days
 * (default 90), slot step in minutes (default 30), and optionally resources (artists, rooms).
 *
 * @example
 * ```ts
 * import { parseAvailability } from 'smp-protocol';
 * const out = parseAvailability({ timeZone: 'Europe/London',
 *   weekly: [{ weekday: 2, open: '09:00', close: '13:00' }, { weekday: 4, open: '10:00', close: '19:00' }] });
 * out.ok && out.value.weekly.length; // 2
 * ```
 */
export type Availability = DeepReadonly<z.infer<AvailabilitySchemas['availabilitySchema']>>;

/** The busy intervals, validated, as parallel arrays of epoch milliseconds; `resource` -1 blocks every resource. @internal */
export interface BusyArrays {
  start: Float64Array;
  end: Float64Array;
  resource: Int32Array;
}

/** An availability checked across fields: its parsed head and its busy intervals as numbers. @internal */
export interface CheckedAvailability {
  head: z.infer<AvailabilitySchemas['availabilityHeadSchema']>;
  /** The busy intervals' strings as given (start, end, resource), for the frozen copy. */
  busyText: BusyText;
  busy: BusyArrays;
}

/** The busy intervals as written, in parallel arrays (no object per interval). @internal */
export interface BusyText {
  start: string[];
  end: string[];
  resource: (string | undefined)[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The strings of the busy interval being read (set by {@link quickBusy}). */
let quickResource: string | undefined;
// Stryker disable next-line StringLiteral: always set by quickBusy or the slow path before it is read
let quickStart = '';
// Stryker disable next-line StringLiteral: always set by quickBusy or the slow path before it is read
let quickEnd = '';

/**
 * The fast path for busy interval `i`: writes its instants into `busy` and returns true when it
 * is plainly valid; false when zod must look (zod then decides, and words any problem). Never
 * more lenient than the schema. No allocation: a calendar may hold 100,000 of these. @internal
 */
export function quickBusy(entry: unknown, busy: BusyArrays, i: number): boolean {
  if (!isRecord(entry)) return false;
  for (const key in entry) if (key !== 'start' && key !== 'end' && key !== 'resource') return false;
  const { start, end, resource } = entry;
  if (typeof start !== 'string' || typeof end !== 'string') return false;
  if (resource !== undefined && (typeof resource !== 'string' || resource.length === 0 || resource.length > 256)) return false;
  // parseInstant reads the usual layouts character by character (no regex, no cache churn).
  const s = parseInstant(start);
  const e = parseInstant(end);
  if (Number.isNaN(s) || Number.isNaN(e)) return false;
  busy.start[i] = s;
  busy.end[i] = e;
  quickResource = resource;
  quickStart = start;
  quickEnd = end;
  return true;
}

/**
 * The dates an override may name: those of the supported instants (1900-01-02 to 9999-12-30). The
 * first and last local dates (1900-01-01, 9999-12-31) hold no supported instant at noon UTC and
 * few or none in most zones, so their hours could never be booked; an override on them was kept
 * and then refused by the library's own date checks.
 */
const FIRST_OVERRIDE_DATE = MIN_INSTANT.slice(0, 10);
const LAST_OVERRIDE_DATE = MAX_INSTANT.slice(0, 10);

function overrideOutOfRange(date: string): boolean {
  return date < FIRST_OVERRIDE_DATE || date > LAST_OVERRIDE_DATE;
}

interface TimedRange {
  open: number;
  close: number;
  path: (string | number)[];
  text: string;
}

/** Ranges of one day: each closes after it opens, and none overlaps another. */
function rangeFindings(ranges: TimedRange[]): Finding[] {
  const out: Finding[] = [];
  const valid: TimedRange[] = [];
  for (const r of ranges) {
    if (r.close <= r.open) out.push(inputFinding([...r.path, 'close'], inputDetails.rangeOrder(r.text)));
    else valid.push(r);
  }
  valid.sort((a, b) => a.open - b.open);
  let last: TimedRange | undefined;
  for (const r of valid) {
    if (last !== undefined && r.open < last.close) {
      out.push(inputFinding(r.path, inputDetails.rangeOverlap(r.text, last.text)));
    }
    if (last === undefined || r.close > last.close) last = r;
  }
  return out;
}

/** Validates an availability (shape, then the rules across fields). @internal */
export function checkAvailability(input: unknown): Outcome<CheckedAvailability> {
  if (!isRecord(input)) return fail([inputFinding([], inputDetails.notObject('an availability object'))]);
  const tooBig = limitsFinding(input);
  if (tooBig !== undefined) return fail([tooBig]);
  // A plain array of busy intervals within bounds is checked entry by entry below, never through
  // zod's generic array path (2,000 `z.unknown()` runs cost more than the checks themselves); zod
  // sees the rest. Anything else (not an array, too long) goes to zod whole, for its findings.
  const rawBusy = input.busy;
  // Stryker disable next-line EqualityOperator: limitsFinding above refuses more than 50,000 items, so the length is always under MAX_BUSY; zod reading the list whole gives the same items
  const plainBusy = Array.isArray(rawBusy) && rawBusy.length <= MAX_BUSY;
  let rest: Record<string, unknown> = input;
  // Stryker disable next-line BlockStatement: zod then reads busy as a list of unknowns, the same items
  if (plainBusy) {
    rest = { ...input };
    delete rest.busy;
  }
  const parsed = availabilitySchemas().availabilityHeadSchema.safeParse(rest, { reportInput: true });
  if (!parsed.success) return fail(issuesToFindings(parsed.error.issues));
  const head = parsed.data;
  if (plainBusy) head.busy = rawBusy;
  const findings: Finding[] = [];

  const byDay = new Map<number, TimedRange[]>();
  head.weekly.forEach((r, i) => {
    const list = byDay.get(r.weekday) ?? [];
    list.push({ open: wallMinutes(r.open), close: wallMinutes(r.close), path: ['weekly', i], text: `${r.open}–${r.close}` });
    byDay.set(r.weekday, list);
  });
  for (const list of byDay.values()) findings.push(...rangeFindings(list));

  const dates = new Map<string, number>();
  head.overrides?.forEach((o, i) => {
    const first = dates.get(o.date);
    if (first !== undefined) findings.push(inputFinding(['overrides', i, 'date'], inputDetails.duplicateOverride(o.date, first)));
    else dates.set(o.date, i);
    if (overrideOutOfRange(o.date)) {
      const path = ['overrides', i, 'date'];
      findings.push(
        finding(
          'DATE_OUT_OF_RANGE',
          'error',
          { path: formatPath(path), value: o.date, min: FIRST_OVERRIDE_DATE, max: LAST_OVERRIDE_DATE },
          { path },
        ),
      );
    }
    findings.push(
      ...rangeFindings(
        o.hours.map((r, j) => ({
          open: wallMinutes(r.open),
          close: wallMinutes(r.close),
          path: ['overrides', i, 'hours', j],
          text: `${r.open}–${r.close}`,
        })),
      ),
    );
  });

  const resourceIndex = new Map<string, number>();
  head.resources?.forEach((name, i) => {
    if (resourceIndex.has(name)) findings.push(inputFinding(['resources', i], inputDetails.duplicateResource(name)));
    else resourceIndex.set(name, i);
  });

  const busyInput = head.busy ?? [];
  const n = busyInput.length;
  const busy: BusyArrays = { start: new Float64Array(n), end: new Float64Array(n), resource: new Int32Array(n) };
  // Stryker disable next-line ArrayDeclaration: every index below n is written before the copy reads it
  const busyText: BusyText = { start: new Array<string>(n), end: new Array<string>(n), resource: new Array<string | undefined>(n) };
  for (let i = 0; i < n; i++) {
    if (!quickBusy(busyInput[i], busy, i)) {
      const slow = availabilitySchemas().busyIntervalSchema.safeParse(busyInput[i], { reportInput: true });
      if (!slow.success) {
        findings.push(...issuesToFindings(slow.error.issues, ['busy', i]));
        if (findings.length > 100) break;
        continue;
      }
      busy.start[i] = parseInstant(slow.data.start);
      busy.end[i] = parseInstant(slow.data.end);
      quickResource = slow.data.resource;
      quickStart = slow.data.start;
      quickEnd = slow.data.end;
    }
    busyText.start[i] = quickStart;
    busyText.end[i] = quickEnd;
    busyText.resource[i] = quickResource;
    if ((busy.end[i] as number) < (busy.start[i] as number)) findings.push(inputFinding(['busy', i, 'end'], inputDetails.endBeforeStart()));
    let resource = -1;
    if (quickResource !== undefined && head.resources !== undefined) {
      const index = resourceIndex.get(quickResource);
      if (index === undefined) findings.push(inputFinding(['busy', i, 'resource'], inputDetails.unknownResource(quickResource)));
      else resource = index;
    }
    busy.resource[i] = resource;
    if (findings.length > 100) break;
  }
  if (findings.length > 0) return fail(findings);
  return ok({ head, busyText, busy });
}

// ---------------------------------------------------------------------------------------------
// The fast path: an availability read key-wise, each own key once, straight from the caller's
// value (no snapshot, no size walk, no zod), when it is plainly valid. Anything else — an unknown
// key, a wrong type, a broken rule across fields, an interval that is not plainly valid, a size
// near a limit, a getter that throws — answers `undefined`, and the slow path (snapshot, zod, the
// checks above) decides and words the findings, exactly as before.

type Obj = Record<string, unknown>;

function plainObject(value: unknown): value is Obj {
  // Stryker disable next-line BooleanLiteral,LogicalOperator: every caller declines a non-object anyway (no keys, or getPrototypeOf throws inside its try)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function wallTime(value: unknown, allowMidnight: boolean): value is string {
  return typeof value === 'string' && WALL_TIME.test(value) && (allowMidnight || value !== '24:00');
}

function isIntIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= 256;
}

/** An opening range `{ open, close }` (with `weekday` for a weekly one), in the schema's key order. */
function readRange(value: unknown, weekly: boolean): Obj | undefined {
  if (!plainObject(value)) return undefined;
  const keys = Object.keys(value);
  let weekday: unknown;
  let open: unknown;
  let close: unknown;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = value[k];
    if (v === undefined) return undefined;
    if (k === 'open') open = v;
    else if (k === 'close') close = v;
    else if (k === 'weekday' && weekly) weekday = v;
    else return undefined;
  }
  if (!wallTime(open, false) || !wallTime(close, true)) return undefined;
  if (!weekly) return { open, close };
  if (!isIntIn(weekday, 1, 7)) return undefined;
  return { weekday, open, close };
}

/** Values read so far (an overcount is safe: it only sends more input the slow way). */
interface Budget {
  nodes: number;
}

function readList<T>(value: unknown, max: number, budget: Budget, item: (v: unknown, b: Budget) => T | undefined): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items = value as unknown[];
  const length = items.length;
  if (length > max) return undefined;
  // Stryker disable next-line ArrayDeclaration: every index below length is written before the list is read
  const out: T[] = new Array<T>(length);
  for (let i = 0; i < length; i++) {
    // Checked as it grows: a huge input is given up on as early as the snapshot would refuse it.
    budget.nodes += 4;
    if (budget.nodes > inputLimits.maxNodes) return undefined;
    const o = item(items[i], budget);
    if (o === undefined) return undefined;
    out[i] = o;
  }
  return out;
}

function readOverride(value: unknown, budget: Budget): Obj | undefined {
  if (!plainObject(value)) return undefined;
  const keys = Object.keys(value);
  let date: unknown;
  let hours: unknown;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = value[k];
    if (v === undefined) return undefined;
    if (k === 'date') date = v;
    else if (k === 'hours') hours = v;
    else return undefined;
  }
  if (typeof date !== 'string' || date.length !== 10 || parseLocalDate(date) === undefined || localDateOutOfRange(date)) return undefined;
  if (overrideOutOfRange(date)) return undefined;
  const list = readList(hours, 96, budget, (h) => readRange(h, false));
  return list === undefined ? undefined : { date, hours: list };
}

const headMinutes: Readonly<Record<string, readonly [number, number]>> = {
  bufferBeforeMinutes: [0, 1_440],
  bufferAfterMinutes: [0, 1_440],
  minimumNoticeMinutes: [0, 366 * 1_440],
  horizonDays: [0, 3_660],
  slotStepMinutes: [1, 1_440],
};
const headOrder = ['bufferBeforeMinutes', 'bufferAfterMinutes', 'minimumNoticeMinutes', 'horizonDays', 'slotStepMinutes'] as const;

/**
 * The busy intervals, plainly valid, in a tight loop: each a plain object of `start`, `end` and
 * optionally `resource` (own keys, each read once), both instants parsed once, in order, and a
 * listed resource. `undefined` at the first that is not (the slow path words it).
 */
function readBusy(
  value: unknown,
  resources: ReadonlyMap<string, number> | undefined,
  limit: number,
  withText: boolean,
): CheckedAvailability | undefined {
  const items = value as unknown[];
  const n = items.length;
  const busy: BusyArrays = { start: new Float64Array(n), end: new Float64Array(n), resource: new Int32Array(n) };
  // The strings are kept only for a frozen copy (parseAvailability); a search needs the numbers.
  const size = withText ? n : 0;
  // Stryker disable next-line ArrayDeclaration: every index below size is written before the copy reads it
  const text: BusyText = { start: new Array<string>(size), end: new Array<string>(size), resource: new Array<string | undefined>(size) };
  let nodes = n;
  for (let i = 0; i < n; i++) {
    const entry = items[i];
    if (!plainObject(entry)) return undefined;
    let start: unknown;
    let end: unknown;
    let resource: unknown;
    // for…in allocates no key list (2,000 of them were most of this loop's garbage); an inherited
    // enumerable key (never in JSON) goes the slow way.
    for (const k in entry) {
      if (!Object.hasOwn(entry, k)) return undefined;
      const v = entry[k];
      nodes++;
      if (v === undefined) return undefined;
      if (k === 'start') start = v;
      else if (k === 'end') end = v;
      else if (k === 'resource') resource = v;
      else return undefined;
    }
    // Longer strings are never instants (and are not hashed into the parser's cache here).
    if (typeof start !== 'string' || typeof end !== 'string' || start.length > 40 || end.length > 40) return undefined;
    const s = parseInstant(start);
    const e = parseInstant(end);
    // NaN (not an instant, or out of range) fails both comparisons: the slow path words it.
    if (!(e >= s)) return undefined;
    let index = -1;
    if (resource !== undefined) {
      if (!isId(resource)) return undefined;
      if (resources !== undefined) {
        const found = resources.get(resource);
        if (found === undefined) return undefined;
        index = found;
      }
    }
    busy.start[i] = s;
    busy.end[i] = e;
    busy.resource[i] = index;
    if (withText) {
      text.start[i] = start;
      text.end[i] = end;
      text.resource[i] = resource as string | undefined;
    }
  }
  if (nodes > limit) return undefined;
  return { head: undefined as never, busyText: text, busy };
}

/** A plainly valid availability, read key-wise and checked across fields, or `undefined`. Never throws. */
export function readAvailabilityFast(input: unknown, withText = true, hints?: KeyHints): CheckedAvailability | undefined {
  try {
    return readAvailabilityUnsafe(input, withText, hints);
  } catch {
    // A getter that throws (or a proxy): declined, and the slow path words the finding.
  }
  return undefined;
}

function readAvailabilityUnsafe(input: unknown, withText: boolean, hints: KeyHints | undefined): CheckedAvailability | undefined {
  if (!plainObject(input)) return undefined;
  const keys = keysOf(input, hints);
  if (keys.length > 10) return undefined;
  const got: Obj = {};
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = input[k];
    if (v === undefined) return undefined;
    if (k === 'timeZone' || k === 'weekly' || k === 'overrides' || k === 'resources' || k === 'busy' || Object.hasOwn(headMinutes, k))
      got[k] = v;
    else return undefined;
  }
  const timeZone = got.timeZone;
  if (typeof timeZone !== 'string' || timeZone.length > 64 || !isValidTimeZone(timeZone)) return undefined;
  // Every list but busy is far shorter than maxArrayLength; the count keeps the whole within maxNodes.
  const budget: Budget = { nodes: 1 + keys.length };
  const weekly = readList(got.weekly, 7 * 96, budget, (r) => readRange(r, true));
  if (weekly === undefined) return undefined;
  const head: Obj = { timeZone, weekly };
  if (got.overrides !== undefined) {
    const overrides = readList(got.overrides, 36_600, budget, readOverride);
    if (overrides === undefined) return undefined;
    head.overrides = overrides;
  }
  let resourceIndex: Map<string, number> | undefined;
  if (got.resources !== undefined) {
    const list = readList(got.resources, 100, budget, (r) => (isId(r) ? r : undefined));
    if (list === undefined || list.length === 0) return undefined;
    resourceIndex = new Map();
    for (let i = 0; i < list.length; i++) {
      // A duplicate is a finding: the slow path words it.
      if (resourceIndex.has(list[i] as string)) return undefined;
      resourceIndex.set(list[i] as string, i);
    }
    head.resources = list;
  }
  for (const key of headOrder) {
    const v = got[key];
    if (v === undefined) continue;
    const [min, max] = headMinutes[key] as readonly [number, number];
    if (!isIntIn(v, min, max)) return undefined;
    head[key] = v;
  }
  // The rules across fields: any finding goes the slow way, which words it.
  const ranges = head as unknown as CheckedAvailability['head'];
  const byDay = new Map<number, TimedRange[]>();
  for (const r of ranges.weekly) {
    const list = byDay.get(r.weekday) ?? [];
    // Stryker disable next-line ArrayDeclaration,StringLiteral: the fast path only counts these findings (length > 0); their path and text are never read
    list.push({ open: wallMinutes(r.open), close: wallMinutes(r.close), path: [], text: '' });
    byDay.set(r.weekday, list);
  }
  for (const list of byDay.values()) if (rangeFindings(list).length > 0) return undefined;
  if (ranges.overrides !== undefined) {
    const dates = new Set<string>();
    for (const o of ranges.overrides) {
      if (dates.has(o.date)) return undefined;
      dates.add(o.date);
      // Stryker disable next-line ArrayDeclaration,StringLiteral: the fast path only counts these findings (length > 0); their path and text are never read
      const list = o.hours.map((r) => ({ open: wallMinutes(r.open), close: wallMinutes(r.close), path: [], text: '' }));
      if (rangeFindings(list).length > 0) return undefined;
    }
  }
  const rawBusy = got.busy;
  if (rawBusy !== undefined && (!Array.isArray(rawBusy) || rawBusy.length > inputLimits.maxArrayLength)) return undefined;
  const read = readBusy(rawBusy ?? [], resourceIndex, inputLimits.maxNodes - budget.nodes, withText);
  if (read === undefined) return undefined;
  // Stryker disable next-line ArrayDeclaration: only the presence of head.busy is read (deepFrozenCopy); the intervals come from the busy arrays and strings
  if (rawBusy !== undefined) head.busy = [];
  return { head: head as unknown as CheckedAvailability['head'], busyText: read.busyText, busy: read.busy };
}

/** Availabilities read on the fast path for one call (see {@link withAvailabilityRead}). */
const readForCall = new WeakMap<object, CheckedAvailability>();

/** The checked form of an availability {@link withAvailabilityRead} read, if `input` is its token. @internal */
export function availabilityReadForCall(input: unknown): CheckedAvailability | undefined {
  // Stryker disable next-line LogicalOperator: WeakMap.get answers undefined for a primitive or null
  return typeof input === 'object' && input !== null ? readForCall.get(input) : undefined;
}

/**
 * The options of a scheduling call with a plainly valid raw `availability` already read (see
 * above): a shallow copy of `options` (each own key read once) whose `availability` is a frozen
 * token for the checked form, which the boundary snapshot keeps as it is and `calendarOf`
 * recognises. Anything else (no plain options, an availability checked by
 * {@link parseAvailability}, one that is not plainly valid, a getter that throws) gives `options`
 * back unchanged, for the usual path. Never throws. @internal
 */
export function withAvailabilityRead(options: unknown, hints: KeyHints): unknown {
  try {
    if (!plainObject(options)) return options;
    const keys = keysOf(options, hints);
    // Options have a handful of keys: a huge object goes the usual way (its key list is in `hints`).
    if (keys.length > 32) return options;
    const proto: unknown = Object.getPrototypeOf(options);
    const copy: Obj = proto === null ? (Object.create(null) as Obj) : {};
    let availability: unknown;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      const v = options[k];
      if (k === 'availability') availability = v;
      // `__proto__` as an own key stays an own key, as the snapshot keeps it.
      if (k === '__proto__') Object.defineProperty(copy, k, { value: v, writable: true, enumerable: true, configurable: true });
      else copy[k] = v;
    }
    if (availability === undefined || trustedAvailability(availability) !== undefined) return options;
    const read = readAvailabilityUnsafe(availability, false, hints);
    if (read === undefined) return options;
    const token = Object.freeze({});
    readForCall.set(token, read);
    copy.availability = token;
    return copy;
  } catch {
    return options;
  }
}

/** Availabilities this library checked and froze. @internal */
const trusted = new WeakMap<object, CheckedAvailability>();

/** The checked form of a trusted availability, if `input` is one. @internal */
export function trustedAvailability(input: unknown): CheckedAvailability | undefined {
  // Stryker disable next-line LogicalOperator: WeakMap.get answers undefined for a primitive or null
  return typeof input === 'object' && input !== null ? trusted.get(input) : undefined;
}

function deepFrozenCopy(head: CheckedAvailability['head'], text: BusyText): Availability {
  const copy: Mutable<Availability> = { timeZone: head.timeZone, weekly: Object.freeze(head.weekly.map((r) => Object.freeze({ ...r }))) };
  if (head.overrides !== undefined) {
    copy.overrides = Object.freeze(
      head.overrides.map((o) => Object.freeze({ date: o.date, hours: Object.freeze(o.hours.map((h) => Object.freeze({ ...h }))) })),
    );
  }
  if (head.busy !== undefined) {
    const n = text.start.length;
    // Stryker disable next-line ArrayDeclaration: every index below n is written before the list is read
    const list: { start: string; end: string; resource?: string }[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const start = text.start[i] as string;
      const end = text.end[i] as string;
      const resource = text.resource[i];
      list[i] = Object.freeze(resource === undefined ? { start, end } : { start, end, resource });
    }
    copy.busy = Object.freeze(list);
  }
  if (head.resources !== undefined) copy.resources = Object.freeze([...head.resources]);
  for (const key of ['bufferBeforeMinutes', 'bufferAfterMinutes', 'minimumNoticeMinutes', 'horizonDays', 'slotStepMinutes'] as const) {
    const value = head[key];
    if (value !== undefined) copy[key] = value;
  }
  return Object.freeze(copy);
}

/**
 * Checks a clinic's availability once and returns a frozen copy that {@link findSlots},
 * {@link proposeSchedule} and {@link proposeReschedule} then use without checking again (they
 * also sort and index its busy intervals only once). Passing the raw object to those functions
 * works too; it is checked on every call.
 *
 * Besides the shape: `'HH:mm'` times (close may be `'24:00'`); each range closes after it opens
 * (no overnight ranges: split them at midnight); ranges of one day do not overlap; one override
 * per date, on a date from 1900-01-02 to 9999-12-30 (the dates of the supported instants;
 * `DATE_OUT_OF_RANGE` otherwise); a busy interval does not end before it starts and names only a
 * listed resource. Each problem is a finding with its path. Never throws.
 *
 * @param input - anything; typically the clinic's stored settings and calendar
 * @returns the frozen availability, or findings that say what is wrong and where
 *
 * @example
 * ```ts
 * import { parseAvailability } from 'smp-protocol';
 * const out = parseAvailability({ timeZone: 'Europe/London', weekly: [{ weekday: 1, open: '22:00', close: '02:00' }] });
 * out.ok ? undefined : out.findings[0]?.path; // ['weekly', 0, 'close']: no overnight ranges
 * ```
 */
export function parseAvailability(input: unknown): Outcome<Availability> {
  if (trustedAvailability(input) !== undefined) return ok(input as Availability);
  // A plainly valid availability is read key-wise, without the snapshot; anything else the slow way.
  const hints: KeyHints = {};
  const fast = readAvailabilityFast(input, true, hints);
  if (fast !== undefined) return guarded(() => ok(seal(fast)));
  return guardedInput(
    [input] as const,
    // Stryker disable next-line ArrayDeclaration: a missing argument name is '' (guardedCall)
    [''],
    (input) => {
      const checked = checkAvailability(input);
      if (!checked.ok) return checked;
      return ok(seal(checked.value));
    },
    hints,
  );
}

/** {@link parseAvailability} the slow way only (snapshot, zod, the checks): the oracle of the fast path's test. @internal */
export function parseAvailabilitySlow(input: unknown): Outcome<Availability> {
  // Stryker disable next-line ArrayDeclaration: a missing argument name is '' (guardedCall)
  return guardedInput([input] as const, [''], (input) => {
    const checked = checkAvailability(input);
    return checked.ok ? ok(seal(checked.value)) : checked;
  });
}

/** The frozen copy of a checked availability, remembered with its checked form. */
function seal(checked: CheckedAvailability): Availability {
  const copy = deepFrozenCopy(checked.head, checked.busyText);
  trusted.set(copy, checked);
  markSealed(copy);
  return copy;
}
