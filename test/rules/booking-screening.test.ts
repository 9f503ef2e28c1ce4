/**
 * The screening speaks about session 1 only: a plan screened with a clearance still to get warns
 * when session 1 is booked, and says nothing when a later session is.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, createPlan, screen, standardProtocol } from 'smp-protocol';
import { applyAll, mustOk } from '../support/plans.js';

const protocol = standardProtocol;

function screenedPlan() {
  const screening = mustOk(
    screen({ dateOfBirth: '1990-05-14', keloidHistory: true }, { protocol, asOf: '2026-02-01T09:00:00Z', timeZone: 'Europe/London' }),
  );
  expect(screening.outcome).toBe('needsClearance');
  return mustOk(
    createPlan({ id: 'plan-1', clientId: 'client-1', protocol, timeZone: 'Europe/London', createdAt: '2026-02-01T09:00:00Z', screening }),
  );
}

describe('screening findings on a booking', () => {
  it('booking session 1 warns SCREENING_CLEARANCE_REQUIRED', () => {
    const out = applyEvent(
      screenedPlan(),
      { id: 'b1', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 1, start: '2026-03-02T10:00:00Z' },
      { protocol },
    );
    expect(out.findings.map((f) => [f.code, f.severity, f.session, f.params?.condition])).toEqual([
      ['SCREENING_CLEARANCE_REQUIRED', 'warning', 1, 'keloidHistory'],
    ]);
  });

  it('booking session 2 says nothing of the screening', () => {
    const plan = applyAll(screenedPlan(), [
      { id: 'b1', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 1, start: '2026-03-02T10:00:00Z' },
    ]);
    const out = applyEvent(
      plan,
      { id: 'b2', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 2, start: '2026-03-12T10:00:00Z' },
      { protocol },
    );
    expect(mustOk(out).sessions[1]?.state).toBe('booked');
    expect(out.findings).toEqual([]);
  });
});
