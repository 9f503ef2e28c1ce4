/**
 * Property tests of slots and proposals against random clinics, calendars and plans, with dates
 * biased towards the DST changes of Europe/London, America/New_York and Australia/Sydney.
 *
 * About half the runs open the clinic on Sunday nights, when the clocks change. The checks are
 * independent of the library's time code: wall-clock times, local dates and day counts come from
 * luxon, and "is this booking allowed" comes from `applyEvent` itself. One
 * property compares `findSlots` with a brute-force oracle that tries every grid time of every
 * day in the horizon and ranks what survives.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  defineProtocol,
  findSlots,
  forecast,
  proposeReschedule,
  proposeSchedule,
  standardProtocol,
  type Availability,
  type Plan,
  type Protocol,
  type Slot,
} from 'smp-protocol';
import { applyAll, mustOk, newPlan } from '../support/plans.js';
import type { Writable } from '../support/writable.js';

const MIN = 60_000;
const DAY = 86_400_000;
const zones = ['Europe/London', 'America/New_York', 'Australia/Sydney'] as const;
/** The 2026 DST changes of each zone (UTC dates): most property runs start a few days before one. */
const changes: Record<(typeof zones)[number], [string, string]> = {
  'Europe/London': ['2026-03-29', '2026-10-25'],
  'America/New_York': ['2026-03-08', '2026-11-01'],
  'Australia/Sydney': ['2026-04-04', '2026-10-03'],
};

const shortSessions: Protocol = mustOk(
  defineProtocol({
    ...standardProtocol,
    id: 'short',
    sessions: standardProtocol.sessions.map((s, i) => ({ ...s, durationMinutes: [90, 60, 45][i] ?? 60 })),
  }),
);

// ---------------------------------------------------------------------------------------------
// Arbitraries.

interface Scenario {
  /** The clinic's zone. */
  zone: string;
  /** The plan's zone: usually the clinic's, sometimes another (gaps and local dates are counted there). */
  planZone: string;
  /** Which protocol: by name, so that a counterexample stays readable. */
  protocolName: 'standard' | 'short';
  protocol: Protocol;
  asOf: number;
  availability: Availability;
  /** Days before asOf that session 1 was completed, or null for a draft plan. */
  session1DaysAgo: number | null;
}

const hhmm = (m: number): string =>
  m === 1440 ? '24:00' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Up to two non-overlapping ranges in a day, on half hours. */
const dayRanges = fc.uniqueArray(fc.integer({ min: 0, max: 48 }), { maxLength: 4 }).map((marks) => {
  const sorted = [...marks].sort((a, b) => a - b);
  const out: { open: string; close: string }[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2)
    out.push({ open: hhmm((sorted[i] as number) * 30), close: hhmm((sorted[i + 1] as number) * 30) });
  return out;
});

/** asOf: anywhere in 2026, or (twice as often) up to 8 days before one of the zone's DST changes. */
const asOfArb = fc.oneof(
  { arbitrary: fc.record({ anyDay: fc.integer({ min: 0, max: 364 * 96 }) }), weight: 1 },
  { arbitrary: fc.record({ change: fc.integer({ min: 0, max: 1 }), before: fc.integer({ min: 0, max: 8 * 96 }) }), weight: 2 },
);
const asOfOf = (zone: (typeof zones)[number], a: { anyDay: number } | { change: number; before: number }): number =>
  'anyDay' in a
    ? Date.UTC(2026, 0, 1) + a.anyDay * 15 * MIN
    : Date.parse(`${changes[zone][a.change] ?? '2026-03-29'}T00:00:00Z`) - a.before * 15 * MIN;

/** Sunday night hours around the time the clocks change (all three zones change on a Sunday, 01:00–03:00). */
const nightRange = fc
  .tuple(fc.constantFrom('00:00', '00:30', '01:00', '01:30', '02:00'), fc.constantFrom('03:00', '04:00', '05:00', '06:00', '07:00'))
  .map(([open, close]) => [{ open, close }]);

