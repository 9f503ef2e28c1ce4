/**
 * planChanges: the reminders and calendar entries a plan calls for, as a difference between two
 * plans. Examples with exact ids and instants, and a property: folding planChanges over any
 * accepted event sequence leaves exactly what planChanges(undefined, finalPlan) creates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  createPlan,
  planChanges,
  protocols,
  standardProtocol,
  type CalendarEntry,
  type Plan,
  type PlanChanges,
  type Protocol,
  type Reminder,
} from 'smp-protocol';
import { aPlan, smpArbitraries } from 'smp-protocol/testing';
import { toICalendar } from 'smp-protocol/ical';

function built(b: ReturnType<typeof aPlan>): Plan {
  const out = b.build();
  if (!out.ok) throw new Error(out.findings.map((f) => f.message).join('; '));
  return out.value;
}
function apply(plan: Plan, event: Record<string, unknown>, protocol: Protocol = standardProtocol): Plan {
  const out = applyEvent(plan, event, { protocol });
  if (!out.ok) throw new Error(out.findings.map((f) => f.message).join('; '));
  return out.value;
}
function changes(before: Plan | undefined, after: Plan, protocol: Protocol = standardProtocol): PlanChanges {
  const out = planChanges(before, after, { protocol });
  if (!out.ok) throw new Error(out.findings.map((f) => f.message).join('; '));
  return out.value;
}
const ids = (xs: readonly { id: string }[]): string[] => xs.map((x) => x.id).sort();

describe('planChanges', () => {
  const booked = built(
    aPlan().inZone('Europe/London').withId('plan-1').createdAt('2026-03-01T09:00:00Z').withSession(1, '2026-03-23T10:00', 'booked'),
  );

  it('a new plan with session 1 booked: two appointment reminders, its preparation and one calendar entry', () => {
    const c = changes(undefined, booked);
    const appointment = c.reminders.schedule.filter((r) => r.kind === 'appointment');
    expect(appointment.map((r) => [r.id, r.dueAt])).toEqual([
      ['plan-1/1/appointment/2880m', '2026-03-21T10:00:00+00:00'],
      ['plan-1/1/appointment/120m', '2026-03-23T08:00:00+00:00'],
    ]);
    const prep = c.reminders.schedule.filter((r) => r.kind === 'preparation');
    expect(prep.length).toBe(standardProtocol.preparation?.length ?? 0);
    expect(prep.every((r) => r.id.startsWith('plan-1/1/preparation/'))).toBe(true);
    expect(c.reminders.cancel).toEqual([]);
    expect(c.calendar.create).toEqual([
      {
        id: 'plan-1/1/appointment',
        uid: 'plan-1-s1@smp-protocol',
        session: 1,
        status: 'booked',
        start: '2026-03-23T10:00:00+00:00',
        end: '2026-03-23T14:00:00+00:00',
        sequence: 0,
        title: standardProtocol.sessions[0]?.title,
      },
    ]);
  });

  it('offsets are configurable and the 48 h reminder crosses the DST change in real hours', () => {
    const plan = built(
      aPlan().inZone('Europe/London').withId('plan-1').createdAt('2026-03-01T09:00:00Z').withSession(1, '2026-03-30T10:00', 'booked'),
    );
    const out = planChanges(undefined, plan, { protocol: standardProtocol, reminders: { appointmentMinutesBefore: [2880, 1440] } });
    expect(out.ok && out.value.reminders.schedule.filter((r) => r.kind === 'appointment').map((r) => r.dueAt)).toEqual([
      '2026-03-28T09:00:00+00:00',
      '2026-03-29T10:00:00+01:00',
    ]);
  });

  it('a reschedule moves exactly the stale reminders, updates the entry with SEQUENCE 1, cancels nothing', () => {
    const moved = apply(booked, {
      id: 'm1',
      type: 'sessionRescheduled',
      at: '2026-03-02T09:00:00Z',
      session: 1,
      start: '2026-03-24T10:00:00Z',
    });
    const c = changes(booked, moved);
    expect(c.reminders.cancel).toEqual([]);
    expect(ids(c.reminders.schedule)).toEqual(ids(changes(undefined, booked).reminders.schedule));
    expect(c.reminders.schedule.find((r) => r.id === 'plan-1/1/appointment/120m')?.dueAt).toBe('2026-03-24T08:00:00+00:00');
    expect(c.calendar.create).toEqual([]);
    expect(c.calendar.update.map((e) => [e.id, e.start, e.sequence])).toEqual([['plan-1/1/appointment', '2026-03-24T10:00:00Z', 1]]);
    // The same SEQUENCE as the iCalendar export.
    const ics = toICalendar(moved, { protocol: standardProtocol });
    expect(ics.ok && ics.value).toContain('SEQUENCE:1');
  });

  it('a cancellation cancels the reminders and the calendar entry (with a higher SEQUENCE)', () => {
    const cancelled = apply(booked, { id: 'c1', type: 'sessionCancelled', at: '2026-03-02T09:00:00Z', session: 1 });
    const c = changes(booked, cancelled);
    expect(c.reminders.schedule).toEqual([]);
    expect(ids(c.reminders.cancel)).toEqual(ids(changes(undefined, booked).reminders.schedule));
    expect(c.calendar.cancel.map((e) => [e.id, e.sequence])).toEqual([['plan-1/1/appointment', 1]]);
  });

  it('a completion replaces appointment reminders with aftercare; the entry becomes completed', () => {
    const done = apply(booked, { id: 'd1', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1 });
    const c = changes(booked, done);
    expect(c.reminders.cancel.every((r) => r.kind === 'appointment' || r.kind === 'preparation')).toBe(true);
    expect(c.reminders.cancel.filter((r) => r.kind === 'appointment')).toHaveLength(2);
    const care = c.reminders.schedule.filter((r) => r.kind === 'aftercare');
    expect(care.length).toBeGreaterThan(0);
    expect(care.find((r) => r.id === 'plan-1/1/aftercare/no-shampoo')?.dueAt).toBe('2026-03-23T14:00:00+00:00');
    expect(c.calendar.update.map((e) => [e.status, e.sequence])).toEqual([['completed', 0]]);
  });

  it('a completed course schedules the review and maintenance recalls at 09:00 local on the first day', () => {
    const done = built(
      aPlan()
        .inZone('Europe/London')
        .withId('plan-1')
        .withSession(1, '2026-03-23T10:00')
        .withSession(2, '2026-04-02T10:00')
        .withSession(3, '2026-04-16T10:00'),
    );
    const recalls = changes(undefined, done).reminders.schedule.filter((r) => r.kind === 'review' || r.kind === 'maintenance');
    expect(recalls.map((r) => [r.id, r.dueAt, r.window?.recommended])).toEqual([
      ['plan-1/review', '2026-05-07T09:00:00+01:00', '2026-05-16'],
      ['plan-1/maintenance', '2027-10-16T09:00:00+01:00', '2029-04-16'],
    ]);
  });

  it('no change: nothing to do; closing cancels every booking', () => {
    const none = changes(booked, booked);
    expect(none).toEqual({ reminders: { schedule: [], cancel: [] }, calendar: { create: [], update: [], cancel: [] } });
    const closed = apply(booked, { id: 'x1', type: 'planClosed', at: '2026-03-02T09:00:00Z', reason: 'moved away' });
    const c = changes(booked, closed);
    expect(c.calendar.cancel.map((e) => e.id)).toEqual(['plan-1/1/appointment']);
    expect(c.reminders.schedule).toEqual([]);
  });

  it('resolves the protocol from protocols by id and version, else PROTOCOL_MISMATCH', () => {
    const viaList = planChanges(undefined, booked, { protocols: Object.values(protocols) });
    expect(viaList.ok).toBe(true);
    const none = planChanges(undefined, booked, { protocols: [protocols['scar-camouflage']] });
    expect(none.ok ? [] : none.findings.map((f) => f.code)).toEqual(['PROTOCOL_MISMATCH']);
  });

  it('refuses bad input with findings, never a throw', () => {
    const bad = planChanges(undefined, 'nope' as unknown as Plan, { protocol: standardProtocol });
    expect(bad.ok ? [] : bad.findings.map((f) => f.code)).toContain('INVALID_INPUT');
    const opts = planChanges(undefined, booked, { protocol: standardProtocol, reminders: { appointmentMinutesBefore: [-5] } });
    expect(opts.ok ? [] : opts.findings.map((f) => f.path?.join('.'))).toEqual(['options.reminders.appointmentMinutesBefore']);
    const other = built(aPlan().withId('plan-2').withSession(1, '2026-03-23T10:00', 'booked'));
    const mixed = planChanges(other, booked, { protocol: standardProtocol });
    expect(mixed.ok).toBe(false);
  });
});

describe('planChanges folded over a history', () => {
  type Live = { reminders: Map<string, Reminder>; calendar: Map<string, CalendarEntry> };
  const fold = (live: Live, c: PlanChanges): void => {
    for (const r of c.reminders.schedule) live.reminders.set(r.id, r);
    for (const r of c.reminders.cancel) {
      expect(live.reminders.has(r.id)).toBe(true);
      live.reminders.delete(r.id);
    }
    for (const e of c.calendar.create) {
      expect(live.calendar.has(e.id)).toBe(false);
      live.calendar.set(e.id, e);
    }
    for (const e of c.calendar.update) {
      expect(live.calendar.has(e.id)).toBe(true);
      live.calendar.set(e.id, e);
    }
    for (const e of c.calendar.cancel) {
      expect(live.calendar.has(e.id)).toBe(true);
      live.calendar.delete(e.id);
    }
  };

  // Steered steps: each integer picks an action against the current plan, so courses get
  // booked, moved, cancelled, missed and completed (a uniform sequence rarely passes session 1).
  const step = fc.record({
    action: fc.integer({ min: 0, max: 9 }),
    days: fc.integer({ min: 0, max: 40 }),
    hour: fc.integer({ min: 8, max: 17 }),
  });
  const DAY = 86_400_000;

  function steer(plan: Plan, s: { action: number; days: number; hour: number }, clock: number, i: number): Record<string, unknown> {
    const booked = plan.sessions.filter((x) => x.state === 'booked');
    const pending = plan.sessions.find((x) => x.state === 'pending');
    const at = new Date(clock).toISOString();
    const startAt = (base: number): string => new Date(Math.floor(base / DAY) * DAY + s.days * DAY + s.hour * 3_600_000).toISOString();
    const id = `e${i}`;
    switch (s.action) {
      case 0:
      case 1:
      case 2:
        return pending === undefined
          ? { id, type: 'sessionAdded', at, reason: 'more pigment' }
          : { id, type: 'sessionBooked', at, session: pending.number, start: startAt(clock + DAY) };
      case 3: {
        const b = booked.at(-1);
        return b === undefined
          ? { id, type: 'planPaused', at, reason: 'client request' }
          : { id, type: 'sessionRescheduled', at, session: b.number, start: startAt(clock + DAY) };
      }
      case 4: {
        const b = booked.at(-1);
        return { id, type: 'sessionCancelled', at, session: b?.number ?? 1 };
      }
      case 5:
      case 6:
      case 7: {
        const b = booked[0];
        return { id, type: 'sessionCompleted', at: b?.booking?.end ?? at, session: b?.number ?? 1 };
      }
      case 8: {
        const b = booked[0];
        return s.days % 2 === 0
          ? { id, type: 'sessionMissed', at: b?.booking?.end ?? at, session: b?.number ?? 1 }
          : { id, type: 'planResumed', at };
      }
      default:
        return s.days % 5 === 0
          ? { id, type: 'planClosed', at, reason: 'moved away' }
          : { id, type: 'planPaused', at, reason: 'client request' };
    }
  }

  it('leaves exactly the jobs planChanges(undefined, finalPlan) creates', () => {
    const arb = smpArbitraries(fc);
    fc.assert(
      fc.property(arb.protocol(), arb.timeZone(), fc.array(step, { maxLength: 30 }), (protocol, zone, steps) => {
        const created = createPlan({ id: 'prop', clientId: 'c', protocol, timeZone: zone, createdAt: '2026-03-01T09:00:00Z' });
        if (!created.ok) throw new Error('createPlan');
        let plan = created.value;
        const live: Live = { reminders: new Map(), calendar: new Map() };
        fold(live, changes(undefined, plan, protocol));
        let clock = Date.parse('2026-03-01T09:00:00Z');
        steps.forEach((s, i) => {
          const ev = steer(plan, s, clock, i);
          const out = applyEvent(plan, ev, { protocol });
          if (!out.ok) return;
          fold(live, changes(plan, out.value, protocol));
          plan = out.value;
          const at = Date.parse(String(ev.at));
          if (Number.isFinite(at) && at > clock) clock = at;
          clock += DAY;
        });
        const fresh = changes(undefined, plan, protocol);
        const sortById = <T extends { id: string }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => a.id.localeCompare(b.id));
        expect(sortById([...live.reminders.values()])).toEqual(sortById(fresh.reminders.schedule));
        expect(sortById([...live.calendar.values()])).toEqual(sortById(fresh.calendar.create));
        expect(fresh.reminders.cancel).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("also over the kit's random event sequences", () => {
    const arb = smpArbitraries(fc);
    fc.assert(
      fc.property(arb.protocol(), arb.eventSequence({ maxLength: 25 }), (protocol, events) => {
        const created = createPlan({ id: 'prop', clientId: 'c', protocol, timeZone: 'Europe/London', createdAt: '2026-02-28T09:00:00Z' });
        if (!created.ok) throw new Error('createPlan');
        let plan = created.value;
        const live: Live = { reminders: new Map(), calendar: new Map() };
        for (const ev of events) {
          const out = applyEvent(plan, ev, { protocol });
          if (!out.ok) continue;
          fold(live, changes(plan, out.value, protocol));
          plan = out.value;
        }
        const fresh = changes(undefined, plan, protocol);
        expect(new Set(live.reminders.keys())).toEqual(new Set(ids(fresh.reminders.schedule)));
        expect(new Set(live.calendar.keys())).toEqual(new Set(ids(fresh.calendar.create)));
      }),
      { numRuns: 150 },
    );
  });
});
