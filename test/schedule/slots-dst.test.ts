/**
 * Slots on the days the clocks change, in three zones, with opening hours that straddle the
 * missing or repeated hour. Every expected instant below was worked out by hand from the
 * zones' rules (and checked against Intl): a wall time the clocks skip gives no slot, a repeated
 * one gives its earlier instant only, and a session lasts its real minutes.
 */
import { describe, expect, it } from 'vitest';
import { defineProtocol, findSlots, standardProtocol, type Protocol } from 'smp-protocol';
import { mustOk, newPlan } from '../support/plans.js';

/** The standard course with 60-minute sessions, so a few hours show the whole grid. */
const hourly: Protocol = mustOk(
  defineProtocol({ ...standardProtocol, id: 'hourly', sessions: standardProtocol.sessions.map((s) => ({ ...s, durationMinutes: 60 })) }),
);

/** Session 1's slots on `date` in `zone`, with the clinic open only then, from `open` to `close`. */
function slotsOn(zone: string, date: string, open: string, close: string, protocol: Protocol = hourly) {
  const plan = newPlan({ timeZone: zone, protocol, createdAt: '2026-01-01T00:00:00Z' });
  const asOf = `${date.slice(0, 8)}01T00:00:00Z`;
  return mustOk(
    findSlots(plan, {
      protocol,
      asOf,
      limit: 100,
      availability: { timeZone: zone, weekly: [], overrides: [{ date, hours: [{ open, close }] }] },
    }),
  );
}

const starts = (slots: { start: string }[]): string[] => slots.map((s) => s.start);
const realMinutes = (s: { start: string; end: string }): number => (Date.parse(s.end) - Date.parse(s.start)) / 60_000;

interface DstCase {
  name: string;
  zone: string;
  date: string;
  open: string;
  close: string;
  slots: [start: string, end: string][];
}

const cases: DstCase[] = [
  {
    name: 'Europe/London spring forward (01:00 GMT → 02:00 BST): no slot at 01:00 or 01:30',
    zone: 'Europe/London',
    date: '2026-03-29',
    open: '00:30',
    close: '03:00',
    slots: [
      ['2026-03-29T00:30:00+00:00', '2026-03-29T02:30:00+01:00'],
      ['2026-03-29T02:00:00+01:00', '2026-03-29T03:00:00+01:00'],
    ],
  },
  {
    name: 'Europe/London fall back (02:00 BST → 01:00 GMT): 01:00 and 01:30 once, at their BST instants',
    zone: 'Europe/London',
    date: '2026-10-25',
    open: '00:30',
    close: '02:30',
    slots: [
      ['2026-10-25T00:30:00+01:00', '2026-10-25T01:30:00+01:00'],
      ['2026-10-25T01:00:00+01:00', '2026-10-25T01:00:00+00:00'],
      ['2026-10-25T01:30:00+01:00', '2026-10-25T01:30:00+00:00'],
    ],
  },
  {
    name: 'America/New_York spring forward (02:00 EST → 03:00 EDT): no slot at 02:00 or 02:30',
    zone: 'America/New_York',
    date: '2026-03-08',
    open: '01:00',
    close: '04:00',
    slots: [
      ['2026-03-08T01:00:00-05:00', '2026-03-08T03:00:00-04:00'],
      ['2026-03-08T01:30:00-05:00', '2026-03-08T03:30:00-04:00'],
      ['2026-03-08T03:00:00-04:00', '2026-03-08T04:00:00-04:00'],
    ],
  },
  {
    name: 'America/New_York fall back (02:00 EDT → 01:00 EST): the earlier 01:00 and 01:30',
    zone: 'America/New_York',
    date: '2026-11-01',
    open: '00:30',
    close: '02:30',
    slots: [
      ['2026-11-01T00:30:00-04:00', '2026-11-01T01:30:00-04:00'],
      ['2026-11-01T01:00:00-04:00', '2026-11-01T01:00:00-05:00'],
      ['2026-11-01T01:30:00-04:00', '2026-11-01T01:30:00-05:00'],
    ],
  },
  {
    name: 'Australia/Sydney fall back in April (03:00 AEDT → 02:00 AEST): the earlier 02:00 and 02:30',
    zone: 'Australia/Sydney',
    date: '2026-04-05',
    open: '01:30',
    close: '03:30',
    slots: [
      ['2026-04-05T01:30:00+11:00', '2026-04-05T02:30:00+11:00'],
      ['2026-04-05T02:00:00+11:00', '2026-04-05T02:00:00+10:00'],
      ['2026-04-05T02:30:00+11:00', '2026-04-05T02:30:00+10:00'],
    ],
  },
  {
    name: 'Australia/Sydney spring forward in October (02:00 AEST → 03:00 AEDT): no slot at 02:00 or 02:30',
    zone: 'Australia/Sydney',
    date: '2026-10-04',
    open: '01:00',
    close: '04:00',
    slots: [
      ['2026-10-04T01:00:00+10:00', '2026-10-04T03:00:00+11:00'],
      ['2026-10-04T01:30:00+10:00', '2026-10-04T03:30:00+11:00'],
      ['2026-10-04T03:00:00+11:00', '2026-10-04T04:00:00+11:00'],
    ],
  },
];