function scenarioArb(maxHorizon: number): fc.Arbitrary<Scenario> {
  return fc
    .record({
      zone: fc.constantFrom(...zones),
      otherPlanZone: fc.option(fc.constantFrom(...zones, 'Asia/Tokyo'), { freq: 4, nil: undefined }),
      protocolName: fc.constantFrom('standard' as const, 'short' as const),
      asOf: asOfArb,
      weekly: fc.array(dayRanges, { minLength: 7, maxLength: 7 }),
      sundayNight: fc.option(nightRange, { freq: 2, nil: undefined }),
      overrides: fc.array(fc.tuple(fc.integer({ min: 0, max: maxHorizon }), dayRanges), { maxLength: 3 }),
      resources: fc.constantFrom<string[] | undefined>(undefined, ['ana', 'ben'], ['ana', 'ben', 'cleo']),
      busy: fc.array(
        fc.record({
          at: fc.integer({ min: -96, max: (maxHorizon + 2) * 96 }),
          quarters: fc.integer({ min: 1, max: 20 }),
          who: fc.integer({ min: -1, max: 2 }),
        }),
        { maxLength: 30 },
      ),
      bufferBefore: fc.constantFrom(0, 0, 10, 30),
      bufferAfter: fc.constantFrom(0, 0, 15, 45),
      notice: fc.constantFrom(0, 0, 60, 24 * 60, 2 * 24 * 60),
      horizon: fc.integer({ min: 0, max: maxHorizon }),
      step: fc.constantFrom(15, 30, 30, 45, 60),
      session1DaysAgo: fc.option(fc.integer({ min: 0, max: 25 }), { nil: null }),
    })
    .map((spec) => {
      // Near a change, the horizon reaches it.
      const r = {
        ...spec,
        asOf: asOfOf(spec.zone, spec.asOf),
        horizon: 'anyDay' in spec.asOf ? spec.horizon : Math.max(spec.horizon, Math.min(9, maxHorizon)),
      };
      const asOfDate = DateTime.fromMillis(r.asOf, { zone: r.zone }).startOf('day');
      const seenDates = new Set<string>();
      const overrides: Writable<NonNullable<Availability['overrides']>> = [];
      for (const [d, hours] of r.overrides) {
        const date = asOfDate.plus({ days: d }).toISODate() as string;
        if (!seenDates.has(date)) overrides.push({ date, hours });
        seenDates.add(date);
      }
      const start0 = Math.floor(r.asOf / (15 * MIN)) * 15 * MIN;
      const availability: Availability = {
        timeZone: r.zone,
        weekly: r.weekly.flatMap((ranges, i) =>
          (i === 6 && r.sundayNight !== undefined ? r.sundayNight : ranges).map((x) => ({
            weekday: (i + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7,
            ...x,
          })),
        ),
        overrides,
        busy: r.busy.map((b) => {
          const start = new Date(start0 + b.at * 15 * MIN).toISOString();
          const end = new Date(start0 + (b.at + b.quarters) * 15 * MIN).toISOString();
          const resource = r.resources?.[b.who];
          return resource === undefined ? { start, end } : { start, end, resource };
        }),
        bufferBeforeMinutes: r.bufferBefore,
        bufferAfterMinutes: r.bufferAfter,
        minimumNoticeMinutes: r.notice,
        horizonDays: r.horizon,
        slotStepMinutes: r.step,
        ...(r.resources === undefined ? {} : { resources: r.resources }),
      };
      const protocol = r.protocolName === 'short' ? shortSessions : standardProtocol;
      const scenario = {
        zone: r.zone,
        planZone: r.otherPlanZone ?? r.zone,
        protocolName: r.protocolName,
        asOf: r.asOf,
        availability,
        session1DaysAgo: r.session1DaysAgo,
      };
      // Kept out of the enumerable fields: fast-check prints them in a counterexample.
      return Object.defineProperty(scenario, 'protocol', { value: protocol, enumerable: false }) as Scenario;
    });
}

function planOf(s: Scenario): Plan {
  const plan = newPlan({ timeZone: s.planZone, protocol: s.protocol, createdAt: '2025-12-01T00:00:00Z' });
  if (s.session1DaysAgo === null) return plan;
  const start = s.asOf - s.session1DaysAgo * DAY - 6 * 3_600_000;
  const iso = (ms: number): string => new Date(ms).toISOString();
  return applyAll(
    plan,
    [
      { id: 'b1', type: 'sessionBooked', at: '2025-12-01T00:00:00Z', session: 1, start: iso(start) },
      { id: 'c1', type: 'sessionCompleted', at: iso(Math.max(start + 4 * 3_600_000, s.asOf - 60 * MIN)), session: 1 },
    ],
    s.protocol,
  );
}

// ---------------------------------------------------------------------------------------------
// The independent checks.

const minutesOf = (t: DateTime): number => t.hour * 60 + t.minute;
const wallMinutes = (text: string): number => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));

