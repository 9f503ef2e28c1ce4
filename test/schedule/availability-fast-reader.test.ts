/**
 * The key-wise availability reader's contract (the fast path of parseAvailability and of a raw
 * availability given to findSlots, proposeSchedule and proposeReschedule): it reads EVERY
 * well-formed availability (the performance budgets rely on it), and reads it exactly as the
 * schema does; what the schema refuses, it declines (`undefined`), leaving the slow path to word
 * the findings. Over a fixed table: each field at its bounds, 24:00 closes, override dates at the
 * first and last supported day, busy intervals with and without a resource, names of 1 and 256
 * characters, empty lists and lists at their longest, null-prototype and frozen inputs, several
 * zones, and the near misses one step past each bound.
 */
import { describe, expect, it } from 'vitest';
import { type Availability, parseAvailability } from 'smp-protocol';
import {
  type BusyArrays,
  type CheckedAvailability,
  availabilityReadForCall,
  parseAvailabilitySlow,
  quickBusy,
  readAvailabilityFast,
  trustedAvailability,
  wallMinutes,
  withAvailabilityRead,
} from '../../src/schedule/availability.js';
import { compileCalendar } from '../../src/schedule/calendar.js';
import { parseInstant } from '../../src/time/instant.js';

type Obj = Record<string, unknown>;

const id256 = 'r'.repeat(256);
const busyA = { start: '2026-04-02T09:00:00Z', end: '2026-04-02T11:00:00Z' };
const busyB = { start: '2026-04-02T08:00:00+01:00', end: '2026-04-02T09:30:00+01:00', resource: 'a' };
const busyC = { start: '2026-04-01T10:00:00.250Z', end: '2026-04-01T10:00:00.250Z', resource: id256 };
const mon = { weekday: 1, open: '09:00', close: '13:00' };

/** A deep copy with null prototypes everywhere (arrays stay arrays). */
function bare(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(bare);
  if (typeof value !== 'object' || value === null) return value;
  const out = Object.create(null) as Obj;
  for (const [k, v] of Object.entries(value)) out[k] = bare(v);
  return out;
}

/** A deep copy, frozen all the way down. */
function frozen(value: unknown): unknown {
  if (Array.isArray(value)) return Object.freeze(value.map(frozen));
  if (typeof value !== 'object' || value === null) return value;
  const out: Obj = {};
  for (const [k, v] of Object.entries(value)) out[k] = frozen(v);
  return Object.freeze(out);
}

