/**
 * compileCalendar with exact values: the defaults, the hours by weekday and date (sorted), the
 * busy intervals sorted once (with the longest length), the search window of a call, and the
 * busy intervals kept for a one-off call (those that reach into its window).
 */
import { describe, expect, it } from 'vitest';
import { compileCalendar, openingRanges, searchWindow } from '../../src/schedule/calendar.js';
import { MS_PER_DAY } from '../../src/time/civil.js';
import { checked, day } from '../support/calendar.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

const ms = (instant: string): number => Date.parse(instant);
const iso = (list: ArrayLike<number>): string[] => Array.from(list, (t) => new Date(t).toISOString());

describe('compileCalendar', () => {
  it('applies the defaults: a 30-minute step, no buffers or notice, 90 days, one unnamed resource', () => {
    const cal = compileCalendar(checked({ timeZone: 'Europe/London', weekly: [] }));
    expect(cal.zone).toBe('Europe/London');
    expect(cal.stepMinutes).toBe(30);
    expect(cal.bufferBeforeMs).toBe(0);
    expect(cal.bufferAfterMs).toBe(0);
    expect(cal.noticeMs).toBe(0);
    expect(cal.horizonDays).toBe(90);
    expect(cal.resources).toEqual([undefined]);
    expect(cal.weekly).toEqual([[], [], [], [], [], [], [], []]);
    expect(cal.overrides.size).toBe(0);
    expect(cal.busy.maxLength).toBe(0);
    expect(cal.busy.start.length).toBe(0);
  });

  it('reads every setting in milliseconds, days and names', () => {
    const cal = compileCalendar(
      checked({
        timeZone: 'Asia/Kolkata',
        weekly: [],
        resources: ['ana', 'ben'],
        bufferBeforeMinutes: 10,
        bufferAfterMinutes: 15,
        minimumNoticeMinutes: 1_440,
        horizonDays: 7,
        slotStepMinutes: 20,
      }),
    );
    expect([cal.zone, cal.stepMinutes, cal.bufferBeforeMs, cal.bufferAfterMs, cal.noticeMs, cal.horizonDays]).toEqual([
      'Asia/Kolkata',
      20,
      10 * MIN,
      15 * MIN,
      1_440 * MIN,
      7,
    ]);
    expect(cal.resources).toEqual(['ana', 'ben']);
  });

  it('keeps the hours by ISO weekday, sorted by opening time, and an override’s hours by its day, sorted', () => {
    const cal = compileCalendar(
      checked({
        timeZone: 'UTC',
        weekly: [
          { weekday: 7, open: '14:00', close: '24:00' },
          { weekday: 1, open: '13:30', close: '18:00' },
          { weekday: 7, open: '00:00', close: '01:15' },
          { weekday: 1, open: '09:00', close: '12:00' },
        ],
        overrides: [
          { date: '2026-05-04', hours: [] },
          {
            date: '2026-05-10',
            hours: [
              { open: '15:00', close: '16:00' },
              { open: '08:45', close: '09:00' },
            ],
          },
        ],
      }),
    );
    expect(cal.weekly).toEqual([
      [],
      [
        { open: 540, close: 720 },
        { open: 810, close: 1_080 },
      ],
      [],
      [],
      [],
      [],
      [],
      [
        { open: 0, close: 75 },
        { open: 840, close: 1_440 },
      ],
    ]);
    expect([...cal.overrides.entries()]).toEqual([
      [day('2026-05-04'), []],
      [
        day('2026-05-10'),
        [
          { open: 525, close: 540 },
          { open: 900, close: 960 },
        ],
      ],
    ]);
    // Monday 4 May 2026 is closed by its override; Monday 11 May has the weekly hours; Sunday 10 May the override's.
    expect(openingRanges(cal, day('2026-05-04'))).toEqual([]);
    expect(openingRanges(cal, day('2026-05-11'))).toEqual([
      { open: 540, close: 720 },
      { open: 810, close: 1_080 },
    ]);
    expect(openingRanges(cal, day('2026-05-10'))).toEqual([
      { open: 525, close: 540 },
      { open: 900, close: 960 },
    ]);
    expect(openingRanges(cal, day('2026-05-17'))).toEqual([
      { open: 0, close: 75 },
      { open: 840, close: 1_440 },
    ]);
  });

  it('sorts the busy intervals by start (with their ends and resources) and keeps the longest length', () => {
    const cal = compileCalendar(
      checked({
        timeZone: 'UTC',
        weekly: [],
        resources: ['ana', 'ben'],
        busy: [
          { start: '2026-04-03T09:00:00Z', end: '2026-04-03T10:00:00Z', resource: 'ben' },
          { start: '2026-04-01T09:00:00Z', end: '2026-04-01T14:00:00Z' },
          { start: '2026-04-02T09:00:00Z', end: '2026-04-02T09:30:00Z', resource: 'ana' },
        ],
      }),
    );
    expect(iso(cal.busy.start)).toEqual(['2026-04-01T09:00:00.000Z', '2026-04-02T09:00:00.000Z', '2026-04-03T09:00:00.000Z']);
    expect(iso(cal.busy.end)).toEqual(['2026-04-01T14:00:00.000Z', '2026-04-02T09:30:00.000Z', '2026-04-03T10:00:00.000Z']);
    expect(Array.from(cal.busy.resource)).toEqual([-1, 0, 1]);
    expect(cal.busy.maxLength).toBe(5 * HOUR);
  });

  it('keeps intervals already in order as they are (equal starts included), with the longest length', () => {
    const cal = compileCalendar(
      checked({
        timeZone: 'UTC',
        weekly: [],
        busy: [
          { start: '2026-04-01T09:00:00Z', end: '2026-04-01T10:00:00Z' },
          { start: '2026-04-01T09:00:00Z', end: '2026-04-01T09:15:00Z' },
          { start: '2026-04-02T09:00:00Z', end: '2026-04-02T11:00:00Z' },
        ],
      }),
    );
    expect(iso(cal.busy.start)).toEqual(['2026-04-01T09:00:00.000Z', '2026-04-01T09:00:00.000Z', '2026-04-02T09:00:00.000Z']);
    expect(iso(cal.busy.end)).toEqual(['2026-04-01T10:00:00.000Z', '2026-04-01T09:15:00.000Z', '2026-04-02T11:00:00.000Z']);
    expect(cal.busy.maxLength).toBe(2 * HOUR);
  });
});

