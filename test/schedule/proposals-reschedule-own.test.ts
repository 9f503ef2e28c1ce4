import { describe, expect, it } from 'vitest';
import { proposeReschedule, standardProtocol, type Availability } from 'smp-protocol';
import { applyAll, mustFail, mustOk, newPlan } from '../support/plans.js';

const protocol = standardProtocol;
const ZONE = 'Europe/London';
const AS_OF = '2026-03-02T09:00:00Z';

/** Open Monday to Friday 09:00–17:00. */
const weekdays: Availability = {
  timeZone: ZONE,
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, open: '09:00', close: '17:00' })),
};

describe('proposeReschedule: the session’s own rules come first', () => {
  it('names the spacing rule against an earlier booked session before the clinic’s hours', () => {
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: AS_OF, session: 1, start: '2026-03-23T10:00:00Z' },
      { id: 'b2', type: 'sessionBooked', at: AS_OF, session: 2, start: '2026-04-02T10:00:00+01:00' },
      { id: 'b3', type: 'sessionBooked', at: AS_OF, session: 3, start: '2026-04-16T10:00:00+01:00' },
    ]);
    // Sat 28 Mar: 5 days after session 1 (below the 7-day minimum), and the clinic is closed.
    const out = mustFail(
      proposeReschedule(plan, { protocol, availability: weekdays, asOf: AS_OF, session: 2, start: '2026-03-28T10:00:00Z' }),
    );
    expect(out.map((f) => [f.code, f.severity, f.session])).toEqual([['SPACING_BELOW_MINIMUM', 'error', 2]]);
  });

  it('moves a booking whose anchor is pending again after a no-show (a move needs no fixed anchor)', () => {
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: AS_OF, session: 1, start: '2026-03-05T10:00:00Z' },
      { id: 'b2', type: 'sessionBooked', at: AS_OF, session: 2, start: '2026-03-16T10:00:00Z' },
      { id: 'm1', type: 'sessionMissed', at: '2026-03-05T15:00:00Z', session: 1 },
    ]);
    const asOf = '2026-03-06T09:00:00Z';
    const { events, sessions } = mustOk(
      proposeReschedule(plan, { protocol, availability: weekdays, asOf, session: 2, start: '2026-03-19T10:00:00Z' }),
    );
    expect(events).toEqual([
      { id: 'move:v3:s2:2026-03-19T10:00:00Z', type: 'sessionRescheduled', at: asOf, session: 2, start: '2026-03-19T10:00:00Z' },
    ]);
    expect(sessions).toEqual([
      { session: 2, start: '2026-03-19T10:00:00Z', end: '2026-03-19T13:00:00+00:00', localDate: '2026-03-19', fit: 'onTime' },
    ]);
  });

  it('moves within its own busy interval: the booking being moved does not block itself', () => {
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: AS_OF, session: 1, start: '2026-03-05T10:00:00Z' },
      { id: 'b2', type: 'sessionBooked', at: AS_OF, session: 2, start: '2026-03-16T10:00:00Z' },
    ]);
    const busy = [{ start: '2026-03-16T10:00:00Z', end: '2026-03-16T13:00:00Z' }];
    const { events, sessions } = mustOk(
      proposeReschedule(plan, { protocol, availability: { ...weekdays, busy }, asOf: AS_OF, session: 2, start: '2026-03-16T10:30:00Z' }),
    );
    expect(events).toEqual([
      { id: 'move:v2:s2:2026-03-16T10:30:00Z', type: 'sessionRescheduled', at: AS_OF, session: 2, start: '2026-03-16T10:30:00Z' },
    ]);
    expect(sessions).toEqual([
      {
        session: 2,
        start: '2026-03-16T10:30:00Z',
        end: '2026-03-16T13:30:00+00:00',
        localDate: '2026-03-16',
        daysFromAnchor: 11,
        fit: 'onTime',
      },
    ]);
    // Someone else's busy interval at the same time does block it.
    const other = [...busy, { start: '2026-03-16T13:00:00Z', end: '2026-03-16T13:15:00Z' }];
    const blocked = mustFail(
      proposeReschedule(plan, {
        protocol,
        availability: { ...weekdays, busy: other },
        asOf: AS_OF,
        session: 2,
        start: '2026-03-16T10:30:00Z',
      }),
    );
    expect(blocked.map((f) => [f.code, f.params?.problem])).toEqual([['NO_SLOT_AVAILABLE', 'busy']]);
  });

  it('leaves a later session that is still pending alone', () => {
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: AS_OF, session: 1, start: '2026-03-05T10:00:00Z' },
      { id: 'b2', type: 'sessionBooked', at: AS_OF, session: 2, start: '2026-03-16T10:00:00Z' },
    ]);
    const { events } = mustOk(
      proposeReschedule(plan, { protocol, availability: weekdays, asOf: AS_OF, session: 2, start: '2026-03-17T10:00:00Z' }),
    );
    expect(events).toEqual([
      { id: 'move:v2:s2:2026-03-17T10:00:00Z', type: 'sessionRescheduled', at: AS_OF, session: 2, start: '2026-03-17T10:00:00Z' },
    ]);
  });
});
