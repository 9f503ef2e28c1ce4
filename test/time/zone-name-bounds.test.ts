/**
 * A zone name is refused by its shape before the platform is asked: an offset such as `+01:00`
 * (which Node 22's `Intl` accepts as a zone) and any name over 64 characters are never zone names,
 * whatever `Intl` says. Simulated with an `Intl.DateTimeFormat` that knows a few extra names (each
 * read as UTC); each name is used by no other test, so its answer is not already cached.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { localDateOf } from 'smp-protocol';
import { mustFail, mustOk } from '../support/plans.js';

const LONG_64 = `Zone/${'B'.repeat(59)}`;
const LONG_65 = `Zone/${'C'.repeat(60)}`;
const EXTRA = new Set(['+01:00', '-05:00', 'Zone/Bad Name', LONG_64, LONG_65]);

const RealDateTimeFormat = Intl.DateTimeFormat;

/** Replaces `Intl.DateTimeFormat` with one that also knows the EXTRA names, as UTC (restored after each test). */
function platformKnowingExtraNames(): void {
  Intl.DateTimeFormat = new Proxy(RealDateTimeFormat, {
    construct(target, [locales, options]: [string | string[] | undefined, Intl.DateTimeFormatOptions | undefined]) {
      const zone = options?.timeZone;
      return new target(locales, zone !== undefined && EXTRA.has(zone) ? { ...options, timeZone: 'UTC' } : options);
    },
  });
}

afterEach(() => {
  Intl.DateTimeFormat = RealDateTimeFormat;
});

describe('zone names the platform would accept', () => {
  it('the simulated platform reads a name it knows, up to 64 characters', () => {
    platformKnowingExtraNames();
    expect(LONG_64).toHaveLength(64);
    expect(mustOk(localDateOf('2026-03-23T23:30:00Z', LONG_64))).toBe('2026-03-23');
  });

  it.each(['+01:00', '-05:00', 'Zone/Bad Name', LONG_65])('%j is refused with INVALID_TIME_ZONE', (zone) => {
    platformKnowingExtraNames();
    expect(mustFail(localDateOf('2026-03-23T23:30:00Z', zone)).map((f) => [f.code, f.path])).toEqual([['INVALID_TIME_ZONE', ['timeZone']]]);
  });
});
