/**
 * An appointment reminder never falls before the first supported instant: a booking on the first
 * supported day with reminders two days ahead gives reminders our own parser reads back.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, createPlan, localDateOf, planChanges, standardProtocol } from 'smp-protocol';
import { mustOk } from '../support/plans.js';

const protocol = standardProtocol;

function dueDates(timeZone: string, start: string): [string, string][] {
  const plan = mustOk(createPlan({ id: 'p', clientId: 'c', protocol, timeZone, createdAt: '1900-01-02T00:00:00Z' }));
  const booked = mustOk(applyEvent(plan, { id: 'b1', type: 'sessionBooked', at: '1900-01-02T00:00:00Z', session: 1, start }, { protocol }));
  const out = mustOk(planChanges(undefined, booked, { protocol, reminders: { appointmentMinutesBefore: [2880, 120] } }));
  return out.reminders.schedule.map((r) => [r.id, r.dueAt]);
}

describe('planChanges: appointment reminders stay in the supported range', () => {
  it('a reminder that would be due before 1900-01-02T00:00:00Z is due then', () => {
    expect(dueDates('UTC', '1900-01-02T10:00:00Z')).toEqual([
      ['p/1/appointment/2880m', '1900-01-02T00:00:00+00:00'],
      ['p/1/appointment/120m', '1900-01-02T08:00:00+00:00'],
    ]);
    expect(dueDates('Etc/GMT+12', '1900-01-02T10:00:00Z')).toEqual([
      ['p/1/appointment/2880m', '1900-01-01T12:00:00-12:00'],
      ['p/1/appointment/120m', '1900-01-01T20:00:00-12:00'],
    ]);
  });

  it('a reminder exactly on the first instant, and one a minute after it, are kept as computed', () => {
    expect(dueDates('UTC', '1900-01-04T00:00:00Z')[0]).toEqual(['p/1/appointment/2880m', '1900-01-02T00:00:00+00:00']);
    expect(dueDates('UTC', '1900-01-04T00:01:00Z')[0]).toEqual(['p/1/appointment/2880m', '1900-01-02T00:01:00+00:00']);
  });

  it('every dueAt reads back as an instant', () => {
    for (const [, dueAt] of dueDates('UTC', '1900-01-02T10:00:00Z')) expect(localDateOf(dueAt, 'UTC').ok).toBe(true);
  });
});
