/**
 * The calendar's wall-clock arithmetic with exact instants: days with one offset, the first
 * instant at or after a wall time (skipped times in zones east and west of UTC, a whole skipped
 * day), the slot grid of a day across both DST changes in the clinic's zone, and whether a
 * requested time lies within the opening hours.
 */
import { describe, expect, it } from 'vitest';
import {
  compileCalendar,
  forEachStart,
  instantAtOrAfterWall,
  stableDayOffset,
  withinOpeningHours,
  type Calendar,
} from '../../src/schedule/calendar.js';
import { MS_PER_DAY } from '../../src/time/civil.js';
import { checked, day } from '../support/calendar.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Local wall time `date` `HH:mm` as local milliseconds. */
const wall = (date: string, hm: string): number => day(date) * MS_PER_DAY + Number(hm.slice(0, 2)) * HOUR + Number(hm.slice(3)) * MIN;
const iso = (t: number): string => (Number.isNaN(t) ? 'NaN' : new Date(t).toISOString().replace('.000Z', 'Z'));
const ms = (instant: string): number => Date.parse(instant);

describe('stableDayOffset', () => {
  it('the offset when it holds on the local day and the days either side, else NaN (London, spring 2026)', () => {
    const at = (date: string) => stableDayOffset('Europe/London', day(date));
    expect([at('2026-03-27'), at('2026-03-28'), at('2026-03-29'), at('2026-03-30'), at('2026-03-31'), at('2026-07-01')]).toEqual([
      0,
      Number.NaN,
      Number.NaN,
      Number.NaN,
      HOUR,
      HOUR,
    ]);
    expect(stableDayOffset('Asia/Kolkata', day('2026-03-29'))).toBe(5.5 * HOUR);
    expect(stableDayOffset('America/New_York', day('2026-01-15'))).toBe(-5 * HOUR);
  });
});

describe('instantAtOrAfterWall', () => {
  const cases: [zone: string, date: string, time: string, instant: string][] = [
    ['Europe/London', '2026-03-29', '00:59', '2026-03-29T00:59:00Z'],
    // The clocks go from 01:00 to 02:00: every skipped time is the change itself.
    ['Europe/London', '2026-03-29', '01:00', '2026-03-29T01:00:00Z'],
    ['Europe/London', '2026-03-29', '01:30', '2026-03-29T01:00:00Z'],
    ['Europe/London', '2026-03-29', '02:00', '2026-03-29T01:00:00Z'],
    ['Europe/London', '2026-03-29', '02:30', '2026-03-29T01:30:00Z'],
    // A repeated time is its earlier instant.
    ['Europe/London', '2026-10-25', '01:30', '2026-10-25T00:30:00Z'],
    ['Europe/London', '2026-10-25', '02:00', '2026-10-25T02:00:00Z'],
    ['Europe/London', '2026-07-01', '24:00', '2026-07-01T23:00:00Z'],
    ['Australia/Sydney', '2026-10-04', '02:30', '2026-10-03T16:00:00Z'],
    ['America/New_York', '2026-03-08', '02:15', '2026-03-08T07:00:00Z'],
    ['Australia/Lord_Howe', '2026-10-04', '02:10', '2026-10-03T15:30:00Z'],
    // Changes at local midnight.
    ['America/Santiago', '2026-09-06', '00:30', '2026-09-06T04:00:00Z'],
    ['Asia/Beirut', '2026-03-29', '00:30', '2026-03-28T22:00:00Z'],
    ['America/Havana', '2026-03-08', '00:30', '2026-03-08T05:00:00Z'],
    // Samoa skipped 30 December 2011 (from UTC−10 to UTC+14): all of it is the change.
    ['Pacific/Apia', '2011-12-30', '00:00', '2011-12-30T10:00:00Z'],
    ['Pacific/Apia', '2011-12-30', '12:00', '2011-12-30T10:00:00Z'],
    ['Pacific/Apia', '2011-12-30', '23:59', '2011-12-30T10:00:00Z'],
    ['Pacific/Apia', '2011-12-31', '00:00', '2011-12-30T10:00:00Z'],
    ['Pacific/Kiritimati', '1994-12-31', '12:00', '1994-12-31T10:00:00Z'],
  ];
  it.each(cases)('%s %s %s is %s', (zone, date, time, instant) => {
    expect(iso(instantAtOrAfterWall(zone, wall(date, time)))).toBe(instant);
  });
});

