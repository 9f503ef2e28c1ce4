/**
 * The first supported local date, 1900-01-01, as a computed date: a forecast whose `asOf` falls on
 * that local date (1900-01-02 in UTC, the evening before in New York) offers the first session from
 * 1900-01-01, not a DATE_OUT_OF_RANGE refusal; and the kernel's day check on both sides of it.
 */
import { describe, expect, it } from 'vitest';
import { createPlan, forecast, localDateOf, standardProtocol } from 'smp-protocol';
import { MAX_DAY, MIN_DAY, dayInRange } from '../../src/time/range.js';
import { mustOk } from '../support/plans.js';

describe('a forecast as of 1900-01-01 (local)', () => {
  const plan = mustOk(
    createPlan({ id: 'p', clientId: 'c', protocol: standardProtocol, timeZone: 'America/New_York', createdAt: '1900-01-02T00:00:00Z' }),
  );

  it('the asOf instant is on 1900-01-01 in New York', () => {
    expect(mustOk(localDateOf('1900-01-02T03:00:00Z', 'America/New_York'))).toBe('1900-01-01');
  });

  it('offers the first session from 1900-01-01', () => {
    const f = mustOk(forecast(plan, { protocol: standardProtocol, asOf: '1900-01-02T03:00:00Z' }));
    expect(f.sessions.find((s) => s.session === 1)).toEqual({
      session: 1,
      state: 'pending',
      earliest: '1900-01-01',
      recommended: '1900-01-01',
      projected: false,
      due: 'due',
    });
  });
});

describe('dayInRange', () => {
  it('is true from the first to the last supported day, false a day outside either', () => {
    expect([MIN_DAY - 1, MIN_DAY, MIN_DAY + 1, MAX_DAY - 1, MAX_DAY, MAX_DAY + 1].map(dayInRange)).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
    ]);
  });
});
