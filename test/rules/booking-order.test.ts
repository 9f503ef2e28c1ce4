/**
 * Order against every earlier session, not only the one before: a session missed, then completed
 * late, ends after the next one was booked; a booking of the one after must still start after it.
 * Found by the property runs at scale (Pacific/Apia), when a booking made on an offline device
 * reached the plan after the late completion (its `at` earlier than the completion's).
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, findSlots, standardProtocol } from 'smp-protocol';
import { applyAll, codes, mustFail, mustOk, newPlan } from '../support/plans.js';

const zone = 'Pacific/Apia';
const protocol = standardProtocol;

/** Session 1 booked, session 2 booked, session 1 missed, then session 1 completed late (14:00–18:00Z on 6 April). */
function lateCompletion() {
  return applyAll(newPlan({ timeZone: zone, createdAt: '2026-03-20T09:00:00Z' }), [
    { id: 'e0', at: '2026-03-20T09:00:00Z', type: 'sessionBooked', session: 1, start: '2026-03-24T09:00:00Z' },
    { id: 'e1', at: '2026-03-27T02:45:00Z', type: 'sessionBooked', session: 2, start: '2026-03-30T11:00:00Z' },
    { id: 'e2', at: '2026-03-27T02:45:00Z', type: 'sessionMissed', session: 1 },
    { id: 'e3', at: '2026-04-06T18:00:00Z', type: 'sessionCompleted', session: 1, start: '2026-04-06T14:00:00Z' },
  ]);
}

describe('a booking starts after every earlier session ends', () => {
  it('the late completion is kept as recorded', () => {
    const plan = lateCompletion();
    expect(plan.sessions.map((s) => s.state)).toEqual(['completed', 'booked', 'pending']);
    expect(plan.sessions[0]?.completed).toEqual({ start: '2026-04-06T14:00:00Z', end: '2026-04-07T07:00:00+13:00' });
  });

  it('refuses session 3 booked before session 1 ends: SESSION_OUT_OF_ORDER naming session 1', () => {
    const out = applyEvent(
      lateCompletion(),
      { id: 'e4', at: '2026-04-06T10:30:00Z', type: 'sessionBooked', session: 3, start: '2026-04-06T11:00:00Z' },
      { protocol },
    );
    const findings = mustFail(out);
    expect(codes(findings)).toContain('SESSION_OUT_OF_ORDER');
    expect(findings.find((f) => f.code === 'SESSION_OUT_OF_ORDER')).toMatchObject({
      severity: 'error',
      session: 3,
      params: {
        session: 3,
        previousSession: 1,
        rule: 'afterPrevious',
        start: '2026-04-07T00:00:00+13:00',
        previousEnd: '2026-04-07T07:00:00+13:00',
      },
    });
  });

  it('accepts session 3 once it starts after session 1 ends', () => {
    const out = applyEvent(
      lateCompletion(),
      { id: 'e4', at: '2026-04-06T10:30:00Z', type: 'sessionBooked', session: 3, start: '2026-04-13T20:00:00Z' },
      { protocol },
    );
    expect(mustOk(out).sessions[2]?.booking).toEqual({ start: '2026-04-13T20:00:00Z', end: '2026-04-14T12:00:00+13:00' });
  });

  it('findSlots offers session 3 its first slot when session 1 ends, not at the opening', () => {
    const slots = mustOk(
      findSlots(lateCompletion(), {
        protocol,
        session: 3,
        asOf: '2026-04-06T10:30:00Z',
        limit: 3,
        availability: { timeZone: zone, weekly: [], overrides: [{ date: '2026-04-07', hours: [{ open: '00:00', close: '12:00' }] }] },
      }),
    );
    expect(slots.map((s) => s.start)).toEqual(['2026-04-07T07:00:00+13:00', '2026-04-07T07:30:00+13:00', '2026-04-07T08:00:00+13:00']);
  });
});
