import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  createPlan,
  defineProtocol,
  findSlots,
  parseAvailability,
  standardProtocol,
  type Availability,
  type Plan,
  type Slot,
} from 'smp-protocol';
import { applyAll, codes, mustFail, mustOk, newPlan } from '../support/plans.js';
import type { Writable } from '../support/writable.js';

const protocol = standardProtocol;
const ZONE = 'Europe/London';

/** Session 1 booked and completed on Mon 23 Mar 2026, 10:00–14:00 GMT. */
function done1(): Plan {
  return applyAll(newPlan(), [
    { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
    { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1 },
  ]);
}
const AFTER_1 = '2026-03-23T15:00:00Z';

/** Open Monday to Friday 10:00–13:00: exactly one start a day for a three-hour session. */
const weekdayMornings: Availability = {
  timeZone: ZONE,
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, open: '10:00', close: '13:00' })),
};
/** Open on Thursdays only, 10:00–17:00. */
const thursdays: Availability = { timeZone: ZONE, weekly: [{ weekday: 4, open: '10:00', close: '17:00' }] };

const dates = (slots: Slot[]): string[] => slots.map((s) => s.localDate);
const startsOn = (slots: Slot[], date: string): string[] => slots.filter((s) => s.localDate === date).map((s) => s.start.slice(11, 16));

/** Every slot is a booking the state machine accepts at `asOf`. */
function expectBookable(plan: Plan, slots: Slot[], asOf: string): void {
  for (const s of slots) {
    const booked = plan.sessions[s.session - 1]?.state === 'booked';
    const out = applyEvent(
      plan,
      { id: `check-${s.start}`, type: booked ? 'sessionRescheduled' : 'sessionBooked', at: asOf, session: s.session, start: s.start },
      { protocol },
    );
    expect(out.ok, `${s.start}: ${out.findings.map((f) => f.message).join('; ')}`).toBe(true);
  }
}

describe('findSlots ranking', () => {
  it('ranks on-time first, then nearest the recommended date, then earliest', () => {
    const plan = done1();
    const slots = mustOk(findSlots(plan, { protocol, availability: weekdayMornings, asOf: AFTER_1 }));
    expect(slots.map((s) => [s.localDate, s.fit, s.daysFromAnchor])).toEqual([
      ['2026-04-02', 'onTime', 10],
      ['2026-04-03', 'onTime', 11],
      ['2026-04-06', 'onTime', 14],
      ['2026-04-01', 'early', 9],
      ['2026-03-31', 'early', 8],
      ['2026-03-30', 'early', 7],
      ['2026-04-07', 'late', 15],
      ['2026-04-08', 'late', 16],
      ['2026-04-09', 'late', 17],
      ['2026-04-10', 'late', 18],
    ]);
    expect(slots[0]).toEqual({
      session: 2,
      start: '2026-04-02T10:00:00+01:00',
      end: '2026-04-02T13:00:00+01:00',
      localDate: '2026-04-02',
      daysFromAnchor: 10,
      fit: 'onTime',
    });
    expectBookable(plan, slots, AFTER_1);
  });

  it('orders the starts of one day earliest first, and honours limit', () => {
    const slots = mustOk(findSlots(done1(), { protocol, availability: thursdays, asOf: AFTER_1, limit: 3 }));
    expect(slots.map((s) => s.start)).toEqual(['2026-04-02T10:00:00+01:00', '2026-04-02T10:30:00+01:00', '2026-04-02T11:00:00+01:00']);
  });

  it('puts lapsed dates last, after late ones', () => {
    const slots = mustOk(findSlots(done1(), { protocol, availability: thursdays, asOf: AFTER_1, limit: 1000 }));
    const order = [...new Set(slots.map((s) => `${s.localDate} ${s.fit}`))];
    expect(order.slice(0, 5)).toEqual([
      '2026-04-02 onTime',
      '2026-04-09 late',
      '2026-04-16 late',
      '2026-04-23 lapsed',
      '2026-04-30 lapsed',
    ]);
  });
});

