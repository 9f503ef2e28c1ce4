import { describe, expect, it } from 'vitest';
import { findSlots, parseAvailability, schemas, standardProtocol, type Availability } from 'smp-protocol';
import { newPlan } from '../support/plans.js';
import { mustFail, mustOk } from '../support/plans.js';

const clinic: Availability = {
  timeZone: 'Europe/London',
  weekly: [
    { weekday: 2, open: '09:00', close: '13:00' },
    { weekday: 2, open: '13:00', close: '18:00' },
    { weekday: 5, open: '18:00', close: '24:00' },
  ],
  overrides: [
    { date: '2026-12-25', hours: [] },
    { date: '2026-12-27', hours: [{ open: '10:00', close: '14:00' }] },
  ],
  busy: [
    { start: '2026-04-02T10:00:00+01:00', end: '2026-04-02T13:00:00+01:00', resource: 'ana' },
    { start: '2026-04-03T09:00:00Z', end: '2026-04-03T09:00:00Z' },
  ],
  resources: ['ana', 'ben'],
  bufferBeforeMinutes: 10,
  bufferAfterMinutes: 15,
  minimumNoticeMinutes: 1440,
  horizonDays: 120,
  slotStepMinutes: 15,
};

/** The findings of `parseAvailability` as [code, path] pairs. */
const problems = (input: unknown): [string, readonly (string | number)[] | undefined][] =>
  mustFail(parseAvailability(input)).map((f) => [f.code, f.path]);

