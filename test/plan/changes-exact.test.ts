/**
 * planChanges, record by record: the exact reminders and calendar entries each kind of event
 * asks for (every field), the iCalendar SEQUENCE through bookings, moves, cancellations, no-shows,
 * completions and closure, the recall instants, the reminder settings and their refusals, and the
 * refusals of bad arguments. All on the small `mini` protocol, so every record can be written out.
 */
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  createPlan,
  parsePlan,
  planChanges,
  type Plan,
  type PlanChanges,
  type PlanChangesOptions,
  type Protocol,
} from 'smp-protocol';
import { mustFail, mustOk } from '../support/plans.js';
import { mini, miniVariant } from './mini-protocol.js';

const NONE: PlanChanges = { reminders: { schedule: [], cancel: [] }, calendar: { create: [], update: [], cancel: [] } };

function fresh(protocol: Protocol = mini, timeZone = 'Europe/London', createdAt = '2026-03-01T09:00:00Z'): Plan {
  return mustOk(createPlan({ id: 'p', clientId: 'c', protocol, timeZone, createdAt }));
}
function apply(plan: Plan, event: Record<string, unknown>, protocol: Protocol = mini): Plan {
  return mustOk(applyEvent(plan, event, { protocol }));
}
function applyAll(plan: Plan, events: Record<string, unknown>[], protocol: Protocol = mini): Plan {
  return events.reduce<Plan>((p, e) => apply(p, e, protocol), plan);
}
function diff(before: Plan | undefined, after: Plan, options: PlanChangesOptions = { protocol: mini }): PlanChanges {
  return mustOk(planChanges(before, after, options));
}

