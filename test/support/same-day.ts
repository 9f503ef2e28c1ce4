import { defineProtocol, standardProtocol, type Availability, type Plan } from 'smp-protocol';
import { applyAll, mustOk, newPlan } from './plans.js';

/** The standard course with every gap at zero days: sessions may share a day. */
export const sameDay = mustOk(
  defineProtocol({
    ...standardProtocol,
    id: 'same-day',
    sessions: standardProtocol.sessions.map((s) => ({
      ...s,
      gaps: s.gaps.map((g) => ({ ...g, absoluteMinimumDays: 0, minimumDays: 0, earliestRecommendedDays: 0 })),
    })),
  }),
);
export const AS_OF = '2026-03-02T09:00:00Z';

/** Session 1 booked Thu 5 Mar 09:00–13:00, session 2 Thu 12 Mar 09:00–12:00, session 3 Thu 12 Mar 15:00–18:00 (GMT). */
export function course(): Plan {
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
export const clinic = (extra: Partial<Availability> = {}): Availability => ({
  timeZone: 'Europe/London',
  weekly: [{ weekday: 4, open: '08:00', close: '20:00' }],
  ...extra,
});
