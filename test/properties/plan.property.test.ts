/**
 * Property tests of the plan state machine: random event sequences (all nine event types,
 * sessions 1–5, repeated ids, exact retries, broken and garbage events) against the built-in
 * protocols and a custom one with a named anchor, a no-show limit and an unbounded extra gap, in
 * zones with DST, 30- and 45-minute offsets and a skipped day.
 *
 * numRuns (fc.assert): (a) never throws 400; (b) invariants 1,000; (c) replay 300; (d) idempotency
 * 300; (e) parse round trip 300; (f) evaluation and forecast 300. Scenarios have up to 40 steps
 * (a "course" step books up to four sessions). About 3–5 s for the file on 2 cores.
 *
 * Generators are steered (the session a plan is ready for, starts near the minimum gaps, right
 * now, or past the latest booking) because uniform sequences rarely get past session 1. With
 * these, (b) catches: spacing in UTC days instead of local days, a booking end written in UTC,
 * a booking accepted up to an hour in the past, a cancellation with a later booking, a no-show
 * that does not flag later bookings, and (about one run in six) a move past a later booking
 * while the session between is pending; (d) catches the version check before the duplicate
 * check; (f) catches an off-by-one pastDue and a pause's `until` ignored.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  createPlan,
  evaluatePlan,
  forecast,
  parsePlan,
  protocols,
  replay,
  type Outcome,
  type Plan,
  type Protocol,
} from 'smp-protocol';
import {
  calendarDays,
  findingViolations,
  gapsOf,
  isLocalDate,
  localDate,
  outcomeViolations,
  planViolations,
  plusDays,
  transitionViolations,
} from '../support/invariants.js';
import { customAnchors } from '../support/custom-protocol.js';
import { mustOk } from '../support/plans.js';
import { MINUTE, accepted, run as runScenario, scenarioArbFor, spell, type Scenario, type Trace } from './scenario.js';

const TIMEOUT = 60_000;

// ---------------------------------------------------------------------------------------------
// Fixtures.

const custom: Protocol = customAnchors;

const PROTOCOLS: Protocol[] = [...Object.values(protocols), custom];
const ZONES = [
  'Europe/London',
  'America/New_York',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kathmandu',
  'Pacific/Apia',
  'UTC',
] as const;
/** Start dates near DST changes (and the Apia skip) in most of the zones. */
const BASES = [
  '2026-03-20T09:00:00Z',
  '2026-09-20T09:00:00Z',
  '2026-03-30T21:00:00Z',
  '2018-10-28T12:00:00Z',
  '2018-02-10T12:00:00Z',
  '2011-12-20T00:00:00Z',
];

const scenarioArb = scenarioArbFor({ protocols: PROTOCOLS, zones: ZONES, bases: BASES });
const run = (s: Scenario): Trace => runScenario(s, PROTOCOLS);

// ---------------------------------------------------------------------------------------------
// The properties.

