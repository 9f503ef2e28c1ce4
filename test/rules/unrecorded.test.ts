/**
 * Sessions nobody recorded: a booking that ended before `asOf` with no completion, miss or
 * cancellation is one OUTCOME_NOT_RECORDED warning, dated in the plan's zone.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, createPlan, evaluatePlan, forecast, standardProtocol } from 'smp-protocol';
import { mustOk } from '../support/plans.js';

const protocol = standardProtocol;

/** Session 1 booked at 23:30 on 12 January in Auckland (10:30 UTC, written so), ending 03:30 on the 13th local. */
function booked() {
  const plan = mustOk(createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'Pacific/Auckland', createdAt: '2026-01-05T09:00:00Z' }));
  return mustOk(
    applyEvent(
      plan,
      { id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:00:00Z', session: 1, start: '2026-01-12T10:30:00Z' },
      { protocol },
    ),
  );
}

const unrecorded = (asOf: string) =>
  mustOk(evaluatePlan(booked(), { protocol, asOf }))
    .findings.filter((f) => f.code === 'OUTCOME_NOT_RECORDED')
    .map((f) => [f.severity, f.session, f.params]);

describe('OUTCOME_NOT_RECORDED', () => {
  it('a booking that ended before asOf, with its local date and the days since', () => {
    expect(unrecorded('2026-01-15T12:00:00Z')).toEqual([
      ['warning', 1, { session: 1, date: '2026-01-12', start: '2026-01-12T10:30:00Z', daysSince: 4 }],
    ]);
    expect(unrecorded('2026-01-12T14:30:00.001Z')).toEqual([
      ['warning', 1, { session: 1, date: '2026-01-12', start: '2026-01-12T10:30:00Z', daysSince: 1 }],
    ]);
  });

  it('none while the booking has not ended, up to its end instant', () => {
    expect(unrecorded('2026-01-12T14:30:00Z')).toEqual([]);
    expect(unrecorded('2026-01-12T11:00:00Z')).toEqual([]);
  });

  it('the same warning in the forecast', () => {
    const f = mustOk(forecast(booked(), { protocol, asOf: '2026-01-15T12:00:00Z' }));
    expect(f.findings.filter((x) => x.code === 'OUTCOME_NOT_RECORDED').map((x) => x.params)).toEqual([
      { session: 1, date: '2026-01-12', start: '2026-01-12T10:30:00Z', daysSince: 4 },
    ]);
  });

  it('none once the session is recorded, missed or cancelled', () => {
    const b = booked();
    for (const ev of [
      { id: 'c1', type: 'sessionCompleted', at: '2026-01-12T14:30:00Z', session: 1 },
      { id: 'm1', type: 'sessionMissed', at: '2026-01-12T14:30:00Z', session: 1 },
    ]) {
      const p = mustOk(applyEvent(b, ev, { protocol }));
      expect(
        mustOk(evaluatePlan(p, { protocol, asOf: '2026-01-15T12:00:00Z' })).findings.filter((f) => f.code === 'OUTCOME_NOT_RECORDED'),
      ).toEqual([]);
    }
  });
});
