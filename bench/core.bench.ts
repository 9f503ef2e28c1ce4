/**
 * Benchmarks of the hot path against peer baselines in the same run (DESIGN.md, "Performance
 * budget"). Run with `npm run bench` (`vitest bench --run`); figures and how to read them are in
 * docs/performance.md.
 *
 * Every group puts our function beside its baselines, so vitest prints the ratio. The baselines do
 * the same job the fair way: the same guard (gap ≥ 7 calendar days in Europe/London) with the
 * calendar-day count done the cheapest correct way (`Date.parse` plus a per-UTC-day cache of the
 * zone's `Intl` offset, the technique src/time/zone.ts uses), and once the naive way through luxon
 * (`startOf('day')` + `diff`) to show what DESIGN.md measured.
 *
 * Results are written to a sink so the JIT cannot drop the work.
 */
import { DateTime } from 'luxon';
import { bench, describe } from 'vitest';
import { assign, initialTransition, setup, transition } from 'xstate';
import {
  applyEvent,
  createPlan,
  evaluatePlan,
  forecast,
  parsePlan,
  schemas,
  standardProtocol,
  type Outcome,
  type Plan,
} from 'smp-protocol';

const protocol = standardProtocol;
const ZONE = 'Europe/London';
const DAY = 86_400_000;

/** Defeats dead-code elimination. */
let sink: unknown;

function must<T>(o: Outcome<T>): T {
  if (!o.ok) throw new Error(o.findings.map((f) => `${f.code}: ${f.message}`).join('; '));
  return o.value;
}

function planWith(events: unknown[], options: { id?: string; timeZone?: string } = {}): Plan {
  let p = must(
    createPlan({
      id: options.id ?? 'plan-1',
      clientId: 'client-1',
      protocol,
      timeZone: options.timeZone ?? ZONE,
      createdAt: '2026-03-01T09:00:00Z',
    }),
  );
  for (const e of events) p = must(applyEvent(p, e, { protocol }));
  return p;
}

// ---------------------------------------------------------------------------------------------
// Fixtures: a three-session plan in Europe/London.

