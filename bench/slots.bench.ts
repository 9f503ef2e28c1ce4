/**
 * Benchmarks of scheduling against a clinic's calendar (docs/design.md, "Performance budget"; issue 3:
 * first 10 slots ≤ 1 ms median and `proposeSchedule` for three sessions ≤ 5 ms, with a year's
 * calendar of 2,000 busy intervals and 3 resources). Run with
 * `npx vitest bench --run bench/slots.bench.ts`; figures are in docs/performance.md.
 *
 * Each group puts its baseline first, so `node scripts/bench-report.mjs` gives every median and
 * its ratio to that baseline in the same run (the issue 9.9 group: raw beside checked).
 * "checked" passes an availability checked once with
 * `parseAvailability` (its busy intervals are sorted once and reused); "raw" passes the plain
 * object, which every call checks, filters to its search window, sorts and indexes. The
 * baseline does the search the way docs/design.md warns against: a luxon DateTime per candidate and
 * a linear scan of the busy intervals.
 */
import { DateTime } from 'luxon';
import { bench, describe } from 'vitest';
import {
  applyEvent,
  createPlan,
  findSlots,
  parseAvailability,
  proposeSchedule,
  standardProtocol,
  type Availability,
  type Outcome,
  type Plan,
  type PlanEventInput,
} from 'smp-protocol';

const protocol = standardProtocol;
const ZONE = 'Europe/London';
const MIN = 60_000;
const DAY = 86_400_000;
const ASOF = '2026-03-23T15:00:00Z';

/** Defeats dead-code elimination. */
let sink: unknown;

function must<T>(o: Outcome<T>): T {
  if (!o.ok) throw new Error(o.findings.map((f) => `${f.code}: ${f.message}`).join('; '));
  return o.value;
}

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
const RESOURCES = ['ana', 'ben', 'cleo'];

/**
 * `n` busy intervals at 2,000 a year (so the search window always sees the same density), centred
 * on 2026: appointments of 1 to 4 hours between 08:00 and 19:00 UTC, each with one of three
 * artists; one in fifty is a whole-day closure for everyone. Sorted by start, as a database
 * query returns them; `shuffled` mixes them up so the call must sort.
 */
function busyCalendar(n: number, shuffled = false): NonNullable<Availability['busy']> {
  const next = random(n);
  const days = Math.max(365, Math.round((n / 2_000) * 365));
  const first = Date.UTC(2026, 0, 1) - Math.floor((days - 365) / 2) * DAY;
  const out: { start: number; end: number; resource?: string }[] = [];
  for (let i = 0; i < n; i++) {
    const day = first + Math.floor(next() * days) * DAY;
    if (next() < 0.02) {
      out.push({ start: day + 7 * 60 * MIN, end: day + 20 * 60 * MIN });
      continue;
    }
    const start = day + (8 * 60 + Math.floor(next() * 16) * 30) * MIN;
    out.push({ start, end: start + (2 + Math.floor(next() * 7)) * 30 * MIN, resource: RESOURCES[Math.floor(next() * 3)] as string });
  }
  if (!shuffled) out.sort((a, b) => a.start - b.start);
  return out.map((b) =>
    b.resource === undefined ? { start: iso(b.start), end: iso(b.end) } : { start: iso(b.start), end: iso(b.end), resource: b.resource },
  );
}

/** A clinic open Monday to Saturday, 09:00–13:00 and 14:00–19:00, three artists, 15-minute clean-up, a day's notice. */
function clinic(busy: NonNullable<Availability['busy']>): Availability {
  return {
    timeZone: ZONE,
    weekly: [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
      { weekday: weekday as 1 | 2 | 3 | 4 | 5 | 6, open: '09:00', close: '13:00' },
      { weekday: weekday as 1 | 2 | 3 | 4 | 5 | 6, open: '14:00', close: '19:00' },
    ]),
    overrides: [
      { date: '2026-04-03', hours: [] },
      { date: '2026-04-06', hours: [] },
    ],
    busy,
    resources: RESOURCES,
    bufferAfterMinutes: 15,
    minimumNoticeMinutes: 24 * 60,
  };
}