/** Weekday `d` cut into 96 ranges of 15 minutes, 00:00 to 24:00. */
function quarterHours(weekday?: number): Obj[] {
  return Array.from({ length: 96 }, (_, i) => {
    const at = (m: number) => (m === 1_440 ? '24:00' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
    const range = { open: at(i * 15), close: at(i * 15 + 15) };
    return weekday === undefined ? range : { weekday, ...range };
  });
}

const everything = {
  timeZone: 'Europe/London',
  weekly: [
    { weekday: 1, open: '00:00', close: '09:00' },
    { weekday: 1, open: '09:00', close: '24:00' },
    { weekday: 7, open: '23:59', close: '24:00' },
  ],
  overrides: [
    { date: '1900-01-02', hours: [] },
    { date: '2026-04-06', hours: [{ open: '00:00', close: '24:00' }] },
    { date: '9999-12-30', hours: [{ open: '10:00', close: '12:00' }] },
  ],
  resources: ['a', id256],
  busy: [busyA, busyB, busyC],
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 1_440,
  minimumNoticeMinutes: 366 * 1_440,
  horizonDays: 3_660,
  slotStepMinutes: 1,
};

/** Well-formed availabilities: the reader must read each, to the slow path's checked form. */
const wellFormed: [string, unknown][] = [
  ['the least', { timeZone: 'UTC', weekly: [] }],
  ['every field, each bound used', everything],
  [
    'the head fields at their other ends',
    {
      timeZone: 'Asia/Kolkata',
      weekly: [mon],
      bufferBeforeMinutes: 1_440,
      bufferAfterMinutes: 0,
      minimumNoticeMinutes: 0,
      horizonDays: 0,
      slotStepMinutes: 1_440,
    },
  ],
  [
    'keys in another order, busy first',
    { busy: [busyA], slotStepMinutes: 30, weekly: [mon], timeZone: 'America/Argentina/ComodRivadavia' },
  ],
  ['empty overrides and busy', { timeZone: 'Etc/GMT+12', weekly: [mon], overrides: [], busy: [] }],
  ['one resource of one character', { timeZone: 'UTC', weekly: [], resources: ['a'], busy: [busyB] }],
  ['one resource of 256 characters', { timeZone: 'UTC', weekly: [], resources: [id256], busy: [busyC, busyA] }],
  ['busy resources without a resource list', { timeZone: 'UTC', weekly: [], busy: [busyB, busyC, busyA] }],
  ['a whole week of quarter hours (672 ranges)', { timeZone: 'UTC', weekly: [1, 2, 3, 4, 5, 6, 7].flatMap((d) => quarterHours(d)) }],
  ['an override of 96 ranges', { timeZone: 'UTC', weekly: [], overrides: [{ hours: quarterHours(), date: '2026-04-06' }] }],
  ['100 resources', { timeZone: 'UTC', weekly: [], resources: Array.from({ length: 100 }, (_, i) => `r${i}`) }],
  ['null prototypes everywhere', bare(everything)],
  ['frozen all the way down', frozen(everything)],
];

/** Inputs the schema or the checks refuse: the reader declines each. */
const refused: [string, unknown][] = [
  ['24:00 as an opening time', { timeZone: 'UTC', weekly: [{ weekday: 1, open: '24:00', close: '24:00' }] }],
  [
    '24:00 as an override opening time',
    { timeZone: 'UTC', weekly: [], overrides: [{ date: '2026-04-06', hours: [{ open: '24:00', close: '24:00' }] }] },
  ],
  ['weekday 0', { timeZone: 'UTC', weekly: [{ ...mon, weekday: 0 }] }],
  ['weekday 8', { timeZone: 'UTC', weekly: [{ ...mon, weekday: 8 }] }],
  ['a time as a one-item array', { timeZone: 'UTC', weekly: [{ ...mon, open: ['09:00'] }] }],
  ['bufferBeforeMinutes 1441', { timeZone: 'UTC', weekly: [], bufferBeforeMinutes: 1_441 }],
  ['bufferAfterMinutes -1', { timeZone: 'UTC', weekly: [], bufferAfterMinutes: -1 }],
  ['minimumNoticeMinutes 527041', { timeZone: 'UTC', weekly: [], minimumNoticeMinutes: 366 * 1_440 + 1 }],
  ['horizonDays 3661', { timeZone: 'UTC', weekly: [], horizonDays: 3_661 }],
  ['horizonDays 1.5', { timeZone: 'UTC', weekly: [], horizonDays: 1.5 }],
  ['slotStepMinutes 0', { timeZone: 'UTC', weekly: [], slotStepMinutes: 0 }],
  ['slotStepMinutes 1441', { timeZone: 'UTC', weekly: [], slotStepMinutes: 1_441 }],
  ['a resource of 257 characters', { timeZone: 'UTC', weekly: [], resources: ['r'.repeat(257)] }],
  ['an empty resource name', { timeZone: 'UTC', weekly: [], resources: [''] }],
  ['a resource as a one-item array', { timeZone: 'UTC', weekly: [], resources: [['a']] }],
  ['no resources', { timeZone: 'UTC', weekly: [], resources: [] }],
  ['101 resources', { timeZone: 'UTC', weekly: [], resources: Array.from({ length: 101 }, (_, i) => `r${i}`) }],
  ['a duplicate resource', { timeZone: 'UTC', weekly: [], resources: ['a', 'a'] }],
  ['673 weekly ranges', { timeZone: 'UTC', weekly: [...[1, 2, 3, 4, 5, 6, 7].flatMap((d) => quarterHours(d)), mon] }],
  [
    '97 override ranges',
    { timeZone: 'UTC', weekly: [], overrides: [{ date: '2026-04-06', hours: [...quarterHours(), { open: '09:00', close: '10:00' }] }] },
  ],
  ['an override on 1900-01-01', { timeZone: 'UTC', weekly: [], overrides: [{ date: '1900-01-01', hours: [] }] }],
  ['an override on 9999-12-31', { timeZone: 'UTC', weekly: [], overrides: [{ date: '9999-12-31', hours: [] }] }],
  [
    'an override with a field after hours',
    { timeZone: 'UTC', weekly: [], overrides: [{ date: '2026-04-06', hours: [{ open: '09:00', close: '10:00' }], note: [] }] },
  ],
  [
    'two overrides on one date',
    {
      timeZone: 'UTC',
      weekly: [],
      overrides: [
        { date: '2026-04-06', hours: [] },
        { date: '2026-04-06', hours: [] },
      ],
    },
  ],
  ['overlapping ranges', { timeZone: 'UTC', weekly: [mon, { ...mon, open: '12:00', close: '14:00' }] }],
  ['a busy resource of 257 characters', { timeZone: 'UTC', weekly: [], busy: [{ ...busyA, resource: 'r'.repeat(257) }] }],
  ['an empty busy resource', { timeZone: 'UTC', weekly: [], busy: [{ ...busyA, resource: '' }] }],
  ['a busy resource as a one-item array', { timeZone: 'UTC', weekly: [], busy: [{ ...busyA, resource: ['a'] }] }],
  ['a busy resource not listed', { timeZone: 'UTC', weekly: [], resources: ['b'], busy: [busyB] }],
  ['a busy start as a String object', { timeZone: 'UTC', weekly: [], busy: [{ ...busyA, start: new String(busyA.start) }] }],
  ['a busy end as a String object', { timeZone: 'UTC', weekly: [], busy: [{ ...busyA, end: new String(busyA.end) }] }],
  ['a busy interval ending before it starts', { timeZone: 'UTC', weekly: [], busy: [{ start: busyA.end, end: busyA.start }] }],
  ['a busy interval with another field', { timeZone: 'UTC', weekly: [], busy: [{ ...busyA, note: 'x' }] }],
  ['11 keys, one unknown', { ...everything, colour: 'red' }],
  ['10 keys, one unknown', { ...everything, slotStepMinutes: undefined, colour: 'red' }],
  ['an override date as a String object', { timeZone: 'UTC', weekly: [], overrides: [{ date: new String('2026-04-06'), hours: [] }] }],
  ['a zone as a String object', { timeZone: new String('UTC'), weekly: [] }],
  ['an unknown zone', { timeZone: 'Mars/Olympus', weekly: [] }],
  ['50,001 busy intervals', { timeZone: 'UTC', weekly: [], busy: Array.from({ length: 50_001 }, () => busyA) }],
  ['no weekly', { timeZone: 'UTC' }],
];

class Settings {
  timeZone = 'UTC';
  weekly = [mon];
  get horizonDays(): number {
    return 10;
  }
}
class Booking {
  start = busyA.start;
  end = busyA.end;
  get resource(): string {
    return 'a';
  }
}

/** Inputs the slow path reads through a prototype: the reader declines them, or reads them the same. */
const throughPrototypes: [string, unknown][] = [
  ['an availability with an inherited getter', new Settings()],
  ['a busy interval with an inherited getter', { timeZone: 'UTC', weekly: [], resources: ['b', 'a'], busy: [new Booking()] }],
];

/** Well-formed, but the reader may leave them to the slow path; if it reads one, it reads it as the schema does. */
const mayDecline: [string, unknown][] = [
  ['fields given as undefined', { timeZone: 'UTC', weekly: [], overrides: undefined, horizonDays: undefined, busy: undefined }],
  ['an undefined field among the ranges', { timeZone: 'UTC', weekly: [mon], slotStepMinutes: undefined }],
  ['a busy resource given as undefined', { timeZone: 'UTC', weekly: [], busy: [{ ...busyA, resource: undefined }] }],
];

/** The checked form, comparable: the head without its busy list (the raw array or a placeholder). */
function checkedForm(a: CheckedAvailability): unknown {
  const { busy, ...head } = a.head;
  return { head, hasBusy: busy !== undefined, busy: a.busy, busyText: a.busyText };
}

function slowChecked(input: unknown): CheckedAvailability | undefined {
  const slow = parseAvailabilitySlow(input);
  return slow.ok ? trustedAvailability(slow.value) : undefined;
}

describe('the key-wise reader reads every well-formed availability, as the schema does', () => {
  it.each(wellFormed)('%s', (_, input) => {
    const slow = slowChecked(input);
    expect(slow).toBeDefined();
    const fast = readAvailabilityFast(input);
    expect(fast).toBeDefined();
    if (fast === undefined || slow === undefined) return;
    expect(checkedForm(fast)).toStrictEqual(checkedForm(slow));
    // For a search, only the numbers: no busy strings.
    const search = readAvailabilityFast(input, false);
    expect(search?.busy).toStrictEqual(slow.busy);
    expect(search?.busyText).toStrictEqual({ start: [], end: [], resource: [] });
    expect(JSON.stringify(parseAvailability(input))).toBe(JSON.stringify(parseAvailabilitySlow(input)));
  });

  it.each(wellFormed.filter(([name]) => name !== 'null prototypes everywhere'))(
    '%s: the frozen copy has exactly the fields given',
    (_, input) => {
      const out = parseAvailability(input);
      expect(out.ok && out.value).toStrictEqual(input);
    },
  );

  it('50,000 busy intervals (the most a list may hold) are read, each to its instants', () => {
    const busy = Array.from({ length: 50_000 }, (_, i) => ({
      start: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
      end: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000 + 1_800_000).toISOString(),
    }));
    const fast = readAvailabilityFast({ timeZone: 'UTC', weekly: [], busy });
    expect(fast?.busy.start.length).toBe(50_000);
    expect(fast?.busy.start[49_999]).toBe(Date.UTC(2026, 0, 1) + 49_999 * 3_600_000);
    expect(fast?.busy.end[49_999]).toBe(Date.UTC(2026, 0, 1) + 49_999 * 3_600_000 + 1_800_000);
    expect(fast?.busyText.start[0]).toBe('2026-01-01T00:00:00.000Z');
  }, 60_000);
});