function rangesOn(a: Availability, date: DateTime): { open: number; close: number }[] {
  const iso = date.toISODate();
  const o = a.overrides?.find((x) => x.date === iso);
  const list = o !== undefined ? o.hours : a.weekly.filter((w) => w.weekday === date.weekday);
  return list.map((x) => ({ open: wallMinutes(x.open), close: wallMinutes(x.close) }));
}

/** The earliest instant whose wall clock reads `minutes` on `date`, or undefined when skipped (luxon). */
function wallInstant(date: DateTime, minutes: number, zone: string): number | undefined {
  const day = minutes === 1440 ? date.plus({ days: 1 }) : date;
  const m = minutes === 1440 ? 0 : minutes;
  const dt = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: Math.floor(m / 60), minute: m % 60 }, { zone });
  if (dt.hour * 60 + dt.minute !== m || dt.day !== day.day) return undefined;
  return Math.min(...dt.getPossibleOffsets().map((x) => x.toMillis()));
}

/** The first instant whose wall clock reads `minutes` on `date` or later (luxon, minute by minute over a skipped hour). */
function closingInstant(date: DateTime, minutes: number, zone: string): number {
  const exact = wallInstant(date, minutes, zone);
  if (exact !== undefined) return exact;
  const target = `${date.toISODate()}T${hhmm(minutes)}`;
  let t = DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
    { zone },
  ).toMillis();
  while ((DateTime.fromMillis(t - MIN, { zone }).toFormat("yyyy-LL-dd'T'HH:mm") as string) >= target) t -= MIN;
  return t;
}

function blocks(a: Availability, resource: string | undefined, from: number, to: number): boolean {
  return (a.busy ?? []).some((b) => {
    const s = Date.parse(b.start);
    const e = Date.parse(b.end);
    const applies = a.resources === undefined || b.resource === undefined || b.resource === resource;
    return applies && e > s && from < e && s < to;
  });
}

/** What must hold for every slot; returns the violations. */
function slotViolations(s: Scenario, plan: Plan, slot: Slot, durationMinutes: number): string[] {
  const a = s.availability;
  const out: string[] = [];
  const start = Date.parse(slot.start);
  const end = Date.parse(slot.end);
  const local = DateTime.fromMillis(start, { zone: a.timeZone });
  const date = local.startOf('day');
  if (end - start !== durationMinutes * MIN) out.push(`lasts ${(end - start) / MIN} real minutes`);
  if (start < s.asOf + (a.minimumNoticeMinutes ?? 0) * MIN) out.push('inside the notice');
  const asOfDate = DateTime.fromMillis(s.asOf, { zone: a.timeZone }).startOf('day');
  if (date.diff(asOfDate, 'days').days > (a.horizonDays ?? 90) + 0.5) out.push('beyond the horizon');
  const m = minutesOf(local);
  const step = a.slotStepMinutes ?? 30;
  const range = rangesOn(a, date).find((r) => r.open <= m && m < r.close && (m - r.open) % step === 0);
  if (range === undefined) out.push(`not on the grid of an opening range (${local.toISO()})`);
  else if (end > closingInstant(date, range.close, a.timeZone)) out.push('runs past closing');
  if (wallInstant(date, m, a.timeZone) !== start) out.push('not the earliest instant of its wall time');
  const from = start - (a.bufferBeforeMinutes ?? 0) * MIN;
  const to = end + (a.bufferAfterMinutes ?? 0) * MIN;
  if (blocks(a, slot.resource, from, to)) out.push(`busy (resource ${slot.resource ?? 'any'})`);
  if ((a.resources === undefined) !== (slot.resource === undefined)) out.push('resource naming');
  if (slot.localDate !== DateTime.fromMillis(start, { zone: plan.timeZone }).toISODate()) out.push('localDate');
  const booked = applyEvent(
    plan,
    { id: 'probe', type: 'sessionBooked', at: new Date(s.asOf).toISOString(), session: slot.session, start: slot.start },
    { protocol: s.protocol },
  );
  if (!booked.ok) out.push(`applyEvent refuses it: ${booked.findings.map((f) => f.code).join(', ')}`);
  const gap = s.protocol.sessions[slot.session - 1]?.gaps[0];
  if (gap !== undefined && (slot.daysFromAnchor ?? -1) < gap.minimumDays) out.push('below the minimum gap');
  return out;
}

