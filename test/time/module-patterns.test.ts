/**
 * The time kernel's patterns and range constants, read by modules imported fresh for each test
 * (`vi.resetModules`), so a test sees the patterns and constants as the module builds them on
 * load: the general instant parser's forms, the local date-time and date forms, and the ends of
 * the supported range. Texts the fast instant reader leaves to the general parser (lowercase `t`,
 * a comma fraction, no seconds) are the ones that reach the pattern.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Instant = typeof import('../../src/time/instant.js');
type Wall = typeof import('../../src/time/wall-clock.js');
type Civil = typeof import('../../src/time/civil.js');
type Range = typeof import('../../src/time/range.js');
let instant: Instant;
let wall: Wall;
let civil: Civil;
let range: Range;

beforeEach(async () => {
  vi.resetModules();
  instant = await import('../../src/time/instant.js');
  wall = await import('../../src/time/wall-clock.js');
  civil = await import('../../src/time/civil.js');
  range = await import('../../src/time/range.js');
});

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number => Date.UTC(y, mo - 1, d, h, mi, s, ms);
const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('the general instant parser', () => {
  it('reads every form the fast reader leaves to it, field by field', () => {
    const cases: [string, number][] = [
      ['2026-03-23t10:07:05Z', utc(2026, 3, 23, 10, 7, 5)],
      ['2026-03-23T10:07:05z', utc(2026, 3, 23, 10, 7, 5)],
      ['2026-03-23t10:07Z', utc(2026, 3, 23, 10, 7)],
      ['2026-03-23t10:07+05:45', utc(2026, 3, 23, 10, 7) - 5 * HOUR - 45 * MINUTE],
      ['2026-03-23t10:07:05,25+05:45', utc(2026, 3, 23, 10, 7, 5, 250) - 5 * HOUR - 45 * MINUTE],
      ['2026-03-23t10:07:05.123456789-03:30', utc(2026, 3, 23, 10, 7, 5, 123) + 3 * HOUR + 30 * MINUTE],
      ['2026-03-23t10:07:05.5-12:00', utc(2026, 3, 23, 10, 7, 5, 500) + 12 * HOUR],
      ['1999-12-31t23:59:59,999+14:00', utc(1999, 12, 31, 23, 59, 59, 999) - 14 * HOUR],
      ['2026-11-09t21:48:36Z', utc(2026, 11, 9, 21, 48, 36)],
    ];
    for (const [text, ms] of cases) expect([text, instant.parseInstantDetailed(text)]).toEqual([text, ms]);
  });

  it('refuses text around, inside or in place of a form', () => {
    const cases: [string, string][] = [
      ['x2026-03-23t10:07:05Z', 'format'],
      ['12026-03-23t10:07:05Z', 'format'],
      ['2026-03-23t10:07:05Zx', 'format'],
      ['2026-03-23t10:07:05+01:00x', 'format'],
      ['0026-03-23t10:07:05Z', 'format'],
      ['2026-3-23t10:07:05Z', 'format'],
      ['2026-03-3t10:07:05Z', 'format'],
      ['2026-03-23x10:07:05Z', 'format'],
      ['2026-03-23t1:07:05Z', 'format'],
      ['2026-03-23t10:7:05Z', 'format'],
      ['2026-03-23t10:07:5Z', 'format'],
      ['2026-03-23t10:07:05.Z', 'format'],
      ['2026-03-23t10:07:05x5Z', 'format'],
      ['2026-03-23t10:07:05+1:00', 'format'],
      ['2026-03-23t10:07:05+01:0', 'format'],
      ['2026-03-23t10:07:05x01:00', 'format'],
      ['2026-03-23t10:07:05', 'offset'],
    ];
    for (const [text, problem] of cases) expect([text, instant.parseInstantDetailed(text)]).toEqual([text, problem]);
  });
});

describe('the local date-time form (toInstant)', () => {
  it('reads YYYY-MM-DDTHH:MM, with T or a space, with or without seconds', () => {
    expect(wall.resolveWallClock('2026-03-23T10:07', 'UTC')).toEqual({ kind: 'ok', ms: utc(2026, 3, 23, 10, 7) });
    expect(wall.resolveWallClock('2026-03-23 10:07:05', 'UTC')).toEqual({ kind: 'ok', ms: utc(2026, 3, 23, 10, 7, 5) });
    expect(wall.resolveWallClock('2026-11-30T21:48:36', 'UTC')).toEqual({ kind: 'ok', ms: utc(2026, 11, 30, 21, 48, 36) });
  });

  it('refuses anything around or inside it as a format problem', () => {
    for (const text of [
      'x2026-03-23T10:07',
      '12026-03-23T10:07',
      '2026-03-23T10:07x',
      '2026-03-23T10:07:05x',
      '0026-03-23T10:07',
      '2026-3-23T10:07',
      '2026-03-3T10:07',
      '2026-03-23x10:07',
      '2026-03-23T1:07',
      '2026-03-23T10:7',
      '2026-03-23T10:07:5',
      '2026-03-23T10:07:',
    ]) {
      expect([text, wall.resolveWallClock(text, 'UTC')]).toEqual([text, { kind: 'format' }]);
    }
  });
});

describe('the local date form', () => {
  it('reads YYYY-MM-DD and nothing around it', () => {
    expect(civil.parseLocalDate('2026-03-23')).toBe(20_535);
    expect(civil.parseLocalDate('x2026-03-23')).toBeUndefined();
    expect(civil.parseLocalDate('2026-03-23x')).toBeUndefined();
    expect(civil.parseLocalDate('2026-03-23T00:00')).toBeUndefined();
  });
});

describe('the ends of the supported range, as the module builds them', () => {
  it('local dates: 1900-01-01 to 9999-12-31', () => {
    expect(range.localDateOutOfRange('1899-12-31')).toBe(true);
    expect(range.localDateOutOfRange('1900-01-01')).toBe(false);
    expect(range.localDateOutOfRange('9999-12-31')).toBe(false);
    expect(range.MIN_LOCAL_DATE).toBe('1900-01-01');
  });

  it('instants: 1900-01-02T00:00:00Z to 9999-12-30T23:59:59.999Z, to the millisecond', () => {
    expect(range.MIN_INSTANT_MS).toBe(utc(1900, 1, 2));
    expect(range.MAX_INSTANT_MS).toBe(utc(9999, 12, 30, 23, 59, 59, 999));
    expect(range.instantInRange(utc(1900, 1, 2))).toBe(true);
    expect(range.instantInRange(utc(1900, 1, 2) - 1)).toBe(false);
    expect(range.instantInRange(utc(9999, 12, 30, 23, 59, 59, 999))).toBe(true);
    expect(range.instantInRange(utc(9999, 12, 31))).toBe(false);
    expect(instant.parseInstantDetailed('1900-01-01t23:59:59,999Z')).toBe('range');
    expect(instant.parseInstantDetailed('1900-01-02t00:00Z')).toBe(utc(1900, 1, 2));
  });
});
