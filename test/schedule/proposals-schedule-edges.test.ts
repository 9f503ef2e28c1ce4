import { describe, expect, it } from 'vitest';
import { proposeSchedule, standardProtocol, type Availability, type Plan } from 'smp-protocol';
import { applyAll, mustFail, mustOk, newPlan } from '../support/plans.js';

const protocol = standardProtocol;
const ZONE = 'Europe/London';
const AS_OF = '2026-03-02T09:00:00Z';

/** Open Monday to Friday 10:00–14:00. */
const weekdays: Availability = {
  timeZone: ZONE,
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, open: '10:00', close: '14:00' })),
};

describe('proposeSchedule event ids', () => {
  it('never reuses an id of the history: the first free of base, base:2, base:3…', () => {
    // Session 1 booked with the id the proposal for session 2 would take, then moved with the next one.
    const base = 'book:v2:s2:2026-03-16T10:00:00Z';
    const plan = applyAll(newPlan(), [
      { id: base, type: 'sessionBooked', at: AS_OF, session: 1, start: '2026-03-04T10:00:00Z' },
      { id: `${base}:2`, type: 'sessionRescheduled', at: AS_OF, session: 1, start: '2026-03-05T10:00:00Z' },
    ]);
    const { sessions, events } = mustOk(proposeSchedule(plan, { protocol, availability: weekdays, asOf: AS_OF }));
    expect(sessions).toEqual([
      { session: 1, start: '2026-03-05T10:00:00Z', end: '2026-03-05T14:00:00+00:00', localDate: '2026-03-05', fit: 'onTime', booked: true },
      {
        session: 2,
        start: '2026-03-16T10:00:00+00:00',
        end: '2026-03-16T13:00:00+00:00',
        localDate: '2026-03-16',
        daysFromAnchor: 11,
        fit: 'onTime',
      },
      {
        session: 3,
        start: '2026-03-30T10:00:00+01:00',
        end: '2026-03-30T13:00:00+01:00',
        localDate: '2026-03-30',
        daysFromAnchor: 14,
        fit: 'onTime',
      },
    ]);
    expect(events).toEqual([
      { id: `${base}:3`, type: 'sessionBooked', at: AS_OF, session: 2, start: '2026-03-16T10:00:00+00:00' },
      { id: 'book:v2:s3:2026-03-30T09:00:00Z', type: 'sessionBooked', at: AS_OF, session: 3, start: '2026-03-30T10:00:00+01:00' },
    ]);
    expect(applyAll(plan, events).sessions.map((s) => s.booking?.start)).toEqual([
      '2026-03-05T10:00:00Z',
      '2026-03-16T10:00:00+00:00',
      '2026-03-30T10:00:00+01:00',
    ]);
  });

  it('takes base:2 when only the base id is in the history', () => {
    const base = 'book:v1:s2:2026-03-16T10:00:00Z';
    const plan = applyAll(newPlan(), [{ id: base, type: 'sessionBooked', at: AS_OF, session: 1, start: '2026-03-05T10:00:00Z' }]);
    const { events } = mustOk(proposeSchedule(plan, { protocol, availability: weekdays, asOf: AS_OF }));
    expect(events.map((e) => e.id)).toEqual([`${base}:2`, 'book:v1:s3:2026-03-30T09:00:00Z']);
  });
});