/** Session 1 booked and completed on 2026-03-23 (London winter time). */
const session1Done = planWith([
  { id: 'b1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
  { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T15:00:00Z', session: 1 },
]);

/** The guarded booking: session 2, 10 calendar days after session 1 (across the DST change). */
const bookSession2 = {
  id: 'b2',
  type: 'sessionBooked',
  at: '2026-03-24T09:00:00Z',
  session: 2,
  start: '2026-04-02T10:00:00+01:00',
} as const;
const applyOptions = { protocol };
if (!applyEvent(session1Done, bookSession2, applyOptions).ok) throw new Error('fixture: booking refused');

/** Session 1 completed, session 2 booked: what evaluation and forecast read. */
const session2Booked = must(applyEvent(session1Done, bookSession2, applyOptions));
const readOptions = { protocol, asOf: '2026-03-30T09:00:00Z' };

/** A three-session plan with ten history events (reschedule, record, cancel, pause and resume). */
const tenEvents = planWith([
  { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-20T10:00:00Z' },
  { id: 'e2', type: 'sessionRescheduled', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
  {
    id: 'e3',
    type: 'sessionCompleted',
    at: '2026-03-23T15:00:00Z',
    session: 1,
    actor: 'artist-7',
    record: { zones: ['hairline', 'temples', 'crown'], pigment: 'P-2 dark', needle: '3RL', checklist: { hairlineAgreed: true } },
  },
  { id: 'e4', type: 'sessionBooked', at: '2026-03-24T09:00:00Z', session: 2, start: '2026-04-02T10:00:00+01:00' },
  { id: 'e5', type: 'sessionCancelled', at: '2026-03-25T09:00:00Z', session: 2, reason: 'client travelling' },
  { id: 'e6', type: 'sessionBooked', at: '2026-03-25T09:05:00Z', session: 2, start: '2026-04-03T10:00:00+01:00' },
  { id: 'e7', type: 'sessionCompleted', at: '2026-04-03T14:00:00+01:00', session: 2, note: 'good retention' },
  { id: 'e8', type: 'planPaused', at: '2026-04-05T09:00:00+01:00', reason: 'mild irritation', until: '2026-04-20' },
  { id: 'e9', type: 'planResumed', at: '2026-04-15T09:00:00+01:00' },
  { id: 'e10', type: 'sessionBooked', at: '2026-04-15T09:10:00+01:00', session: 3, start: '2026-04-24T10:00:00+01:00' },
]);
const tenEventsJson = JSON.stringify(tenEvents);
if (tenEvents.history.length !== 10 || !parsePlan(JSON.parse(tenEventsJson)).ok) throw new Error('fixture: ten-event plan');

// ---------------------------------------------------------------------------------------------
// The baselines' calendar days: Date.parse + the zone's offset cached per UTC day.

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function intlOffset(zone: string, ms: number): number {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const local = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return local - Math.floor(ms / 1000) * 1000;
}

/** Local day number (days since 1970-01-01) of an ISO instant in `zone`. */
function localDay(zone: string, iso: string): number {
  const ms = Date.parse(iso);
  let days = offsets.get(zone);
  if (days === undefined) offsets.set(zone, (days = new Map()));
  const utcDay = Math.floor(ms / DAY);
  let offset = days.get(utcDay);
  if (offset === undefined) {
    const a = intlOffset(zone, utcDay * DAY);
    offset = a === intlOffset(zone, (utcDay + 1) * DAY) ? a : Number.NaN;
    days.set(utcDay, offset);
  }
  if (Number.isNaN(offset)) offset = intlOffset(zone, ms);
  return Math.floor((ms + offset) / DAY);
}

/** The same count through luxon, the way DESIGN.md warns against (~70 µs). */
function luxonDays(zone: string, from: string, to: string): number {
  const a = DateTime.fromISO(from, { zone }).startOf('day');
  const b = DateTime.fromISO(to, { zone }).startOf('day');
  return Math.round(b.diff(a, 'days').days);
}

// ---------------------------------------------------------------------------------------------
// The same guarded booking as a hand-written reducer and as an XState v5 machine.

interface MiniSession {
  state: 'pending' | 'booked' | 'completed';
  start?: string;
  end?: string;
}
interface MiniPlan {
  zone: string;
  sessions: MiniSession[];
}
interface BookEvent {
  type: 'sessionBooked';
  session: number;
  start: string;
  at: string;
  durationMinutes: number;
}
const MIN_GAP_DAYS = 7;

function canBook(p: MiniPlan, e: BookEvent, days: (zone: string, from: string, to: string) => number): boolean {
  const s = p.sessions[e.session - 1];
  const prev = p.sessions[e.session - 2];
  if (s === undefined || s.state !== 'pending' || prev === undefined || prev.state === 'pending' || prev.start === undefined) return false;
  if (Date.parse(e.start) < Date.parse(e.at)) return false;
  return days(p.zone, prev.start, e.start) >= MIN_GAP_DAYS;
}
const cachedDays = (zone: string, from: string, to: string): number => localDay(zone, to) - localDay(zone, from);

function withBooking(p: MiniPlan, e: BookEvent): MiniSession[] {
  const sessions = p.sessions.slice();
  const end = new Date(Date.parse(e.start) + e.durationMinutes * 60_000).toISOString();
  sessions[e.session - 1] = { state: 'booked', start: e.start, end };
  return sessions;
}

function reducer(p: MiniPlan, e: BookEvent): MiniPlan {
  return canBook(p, e, cachedDays) ? { zone: p.zone, sessions: withBooking(p, e) } : p;
}

const miniPlan: MiniPlan = {
  zone: ZONE,
  sessions: [{ state: 'completed', start: '2026-03-23T10:00:00Z', end: '2026-03-23T14:00:00Z' }, { state: 'pending' }, { state: 'pending' }],
};
const miniEvent: BookEvent = { ...bookSession2, durationMinutes: 180 };

function bookingMachine(days: (zone: string, from: string, to: string) => number) {
  return setup({
    types: { context: {} as MiniPlan, events: {} as BookEvent },
    guards: { gapRespected: ({ context, event }) => canBook(context, event, days) },
    actions: { recordBooking: assign({ sessions: ({ context, event }) => withBooking(context, event) }) },
  }).createMachine({
    id: 'plan',
    context: miniPlan,
    initial: 'active',
    states: { active: { on: { sessionBooked: { guard: 'gapRespected', actions: 'recordBooking' } } } },
  });
}
const machine = bookingMachine(cachedDays);
const [machineSnapshot] = initialTransition(machine);
const luxonMachine = bookingMachine(luxonDays);
const [luxonSnapshot] = initialTransition(luxonMachine);
for (const [m, s] of [
  [machine, machineSnapshot],
  [luxonMachine, luxonSnapshot],
] as const) {
  if (transition(m, s, miniEvent)[0].context.sessions[1]?.state !== 'booked') throw new Error('fixture: machine refused');
}
if (reducer(miniPlan, miniEvent).sessions[1]?.state !== 'booked') throw new Error('fixture: reducer refused');

// ---------------------------------------------------------------------------------------------
// Hand-written evaluation + forecast of the same plan (spacing classes and forecast dates).

function isoDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function handEvaluate(plan: Plan, asOf: string, withForecast = true): unknown {
  const gaps = protocol.sessions;
  const days = plan.sessions.map((s) => {
    const iv = s.completed ?? s.booking;
    return iv === undefined ? undefined : localDay(plan.timeZone, iv.start);
  });
  const asOfDay = localDay(plan.timeZone, asOf);
  const sessions = plan.sessions.map((s, i) => {
    const d = days[i];
    const a = days[i - 1];
    const g = gaps[i]?.gaps[0];
    if (d === undefined || a === undefined || g === undefined) return { session: s.number, state: s.state };
    const n = d - a;
    const evaluation =
      n < g.absoluteMinimumDays ? 'tooSoon' : n < g.minimumDays ? 'grace' : n < g.earliestRecommendedDays ? 'early' : n <= g.latestRecommendedDays ? 'onTime' : 'late';
    return { session: s.number, state: s.state, evaluation, daysFromAnchor: n };
  });
  if (!withForecast) return { sessions };
  const forecastSessions = plan.sessions.map((s, i) => {
    const a = days[i - 1] ?? asOfDay;
    const g = gaps[i]?.gaps[0];
    if (s.state === 'completed' || g === undefined) return { session: s.number, state: s.state };
    return {
      session: s.number,
      state: s.state,
      earliest: isoDate(a + g.minimumDays),
      recommended: isoDate(a + g.earliestRecommendedDays),
      pastDue: isoDate(a + g.latestRecommendedDays + 1),
      due: asOfDay < a + g.minimumDays ? 'notYet' : 'due',
    };
  });
  return { sessions, forecastSessions };
}

function luxonEvaluate(plan: Plan, asOf: string): unknown {
  const zone = plan.timeZone;
  const starts = plan.sessions.map((s) => (s.completed ?? s.booking)?.start);
  const out: unknown[] = [];
  for (let i = 1; i < plan.sessions.length; i++) {
    const from = starts[i - 1];
    const to = starts[i];
    const g = protocol.sessions[i]?.gaps[0];
    if (from === undefined || g === undefined) continue;
    const anchor = DateTime.fromISO(from, { zone }).startOf('day');
    out.push({
      days: to === undefined ? undefined : luxonDays(zone, from, to),
      earliest: anchor.plus({ days: g.minimumDays }).toISODate(),
      recommended: anchor.plus({ days: g.earliestRecommendedDays }).toISODate(),
      pastDue: anchor.plus({ days: g.latestRecommendedDays + 1 }).toISODate(),
      asOf: DateTime.fromISO(asOf, { zone }).toISODate(),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Batches: 100,000 distinct plans over four zones and two years of dates.

const BATCH = 100_000;
const zones = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'];

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function batchPlans(n: number): Plan[] {
  const out: Plan[] = [];
  const t0 = Date.UTC(2026, 0, 5, 9);
  for (let i = 0; i < n; i++) {
    const s1 = t0 + (i % 700) * DAY + (i % 8) * 3_600_000;
    const s2 = s1 + (9 + (i % 5)) * DAY;
    out.push(
      planWith(
        [
          { id: `b1-${i}`, type: 'sessionBooked', at: iso(s1 - 20 * DAY), session: 1, start: iso(s1) },
          { id: `c1-${i}`, type: 'sessionCompleted', at: iso(s1 + 5 * 3_600_000), session: 1 },
          { id: `b2-${i}`, type: 'sessionBooked', at: iso(s1 + DAY), session: 2, start: iso(s2) },
        ],
        { id: `plan-${i}`, timeZone: zones[i % zones.length] },
      ),
    );
  }
  return out;
}

const typedBatch = batchPlans(BATCH);
const jsonBatch = typedBatch.map((p) => JSON.stringify(p));
const batchAsOf = { protocol, asOf: '2027-06-01T12:00:00Z' };
const batchOptions = { time: 0, iterations: 5, warmupTime: 0, warmupIterations: 1 };

// ---------------------------------------------------------------------------------------------

describe('applyEvent: guarded booking of session 2 (session 1 completed, Europe/London)', () => {
  bench('smp-protocol applyEvent', () => {
    sink = applyEvent(session1Done, bookSession2, applyOptions);
  });
  bench('XState v5 transition(), cached Intl day count', () => {
    sink = transition(machine, machineSnapshot, miniEvent);
  });
  bench('hand-written reducer, cached Intl day count', () => {
    sink = reducer(miniPlan, miniEvent);
  });
  bench('XState v5 transition(), luxon day count (naive)', () => {
    sink = transition(luxonMachine, luxonSnapshot, miniEvent);
  });
});

describe('evaluatePlan + forecast (session 1 completed, session 2 booked)', () => {
  bench('smp-protocol evaluatePlan + forecast', () => {
    sink = evaluatePlan(session2Booked, readOptions);
    sink = forecast(session2Booked, readOptions);
  });
  bench('hand-written evaluation + forecast, cached Intl day count', () => {
    sink = handEvaluate(session2Booked, readOptions.asOf);
  });
  bench('luxon evaluation + forecast (naive)', () => {
    sink = luxonEvaluate(session2Booked, readOptions.asOf);
  });
});

describe('parsePlan: JSON three-session plan with 10 history events', () => {
  bench('smp-protocol parsePlan(JSON.parse(json))', () => {
    sink = parsePlan(JSON.parse(tenEventsJson));
  });
  bench('zod/mini runtime schemas.plan.safeParse(JSON.parse(json)) (shape only, no compile)', () => {
    sink = schemas.plan.safeParse(JSON.parse(tenEventsJson));
  });
  bench('JSON.parse(json) alone (floor)', () => {
    sink = JSON.parse(tenEventsJson);
  });
});

describe(`batch: evaluate ${BATCH.toLocaleString('en')} typed plans`, () => {
  bench(
    `smp-protocol evaluatePlan × ${BATCH}`,
    () => {
      for (let i = 0; i < BATCH; i++) sink = evaluatePlan(typedBatch[i] as Plan, batchAsOf);
    },
    batchOptions,
  );
  bench(
    `hand-written evaluation × ${BATCH}, cached Intl day count`,
    () => {
      for (let i = 0; i < BATCH; i++) sink = handEvaluate(typedBatch[i] as Plan, batchAsOf.asOf, false);
    },
    batchOptions,
  );
});

describe(`batch: parse from JSON and evaluate ${BATCH.toLocaleString('en')} plans`, () => {
  bench(
    `smp-protocol parsePlan(JSON.parse) + evaluatePlan × ${BATCH}`,
    () => {
      for (let i = 0; i < BATCH; i++) {
        const out = parsePlan(JSON.parse(jsonBatch[i] as string));
        if (out.ok) sink = evaluatePlan(out.value, batchAsOf);
      }
    },
    batchOptions,
  );
  bench(
    `zod/mini runtime safeParse(JSON.parse) + hand-written evaluation × ${BATCH}`,
    () => {
      for (let i = 0; i < BATCH; i++) {
        const out = schemas.plan.safeParse(JSON.parse(jsonBatch[i] as string));
        if (out.success) sink = handEvaluate(out.data, batchAsOf.asOf, false);
      }
    },
    batchOptions,
  );
  bench(
    `JSON.parse alone × ${BATCH} (floor)`,
    () => {
      for (let i = 0; i < BATCH; i++) sink = JSON.parse(jsonBatch[i] as string);
    },
    batchOptions,
  );
});

export { sink };
