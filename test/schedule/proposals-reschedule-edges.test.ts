import { describe, expect, it } from 'vitest';
import { proposeReschedule, standardProtocol, type Availability, type Plan } from 'smp-protocol';
import { applyAll, codes, mustFail, mustOk, newPlan } from '../support/plans.js';

const protocol = standardProtocol;
const ZONE = 'Europe/London';
const AS_OF = '2026-03-23T15:00:00Z';

/** Open Monday to Friday 10:00–14:00. */
const weekdays: Availability = {
  timeZone: ZONE,
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, open: '10:00', close: '14:00' })),
};
/** Open Monday to Friday 10:00–13:00: one start a day for a three-hour session. */
const mornings: Availability = {
  timeZone: ZONE,
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, open: '10:00', close: '13:00' })),
};

/** Session 1 done Mon 23 Mar; session 2 booked Thu 2 Apr 10:00; session 3 booked Thu 16 Apr 10:00. */
function course(): Plan {
  return applyAll(newPlan(), [
    { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
    { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1 },
    { id: 'b2', type: 'sessionBooked', at: AS_OF, session: 2, start: '2026-04-02T10:00:00+01:00' },
    { id: 'b3', type: 'sessionBooked', at: AS_OF, session: 3, start: '2026-04-16T10:00:00+01:00' },
  ]);
}

describe('proposeReschedule of the first session with the whole course booked', () => {
  /** Sessions 1, 2 and 3 booked on 23 Mar, 2 Apr and 16 Apr. */
  function allBooked(): Plan {
    return applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
      { id: 'b2', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 2, start: '2026-04-02T10:00:00+01:00' },
      { id: 'b3', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 3, start: '2026-04-16T10:00:00+01:00' },
    ]);
  }

  it('moves session 2 (measured with session 3 released) and keeps session 3 at exactly its minimum', () => {
    const plan = allBooked();
    const { events, sessions } = mustOk(
      proposeReschedule(plan, {
        protocol,
        availability: weekdays,
        asOf: '2026-03-02T09:00:00Z',
        session: 1,
        start: '2026-03-30T10:00:00+01:00',
      }),
    );
    expect(events).toEqual([
      {
        id: 'move:v3:s2:2026-04-09T09:00:00Z',
        type: 'sessionRescheduled',
        at: '2026-03-02T09:00:00Z',
        session: 2,
        start: '2026-04-09T10:00:00+01:00',
      },
      {
        id: 'move:v3:s1:2026-03-30T09:00:00Z',
        type: 'sessionRescheduled',
        at: '2026-03-02T09:00:00Z',
        session: 1,
        start: '2026-03-30T10:00:00+01:00',
      },
    ]);
    expect(sessions).toEqual([
      { session: 1, start: '2026-03-30T10:00:00+01:00', end: '2026-03-30T14:00:00+01:00', localDate: '2026-03-30', fit: 'onTime' },
      {
        session: 2,
        start: '2026-04-09T10:00:00+01:00',
        end: '2026-04-09T13:00:00+01:00',
        localDate: '2026-04-09',
        daysFromAnchor: 10,
        fit: 'onTime',
      },
    ]);
    expect(applyAll(plan, events).sessions.map((s) => s.booking?.start)).toEqual([
      '2026-03-30T10:00:00+01:00',
      '2026-04-09T10:00:00+01:00',
      '2026-04-16T10:00:00+01:00',
    ]);
  });
});

describe('proposeReschedule: the requested start at the edges of notice and horizon', () => {
  const move = (start: string, availability: Availability, asOf = AS_OF) =>
    proposeReschedule(course(), { protocol, availability, asOf, session: 2, start });

  it('accepts a start exactly the minimum notice after asOf, and refuses one a minute short', () => {
    const asOf = '2026-04-08T10:00:00+01:00';
    const exactly = mustOk(move('2026-04-09T10:00:00+01:00', { ...mornings, minimumNoticeMinutes: 24 * 60 }, asOf));
    expect(exactly.events).toEqual([
      { id: 'move:v4:s2:2026-04-09T09:00:00Z', type: 'sessionRescheduled', at: asOf, session: 2, start: '2026-04-09T10:00:00+01:00' },
    ]);
    const short = mustFail(move('2026-04-09T10:00:00+01:00', { ...mornings, minimumNoticeMinutes: 24 * 60 + 1 }, asOf));
    expect(short).toEqual([
      expect.objectContaining({
        code: 'NO_SLOT_AVAILABLE',
        severity: 'error',
        session: 2,
        params: {
          session: 2,
          reason: 'requested',
          problem: 'notice',
          start: '2026-04-09T10:00:00+01:00',
          durationMinutes: 180,
          noticeMinutes: 1441,
          at: '2026-04-08T10:00:00+01:00',
          until: '2026-07-07',
        },
      }),
    ]);
  });

  it('accepts a start on the horizon’s last day, and refuses it a day later', () => {
    // asOf is Mon 23 Mar: horizonDays 17 ends on Thu 9 Apr.
    const last = mustOk(move('2026-04-09T10:00:00+01:00', { ...mornings, horizonDays: 17 }));
    expect(last.sessions.map((s) => [s.session, s.localDate, s.fit])).toEqual([[2, '2026-04-09', 'late']]);
    const past = mustFail(move('2026-04-09T10:00:00+01:00', { ...mornings, horizonDays: 16 }));
    expect(past.map((f) => [f.code, f.params?.problem, f.params?.until])).toEqual([['NO_SLOT_AVAILABLE', 'horizon', '2026-04-08']]);
  });
});