const FIT = { onTime: 0, early: 1, late: 2, lapsed: 3 } as const;

/** Every admissible start, ranked: what findSlots must return (brute force, luxon, applyEvent). */
function oracle(s: Scenario, plan: Plan, k: number): { start: number; fit: string; resource: string | undefined }[] {
  const a = s.availability;
  const zone = a.timeZone;
  const spec = s.protocol.sessions[k - 1];
  if (spec === undefined) return [];
  const f = mustOk(forecast(plan, { protocol: s.protocol, asOf: new Date(s.asOf).toISOString() })).sessions[k - 1];
  const recommended = DateTime.fromISO(f?.recommended ?? '', { zone: 'utc' });
  const anchor = plan.sessions[k - 2]?.completed?.start;
  const anchorDate =
    anchor === undefined
      ? undefined
      : DateTime.fromISO(DateTime.fromMillis(Date.parse(anchor), { zone: plan.timeZone }).toISODate() as string, { zone: 'utc' });
  const asOfDate = DateTime.fromMillis(s.asOf, { zone }).startOf('day');
  const step = a.slotStepMinutes ?? 30;
  const out: { start: number; fit: string; resource: string | undefined; rank: number; distance: number }[] = [];
  for (let d = 0; d <= (a.horizonDays ?? 90); d++) {
    const date = asOfDate.plus({ days: d }).startOf('day');
    for (const r of rangesOn(a, date)) {
      const close = closingInstant(date, r.close, zone);
      for (let m = r.open; m < r.close; m += step) {
        const start = wallInstant(date, m, zone);
        if (start === undefined) continue;
        const end = start + spec.durationMinutes * MIN;
        if (end > close || start < s.asOf + (a.minimumNoticeMinutes ?? 0) * MIN) continue;
        const from = start - (a.bufferBeforeMinutes ?? 0) * MIN;
        const to = end + (a.bufferAfterMinutes ?? 0) * MIN;
        const resource = (a.resources ?? [undefined]).find((name) => !blocks(a, name, from, to));
        if (resource === undefined && a.resources !== undefined) continue;
        if (a.resources === undefined && blocks(a, undefined, from, to)) continue;
        const clash = plan.sessions.some((x) => {
          const iv = x.completed ?? x.booking;
          return iv !== undefined && x.number !== k && from < Date.parse(iv.end) && Date.parse(iv.start) < to;
        });
        if (clash) continue;
        const iso = new Date(start).toISOString();
        if (
          !applyEvent(
            plan,
            { id: 'probe', type: 'sessionBooked', at: new Date(s.asOf).toISOString(), session: k, start: iso },
            { protocol: s.protocol },
          ).ok
        )
          continue;
        const localDate = DateTime.fromISO(DateTime.fromMillis(start, { zone: plan.timeZone }).toISODate() as string, { zone: 'utc' });
        let fit: keyof typeof FIT = 'onTime';
        const gap = spec.gaps[0];
        if (gap !== undefined && anchorDate !== undefined) {
          const days = Math.round(localDate.diff(anchorDate, 'days').days);
          fit =
            days < gap.earliestRecommendedDays
              ? 'early'
              : days <= gap.latestRecommendedDays
                ? 'onTime'
                : gap.maximumDays === undefined || days <= gap.maximumDays
                  ? 'late'
                  : 'lapsed';
        }
        out.push({ start, fit, resource, rank: FIT[fit], distance: Math.abs(Math.round(localDate.diff(recommended, 'days').days)) });
      }
    }
  }
  out.sort((x, y) => x.rank - y.rank || x.distance - y.distance || x.start - y.start);
  return out.map(({ start, fit, resource }) => ({ start, fit, resource }));
}

// ---------------------------------------------------------------------------------------------

