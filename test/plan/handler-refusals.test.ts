/**
 * The reducer's refusals, each finding exactly: cancelling or recording a no-show for a session
 * that is not in the plan or not booked (pending, or completed with its booking kept), and a
 * booking whose end falls past the last supported instant.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, createPlan, standardProtocol, type Plan } from 'smp-protocol';
import { applyAll, mustFail, mustOk } from '../support/plans.js';

const protocol = standardProtocol;
const plan = (createdAt = '2026-01-05T09:00:00Z'): Plan =>
  mustOk(createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt }));
const BOOK1 = { id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:05:00Z', session: 1, start: '2026-01-12T10:00:00Z' } as const;
const DONE1 = { id: 'd1', type: 'sessionCompleted', at: '2026-01-12T15:00:00Z', session: 1 } as const;

describe('cancelling or missing a session that is not booked', () => {
  const booked = applyAll(plan(), [BOOK1]);
  const done = applyAll(plan(), [BOOK1, DONE1]);

  for (const type of ['sessionCancelled', 'sessionMissed'] as const) {
    const ev = (session: number) => ({ id: 'x', type, at: '2026-01-12T15:00:00Z', session });

    it(`${type}: a session not in the plan is UNKNOWN_SESSION`, () => {
      expect(mustFail(applyEvent(booked, ev(9), { protocol }))).toEqual([
        {
          code: 'UNKNOWN_SESSION',
          severity: 'error',
          message: 'Session 9 is not in this plan, which has sessions 1 to 3.',
          session: 9,
          params: { session: 9, sessions: 3 },
        },
      ]);
    });

    it(`${type}: a pending session, and a completed one that keeps its booking, are SESSION_NOT_BOOKED`, () => {
      expect(mustFail(applyEvent(booked, ev(2), { protocol }))).toEqual([
        {
          code: 'SESSION_NOT_BOOKED',
          severity: 'error',
          message: 'Session 2 is not booked (it is pending).',
          session: 2,
          params: { session: 2, state: 'pending' },
        },
      ]);
      expect(done.sessions[0]?.booking).toEqual({ start: '2026-01-12T10:00:00Z', end: '2026-01-12T14:00:00+00:00' });
      expect(mustFail(applyEvent(done, ev(1), { protocol }))).toEqual([
        {
          code: 'SESSION_NOT_BOOKED',
          severity: 'error',
          message: 'Session 1 is not booked (it is completed).',
          session: 1,
          params: { session: 1, state: 'completed' },
        },
      ]);
    });
  }
});

describe('a booking past the supported range', () => {
  it('an end after 9999-12-30T23:59:59.999Z is DATE_OUT_OF_RANGE at start', () => {
    const late = plan('9999-12-01T09:00:00Z');
    const ev = { id: 'b1', type: 'sessionBooked', at: '9999-12-01T09:05:00Z', session: 1, start: '9999-12-30T22:00:00Z' };
    expect(mustFail(applyEvent(late, ev, { protocol }))).toEqual([
      {
        code: 'DATE_OUT_OF_RANGE',
        severity: 'error',
        message:
          'start: "9999-12-30T22:00:00Z" is outside the supported range of local dates, 1900-01-02T00:00:00Z to 9999-12-30T23:59:59.999Z.',
        session: 1,
        path: ['start'],
        params: { path: 'start', value: '9999-12-30T22:00:00Z', min: '1900-01-02T00:00:00Z', max: '9999-12-30T23:59:59.999Z' },
      },
    ]);
    // Four hours earlier the session ends at 23:00: accepted.
    expect(mustOk(applyEvent(late, { ...ev, start: '9999-12-30T19:00:00Z' }, { protocol })).sessions[0]?.booking).toEqual({
      start: '9999-12-30T19:00:00Z',
      end: '9999-12-30T23:00:00+00:00',
    });
  });
});
