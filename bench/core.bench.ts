/**
 * Benchmarks of the hot path against peer baselines in the same run (docs/design.md, "Performance
 * budget"). Figures, and how to read them, are in docs/performance.md. Run (about 1.5 minutes):
 *
 *   npm run build && SMP_BENCH=dist npx vitest bench --run bench/core.bench.ts   # the built bundle (targets)
 *   npx vitest bench --run bench/core.bench.ts                                   # src through vite's transform
 *
 * Add `--outputJson bench.json` and `node scripts/bench-report.mjs bench.json` for the tables: the
 * median of each benchmark, its ratio to the first of its group in the same run, and the targets
 * judged on medians (a shared machine moves absolute figures; ratios within a run hold better).
 * With SMP_BENCH=dist vitest loads dist/ natively (vitest.config.ts), as a consumer's Node does.
 *
 * The valid inputs here take the parsers' fast paths (a key-wise reader of the plan, event and
 * availability shapes, src/schema/plan-read.ts); the zod/mini baseline in the parse group is the
 * slow path's schema, which still words every refusal.
 *
 * Every group puts our function beside its baselines, so vitest prints the ratio. The baselines do
 * the same job the fair way: the same guard (gap ≥ 7 calendar days in Europe/London) with the
 * calendar-day count done the cheapest correct way (`Date.parse` plus a per-UTC-day cache of the
 * zone's `Intl` offset, the technique src/time/zone.ts uses), and once the naive way through luxon
 * (`startOf('day')` + `diff`) to show what docs/design.md measured.
 *
 * Results are written to a sink so the JIT cannot drop the work.
 */
import { DateTime } from 'luxon';
import { bench, describe } from 'vitest';
import { courseEvents } from './course-events.mjs';
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