describe('what the schema refuses, the key-wise reader declines', () => {
  it.each(refused)('%s', (_, input) => {
    expect(parseAvailabilitySlow(input).ok).toBe(false);
    expect(readAvailabilityFast(input)).toBeUndefined();
  });

  it.each(throughPrototypes)('%s: the slow path reads it; the reader leaves it to the slow path', (_, input) => {
    expect(slowChecked(input)).toBeDefined();
    expect(readAvailabilityFast(input)).toBeUndefined();
    expect(JSON.stringify(parseAvailability(input))).toBe(JSON.stringify(parseAvailabilitySlow(input)));
  });

  it.each(mayDecline)('%s: read as the schema reads it, or left to the slow path', (_, input) => {
    const slow = slowChecked(input);
    expect(slow).toBeDefined();
    const fast = readAvailabilityFast(input);
    if (fast !== undefined && slow !== undefined)
      expect({ ...fast.head, busy: undefined }).toStrictEqual({ ...slow.head, busy: undefined });
    expect(fast === undefined || fast.busy.start.length === slow?.busy.start.length).toBe(true);
  });

  it('a value that is no object is declined, never thrown on', () => {
    for (const input of [undefined, null, 0, 'UTC', [], [{ timeZone: 'UTC', weekly: [] }]])
      expect(readAvailabilityFast(input)).toBeUndefined();
  });
});

