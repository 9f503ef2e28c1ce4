import { describe, expect, it } from 'vitest';
import { proposeReschedule, type Availability, type Plan } from 'smp-protocol';
import { twoAnchors } from '../support/custom-protocol.js';
import { applyAll, mustOk, newPlan } from '../support/plans.js';

/** Sessions 1, 2 and 3 booked (5, 16 and 30 Mar), then session 1 missed: pending again. */
function missedFirst(): Plan {
  return applyAll(
    newPlan({ protocol: twoAnchors }),
    [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-05T10:00:00Z' },
      { id: 'b2', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 2, start: '2026-03-16T10:00:00Z' },
      { id: 'b3', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 3, start: '2026-03-30T10:00:00+01:00' },
      { id: 'm1', type: 'sessionMissed', at: '2026-03-05T15:00:00Z', session: 1 },
    ],
    twoAnchors,
  );
}
const weekdays: Availability = {
  timeZone: 'Europe/London',
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, open: '09:00', close: '17:00' })),
};
const AS_OF = '2026-03-06T09:00:00Z';
const move = (start: string) =>
  proposeReschedule(missedFirst(), { protocol: twoAnchors, availability: weekdays, asOf: AS_OF, session: 2, start });

describe('proposeReschedule after a no-show, with a later session measured from the missed one too', () => {
  it('keeps session 3 where it is when its gap from the moved session still holds (its pending anchor does not break it)', () => {
    const { events, sessions } = mustOk(move('2026-03-17T10:00:00Z'));
    expect(events).toEqual([
      { id: 'move:v4:s2:2026-03-17T10:00:00Z', type: 'sessionRescheduled', at: AS_OF, session: 2, start: '2026-03-17T10:00:00Z' },
    ]);
    expect(sessions).toEqual([
      { session: 2, start: '2026-03-17T10:00:00Z', end: '2026-03-17T13:00:00+00:00', localDate: '2026-03-17', fit: 'onTime' },
    ]);
  });

  it('moves session 3 to its best slot when the move breaks its gap (the pending anchor does not stop the search)', () => {
    const { events, sessions } = mustOk(move('2026-03-27T10:00:00Z'));
    expect(events).toEqual([
      { id: 'move:v4:s3:2026-04-10T08:00:00Z', type: 'sessionRescheduled', at: AS_OF, session: 3, start: '2026-04-10T09:00:00+01:00' },
      { id: 'move:v4:s2:2026-03-27T10:00:00Z', type: 'sessionRescheduled', at: AS_OF, session: 2, start: '2026-03-27T10:00:00Z' },
    ]);
    expect(sessions.map((s) => [s.session, s.start, s.localDate, s.daysFromAnchor, s.fit])).toEqual([
      [2, '2026-03-27T10:00:00Z', '2026-03-27', undefined, 'onTime'],
      [3, '2026-04-10T09:00:00+01:00', '2026-04-10', 14, 'onTime'],
    ]);
  });
});
