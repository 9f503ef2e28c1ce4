/**
 * Calendar days added to a local wall-clock time: the same local time N days later, decided by
 * the library's own wall-clock resolver. A time that happens twice on the target day (clocks go
 * back) is the earlier instant; a time the clocks skip moves forward by the gap. Exact values for
 * every place that adds days to a local time: aftercare `until`, booking ends, preparation, slots.
 */
import { describe, expect, it } from 'vitest';
import { aftercare, applyEvent, createPlan, findSlots, preparation, standardProtocol, type Plan } from 'smp-protocol';
import { mustOk } from '../support/plans.js';

const protocol = standardProtocol;

function bookedAt(timeZone: string, createdAt: string, start: string): Plan {
  const plan = mustOk(createPlan({ id: 'p', clientId: 'c', protocol, timeZone, createdAt }));
  return mustOk(applyEvent(plan, { id: 'b1', type: 'sessionBooked', at: createdAt, session: 1, start }, { protocol }));
}

function until(items: readonly { rule: string; until: string }[], rule: string): string | undefined {
  return items.find((i) => i.rule === rule)?.until;
}

describe('aftercare across a repeated hour is the earlier instant', () => {
  it('America/Fortaleza 2000: no-hair-dye ends 2000-10-21T23:30-02:00, before the clocks go back at midnight', () => {
    const plan = bookedAt('America/Fortaleza', '2000-10-01T12:00:00-03:00', '2000-10-07T19:30:00-03:00');
    expect(plan.sessions[0]?.booking).toEqual({ start: '2000-10-07T19:30:00-03:00', end: '2000-10-07T23:30:00-03:00' });
    const items = mustOk(aftercare(plan, { protocol, session: 1 }));
    expect(until(items, 'no-hair-dye')).toBe('2000-10-21T23:30:00-02:00');
    expect(items.find((i) => i.rule === 'no-hair-dye')?.from).toBe('2000-10-07T23:30:00-03:00');
  });

  it('Asia/Gaza 2040: no-razor ends 2040-10-27T01:30+03:00, the first of the two 01:30s', () => {
    const plan = bookedAt('Asia/Gaza', '2040-10-01T12:00:00+03:00', '2040-10-19T21:30:00+02:00');
    expect(plan.sessions[0]?.booking?.end).toBe('2040-10-20T01:30:00+02:00');
    const items = mustOk(aftercare(plan, { protocol, session: 1 }));
    expect(until(items, 'no-razor')).toBe('2040-10-27T01:30:00+03:00');
  });

  it('Europe/London: 01:30 on the last Sunday of October is the BST one (+01:00)', () => {
    // Booked 2026-10-18 21:30 BST for 4 h: ends 01:30 BST on the 19th; 7 days later is 25 Oct, when
    // 01:30 happens at +01:00 and again at +00:00.
    const plan = bookedAt('Europe/London', '2026-10-01T12:00:00+01:00', '2026-10-18T21:30:00+01:00');
    const items = mustOk(aftercare(plan, { protocol, session: 1 }));
    expect(until(items, 'no-razor')).toBe('2026-10-26T01:30:00+00:00');
    expect(until(items, 'no-shampoo')).toBe('2026-10-26T01:30:00+00:00');
  });
});

describe('aftercare into a skipped hour moves forward by the gap', () => {
  it('Europe/London: 7 days after 01:30 GMT on 22 March lands on 29 March 01:30, which does not exist: 02:30 BST', () => {
    const plan = bookedAt('Europe/London', '2026-03-01T12:00:00Z', '2026-03-21T21:30:00Z');
    expect(plan.sessions[0]?.booking?.end).toBe('2026-03-22T01:30:00+00:00');
    const items = mustOk(aftercare(plan, { protocol, session: 1 }));
    expect(until(items, 'no-razor')).toBe('2026-03-29T02:30:00+01:00');
  });

  it('across a whole DST change the local time stays: 14 days from 23 March 14:00 GMT is 6 April 14:00 BST', () => {
    const plan = bookedAt('Europe/London', '2026-03-01T12:00:00Z', '2026-03-23T10:00:00Z');
    const items = mustOk(aftercare(plan, { protocol, session: 1 }));
    expect(until(items, 'no-hair-dye')).toBe('2026-04-06T14:00:00+01:00');
  });
});

describe('real hours are real hours across a change', () => {
  it('preparation counts real hours back from the start, in the zone’s offset at each instant', () => {
    // Start Sunday 29 March 2026 10:00 BST (09:00Z); 24 h before is 09:00Z on the 28th = 09:00 GMT.
    const plan = bookedAt('Europe/London', '2026-03-01T12:00:00Z', '2026-03-29T10:00:00+01:00');
    const items = mustOk(preparation(plan, { protocol, session: 1 }));
    for (const item of items) expect(Date.parse(item.until)).toBeLessThanOrEqual(Date.parse('2026-03-29T09:00:00Z'));
    const day = items.find((i) => Date.parse(i.from) === Date.parse('2026-03-28T09:00:00Z'));
    if (day !== undefined) expect(day.from).toBe('2026-03-28T09:00:00+00:00');
  });

  it('a booking end is start + duration in real minutes: 4 h from 23:00 BST on 24 Oct 2026 is 02:00 GMT', () => {
    const plan = bookedAt('Europe/London', '2026-10-01T12:00:00+01:00', '2026-10-24T23:00:00+01:00');
    expect(plan.sessions[0]?.booking?.end).toBe('2026-10-25T02:00:00+00:00');
  });
});

describe('slots step in wall-clock minutes on the day of a change', () => {
  it('Europe/London, 25 Oct 2026 opening 00:00–05:00: 01:00 and 01:30 once each, at the earlier (BST) instant', () => {
    const plan = mustOk(
      createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'Europe/London', createdAt: '2026-10-20T12:00:00+01:00' }),
    );
    const shortProtocol = protocol;
    const slots = mustOk(
      findSlots(plan, {
        protocol: shortProtocol,
        asOf: '2026-10-24T12:00:00+01:00',
        availability: {
          timeZone: 'Europe/London',
          weekly: [],
          overrides: [{ date: '2026-10-25', hours: [{ open: '00:00', close: '05:00' }] }],
          slotStepMinutes: 30,
          horizonDays: 3,
        },
        limit: 20,
      }),
    );
    // Session 1 lasts 240 real minutes; the range closes at 05:00 GMT (05:00Z), so the last start is 01:00Z = 01:00 GMT.
    expect(slots.map((s) => s.start)).toEqual([
      '2026-10-25T00:00:00+01:00',
      '2026-10-25T00:30:00+01:00',
      '2026-10-25T01:00:00+01:00',
      '2026-10-25T01:30:00+01:00',
    ]);
    expect(slots.map((s) => s.end)).toEqual([
      '2026-10-25T03:00:00+00:00',
      '2026-10-25T03:30:00+00:00',
      '2026-10-25T04:00:00+00:00',
      '2026-10-25T04:30:00+00:00',
    ]);
  });
});