describe('findSlots and the healing window', () => {
  it('finds slots in a clinic open only on Thursdays, never below the 7-day minimum', () => {
    const plan = done1();
    const slots = mustOk(findSlots(plan, { protocol, availability: thursdays, asOf: AFTER_1, limit: 1000 }));
    // Thu 26 Mar is 3 days after session 1: too soon. Thu 2 Apr: 10 days, on time, 10:00 to 14:00.
    expect(dates(slots)).not.toContain('2026-03-26');
    expect(startsOn(slots, '2026-04-02')).toEqual(['10:00', '10:30', '11:00', '11:30', '12:00', '12:30', '13:00', '13:30', '14:00']);
    expect(new Set(slots.map((s) => new Date(`${s.localDate}T12:00:00Z`).getUTCDay()))).toEqual(new Set([4]));
    for (const s of slots) expect(s.daysFromAnchor).toBeGreaterThanOrEqual(7);
    // The horizon: asOf's local date (23 Mar) + 90 days = 21 Jun; the last Thursday is 18 Jun.
    expect(dates(slots).at(-1)).toBe('2026-06-18');
    expectBookable(plan, slots.slice(0, 20), AFTER_1);
  });

  it('starts session 1 on asOf’s date, in time order, all on time', () => {
    const availability: Availability = { timeZone: ZONE, weekly: [{ weekday: 1, open: '09:00', close: '17:00' }] };
    const slots = mustOk(findSlots(newPlan(), { protocol, availability, asOf: '2026-03-02T08:00:00Z', limit: 3 }));
    expect(slots).toEqual([
      { session: 1, start: '2026-03-02T09:00:00+00:00', end: '2026-03-02T13:00:00+00:00', localDate: '2026-03-02', fit: 'onTime' },
      { session: 1, start: '2026-03-02T09:30:00+00:00', end: '2026-03-02T13:30:00+00:00', localDate: '2026-03-02', fit: 'onTime' },
      { session: 1, start: '2026-03-02T10:00:00+00:00', end: '2026-03-02T14:00:00+00:00', localDate: '2026-03-02', fit: 'onTime' },
    ]);
    // Four hours do not fit in 10:00–13:00.
    expect(mustFail(findSlots(newPlan(), { protocol, availability: weekdayMornings, asOf: '2026-03-02T08:00:00Z' }))[0]?.code).toBe(
      'NO_SLOT_AVAILABLE',
    );
  });

  it('offers no date before a pause’s until', () => {
    const plan = applyAll(done1(), [
      { id: 'p', type: 'planPaused', at: '2026-03-24T09:00:00Z', reason: 'irritation', until: '2026-04-08' },
      { id: 'r', type: 'planResumed', at: '2026-03-30T09:00:00+01:00' },
    ]);
    const slots = mustOk(findSlots(plan, { protocol, availability: weekdayMornings, asOf: '2026-03-30T09:00:00+01:00', limit: 3 }));
    expect(dates(slots)).toEqual(['2026-04-08', '2026-04-09', '2026-04-10']);
    expect(slots[0]?.fit).toBe('late');
  });

  it('offers session 1 no earlier than a dated screening deferral', () => {
    const plan = mustOk(
      createPlan({
        id: 'p-screened',
        clientId: 'c',
        protocol,
        timeZone: ZONE,
        createdAt: '2026-03-02T09:00:00Z',
        screening: {
          outcome: 'deferred',
          earliestStart: '2026-03-12',
          findings: [{ code: 'SCREENING_DEFERRED', params: { condition: 'isotretinoin', until: '2026-03-12' } }],
        },
      } as never),
    );
    const slots = mustOk(findSlots(plan, { protocol, availability: thursdays, asOf: '2026-03-02T09:00:00Z', limit: 1 }));
    expect(slots[0]?.start).toBe('2026-03-12T10:00:00+00:00');
    expectBookable(plan, slots, '2026-03-02T09:00:00Z');
  });
});

