/**
 * The first and last supported local dates (1900-01-01, 9999-12-31) and instants
 * (1900-01-02T00:00:00Z, 9999-12-30T23:59:59.999Z), each accepted, and the value just outside
 * each refused with DATE_OUT_OF_RANGE.
 */
import { describe, expect, it } from 'vitest';
import { createPlan, standardProtocol, toInstant } from 'smp-protocol';
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
