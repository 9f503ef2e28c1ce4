/**
 * What a completion and a pause write, exactly: the screening's warnings on session 1 only; a
 * session completed without a booking has no booking key; a pause without a date has no until key.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, createPlan, standardProtocol, type CreatePlanInput, type Plan } from 'smp-protocol';
import { mustOk } from '../support/plans.js';

const protocol = standardProtocol;
const input: CreatePlanInput = { id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: '2026-01-05T09:00:00Z' };
const step = (plan: Plan, event: Record<string, unknown>) => applyEvent(plan, event, { protocol });
const DONE1 = {
  id: 'd1',
  type: 'sessionCompleted',
  at: '2026-01-12T15:00:00Z',
  session: 1,
  start: '2026-01-12T10:00:00Z',
  end: '2026-01-12T14:00:00Z',
};
const DONE2 = {
  id: 'd2',
  type: 'sessionCompleted',
  at: '2026-01-26T15:00:00Z',
  session: 2,
  start: '2026-01-26T10:00:00Z',
  end: '2026-01-26T13:00:00Z',
};

describe('screening warnings on completion', () => {
  it('an undated deferral warns when session 1 is completed, not session 2', () => {
    const screened = mustOk(
      createPlan({
        ...input,
        screening: { outcome: 'deferred', findings: [{ code: 'SCREENING_DEFERRED', params: { condition: 'pregnant' } }] } as never,
      }),
    );
    const first = step(screened, DONE1);
    expect(first.findings.map((f) => [f.code, f.session])).toEqual([['SCREENING_DEFERRED', 1]]);
    const second = step(mustOk(first), DONE2);
    expect(second.findings).toEqual([]);
    expect(mustOk(second).sessions[1]?.completed).toEqual({ start: '2026-01-26T10:00:00Z', end: '2026-01-26T13:00:00Z' });
  });
});

describe('keys written only when there is a value', () => {
  it('a session completed without a booking: number, phase, state and completed only', () => {
    const done = mustOk(step(mustOk(createPlan(input)), DONE1));
    expect(Object.keys(done.sessions[0] ?? {})).toEqual(['number', 'phase', 'state', 'completed']);
    expect(Object.keys(done.sessions[0]?.completed ?? {})).toEqual(['start', 'end']);
  });

  it('a session completed from its booking keeps the booking before the completion', () => {
    const booked = mustOk(
      step(mustOk(createPlan(input)), {
        id: 'b1',
        type: 'sessionBooked',
        at: '2026-01-05T09:05:00Z',
        session: 1,
        start: '2026-01-12T10:00:00Z',
      }),
    );
    const done = mustOk(step(booked, { id: 'd1', type: 'sessionCompleted', at: '2026-01-12T15:00:00Z', session: 1 }));
    expect(Object.keys(done.sessions[0] ?? {})).toEqual(['number', 'phase', 'state', 'booking', 'completed']);
  });

  it('a pause without until: a hold of reason and since, and no notBefore', () => {
    const paused = mustOk(step(mustOk(createPlan(input)), { id: 'h1', type: 'planPaused', at: '2026-01-06T09:00:00Z', reason: 'travel' }));
    expect(Object.keys(paused.hold ?? {})).toEqual(['reason', 'since']);
    expect('notBefore' in paused).toBe(false);
  });
});
