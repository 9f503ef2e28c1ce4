/**
 * The Gregorian leap rule at the century years the supported range holds (1900 and 2100 are
 * common years, 2000 is a leap year), and impossible dates refused, through every public reader
 * of a date: a local date field, an instant, a local wall-clock time, and the local date of an
 * instant.
 */
import { describe, expect, it } from 'vitest';
import { createPlan, localDateOf, standardProtocol, toInstant } from 'smp-protocol';
import { mustFail, mustOk } from '../support/plans.js';

/** createPlan with a screening whose `earliestStart` is `date`. */
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

describe('a local date field', () => {
  it.each([
    '2000-02-29',
    '2024-02-29',
    '1904-02-29',
    '2096-02-29',
    '2026-01-31',
    '2026-04-30',
    '2026-12-31',
    '2026-02-28',
    '2026-03-31',
    '2026-05-31',
    '2026-07-31',
    '2026-08-31',
    '2026-10-31',
    '2026-06-30',
    '2026-09-30',
    '2026-11-30',
  ])('accepts %s', (date) => {
    expect(mustOk(withEarliestStart(date)).screening?.earliestStart).toBe(date);
  });

  it.each([
    '1900-02-29',
    '2100-02-29',
    '2026-02-29',
    '2026-02-30',
    '2026-04-31',
    '2026-06-31',
    '2026-09-31',
    '2026-11-31',
    '2026-13-01',
    '2026-00-10',
    '2026-05-00',
    '2026-01-32',
  ])('refuses %s as INVALID_INPUT at screening.earliestStart', (date) => {
    expect(mustFail(withEarliestStart(date)).map((f) => [f.code, f.path, f.params?.value])).toEqual([
      ['INVALID_INPUT', ['screening', 'earliestStart'], date],
    ]);
  });
});

describe('an instant', () => {
  it('29 February 2000 is a day; 1 March follows it', () => {
    expect(mustOk(localDateOf('2000-02-29T12:00:00Z', 'UTC'))).toBe('2000-02-29');
    expect(mustOk(localDateOf('2000-02-29T23:59:59.999Z', 'UTC'))).toBe('2000-02-29');
    expect(mustOk(localDateOf('2000-03-01T00:00:00Z', 'UTC'))).toBe('2000-03-01');
    expect(mustOk(localDateOf('2000-02-28T23:00:00-01:00', 'UTC'))).toBe('2000-02-29');
  });

  it('the last day of a 400-year cycle (29 February 2000) and the days around it keep their dates in the other parser too', () => {
    // With a comma fraction the fast canonical reader declines; the general parser reads it.
    expect(mustOk(localDateOf('2000-02-29T12:00:00,5Z', 'UTC'))).toBe('2000-02-29');
    expect(mustOk(localDateOf('2000-02-28T12:00+00:00', 'UTC'))).toBe('2000-02-28');
    expect(mustOk(localDateOf('2000-03-01T12:00Z', 'UTC'))).toBe('2000-03-01');
  });

  it.each(['1900-02-29T12:00:00Z', '2100-02-29T12:00:00Z', '2026-02-29T12:00:00Z', '2100-02-29T12:00Z', '1900-02-29T12:00:00.5+01:00'])(
    'refuses %s (no such day) with problem date',
    (instant) => {
      expect(mustFail(localDateOf(instant, 'UTC')).map((f) => [f.code, f.params?.problem])).toEqual([['INVALID_INSTANT', 'date']]);
    },
  );

  it('accepts 28 February and 1 March of the century common years', () => {
    expect(mustOk(localDateOf('1900-02-28T12:00:00Z', 'UTC'))).toBe('1900-02-28');
    expect(mustOk(localDateOf('1900-03-01T12:00:00Z', 'UTC'))).toBe('1900-03-01');
    expect(mustOk(localDateOf('2100-02-28T12:00Z', 'UTC'))).toBe('2100-02-28');
    expect(mustOk(localDateOf('2100-03-01T12:00Z', 'UTC'))).toBe('2100-03-01');
  });
});

describe('a local wall-clock time', () => {
  it('29 February 2000 at 10:00 in UTC and in Tokyo', () => {
    expect(mustOk(toInstant('2000-02-29T10:00', 'UTC'))).toBe('2000-02-29T10:00:00+00:00');
    expect(mustOk(toInstant('2000-02-29T08:00', 'Asia/Tokyo'))).toBe('2000-02-29T08:00:00+09:00');
  });

  it.each(['1900-02-29T10:00', '2100-02-29T10:00', '2026-02-29T10:00', '2026-06-31T10:00', '2026-13-01T10:00', '2026-00-01T10:00'])(
    'refuses %s with problem date',
    (local) => {
      expect(mustFail(toInstant(local, 'UTC')).map((f) => [f.code, f.params?.problem])).toEqual([['INVALID_INSTANT', 'date']]);
    },
  );
});