describe('findSlots and the calendar', () => {
  const session1Clinic = (extra: Partial<Availability> = {}): Availability => ({
    timeZone: ZONE,
    weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, open: '09:00', close: '17:00' })),
    ...extra,
  });

  it('starts no earlier than asOf plus the minimum notice (exactly the notice is enough)', () => {
    const plan = newPlan();
    const first = (minimumNoticeMinutes: number): string | undefined =>
      mustOk(
        findSlots(plan, { protocol, availability: session1Clinic({ minimumNoticeMinutes }), asOf: '2026-03-02T09:10:00Z', limit: 1 }),
      )[0]?.start;
    expect(first(0)).toBe('2026-03-02T09:30:00+00:00');
    expect(first(50)).toBe('2026-03-02T10:00:00+00:00');
    expect(first(51)).toBe('2026-03-02T10:30:00+00:00');
    expect(first(48 * 60)).toBe('2026-03-04T09:30:00+00:00');
  });

  it('admits a start on asOf’s date + horizonDays, and none after', () => {
    const plan = newPlan();
    const clinic = (horizonDays: number): Availability => ({
      timeZone: ZONE,
      horizonDays,
      weekly: [{ weekday: 4, open: '10:00', close: '14:00' }],
    });
    // Thu 5 Mar 11:00: today's only start (10:00) has passed; the next is Thu 12 Mar = asOf + 7.
    const asOf = '2026-03-05T11:00:00Z';
    expect(mustOk(findSlots(plan, { protocol, availability: clinic(7), asOf })).map((s) => s.start)).toEqual(['2026-03-12T10:00:00+00:00']);
    const none = mustFail(findSlots(plan, { protocol, availability: clinic(6), asOf }));
    expect(none).toEqual([
      expect.objectContaining({
        code: 'NO_SLOT_AVAILABLE',
        severity: 'error',
        session: 1,
        params: expect.objectContaining({ from: '2026-03-05', until: '2026-03-11' }),
      }),
    ]);
  });

  it('refuses a fully booked month with NO_SLOT_AVAILABLE, not an empty success', () => {
    const busy: Writable<NonNullable<Availability['busy']>> = [];
    for (let d = 30; d <= 61; d++) {
      const day = new Date(Date.UTC(2026, 2, d)).toISOString().slice(0, 10);
      busy.push(
        { start: `${day}T08:00:00Z`, end: `${day}T11:00:00Z` },
        { start: `${day}T11:00:00Z`, end: `${day}T13:30:00Z` },
        { start: `${day}T13:30:00Z`, end: `${day}T16:00:00Z` },
      );
    }
    // Open 09:00–17:00 local (08:00–16:00Z in BST), booked solid from Mon 30 Mar to Thu 30 Apr.
    const out = findSlots(done1(), { protocol, availability: session1Clinic({ busy, horizonDays: 38 }), asOf: AFTER_1 });
    const [f] = mustFail(out);
    expect(f).toMatchObject({
      code: 'NO_SLOT_AVAILABLE',
      severity: 'error',
      session: 2,
      params: { session: 2, from: '2026-03-30', until: '2026-04-30', reason: 'calendar' },
    });
    expect(f?.message).toBe(
      "No slot for session 2 is free between 2026-03-30 and 2026-04-30: the clinic's opening hours, busy times, buffers and notice leave no room for a 180-minute session on any day the healing window allows.",
    );
    // One more day of horizon reaches Friday 1 May.
    expect(
      dates(mustOk(findSlots(done1(), { protocol, availability: session1Clinic({ busy, horizonDays: 39 }), asOf: AFTER_1, limit: 1 }))),
    ).toEqual(['2026-05-01']);
  });

  it('closes a date with an override, and opens another', () => {
    const plan = done1();
    const closed = mustOk(
      findSlots(plan, {
        protocol,
        availability: { ...thursdays, overrides: [{ date: '2026-04-02', hours: [] }] },
        asOf: AFTER_1,
        limit: 1,
      }),
    );
    expect(closed[0]?.localDate).toBe('2026-04-09');
    const saturday = mustOk(
      findSlots(plan, {
        protocol,
        availability: {
          ...thursdays,
          overrides: [
            { date: '2026-04-02', hours: [] },
            { date: '2026-04-04', hours: [{ open: '11:00', close: '14:00' }] },
          ],
        },
        asOf: AFTER_1,
        limit: 2,
      }),
    );
    expect(saturday.map((s) => [s.start, s.fit])).toEqual([
      ['2026-04-04T11:00:00+01:00', 'onTime'],
      ['2026-04-09T10:00:00+01:00', 'late'],
    ]);
    const shorter = mustOk(
      findSlots(plan, {
        protocol,
        availability: { ...thursdays, overrides: [{ date: '2026-04-02', hours: [{ open: '12:00', close: '15:30' }] }] },
        asOf: AFTER_1,
        limit: 3,
      }),
    );
    expect(startsOn(shorter, '2026-04-02')).toEqual(['12:00', '12:30']);
  });

  it('keeps buffers clear of busy intervals (touching is allowed; buffers may fall outside hours)', () => {
    const availability: Availability = {
      timeZone: ZONE,
      weekly: [{ weekday: 4, open: '09:00', close: '18:00' }],
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 30,
      busy: [
        { start: '2026-04-02T09:00:00+01:00', end: '2026-04-02T10:15:00+01:00' },
        { start: '2026-04-02T14:00:00+01:00', end: '2026-04-02T15:00:00+01:00' },
      ],
    };
    const slots = mustOk(findSlots(done1(), { protocol, availability, asOf: AFTER_1, limit: 3 }));
    // 10:30–13:30: 15 minutes before touch the first busy end, 30 after touch the second start.
    // After 15:00 + 15 the next start (15:30) would end at 18:30, past closing.
    expect(startsOn(slots, '2026-04-02')).toEqual(['10:30']);
    expect(slots[1]?.start).toBe('2026-04-09T09:00:00+01:00');
  });

  it('keeps buffers clear of the plan’s other sessions too', () => {
    const sameDay = mustOk(
      defineProtocol({
        ...standardProtocol,
        id: 'same-day',
        sessions: standardProtocol.sessions.map((s) => ({
          ...s,
          gaps: s.gaps.map((g) => ({ ...g, absoluteMinimumDays: 0, minimumDays: 0, earliestRecommendedDays: 0 })),
        })),
      }),
    );
    const plan = applyAll(
      newPlan({ protocol: sameDay }),
      [{ id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-05T09:00:00Z' }],
      sameDay,
    );
    const clinic = (bufferBeforeMinutes: number): Availability => ({
      timeZone: ZONE,
      weekly: [{ weekday: 4, open: '09:00', close: '19:00' }],
      bufferBeforeMinutes,
    });
    const first = (bufferBeforeMinutes: number): string[] =>
      mustOk(findSlots(plan, { protocol: sameDay, availability: clinic(bufferBeforeMinutes), asOf: '2026-03-02T09:00:00Z', limit: 2 })).map(
        (s) => s.start,
      );
    // Session 1 ends at 13:00; session 2's 30-minute buffer before it must not touch session 1.
    expect(first(0)).toEqual(['2026-03-05T13:00:00+00:00', '2026-03-05T13:30:00+00:00']);
    expect(first(30)).toEqual(['2026-03-05T13:30:00+00:00', '2026-03-05T14:00:00+00:00']);
  });

  it('names the first free resource, one slot per start time', () => {
    const plan = done1();
    const clinic = (busy: Availability['busy']): Availability => ({
      ...weekdayMornings,
      resources: ['ana', 'ben'],
      ...(busy === undefined ? {} : { busy }),
    });
    const first = (busy?: Availability['busy']): Slot | undefined =>
      mustOk(findSlots(plan, { protocol, availability: clinic(busy), asOf: AFTER_1, limit: 2 }))[0];
    expect(first()).toMatchObject({ localDate: '2026-04-02', resource: 'ana' });
    expect(mustOk(findSlots(plan, { protocol, availability: clinic(undefined), asOf: AFTER_1, limit: 2 })).map((s) => s.localDate)).toEqual(
      ['2026-04-02', '2026-04-03'],
    );
    const ana = { start: '2026-04-02T10:00:00+01:00', end: '2026-04-02T13:00:00+01:00', resource: 'ana' };
    expect(first([ana])).toMatchObject({ localDate: '2026-04-02', resource: 'ben' });
    expect(first([ana, { ...ana, resource: 'ben' }])).toMatchObject({ localDate: '2026-04-03', resource: 'ana' });
    const everyone = { start: ana.start, end: ana.end };
    expect(first([everyone])).toMatchObject({ localDate: '2026-04-03', resource: 'ana' });
  });

  it('lets every busy interval block when the availability has no resources', () => {
    const busy = [{ start: '2026-04-02T10:00:00+01:00', end: '2026-04-02T13:00:00+01:00', resource: 'ana' }];
    const slots = mustOk(findSlots(done1(), { protocol, availability: { ...weekdayMornings, busy }, asOf: AFTER_1, limit: 1 }));
    expect(slots[0]).toMatchObject({ localDate: '2026-04-03' });
    expect(slots[0]).not.toHaveProperty('resource');
  });

  it('writes instants and local dates in the plan’s zone when the clinic’s differs', () => {
    const plan = newPlan({ timeZone: 'Asia/Tokyo' });
    const availability: Availability = { timeZone: ZONE, weekly: [{ weekday: 4, open: '20:00', close: '24:00' }] };
    const slots = mustOk(findSlots(plan, { protocol, availability, asOf: '2026-03-02T09:00:00Z', limit: 1 }));
    // Thu 5 Mar 20:00 in London is Fri 6 Mar 05:00 in Tokyo.
    expect(slots[0]).toEqual({
      session: 1,
      start: '2026-03-06T05:00:00+09:00',
      end: '2026-03-06T09:00:00+09:00',
      localDate: '2026-03-06',
      fit: 'onTime',
    });
  });

  it('gives the same answer for a checked (parseAvailability) and a raw availability', () => {
    const raw: Availability = {
      ...weekdayMornings,
      resources: ['ana', 'ben'],
      busy: [{ start: '2026-04-02T10:00:00+01:00', end: '2026-04-02T13:00:00+01:00', resource: 'ana' }],
    };
    const checked = mustOk(parseAvailability(raw));
    const options = { protocol, asOf: AFTER_1, limit: 20 };
    expect(findSlots(done1(), { ...options, availability: checked })).toEqual(findSlots(done1(), { ...options, availability: raw }));
  });
});

