/**
 * What an evaluation leaves out: a booked session whose anchor is pending again has no
 * `evaluation` and no `daysFromAnchor` keys at all (not keys holding undefined).
 */
import { describe, expect, it } from 'vitest';
import { evaluatePlan, standardProtocol } from 'smp-protocol';
import { applyAll, mustOk, newPlan } from '../support/plans.js';

describe('evaluatePlan with an anchor pending again', () => {
  it('session 2 booked after session 1 was missed: only session, state and findings', () => {
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:00:00Z', session: 1, start: '2026-01-12T10:00:00Z' },
      { id: 'b2', type: 'sessionBooked', at: '2026-01-05T09:05:00Z', session: 2, start: '2026-01-22T10:00:00Z' },
      { id: 'm1', type: 'sessionMissed', at: '2026-01-12T11:00:00Z', session: 1 },
    ]);
    const e = mustOk(evaluatePlan(plan, { protocol: standardProtocol, asOf: '2026-01-13T09:00:00Z' }));
    expect(Object.keys(e.sessions[1] ?? {}).sort()).toEqual(['findings', 'session', 'state']);
  });
});