describe('parseAvailability', () => {
  it('accepts a clinic’s week (adjacent ranges, close at 24:00, a closed date) and freezes a copy', () => {
    const out = mustOk(parseAvailability(clinic));
    expect(out).toEqual(clinic);
    expect(out).not.toBe(clinic);
    expect(Object.isFrozen(out) && Object.isFrozen(out.weekly) && Object.isFrozen(out.busy?.[0])).toBe(true);
    expect(parseAvailability(out).ok && mustOk(parseAvailability(out))).toBe(out);
    expect(schemas.availability.safeParse(clinic).success).toBe(true);
  });

  it('refuses an overnight range (split it at midnight)', () => {
    const out = mustFail(parseAvailability({ timeZone: 'Europe/London', weekly: [{ weekday: 5, open: '22:00', close: '02:00' }] }));
    expect(out).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', path: ['weekly', 0, 'close'] })]);
    expect(out[0]?.message).toBe(
      'weekly[0].close: closes no later than it opens (22:00–02:00); a range may not run overnight: split it at midnight (…–24:00, and 00:00–… on the next day).',
    );
    expect(problems({ timeZone: 'UTC', weekly: [{ weekday: 1, open: '10:00', close: '10:00' }] })).toEqual([
      ['INVALID_INPUT', ['weekly', 0, 'close']],
    ]);
  });

  it('refuses overlapping ranges on one day, in the weekly hours and in an override', () => {
    expect(
      problems({
        timeZone: 'UTC',
        weekly: [
          { weekday: 3, open: '09:00', close: '13:00' },
          { weekday: 4, open: '12:00', close: '18:00' },
          { weekday: 3, open: '12:30', close: '18:00' },
        ],
      }),
    ).toEqual([['INVALID_INPUT', ['weekly', 2]]]);
    expect(
      problems({
        timeZone: 'UTC',
        weekly: [],
        overrides: [
          {
            date: '2026-05-01',
            hours: [
              { open: '09:00', close: '12:00' },
              { open: '08:00', close: '10:00' },
            ],
          },
        ],
      }),
    ).toEqual([['INVALID_INPUT', ['overrides', 0, 'hours', 0]]]);
  });

  it('refuses times not in HH:mm form; 24:00 only as a closing time', () => {
    expect(
      problems({
        timeZone: 'UTC',
        weekly: [
          { weekday: 1, open: '9:00', close: '12:00' },
          { weekday: 2, open: '24:00', close: '24:00' },
          { weekday: 3, open: '10:00', close: '24:30' },
          { weekday: 4, open: '10:00', close: '12:60' },
        ],
      }),
    ).toEqual([
      ['INVALID_INPUT', ['weekly', 0, 'open']],
      ['INVALID_INPUT', ['weekly', 1, 'open']],
      ['INVALID_INPUT', ['weekly', 2, 'close']],
      ['INVALID_INPUT', ['weekly', 3, 'close']],
    ]);
  });

  it('refuses one date overridden twice', () => {
    const out = mustFail(
      parseAvailability({
        timeZone: 'UTC',
        weekly: [],
        overrides: [
          { date: '2026-12-25', hours: [] },
          { date: '2026-12-25', hours: [] },
        ],
      }),
    );
    expect(out.map((f) => [f.path, f.message])).toEqual([
      [['overrides', 1, 'date'], 'overrides[1].date: repeats the date 2026-12-25 (already at overrides[0]); one override per date.'],
    ]);
  });

  it('refuses a busy interval that ends before it starts, or names an unknown resource', () => {
    expect(
      problems({
        timeZone: 'UTC',
        weekly: [],
        resources: ['ana', 'ana'],
        busy: [
          { start: '2026-04-02T10:00:00Z', end: '2026-04-02T09:00:00Z' },
          { start: '2026-04-02T10:00:00Z', end: '2026-04-02T11:00:00Z', resource: 'cleo' },
        ],
      }),
    ).toEqual([
      ['INVALID_INPUT', ['resources', 1]],
      ['INVALID_INPUT', ['busy', 0, 'end']],
      ['INVALID_INPUT', ['busy', 1, 'resource']],
    ]);
  });

  it('refuses zones, instants and shapes with the finding for each and its path', () => {
    expect(problems({ timeZone: 'Europe/Londres', weekly: [] })).toEqual([['INVALID_TIME_ZONE', ['timeZone']]]);
    expect(problems({ timeZone: 'UTC', weekly: [], busy: [{ start: '2026-04-02T10:00', end: '2026-04-02T11:00:00Z' }] })).toEqual([
      ['INVALID_INSTANT', ['busy', 0, 'start']],
    ]);
    expect(
      problems({ timeZone: 'UTC', weekly: [], busy: [{ start: '2026-04-02T10:00:00Z', end: '2026-04-02T11:00:00Z', room: 2 }] }),
    ).toEqual([['INVALID_INPUT', ['busy', 0]]]);
    expect(problems({ timeZone: 'UTC', weekly: [{ weekday: 8, open: '09:00', close: '10:00' }] })).toEqual([
      ['INVALID_INPUT', ['weekly', 0, 'weekday']],
    ]);
    expect(problems({ timeZone: 'UTC', weekly: [], slotStepMinutes: 0, horizonDays: -1 })).toEqual([
      ['INVALID_INPUT', ['horizonDays']],
      ['INVALID_INPUT', ['slotStepMinutes']],
    ]);
    expect(problems(null)).toEqual([['INVALID_INPUT', []]]);
  });

  it('reads a busy instant the same in every spelling (fast path or not), and refuses impossible ones', () => {
    const thursday: Availability = { timeZone: 'Europe/London', weekly: [{ weekday: 4, open: '09:00', close: '17:00' }] };
    const first = (start: string): string | undefined => {
      const out = findSlots(newPlan(), {
        protocol: standardProtocol,
        asOf: '2026-04-01T00:00:00Z',
        limit: 1,
        availability: { ...thursday, busy: [{ start, end: '2026-04-02T13:00:00+01:00' }] },
      });
      return out.ok ? out.value[0]?.start : out.findings[0]?.code;
    };
    // Busy 09:00–13:00 BST on Thu 2 Apr: session 1 (four hours) can start at 13:00.
    for (const spelling of [
      '2026-04-02T08:00:00Z',
      '2026-04-02T09:00:00+01:00',
      '2026-04-02T08:00:00.000Z',
      '2026-04-02T03:00:00.5-05:00',
      '2026-04-02T08:00Z',
      '2026-04-02t08:00:00z',
    ]) {
      expect(first(spelling), spelling).toBe('2026-04-02T13:00:00+01:00');
    }
    expect(problems({ ...thursday, busy: [{ start: '2026-02-30T10:00:00Z', end: '2026-03-01T10:00:00Z' }] })).toEqual([
      ['INVALID_INSTANT', ['busy', 0, 'start']],
    ]);
    expect(problems({ ...thursday, busy: [{ start: '2026-04-02T24:00:00Z', end: '2026-04-03T10:00:00Z' }] })).toEqual([
      ['INVALID_INSTANT', ['busy', 0, 'start']],
    ]);
    expect(problems({ ...thursday, busy: [{ start: '2026-04-02T10:00:00+19:00', end: '2026-04-03T10:00:00Z' }] })).toEqual([
      ['INVALID_INSTANT', ['busy', 0, 'start']],
    ]);
    expect(problems({ ...thursday, busy: [{ start: '2026-04-02T10:00:00.1234567890Z', end: '2026-04-03T10:00:00Z' }] })).toEqual([
      ['INVALID_INSTANT', ['busy', 0, 'start']],
    ]);
  });

  it('never throws, whatever it is given', () => {
    const hostile = Object.create({ inherited: true }) as Record<string, unknown>;
    hostile.start = '2026-04-02T10:00:00Z';
    hostile.end = '2026-04-02T11:00:00Z';
    for (const bad of [
      undefined,
      42,
      'x',
      [],
      { timeZone: 'UTC' },
      { timeZone: 'UTC', weekly: 'all' },
      { timeZone: 'UTC', weekly: [], busy: [hostile, null, 7] },
    ]) {
      expect(() => parseAvailability(bad)).not.toThrow();
    }
    // The fast path for busy intervals defers to zod, which names the inherited key.
    expect(problems({ timeZone: 'UTC', weekly: [], busy: [hostile] })).toEqual([['INVALID_INPUT', ['busy', 0]]]);
  });
});