describe('plan state machine properties', () => {
  it(
    '(a) applyEvent never throws, for any sequence, garbage included, and a JSON copy of the plan gets the same answer',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          const trace = run(s);
          for (const a of trace.steps) {
            expect(outcomeViolations(a.out)).toEqual([]);
            if (a.expectedVersion !== undefined) continue;
            const untrusted = JSON.parse(JSON.stringify(a.before)) as Plan;
            const again = applyEvent(untrusted, a.event, { protocol: trace.protocol });
            expect(again).toStrictEqual(a.out);
          }
        }),
        { numRuns: 400 },
      );
    },
    TIMEOUT,
  );

  it(
    '(b) every accepted plan keeps every invariant of docs/design.md, and every transition its rules',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          const trace = run(s);
          expect(planViolations(trace.initial, trace.protocol)).toEqual([]);
          for (const a of trace.steps) {
            const problems = transitionViolations(a.before, a.event, a.out, trace.protocol);
            if (a.out.ok) problems.push(...planViolations(a.out.value, trace.protocol));
            if (a.expectedVersion !== undefined && a.expectedVersion !== a.before.version && a.out.ok) {
              if (!a.out.findings.some((f) => f.code === 'DUPLICATE_EVENT')) problems.push('stale expectedVersion accepted');
            }
            if (problems.length > 0) {
              expect.fail(
                `${problems.join('\n')}\nevent: ${JSON.stringify(a.event)}\nfindings: ${JSON.stringify(a.out.findings)}\nbefore: ${JSON.stringify(a.before)}`,
              );
            }
          }
        }),
        { numRuns: 1000 },
      );
    },
    TIMEOUT,
  );

  it(
    '(c) replay(initial, plan.history) rebuilds the plan exactly',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          const trace = run(s);
          const rebuilt = replay(trace.initial, [...trace.final.history], { protocol: trace.protocol });
          expect(rebuilt.ok).toBe(true);
          if (rebuilt.ok) expect(rebuilt.value).toStrictEqual(trace.final);
          // From stored JSON, and from the raw events as they were sent (retries included).
          const stored = JSON.parse(JSON.stringify(trace.final.history)) as unknown[];
          const fromJson = replay(trace.initial, stored, { protocol: trace.protocol });
          expect(fromJson.ok && fromJson.value).toStrictEqual(trace.final);
          const sent = trace.steps.filter((a) => a.out.ok).map((a) => a.event);
          const fromSent = replay(trace.initial, sent, { protocol: trace.protocol });
          expect(fromSent.ok && fromSent.value).toStrictEqual(trace.final);
        }),
        { numRuns: 300 },
      );
    },
    TIMEOUT,
  );

  it(
    '(d) applying an accepted event twice equals applying it once (DUPLICATE_EVENT, also with a stale version)',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          const trace = run(s);
          for (const a of accepted(trace)) {
            if (!a.out.ok) continue;
            const after = a.out.value;
            const again = applyEvent(after, a.event, { protocol: trace.protocol });
            expect(again).toEqual({
              ok: true,
              value: after,
              findings: [expect.objectContaining({ code: 'DUPLICATE_EVENT', severity: 'info' })],
            });
            const retried = applyEvent(after, a.event, { protocol: trace.protocol, expectedVersion: a.before.version });
            expect(retried.ok && retried.value).toBe(after);
            expect(retried.findings.map((f) => f.code)).toEqual(['DUPLICATE_EVENT']);
          }
        }),
        { numRuns: 300 },
      );
    },
    TIMEOUT,
  );

  it(
    '(e) parsePlan(JSON.parse(JSON.stringify(plan))) gives the plan back, metadata included',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          const trace = run(s);
          for (const plan of [trace.initial, trace.final]) {
            const parsed = parsePlan(JSON.parse(JSON.stringify(plan)));
            expect(parsed.ok).toBe(true);
            if (parsed.ok) expect(parsed.value).toStrictEqual(plan);
          }
          const expected = s.metadata === null ? undefined : JSON.parse(JSON.stringify(s.metadata));
          expect(trace.final.metadata).toStrictEqual(expected);
        }),
        { numRuns: 300 },
      );
    },
    TIMEOUT,
  );

  it(
    '(f) evaluatePlan and forecast never throw, and give well-formed dates that match the spacing model',
    () => {
      const asOfArb = fc.integer({ min: -20 * 24 * 60, max: 120 * 24 * 60 });
      fc.assert(
        fc.property(scenarioArb, fc.array(asOfArb, { minLength: 1, maxLength: 3 }), (s, shifts) => {
          const trace = run(s);
          for (const minutes of shifts) {
            const asOf = spell(trace.clock + minutes * MINUTE, minutes);
            checkReaders(trace.final, trace.protocol, asOf);
          }
        }),
        { numRuns: 300 },
      );
    },
    TIMEOUT,
  );
});

// ---------------------------------------------------------------------------------------------
// The spacing model, re-derived for the readers.

type Evaluation = 'tooSoon' | 'grace' | 'early' | 'onTime' | 'late' | 'lapsed';
function classify(g: ReturnType<typeof gapsOf>[number], d: number): Evaluation {
  if (d < g.absoluteMinimumDays) return 'tooSoon';
  if (d < g.minimumDays) return 'grace';
  if (d < g.earliestRecommendedDays) return 'early';
  if (d <= g.latestRecommendedDays) return 'onTime';
  if (g.maximumDays === undefined || d <= g.maximumDays) return 'late';
  return 'lapsed';
}

function fixedInterval(plan: Plan, n: number): { start: string; end: string } | undefined {
  const s = plan.sessions[n - 1];
  return s?.state === 'completed' ? s.completed : s?.state === 'booked' ? s.booking : undefined;
}

const maxDate = (a: string, b: string): string => (b > a ? b : a);