describe('findSlots properties', () => {
  it('every slot is inside opening hours, clear of busy intervals and buffers, after notice, within the horizon, and respects every gap', () => {
    // numRuns: 100 random clinics and plans (about 2 s on this machine).
    fc.assert(
      fc.property(scenarioArb(30), fc.integer({ min: 1, max: 40 }), (s, limit) => {
        const plan = planOf(s);
        const out = findSlots(plan, { protocol: s.protocol, availability: s.availability, asOf: new Date(s.asOf).toISOString(), limit });
        if (!out.ok) {
          expect(out.findings.map((f) => f.code)).toEqual(['NO_SLOT_AVAILABLE']);
          return;
        }
        expect(out.value.length).toBeGreaterThan(0);
        expect(out.value.length).toBeLessThanOrEqual(limit);
        expect(new Set(out.value.map((x) => x.start)).size).toBe(out.value.length);
        const k = s.session1DaysAgo === null ? 1 : 2;
        const duration = s.protocol.sessions[k - 1]?.durationMinutes ?? 0;
        for (const slot of out.value) {
          expect(slot.session).toBe(k);
          expect(slotViolations(s, plan, slot, duration), JSON.stringify(slot)).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('returns exactly the best-ranked admissible starts a brute-force search finds', () => {
    // numRuns: 60, with horizons up to 12 days so the oracle stays fast (about 3 s).
    fc.assert(
      fc.property(scenarioArb(12), (s) => {
        const plan = planOf(s);
        const k = s.session1DaysAgo === null ? 1 : 2;
        const expected = oracle(s, plan, k).slice(0, 1_000);
        const out = findSlots(plan, {
          protocol: s.protocol,
          availability: s.availability,
          asOf: new Date(s.asOf).toISOString(),
          limit: 1_000,
        });
        const got = out.ok ? out.value.map((x) => ({ start: Date.parse(x.start), fit: x.fit, resource: x.resource })) : [];
        expect(got).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('proposal properties', () => {
  it('every proposed course and every proposed move replays through applyEvent, in the order given', () => {
    // numRuns: 80 random clinics and plans; each proposes a course, then moves session 2.
    fc.assert(
      fc.property(scenarioArb(60), fc.integer({ min: 0, max: 40 * 96 }), (s, quarter) => {
        const s2 = Object.defineProperty(
          { ...s, availability: { ...s.availability, horizonDays: Math.max(s.availability.horizonDays ?? 90, 45) } },
          'protocol',
          { value: s.protocol, enumerable: false },
        ) as Scenario;
        const plan = planOf(s2);
        const asOf = new Date(s2.asOf).toISOString();
        const course = proposeSchedule(plan, { protocol: s2.protocol, availability: s2.availability, asOf });
        if (!course.ok) {
          expect(course.findings.map((f) => f.code)).toEqual(['NO_SLOT_AVAILABLE']);
          return;
        }
        let booked = plan;
        for (const e of course.value.events) booked = mustOk(applyEvent(booked, e, { protocol: s2.protocol }));
        expect(course.value.sessions.map((x) => x.session)).toEqual(
          plan.sessions.filter((x) => x.state !== 'completed').map((x) => x.number),
        );
        for (const slot of course.value.sessions) {
          const duration = s2.protocol.sessions[slot.session - 1]?.durationMinutes ?? 0;
          const before = {
            ...booked,
            sessions: booked.sessions.map((x) =>
              x.number >= slot.session ? { number: x.number, phase: x.phase, state: 'pending' as const } : x,
            ),
          };
          expect(
            slotViolations(s2, before, slot, duration).filter((v) => !v.startsWith('applyEvent')),
            JSON.stringify(slot),
          ).toEqual([]);
        }

        // Move session 2 to a random quarter hour within the next 40 days.
        const start = new Date(Math.ceil(s2.asOf / (15 * MIN)) * 15 * MIN + quarter * 15 * MIN).toISOString();
        const moved = proposeReschedule(booked, { protocol: s2.protocol, availability: s2.availability, asOf, session: 2, start });
        if (!moved.ok) {
          for (const f of moved.findings) {
            expect([
              'NO_SLOT_AVAILABLE',
              'DOWNSTREAM_CONFLICT',
              'SPACING_TOO_SOON',
              'SPACING_BELOW_MINIMUM',
              'BOOKING_IN_PAST',
              'SESSION_OUT_OF_ORDER',
              'BOOKING_OVERLAP',
            ]).toContain(f.code);
          }
          return;
        }
        let after = booked;
        for (const e of moved.value.events) after = mustOk(applyEvent(after, e, { protocol: s2.protocol }));
        expect(Date.parse(after.sessions[1]?.booking?.start ?? '')).toBe(Date.parse(start));
      }),
      { numRuns: 80 },
    );
  }, 60_000);
});
