import { describe, expect, it } from 'vitest';
import { defineProtocol, findSlots, standardProtocol, type Availability, type Plan } from 'smp-protocol';
import { applyAll, mustOk, newPlan } from '../support/plans.js';

/** The standard course with every gap at zero days: sessions may share a day. */
const sameDay = mustOk(
  defineProtocol({
    ...standardProtocol,
    id: 'same-day',
    sessions: standardProtocol.sessions.map((s) => ({
      ...s,
      gaps: s.gaps.map((g) => ({ ...g, absoluteMinimumDays: 0, minimumDays: 0, earliestRecommendedDays: 0 })),
    })),
  }),
);
const AS_OF = '2026-03-02T09:00:00Z';

/** Session 1 booked Thu 5 Mar 09:00–13:00, session 2 Thu 12 Mar 09:00–12:00, session 3 Thu 12 Mar 15:00–18:00 (GMT). */
function course(): Plan {
  return applyAll(
    newPlan({ protocol: sameDay }),
    [
      { id: 'b1', type: 'sessionBooked', at: AS_OF, session: 1, start: '2026-03-05T09:00:00Z' },
      { id: 'b2', type: 'sessionBooked', at: AS_OF, session: 2, start: '2026-03-12T09:00:00Z' },
      { id: 'b3', type: 'sessionBooked', at: AS_OF, session: 3, start: '2026-03-12T15:00:00Z' },
    ],
    sameDay,
  );
}
/** Open on Thursdays 08:00–20:00. */
const clinic = (extra: Partial<Availability> = {}): Availability => ({
  timeZone: 'Europe/London',
  weekly: [{ weekday: 4, open: '08:00', close: '20:00' }],
  ...extra,
});
const starts = (availability: Availability): string[] =>
  mustOk(findSlots(course(), { protocol: sameDay, availability, asOf: AS_OF, session: 2, limit: 100 })).map((s) => s.start);

describe('findSlots between the plan’s other sessions on the same day', () => {
  it('starts when the session before ends and ends when the session after starts (touching is allowed), nearest the recommended date first', () => {
    expect(starts(clinic())).toEqual([
      '2026-03-05T13:00:00+00:00',
      '2026-03-05T13:30:00+00:00',
      '2026-03-05T14:00:00+00:00',
      '2026-03-05T14:30:00+00:00',
      '2026-03-05T15:00:00+00:00',
      '2026-03-05T15:30:00+00:00',
      '2026-03-05T16:00:00+00:00',
      '2026-03-05T16:30:00+00:00',
      '2026-03-05T17:00:00+00:00',
      '2026-03-12T08:00:00+00:00',
      '2026-03-12T08:30:00+00:00',
      '2026-03-12T09:00:00+00:00',
      '2026-03-12T09:30:00+00:00',
      '2026-03-12T10:00:00+00:00',
      '2026-03-12T10:30:00+00:00',
      '2026-03-12T11:00:00+00:00',
      '2026-03-12T11:30:00+00:00',
      '2026-03-12T12:00:00+00:00',
    ]);
  });

  it('keeps the buffers clear of both', () => {
    expect(starts(clinic({ bufferBeforeMinutes: 30, bufferAfterMinutes: 60 }))).toEqual([
      '2026-03-05T13:30:00+00:00',
      '2026-03-05T14:00:00+00:00',
      '2026-03-05T14:30:00+00:00',
      '2026-03-05T15:00:00+00:00',
      '2026-03-05T15:30:00+00:00',
      '2026-03-05T16:00:00+00:00',
      '2026-03-05T16:30:00+00:00',
      '2026-03-05T17:00:00+00:00',
      '2026-03-12T08:00:00+00:00',
      '2026-03-12T08:30:00+00:00',
      '2026-03-12T09:00:00+00:00',
      '2026-03-12T09:30:00+00:00',
      '2026-03-12T10:00:00+00:00',
      '2026-03-12T10:30:00+00:00',
      '2026-03-12T11:00:00+00:00',
    ]);
  });
});
