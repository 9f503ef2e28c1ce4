import { describe, expect, it } from 'vitest';
import { createPlan, findSlots, standardProtocol, type Availability, type Plan } from 'smp-protocol';
import { applyAll, mustFail, mustOk, newPlan } from '../support/plans.js';

const protocol = standardProtocol;
const ZONE = 'Europe/London';
const mornings: Availability = {
  timeZone: ZONE,
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, open: '10:00', close: '13:00' })),
};

describe('findSlots: the horizon at the end of the supported range (the last day searched is 9999-12-28)', () => {
  const plan = (): Plan => mustOk(createPlan({ id: 'p', clientId: 'c', protocol, timeZone: ZONE, createdAt: '9999-12-01T00:00:00Z' }));
  /** Open one hour a day: a four-hour session 1 never fits. */
  const tooShort = (horizonDays: number): Availability => ({
    timeZone: ZONE,
    horizonDays,
    weekly: ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, open: '10:00', close: '11:00' })),
  });
  const asOf = '9999-12-01T00:00:00Z';

  it('a horizon ending exactly on the last day searched: NO_SLOT_AVAILABLE up to that day', () => {
    expect(mustFail(findSlots(plan(), { protocol, asOf, availability: tooShort(27) }))).toEqual([
      expect.objectContaining({
        code: 'NO_SLOT_AVAILABLE',
        session: 1,
        params: { session: 1, from: '9999-12-01', until: '9999-12-28', reason: 'calendar', durationMinutes: 240 },
      }),
    ]);
  });

  it('a horizon one day longer is cut short by the range: DATE_OUT_OF_RANGE at options.asOf', () => {
    expect(mustFail(findSlots(plan(), { protocol, asOf, availability: tooShort(28) }))).toEqual([
      {
        code: 'DATE_OUT_OF_RANGE',
        severity: 'error',
        message: 'options.asOf: "9999-12-01" is outside the supported range of local dates, 1900-01-01 to 9999-12-28.',
        session: 1,
        path: ['options', 'asOf'],
        params: { path: 'options.asOf', value: '9999-12-01', min: '1900-01-01', max: '9999-12-28' },
      },
    ]);
  });
});

describe('findSlots: windows of a single day', () => {
  it('searches asOf’s own day with a horizon of zero days', () => {
    const availability: Availability = { timeZone: ZONE, horizonDays: 0, weekly: [{ weekday: 1, open: '09:00', close: '14:00' }] };
    const slots = mustOk(findSlots(newPlan(), { protocol, availability, asOf: '2026-03-02T08:00:00Z' }));
    expect(slots.map((s) => [s.start, s.end])).toEqual([
      ['2026-03-02T09:00:00+00:00', '2026-03-02T13:00:00+00:00'],
      ['2026-03-02T09:30:00+00:00', '2026-03-02T13:30:00+00:00'],
      ['2026-03-02T10:00:00+00:00', '2026-03-02T14:00:00+00:00'],
    ]);
  });

  it('moves a session on the one day a later booking still allows (asOf that very morning)', () => {
    // Session 3 on Thu 9 Apr needs session 2 by Thu 2 Apr; asOf is 2 Apr 08:00.
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1 },
      { id: 'b2', type: 'sessionBooked', at: '2026-03-23T15:00:00Z', session: 2, start: '2026-04-02T10:00:00+01:00' },
      { id: 'b3', type: 'sessionBooked', at: '2026-03-23T15:00:00Z', session: 3, start: '2026-04-09T10:00:00+01:00' },
    ]);
    expect(mustOk(findSlots(plan, { protocol, availability: mornings, asOf: '2026-04-02T08:00:00+01:00', session: 2 }))).toEqual([
      {
        session: 2,
        start: '2026-04-02T10:00:00+01:00',
        end: '2026-04-02T13:00:00+01:00',
        localDate: '2026-04-02',
        daysFromAnchor: 10,
        fit: 'onTime',
      },
    ]);
  });
});