function checkReaders(plan: Plan, protocol: Protocol, asOf: string): void {
  const zone = plan.timeZone;
  const today = localDate(asOf, zone);
  const evaluation = mustOk(evaluatePlan(plan, { protocol, asOf }));
  // A booking that ended before asOf with nothing recorded: one OUTCOME_NOT_RECORDED each, never completed.
  const unrecorded = plan.sessions
    .filter((s) => s.state === 'booked' && s.booking !== undefined && Date.parse(s.booking.end) < Date.parse(asOf))
    .map((s) => s.number);
  expect(evaluation.findings.map((x) => [x.code, x.session])).toEqual(unrecorded.map((n) => ['OUTCOME_NOT_RECORDED', n]));
  expect(evaluation.status).toBe(plan.status);
  expect(evaluation.sessions.map((s) => s.session)).toEqual(plan.sessions.map((s) => s.number));
  for (const e of evaluation.sessions) {
    expect(findingViolations(e.findings)).toEqual([]);
    const iv = fixedInterval(plan, e.session);
    const gaps = gapsOf(protocol, e.session);
    const measured = gaps.flatMap((g) => {
      const anchor = fixedInterval(plan, g.anchor);
      return iv === undefined || anchor === undefined ? [] : [{ g, d: calendarDays(anchor.start, iv.start, zone) }];
    });
    const first = measured[0];
    if (first === undefined) {
      expect(e.evaluation).toBeUndefined();
      continue;
    }
    expect(e.daysFromAnchor).toBe(first.d);
    const classes = measured.map((m) => classify(m.g, m.d));
    if (classes.length === 1) expect(e.evaluation).toBe(classes[0]);
    else expect(classes).toContain(e.evaluation);
    const tooSoon = e.findings.find((f) => f.code === 'SPACING_TOO_SOON');
    if (classes.includes('tooSoon')) expect(tooSoon?.severity).toBe('error');
  }

  const f = mustOk(forecast(plan, { protocol, asOf }));
  expect(findingViolations(f.findings)).toEqual([]);
  expect(f.findings.map((x) => x.code)).toEqual([
    ...unrecorded.map(() => 'OUTCOME_NOT_RECORDED'),
    ...(plan.status === 'onHold' ? ['PLAN_ON_HOLD'] : []),
  ]);
  expect(f.sessions.map((s) => [s.session, s.state])).toEqual(plan.sessions.map((s) => [s.number, s.state]));
  const open = plan.status !== 'completed' && plan.status !== 'closed';
  const firstOpen = f.sessions.find((s) => s.state !== 'completed') ?? null;
  expect(f.next).toEqual(open ? firstOpen : null);
  const projected = new Set<number>();
  for (const sf of f.sessions) {
    if (sf.state === 'completed') {
      expect(sf).toEqual({ session: sf.session, state: 'completed', projected: false });
      continue;
    }
    for (const date of [sf.earliest, sf.recommended, sf.pastDue, sf.latest]) {
      if (date !== undefined) expect(isLocalDate(date), `${String(date)} is a local date`).toBe(true);
    }
    const { earliest, recommended } = sf;
    if (earliest === undefined || recommended === undefined) {
      expect.fail(`session ${sf.session} has no earliest or recommended date`);
    }
    expect(earliest <= recommended).toBe(true);
    // Due, as DESIGN defines it from the dates.
    const due =
      today < earliest
        ? 'notYet'
        : today < recommended
          ? 'early'
          : sf.pastDue === undefined || today < sf.pastDue
            ? 'due'
            : sf.latest === undefined || today <= sf.latest
              ? 'overdue'
              : 'lapsed';
    expect(sf.due).toBe(due);
    const gaps = gapsOf(protocol, sf.session);
    const notBefore = plan.notBefore ?? '0000-01-01';
    if (gaps.length === 0) {
      const day = maxDate(today, notBefore);
      expect(sf).toEqual({ session: sf.session, state: sf.state, earliest: day, recommended: day, projected: false, due: sf.due });
      continue;
    }
    const anchors = gaps.map((g) => fixedInterval(plan, g.anchor));
    // Projected only when an anchor is neither completed nor booked (a booked anchor's own dates are real).
    if (anchors.some((a) => a === undefined)) {
      projected.add(sf.session);
      expect(sf.projected).toBe(true);
      continue;
    }
    // Every anchor is fixed: the dates follow from the gaps exactly (latest over the gaps).
    let e = '0000-01-01';
    let r = '0000-01-01';
    let p = '0000-01-01';
    let l: string | undefined = '0000-01-01';
    gaps.forEach((g, i) => {
      const a = localDate(anchors[i]?.start ?? '', plan.timeZone);
      e = maxDate(e, plusDays(a, g.minimumDays));
      r = maxDate(r, plusDays(a, g.earliestRecommendedDays));
      p = maxDate(p, plusDays(a, g.latestRecommendedDays + 1));
      l = g.maximumDays === undefined || l === undefined ? undefined : maxDate(l, plusDays(a, g.maximumDays));
    });
    const expected: Record<string, unknown> = {
      session: sf.session,
      state: sf.state,
      earliest: maxDate(e, notBefore),
      recommended: maxDate(r, notBefore),
      pastDue: p,
      projected: false,
      due: sf.due,
    };
    if (l !== undefined) expected.latest = l;
    expect(sf).toEqual(expected);
  }
}

// ---------------------------------------------------------------------------------------------
// Fixed examples: a bug the properties found, and the checker's own teeth.