describe('searchWindow', () => {
  it('runs from the earliest start (after the notice) less its buffer to the day after the horizon’s last day plus the buffer after', () => {
    const cal = compileCalendar(
      checked({
        timeZone: 'America/New_York',
        weekly: [],
        bufferBeforeMinutes: 10,
        bufferAfterMinutes: 15,
        minimumNoticeMinutes: 120,
        horizonDays: 5,
      }),
    );
    // 2026-04-01T02:00Z is 31 March, 22:00 in New York: the horizon's last local day is 5 April.
    const asOf = ms('2026-04-01T02:00:00Z');
    const { from, to } = searchWindow(cal, asOf);
    expect(new Date(from).toISOString()).toBe('2026-04-01T03:50:00.000Z');
    expect(to).toBe((day('2026-04-05') + 3) * MS_PER_DAY + 15 * MIN);
    expect(new Date(to).toISOString()).toBe('2026-04-08T00:15:00.000Z');
  });
});

describe('a one-off call keeps the busy intervals that reach into its window', () => {
  const asOf = ms('2026-04-01T12:00:00Z');
  // The window of this call: from 2026-04-01T12:00Z (no notice, no buffer) to (1 April + 2 days + 3) = 2026-04-06T00:00Z.
  const input = {
    timeZone: 'UTC',
    weekly: [],
    horizonDays: 2,
    busy: [
      { start: '2026-03-01T09:00:00Z', end: '2026-03-01T10:00:00Z' },
      { start: '2026-04-06T00:00:00Z', end: '2026-04-06T01:00:00Z' },
      { start: '2026-04-01T11:00:00Z', end: '2026-04-01T12:00:00Z' },
      { start: '2026-04-05T23:59:00Z', end: '2026-04-06T00:30:00Z' },
      { start: '2026-04-01T11:00:00Z', end: '2026-04-01T12:00:00.001Z' },
      { start: '2026-03-20T00:00:00Z', end: '2026-04-03T00:00:00Z' },
      { start: '2026-05-01T09:00:00Z', end: '2026-05-01T10:00:00Z' },
    ],
  };

  it('the window itself', () => {
    const { from, to } = searchWindow(compileCalendar(checked(input)), asOf);
    expect([new Date(from).toISOString(), new Date(to).toISOString()]).toEqual(['2026-04-01T12:00:00.000Z', '2026-04-06T00:00:00.000Z']);
  });

  it('keeps those ending after its start and starting before its end, sorted; the others are dropped', () => {
    const cal = compileCalendar(checked(input), asOf);
    expect(iso(cal.busy.start)).toEqual(['2026-03-20T00:00:00.000Z', '2026-04-01T11:00:00.000Z', '2026-04-05T23:59:00.000Z']);
    expect(iso(cal.busy.end)).toEqual(['2026-04-03T00:00:00.000Z', '2026-04-01T12:00:00.001Z', '2026-04-06T00:30:00.000Z']);
    expect(Array.from(cal.busy.resource)).toEqual([-1, -1, -1]);
    expect(cal.busy.maxLength).toBe(14 * 24 * HOUR);
  });

  it('keeps each interval’s resource', () => {
    const cal = compileCalendar(
      checked({
        ...input,
        resources: ['ana', 'ben'],
        busy: [
          { start: '2026-03-01T09:00:00Z', end: '2026-03-01T10:00:00Z', resource: 'ana' },
          { start: '2026-04-02T09:00:00Z', end: '2026-04-02T10:00:00Z', resource: 'ben' },
          { start: '2026-04-02T08:00:00Z', end: '2026-04-02T09:00:00Z', resource: 'ana' },
        ],
      }),
      asOf,
    );
    expect(iso(cal.busy.start)).toEqual(['2026-04-02T08:00:00.000Z', '2026-04-02T09:00:00.000Z']);
    expect(Array.from(cal.busy.resource)).toEqual([0, 1]);
  });

  it('keeps them all, as they are, when all reach into the window', () => {
    const inside = checked({ ...input, busy: input.busy.slice(3, 4) });
    const cal = compileCalendar(inside, asOf);
    expect(cal.busy.start).toBe(inside.busy.start);
    expect(iso(cal.busy.start)).toEqual(['2026-04-05T23:59:00.000Z']);
  });
});