/** The slot grid of one day as [start, end] instants. */
function grid(cal: Calendar, date: string, minutes: number, stopAfter = Number.POSITIVE_INFINITY): [string, string][] {
  const out: [string, string][] = [];
  forEachStart(cal, day(date), minutes * MIN, (start, end) => {
    out.push([iso(start), iso(end)]);
    return out.length < stopAfter;
  });
  return out;
}

describe('forEachStart', () => {
  const london = (weekly: unknown[], extra: object = {}) =>
    compileCalendar(checked({ timeZone: 'Europe/London', weekly, slotStepMinutes: 30, ...extra }));

  it('on an ordinary day: starts on the step from each range’s opening; the last one ends exactly at closing', () => {
    const cal = london([
      { weekday: 3, open: '09:00', close: '11:00' },
      { weekday: 3, open: '14:15', close: '15:30' },
    ]);
    // Wednesday 1 July 2026, BST.
    expect(grid(cal, '2026-07-01', 60)).toEqual([
      ['2026-07-01T08:00:00Z', '2026-07-01T09:00:00Z'],
      ['2026-07-01T08:30:00Z', '2026-07-01T09:30:00Z'],
      ['2026-07-01T09:00:00Z', '2026-07-01T10:00:00Z'],
      ['2026-07-01T13:15:00Z', '2026-07-01T14:15:00Z'],
    ]);
    // A session longer than a range: none in it.
    expect(grid(cal, '2026-07-01', 90)).toEqual([
      ['2026-07-01T08:00:00Z', '2026-07-01T09:30:00Z'],
      ['2026-07-01T08:30:00Z', '2026-07-01T10:00:00Z'],
    ]);
    expect(grid(cal, '2026-07-02', 60)).toEqual([]);
  });

  it('stops the whole day when visit answers false', () => {
    const cal = london([
      { weekday: 3, open: '09:00', close: '11:00' },
      { weekday: 3, open: '14:00', close: '16:00' },
    ]);
    expect(grid(cal, '2026-07-01', 60, 1)).toEqual([['2026-07-01T08:00:00Z', '2026-07-01T09:00:00Z']]);
    expect(grid(cal, '2026-07-01', 120, 1)).toEqual([['2026-07-01T08:00:00Z', '2026-07-01T10:00:00Z']]);
  });

  it('a session of no length starts on every step before closing, never at it', () => {
    const cal = london([{ weekday: 3, open: '09:00', close: '10:00' }]);
    expect(grid(cal, '2026-07-01', 0)).toEqual([
      ['2026-07-01T08:00:00Z', '2026-07-01T08:00:00Z'],
      ['2026-07-01T08:30:00Z', '2026-07-01T08:30:00Z'],
    ]);
  });

  it('when the clocks go forward (Sunday 29 March 2026): no start at a skipped time; the hour is short', () => {
    const cal = london([{ weekday: 7, open: '00:00', close: '04:00' }]);
    expect(grid(cal, '2026-03-29', 60)).toEqual([
      ['2026-03-29T00:00:00Z', '2026-03-29T01:00:00Z'],
      ['2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z'],
      // 01:00 and 01:30 do not exist.
      ['2026-03-29T01:00:00Z', '2026-03-29T02:00:00Z'],
      ['2026-03-29T01:30:00Z', '2026-03-29T02:30:00Z'],
      ['2026-03-29T02:00:00Z', '2026-03-29T03:00:00Z'],
    ]);
  });

  it('a range that closes at a skipped time closes at the change', () => {
    const cal = london([{ weekday: 7, open: '00:00', close: '01:30' }]);
    expect(grid(cal, '2026-03-29', 30)).toEqual([
      ['2026-03-29T00:00:00Z', '2026-03-29T00:30:00Z'],
      ['2026-03-29T00:30:00Z', '2026-03-29T01:00:00Z'],
    ]);
  });

  it('when the clocks go back (Sunday 25 October 2026): a repeated time starts at its earlier instant', () => {
    const cal = london([{ weekday: 7, open: '00:00', close: '03:00' }]);
    expect(grid(cal, '2026-10-25', 60)).toEqual([
      ['2026-10-24T23:00:00Z', '2026-10-25T00:00:00Z'],
      ['2026-10-24T23:30:00Z', '2026-10-25T00:30:00Z'],
      ['2026-10-25T00:00:00Z', '2026-10-25T01:00:00Z'],
      ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z'],
      ['2026-10-25T02:00:00Z', '2026-10-25T03:00:00Z'],
    ]);
  });

  it('the days either side of a change (not stable, but without a change of their own)', () => {
    const cal = london([
      { weekday: 6, open: '22:00', close: '24:00' },
      { weekday: 1, open: '00:00', close: '01:00' },
    ]);
    expect(grid(cal, '2026-03-28', 60)).toEqual([
      ['2026-03-28T22:00:00Z', '2026-03-28T23:00:00Z'],
      ['2026-03-28T22:30:00Z', '2026-03-28T23:30:00Z'],
      ['2026-03-28T23:00:00Z', '2026-03-29T00:00:00Z'],
    ]);
    expect(grid(cal, '2026-03-30', 30)).toEqual([
      ['2026-03-29T23:00:00Z', '2026-03-29T23:30:00Z'],
      ['2026-03-29T23:30:00Z', '2026-03-30T00:00:00Z'],
    ]);
  });

  it('steps of 20 minutes from an opening at 09:10, in a zone east of UTC; an override replaces the weekday', () => {
    const cal = compileCalendar(
      checked({
        timeZone: 'Asia/Kolkata',
        weekly: [{ weekday: 3, open: '09:10', close: '10:30' }],
        overrides: [{ date: '2026-07-08', hours: [{ open: '12:00', close: '12:40' }] }],
        slotStepMinutes: 20,
      }),
    );
    expect(grid(cal, '2026-07-01', 40)).toEqual([
      ['2026-07-01T03:40:00Z', '2026-07-01T04:20:00Z'],
      ['2026-07-01T04:00:00Z', '2026-07-01T04:40:00Z'],
      ['2026-07-01T04:20:00Z', '2026-07-01T05:00:00Z'],
    ]);
    expect(grid(cal, '2026-07-08', 40)).toEqual([['2026-07-08T06:30:00Z', '2026-07-08T07:10:00Z']]);
  });
});

