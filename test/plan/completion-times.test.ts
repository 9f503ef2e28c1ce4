/**
 * The times a completion records when the event gives no end: the booking's own end, as the
 * booking wrote it, when the session started as booked and ran its full length; otherwise the
 * start plus the booking's length (or the protocol's, for a session never booked), cut at the
 * event's `at`, written in the plan's zone. And the order rule's bound: a session may start at the
 * very instant the previous one ended.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, createPlan, parsePlan, standardProtocol, type Plan } from 'smp-protocol';
import { mustFail, mustOk } from '../support/plans.js';

const protocol = standardProtocol;
const created = mustOk(createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'Europe/Paris', createdAt: '2026-01-05T09:00:00Z' }));
const BOOK1 = { id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:05:00Z', session: 1, start: '2026-01-12T10:00:00Z' } as const;
const booked = mustOk(applyEvent(created, BOOK1, { protocol }));
/** The booked plan as stored by another writer: the booking's end written in UTC. */
const storedInUtc: Plan = (() => {
  const json = JSON.parse(JSON.stringify(booked));
  json.sessions[0].booking.end = '2026-01-12T14:00:00Z';
  return mustOk(parsePlan(json));
})();

function completed(plan: Plan, event: Record<string, unknown>, session = 1) {
  const next = mustOk(applyEvent(plan, { id: 'd1', type: 'sessionCompleted', session, ...event }, { protocol }));
  return next.sessions[session - 1]?.completed;
}

describe('the end of a completion given no end', () => {
  it('started as booked and ran its length: the booking end as written', () => {
    expect(booked.sessions[0]?.booking).toEqual({ start: '2026-01-12T10:00:00Z', end: '2026-01-12T15:00:00+01:00' });
    expect(completed(booked, { at: '2026-01-12T15:00:00Z' })).toEqual({ start: '2026-01-12T10:00:00Z', end: '2026-01-12T15:00:00+01:00' });
    expect(completed(storedInUtc, { at: '2026-01-12T15:00:00Z' })).toEqual({ start: '2026-01-12T10:00:00Z', end: '2026-01-12T14:00:00Z' });
  });

  it('started later than booked: the booking length from the real start, cut at at, in the plan zone', () => {
    // 11:00 + 4 h = 15:00, cut at 14:00: the booking's end instant, but not the booking's start, so written anew.
    expect(completed(storedInUtc, { at: '2026-01-12T14:00:00Z', start: '2026-01-12T11:00:00Z' })).toEqual({
      start: '2026-01-12T11:00:00Z',
      end: '2026-01-12T15:00:00+01:00',
    });
  });

  it('recorded before the booked end: cut at at', () => {
    expect(completed(storedInUtc, { at: '2026-01-12T12:00:00Z' })).toEqual({
      start: '2026-01-12T10:00:00Z',
      end: '2026-01-12T13:00:00+01:00',
    });
  });

  it("a booking with its own length: that length, not the protocol's", () => {
    const own = mustOk(applyEvent(created, { ...BOOK1, durationMinutes: 45 }, { protocol }));
    expect(completed(own, { at: '2026-01-12T15:00:00Z' })).toEqual({ start: '2026-01-12T10:00:00Z', end: '2026-01-12T11:45:00+01:00' });
    expect(completed(own, { at: '2026-01-12T15:00:00Z', start: '2026-01-12T11:00:00Z' })).toEqual({
      start: '2026-01-12T11:00:00Z',
      end: '2026-01-12T12:45:00+01:00',
    });
  });

  it("a session never booked: the protocol's length from the start, cut at at", () => {
    expect(completed(created, { at: '2026-01-12T15:00:00Z', start: '2026-01-12T10:00:00Z' })).toEqual({
      start: '2026-01-12T10:00:00Z',
      end: '2026-01-12T15:00:00+01:00',
    });
    expect(completed(created, { at: '2026-01-12T12:00:00Z', start: '2026-01-12T10:00:00Z' })).toEqual({
      start: '2026-01-12T10:00:00Z',
      end: '2026-01-12T13:00:00+01:00',
    });
  });
});

describe('sessions in order', () => {
  const first = mustOk(
    applyEvent(
      created,
      {
        id: 'd1',
        type: 'sessionCompleted',
        at: '2026-01-12T15:00:00Z',
        session: 1,
        start: '2026-01-12T10:00:00Z',
        end: '2026-01-12T14:00:00Z',
      },
      { protocol },
    ),
  );

  it('a session may start the instant the previous one ended, not a second before', () => {
    const at = { at: '2026-01-12T19:00:00Z', end: '2026-01-12T17:00:00Z' };
    expect(completed(first, { ...at, id: 'd2', start: '2026-01-12T14:00:00Z' }, 2)).toEqual({
      start: '2026-01-12T14:00:00Z',
      end: '2026-01-12T17:00:00Z',
    });
    expect(
      mustFail(applyEvent(first, { id: 'd2', type: 'sessionCompleted', session: 2, ...at, start: '2026-01-12T13:59:59Z' }, { protocol })),
    ).toEqual([
      {
        code: 'SESSION_OUT_OF_ORDER',
        severity: 'error',
        message: 'Session 2 would start at 2026-01-12T13:59:59Z, before session 1 ends (2026-01-12T14:00:00Z); sessions happen in order.',
        session: 2,
        params: {
          session: 2,
          previousSession: 1,
          rule: 'afterPrevious',
          start: '2026-01-12T13:59:59Z',
          previousEnd: '2026-01-12T14:00:00Z',
        },
      },
    ]);
  });
});
