/**
 * The wall-clock resolver on its own: every kind of answer, including the time fields it checks
 * itself (the public `toInstant` refuses 24:00 or 10:60 before asking it, so only a direct call
 * reaches that check).
 */
import { describe, expect, it } from 'vitest';
import { resolveWallClock } from '../../src/time/wall-clock.js';

describe('resolveWallClock', () => {
  it.each([
    ['2026-03-23T10:00', 'Europe/London', Date.UTC(2026, 2, 23, 10)],
    ['2026-03-23 10:00:30', 'Europe/London', Date.UTC(2026, 2, 23, 10, 0, 30)],
    ['2026-07-01T10:00', 'Europe/London', Date.UTC(2026, 6, 1, 9)],
    ['2026-10-25T01:30', 'Europe/London', Date.UTC(2026, 9, 25, 0, 30)],
    ['2026-04-05T01:45', 'Australia/Lord_Howe', Date.UTC(2026, 3, 4, 14, 45)],
  ])('%s in %s is ok', (text, zone, ms) => {
    expect(resolveWallClock(text, zone)).toEqual({ kind: 'ok', ms });
  });

  it.each(['2026-03-23T24:00', '2026-03-23T23:60', '2026-03-23T23:59:60', '2026-02-29T10:00', '2026-13-01T10:00', '2026-04-31T10:00'])(
    '%s is invalid',
    (text) => {
      expect(resolveWallClock(text, 'Europe/London')).toEqual({ kind: 'invalid' });
    },
  );

  it('a time the clocks skip is nonexistent; a malformed one is format', () => {
    expect(resolveWallClock('2026-03-29T01:30', 'Europe/London')).toEqual({ kind: 'nonexistent' });
    expect(resolveWallClock('2026-03-29T01:30Z', 'Europe/London')).toEqual({ kind: 'format' });
    expect(resolveWallClock('26-03-29T01:30', 'Europe/London')).toEqual({ kind: 'format' });
  });
});
