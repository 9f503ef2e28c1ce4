import { describe, expect, it } from 'vitest';
import { findSlots, standardProtocol, type Availability, type Plan } from 'smp-protocol';
import { applyAll, mustFail, mustOk, newPlan } from '../support/plans.js';

const protocol = standardProtocol;
const weekdays: Availability = {
  timeZone: 'Europe/London',
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, open: '09:00', close: '17:00' })),
};
const AS_OF = '2026-03-02T09:00:00Z';

/** Every session booked: 5, 16 and 30 Mar. */
function allBooked(): Plan {
  return applyAll(newPlan(), [
    { id: 'b1', type: 'sessionBooked', at: AS_OF, session: 1, start: '2026-03-05T10:00:00Z' },
    { id: 'b2', type: 'sessionBooked', at: AS_OF, session: 2, start: '2026-03-16T10:00:00Z' },
    { id: 'b3', type: 'sessionBooked', at: AS_OF, session: 3, start: '2026-03-30T10:00:00+01:00' },
  ]);
}

describe('findSlots with no session pending', () => {
  it('names the first booked session, its date and start', () => {
    expect(mustFail(findSlots(allBooked(), { protocol, availability: weekdays, asOf: AS_OF }))).toEqual([
      {
        code: 'SESSION_ALREADY_BOOKED',
        severity: 'error',
        message: expect.any(String),
        session: 1,
        params: { session: 1, start: '2026-03-05T10:00:00Z' },
      },
    ]);
  });

  it('refuses a plan on hold before saying a session is booked', () => {
    const onHold = applyAll(allBooked(), [{ id: 'p', type: 'planPaused', at: '2026-03-03T09:00:00Z', reason: 'travel' }]);
    expect(mustFail(findSlots(onHold, { protocol, availability: weekdays, asOf: '2026-03-03T10:00:00Z' }))).toEqual([
      expect.objectContaining({ code: 'PLAN_ON_HOLD', params: { reason: 'travel', since: '2026-03-03' } }),
    ]);
  });

  it('refuses a course closed after its last session with PLAN_CLOSED, not PLAN_COMPLETED', () => {
    const done = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: AS_OF, session: 1, start: '2026-03-05T10:00:00Z' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-05T14:00:00Z', session: 1 },
      { id: 'b2', type: 'sessionBooked', at: '2026-03-05T14:00:00Z', session: 2, start: '2026-03-16T10:00:00Z' },
      { id: 'c2', type: 'sessionCompleted', at: '2026-03-16T13:00:00Z', session: 2 },
      { id: 'b3', type: 'sessionBooked', at: '2026-03-16T13:00:00Z', session: 3, start: '2026-03-30T10:00:00+01:00' },
      { id: 'c3', type: 'sessionCompleted', at: '2026-03-30T13:00:00+01:00', session: 3 },
      { id: 'x', type: 'planClosed', at: '2026-03-31T09:00:00+01:00', reason: 'course done' },
    ]);
    expect(mustFail(findSlots(done, { protocol, availability: weekdays, asOf: '2026-03-31T10:00:00+01:00' }))).toEqual([
      expect.objectContaining({ code: 'PLAN_CLOSED', params: { reason: 'course done', closedOn: '2026-03-31' } }),
    ]);
  });
});

describe('findSlots for a booking whose anchor is pending again after a no-show', () => {
  it('offers the move (a move needs no fixed anchor)', () => {
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: AS_OF, session: 1, start: '2026-03-05T10:00:00Z' },
      { id: 'b2', type: 'sessionBooked', at: AS_OF, session: 2, start: '2026-03-16T10:00:00Z' },
      { id: 'm1', type: 'sessionMissed', at: '2026-03-05T15:00:00Z', session: 1 },
    ]);
    const slots = mustOk(findSlots(plan, { protocol, availability: weekdays, asOf: '2026-03-06T09:00:00Z', session: 2, limit: 3 }));
    expect(slots).toEqual([
      { session: 2, start: '2026-03-16T09:00:00+00:00', end: '2026-03-16T12:00:00+00:00', localDate: '2026-03-16', fit: 'onTime' },
      { session: 2, start: '2026-03-16T09:30:00+00:00', end: '2026-03-16T12:30:00+00:00', localDate: '2026-03-16', fit: 'onTime' },
      { session: 2, start: '2026-03-16T10:00:00+00:00', end: '2026-03-16T13:00:00+00:00', localDate: '2026-03-16', fit: 'onTime' },
    ]);
  });
});
