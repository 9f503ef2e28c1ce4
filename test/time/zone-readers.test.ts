/**
 * Zone names, and a zone's offsets read from an `Intl` whose output is not the one this Node's
 * ICU writes: another ICU may punctuate the date differently or write midnight as hour 24, and
 * the offsets must be the same. Each case uses a zone no other test uses, so the offsets are read
 * while the stub is in place (the kernel caches them per zone and day).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localDateOf, toInstant } from 'smp-protocol';
import { mustFail, mustOk } from '../support/plans.js';

/** `Intl.DateTimeFormat.prototype.format` is a getter that returns a bound function (TypeScript types it as a method). */
const formatGetter = Intl.DateTimeFormat.prototype as unknown as { readonly format: unknown };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('zone names', () => {
  it.each(['UTC', 'Etc/GMT+5', 'Etc/GMT-14', 'America/Argentina/Buenos_Aires', 'America/Port-au-Prince', 'Asia/Ho_Chi_Minh'])(
    'accepts %s',
    (zone) => {
      expect(mustOk(localDateOf('2026-03-23T12:00:00Z', zone))).toMatch(/^2026-03-2[34]$/);
    },
  );

  it.each(['+01:00', 'Europe/', '/Europe/London', 'Europe//London', 'Europe/London ', 'Mars/Olympus_Mons', '', `Europe/${'A'.repeat(60)}`])(
    'refuses %j with INVALID_TIME_ZONE (twice: the answer is cached, not changed)',
    (zone) => {
      for (let i = 0; i < 2; i++) {
        expect(mustFail(localDateOf('2026-03-23T12:00:00Z', zone)).map((f) => [f.code, f.path])).toEqual([
          ['INVALID_TIME_ZONE', ['timeZone']],
        ]);
      }
    },
  );
});

describe('offsets read from another ICU', () => {
  it('a date written with other punctuation is read from its parts: America/Havana, DST at local midnight', () => {
    vi.spyOn(formatGetter, 'format', 'get').mockReturnValue(() => 'lundi 23 mars 2026 à 10 h');
    expect(mustOk(toInstant('2026-01-15T10:00', 'America/Havana'))).toBe('2026-01-15T10:00:00-05:00');
    expect(mustOk(toInstant('2026-07-01T10:00', 'America/Havana'))).toBe('2026-07-01T10:00:00-04:00');
    expect(mustFail(toInstant('2026-03-08T00:30', 'America/Havana')).map((f) => f.code)).toEqual(['NONEXISTENT_LOCAL_TIME']);
    expect(mustOk(toInstant('2026-03-08T01:00', 'America/Havana'))).toBe('2026-03-08T01:00:00-04:00');
    expect(mustOk(localDateOf('2026-03-08T04:59:59Z', 'America/Havana'))).toBe('2026-03-07');
    expect(mustOk(localDateOf('2026-03-08T05:00:00Z', 'America/Havana'))).toBe('2026-03-08');
    expect(mustOk(localDateOf('2026-03-08T04:00:00Z', 'America/Havana'))).toBe('2026-03-07');
  });

  it('midnight written as hour 24 is hour 0: Africa/Abidjan (UTC+0, where UTC midnight is local midnight)', () => {
    const parts = Intl.DateTimeFormat.prototype.formatToParts;
    vi.spyOn(formatGetter, 'format', 'get').mockReturnValue(() => '?');
    vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts').mockImplementation(function (this: Intl.DateTimeFormat, date) {
      return parts.call(this, date).map((p) => (p.type === 'hour' && p.value === '00' ? { ...p, value: '24' } : p));
    });
    expect(mustOk(toInstant('2026-05-01T00:00', 'Africa/Abidjan'))).toBe('2026-05-01T00:00:00+00:00');
    expect(mustOk(toInstant('2026-05-01T23:59:59', 'Africa/Abidjan'))).toBe('2026-05-01T23:59:59+00:00');
    expect(mustOk(localDateOf('2026-05-01T00:00:00Z', 'Africa/Abidjan'))).toBe('2026-05-01');
    expect(mustOk(localDateOf('2026-04-30T23:59:59Z', 'Africa/Abidjan'))).toBe('2026-04-30');
  });
});