describe('slots on DST days, opening hours across the missing or repeated hour', () => {
  for (const c of cases) {
    it(c.name, () => {
      const slots = slotsOn(c.zone, c.date, c.open, c.close);
      expect(slots.map((s) => [s.start, s.end])).toEqual(c.slots);
      for (const s of slots) {
        expect(realMinutes(s)).toBe(60);
        expect(s.localDate).toBe(c.date);
        expect(s.fit).toBe('onTime');
      }
    });
  }

  it('gives no slot for an opening time the clocks skip, and starts at the first real grid time', () => {
    const slots = slotsOn('Australia/Sydney', '2026-10-04', '02:00', '05:00');
    expect(starts(slots)).toEqual(['2026-10-04T03:00:00+11:00', '2026-10-04T03:30:00+11:00', '2026-10-04T04:00:00+11:00']);
  });

  it('closes at the change itself when the closing time is skipped (New York, close 02:30)', () => {
    const slots = slotsOn('America/New_York', '2026-03-08', '00:00', '02:30');
    // 02:30 does not exist; the clinic closes when the clocks jump (07:00Z, 03:00 EDT).
    expect(starts(slots)).toEqual(['2026-03-08T00:00:00-05:00', '2026-03-08T00:30:00-05:00', '2026-03-08T01:00:00-05:00']);
    expect(slots.at(-1)?.end).toBe('2026-03-08T03:00:00-04:00');
  });

  it('gives a four-hour session through spring forward its four real hours (five on the wall clock)', () => {
    const slots = slotsOn('America/New_York', '2026-03-08', '00:00', '06:00', standardProtocol);
    expect(slots.map((s) => [s.start, s.end])).toEqual([
      ['2026-03-08T00:00:00-05:00', '2026-03-08T05:00:00-04:00'],
      ['2026-03-08T00:30:00-05:00', '2026-03-08T05:30:00-04:00'],
      ['2026-03-08T01:00:00-05:00', '2026-03-08T06:00:00-04:00'],
    ]);
    for (const s of slots) expect(realMinutes(s)).toBe(240);
  });

  it('gives a four-hour session through fall back its four real hours (three on the wall clock)', () => {
    const slots = slotsOn('Europe/London', '2026-10-25', '00:00', '04:00', standardProtocol);
    expect(slots.map((s) => [s.start, s.end])).toEqual([
      ['2026-10-25T00:00:00+01:00', '2026-10-25T03:00:00+00:00'],
      ['2026-10-25T00:30:00+01:00', '2026-10-25T03:30:00+00:00'],
      ['2026-10-25T01:00:00+01:00', '2026-10-25T04:00:00+00:00'],
    ]);
    for (const s of slots) expect(realMinutes(s)).toBe(240);
  });

  it('keeps an ordinary day next to a DST change at its usual offsets (the day before and after)', () => {
    expect(starts(slotsOn('Europe/London', '2026-03-28', '10:00', '12:00'))).toEqual([
      '2026-03-28T10:00:00+00:00',
      '2026-03-28T10:30:00+00:00',
      '2026-03-28T11:00:00+00:00',
    ]);
    expect(starts(slotsOn('Europe/London', '2026-03-30', '10:00', '12:00'))).toEqual([
      '2026-03-30T10:00:00+01:00',
      '2026-03-30T10:30:00+01:00',
      '2026-03-30T11:00:00+01:00',
    ]);
  });
});
