/**
 * The fast instant reader's contract: every text in the shape calendars export
 * (`YYYY-MM-DDTHH:MM:SS`, an optional `.fraction` of 1–9 digits, then `Z` or `±HH:MM`) that is a
 * real instant is read by it, without the regex and the cache, to the same epoch milliseconds as
 * the general parser; every other text is left to the general parser (`undefined`). The
 * performance budgets (parsePlan, calendars of 100,000 intervals) rely on the first half; the
 * second keeps its answers equal to the general parser's.
 */
import { describe, expect, it } from 'vitest';
import { parseCanonicalInstant, parseInstantDetailed } from '../../src/time/instant.js';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number => {
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi, s, ms);
  return t.getTime();
};
const HOUR = 3_600_000;
const MINUTE = 60_000;

// [text, epoch ms]: each field at its bounds, every month end, leap days, fractions and offsets.
const read: [string, number][] = [
  ['1969-12-31T23:59:59Z', utc(1969, 12, 31, 23, 59, 59)],
  ['2026-01-01T00:00:00Z', utc(2026, 1, 1)],
  ['2026-12-31T23:59:59Z', utc(2026, 12, 31, 23, 59, 59)],
  ['2026-01-31T10:00:00Z', utc(2026, 1, 31, 10)],
  ['2026-03-31T10:00:00Z', utc(2026, 3, 31, 10)],
  ['2026-04-30T10:00:00Z', utc(2026, 4, 30, 10)],
  ['2026-06-30T10:00:00Z', utc(2026, 6, 30, 10)],
  ['2026-09-30T10:00:00Z', utc(2026, 9, 30, 10)],
  ['2026-11-30T10:00:00Z', utc(2026, 11, 30, 10)],
  ['2023-02-28T12:00:00Z', utc(2023, 2, 28, 12)],
  ['2024-02-29T12:00:00Z', utc(2024, 2, 29, 12)],
  ['2000-02-29T12:00:00Z', utc(2000, 2, 29, 12)],
  ['2024-03-01T00:00:00Z', utc(2024, 3, 1)],
  ['2026-03-23T10:00:00.5Z', utc(2026, 3, 23, 10, 0, 0, 500)],
  ['2026-03-23T10:00:00.12Z', utc(2026, 3, 23, 10, 0, 0, 120)],
  ['2026-03-23T10:00:00.999Z', utc(2026, 3, 23, 10, 0, 0, 999)],
  ['2026-03-23T10:00:00.123456789Z', utc(2026, 3, 23, 10, 0, 0, 123)],
  ['2026-03-23T10:00:00.000000000+00:00', utc(2026, 3, 23, 10)],
  ['2026-03-23T10:00:00+00:00', utc(2026, 3, 23, 10)],
  ['2026-03-23T10:00:00-00:00', utc(2026, 3, 23, 10)],
  ['2026-03-23T10:00:00+01:00', utc(2026, 3, 23, 10) - HOUR],
  ['2026-03-23T10:00:00-03:00', utc(2026, 3, 23, 10) + 3 * HOUR],
  ['2026-03-23T10:00:00+05:45', utc(2026, 3, 23, 10) - 5 * HOUR - 45 * MINUTE],
  ['2026-03-23T10:00:00+12:45', utc(2026, 3, 23, 10) - 12 * HOUR - 45 * MINUTE],
  ['2026-03-23T10:00:00-09:30', utc(2026, 3, 23, 10) + 9 * HOUR + 30 * MINUTE],
  ['2026-03-23T10:00:00+18:00', utc(2026, 3, 23, 10) - 18 * HOUR],
  ['2026-03-23T10:00:00-18:00', utc(2026, 3, 23, 10) + 18 * HOUR],
  ['2026-03-23T10:00:00+18:59', utc(2026, 3, 23, 10) - 18 * HOUR - 59 * MINUTE],
  ['2026-03-23T10:00:00+09:59', utc(2026, 3, 23, 10) - 9 * HOUR - 59 * MINUTE],
  ['2026-03-23T10:00:00.25-18:59', utc(2026, 3, 23, 10, 0, 0, 250) + 18 * HOUR + 59 * MINUTE],
];

// Texts the fast reader leaves to the general parser: other valid forms, and every near miss.
const declined: string[] = [
  '2026-03-23t10:00:00Z', // lowercase t
  '2026-03-23T10:00:00z', // lowercase z
  '2026-03-23T10:00Z', // no seconds
  '2026-03-23T10:00:00,5Z', // comma fraction
  '2026-03-23T10:00:00.1234567890Z', // ten digits
  '2026-03-23T10:00:00.Z', // a dot and no digit
  '2026-03-23T10:00:00', // no offset
  '2026-03-23T10:00:00+0100', // offset without colon
  '2026-03-23T10:00:00+19:00',
  '2026-03-23T10:00:00+01:60',
  '2026-03-23T10:00:00Z ',
  '2026-03-23T10:00:00ZZ',
  '2026-03-23T10:00:00+01:00 ',
  '2026-03-23T10:00:00.5+01:00x',
  '0999-12-31T23:59:59Z',
  '2026-00-10T10:00:00Z',
  '2026-13-10T10:00:00Z',
  '2026-01-00T10:00:00Z',
  '2026-01-32T10:00:00Z',
  '2026-04-31T10:00:00Z',
  '2023-02-29T10:00:00Z',
  '1900-02-29T10:00:00Z',
  '2026-03-23T24:00:00Z',
  '2026-03-23T10:60:00Z',
  '2026-03-23T10:00:60Z',
  '2026-3-23T10:00:00.000Z',
  'x026-03-23T10:00:00Z',
  '2026-03-23 10:00:00Z',
  '2026/03/23T10:00:00Z',
  '2026-03-23T10-00:00Z',
  '2026-03-23T10:00-00Z',
  '2026-03-2aT10:00:00Z',
  '2026-03-23T1a:00:00Z',
];

describe('parseCanonicalInstant', () => {
  it.each(read)('reads %s itself, as the general parser does', (text, ms) => {
    expect(parseCanonicalInstant(text)).toBe(ms);
    expect(parseInstantDetailed(text)).toBe(ms);
  });

  it('reads the shape outside the supported range too; the range is checked after it', () => {
    expect(parseCanonicalInstant('1000-01-01T00:00:00Z')).toBe(utc(1000, 1, 1));
    expect(parseCanonicalInstant('9999-12-31T23:59:59Z')).toBe(utc(9999, 12, 31, 23, 59, 59));
    expect(parseInstantDetailed('1000-01-01T00:00:00Z')).toBe('range');
    expect(parseInstantDetailed('9999-12-31T23:59:59Z')).toBe('range');
  });

  it.each(declined)('leaves %s to the general parser', (text) => {
    expect(parseCanonicalInstant(text)).toBeUndefined();
  });

  it('a declined text that is a real instant is still read, by the general parser', () => {
    expect(parseInstantDetailed('2026-03-23t10:00:00z')).toBe(utc(2026, 3, 23, 10));
    expect(parseInstantDetailed('2026-03-23T10:00:00,5Z')).toBe(utc(2026, 3, 23, 10, 0, 0, 500));
    expect(parseInstantDetailed('2026-03-23T10:00Z')).toBe(utc(2026, 3, 23, 10));
    expect(parseInstantDetailed('2026-03-23T10:00:00.Z')).toBe('format');
    expect(parseInstantDetailed('2026-03-23T10:00:00+19:00')).toBe('offset');
  });
});
