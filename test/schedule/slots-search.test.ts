import { describe, expect, it } from 'vitest';
import { defineProtocol, findSlots, standardProtocol, type Availability, type Plan } from 'smp-protocol';
import { twoAnchors } from '../support/custom-protocol.js';
import { applyAll, mustFail, mustOk, newPlan } from '../support/plans.js';

const protocol = standardProtocol;
const ZONE = 'Europe/London';

/** Open Monday to Friday 10:00–13:00: one start a day for a three-hour session. */
const mornings: Availability = {
  timeZone: ZONE,
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, open: '10:00', close: '13:00' })),
};

describe('findSlots for a move boxed in by a later booking', () => {
  it('refuses with reason downstream when asOf is past the last day the later booking allows', () => {
    // Session 3 on Thu 9 Apr needs session 2 by Thu 2 Apr; asOf is Fri 3 Apr.
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1 },
      { id: 'b2', type: 'sessionBooked', at: '2026-03-23T15:00:00Z', session: 2, start: '2026-04-02T10:00:00+01:00' },
      { id: 'b3', type: 'sessionBooked', at: '2026-03-23T15:00:00Z', session: 3, start: '2026-04-09T10:00:00+01:00' },
    ]);
    const out = mustFail(findSlots(plan, { protocol, availability: mornings, asOf: '2026-04-03T09:00:00+01:00', session: 2 }));
    expect(out).toEqual([
      {
        code: 'NO_SLOT_AVAILABLE',
        severity: 'error',
        message:
          'Session 2 can be no earlier than 2026-04-03, but the later bookings need it no later than 2026-04-02; move the later sessions as well.',
        session: 2,
        params: { session: 2, from: '2026-04-03', until: '2026-04-02', reason: 'downstream', durationMinutes: 180 },
      },
    ]);
  });
});

describe('findSlots: only the later gaps measured from the moved session bound it', () => {
  it('lets session 2 move up to 7 days before session 3, whatever session 3’s gap from session 1 asks', () => {
    // Session 3 is also measured from session 1: at least 21 days (16 Apr is 24 days after 23 Mar).
    const fromFirst = mustOk(
      defineProtocol({
        ...standardProtocol,
        id: 'from-first',
        sessions: standardProtocol.sessions.map((s) =>
          s.number === 3
            ? {
                ...s,
                gaps: [
                  ...s.gaps,
                  {
                    from: { session: 1 },
                    absoluteMinimumDays: 15,
                    minimumDays: 21,
                    earliestRecommendedDays: 21,
                    latestRecommendedDays: 60,
                    maximumDays: 90,
                  },
                ],
              }
            : s,
        ),
      }),
    );
    const plan = applyAll(
      newPlan({ protocol: fromFirst }),
      [
        { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
        { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1 },
        { id: 'b2', type: 'sessionBooked', at: '2026-03-23T15:00:00Z', session: 2, start: '2026-04-02T10:00:00+01:00' },
        { id: 'b3', type: 'sessionBooked', at: '2026-03-23T15:00:00Z', session: 3, start: '2026-04-16T10:00:00+01:00' },
      ],
      fromFirst,
    );
    const slots = mustOk(
      findSlots(plan, { protocol: fromFirst, availability: mornings, asOf: '2026-03-23T15:00:00Z', session: 2, limit: 100 }),
    );
    expect(slots.map((s) => [s.localDate, s.fit])).toEqual([
      ['2026-04-02', 'onTime'],
      ['2026-04-03', 'onTime'],
      ['2026-04-06', 'onTime'],
      ['2026-04-01', 'early'],
      ['2026-03-31', 'early'],
      ['2026-03-30', 'early'],
      ['2026-04-07', 'late'],
      ['2026-04-08', 'late'],
      ['2026-04-09', 'late'],
    ]);
  });
});

describe('findSlots and an anchor that is pending again after a no-show', () => {
  /** Sessions 1 and 2 booked, then session 1 missed: pending again, session 2 still booked. */
  function missedFirst(): Plan {
    return applyAll(
      newPlan({ protocol: twoAnchors }),
      [
        { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-05T10:00:00Z' },
        { id: 'b2', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 2, start: '2026-03-16T10:00:00Z' },
        { id: 'm1', type: 'sessionMissed', at: '2026-03-05T15:00:00Z', session: 1 },
      ],
      twoAnchors,
    );
  }
  const clinic: Availability = {
    timeZone: ZONE,
    weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, open: '09:00', close: '17:00' })),
  };

  it('refuses session 3 while its other anchor (session 1) is pending', () => {
    const out = mustFail(
      findSlots(missedFirst(), { protocol: twoAnchors, availability: clinic, asOf: '2026-03-06T09:00:00Z', session: 3 }),
    );
    expect(out).toEqual([
      {
        code: 'SESSION_OUT_OF_ORDER',
        severity: 'error',
        message: 'Session 3 cannot be booked before session 1 is booked or completed (it is pending).',
        session: 3,
        params: { session: 3, previousSession: 1, previousState: 'pending', rule: 'previousBooked' },
      },
    ]);
  });

  it('offers session 1 again by default', () => {
    const slots = mustOk(findSlots(missedFirst(), { protocol: twoAnchors, availability: clinic, asOf: '2026-03-06T09:00:00Z', limit: 2 }));
    expect(slots).toEqual([
      { session: 1, start: '2026-03-06T09:00:00+00:00', end: '2026-03-06T13:00:00+00:00', localDate: '2026-03-06', fit: 'onTime' },
      { session: 1, start: '2026-03-06T09:30:00+00:00', end: '2026-03-06T13:30:00+00:00', localDate: '2026-03-06', fit: 'onTime' },
    ]);
  });
});