const draft: Plan = must(createPlan({ id: 'plan-1', clientId: 'client-1', protocol, timeZone: ZONE, createdAt: '2026-03-01T09:00:00Z' }));
/** Session 1 completed on Mon 23 Mar 2026: session 2's window opens after the spring DST change. */
const afterSession1: Plan = (
  [
    { id: 'b1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
    { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1 },
  ] satisfies PlanEventInput[]
).reduce((p: Plan, e) => must(applyEvent(p, e, { protocol })), draft);

const year = clinic(busyCalendar(2_000));
const yearChecked = must(parseAvailability(year));
const slotOptions = { protocol, asOf: ASOF } as const;
if (must(findSlots(afterSession1, { ...slotOptions, availability: year })).length !== 10) throw new Error('fixture: 10 slots');
if (must(proposeSchedule(draft, { ...slotOptions, availability: year })).sessions.length !== 3) throw new Error('fixture: 3 sessions');
if (
  JSON.stringify(findSlots(afterSession1, { ...slotOptions, availability: yearChecked })) !==
  JSON.stringify(findSlots(afterSession1, { ...slotOptions, availability: year }))
) {
  throw new Error('fixture: checked and raw disagree');
}

// ---------------------------------------------------------------------------------------------
// The baseline: the same search (session 2's days best first, 30-minute grid, first free artist,
// stop at 10) with a luxon DateTime per candidate and a linear scan of every busy interval.

const busyMs = (a: Availability): { start: number; end: number; resource: string | undefined }[] =>
  (a.busy ?? []).map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end), resource: b.resource }));
const yearBusyMs = busyMs(year);

function naiveSlots(availability: Availability, busy: ReturnType<typeof busyMs>): number[] {
  const zone = availability.timeZone;
  const asOf = DateTime.fromISO(ASOF, { zone });
  const anchor = DateTime.fromISO('2026-03-23T10:00:00Z', { zone }).startOf('day');
  const minStart = asOf.toMillis() + (availability.minimumNoticeMinutes ?? 0) * MIN;
  const gap = protocol.sessions[1]?.gaps[0];
  if (gap === undefined) return [];
  const days: { day: DateTime; rank: number; distance: number }[] = [];
  for (let d = gap.minimumDays; d <= 90; d++) {
    const day = anchor.plus({ days: d });
    if (day.diff(asOf.startOf('day'), 'days').days > 90) break;
    const rank = d < gap.earliestRecommendedDays ? 1 : d <= gap.latestRecommendedDays ? 0 : d <= (gap.maximumDays ?? Infinity) ? 2 : 3;
    days.push({ day, rank, distance: Math.abs(d - gap.earliestRecommendedDays) });
  }
  days.sort((a, b) => a.rank - b.rank || a.distance - b.distance || a.day.toMillis() - b.day.toMillis());
  const found: number[] = [];
  for (const { day } of days) {
    const override = availability.overrides?.find((o) => o.date === day.toISODate());
    const ranges = override?.hours ?? availability.weekly.filter((w) => w.weekday === day.weekday);
    for (const r of ranges) {
      const [ch, cm] = r.close.split(':').map(Number) as [number, number];
      const close = day.set({ hour: ch, minute: cm }).toMillis();
      const [oh, om] = r.open.split(':').map(Number) as [number, number];
      for (let m = oh * 60 + om; m < ch * 60 + cm; m += availability.slotStepMinutes ?? 30) {
        const start = day.set({ hour: Math.floor(m / 60), minute: m % 60 });
        const end = start.plus({ minutes: 180 });
        if (end.toMillis() > close || start.toMillis() < minStart) continue;
        const to = end.toMillis() + (availability.bufferAfterMinutes ?? 0) * MIN;
        const free = RESOURCES.find(
          (name) => !busy.some((b) => (b.resource === undefined || b.resource === name) && b.start < to && start.toMillis() < b.end),
        );
        if (free !== undefined) found.push(start.toMillis());
        if (found.length === 10) return found;
      }
    }
  }
  return found;
}
const naive = naiveSlots(year, yearBusyMs);
const ours = must(findSlots(afterSession1, { ...slotOptions, availability: year })).map((s) => Date.parse(s.start));
if (JSON.stringify(naive) !== JSON.stringify(ours))
  throw new Error(`fixture: the baseline finds other slots ${naive.map(iso)} vs ${ours.map(iso)}`);

// ---------------------------------------------------------------------------------------------
// Scaling: the same search on calendars of 1,000 to 50,000 busy intervals (50,000 is the size limit of one array).