describe('findSlots for a booked session (a move)', () => {
  /** Session 2 booked Thu 2 Apr 10:00, session 3 booked Thu 16 Apr 10:00 (14 days later). */
  function bookedCourse(): Plan {
    return applyAll(done1(), [
      { id: 'b2', type: 'sessionBooked', at: AFTER_1, session: 2, start: '2026-04-02T10:00:00+01:00' },
      { id: 'b3', type: 'sessionBooked', at: AFTER_1, session: 3, start: '2026-04-16T10:00:00+01:00' },
    ]);
  }

  it('never breaks a later booking, and ignores the busy interval of the booking being moved', () => {
    const plan = bookedCourse();
    const busy = [
      { start: '2026-04-02T10:00:00+01:00', end: '2026-04-02T13:00:00+01:00' },
      { start: '2026-04-16T10:00:00+01:00', end: '2026-04-16T13:00:00+01:00' },
    ];
    const slots = mustOk(findSlots(plan, { protocol, availability: { ...weekdayMornings, busy }, asOf: AFTER_1, session: 2, limit: 100 }));
    // Session 3 on 16 Apr needs session 2 by 9 Apr (7 days before).
    expect(dates(slots)).toEqual([
      '2026-04-02',
      '2026-04-03',
      '2026-04-06',
      '2026-04-01',
      '2026-03-31',
      '2026-03-30',
      '2026-04-07',
      '2026-04-08',
      '2026-04-09',
    ]);
    expectBookable(plan, slots, AFTER_1);
  });
});

