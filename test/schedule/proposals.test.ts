import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  proposeReschedule,
  proposeSchedule,
  standardProtocol,
  type Availability,
  type Plan,
  type PlanEvent,
} from 'smp-protocol';
import { applyAll, codes, mustFail, mustOk, newPlan } from '../support/plans.js';

const protocol = standardProtocol;
const ZONE = 'Europe/London';

/** Open Monday to Friday 10:00–14:00: one start a day for session 1, three for the others. */
const weekdays: Availability = {
  timeZone: ZONE,
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, open: '10:00', close: '14:00' })),
};
/** Open Monday to Friday 10:00–13:00: one start a day for a three-hour session. */
const mornings: Availability = {
  timeZone: ZONE,
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, open: '10:00', close: '13:00' })),
};

describe('proposeSchedule', () => {
  it('proposes the whole course, each gap measured from the previous proposed session', () => {
    const plan = newPlan({ createdAt: '2026-03-02T09:00:00Z' });
    const asOf = '2026-03-02T09:00:00Z';
    const { sessions, events } = mustOk(proposeSchedule(plan, { protocol, availability: weekdays, asOf }));
    expect(sessions).toEqual([
      { session: 1, start: '2026-03-02T10:00:00+00:00', end: '2026-03-02T14:00:00+00:00', localDate: '2026-03-02', fit: 'onTime' },
      {
        session: 2,
        start: '2026-03-12T10:00:00+00:00',
        end: '2026-03-12T13:00:00+00:00',
        localDate: '2026-03-12',
        daysFromAnchor: 10,
        fit: 'onTime',
      },
      {
        session: 3,
        start: '2026-03-26T10:00:00+00:00',
        end: '2026-03-26T13:00:00+00:00',
        localDate: '2026-03-26',
        daysFromAnchor: 14,
        fit: 'onTime',
      },
    ]);
    expect(events).toEqual([
      {
        id: 'book:v0:s1:2026-03-02T10:00:00Z',
        type: 'sessionBooked',
        at: '2026-03-02T09:00:00Z',
        session: 1,
        start: '2026-03-02T10:00:00+00:00',
      },
      {
        id: 'book:v0:s2:2026-03-12T10:00:00Z',
        type: 'sessionBooked',
        at: '2026-03-02T09:00:00Z',
        session: 2,
        start: '2026-03-12T10:00:00+00:00',
      },
      {
        id: 'book:v0:s3:2026-03-26T10:00:00Z',
        type: 'sessionBooked',
        at: '2026-03-02T09:00:00Z',
        session: 3,
        start: '2026-03-26T10:00:00+00:00',
      },
    ]);
    const booked = applyAll(plan, events);
    expect(booked.sessions.map((s) => s.booking?.start)).toEqual(sessions.map((s) => s.start));
    // Deterministic: the same question gives the same proposal (and the same event ids).
    expect(proposeSchedule(plan, { protocol, availability: weekdays, asOf })).toEqual(
      proposeSchedule(plan, { protocol, availability: weekdays, asOf }),
    );
  });

  it('proposes a course across the spring DST change with 14 calendar days, not 14 × 24 hours', () => {
    const plan = newPlan({ createdAt: '2026-03-16T08:00:00Z' });
    const { sessions, events } = mustOk(proposeSchedule(plan, { protocol, availability: weekdays, asOf: '2026-03-16T08:00:00Z' }));
    expect(sessions.map((s) => [s.start, s.daysFromAnchor])).toEqual([
      ['2026-03-16T10:00:00+00:00', undefined],
      ['2026-03-26T10:00:00+00:00', 10],
      ['2026-04-09T10:00:00+01:00', 14],
    ]);
    applyAll(plan, events);
  });

  it('keeps sessions already booked and plans the rest after them', () => {
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-04T10:00:00Z' },
    ]);
    const { sessions, events } = mustOk(proposeSchedule(plan, { protocol, availability: weekdays, asOf: '2026-03-02T09:00:00Z' }));
    expect(sessions[0]).toEqual({
      session: 1,
      start: '2026-03-04T10:00:00Z',
      end: '2026-03-04T14:00:00+00:00',
      localDate: '2026-03-04',
      fit: 'onTime',
      booked: true,
    });
    expect(sessions.slice(1).map((s) => [s.localDate, s.daysFromAnchor])).toEqual([
      ['2026-03-16', 12],
      ['2026-03-30', 14],
    ]);
    expect(events.map((e) => e.type === 'sessionBooked' && e.session)).toEqual([2, 3]);
    applyAll(plan, events);
  });

  it('skips completed sessions: the rest of the course only', () => {
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1 },
    ]);
    const { sessions } = mustOk(proposeSchedule(plan, { protocol, availability: mornings, asOf: '2026-03-23T15:00:00Z' }));
    expect(sessions.map((s) => [s.session, s.localDate, s.fit])).toEqual([
      [2, '2026-04-02', 'onTime'],
      [3, '2026-04-16', 'onTime'],
    ]);
  });

  it('says which session finds no room within the horizon', () => {
    const out = mustFail(
      proposeSchedule(newPlan(), { protocol, availability: { ...weekdays, horizonDays: 16 }, asOf: '2026-03-02T09:00:00Z' }),
    );
    expect(out).toEqual([
      expect.objectContaining({ code: 'NO_SLOT_AVAILABLE', session: 3, params: expect.objectContaining({ reason: 'horizon' }) }),
    ]);
    expect(out[0]?.message).toBe('Session 3 cannot be booked before 2026-03-19, which is after the booking horizon ends (2026-03-18).');
  });

  it('refuses a plan on hold or completed', () => {
    const onHold = applyAll(newPlan(), [{ id: 'p', type: 'planPaused', at: '2026-03-02T09:00:00Z', reason: 'travel' }]);
    expect(codes(mustFail(proposeSchedule(onHold, { protocol, availability: weekdays, asOf: '2026-03-02T09:00:00Z' })))).toEqual([
      'PLAN_ON_HOLD',
    ]);
  });
});