describe('examples behind the properties', () => {
  const standard = protocols.standard;
  const base = (): Plan => {
    const created = createPlan({
      id: 'p',
      clientId: 'c',
      protocol: standard,
      timeZone: 'Europe/London',
      createdAt: '2026-01-01T00:00:00Z',
    });
    if (!created.ok) throw new Error('unreachable');
    return created.value;
  };
  const apply = (plan: Plan, event: Record<string, unknown>): Outcome<Plan> => applyEvent(plan, event, { protocol: standard });

  it('refuses to move a session past a later booking while the session between is pending after a no-show', () => {
    let plan = base();
    for (const e of [
      { id: 'b1', type: 'sessionBooked', at: '2026-01-01T09:00:00Z', session: 1, start: '2026-01-05T10:00:00Z' },
      { id: 'b2', type: 'sessionBooked', at: '2026-01-01T09:00:00Z', session: 2, start: '2026-01-15T10:00:00Z' },
      { id: 'b3', type: 'sessionBooked', at: '2026-01-01T09:00:00Z', session: 3, start: '2026-02-05T10:00:00Z' },
      { id: 'm2', type: 'sessionMissed', at: '2026-01-15T12:00:00Z', session: 2 },
    ]) {
      const out = apply(plan, e);
      if (!out.ok) expect.fail(JSON.stringify(out.findings));
      plan = out.value;
    }
    // Session 1 to 2026-02-20 would put it after session 3 (2026-02-05): session 3's booking breaks.
    const moved = apply(plan, {
      id: 'r1',
      type: 'sessionRescheduled',
      at: '2026-01-16T09:00:00Z',
      session: 1,
      start: '2026-02-20T10:00:00Z',
    });
    expect(moved.ok).toBe(false);
    expect(moved.findings).toEqual([
      expect.objectContaining({
        code: 'DOWNSTREAM_CONFLICT',
        severity: 'error',
        session: 3,
        params: { session: 3, changedSession: 1, bookedDate: '2026-02-05', reason: 'order', earliestDate: '2026-02-20' },
      }),
    ]);
    // Moving it within the gap before session 3 is still fine.
    expect(
      apply(plan, { id: 'r1', type: 'sessionRescheduled', at: '2026-01-16T09:00:00Z', session: 1, start: '2026-01-20T10:00:00Z' }).ok,
    ).toBe(true);
  });

  it('the invariant checker counts calendar days in the plan zone, not 24-hour days (Pacific/Chatham)', () => {
    // Session 1 at 00:30 local on 2026-03-23 (22nd in UTC), session 2 at 20:00 local on 2026-03-29
    // (29th in UTC): seven UTC days, six calendar days in Chatham. Forged, so the library never saw it.
    const forged = {
      ...JSON.parse(JSON.stringify(base())),
      timeZone: 'Pacific/Chatham',
      status: 'active',
      sessions: [
        {
          number: 1,
          phase: 'foundation',
          state: 'completed',
          completed: { start: '2026-03-23T00:30:00+13:45', end: '2026-03-23T04:30:00+13:45' },
        },
        { number: 2, phase: 'density', state: 'booked', booking: { start: '2026-03-29T20:00:00+13:45', end: '2026-03-29T23:00:00+13:45' } },
        { number: 3, phase: 'refinement', state: 'pending' },
      ],
      history: [
        { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T05:00:00+13:45', session: 1, start: '2026-03-23T00:30:00+13:45' },
        { id: 'b2', type: 'sessionBooked', at: '2026-03-23T05:00:00+13:45', session: 2, start: '2026-03-29T20:00:00+13:45' },
      ],
      version: 2,
    } as Plan;
    expect(calendarDays('2026-03-23T00:30:00+13:45', '2026-03-29T20:00:00+13:45', 'Pacific/Chatham')).toBe(6);
    expect(planViolations(forged, standard)).toEqual(['session 2 is 6 days after session 1 (minimum 7)']);
    // And the library refuses that booking for the same reason.
    const done = apply({ ...base(), timeZone: 'Pacific/Chatham' } as Plan, {
      id: 'c1',
      type: 'sessionCompleted',
      at: '2026-03-23T05:00:00+13:45',
      session: 1,
      start: '2026-03-23T00:30:00+13:45',
    });
    if (!done.ok) expect.fail(JSON.stringify(done.findings));
    const booked = apply(done.value, {
      id: 'b2',
      type: 'sessionBooked',
      at: '2026-03-23T05:00:00+13:45',
      session: 2,
      start: '2026-03-29T20:00:00+13:45',
    });
    expect(booked.findings.map((f) => [f.code, f.params?.days])).toEqual([['SPACING_BELOW_MINIMUM', 6]]);
  });
});