describe('quickBusy: the busy intervals checkAvailability reads without zod', () => {
  const arrays = (): BusyArrays => ({ start: new Float64Array(2), end: new Float64Array(2), resource: new Int32Array(2) });

  it('accepts every well-formed interval and writes its instants at its index', () => {
    for (const entry of [
      busyA,
      busyB,
      busyC,
      bare(busyB),
      frozen(busyC),
      { ...busyA, resource: 'x' },
      { end: busyA.end, start: busyA.start },
    ]) {
      const busy = arrays();
      expect(quickBusy(entry, busy, 1)).toBe(true);
      const { start, end } = entry as { start: string; end: string };
      expect([busy.start[1], busy.end[1], busy.start[0]]).toEqual([parseInstant(start), parseInstant(end), 0]);
    }
  });

  it('declines what the schema refuses, and what zod must look at', () => {
    for (const entry of [
      null,
      'x',
      [busyA.start, busyA.end],
      { start: busyA.start },
      { end: busyA.end },
      { ...busyA, note: 'x' },
      { ...busyA, resource: '' },
      { ...busyA, resource: 'r'.repeat(257) },
      { ...busyA, resource: 5 },
      { ...busyA, start: new String(busyA.start) },
      { ...busyA, end: 5 },
      { ...busyA, start: 'soon' },
      { ...busyA, end: '2026-02-30T10:00:00Z' },
    ]) {
      const busy = arrays();
      expect(quickBusy(entry, busy, 0)).toBe(false);
      expect([busy.start[0], busy.end[0]]).toEqual([0, 0]);
    }
  });
});