describe('proposeReschedule', () => {
  const AS_OF = '2026-03-23T15:00:00Z';
  /** Session 1 done Mon 23 Mar; session 2 booked Thu 2 Apr 10:00; session 3 booked Thu 16 Apr 10:00. */
  function course(): Plan {
    return applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1 },
      { id: 'b2', type: 'sessionBooked', at: AS_OF, session: 2, start: '2026-04-02T10:00:00+01:00' },
      { id: 'b3', type: 'sessionBooked', at: AS_OF, session: 3, start: '2026-04-16T10:00:00+01:00' },
    ]);
  }
  const move = (start: string, availability: Availability = mornings, asOf = AS_OF) =>
    proposeReschedule(course(), { protocol, availability, asOf, session: 2, start });
  const moved = (events: readonly PlanEvent[]): [number, string][] =>
    events.map((e) => (e.type === 'sessionRescheduled' ? [e.session, e.start] : [0, e.type]));

  it('moves only the session when the later booking keeps its gap (exactly the minimum)', () => {
    const { events, sessions } = mustOk(move('2026-04-09T10:00:00+01:00'));
    expect(moved(events)).toEqual([[2, '2026-04-09T10:00:00+01:00']]);
    expect(events[0]).toMatchObject({ id: 'move:v4:s2:2026-04-09T09:00:00Z', at: '2026-03-23T15:00:00Z' });
    expect(sessions).toEqual([
      {
        session: 2,
        start: '2026-04-09T10:00:00+01:00',
        end: '2026-04-09T13:00:00+01:00',
        localDate: '2026-04-09',
        daysFromAnchor: 17,
        fit: 'late',
      },
    ]);
    applyAll(course(), events);
  });

  it('moves a later booking that would break, first, to its best slot after the new date', () => {
    const { events, sessions } = mustOk(move('2026-04-10T10:00:00+01:00'));
    // Session 3 on 16 Apr would be 6 days after 10 Apr: it moves to 24 Apr (14 days, on time) before session 2 moves.
    expect(moved(events)).toEqual([
      [3, '2026-04-24T10:00:00+01:00'],
      [2, '2026-04-10T10:00:00+01:00'],
    ]);
    expect(sessions.map((s) => [s.session, s.localDate, s.fit])).toEqual([
      [2, '2026-04-10', 'late'],
      [3, '2026-04-24', 'onTime'],
    ]);
    const after = applyAll(course(), events);
    expect(after.sessions.map((s) => s.booking?.start)).toEqual([
      '2026-03-23T10:00:00Z',
      '2026-04-10T10:00:00+01:00',
      '2026-04-24T10:00:00+01:00',
    ]);
    // In the other order the state machine refuses the first move.
    expect(codes(mustFail(applyEvent(course(), events[1], { protocol })))).toEqual(['DOWNSTREAM_CONFLICT']);
  });

  it('moves onto the later session’s own time by moving that session away first (its busy entry is released)', () => {
    const busy = [
      { start: '2026-04-02T10:00:00+01:00', end: '2026-04-02T13:00:00+01:00' },
      { start: '2026-04-16T10:00:00+01:00', end: '2026-04-16T13:00:00+01:00' },
    ];
    const { events } = mustOk(move('2026-04-16T10:00:00+01:00', { ...mornings, busy }));
    expect(moved(events)).toEqual([
      [3, '2026-04-30T10:00:00+01:00'],
      [2, '2026-04-16T10:00:00+01:00'],
    ]);
    applyAll(course(), events);
  });

  it('moves earlier with a single event', () => {
    const { events } = mustOk(move('2026-03-31T10:00:00+01:00'));
    expect(moved(events)).toEqual([[2, '2026-03-31T10:00:00+01:00']]);
    applyAll(course(), events);
  });

  it('refuses a start below the healing minimum with the rule that says so', () => {
    expect(codes(mustFail(move('2026-03-28T10:00:00Z')))).toEqual(['SPACING_BELOW_MINIMUM']);
  });

  it('refuses a start the clinic cannot offer, and says why', () => {
    const closed = mustFail(move('2026-04-09T15:00:00+01:00'));
    expect(closed.map((f) => [f.code, f.params?.reason, f.params?.problem])).toEqual([['NO_SLOT_AVAILABLE', 'requested', 'closed']]);
    expect(closed[0]?.message).toBe(
      'The requested start 2026-04-09T15:00:00+01:00 for session 2 is not free: the clinic is not open for the whole 180-minute session then.',
    );
    const busy = mustFail(
      move('2026-04-09T10:00:00+01:00', { ...mornings, busy: [{ start: '2026-04-09T12:45:00+01:00', end: '2026-04-09T14:00:00+01:00' }] }),
    );
    expect(busy[0]?.params?.problem).toBe('busy');
    const notice = mustFail(move('2026-04-01T10:00:00+01:00', { ...mornings, minimumNoticeMinutes: 48 * 60 }, '2026-03-31T09:00:00+01:00'));
    expect(notice[0]?.message).toBe(
      "The requested start 2026-04-01T10:00:00+01:00 for session 2 is not free: it is less than the clinic's minimum notice of 2880 minutes after the request (2026-03-31T09:00:00+01:00).",
    );
    const horizon = mustFail(move('2026-04-09T10:00:00+01:00', { ...mornings, horizonDays: 10 }));
    expect(horizon[0]?.params).toMatchObject({ problem: 'horizon', until: '2026-04-02' });
  });

  it('says why no consistent move exists: the later session has no room within the horizon', () => {
    const out = mustFail(move('2026-04-10T10:00:00+01:00', { ...mornings, horizonDays: 20 }));
    expect(out.map((f) => [f.code, f.session, f.severity])).toEqual([
      ['DOWNSTREAM_CONFLICT', 3, 'error'],
      ['NO_SLOT_AVAILABLE', 3, 'error'],
    ]);
    expect(out[1]?.message).toBe('Session 3 cannot be booked before 2026-04-17, which is after the booking horizon ends (2026-04-12).');
  });

  it('refuses sessions that are not booked, and bad options', () => {
    const plan = course();
    const options = { protocol, availability: mornings, asOf: AS_OF, start: '2026-04-09T10:00:00+01:00' };
    expect(codes(mustFail(proposeReschedule(plan, { ...options, session: 1 })))).toEqual(['SESSION_ALREADY_COMPLETED']);
    expect(codes(mustFail(proposeReschedule(newPlan(), { ...options, session: 1 })))).toEqual(['SESSION_NOT_BOOKED']);
    expect(codes(mustFail(proposeReschedule(plan, { ...options, session: 9 })))).toEqual(['UNKNOWN_SESSION']);
    expect(
      mustFail(proposeReschedule(plan, { protocol, availability: mornings, asOf: AS_OF } as never)).map((f) => [f.code, f.path]),
    ).toEqual([
      ['INVALID_INPUT', ['options', 'session']],
      ['INVALID_INSTANT', ['options', 'start']],
    ]);
  });
});
