/**
 * Every written form of an instant the parser accepts, with its exact value, and every refusal
 * with its problem: seconds and fractions optional, `T`/`Z` in either case, a comma or a dot before
 * the fraction, offsets up to ±18:00, the ends of the supported range. The usual shape is read by a
 * fast reader and every other one by the general parser; both must give the same answers.
 */
import { describe, expect, it } from 'vitest';
import { localDateOf, toInstant } from 'smp-protocol';
import { mustFail, mustOk } from '../support/plans.js';

/** The finding of localDateOf for a refused instant, as [code, problem]. */
const refusal = (instant: string) => mustFail(localDateOf(instant, 'UTC')).map((f) => [f.code, f.params?.problem ?? f.params?.min]);

describe('accepted forms and their local dates', () => {
  it.each([
    ['2026-03-23T10:00:00Z', 'UTC', '2026-03-23'],
    ['2026-03-23T23:30Z', 'UTC', '2026-03-23'],
    ['2026-03-23t23:30z', 'UTC', '2026-03-23'],
    ['2026-03-23T23:30:59.999Z', 'UTC', '2026-03-23'],
    ['2026-03-23T23:59:59,999999999Z', 'UTC', '2026-03-23'],
    ['2026-03-23T23:59:59.123456789+00:00', 'UTC', '2026-03-23'],
    ['2026-03-23T23:30-05:00', 'UTC', '2026-03-24'],
    ['2026-03-23T23:30:00-05:00', 'UTC', '2026-03-24'],
    ['2026-03-23T23:30:00.5-05:00', 'UTC', '2026-03-24'],
    ['2026-03-23T04:30+05:00', 'UTC', '2026-03-22'],
    ['2026-03-23T04:30:00+05:00', 'UTC', '2026-03-22'],
    ['2026-03-23T17:59+18:00', 'UTC', '2026-03-22'],
    ['2026-03-23T17:59:00+18:00', 'UTC', '2026-03-22'],
    ['2026-03-23T06:00-18:00', 'UTC', '2026-03-24'],
    ['2026-03-23T06:00:00-18:00', 'UTC', '2026-03-24'],
    ['2026-03-23T00:15+00:30', 'UTC', '2026-03-22'],
    ['2026-03-23T06:00+05:59', 'UTC', '2026-03-23'],
    ['2026-03-23T05:58:59+05:59', 'UTC', '2026-03-22'],
    ['2026-03-23T00:15:00+00:30', 'UTC', '2026-03-22'],
    ['2026-03-23T23:50-00:15', 'UTC', '2026-03-24'],
    ['2026-03-23T00:15:00.000000000+00:30', 'UTC', '2026-03-22'],
    ['2026-03-23T00:15:00.000000000+01:30', 'UTC', '2026-03-22'],
    ['2026-12-31T23:59:59Z', 'Pacific/Kiritimati', '2027-01-01'],
    ['2026-12-31T23:59Z', 'Pacific/Kiritimati', '2027-01-01'],
    ['2028-02-29T09:59:59Z', 'Pacific/Kiritimati', '2028-02-29'],
    ['2028-02-29T10:00:00Z', 'Pacific/Kiritimati', '2028-03-01'],
    ['2028-03-01T00:00Z', 'America/New_York', '2028-02-29'],
  ])('%s in %s is on %s', (instant, zone, date) => {
    expect(mustOk(localDateOf(instant, zone))).toBe(date);
  });

  it('the same instant in every form gives the same local date at the edge of a day', () => {
    for (const form of [
      '2026-03-23T23:59:59.999Z',
      '2026-03-23T23:59:59,999Z',
      '2026-03-23t23:59:59.999z',
      '2026-03-24T00:59:59.999+01:00',
      '2026-03-23T22:59:59.999-01:00',
      '2026-03-23T22:59:59,9999-01:00',
    ]) {
      expect([form, mustOk(localDateOf(form, 'UTC'))]).toEqual([form, '2026-03-23']);
    }
    for (const form of ['2026-03-24T00:00:00Z', '2026-03-24T00:00Z', '2026-03-24T01:00+01:00', '2026-03-23T23:00-01:00']) {
      expect([form, mustOk(localDateOf(form, 'UTC'))]).toEqual([form, '2026-03-24']);
    }
  });

  it('an instant read once and then again (from the parser cache) keeps its value', () => {
    for (let i = 0; i < 3; i++) expect(mustOk(localDateOf('2026-05-01T23:30-02:00', 'UTC'))).toBe('2026-05-02');
  });
});

