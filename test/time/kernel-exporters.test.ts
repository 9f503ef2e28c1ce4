/**
 * The time kernel's functions that only the exporters (iCalendar, FHIR) and the timeline picture
 * call, with exact values: an instant with the offset it was written in, the wall clock at an
 * offset, ISO weekdays, months added to a date, and a zone's offset changes in an interval.
 */
import { describe, expect, it } from 'vitest';
import { addMonths, civilFromMs, daysFromCivil, formatLocalDate, isoWeekday } from '../../src/time/civil.js';
import { readInstant } from '../../src/time/instant.js';
import { transitionsBetween } from '../../src/time/zone.js';

const HOUR = 3_600_000;

describe('readInstant: the instant and the offset it was written with', () => {
  it.each([
    ['2026-03-23T10:00:00+05:45', Date.UTC(2026, 2, 23, 4, 15), 345],
    ['2026-03-23T10:00+05:45', Date.UTC(2026, 2, 23, 4, 15), 345],
    ['2026-03-23T10:00:00-03:30', Date.UTC(2026, 2, 23, 13, 30), -210],
    ['2026-03-23T10:00:00.250-09:00', Date.UTC(2026, 2, 23, 19, 0, 0, 250), -540],
    ['2026-03-23T10:00:00+14:00', Date.UTC(2026, 2, 22, 20), 840],
    ['2026-03-23T10:00:00Z', Date.UTC(2026, 2, 23, 10), 0],
    ['2026-03-23t10:00:00z', Date.UTC(2026, 2, 23, 10), 0],
    ['2026-03-23T10:00:00+00:00', Date.UTC(2026, 2, 23, 10), 0],
    // Forms only the general parser reads (lowercase t, a comma, no seconds): the same values.
    ['2026-03-23t10:20:30.250-09:00', Date.UTC(2026, 2, 23, 19, 20, 30, 250), -540],
    ['2026-03-23T10:20:30,5+05:45', Date.UTC(2026, 2, 23, 4, 35, 30, 500), 345],
    ['2026-03-23T10:20:30,999999999Z', Date.UTC(2026, 2, 23, 10, 20, 30, 999), 0],
    ['2026-03-23t10:20+05:59', Date.UTC(2026, 2, 23, 4, 21), 359],
    ['2026-03-23t10:20-18:00', Date.UTC(2026, 2, 24, 4, 20), -1080],
  ])('%s', (text, ms, offsetMinutes) => {
    expect(readInstant(text)).toEqual({ ms, offsetMinutes });
  });

  it('is undefined for what the parser refuses', () => {
    for (const text of ['2026-03-23T10:00:00', '2026-02-30T10:00:00Z', '1900-01-01T00:00:00Z', 'x'])
      expect(readInstant(text)).toBeUndefined();
  });
});

describe('civilFromMs: the wall clock of local milliseconds, to the second', () => {
  it.each([
    [Date.UTC(2026, 2, 23, 4, 15, 9, 999), { year: 2026, month: 3, day: 23, hour: 4, minute: 15, second: 9 }],
    [Date.UTC(2026, 11, 31, 23, 59, 59, 1), { year: 2026, month: 12, day: 31, hour: 23, minute: 59, second: 59 }],
    [Date.UTC(2028, 1, 29, 0, 0, 0), { year: 2028, month: 2, day: 29, hour: 0, minute: 0, second: 0 }],
    [Date.UTC(1969, 11, 31, 23, 59, 59, 500), { year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59 }],
    [Date.UTC(1900, 0, 1, 12, 30, 45), { year: 1900, month: 1, day: 1, hour: 12, minute: 30, second: 45 }],
  ])('%d', (ms, fields) => {
    expect(civilFromMs(ms)).toEqual(fields);
  });
});

describe('isoWeekday: Monday 1 … Sunday 7', () => {
  it.each([
    [2026, 3, 23, 1],
    [2026, 3, 28, 6],
    [2026, 3, 29, 7],
    [1970, 1, 1, 4],
    [1969, 12, 28, 7],
    [1969, 12, 29, 1],
    [1900, 1, 1, 1],
    [2000, 2, 29, 2],
  ])('%d-%d-%d is %d', (y, m, d, weekday) => {
    expect(isoWeekday(daysFromCivil(y, m, d))).toBe(weekday);
  });
});

describe('addMonths: a day missing in the target month rolls to the first of the next', () => {
  it.each([
    ['2026-01-31', 1, '2026-03-01'],
    ['2026-01-30', 1, '2026-03-01'],
    ['2026-01-28', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-03-01'],
    ['2028-01-29', 1, '2028-02-29'],
    ['2028-02-29', 12, '2029-03-01'],
    ['2028-02-29', 48, '2032-02-29'],
    ['2026-03-31', 1, '2026-05-01'],
    ['2026-11-15', 2, '2027-01-15'],
    ['2026-12-31', 12, '2027-12-31'],
    ['2026-05-31', -1, '2026-05-01'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-01-15', 0, '2026-01-15'],
  ])('%s + %d months = %s', (date, months, expected) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    expect(formatLocalDate(addMonths(daysFromCivil(y, m, d), months))).toBe(expected);
  });
});

describe("transitionsBetween: a zone's offset changes in [start, end), to the second", () => {
  const spring = Date.UTC(2026, 2, 29, 1);
  const autumn = Date.UTC(2026, 9, 25, 1);

  it('Europe/London in 2026: forward an hour on 29 March, back on 25 October, both at 01:00 UTC', () => {
    expect(transitionsBetween('Europe/London', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual([
      { at: spring, before: 0, after: HOUR },
      { at: autumn, before: HOUR, after: 0 },
    ]);
  });

  it('the start is inside the interval and the end is not', () => {
    expect(transitionsBetween('Europe/London', spring, autumn)).toEqual([{ at: spring, before: 0, after: HOUR }]);
    expect(transitionsBetween('Europe/London', spring + 1000, autumn + 1000)).toEqual([{ at: autumn, before: HOUR, after: 0 }]);
    expect(transitionsBetween('Europe/London', spring - 1000, spring)).toEqual([]);
    expect(transitionsBetween('Europe/London', spring - 1000, spring + 1)).toEqual([{ at: spring, before: 0, after: HOUR }]);
  });

  it('none in a zone without DST, and the 30-minute change of Lord Howe', () => {
    expect(transitionsBetween('Asia/Tokyo', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual([]);
    expect(transitionsBetween('Australia/Lord_Howe', Date.UTC(2026, 3, 1), Date.UTC(2026, 3, 30))).toEqual([
      { at: Date.UTC(2026, 3, 4, 15), before: 11 * HOUR, after: 10.5 * HOUR },
    ]);
  });
});