describe('proposeReschedule refusals', () => {
  const options = { protocol, availability: mornings, asOf: AS_OF, session: 2, start: '2026-04-09T10:00:00+01:00' };

  it('refuses a plan on hold or closed with its code and params', () => {
    const onHold = applyAll(course(), [{ id: 'p', type: 'planPaused', at: AS_OF, reason: 'irritation' }]);
    expect(mustFail(proposeReschedule(onHold, options))).toEqual([
      expect.objectContaining({ code: 'PLAN_ON_HOLD', severity: 'error', params: { reason: 'irritation', since: '2026-03-23' } }),
    ]);
    // The status first: a start the clinic cannot offer (Saturday 11 Apr) does not hide it.
    expect(mustFail(proposeReschedule(onHold, { ...options, start: '2026-04-11T10:00:00+01:00' })).map((f) => f.code)).toEqual([
      'PLAN_ON_HOLD',
    ]);
    const closed = applyAll(course(), [{ id: 'x', type: 'planClosed', at: AS_OF, reason: 'moved away' }]);
    expect(codes(mustFail(proposeReschedule(closed, options)))).toEqual(['PLAN_CLOSED']);
  });

  it('names the session and the count for an unknown session, and the state of one not booked', () => {
    expect(mustFail(proposeReschedule(course(), { ...options, session: 5 }))).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_SESSION', severity: 'error', session: 5, params: { session: 5, sessions: 3 } }),
    ]);
    expect(mustFail(proposeReschedule(course(), { ...options, session: 1 }))).toEqual([
      expect.objectContaining({ code: 'SESSION_ALREADY_COMPLETED', severity: 'error', session: 1, params: { session: 1 } }),
    ]);
    expect(mustFail(proposeReschedule(newPlan(), { ...options, session: 2 }))).toEqual([
      expect.objectContaining({ code: 'SESSION_NOT_BOOKED', severity: 'error', session: 2, params: { session: 2, state: 'pending' } }),
    ]);
  });

  it('names the argument that cannot be read', () => {
    const unreadable = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no');
        },
      },
    );
    expect(mustFail(proposeReschedule(unreadable as never, options)).map((f) => [f.code, f.path])).toEqual([['INVALID_INPUT', ['plan']]]);
    const badOptions = {
      ...options,
      get start(): string {
        throw new Error('no');
      },
    };
    expect(mustFail(proposeReschedule(course(), badOptions)).map((f) => [f.code, f.path])).toEqual([
      ['INVALID_INPUT', ['options', 'start']],
    ]);
  });
});

describe('proposeReschedule events as written', () => {
  it('keeps the requested start as written, writes moved sessions in the plan’s zone, and never reuses an event id', () => {
    // The id the move of session 2 would take is already in the history (an earlier booking's id).
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1 },
      { id: 'move:v4:s2:2026-04-10T09:00:00Z', type: 'sessionBooked', at: AS_OF, session: 2, start: '2026-04-02T10:00:00+01:00' },
      { id: 'b3', type: 'sessionBooked', at: AS_OF, session: 3, start: '2026-04-16T10:00:00+01:00' },
    ]);
    const { events, sessions } = mustOk(
      proposeReschedule(plan, { protocol, availability: mornings, asOf: AS_OF, session: 2, start: '2026-04-10T09:00:00Z' }),
    );
    expect(events).toEqual([
      { id: 'move:v4:s3:2026-04-24T09:00:00Z', type: 'sessionRescheduled', at: AS_OF, session: 3, start: '2026-04-24T10:00:00+01:00' },
      { id: 'move:v4:s2:2026-04-10T09:00:00Z:2', type: 'sessionRescheduled', at: AS_OF, session: 2, start: '2026-04-10T09:00:00Z' },
    ]);
    expect(sessions).toEqual([
      {
        session: 2,
        start: '2026-04-10T09:00:00Z',
        end: '2026-04-10T13:00:00+01:00',
        localDate: '2026-04-10',
        daysFromAnchor: 18,
        fit: 'late',
      },
      {
        session: 3,
        start: '2026-04-24T10:00:00+01:00',
        end: '2026-04-24T13:00:00+01:00',
        localDate: '2026-04-24',
        daysFromAnchor: 14,
        fit: 'onTime',
      },
    ]);
    expect(applyAll(plan, events).sessions.map((s) => s.booking?.start)).toEqual([
      '2026-03-23T10:00:00Z',
      '2026-04-10T09:00:00Z',
      '2026-04-24T10:00:00+01:00',
    ]);
  });
});