describe('withinOpeningHours', () => {
  const cal = compileCalendar(
    checked({
      timeZone: 'Europe/London',
      weekly: [
        { weekday: 7, open: '00:30', close: '03:00' },
        { weekday: 3, open: '09:00', close: '12:00' },
        { weekday: 3, open: '13:00', close: '17:00' },
      ],
    }),
  );
  const within = (start: string, end: string) => withinOpeningHours(cal, ms(start), ms(end));

  it('from opening to closing exactly; not a minute before or after; not across the lunch break', () => {
    expect(within('2026-07-01T08:00:00Z', '2026-07-01T11:00:00Z')).toBe(true);
    expect(within('2026-07-01T12:00:00Z', '2026-07-01T16:00:00Z')).toBe(true);
    expect(within('2026-07-01T07:59:00Z', '2026-07-01T09:00:00Z')).toBe(false);
    expect(within('2026-07-01T10:00:00Z', '2026-07-01T11:01:00Z')).toBe(false);
    expect(within('2026-07-01T10:00:00Z', '2026-07-01T13:00:00Z')).toBe(false);
    expect(within('2026-07-02T08:00:00Z', '2026-07-02T09:00:00Z')).toBe(false);
  });

  it('across the changes: the hours are read in local time on that day', () => {
    // 29 March: 00:30 GMT is 00:30Z; 03:00 BST is 02:00Z.
    expect(within('2026-03-29T00:30:00Z', '2026-03-29T02:00:00Z')).toBe(true);
    expect(within('2026-03-29T00:29:00Z', '2026-03-29T01:00:00Z')).toBe(false);
    expect(within('2026-03-29T01:00:00Z', '2026-03-29T02:01:00Z')).toBe(false);
    // 25 October: 00:30 BST is 23:30Z the day before; 03:00 GMT is 03:00Z.
    expect(within('2026-10-24T23:30:00Z', '2026-10-25T03:00:00Z')).toBe(true);
    expect(within('2026-10-24T23:29:00Z', '2026-10-25T00:00:00Z')).toBe(false);
    expect(within('2026-10-25T02:00:00Z', '2026-10-25T03:01:00Z')).toBe(false);
  });
});
