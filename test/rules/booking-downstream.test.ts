/**
 * The checks of a booking against the rest of the plan, with every param: a move of session 1
 * past later bookings (each later session measured from its own anchor), a new booking whose
 * named anchor is pending again, and a screening floor that names no dated condition.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, createPlan, standardProtocol, type Finding } from 'smp-protocol';
import { customAnchors } from '../support/custom-protocol.js';
import { applyAll, codes, mustFail, mustOk, newPlan } from '../support/plans.js';

const protocol = standardProtocol;

/** Sessions 1, 2, 3 booked in Europe/London: 2 March, 12 March, 26 March at 10:00Z (4 hours each). */
function threeBooked() {
  return applyAll(newPlan({ createdAt: '2026-02-01T09:00:00Z' }), [
    { id: 'b1', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 1, start: '2026-03-02T10:00:00Z' },
    { id: 'b2', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 2, start: '2026-03-12T10:00:00Z' },
    { id: 'b3', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 3, start: '2026-03-26T10:00:00Z' },
  ]);
}

function downstreamOf(findings: readonly Finding[], session: number): Finding | undefined {
  return findings.find((f) => f.code === 'DOWNSTREAM_CONFLICT' && f.session === session);
}

describe('a move of session 1 past the later bookings', () => {
  const move = { id: 'r1', at: '2026-02-02T09:00:00Z', type: 'sessionRescheduled', session: 1, start: '2026-03-30T10:00:00Z' };

  it('names session 2 (its gap from session 1 broken) and session 3 (out of order), each with its own earliest date', () => {
    const findings = mustFail(applyEvent(threeBooked(), move, { protocol }));
    expect(codes(findings)).toEqual(['DOWNSTREAM_CONFLICT', 'DOWNSTREAM_CONFLICT']);
    expect(downstreamOf(findings, 2)).toMatchObject({
      severity: 'error',
      params: {
        session: 2,
        changedSession: 1,
        bookedDate: '2026-03-12',
        reason: 'spacing',
        days: -18,
        minimumDays: 7,
        anchorDate: '2026-03-30',
        earliestDate: '2026-04-06',
      },
    });
    // Session 3 counts from session 2 (12 March), not from the moved session 1: its earliest date
    // is the end of the moved session (30 March), not 30 March + 7 days.
    expect(downstreamOf(findings, 3)?.params).toEqual({
      session: 3,
      changedSession: 1,
      bookedDate: '2026-03-26',
      reason: 'order',
      earliestDate: '2026-03-30',
    });
  });

  it('accepts a move of session 1 that keeps session 2 seven days later', () => {
    const out = applyEvent(threeBooked(), { ...move, start: '2026-03-05T10:00:00Z' }, { protocol });
    expect(mustOk(out).sessions[0]?.booking).toEqual({ start: '2026-03-05T10:00:00Z', end: '2026-03-05T14:00:00+00:00' });
  });
  it('a move of session 1 that ends exactly when session 3 starts is not out of order for session 3', () => {
    // 06:00–10:00Z on 26 March: session 3 starts at 10:00Z, the moment session 1 ends.
    const findings = mustFail(applyEvent(threeBooked(), { ...move, start: '2026-03-26T06:00:00Z' }, { protocol }));
    expect(findings.map((f) => [f.code, f.session, f.params?.reason])).toEqual([['DOWNSTREAM_CONFLICT', 2, 'spacing']]);
  });
});

describe('a booking that starts before an earlier session ends', () => {
  it('names the earlier session that ends last (session 2, not session 1)', () => {
    const plan = applyAll(newPlan({ createdAt: '2026-02-01T09:00:00Z' }), [
      { id: 'b1', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 1, start: '2026-03-02T10:00:00Z' },
      { id: 'b2', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 2, start: '2026-03-12T10:00:00Z' },
    ]);
    const findings = mustFail(
      applyEvent(
        plan,
        { id: 'b3', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 3, start: '2026-03-12T12:00:00Z' },
        { protocol },
      ),
    );
    expect(findings.find((f) => f.code === 'SESSION_OUT_OF_ORDER')).toMatchObject({
      session: 3,
      params: {
        session: 3,
        previousSession: 2,
        rule: 'afterPrevious',
        start: '2026-03-12T12:00:00+00:00',
        previousEnd: '2026-03-12T13:00:00+00:00',
      },
    });
  });
});

