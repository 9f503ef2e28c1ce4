/**
 * Near misses of the usual instant shape (`YYYY-MM-DDTHH:MM:SS[.f]±HH:MM` or `Z`), each one
 * character or field away from it, are refused with the general parser's problem, and the usual
 * shapes keep their exact values and written offsets: the fast reader either reads a text to the
 * general parser's value or leaves it to the general parser, never anything else.
 */
import { describe, expect, it } from 'vitest';
import { localDateOf } from 'smp-protocol';
import { readInstant } from '../../src/time/instant.js';
import { mustFail, mustOk } from '../support/plans.js';

describe('near misses of the usual shape', () => {
  it.each([
    ['2026003-23T10:00:00Z', 'format'],
    ['1999-12-31T19:19:59.1234+19:0Z', 'format'],
    ['2026-12-31T23:59:30.-234Z', 'format'],
    ['2026-03-23T10:00:00.1111111111Z', 'format'],
    [':026-03-23T10:00:00Z', 'format'],
    ['20-6-03-23T10:00:00Z', 'format'],
    ['2-26-03-23T10:00:00Z', 'format'],
    ['2026-03023T10:00:00Z', 'format'],
    ['2026-03-23010:00:00Z', 'format'],
    ['2026-03-23T10000:00Z', 'format'],
    ['2026-03-23T10:00000Z', 'format'],
    ['0026-03-23T10:00:00Z', 'format'],
    ['2026-00-23T10:00:00Z', 'date'],
    ['2026-13-23T10:00:00Z', 'date'],
    ['2026-03--3T10:00:00Z', 'format'],
    ['1900-01-00T10:00:00+01:00', 'date'],
    ['2026-03-23T30:00:00Z', 'time'],
    ['2026-03-23T10:60:00Z', 'time'],
    ['2026-03-23T10:00:60Z', 'time'],
    ['2026-03-33T10:00:00Z', 'date'],
    ['2026-11-30T20:20:590999+18:59', 'format'],
    ['9999-12-30T00:00:59.99999 999+01:00', 'format'],
    ['2026-08-31T23:59:30.:234-00:00', 'format'],
    ['2026-06-30T09:09:59.+13:45', 'format'],
    ['2026-03-23T10:00:000', 'format'],
    ['2100-02-28T10:00:00Z00:00', 'format'],
    ['2100-02-28T10:00:00000:00', 'format'],
    ['2100-02-28T10:00:00+00:030', 'format'],
    ['2100-02-28T10:00:00+00000', 'format'],
    ['2026-03-23T10:00:00-19:00', 'offset'],
    ['2026-03-23T10:00:00+05:60', 'offset'],
  ])('%s is refused: %s', (instant, problem) => {
    expect(mustFail(localDateOf(instant, 'UTC')).map((f) => [f.code, f.params?.problem])).toEqual([['INVALID_INSTANT', problem]]);
    expect(readInstant(instant)).toBeUndefined();
  });
});

describe('the usual shapes', () => {
  it.each([
    ['2100-12-28T10:00:00+00:00', '2100-12-28', 4133671200000, 0],
    ['2024-04-30T10:00:00Z', '2024-04-30', 1714471200000, 0],
    ['2026-03-23T10:00:00+00:00', '2026-03-23', 1774260000000, 0],
    ['2026-03-23T10:00:00Z', '2026-03-23', 1774260000000, 0],
    ['2000-12-29T10:00:00-00:00', '2000-12-29', 978084000000, -0],
    ['2000-02-29T00:00:59.1234+18:59', '2000-02-28', 951714119123, 1139],
    ['2026-03-23T10:00:00+01:00', '2026-03-23', 1774256400000, 60],
    ['2026-03-23T10:00:00+05:45', '2026-03-23', 1774239300000, 345],
    ['2026-03-23T10:00:00-05:00', '2026-03-23', 1774278000000, -300],
    ['2026-12-31T19:19:30,999+05:45', '2026-12-31', 1798724070999, 345],
    ['2028-02-29T10:00:00Z', '2028-02-29', 1835431200000, 0],
  ])('%s is on %s in UTC, at %d ms, written at offset %d', (instant, date, ms, offsetMinutes) => {
    expect(mustOk(localDateOf(instant, 'UTC'))).toBe(date);
    expect(readInstant(instant)).toEqual({ ms, offsetMinutes });
  });
});
