/**
 * Busy blocks with exact instants: intervals merged per resource (overlapping and touching ones
 * into one block, an interval without a resource blocking every resource), the window they are
 * read for, released bookings left out, and whether a time is free of them.
 */
import { describe, expect, it } from 'vitest';
import { busyBlocks, compileCalendar, isFree, type Blocks } from '../../src/schedule/calendar.js';
import { checked } from '../support/calendar.js';

const ms = (instant: string): number => Date.parse(instant);
const text = (t: number): string => new Date(t).toISOString().slice(11, 16);
/** Blocks as 'HH:mm–HH:mm' (UTC) per resource. */
const shown = (blocks: Blocks[]): string[][] => blocks.map((b) => b.start.map((s, i) => `${text(s)}–${text(b.end[i] as number)}`));
const at = (hm: string): string => `2026-04-02T${hm}:00Z`;

describe('busyBlocks', () => {
  const calendar = compileCalendar(
    checked({
      timeZone: 'UTC',
      weekly: [],
      resources: ['ana', 'ben'],
      busy: [
        { start: at('09:00'), end: at('10:00'), resource: 'ana' },
        { start: at('09:30'), end: at('09:45'), resource: 'ana' },
        { start: at('10:00'), end: at('10:30'), resource: 'ana' },
        { start: at('11:00'), end: at('11:00'), resource: 'ana' },
        { start: at('12:00'), end: at('13:00') },
        { start: at('12:30'), end: at('14:00'), resource: 'ben' },
        { start: at('15:00'), end: at('15:30'), resource: 'ben' },
        { start: at('15:29'), end: at('16:00'), resource: 'ben' },
        { start: at('17:00'), end: at('17:30') },
      ],
    }),
  );
  const day = [ms(at('00:00')), ms('2026-04-03T00:00:00Z')] as const;

  it('merges overlapping and touching intervals per resource; one without a resource blocks both; an empty one blocks nothing', () => {
    expect(shown(busyBlocks(calendar, day[0], day[1], []))).toEqual([
      ['09:00–10:30', '12:00–13:00', '17:00–17:30'],
      ['12:00–14:00', '15:00–16:00', '17:00–17:30'],
    ]);
  });

  it('reads only the intervals that reach into the window: one ending at its start is left out, one starting at its end too', () => {
    expect(shown(busyBlocks(calendar, ms(at('10:30')), ms(at('17:00')), []))).toEqual([['12:00–13:00'], ['12:00–14:00', '15:00–16:00']]);
    // An interval that began before the window and reaches into it is kept whole.
    expect(shown(busyBlocks(calendar, ms(at('10:29')), ms(at('12:00')), []))).toEqual([['10:00–10:30'], []]);
    expect(shown(busyBlocks(calendar, ms(at('13:30')), ms(at('15:00')), []))).toEqual([[], ['12:30–14:00']]);
  });

  it('a released booking that shares only its start or only its end with an interval releases nothing', () => {
    const released = [
      { start: ms(at('09:30')), end: ms(at('10:00')) },
      { start: ms(at('12:00')), end: ms(at('12:30')) },
    ];
    expect(shown(busyBlocks(calendar, day[0], day[1], released))).toEqual(shown(busyBlocks(calendar, day[0], day[1], [])));
  });

  it('leaves out the intervals identical to a released booking, and only those', () => {
    const released = [
      { start: ms(at('12:00')), end: ms(at('13:00')) },
      { start: ms(at('15:00')), end: ms(at('15:29')) },
    ];
    expect(shown(busyBlocks(calendar, day[0], day[1], released))).toEqual([
      ['09:00–10:30', '17:00–17:30'],
      ['12:30–14:00', '15:00–16:00', '17:00–17:30'],
    ]);
  });

  it('without resources: one list of blocks for the clinic', () => {
    const clinic = compileCalendar(
      checked({
        timeZone: 'UTC',
        weekly: [],
        busy: [
          { start: at('08:00'), end: at('09:00') },
          { start: at('08:30'), end: at('08:45') },
          { start: at('09:01'), end: at('09:02') },
        ],
      }),
    );
    expect(shown(busyBlocks(clinic, day[0], day[1], []))).toEqual([['08:00–09:00', '09:01–09:02']]);
  });

  it('finds a long interval that began long before the window', () => {
    const long = compileCalendar(
      checked({
        timeZone: 'UTC',
        weekly: [],
        busy: [
          { start: '2026-03-01T00:00:00Z', end: '2026-04-10T00:00:00Z' },
          { start: '2026-03-30T00:00:00Z', end: '2026-03-30T01:00:00Z' },
          { start: at('09:00'), end: at('10:00') },
        ],
      }),
    );
    const blocks = busyBlocks(long, day[0], day[1], []);
    expect(blocks.map((b) => [b.start.map((t) => new Date(t).toISOString()), b.end.map((t) => new Date(t).toISOString())])).toEqual([
      [['2026-03-01T00:00:00.000Z'], ['2026-04-10T00:00:00.000Z']],
    ]);
  });
});

describe('isFree', () => {
  const blocks: Blocks = { start: [ms(at('09:00')), ms(at('12:00'))], end: [ms(at('10:00')), ms(at('13:00'))] };
  const free = (from: string, to: string) => isFree(blocks, ms(at(from)), ms(at(to)));

  it('free up to a block’s start and from its end, not across either', () => {
    expect(free('08:00', '09:00')).toBe(true);
    expect(free('10:00', '12:00')).toBe(true);
    expect(free('13:00', '14:00')).toBe(true);
    expect(free('08:00', '09:01')).toBe(false);
    expect(free('09:59', '11:00')).toBe(false);
    expect(free('11:00', '12:01')).toBe(false);
    expect(free('12:59', '14:00')).toBe(false);
    expect(free('08:00', '14:00')).toBe(false);
    expect(free('09:15', '09:45')).toBe(false);
  });

  it('with no blocks everything is free', () => {
    expect(isFree({ start: [], end: [] }, ms(at('09:00')), ms(at('10:00')))).toBe(true);
  });
});