/** Local day number (days since 1970-01-01) of the instant `ms` in `zone`. */
function localDay(zone: string, ms: number): number {
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

/** The same count through luxon, the way docs/design.md warns against (~70 µs). */
function luxonDays(zone: string, from: number, to: number): number {
  const a = DateTime.fromMillis(from, { zone }).startOf('day');
  const b = DateTime.fromMillis(to, { zone }).startOf('day');
  return Math.round(b.diff(a, 'days').days);
}

// ---------------------------------------------------------------------------------------------
// The same guarded booking as a hand-written reducer and as an XState v5 machine.

interface MiniSession {
  state: 'pending' | 'booked' | 'completed';
  /** Epoch ms: a hand-written state keeps numbers, parsed once. */
  start?: number;
  end?: number;
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
type DayCount = (zone: string, from: number, to: number) => number;
const MIN_GAP_DAYS = 7;

/** The guard: session pending, the previous one booked or completed, not in the past, gap ≥ 7 calendar days. */
function canBook(p: MiniPlan, e: BookEvent, start: number, days: DayCount): boolean {
  const s = p.sessions[e.session - 1];
  const prev = p.sessions[e.session - 2];
  if (s === undefined || s.state !== 'pending' || prev === undefined || prev.state === 'pending' || prev.start === undefined) return false;
  if (start < Date.parse(e.at)) return false;
  return days(p.zone, prev.start, start) >= MIN_GAP_DAYS;
}
const cachedDays: DayCount = (zone, from, to) => localDay(zone, to) - localDay(zone, from);

function withBooking(p: MiniPlan, e: BookEvent, start: number): MiniSession[] {
  const sessions = [...p.sessions];
  sessions[e.session - 1] = { state: 'booked', start, end: start + e.durationMinutes * 60_000 };
  return sessions;
}

function reducer(p: MiniPlan, e: BookEvent): MiniPlan {
  const start = Date.parse(e.start);
  return canBook(p, e, start, cachedDays) ? { zone: p.zone, sessions: withBooking(p, e, start) } : p;
}

const miniPlan: MiniPlan = {
  zone: ZONE,
  sessions: [
    { state: 'completed', start: Date.parse('2026-03-23T10:00:00Z'), end: Date.parse('2026-03-23T14:00:00Z') },
    { state: 'pending' },
    { state: 'pending' },
  ],
};
const miniEvent: BookEvent = { ...bookSession2, durationMinutes: 180 };

function bookingMachine(days: DayCount) {
  return setup({
    types: { context: {} as MiniPlan, events: {} as BookEvent },
    guards: { gapRespected: ({ context, event }) => canBook(context, event, Date.parse(event.start), days) },
    actions: { recordBooking: assign({ sessions: ({ context, event }) => withBooking(context, event, Date.parse(event.start)) }) },
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

/** `YYYY-MM-DD` of a day number (civil_from_days; `Date#toISOString` costs ~0.7 µs). */
function isoDate(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}
if (isoDate(20_544) !== '2026-04-01') throw new Error('fixture: isoDate');

function handEvaluate(plan: Plan, asOf: string, withForecast = true): unknown {
  const gaps = protocol.sessions;
  const days = plan.sessions.map((s) => {
    const iv = s.completed ?? s.booking;
    return iv === undefined ? undefined : localDay(plan.timeZone, Date.parse(iv.start));
  });
  const asOfDay = localDay(plan.timeZone, Date.parse(asOf));
  const sessions = plan.sessions.map((s, i) => {
    const d = days[i];
    const a = days[i - 1];
    const g = gaps[i]?.gaps[0];
    if (d === undefined || a === undefined || g === undefined) return { session: s.number, state: s.state };
    const n = d - a;
    const evaluation =
      n < g.absoluteMinimumDays
        ? 'tooSoon'
        : n < g.minimumDays
          ? 'grace'
          : n < g.earliestRecommendedDays
            ? 'early'
            : n <= g.latestRecommendedDays
              ? 'onTime'
              : 'late';
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
      days: to === undefined ? undefined : luxonDays(zone, Date.parse(from), Date.parse(to)),
      earliest: anchor.plus({ days: g.minimumDays }).toISODate(),
      recommended: anchor.plus({ days: g.earliestRecommendedDays }).toISODate(),
      pastDue: anchor.plus({ days: g.latestRecommendedDays + 1 }).toISODate(),
      asOf: DateTime.fromISO(asOf, { zone }).toISODate(),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Batches of 100,000 plans per timed pass, drawn from a pool of 10,000 distinct plans (ten passes
// over the pool) over four zones and two years of dates, at every stage of the course from draft
// (no event) to ten events, each stage equally represented (mean five events). The pool keeps the
// bench's live heap small: holding 100,000 plans and their JSON (~300 MB) makes every major GC
// mark it all, which slows even a bare JSON.parse loop twofold and is not what a batch job that
// streams plans from its database sees. 10,000 plans still carry over 100,000 distinct instant
// strings, far more than the library's caches keep (20,000), so the caches see no artificial reuse.

const BATCH = 100_000;
const POOL = 10_000;
const zones = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'];

function batchPlans(n: number, stage: (i: number) => number): Plan[] {
  const out: Plan[] = [];
  for (let i = 0; i < n; i++) {
    out.push(planWith(courseEvents(i).slice(0, stage(i)), { id: `plan-${i}`, timeZone: zones[i % zones.length] ?? ZONE }));
  }
  return out;
}

const typedBatch = batchPlans(POOL, (i) => i % 11);
const jsonBatch = typedBatch.map((p) => JSON.stringify(p));
const jsonTenBatch = batchPlans(POOL, () => 10).map((p) => JSON.stringify(p));
const batchAsOf = { protocol, asOf: '2027-01-01T12:00:00Z' };
for (let i = 0; i < POOL; i += 11) {
  if (!parsePlan(JSON.parse(jsonBatch[i] as string)).ok || !parsePlan(JSON.parse(jsonTenBatch[i] as string)).ok) {
    throw new Error(`fixture: batch plan ${i} does not parse`);
  }
}
/** One warm-up pass, then five timed passes of 100,000 plans (vitest reports per pass). */
const batchOptions = { time: 0, iterations: 5, warmupTime: 0, warmupIterations: 1 };
/** The same with three timed passes, for the slow parse batches (keeps the whole run near a minute and a half). */
const parseBatchOptions = { time: 0, iterations: 3, warmupTime: 0, warmupIterations: 1 };

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

describe(`batch: evaluate ${BATCH.toLocaleString('en')} typed plans (every stage, 0–10 events)`, () => {
  bench(
    `smp-protocol evaluatePlan × ${BATCH}`,
    () => {
      for (let i = 0; i < BATCH; i++) sink = evaluatePlan(typedBatch[i % POOL] as Plan, batchAsOf);
    },
    batchOptions,
  );
  bench(
    `hand-written evaluation × ${BATCH}, cached Intl day count`,
    () => {
      for (let i = 0; i < BATCH; i++) sink = handEvaluate(typedBatch[i % POOL] as Plan, batchAsOf.asOf, false);
    },
    batchOptions,
  );
});

/** Parses and evaluates a batch of JSON plans; throws if one is refused (none should be). */
function parseAndEvaluate(batch: string[]): void {
  for (let i = 0; i < BATCH; i++) {
    const out = parsePlan(JSON.parse(batch[i % POOL] as string));
    if (!out.ok) throw new Error(`batch plan ${i % POOL} refused`);
    sink = evaluatePlan(out.value, batchAsOf);
  }
}

describe(`batch: parse from JSON and evaluate ${BATCH.toLocaleString('en')} plans (every stage, 0–10 events)`, () => {
  bench(`smp-protocol parsePlan(JSON.parse) + evaluatePlan × ${BATCH}`, () => parseAndEvaluate(jsonBatch), parseBatchOptions);
  bench(
    `zod/mini runtime safeParse(JSON.parse) + hand-written evaluation × ${BATCH}`,
    () => {
      for (let i = 0; i < BATCH; i++) {
        const out = schemas.plan.safeParse(JSON.parse(jsonBatch[i % POOL] as string));
        if (!out.success) throw new Error(`batch plan ${i % POOL} refused`);
        sink = handEvaluate(out.data, batchAsOf.asOf, false);
      }
    },
    parseBatchOptions,
  );
  bench(
    `JSON.parse alone × ${BATCH} (floor)`,
    () => {
      for (let i = 0; i < BATCH; i++) sink = JSON.parse(jsonBatch[i % POOL] as string);
    },
    parseBatchOptions,
  );
});

describe(`batch: parse from JSON and evaluate ${BATCH.toLocaleString('en')} ten-event plans (worst case)`, () => {
  bench(`smp-protocol parsePlan(JSON.parse) + evaluatePlan × ${BATCH}`, () => parseAndEvaluate(jsonTenBatch), parseBatchOptions);
  bench(
    `JSON.parse alone × ${BATCH} (floor)`,
    () => {
      for (let i = 0; i < BATCH; i++) sink = JSON.parse(jsonTenBatch[i % POOL] as string);
    },
    parseBatchOptions,
  );
});

export { sink };
