/**
 * A new booking needs every session it is spaced from fixed in time, not only the previous one:
 * with a protocol whose session 3 also counts from session 1, booking session 3 while session 1
 * is pending again (after a no-show) is SESSION_OUT_OF_ORDER naming session 1.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, createPlan } from 'smp-protocol';
import { customAnchors } from '../support/custom-protocol.js';
import { applyAll, mustFail, mustOk } from '../support/plans.js';

describe('booking with a named anchor pending', () => {
  it('refuses session 3 while session 1, which it counts from, is pending', () => {
    const created = mustOk(
      createPlan({ id: 'p', clientId: 'c', protocol: customAnchors, timeZone: 'UTC', createdAt: '2026-03-01T08:00:00Z' }),
    );
    const plan = applyAll(
      created,
      [
        { id: 'b1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-10T10:00:00Z' },
        { id: 'b2', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 2, start: '2026-03-14T10:00:00Z' },
        { id: 'm1', type: 'sessionMissed', at: '2026-03-10T11:00:00Z', session: 1 },
      ],
      customAnchors,
    );
    expect(plan.sessions.map((s) => s.state)).toEqual(['pending', 'booked', 'pending']);
    const book3 = { id: 'b3', type: 'sessionBooked', at: '2026-03-10T12:00:00Z', session: 3, start: '2026-03-20T10:00:00Z' };
    expect(mustFail(applyEvent(plan, book3, { protocol: customAnchors }))).toEqual([
      {
        code: 'SESSION_OUT_OF_ORDER',
        severity: 'error',
        message: 'Session 3 cannot be booked before session 1 is booked or completed (it is pending).',
        session: 3,
        params: { session: 3, previousSession: 1, previousState: 'pending', rule: 'previousBooked' },
      },
    ]);
  });
});