describe('findSlots: a move bounded by a later booking when the plan’s zone is not the clinic’s', () => {
  it('reaches the last Tokyo date allowed through the London days on either side of it', () => {
    // Tokyo plan: session 1 done 23 Mar, session 3 booked 9 Apr, so session 2 may move up to 2 Apr (Tokyo).
    const plan = applyAll(newPlan({ timeZone: 'Asia/Tokyo' }), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-23T10:00:00+09:00' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00+09:00', session: 1 },
      { id: 'b2', type: 'sessionBooked', at: '2026-03-23T15:00:00+09:00', session: 2, start: '2026-04-02T10:00:00+09:00' },
      { id: 'b3', type: 'sessionBooked', at: '2026-03-23T15:00:00+09:00', session: 3, start: '2026-04-09T10:00:00+09:00' },
    ]);
    const everyDay: Availability = {
      timeZone: ZONE,
      weekly: ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, open: '10:00', close: '22:00' })),
    };
    const slots = mustOk(findSlots(plan, { protocol, availability: everyDay, asOf: '2026-03-23T15:00:00+09:00', session: 2, limit: 1000 }));
    // Tokyo 00:00–03:00 is the evening before in London (16:00–19:00 BST), 18:00–23:30 the same London day (10:00–15:30).
    const day = ['00:00', '00:30', '01:00', '01:30', '02:00', '02:30', '03:00'].concat(
      ['18', '19', '20', '21', '22', '23'].flatMap((h) => [`${h}:00`, `${h}:30`]),
    );
    const byDate = (date: string) => slots.filter((s) => s.localDate === date).map((s) => s.start.slice(11, 16));
    expect(slots.length).toBe(4 * 19);
    for (const date of ['2026-04-02', '2026-04-01', '2026-03-31', '2026-03-30']) expect(byDate(date)).toEqual(day);
    expect([...new Set(slots.map((s) => `${s.localDate} ${s.fit}`))]).toEqual([
      '2026-04-02 onTime',
      '2026-04-01 early',
      '2026-03-31 early',
      '2026-03-30 early',
    ]);
  });
});

describe('findSlots: a pause’s until in the plan’s zone when the clinic’s differs', () => {
  it('offers no Tokyo date before the until, even on a London day whose later starts fall on it', () => {
    const plan = applyAll(newPlan({ timeZone: 'Asia/Tokyo' }), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-23T10:00:00+09:00' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00+09:00', session: 1 },
      { id: 'p', type: 'planPaused', at: '2026-03-24T09:00:00+09:00', reason: 'irritation', until: '2026-04-08' },
      { id: 'r', type: 'planResumed', at: '2026-03-30T09:00:00+09:00' },
    ]);
    const everyDay: Availability = {
      timeZone: ZONE,
      weekly: ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, open: '10:00', close: '22:00' })),
    };
    const slots = mustOk(findSlots(plan, { protocol, availability: everyDay, asOf: '2026-03-30T09:00:00+09:00', limit: 1000 }));
    // London Tue 7 Apr 10:00–15:30 BST is 7 Apr 18:00–23:30 in Tokyo: before the until, never offered.
    const day = ['00:00', '00:30', '01:00', '01:30', '02:00', '02:30', '03:00'].concat(
      ['18', '19', '20', '21', '22', '23'].flatMap((h) => [`${h}:00`, `${h}:30`]),
    );
    expect(slots.slice(0, 38).map((s) => s.start.slice(0, 16))).toEqual([
      ...day.map((t) => `2026-04-08T${t}`),
      ...day.map((t) => `2026-04-09T${t}`),
    ]);
    expect(slots.slice(0, 38).every((s) => s.fit === 'late')).toBe(true);
    expect(slots.filter((s) => s.localDate < '2026-04-08')).toEqual([]);
  });
});
