import { describe, expect, it } from 'vitest';
import { proposeReschedule, standardProtocol, type Availability } from 'smp-protocol';
import { applyAll, mustFail, mustOk, newPlan } from '../support/plans.js';

const protocol = standardProtocol;
const ZONE = 'Europe/London';

/** Open Monday to Friday 10:00–13:00: one start a day for a three-hour session. */
const mornings: Availability = {
  timeZone: ZONE,
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, open: '10:00', close: '13:00' })),
};
/** Open Monday to Friday 10:00–14:00. */
const weekdays: Availability = {
  timeZone: ZONE,
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, open: '10:00', close: '14:00' })),
};

describe('proposeReschedule moving every later booking', () => {
  it('moves session 2 to its best date after the new session 1 (session 3 released), then session 3 after it', () => {
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
      { id: 'b2', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 2, start: '2026-04-02T10:00:00+01:00' },
      { id: 'b3', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 3, start: '2026-04-16T10:00:00+01:00' },
    ]);
    const asOf = '2026-03-02T09:00:00Z';
    // Session 1 to Thu 2 Apr: session 2's best is Mon 13 Apr (11 days; 10 days is a Sunday), which session 3 on
    // 16 Apr would cap at 9 Apr had it not been released; session 3 then goes 14 days later, Mon 27 Apr.
    const { events, sessions } = mustOk(
      proposeReschedule(plan, { protocol, availability: weekdays, asOf, session: 1, start: '2026-04-02T10:00:00+01:00' }),
    );
    expect(events).toEqual([
      { id: 'move:v3:s3:2026-04-27T09:00:00Z', type: 'sessionRescheduled', at: asOf, session: 3, start: '2026-04-27T10:00:00+01:00' },
      { id: 'move:v3:s2:2026-04-13T09:00:00Z', type: 'sessionRescheduled', at: asOf, session: 2, start: '2026-04-13T10:00:00+01:00' },
      { id: 'move:v3:s1:2026-04-02T09:00:00Z', type: 'sessionRescheduled', at: asOf, session: 1, start: '2026-04-02T10:00:00+01:00' },
    ]);
    expect(sessions).toEqual([
      { session: 1, start: '2026-04-02T10:00:00+01:00', end: '2026-04-02T14:00:00+01:00', localDate: '2026-04-02', fit: 'onTime' },
      {
        session: 2,
        start: '2026-04-13T10:00:00+01:00',
        end: '2026-04-13T13:00:00+01:00',
        localDate: '2026-04-13',
        daysFromAnchor: 11,
        fit: 'onTime',
      },
      {
        session: 3,
        start: '2026-04-27T10:00:00+01:00',
        end: '2026-04-27T13:00:00+01:00',
        localDate: '2026-04-27',
        daysFromAnchor: 14,
        fit: 'onTime',
      },
    ]);
    expect(applyAll(plan, events).sessions.map((s) => s.booking?.start)).toEqual([
      '2026-04-02T10:00:00+01:00',
      '2026-04-13T10:00:00+01:00',
      '2026-04-27T10:00:00+01:00',
    ]);
  });

  it('names only the downstream conflict and the later session’s lack of room, not the overlap the move would resolve', () => {
    const AS_OF = '2026-03-23T15:00:00Z';
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1 },
      { id: 'b2', type: 'sessionBooked', at: AS_OF, session: 2, start: '2026-04-02T10:00:00+01:00' },
      { id: 'b3', type: 'sessionBooked', at: AS_OF, session: 3, start: '2026-04-16T10:00:00+01:00' },
    ]);
    // Session 2 onto session 3's own time; session 3 would need 23 Apr, past the horizon (22 Apr).
    const out = mustFail(
      proposeReschedule(plan, {
        protocol,
        availability: { ...mornings, horizonDays: 30 },
        asOf: AS_OF,
        session: 2,
        start: '2026-04-16T10:00:00+01:00',
      }),
    );
    expect(out.map((f) => ({ code: f.code, severity: f.severity, session: f.session, params: f.params }))).toEqual([
      {
        code: 'DOWNSTREAM_CONFLICT',
        severity: 'error',
        session: 3,
        params: {
          session: 3,
          changedSession: 2,
          bookedDate: '2026-04-16',
          reason: 'spacing',
          days: 0,
          minimumDays: 7,
          anchorDate: '2026-04-16',
          earliestDate: '2026-04-23',
        },
      },
      {
        code: 'NO_SLOT_AVAILABLE',
        severity: 'error',
        session: 3,
        params: { session: 3, from: '2026-04-23', until: '2026-04-22', reason: 'horizon', durationMinutes: 180 },
      },
    ]);
  });
});