describe('proposeSchedule refusals', () => {
  /** Every session booked: nothing left to propose. */
  function allBooked(): Plan {
    return applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: AS_OF, session: 1, start: '2026-03-05T10:00:00Z' },
      { id: 'b2', type: 'sessionBooked', at: AS_OF, session: 2, start: '2026-03-16T10:00:00Z' },
      { id: 'b3', type: 'sessionBooked', at: AS_OF, session: 3, start: '2026-03-30T10:00:00+01:00' },
    ]);
  }

  it('keeps every booking of a plan with nothing left to propose', () => {
    const { sessions, events } = mustOk(proposeSchedule(allBooked(), { protocol, availability: weekdays, asOf: AS_OF }));
    expect(events).toEqual([]);
    expect(sessions.map((s) => [s.session, s.start, s.end, s.localDate, s.daysFromAnchor, s.fit, s.booked])).toEqual([
      [1, '2026-03-05T10:00:00Z', '2026-03-05T14:00:00+00:00', '2026-03-05', undefined, 'onTime', true],
      [2, '2026-03-16T10:00:00Z', '2026-03-16T13:00:00+00:00', '2026-03-16', 11, 'onTime', true],
      [3, '2026-03-30T10:00:00+01:00', '2026-03-30T13:00:00+01:00', '2026-03-30', 14, 'onTime', true],
    ]);
  });

  it('refuses a plan on hold even when every session is booked (no event to replay)', () => {
    const onHold = applyAll(allBooked(), [{ id: 'p', type: 'planPaused', at: '2026-03-03T09:00:00Z', reason: 'travel' }]);
    expect(mustFail(proposeSchedule(onHold, { protocol, availability: weekdays, asOf: '2026-03-03T10:00:00Z' }))).toEqual([
      expect.objectContaining({ code: 'PLAN_ON_HOLD', severity: 'error', params: { reason: 'travel', since: '2026-03-03' } }),
    ]);
  });

  it('refuses a closed plan with its reason and date', () => {
    const closed = applyAll(allBooked(), [{ id: 'x', type: 'planClosed', at: '2026-03-03T09:00:00Z', reason: 'moved away' }]);
    expect(mustFail(proposeSchedule(closed, { protocol, availability: weekdays, asOf: '2026-03-03T10:00:00Z' }))).toEqual([
      expect.objectContaining({ code: 'PLAN_CLOSED', severity: 'error', params: { reason: 'moved away', closedOn: '2026-03-03' } }),
    ]);
  });

  it('reports bad options with their paths, and nothing else', () => {
    const out = mustFail(proposeSchedule(newPlan(), { protocol, availability: weekdays, asOf: 'soon' } as never));
    expect(out.map((f) => [f.code, f.path])).toEqual([['INVALID_INSTANT', ['options', 'asOf']]]);
  });

  it('names the argument that cannot be read', () => {
    const unreadablePlan = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no');
        },
      },
    );
    const plan = mustFail(proposeSchedule(unreadablePlan as never, { protocol, availability: weekdays, asOf: AS_OF }));
    expect(plan.map((f) => [f.code, f.path])).toEqual([['INVALID_INPUT', ['plan']]]);
    const options = mustFail(
      proposeSchedule(newPlan(), {
        protocol,
        availability: weekdays,
        get asOf(): string {
          throw new Error('no');
        },
      }),
    );
    expect(options.map((f) => [f.code, f.path])).toEqual([['INVALID_INPUT', ['options', 'asOf']]]);
  });
});

describe('proposeSchedule and a kept booking the skin no longer allows', () => {
  it('refuses with the spacing error when session 1 was done later than booked, too close to session 2’s booking', () => {
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: AS_OF, session: 1, start: '2026-03-23T10:00:00Z' },
      { id: 'b2', type: 'sessionBooked', at: AS_OF, session: 2, start: '2026-04-02T10:00:00+01:00' },
      // Done on 28 Mar instead: session 2 is now 5 days after it.
      {
        id: 'c1',
        type: 'sessionCompleted',
        at: '2026-03-28T15:00:00Z',
        session: 1,
        start: '2026-03-28T10:00:00Z',
        end: '2026-03-28T14:00:00Z',
      },
    ]);
    expect(mustFail(proposeSchedule(plan, { protocol, availability: weekdays, asOf: '2026-03-28T15:00:00Z' }))).toEqual([
      {
        code: 'SPACING_BELOW_MINIMUM',
        severity: 'error',
        message:
          'Session 2 on 2026-04-02 would be 5 days after session 1 (2026-03-28); the protocol needs at least 7 days for the skin to heal.',
        session: 2,
        params: {
          session: 2,
          date: '2026-04-02',
          anchorSession: 1,
          anchorDate: '2026-03-28',
          days: 5,
          absoluteMinimumDays: 5,
          minimumDays: 7,
          earliestRecommendedDays: 10,
          latestRecommendedDays: 14,
          earliestDate: '2026-04-04',
          recommendedDate: '2026-04-07',
          pastDueDate: '2026-04-12',
          kind: 'booking',
          maximumDays: 30,
          latestDate: '2026-04-27',
        },
      },
    ]);
  });
});
