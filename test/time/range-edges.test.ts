/**
 * The first and last supported local dates (1900-01-01, 9999-12-31) and instants
 * (1900-01-02T00:00:00Z, 9999-12-30T23:59:59.999Z), each accepted, and the value just outside
 * each refused with DATE_OUT_OF_RANGE.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, createPlan, forecast, standardProtocol, toInstant } from 'smp-protocol';
import { mustFail, mustOk } from '../support/plans.js';

function withEarliestStart(date: string) {
  return createPlan({
    id: 'p',
    clientId: 'c',
    protocol: standardProtocol,
    timeZone: 'UTC',
    createdAt: '2026-01-05T09:00:00Z',
    screening: { outcome: 'deferred', earliestStart: date, findings: [] },
  });
}

describe('local dates', () => {
  it.each(['1900-01-01', '1900-01-02', '9999-12-30', '9999-12-31'])('accepts %s', (date) => {
    expect(mustOk(withEarliestStart(date)).screening?.earliestStart).toBe(date);
  });

  it.each(['1899-12-31', '1000-01-01'])('refuses %s with DATE_OUT_OF_RANGE', (date) => {
    expect(mustFail(withEarliestStart(date)).map((f) => [f.code, f.path, f.params])).toEqual([
      [
        'DATE_OUT_OF_RANGE',
        ['screening', 'earliestStart'],
        { path: 'screening.earliestStart', value: date, min: '1900-01-01', max: '9999-12-31' },
      ],
    ]);
  });
});

describe('local wall-clock times', () => {
  it('accepts the first and last supported instants written in UTC', () => {
    expect(mustOk(toInstant('1900-01-02T00:00', 'UTC'))).toBe('1900-01-02T00:00:00+00:00');
    expect(mustOk(toInstant('9999-12-30T23:59:59', 'UTC'))).toBe('9999-12-30T23:59:59+00:00');
  });

  it.each([
    ['1900-01-01T23:59:59', 'UTC'],
    ['9999-12-31T00:00', 'UTC'],
    ['9999-12-31T14:00', 'Pacific/Kiritimati'],
  ])('refuses %s in %s with DATE_OUT_OF_RANGE', (local, zone) => {
    expect(mustFail(toInstant(local, zone)).map((f) => [f.code, f.params])).toEqual([
      ['DATE_OUT_OF_RANGE', { path: 'localDateTime', value: local, min: '1900-01-02T00:00:00Z', max: '9999-12-30T23:59:59.999Z' }],
    ]);
  });
});

describe('forecast dates at the last supported day', () => {
  function completedOn(start: string) {
    let plan = mustOk(
      createPlan({ id: 'p', clientId: 'c', protocol: standardProtocol, timeZone: 'UTC', createdAt: '9999-11-01T00:00:00Z' }),
    );
    plan = mustOk(
      applyEvent(plan, { id: 'b1', type: 'sessionBooked', at: '9999-11-01T00:00:00Z', session: 1, start }, { protocol: standardProtocol }),
    );
    return mustOk(applyEvent(plan, { id: 'c1', type: 'sessionCompleted', at: start, session: 1, start }, { protocol: standardProtocol }));
  }

  it('a latest date of 9999-12-31 is given; one a day later is left out', () => {
    const onTime = mustOk(forecast(completedOn('9999-12-01T10:00:00Z'), { protocol: standardProtocol, asOf: '9999-12-01T12:00:00Z' }));
    expect(onTime.sessions.find((s) => s.session === 2)?.latest).toBe('9999-12-31');
    const past = mustOk(forecast(completedOn('9999-12-02T10:00:00Z'), { protocol: standardProtocol, asOf: '9999-12-02T12:00:00Z' }));
    expect(past.sessions.find((s) => s.session === 2)?.latest).toBeUndefined();
  });
});