describe('withAvailabilityRead: the options of a call with a raw availability read once', () => {
  const raw = { timeZone: 'Europe/London', weekly: [mon], resources: ['a'], busy: [busyA, busyB] };

  it('copies the options, the availability replaced by a frozen token for what the reader reads for a search', () => {
    const options = { availability: raw, asOf: '2026-04-01T00:00:00Z', limit: 3 };
    const out = withAvailabilityRead(options, {}) as Obj;
    expect(out).not.toBe(options);
    expect(Object.keys(out)).toEqual(['availability', 'asOf', 'limit']);
    expect([out.asOf, out.limit]).toEqual(['2026-04-01T00:00:00Z', 3]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.isFrozen(out.availability)).toBe(true);
    expect(availabilityReadForCall(out.availability)).toStrictEqual(readAvailabilityFast(raw, false));
    expect(availabilityReadForCall(out.availability)?.busyText).toStrictEqual({ start: [], end: [], resource: [] });
    expect(availabilityReadForCall(raw)).toBeUndefined();
    expect(options.availability).toBe(raw);
  });

  it('keeps null-prototype options without a prototype, and an own __proto__ key as an own key', () => {
    const options = Object.assign(Object.create(null) as Obj, { limit: 1, availability: raw });
    const out = withAvailabilityRead(options, {}) as Obj;
    expect(Object.getPrototypeOf(out)).toBe(null);
    expect(Object.keys(out)).toEqual(['limit', 'availability']);
    expect(availabilityReadForCall(out.availability)).toBeDefined();

    const parsed = JSON.parse('{"__proto__": {"limit": 1}, "availability": {"timeZone": "UTC", "weekly": []}}') as Obj;
    const copy = withAvailabilityRead(parsed, {}) as Obj;
    expect(copy).not.toBe(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')).toEqual({
      value: { limit: 1 },
      writable: true,
      enumerable: true,
      configurable: true,
    });
    expect(Object.keys(copy)).toEqual(['__proto__', 'availability']);
  });

  it('reads options of up to 32 keys; more go the usual way unchanged', () => {
    const extra = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`x${i}`, i]));
    const most = { ...extra(31), availability: raw };
    const read = withAvailabilityRead(most, {}) as Obj;
    expect(read).not.toBe(most);
    expect(Object.keys(read)).toEqual(Object.keys(most));
    expect(availabilityReadForCall(read.availability)).toBeDefined();
    const tooMany = { ...extra(32), availability: raw };
    expect(withAvailabilityRead(tooMany, {})).toBe(tooMany);
  });

  it('gives back unchanged: an availability parseAvailability checked, one not plainly valid, none, options that are not plain', () => {
    const checked: Availability = parseAvailability(raw).ok
      ? (parseAvailability(raw) as { value: Availability }).value
      : (undefined as never);
    expect(trustedAvailability(checked)).toBeDefined();
    for (const options of [
      { availability: checked, limit: 1 },
      { availability: { ...raw, colour: 'red' }, limit: 1 },
      { availability: undefined, limit: 1 },
      { limit: 1 },
      new (class {
        availability = raw;
      })(),
    ]) {
      expect(withAvailabilityRead(options, {})).toBe(options);
    }
    for (const options of [undefined, null, 'x', [raw]]) expect(withAvailabilityRead(options, {})).toBe(options);
  });
});

describe('the numbers the fast path hands on', () => {
  it('wallMinutes: minutes after midnight of HH:mm (24:00 is 1440); NaN for anything else', () => {
    expect(['00:00', '09:30', '23:59', '24:00'].map(wallMinutes)).toEqual([0, 570, 1_439, 1_440]);
    expect(['9:30', '24:01', '', '09:30:00'].map(wallMinutes)).toEqual([Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
  });

  it('compileCalendar keeps busy intervals already in start order (ties included) as they are, and sorts the others into a copy', () => {
    const tie = { ...busyA, end: '2026-04-02T12:00:00Z' };
    const inOrder = readAvailabilityFast({ timeZone: 'UTC', weekly: [], busy: [busyC, busyA, tie] });
    if (inOrder === undefined) return expect(inOrder).toBeDefined();
    expect(Array.from(inOrder.busy.start)).toEqual([Date.parse(busyC.start), Date.parse(busyA.start), Date.parse(busyA.start)]);
    const kept = compileCalendar(inOrder).busy;
    expect([kept.start === inOrder.busy.start, kept.end === inOrder.busy.end, kept.resource === inOrder.busy.resource]).toEqual([
      true,
      true,
      true,
    ]);
    const unsorted = readAvailabilityFast({ timeZone: 'UTC', weekly: [], busy: [busyA, busyC] });
    if (unsorted === undefined) return expect(unsorted).toBeDefined();
    const sorted = compileCalendar(unsorted).busy;
    expect(sorted.start).not.toBe(unsorted.busy.start);
    expect(Array.from(sorted.start)).toEqual([Date.parse(busyC.start), Date.parse(busyA.start)]);
  });
});