describe('refused forms and their problem', () => {
  it.each([
    ['2026-03-23T10:00:00', 'offset'],
    ['2026-03-23T10:00', 'offset'],
    ['2026-03-23T10:00:00.5', 'offset'],
    ['2026-03-23T10:00:00+19:00', 'offset'],
    ['2026-03-23T10:00+19:00', 'offset'],
    ['2026-03-23T10:00:00+05:60', 'offset'],
    ['2026-03-23T10:00+05:60', 'offset'],
    ['2026-03-23T10:00:00-18:60', 'offset'],
    ['2026-03-23 10:00:00Z', 'format'],
    ['2026-03-23T10:00:00+0500', 'format'],
    ['2026-03-23T10:00:00.Z', 'format'],
    ['2026-03-23T10:00:00.1234567890Z', 'format'],
    ['2026-03-23T10:00:00Z ', 'format'],
    ['2026-3-23T10:00:00Z', 'format'],
    ['0999-03-23T10:00:00Z', 'format'],
    [`2026-03-23T10:00:00.${'1'.repeat(30)}Z`, 'format'],
    ['x2026-03-23T10:00:00', 'format'],
    ['2026-03-23T10:00:00 at noon', 'format'],
    ['2026-03-23T10:00:00.55', 'offset'],
    ['2026-03-23T10:00:00+', 'format'],
    ['2026-03-23T10:00:00-', 'format'],
    ['2026+03-23T10:00:00Z', 'format'],
    ['2026-03+23T10:00:00Z', 'format'],
    ['2026-03-23X10:00:00Z', 'format'],
    ['2026-03-23T10+00:00Z', 'format'],
    ['2026-03-23T10:00+00Z', 'format'],
    ['2026-0:-23T10:00:00Z', 'format'],
    ['2026-03-1:T10:00:00Z', 'format'],
    ['2026-03-1/T10:00:00Z', 'format'],
    ['20/6-03-23T10:00:00Z', 'format'],
    [':026-03-23T10:00:00Z', 'format'],
    ['20:0-03-23T10:00:00Z', 'format'],
    ['2026-03-23T10:00:00+01:00x', 'format'],
    ['2026-03-23T10:00:00x01:00', 'format'],
    ['2026-03-23T10:00:00.5x01:00', 'format'],
    ['2026-03-23T10:00:00+01x00', 'format'],
    ['2026-03-23T10:00:00.5+01x00', 'format'],
    ['2026-03-23T10:00:00+0:100', 'format'],
    ['2026-03-23T24:00:00Z', 'time'],
    ['2026-03-23T24:00Z', 'time'],
    ['2026-03-23T23:60:00Z', 'time'],
    ['2026-03-23T23:60Z', 'time'],
    ['2026-03-23T23:59:60Z', 'time'],
    ['2026-03-23T23:59:60+01:00', 'time'],
    ['2026-02-29T10:00:00Z', 'date'],
    ['2026-04-31T10:00Z', 'date'],
    ['2026-00-10T10:00:00Z', 'date'],
    ['2026-13-10T10:00:00Z', 'date'],
    ['2026-01-00T10:00:00Z', 'date'],
    ['2026-01-32T10:00:00Z', 'date'],
  ])('%s: %s', (instant, problem) => {
    expect(refusal(instant)).toEqual([['INVALID_INSTANT', problem]]);
  });
});

describe('the ends of the supported range', () => {
  it.each([
    ['1900-01-02T00:00:00Z', '1900-01-02'],
    ['1900-01-02T00:00Z', '1900-01-02'],
    ['1900-01-01T23:00:00-01:00', '1900-01-02'],
    ['1900-01-02T01:00+01:00', '1900-01-02'],
    ['9999-12-30T23:59:59.999Z', '9999-12-30'],
    ['9999-12-30T23:59:59,999Z', '9999-12-30'],
    ['9999-12-31T00:59:59.999+01:00', '9999-12-30'],
  ])('accepts %s (%s in UTC)', (instant, date) => {
    expect(mustOk(localDateOf(instant, 'UTC'))).toBe(date);
  });

  it.each([
    '1900-01-01T23:59:59.999Z',
    '1900-01-01T23:59Z',
    '1900-01-02T00:59:59+01:00',
    '1900-01-02T00:30+01:00',
    '9999-12-31T00:00:00Z',
    '9999-12-31T00:00Z',
    '9999-12-30T23:00:00-01:00',
    '9999-12-30T23:00-01:00',
    '1000-01-01T00:00:00Z',
  ])('refuses %s as DATE_OUT_OF_RANGE', (instant) => {
    expect(refusal(instant)).toEqual([['DATE_OUT_OF_RANGE', '1900-01-02T00:00:00Z']]);
  });
});

describe('written back in a zone', () => {
  it('a whole-minute offset is written as ±HH:MM, negative and fractional ones included', () => {
    expect(mustOk(toInstant('2026-07-01T10:00', 'America/St_Johns'))).toBe('2026-07-01T10:00:00-02:30');
    expect(mustOk(toInstant('2026-01-01T10:00', 'America/St_Johns'))).toBe('2026-01-01T10:00:00-03:30');
    expect(mustOk(toInstant('2026-01-01T10:00', 'Asia/Kathmandu'))).toBe('2026-01-01T10:00:00+05:45');
    expect(mustOk(toInstant('2026-01-01T10:00:07', 'Pacific/Chatham'))).toBe('2026-01-01T10:00:07+13:45');
    expect(mustOk(toInstant('2026-01-01T00:00', 'Pacific/Marquesas'))).toBe('2026-01-01T00:00:00-09:30');
    expect(mustOk(toInstant('2026-01-01T23:59:59', 'Pacific/Kiritimati'))).toBe('2026-01-01T23:59:59+14:00');
  });

  it('an offset with seconds (local mean time) is written in UTC: Monrovia 1960 was 44 min 30 s behind', () => {
    expect(mustOk(toInstant('1960-06-01T10:00', 'Africa/Monrovia'))).toBe('1960-06-01T10:44:30+00:00');
    expect(mustOk(toInstant('1960-06-01T23:30', 'Africa/Monrovia'))).toBe('1960-06-02T00:14:30+00:00');
  });
});