const SIZES = [1_000, 10_000, 50_000];
const raw = new Map(SIZES.map((n) => [n, clinic(busyCalendar(n))]));
const shuffled50k = clinic(busyCalendar(50_000, true));
const checked = new Map(SIZES.map((n) => [n, must(parseAvailability(raw.get(n)))]));
const heavy = { time: 0, iterations: 20, warmupTime: 0, warmupIterations: 3 };

describe('findSlots: first 10 slots for session 2, a year of 2,000 busy intervals, 3 artists', () => {
  bench('smp-protocol findSlots, availability checked once (parseAvailability)', () => {
    sink = findSlots(afterSession1, { ...slotOptions, availability: yearChecked });
  });
  bench('smp-protocol findSlots, raw availability (checked, sorted and indexed per call)', () => {
    sink = findSlots(afterSession1, { ...slotOptions, availability: year });
  });
  bench('naive: luxon DateTime per candidate, linear scan of busy intervals', () => {
    sink = naiveSlots(year, yearBusyMs);
  });
});

// Issue 9.9: what a serverless function does on every call — the clinic's calendar read from its
// database as JSON, 2,000 busy intervals in no particular order, passed straight to findSlots
// (every check still happens: shape, instants, order of each interval, resources — on the fast
// path, a key-wise read of the availability with each instant parsed once). The checked path in
// the same group is the baseline of the ratio; the target is the raw call's median ≤ 1 ms.
const yearJson = JSON.stringify(clinic(busyCalendar(2_000, true)));
const yearRawJson = JSON.parse(yearJson) as Availability;
const yearRawJsonChecked = must(parseAvailability(JSON.parse(yearJson)));
if (
  JSON.stringify(findSlots(afterSession1, { ...slotOptions, availability: yearRawJson })) !==
  JSON.stringify(findSlots(afterSession1, { ...slotOptions, availability: yearRawJsonChecked }))
) {
  throw new Error('fixture: raw JSON and checked disagree');
}

describe('findSlots from a raw calendar: 2,000 unsorted busy intervals as parsed JSON (issue 9.9)', () => {
  bench('smp-protocol findSlots, availability checked once (baseline)', () => {
    sink = findSlots(afterSession1, { ...slotOptions, availability: yearRawJsonChecked });
  });
  bench('smp-protocol findSlots, raw JSON availability (checked, filtered, sorted per call)', () => {
    sink = findSlots(afterSession1, { ...slotOptions, availability: yearRawJson });
  });
  bench('smp-protocol parseAvailability of the raw JSON (the checks alone, plus a frozen copy)', () => {
    sink = parseAvailability(yearRawJson);
  });
});

describe('proposeSchedule: a three-session course, same calendar', () => {
  bench('smp-protocol proposeSchedule, availability checked once', () => {
    sink = proposeSchedule(draft, { ...slotOptions, availability: yearChecked });
  });
  bench('smp-protocol proposeSchedule, raw availability', () => {
    sink = proposeSchedule(draft, { ...slotOptions, availability: year });
  });
});

describe('scaling: findSlots (first 10 slots) on a raw availability, by number of busy intervals', () => {
  for (const n of SIZES) {
    bench(
      `smp-protocol findSlots, raw, ${n.toLocaleString('en')} busy intervals`,
      () => {
        sink = findSlots(afterSession1, { ...slotOptions, availability: raw.get(n) as Availability });
      },
      n >= 50_000 ? heavy : {},
    );
  }
  bench(
    'smp-protocol findSlots, raw, 50,000 busy intervals in random order (sorted per call)',
    () => {
      sink = findSlots(afterSession1, { ...slotOptions, availability: shuffled50k });
    },
    heavy,
  );
});

describe('scaling: parseAvailability (once per calendar change), by number of busy intervals', () => {
  for (const n of SIZES) {
    bench(
      `smp-protocol parseAvailability, ${n.toLocaleString('en')} busy intervals`,
      () => {
        sink = parseAvailability(raw.get(n));
      },
      n >= 50_000 ? heavy : {},
    );
  }
});

describe('scaling: findSlots (first 10 slots) on a checked availability, by number of busy intervals', () => {
  for (const n of SIZES) {
    bench(`smp-protocol findSlots, checked, ${n.toLocaleString('en')} busy intervals`, () => {
      sink = findSlots(afterSession1, { ...slotOptions, availability: checked.get(n) as Availability });
    });
  }
});

export { sink };
