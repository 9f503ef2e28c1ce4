/**
 * Day 00 of a month is not a date: the resolver refuses it (`invalid`) rather than reading it as
 * the last day of the month before.
 */
import { describe, expect, it } from 'vitest';
import { resolveWallClock } from '../../src/time/wall-clock.js';

describe('day 00', () => {
  it.each(['2026-01-00T10:00', '2026-03-00T00:00:00'])('%s is invalid', (text) => {
    expect(resolveWallClock(text, 'Europe/London')).toEqual({ kind: 'invalid' });
  });
});