describe('findSlots when the plan’s zone is not the clinic’s', () => {
  /** Session 1 done Mon 23 Mar 10:00–14:00 in Tokyo. */
  function tokyoPlan(): Plan {
    return applyAll(newPlan({ timeZone: 'Asia/Tokyo' }), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-23T10:00:00+09:00' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00+09:00', session: 1 },
    ]);
  }
  /** A London clinic open every day 10:00–22:00. */
  const everyDay: Availability = {
    timeZone: ZONE,
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7, open: '10:00', close: '22:00' })),
  };
  const AS_OF = '2026-03-23T15:00:00+09:00';

  it('takes the late starts of a London day that fall on the first Tokyo date allowed, after its early ones are refused', () => {
    const slots = mustOk(findSlots(tokyoPlan(), { protocol, availability: everyDay, asOf: AS_OF, limit: 1000 }));
    // London Sun 29 Mar: 10:00–15:30 BST is still 29 Mar in Tokyo (6 days: below the minimum);
    // 16:00–19:00 BST is 30 Mar 00:00–03:00 in Tokyo (7 days: early).
    expect(slots.filter((s) => s.localDate <= '2026-03-30').map((s) => s.start.slice(11, 16))).toEqual([
      '00:00',
      '00:30',
      '01:00',
      '01:30',
      '02:00',
      '02:30',
      '03:00',
      '18:00',
      '18:30',
      '19:00',
      '19:30',
      '20:00',
      '20:30',
      '21:00',
      '21:30',
      '22:00',
      '22:30',
      '23:00',
      '23:30',
    ]);
    expect(slots.find((s) => s.localDate === '2026-03-30')).toEqual({
      session: 2,
      start: '2026-03-30T00:00:00+09:00',
      end: '2026-03-30T03:00:00+09:00',
      localDate: '2026-03-30',
      daysFromAnchor: 7,
      fit: 'early',
    });
  });

  it('ranks the best Tokyo date first, earliest start first, across London days', () => {
    const slots = mustOk(findSlots(tokyoPlan(), { protocol, availability: everyDay, asOf: AS_OF, limit: 9 }));
    expect(slots.map((s) => s.start)).toEqual([
      '2026-04-02T00:00:00+09:00',
      '2026-04-02T00:30:00+09:00',
      '2026-04-02T01:00:00+09:00',
      '2026-04-02T01:30:00+09:00',
      '2026-04-02T02:00:00+09:00',
      '2026-04-02T02:30:00+09:00',
      '2026-04-02T03:00:00+09:00',
      '2026-04-02T18:00:00+09:00',
      '2026-04-02T18:30:00+09:00',
    ]);
    expect(new Set(slots.map((s) => `${s.localDate} ${s.daysFromAnchor} ${s.fit}`))).toEqual(new Set(['2026-04-02 10 onTime']));
  });
});