const book1 = { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:05:00Z', session: 1, start: '2026-03-10T10:00:00Z' };
const done1 = { id: 'e2', type: 'sessionCompleted', at: '2026-03-10T11:00:00Z', session: 1 };
const book2 = { id: 'e3', type: 'sessionBooked', at: '2026-03-11T09:05:00Z', session: 2, start: '2026-03-16T10:00:00Z' };
const done2 = { id: 'e4', type: 'sessionCompleted', at: '2026-03-16T12:00:00Z', session: 2 };

/** Session 1's three reminders for a booking at `start` (10:00 UTC on a March day, London on GMT) ending at `end`. */
function s1Reminders(day: string, end = `${day}T11:00:00+00:00`, start = `${day}T10:00:00Z`) {
  const d = Number(day.slice(8));
  const two = (n: number): string => String(n).padStart(2, '0');
  const before2 = `${day.slice(0, 8)}${two(d - 2)}T10:00:00+00:00`;
  return [
    { id: 'p/1/appointment/2880m', kind: 'appointment', session: 1, dueAt: before2, title: 'Base in 48 hours', start, end },
    { id: 'p/1/appointment/120m', kind: 'appointment', session: 1, dueAt: `${day}T08:00:00+00:00`, title: 'Base in 2 hours', start, end },
    {
      id: 'p/1/preparation/no-alcohol',
      kind: 'preparation',
      session: 1,
      dueAt: before2,
      title: 'No alcohol',
      instruction: 'None.',
      start: before2,
      end: `${day}T08:00:00+00:00`,
    },
  ];
}
function s1Entry(status: 'booked' | 'completed', start: string, end: string, sequence: number) {
  return { id: 'p/1/appointment', uid: 'p-s1@smp-protocol', session: 1, status, start, end, sequence, title: 'Base' };
}

describe('planChanges: each kind of event, every field', () => {
  const created = fresh();
  const booked = apply(created, book1);

  it('a new draft plan calls for nothing', () => {
    expect(diff(undefined, created)).toEqual(NONE);
    expect(diff(created, created)).toEqual(NONE);
  });

  it('a booking: the appointment reminders (48 h, 2 h), the preparation item and a calendar entry with SEQUENCE 0', () => {
    expect(diff(created, booked)).toEqual({
      reminders: { schedule: s1Reminders('2026-03-10'), cancel: [] },
      calendar: { create: [s1Entry('booked', '2026-03-10T10:00:00Z', '2026-03-10T11:00:00+00:00', 0)], update: [], cancel: [] },
    });
    // A new plan (no before) gives the same.
    expect(diff(undefined, booked)).toEqual(diff(created, booked));
  });

  it('a completion: the aftercare item, the booking reminders cancelled, the entry updated to completed', () => {
    const done = apply(booked, done1);
    expect(diff(booked, done)).toEqual({
      reminders: {
        schedule: [
          {
            id: 'p/1/aftercare/keep-dry',
            kind: 'aftercare',
            session: 1,
            dueAt: '2026-03-10T11:00:00+00:00',
            title: 'Keep dry',
            instruction: 'Dry.',
            start: '2026-03-10T11:00:00+00:00',
            end: '2026-03-13T11:00:00+00:00',
          },
        ],
        cancel: s1Reminders('2026-03-10'),
      },
      calendar: { create: [], update: [s1Entry('completed', '2026-03-10T10:00:00Z', '2026-03-10T11:00:00+00:00', 0)], cancel: [] },
    });
  });

  it('a move: every reminder of the session moves, the entry gets SEQUENCE 1, nothing is cancelled', () => {
    const moved = apply(booked, {
      id: 'm1',
      type: 'sessionRescheduled',
      at: '2026-03-02T09:00:00Z',
      session: 1,
      start: '2026-03-12T10:00:00Z',
    });
    expect(diff(booked, moved)).toEqual({
      reminders: { schedule: s1Reminders('2026-03-12'), cancel: [] },
      calendar: { create: [], update: [s1Entry('booked', '2026-03-12T10:00:00Z', '2026-03-12T11:00:00+00:00', 1)], cancel: [] },
    });
  });

  it('a move to the same start changes nothing: no reminder, no new SEQUENCE', () => {
    const same = apply(booked, {
      id: 'm1',
      type: 'sessionRescheduled',
      at: '2026-03-02T09:00:00Z',
      session: 1,
      start: '2026-03-10T10:00:00Z',
    });
    expect(diff(booked, same)).toEqual(NONE);
    expect(diff(undefined, same).calendar.create).toEqual([s1Entry('booked', '2026-03-10T10:00:00Z', '2026-03-10T11:00:00+00:00', 0)]);
  });

  it('a move that only changes the length: the appointment reminders (their end) and the entry move; the preparation item does not', () => {
    const longer = apply(booked, {
      id: 'm1',
      type: 'sessionRescheduled',
      at: '2026-03-02T09:00:00Z',
      session: 1,
      start: '2026-03-10T10:00:00Z',
      durationMinutes: 75,
    });
    expect(diff(booked, longer)).toEqual({
      reminders: { schedule: s1Reminders('2026-03-10', '2026-03-10T11:15:00+00:00').slice(0, 2), cancel: [] },
      calendar: { create: [], update: [s1Entry('booked', '2026-03-10T10:00:00Z', '2026-03-10T11:15:00+00:00', 1)], cancel: [] },
    });
  });

  it('a move of the start alone (a shorter session ending as booked): SEQUENCE 1', () => {
    const later = apply(booked, {
      id: 'm1',
      type: 'sessionRescheduled',
      at: '2026-03-02T09:00:00Z',
      session: 1,
      start: '2026-03-10T10:30:00Z',
      durationMinutes: 30,
    });
    expect(diff(booked, later).calendar.update).toEqual([s1Entry('booked', '2026-03-10T10:30:00Z', '2026-03-10T11:00:00+00:00', 1)]);
  });

  it('a no-show changes no SEQUENCE by itself: booked again (1), moved (2), completed as booked (2)', () => {
    const own = apply(created, { ...book1, durationMinutes: 45 });
    const done = applyAll(own, [
      { id: 'n1', type: 'sessionMissed', at: '2026-03-10T11:00:00Z', session: 1 },
      { id: 'b2', type: 'sessionBooked', at: '2026-03-10T12:00:00Z', session: 1, start: '2026-03-14T10:00:00Z' },
      { id: 'm2', type: 'sessionRescheduled', at: '2026-03-10T13:00:00Z', session: 1, start: '2026-03-15T10:00:00Z' },
      { id: 'd1', type: 'sessionCompleted', at: '2026-03-15T11:00:00Z', session: 1 },
    ]);
    expect(diff(undefined, done).calendar.create).toEqual([s1Entry('completed', '2026-03-15T10:00:00Z', '2026-03-15T11:00:00+00:00', 2)]);
  });

  it('a booking with its own length, then a move that keeps it', () => {
    const own = apply(created, { ...book1, durationMinutes: 45 });
    expect(diff(created, own).calendar.create).toEqual([s1Entry('booked', '2026-03-10T10:00:00Z', '2026-03-10T10:45:00+00:00', 0)]);
    const moved = apply(own, {
      id: 'm1',
      type: 'sessionRescheduled',
      at: '2026-03-02T09:00:00Z',
      session: 1,
      start: '2026-03-12T10:00:00Z',
    });
    expect(diff(own, moved).calendar.update).toEqual([s1Entry('booked', '2026-03-12T10:00:00Z', '2026-03-12T10:45:00+00:00', 1)]);
    // Cancelling it: the entry as it was, one SEQUENCE higher.
    const cancelled = apply(moved, { id: 'x1', type: 'sessionCancelled', at: '2026-03-03T09:00:00Z', session: 1 });
    expect(diff(moved, cancelled).calendar.cancel).toEqual([s1Entry('booked', '2026-03-12T10:00:00Z', '2026-03-12T10:45:00+00:00', 2)]);
    // Booked again at the first time: a new entry, SEQUENCE 3 (moved, cancelled, booked again).
    const again = apply(cancelled, {
      id: 'b2',
      type: 'sessionBooked',
      at: '2026-03-03T10:00:00Z',
      session: 1,
      start: '2026-03-10T10:00:00Z',
    });
    expect(diff(cancelled, again).calendar.create).toEqual([s1Entry('booked', '2026-03-10T10:00:00Z', '2026-03-10T11:00:00+00:00', 3)]);
  });

  it('a move to the same start of a booking with its own length keeps that length: nothing changes', () => {
    const own = apply(created, { ...book1, durationMinutes: 45 });
    const same = apply(own, {
      id: 'm1',
      type: 'sessionRescheduled',
      at: '2026-03-02T09:00:00Z',
      session: 1,
      start: '2026-03-10T10:00:00Z',
    });
    expect(diff(own, same)).toEqual(NONE);
    expect(diff(undefined, same).calendar.create).toEqual([s1Entry('booked', '2026-03-10T10:00:00Z', '2026-03-10T10:45:00+00:00', 0)]);
  });

  it('a cancellation: every reminder cancelled as it was, the entry cancelled with SEQUENCE 1', () => {
    const cancelled = apply(booked, { id: 'x1', type: 'sessionCancelled', at: '2026-03-02T09:00:00Z', session: 1 });
    expect(diff(booked, cancelled)).toEqual({
      reminders: { schedule: [], cancel: s1Reminders('2026-03-10') },
      calendar: { create: [], update: [], cancel: [s1Entry('booked', '2026-03-10T10:00:00Z', '2026-03-10T11:00:00+00:00', 1)] },
    });
    // Booked again at the same time: a new entry whose SEQUENCE counts the cancellation and the new booking.
    const again = apply(cancelled, {
      id: 'b2',
      type: 'sessionBooked',
      at: '2026-03-02T10:00:00Z',
      session: 1,
      start: '2026-03-10T10:00:00Z',
    });
    expect(diff(cancelled, again)).toEqual({
      reminders: { schedule: s1Reminders('2026-03-10'), cancel: [] },
      calendar: { create: [s1Entry('booked', '2026-03-10T10:00:00Z', '2026-03-10T11:00:00+00:00', 2)], update: [], cancel: [] },
    });
  });

  it('a no-show: the entry is cancelled one SEQUENCE above its own; a new booking starts from the last one sent', () => {
    const missed = apply(booked, { id: 'n1', type: 'sessionMissed', at: '2026-03-10T11:00:00Z', session: 1 });
    expect(diff(booked, missed)).toEqual({
      reminders: { schedule: [], cancel: s1Reminders('2026-03-10') },
      calendar: { create: [], update: [], cancel: [s1Entry('booked', '2026-03-10T10:00:00Z', '2026-03-10T11:00:00+00:00', 1)] },
    });
    const again = apply(missed, { id: 'b2', type: 'sessionBooked', at: '2026-03-10T12:00:00Z', session: 1, start: '2026-03-14T10:00:00Z' });
    expect(diff(missed, again).calendar.create).toEqual([s1Entry('booked', '2026-03-14T10:00:00Z', '2026-03-14T11:00:00+00:00', 1)]);
  });

  it('two changes at once (a move, then a cancellation): the cancelled entry carries the SEQUENCE of both', () => {
    const moved = apply(booked, {
      id: 'm1',
      type: 'sessionRescheduled',
      at: '2026-03-02T09:00:00Z',
      session: 1,
      start: '2026-03-12T10:00:00Z',
    });
    const cancelled = apply(moved, { id: 'x1', type: 'sessionCancelled', at: '2026-03-02T10:00:00Z', session: 1 });
    expect(diff(booked, cancelled).calendar.cancel).toEqual([s1Entry('booked', '2026-03-10T10:00:00Z', '2026-03-10T11:00:00+00:00', 2)]);
  });

  it('two changes at once (a move, then closing the plan): the cancelled entry carries the SEQUENCE of both', () => {
    const moved = apply(booked, {
      id: 'm1',
      type: 'sessionRescheduled',
      at: '2026-03-02T09:00:00Z',
      session: 1,
      start: '2026-03-12T10:00:00Z',
    });
    const closed = apply(moved, { id: 'z1', type: 'planClosed', at: '2026-03-02T10:00:00Z', reason: 'moved away' });
    expect(diff(booked, closed).calendar.cancel).toEqual([s1Entry('booked', '2026-03-10T10:00:00Z', '2026-03-10T11:00:00+00:00', 2)]);
    expect(diff(moved, closed).calendar.cancel).toEqual([s1Entry('booked', '2026-03-12T10:00:00Z', '2026-03-12T11:00:00+00:00', 2)]);
  });

  it('a completion that ends before the booked end: the completed entry with its real end and SEQUENCE 1', () => {
    const early = apply(booked, { id: 'd1', type: 'sessionCompleted', at: '2026-03-10T10:30:00Z', session: 1 });
    const c = diff(booked, early);
    expect(c.calendar.update).toEqual([s1Entry('completed', '2026-03-10T10:00:00Z', '2026-03-10T10:30:00+00:00', 1)]);
    expect(c.reminders.schedule.map((r) => [r.id, r.dueAt, r.start, r.end])).toEqual([
      ['p/1/aftercare/keep-dry', '2026-03-10T10:30:00+00:00', '2026-03-10T10:30:00+00:00', '2026-03-13T10:30:00+00:00'],
    ]);
  });

  it('a completion at other times than booked: SEQUENCE 1', () => {
    const other = apply(booked, {
      id: 'd1',
      type: 'sessionCompleted',
      at: '2026-03-10T13:00:00Z',
      session: 1,
      start: '2026-03-10T11:00:00Z',
      end: '2026-03-10T12:00:00Z',
    });
    expect(diff(booked, other).calendar.update).toEqual([s1Entry('completed', '2026-03-10T11:00:00Z', '2026-03-10T12:00:00Z', 1)]);
  });

  it('a completion never booked: a completed entry with SEQUENCE 0 and the aftercare', () => {
    const walkIn = apply(created, {
      id: 'd1',
      type: 'sessionCompleted',
      at: '2026-03-10T13:00:00Z',
      session: 1,
      start: '2026-03-10T11:00:00Z',
      end: '2026-03-10T12:00:00Z',
    });
    expect(diff(created, walkIn)).toEqual({
      reminders: {
        schedule: [
          {
            id: 'p/1/aftercare/keep-dry',
            kind: 'aftercare',
            session: 1,
            dueAt: '2026-03-10T12:00:00+00:00',
            title: 'Keep dry',
            instruction: 'Dry.',
            start: '2026-03-10T12:00:00+00:00',
            end: '2026-03-13T12:00:00+00:00',
          },
        ],
        cancel: [],
      },
      calendar: { create: [s1Entry('completed', '2026-03-10T11:00:00Z', '2026-03-10T12:00:00Z', 0)], update: [], cancel: [] },
    });
  });

  it('closing: the booked sessions are cancelled (SEQUENCE + 1); a completed session keeps its entry and aftercare', () => {
    const twoBooked = applyAll(created, [book1, done1, book2]);
    const closed = apply(twoBooked, { id: 'z1', type: 'planClosed', at: '2026-03-12T09:00:00Z', reason: 'moved away' });
    const c = diff(twoBooked, closed);
    expect(c.reminders.schedule).toEqual([]);
    expect(c.reminders.cancel.map((r) => r.id)).toEqual(['p/2/appointment/2880m', 'p/2/appointment/120m', 'p/2/preparation/no-alcohol']);
    expect(c.calendar).toEqual({
      create: [],
      update: [],
      cancel: [
        {
          id: 'p/2/appointment',
          uid: 'p-s2@smp-protocol',
          session: 2,
          status: 'booked',
          start: '2026-03-16T10:00:00Z',
          end: '2026-03-16T11:30:00+00:00',
          sequence: 1,
          title: 'Density',
        },
      ],
    });
    // What a closed plan still calls for: session 1's completed entry and its aftercare.
    const left = diff(undefined, closed);
    expect(left.calendar.create).toEqual([s1Entry('completed', '2026-03-10T10:00:00Z', '2026-03-10T11:00:00+00:00', 0)]);
    expect(left.reminders.schedule.map((r) => r.id)).toEqual(['p/1/aftercare/keep-dry']);
  });

  it('pausing and resuming change nothing', () => {
    const paused = apply(booked, { id: 'h1', type: 'planPaused', at: '2026-03-02T09:00:00Z', reason: 'travel' });
    expect(diff(booked, paused)).toEqual(NONE);
    const resumed = apply(paused, { id: 'h2', type: 'planResumed', at: '2026-03-03T09:00:00Z' });
    expect(diff(paused, resumed)).toEqual(NONE);
  });

  it('an extra session: the extra title and length', () => {
    const course = applyAll(created, [book1, done1, book2, done2]);
    const added = apply(course, { id: 'a1', type: 'sessionAdded', at: '2026-03-17T09:00:00Z', reason: 'more pigment' });
    const extra = apply(added, { id: 'b3', type: 'sessionBooked', at: '2026-03-17T09:05:00Z', session: 3, start: '2026-03-19T10:00:00Z' });
    const c = diff(added, extra);
    expect(c.calendar.create).toEqual([
      {
        id: 'p/3/appointment',
        uid: 'p-s3@smp-protocol',
        session: 3,
        status: 'booked',
        start: '2026-03-19T10:00:00Z',
        end: '2026-03-19T10:30:00+00:00',
        sequence: 0,
        title: 'Extra',
      },
    ]);
    expect(c.reminders.schedule.map((r) => [r.id, r.title, r.dueAt])).toEqual([
      ['p/3/appointment/2880m', 'Extra in 48 hours', '2026-03-17T10:00:00+00:00'],
      ['p/3/appointment/120m', 'Extra in 2 hours', '2026-03-19T08:00:00+00:00'],
      ['p/3/preparation/no-alcohol', 'No alcohol', '2026-03-17T10:00:00+00:00'],
    ]);
  });
});

describe('planChanges: review and maintenance recalls', () => {
  const created = fresh();
  const course = applyAll(created, [book1, done1, book2]);
  const done = apply(course, done2);

  it('a completed course: the recalls at 09:00 local on the first day of each window, with the windows', () => {
    expect(diff(course, done).reminders.schedule).toEqual([
      {
        id: 'p/2/aftercare/keep-dry',
        kind: 'aftercare',
        session: 2,
        dueAt: '2026-03-16T11:30:00+00:00',
        title: 'Keep dry',
        instruction: 'Dry.',
        start: '2026-03-16T11:30:00+00:00',
        end: '2026-03-19T11:30:00+00:00',
      },
      {
        id: 'p/review',
        kind: 'review',
        dueAt: '2026-04-06T09:00:00+01:00',
        title: 'Review appointment due',
        window: { earliest: '2026-04-06', recommended: '2026-04-15', latest: '2026-05-11' },
      },
      {
        id: 'p/maintenance',
        kind: 'maintenance',
        dueAt: '2027-09-16T09:00:00+01:00',
        title: 'Maintenance touch-up due',
        window: { earliest: '2027-09-16', recommended: '2029-03-16', latest: '2031-03-16' },
      },
    ]);
  });

  it('at the recall time given; an hour later when that time does not exist that day', () => {
    const at = (recallTime: string): string[] =>
      diff(undefined, done, { protocol: mini, reminders: { recallTime } })
        .reminders.schedule.filter((r) => r.session === undefined)
        .map((r) => r.dueAt);
    expect(at('07:30')).toEqual(['2026-04-06T07:30:00+01:00', '2027-09-16T07:30:00+01:00']);
    expect(at('23:59')).toEqual(['2026-04-06T23:59:00+01:00', '2027-09-16T23:59:00+01:00']);
    expect(at('00:00')).toEqual(['2026-04-06T00:00:00+01:00', '2027-09-16T00:00:00+01:00']);
    // Review window opening on 29 March 2026, the day London skips 01:00–02:00.
    const early = applyAll(created, [
      { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:05:00Z', session: 1, start: '2026-03-02T10:00:00Z' },
      { id: 'e2', type: 'sessionCompleted', at: '2026-03-02T11:00:00Z', session: 1 },
      { id: 'e3', type: 'sessionBooked', at: '2026-03-02T12:00:00Z', session: 2, start: '2026-03-08T10:00:00Z' },
      { id: 'e4', type: 'sessionCompleted', at: '2026-03-08T12:00:00Z', session: 2 },
    ]);
    const review = (recallTime: string): string | undefined =>
      diff(undefined, early, { protocol: mini, reminders: { recallTime } }).reminders.schedule.find((r) => r.id === 'p/review')?.dueAt;
    expect(review('01:30')).toBe('2026-03-29T02:30:00+01:00');
    expect(review('01:00')).toBe('2026-03-29T02:00:00+01:00');
    expect(review('02:00')).toBe('2026-03-29T02:00:00+01:00');
  });

  it('noon UTC when neither the recall time nor an hour later exists (Samoa skipped 30 December 2011)', () => {
    const apia = fresh(mini, 'Pacific/Apia', '2011-11-01T09:00:00Z');
    const done2011 = applyAll(apia, [
      { id: 'e1', type: 'sessionBooked', at: '2011-11-01T09:05:00Z', session: 1, start: '2011-11-30T20:00:00Z' },
      { id: 'e2', type: 'sessionCompleted', at: '2011-11-30T21:00:00Z', session: 1 },
      { id: 'e3', type: 'sessionBooked', at: '2011-12-01T09:05:00Z', session: 2, start: '2011-12-09T20:00:00Z' },
      { id: 'e4', type: 'sessionCompleted', at: '2011-12-09T22:00:00Z', session: 2 },
    ]);
    const review = diff(undefined, done2011).reminders.schedule.find((r) => r.id === 'p/review');
    expect(review?.window?.earliest).toBe('2011-12-30');
    expect(review?.dueAt).toBe('2011-12-30T12:00:00Z');
  });

  it('only the windows the protocol has', () => {
    const recalls = (which: 'none' | 'review' | 'maintenance'): string[] => {
      const p = miniVariant('mini', 1, which);
      const plan = applyAll(fresh(p), [book1, done1, book2, done2], p);
      return diff(undefined, plan, { protocol: p })
        .reminders.schedule.filter((r) => r.session === undefined)
        .map((r) => r.id);
    };
    expect(recalls('none')).toEqual([]);
    expect(recalls('review')).toEqual(['p/review']);
    expect(recalls('maintenance')).toEqual(['p/maintenance']);
  });
});

describe('planChanges at the ends of the supported range', () => {
  const inUtc = (createdAt: string, events: Record<string, unknown>[]): Plan => applyAll(fresh(mini, 'UTC', createdAt), events);

  it('a booking whose preparation would start before 1900-01-02: no preparation items, the 48-hour reminder due on the first supported instant', () => {
    const plan = inUtc('1900-01-02T00:00:00Z', [
      { id: 'e1', type: 'sessionBooked', at: '1900-01-02T01:00:00Z', session: 1, start: '1900-01-02T10:00:00Z' },
    ]);
    expect(diff(undefined, plan)).toEqual({
      reminders: {
        schedule: [
          {
            id: 'p/1/appointment/2880m',
            kind: 'appointment',
            session: 1,
            dueAt: '1900-01-02T00:00:00+00:00',
            title: 'Base in 48 hours',
            start: '1900-01-02T10:00:00Z',
            end: '1900-01-02T11:00:00+00:00',
          },
          {
            id: 'p/1/appointment/120m',
            kind: 'appointment',
            session: 1,
            dueAt: '1900-01-02T08:00:00+00:00',
            title: 'Base in 2 hours',
            start: '1900-01-02T10:00:00Z',
            end: '1900-01-02T11:00:00+00:00',
          },
        ],
        cancel: [],
      },
      calendar: { create: [s1Entry('booked', '1900-01-02T10:00:00Z', '1900-01-02T11:00:00+00:00', 0)], update: [], cancel: [] },
    });
  });

  it('a course completed days before 9999-12-31: no aftercare past the end, no recalls', () => {
    const plan = inUtc('9999-12-01T00:00:00Z', [
      { id: 'e1', type: 'sessionBooked', at: '9999-12-01T01:00:00Z', session: 1, start: '9999-12-20T10:00:00Z' },
      { id: 'e2', type: 'sessionCompleted', at: '9999-12-20T11:00:00Z', session: 1 },
      { id: 'e3', type: 'sessionBooked', at: '9999-12-20T12:00:00Z', session: 2, start: '9999-12-30T10:00:00Z' },
      { id: 'e4', type: 'sessionCompleted', at: '9999-12-30T11:30:00Z', session: 2 },
    ]);
    expect(plan.status).toBe('completed');
    expect(diff(undefined, plan)).toEqual({
      reminders: {
        schedule: [
          {
            id: 'p/1/aftercare/keep-dry',
            kind: 'aftercare',
            session: 1,
            dueAt: '9999-12-20T11:00:00+00:00',
            title: 'Keep dry',
            instruction: 'Dry.',
            start: '9999-12-20T11:00:00+00:00',
            end: '9999-12-23T11:00:00+00:00',
          },
        ],
        cancel: [],
      },
      calendar: {
        create: [
          s1Entry('completed', '9999-12-20T10:00:00Z', '9999-12-20T11:00:00+00:00', 0),
          {
            id: 'p/2/appointment',
            uid: 'p-s2@smp-protocol',
            session: 2,
            status: 'completed',
            start: '9999-12-30T10:00:00Z',
            end: '9999-12-30T11:30:00+00:00',
            sequence: 0,
            title: 'Density',
          },
        ],
        update: [],
        cancel: [],
      },
    });
  });
});

describe('planChanges: reminder settings', () => {
  const booked = apply(fresh(), book1);
  const appointments = (appointmentMinutesBefore: number[]): string[][] =>
    diff(undefined, booked, { protocol: mini, reminders: { appointmentMinutesBefore } })
      .reminders.schedule.filter((r) => r.kind === 'appointment')
      .map((r) => [r.id, r.title, r.dueAt]);

  it('one appointment reminder per distinct offset, titled in hours when whole, else in minutes', () => {
    expect(appointments([90, 60, 0, 90, 86400])).toEqual([
      ['p/1/appointment/90m', 'Base in 90 minutes', '2026-03-10T08:30:00+00:00'],
      ['p/1/appointment/60m', 'Base in 1 hours', '2026-03-10T09:00:00+00:00'],
      ['p/1/appointment/0m', 'Base in 0 hours', '2026-03-10T10:00:00+00:00'],
      ['p/1/appointment/86400m', 'Base in 1440 hours', '2026-01-09T10:00:00+00:00'],
    ]);
    expect(appointments([])).toEqual([]);
    expect(appointments([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).length).toBe(10);
  });

  const refused = (reminders: unknown) => mustFail(planChanges(undefined, booked, { protocol: mini, reminders } as PlanChangesOptions));
  const minutesProblem = {
    code: 'INVALID_INPUT',
    severity: 'error',
    path: ['options', 'reminders', 'appointmentMinutesBefore'],
    message: 'options.reminders.appointmentMinutesBefore: is required (up to 10 whole minutes from 0 to 86400).',
    params: {
      path: 'options.reminders.appointmentMinutesBefore',
      problem: 'required',
      expected: 'up to 10 whole minutes from 0 to 86400',
      detail: 'is required (up to 10 whole minutes from 0 to 86400).',
    },
  };
  const timeProblem = {
    code: 'INVALID_INPUT',
    severity: 'error',
    path: ['options', 'reminders', 'recallTime'],
    message: 'options.reminders.recallTime: is required (a local time HH:mm).',
    params: {
      path: 'options.reminders.recallTime',
      problem: 'required',
      expected: 'a local time HH:mm',
      detail: 'is required (a local time HH:mm).',
    },
  };

  it('refuses reminders that are not an object', () => {
    for (const reminders of ['soon', null, 5]) {
      expect(refused(reminders)).toEqual([
        {
          code: 'INVALID_INPUT',
          severity: 'error',
          path: ['options', 'reminders'],
          message: 'options.reminders: must be an object.',
          params: { path: 'options.reminders', problem: 'type', expected: 'an object', detail: 'must be an object.' },
        },
      ]);
    }
  });

  it('refuses offsets that are not up to 10 whole minutes from 0 to 86400', () => {
    for (const m of ['120', [-1], [86401], [1.5], ['60'], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]]) {
      expect(refused({ appointmentMinutesBefore: m })).toEqual([minutesProblem]);
    }
  });

  it('refuses a recall time that is not HH:mm on a 24-hour clock', () => {
    for (const t of [900, ['07:30'], '9:00', '24:00', '12:60', '1200', '09:00:00', ' 09:00', '09:00 ', 'ab:cd', '30:00', '09:5x']) {
      expect(refused({ recallTime: t })).toEqual([timeProblem]);
    }
    for (const t of ['00:00', '19:59', '20:00', '23:00', '10:09'])
      expect(planChanges(undefined, booked, { protocol: mini, reminders: { recallTime: t } }).ok).toBe(true);
  });

  it('reports both settings at once', () => {
    expect(refused({ appointmentMinutesBefore: [-1], recallTime: '25:00' })).toEqual([minutesProblem, timeProblem]);
  });
});

describe('planChanges: arguments', () => {
  const booked = apply(fresh(), book1);

  it('a bad after plan: findings under ["after", …]', () => {
    const { clientId: _dropped, ...noClient } = booked;
    const findings = mustFail(planChanges(undefined, noClient as Plan, { protocol: mini }));
    expect(findings.map((f) => [f.code, f.path])).toEqual([['INVALID_INPUT', ['after', 'clientId']]]);
  });

  it('a bad before plan: findings under ["before", …]', () => {
    const findings = mustFail(planChanges({ ...booked, version: 7 } as Plan, booked, { protocol: mini }));
    expect(findings.map((f) => [f.code, f.path?.[0], f.path?.at(-1)])).toEqual([['INVALID_INPUT', 'before', 'version']]);
  });

  it('options that are not an object: one finding, from the protocol reader', () => {
    for (const options of [null, 'mini', 7]) {
      expect(mustFail(planChanges(undefined, booked, options as unknown as PlanChangesOptions))).toEqual([
        {
          code: 'INVALID_INPUT',
          severity: 'error',
          message: 'options: must be an object with a protocol.',
          path: ['options'],
          params: { problem: 'type', expected: 'protocolOptions', path: 'options', detail: 'must be an object with a protocol.' },
        },
      ]);
    }
  });

  it('a bad reminders option is reported with the plan and protocol problems, its path untouched', () => {
    const findings = mustFail(planChanges(undefined, booked, { protocols: [], reminders: 'x' } as unknown as PlanChangesOptions));
    expect(findings.map((f) => f.path?.join('.'))).toContain('options.reminders');
  });

  it('an argument over the size limits: refused at its own name', () => {
    const long = 'x'.repeat(2_000_001);
    const over = (before: unknown, after: unknown, options: unknown) =>
      mustFail(planChanges(before as Plan, after as Plan, options as PlanChangesOptions)).map((f) => [f.path, f.params?.problem]);
    expect(over({ ...booked, metadata: { long } }, booked, { protocol: mini })).toEqual([[['before', 'metadata', 'long'], 'tooLong']]);
    expect(over(undefined, { ...booked, metadata: { long } }, { protocol: mini })).toEqual([[['after', 'metadata', 'long'], 'tooLong']]);
    expect(over(undefined, booked, { protocol: mini, reminders: { recallTime: long } })).toEqual([
      [['options', 'reminders', 'recallTime'], 'tooLong'],
    ]);
  });

  it('refuses plans of two different ids', () => {
    const other = mustOk(
      createPlan({ id: 'q', clientId: 'c', protocol: mini, timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' }),
    );
    expect(mustFail(planChanges(other, booked, { protocol: mini }))).toEqual([
      {
        code: 'INVALID_INPUT',
        severity: 'error',
        path: ['before', 'id'],
        message: 'before.id: is required (the same plan id as after ("p")).',
        params: {
          path: 'before.id',
          problem: 'required',
          expected: 'the same plan id as after ("p")',
          detail: 'is required (the same plan id as after ("p")).',
        },
      },
    ]);
  });

  it('a before plan on another protocol (or version) is read with its own protocol from the list', () => {
    const v2 = miniVariant('mini', 2);
    const later = mustOk(parsePlan({ ...JSON.parse(JSON.stringify(booked)), protocol: { id: 'mini', version: 2 } }));
    // The protocol given is the after plan's; the before plan's is found in `protocols`.
    const out = planChanges(booked, later, { protocols: [v2, mini] });
    expect(mustOk(out)).toEqual(NONE);
    expect(mustFail(planChanges(booked, later, { protocols: [v2] })).map((f) => f.code)).toEqual(['PROTOCOL_MISMATCH']);
    const otherId = miniVariant('other', 1);
    const moved = mustOk(parsePlan({ ...JSON.parse(JSON.stringify(booked)), protocol: { id: 'other', version: 1 } }));
    expect(mustOk(planChanges(booked, moved, { protocols: [otherId, mini] }))).toEqual(NONE);
    expect(mustFail(planChanges(booked, moved, { protocols: [otherId] })).map((f) => f.code)).toEqual(['PROTOCOL_MISMATCH']);
  });

  it("a before plan on another protocol is read with that protocol's titles", () => {
    const renamed = miniVariant('renamed', 1, 'both', 'Foundation');
    const before = mustOk(parsePlan({ ...JSON.parse(JSON.stringify(booked)), protocol: { id: 'renamed', version: 1 } }));
    const c = diff(before, booked, { protocols: [renamed, mini] });
    expect(c.reminders.schedule.map((r) => [r.id, r.title])).toEqual([
      ['p/1/appointment/2880m', 'Base in 48 hours'],
      ['p/1/appointment/120m', 'Base in 2 hours'],
    ]);
    expect(c.reminders.cancel).toEqual([]);
    expect(c.calendar.update).toEqual([s1Entry('booked', '2026-03-10T10:00:00Z', '2026-03-10T11:00:00+00:00', 0)]);
  });
});

describe('planChanges: SEQUENCE from a history written by hand', () => {
  // parsePlan checks a plan's own consistency, not that its history leads to it: a stored plan
  // may carry a history that a reducer would not have written. SEQUENCE counts only what happened.
  const base = JSON.parse(JSON.stringify(apply(fresh(), book1))) as Record<string, unknown>;
  const booking = { start: '2026-03-12T10:00:00Z', end: '2026-03-12T11:00:00+00:00' };
  const sessions = [
    { number: 1, phase: 'base', state: 'booked', booking },
    { number: 2, phase: 'density', state: 'pending' },
  ];

  it('moves of a session never booked in the history do not count', () => {
    const plan = mustOk(
      parsePlan({
        ...base,
        sessions,
        history: [
          { id: 'r1', type: 'sessionRescheduled', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-11T10:00:00Z' },
          { id: 'r2', type: 'sessionRescheduled', at: '2026-03-01T10:00:00Z', session: 1, start: '2026-03-12T10:00:00Z' },
        ],
        version: 2,
      }),
    );
    expect(diff(undefined, plan).calendar.create).toEqual([s1Entry('booked', '2026-03-12T10:00:00Z', '2026-03-12T11:00:00+00:00', 0)]);
  });

  it('a completion of a session the plan does not hold as completed does not count', () => {
    const plan = mustOk(
      parsePlan({
        ...base,
        sessions,
        history: [
          { id: 'b1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-12T10:00:00Z' },
          { id: 'd1', type: 'sessionCompleted', at: '2026-03-12T11:00:00Z', session: 1 },
        ],
        version: 2,
      }),
    );
    expect(diff(undefined, plan).calendar.create).toEqual([s1Entry('booked', '2026-03-12T10:00:00Z', '2026-03-12T11:00:00+00:00', 0)]);
  });

  it('a cancellation of a session not booked in the history does not count', () => {
    const plan = mustOk(
      parsePlan({
        ...base,
        sessions,
        history: [
          { id: 'x1', type: 'sessionCancelled', at: '2026-03-01T08:00:00Z', session: 1 },
          { id: 'b1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-12T10:00:00Z' },
        ],
        version: 2,
      }),
    );
    expect(diff(undefined, plan).calendar.create).toEqual([s1Entry('booked', '2026-03-12T10:00:00Z', '2026-03-12T11:00:00+00:00', 0)]);
  });

  it('a completion of a session the plan does not have does not count', () => {
    const plan = mustOk(
      parsePlan({
        ...base,
        sessions,
        history: [
          { id: 'b1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-12T10:00:00Z' },
          { id: 'd9', type: 'sessionCompleted', at: '2026-03-12T11:00:00Z', session: 9 },
        ],
        version: 2,
      }),
    );
    expect(diff(undefined, plan).calendar.create).toEqual([s1Entry('booked', '2026-03-12T10:00:00Z', '2026-03-12T11:00:00+00:00', 0)]);
  });
});

describe('planChanges folded over fixed histories', () => {
  type Live = { reminders: Map<string, unknown>; calendar: Map<string, unknown> };
  const fold = (live: Live, c: PlanChanges): void => {
    for (const r of c.reminders.schedule) live.reminders.set(r.id, r);
    for (const r of c.reminders.cancel) {
      expect(live.reminders.get(r.id)).toEqual(r);
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
  const move = (id: string, session: number, start: string, at = '2026-03-02T09:00:00Z') => ({
    id,
    type: 'sessionRescheduled',
    at,
    session,
    start,
  });
  const cancel = (id: string, session: number, at = '2026-03-02T09:30:00Z') => ({ id, type: 'sessionCancelled', at, session });
  const table: [string, Record<string, unknown>[], { reminders: number; calendar: number }][] = [
    ['booked', [book1], { reminders: 3, calendar: 1 }],
    [
      'booked, moved twice',
      [book1, move('m1', 1, '2026-03-12T10:00:00Z'), move('m2', 1, '2026-03-13T10:00:00Z')],
      { reminders: 3, calendar: 1 },
    ],
    ['booked, cancelled', [book1, cancel('x1', 1)], { reminders: 0, calendar: 0 }],
    [
      'booked, cancelled, booked again',
      [book1, cancel('x1', 1), { ...book1, id: 'b2', at: '2026-03-02T10:00:00Z' }],
      { reminders: 3, calendar: 1 },
    ],
    ['booked, missed', [book1, { id: 'n1', type: 'sessionMissed', at: '2026-03-10T11:00:00Z', session: 1 }], { reminders: 0, calendar: 0 }],
    ['session 1 completed', [book1, done1], { reminders: 1, calendar: 1 }],
    ['session 2 booked', [book1, done1, book2], { reminders: 4, calendar: 2 }],
    ['course completed', [book1, done1, book2, done2], { reminders: 4, calendar: 2 }],
    [
      'closed with session 2 booked',
      [book1, done1, book2, { id: 'z1', type: 'planClosed', at: '2026-03-12T09:00:00Z', reason: 'moved' }],
      { reminders: 1, calendar: 1 },
    ],
    [
      'paused, resumed, booked',
      [
        { id: 'h1', type: 'planPaused', at: '2026-03-01T09:01:00Z', reason: 'travel' },
        { id: 'h2', type: 'planResumed', at: '2026-03-01T09:02:00Z' },
        book1,
      ],
      { reminders: 3, calendar: 1 },
    ],
  ];

  it.each(table)('%s: the fold leaves exactly what the final plan calls for', (_name, events, counts) => {
    let plan = fresh();
    const live: Live = { reminders: new Map(), calendar: new Map() };
    fold(live, diff(undefined, plan));
    for (const e of events) {
      const next = apply(plan, e);
      fold(live, diff(plan, next));
      plan = next;
    }
    const all = diff(undefined, plan);
    expect([...live.reminders.values()]).toEqual(expect.arrayContaining([...all.reminders.schedule]));
    expect([live.reminders.size, live.calendar.size]).toEqual([all.reminders.schedule.length, all.calendar.create.length]);
    expect([...live.calendar.values()]).toEqual(expect.arrayContaining([...all.calendar.create]));
    expect({ reminders: all.reminders.schedule.length, calendar: all.calendar.create.length }).toEqual(counts);
  });
});