describe('a move measured against every anchor of a later session (custom-anchors: session 3 counts from 2 and from 1)', () => {
  /** Sessions 1, 2, 3 booked on 2, 6 and 10 March at 10:00Z. */
  function customThree(events: unknown[] = []) {
    return applyAll(
      newPlan({ protocol: customAnchors, createdAt: '2026-02-01T09:00:00Z' }),
      [
        { id: 'b1', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 1, start: '2026-03-02T10:00:00Z' },
        { id: 'b2', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 2, start: '2026-03-06T10:00:00Z' },
        { id: 'b3', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 3, start: '2026-03-10T10:00:00Z' },
        ...events,
      ],
      customAnchors,
    );
  }

  it('a move of session 2 to the day before session 3: the earliest date for session 3 is 2 days after session 2, over 8 after session 1', () => {
    const findings = mustFail(
      applyEvent(
        customThree(),
        { id: 'r2', at: '2026-02-02T09:00:00Z', type: 'sessionRescheduled', session: 2, start: '2026-03-09T10:00:00Z' },
        { protocol: customAnchors },
      ),
    );
    expect(findings.map((f) => [f.code, f.severity, f.session, f.params])).toEqual([
      [
        'DOWNSTREAM_CONFLICT',
        'error',
        3,
        {
          session: 3,
          changedSession: 2,
          bookedDate: '2026-03-10',
          reason: 'spacing',
          days: 1,
          minimumDays: 2,
          anchorDate: '2026-03-09',
          earliestDate: '2026-03-11',
        },
      ],
    ]);
  });

  it('a move of session 2 that keeps its own gap to session 3 is accepted, though session 1 was completed a day late', () => {
    // Session 1 completed on 3 March: session 3 (10 March) is now 7 days after it, under its 8; that
    // gap is not the move's doing, so the move of session 2 is not refused for it.
    const plan = customThree([
      { id: 'c1', at: '2026-03-03T12:00:00Z', type: 'sessionCompleted', session: 1, start: '2026-03-03T10:00:00Z' },
    ]);
    const out = applyEvent(
      plan,
      { id: 'r2', at: '2026-03-04T09:00:00Z', type: 'sessionRescheduled', session: 2, start: '2026-03-07T10:00:00Z' },
      { protocol: customAnchors },
    );
    expect(mustOk(out).sessions[1]?.booking).toEqual({ start: '2026-03-07T10:00:00Z', end: '2026-03-07T11:30:00+00:00' });
  });
});

describe('a new booking whose named anchor is pending again', () => {
  // custom-anchors: session 3 counts from session 2 and from session 1.
  function anchorMissed() {
    return applyAll(
      newPlan({ protocol: customAnchors, createdAt: '2026-02-01T09:00:00Z' }),
      [
        { id: 'b1', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 1, start: '2026-03-02T10:00:00Z' },
        { id: 'b2', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 2, start: '2026-03-06T10:00:00Z' },
        { id: 'm1', at: '2026-03-02T12:00:00Z', type: 'sessionMissed', session: 1 },
      ],
      customAnchors,
    );
  }

  it('refuses session 3 while session 1 is pending: SESSION_OUT_OF_ORDER naming session 1', () => {
    const plan = anchorMissed();
    expect(plan.sessions.map((s) => s.state)).toEqual(['pending', 'booked', 'pending']);
    const findings = mustFail(
      applyEvent(
        plan,
        { id: 'b3', at: '2026-03-03T09:00:00Z', type: 'sessionBooked', session: 3, start: '2026-03-10T10:00:00Z' },
        { protocol: customAnchors },
      ),
    );
    expect(findings).toEqual([
      {
        code: 'SESSION_OUT_OF_ORDER',
        severity: 'error',
        session: 3,
        message: expect.any(String),
        params: { session: 3, previousSession: 1, previousState: 'pending', rule: 'previousBooked' },
      },
    ]);
  });
});

describe('a screening floor that names no dated condition', () => {
  it('refuses session 1 before the earliest start with the generic reason', () => {
    const plan = mustOk(
      createPlan({
        id: 'plan-1',
        clientId: 'client-1',
        protocol,
        timeZone: 'Europe/London',
        createdAt: '2026-02-01T09:00:00Z',
        screening: { outcome: 'eligible', earliestStart: '2026-03-01', findings: [] },
      }),
    );
    const findings = mustFail(
      applyEvent(
        plan,
        { id: 'b1', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 1, start: '2026-02-27T10:00:00Z' },
        { protocol },
      ),
    );
    expect(findings.map((f) => [f.code, f.severity, f.params])).toEqual([
      [
        'SCREENING_DEFERRED',
        'error',
        { session: 1, date: '2026-02-27', until: '2026-03-01', condition: '', reason: 'the screening deferred treatment' },
      ],
    ]);
  });
});