describe('findSlots options', () => {
  const plan = newPlan();
  const clinic: Availability = { timeZone: ZONE, weekly: [{ weekday: 1, open: '09:00', close: '17:00' }] };
  const options = { protocol, availability: clinic, asOf: '2026-03-02T08:00:00Z' };

  it('takes a limit of 1 to 1000, and a session of 1 to 99', () => {
    // Nine starts (09:00 to 13:00) on each of the 13 Mondays from 2 Mar to 25 May (asOf + 90 days is 31 May).
    expect(mustOk(findSlots(plan, { ...options, limit: 1000 })).length).toBe(117);
    for (const limit of [0, 1001]) {
      expect(mustFail(findSlots(plan, { ...options, limit })).map((f) => [f.code, f.path])).toEqual([
        ['INVALID_INPUT', ['options', 'limit']],
      ]);
    }
    for (const session of [0, 100]) {
      expect(mustFail(findSlots(plan, { ...options, session })).map((f) => [f.code, f.path])).toEqual([
        ['INVALID_INPUT', ['options', 'session']],
      ]);
    }
    expect(mustFail(findSlots(plan, { ...options, session: 99 })).map((f) => f.code)).toEqual(['UNKNOWN_SESSION']);
    expect(mustOk(findSlots(plan, { ...options, session: 1 })).length).toBe(10);
  });

  it('says an availability is required when there is none', () => {
    expect(mustFail(findSlots(plan, { protocol, asOf: '2026-03-02T08:00:00Z' } as never))).toEqual([
      {
        code: 'INVALID_INPUT',
        severity: 'error',
        message: 'options.availability: is required (an availability object).',
        path: ['options', 'availability'],
        params: {
          problem: 'required',
          expected: 'availability',
          path: 'options.availability',
          detail: 'is required (an availability object).',
        },
      },
    ]);
  });

  it('names the argument that cannot be read', () => {
    const unreadable = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no');
        },
      },
    );
    expect(mustFail(findSlots(unreadable as never, options)).map((f) => [f.code, f.path])).toEqual([['INVALID_INPUT', ['plan']]]);
    const badOptions = {
      ...options,
      get limit(): number {
        throw new Error('no');
      },
    };
    expect(mustFail(findSlots(plan, badOptions)).map((f) => [f.code, f.path])).toEqual([['INVALID_INPUT', ['options', 'limit']]]);
  });
});

describe('findSlots for a booking with its own length', () => {
  it('moves a two-hour booking of session 2 as two hours, not the protocol’s three', () => {
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1 },
      { id: 'b2', type: 'sessionBooked', at: '2026-03-23T15:00:00Z', session: 2, start: '2026-04-02T10:00:00+01:00', durationMinutes: 120 },
    ]);
    const slots = mustOk(findSlots(plan, { protocol, availability: mornings, asOf: '2026-03-23T15:00:00Z', session: 2, limit: 4 }));
    expect(slots.map((s) => [s.start, s.end])).toEqual([
      ['2026-04-02T10:00:00+01:00', '2026-04-02T12:00:00+01:00'],
      ['2026-04-02T10:30:00+01:00', '2026-04-02T12:30:00+01:00'],
      ['2026-04-02T11:00:00+01:00', '2026-04-02T13:00:00+01:00'],
      ['2026-04-03T10:00:00+01:00', '2026-04-03T12:00:00+01:00'],
    ]);
    // Nothing fits a clinic open for less than the booking's length.
    const short: Availability = { ...mornings, weekly: mornings.weekly.map((h) => ({ ...h, close: '11:30' })) };
    expect(
      mustFail(findSlots(plan, { protocol, availability: { ...short, horizonDays: 20 }, asOf: '2026-03-23T15:00:00Z', session: 2 })),
    ).toEqual([expect.objectContaining({ code: 'NO_SLOT_AVAILABLE', params: expect.objectContaining({ durationMinutes: 120 }) })]);
  });
});
