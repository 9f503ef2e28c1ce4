import { describe, expect, it } from 'vitest';
import { createPlan, findSlots, standardProtocol, type Availability, type Plan } from 'smp-protocol';
import { applyAll, mustFail, mustOk, newPlan } from '../support/plans.js';

const protocol = standardProtocol;
/** Open one hour a day: a session never fits. */
const tooShort = (horizonDays: number, timeZone: string): Availability => ({
  timeZone,
  horizonDays,
  weekly: ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, open: '10:00', close: '11:00' })),
});
const outOfRange = (value: string, session: number) => ({
  code: 'DATE_OUT_OF_RANGE',
  severity: 'error',
  message: `options.asOf: "${value}" is outside the supported range of local dates, 1900-01-01 to 9999-12-28.`,
  session,
  path: ['options', 'asOf'],
  params: { path: 'options.asOf', value, min: '1900-01-01', max: '9999-12-28' },
});

describe('findSlots finding nothing at the start of the supported range (12 hours behind UTC)', () => {
  const plan = (): Plan =>
    mustOk(createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'Etc/GMT+12', createdAt: '1900-01-02T00:00:00Z' }));

  it('a search from the first local date, 1900-01-01: DATE_OUT_OF_RANGE, never a finding naming that date as a bound', () => {
    const out = mustFail(findSlots(plan(), { protocol, asOf: '1900-01-02T00:00:00Z', availability: tooShort(5, 'Etc/GMT+12') }));
    expect(out).toEqual([outOfRange('1900-01-01', 1)]);
  });

  it('a search from the second local date: NO_SLOT_AVAILABLE', () => {
    const out = mustFail(findSlots(plan(), { protocol, asOf: '1900-01-02T12:00:00Z', availability: tooShort(5, 'Etc/GMT+12') }));
    expect(out).toEqual([
      expect.objectContaining({
        code: 'NO_SLOT_AVAILABLE',
        params: { session: 1, from: '1900-01-02', until: '1900-01-07', reason: 'calendar', durationMinutes: 240 },
      }),
    ]);
  });
});

describe('findSlots when the healing window opens at the end of the supported range', () => {
  /** Session 1 done on 9999-12-`day` (UTC): session 2 may start 7 days later. */
  const plan = (day: string): Plan =>
    applyAll(mustOk(createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: '9999-12-01T00:00:00Z' })), [
      { id: 'b1', type: 'sessionBooked', at: '9999-12-01T00:00:00Z', session: 1, start: `9999-12-${day}T10:00:00Z` },
      { id: 'c1', type: 'sessionCompleted', at: `9999-12-${day}T14:00:00Z`, session: 1 },
    ]);

  it('a window opening on the last day searched (9999-12-28): NO_SLOT_AVAILABLE past the horizon', () => {
    const out = mustFail(findSlots(plan('21'), { protocol, asOf: '9999-12-21T15:00:00Z', availability: tooShort(0, 'UTC') }));
    expect(out).toEqual([
      {
        code: 'NO_SLOT_AVAILABLE',
        severity: 'error',
        message: 'Session 2 cannot be booked before 9999-12-28, which is after the booking horizon ends (9999-12-21).',
        session: 2,
        params: { session: 2, from: '9999-12-28', until: '9999-12-21', reason: 'horizon', durationMinutes: 180 },
      },
    ]);
  });

  it('a window opening a day later: DATE_OUT_OF_RANGE at options.asOf', () => {
    const out = mustFail(findSlots(plan('22'), { protocol, asOf: '9999-12-22T15:00:00Z', availability: tooShort(0, 'UTC') }));
    expect(out).toEqual([outOfRange('9999-12-29', 2)]);
  });
});

describe('a slot’s fields', () => {
  it('has no daysFromAnchor for session 1 and no resource without resources, in the documented order', () => {
    const availability: Availability = { timeZone: 'Europe/London', weekly: [{ weekday: 1, open: '09:00', close: '13:00' }] };
    const [slot] = mustOk(findSlots(newPlan(), { protocol, availability, asOf: '2026-03-02T08:00:00Z', limit: 1 }));
    expect(slot).toStrictEqual({
      session: 1,
      start: '2026-03-02T09:00:00+00:00',
      end: '2026-03-02T13:00:00+00:00',
      localDate: '2026-03-02',
      fit: 'onTime',
    });
    expect(Object.keys(slot ?? {})).toEqual(['session', 'start', 'end', 'localDate', 'fit']);
  });

  it('has daysFromAnchor after localDate, and the resource last', () => {
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1 },
    ]);
    const availability: Availability = {
      timeZone: 'Europe/London',
      weekly: [{ weekday: 4, open: '10:00', close: '13:00' }],
      resources: ['ana'],
    };
    const [slot] = mustOk(findSlots(plan, { protocol, availability, asOf: '2026-03-23T15:00:00Z', limit: 1 }));
    expect(Object.keys(slot ?? {})).toEqual(['session', 'start', 'end', 'localDate', 'daysFromAnchor', 'fit', 'resource']);
    expect(slot).toStrictEqual({
      session: 2,
      start: '2026-04-02T10:00:00+01:00',
      end: '2026-04-02T13:00:00+01:00',
      localDate: '2026-04-02',
      daysFromAnchor: 10,
      fit: 'onTime',
      resource: 'ana',
    });
  });
});