describe('findSlots refusals', () => {
  const options = { protocol, availability: weekdayMornings, asOf: AFTER_1 };

  it('refuses a plan on hold, closed or completed with its code', () => {
    const onHold = applyAll(done1(), [{ id: 'p', type: 'planPaused', at: AFTER_1, reason: 'irritation' }]);
    expect(codes(mustFail(findSlots(onHold, options)))).toEqual(['PLAN_ON_HOLD']);
    const closed = applyAll(done1(), [{ id: 'x', type: 'planClosed', at: AFTER_1, reason: 'moved away' }]);
    expect(codes(mustFail(findSlots(closed, options)))).toEqual(['PLAN_CLOSED']);
    const completed = applyAll(done1(), [
      { id: 'b2', type: 'sessionBooked', at: AFTER_1, session: 2, start: '2026-04-02T10:00:00+01:00' },
      { id: 'c2', type: 'sessionCompleted', at: '2026-04-02T13:00:00+01:00', session: 2 },
      { id: 'b3', type: 'sessionBooked', at: '2026-04-02T13:00:00+01:00', session: 3, start: '2026-04-16T10:00:00+01:00' },
      { id: 'c3', type: 'sessionCompleted', at: '2026-04-16T13:00:00+01:00', session: 3 },
    ]);
    expect(codes(mustFail(findSlots(completed, { ...options, asOf: '2026-04-17T09:00:00Z' })))).toEqual(['PLAN_COMPLETED']);
  });

  it('refuses sessions that cannot be booked, as applyEvent would', () => {
    const plan = done1();
    expect(codes(mustFail(findSlots(plan, { ...options, session: 7 })))).toEqual(['UNKNOWN_SESSION']);
    expect(codes(mustFail(findSlots(plan, { ...options, session: 1 })))).toEqual(['SESSION_ALREADY_COMPLETED']);
    expect(codes(mustFail(findSlots(plan, { ...options, session: 3 })))).toEqual(['SESSION_OUT_OF_ORDER']);
    const allBooked = applyAll(plan, [
      { id: 'b2', type: 'sessionBooked', at: AFTER_1, session: 2, start: '2026-04-02T10:00:00+01:00' },
      { id: 'b3', type: 'sessionBooked', at: AFTER_1, session: 3, start: '2026-04-16T10:00:00+01:00' },
    ]);
    expect(mustFail(findSlots(allBooked, options))).toEqual([expect.objectContaining({ code: 'SESSION_ALREADY_BOOKED', session: 2 })]);
  });

  it('refuses another protocol with PROTOCOL_MISMATCH', () => {
    const other = mustOk(defineProtocol({ ...standardProtocol, version: 2 }));
    expect(codes(mustFail(findSlots(done1(), { ...options, protocol: other })))).toEqual(['PROTOCOL_MISMATCH']);
  });

  it('reports bad options with their paths', () => {
    const out = mustFail(
      findSlots(done1(), {
        protocol,
        asOf: 'tomorrow',
        limit: 0,
        session: 1.5,
        availability: { timeZone: 'Mars/Olympus', weekly: [] },
      } as never),
    );
    expect(out.map((f) => [f.code, f.path])).toEqual([
      ['INVALID_TIME_ZONE', ['options', 'availability', 'timeZone']],
      ['INVALID_INSTANT', ['options', 'asOf']],
      ['INVALID_INPUT', ['options', 'session']],
      ['INVALID_INPUT', ['options', 'limit']],
    ]);
    expect(mustFail(findSlots(done1(), { protocol, asOf: AFTER_1 } as never))).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', path: ['options', 'availability'] }),
    ]);
  });

  it('never throws, whatever it is given', () => {
    for (const bad of [undefined, null, 42, 'plan', [], {}, { sessions: 'x' }]) {
      expect(findSlots(bad as never, bad as never).ok).toBe(false);
      expect(findSlots(done1(), { protocol, asOf: AFTER_1, availability: bad } as never).ok).toBe(false);
    }
  });
});
