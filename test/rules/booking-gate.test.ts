/**
 * The gates and edges of a booking: a predecessor still pending refuses before any other check
 * (one finding, whatever else is wrong), and a booking that ends exactly when another session
 * starts does not overlap it.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, standardProtocol } from 'smp-protocol';
import { applyAll, mustFail, newPlan } from '../support/plans.js';

const protocol = standardProtocol;

describe('the booking gate', () => {
  it('refuses session 2 while session 1 is pending with that one finding, even for a start in the past', () => {
    const plan = newPlan({ createdAt: '2026-02-01T09:00:00Z' });
    const findings = mustFail(
      applyEvent(
        plan,
        { id: 'b2', at: '2026-03-20T09:00:00Z', type: 'sessionBooked', session: 2, start: '2026-03-12T10:00:00Z' },
        { protocol },
      ),
    );
    expect(findings.map((f) => [f.code, f.session, f.params])).toEqual([
      ['SESSION_OUT_OF_ORDER', 2, { session: 2, previousSession: 1, previousState: 'pending', rule: 'previousBooked' }],
    ]);
  });
});

describe('overlap is a shared instant, not a shared edge', () => {
  it('a move of session 1 ending at 10:00Z, when session 2 starts, is refused for spacing only', () => {
    const plan = applyAll(newPlan({ createdAt: '2026-02-01T09:00:00Z' }), [
      { id: 'b1', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 1, start: '2026-03-02T10:00:00Z' },
      { id: 'b2', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 2, start: '2026-03-12T10:00:00Z' },
    ]);
    const findings = mustFail(
      applyEvent(
        plan,
        { id: 'r1', at: '2026-02-02T09:00:00Z', type: 'sessionRescheduled', session: 1, start: '2026-03-12T06:00:00Z' },
        { protocol },
      ),
    );
    expect(findings.map((f) => [f.code, f.session, f.params?.reason])).toEqual([['DOWNSTREAM_CONFLICT', 2, 'spacing']]);
  });

  it('one minute more is an overlap', () => {
    const plan = applyAll(newPlan({ createdAt: '2026-02-01T09:00:00Z' }), [
      { id: 'b1', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 1, start: '2026-03-02T10:00:00Z' },
      { id: 'b2', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 2, start: '2026-03-12T10:00:00Z' },
    ]);
    const findings = mustFail(
      applyEvent(
        plan,
        { id: 'r1', at: '2026-02-02T09:00:00Z', type: 'sessionRescheduled', session: 1, start: '2026-03-12T06:01:00Z' },
        { protocol },
      ),
    );
    expect(findings.find((f) => f.code === 'BOOKING_OVERLAP')?.params).toEqual({
      session: 1,
      start: '2026-03-12T06:01:00+00:00',
      end: '2026-03-12T10:01:00+00:00',
      otherSession: 2,
      otherStart: '2026-03-12T10:00:00Z',
      otherEnd: '2026-03-12T13:00:00+00:00',
    });
  });
});
