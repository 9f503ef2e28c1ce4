import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  defineProtocol,
  evaluatePlan,
  protocols,
  standardProtocol,
  type Finding,
  type Outcome,
  type Plan,
  type Protocol,
} from 'smp-protocol';
import { applyAll, codes, mustFail, mustOk, newPlan } from '../support/plans.js';

const protocol = standardProtocol;

function apply(plan: Plan, event: unknown, options: { protocol?: Protocol; expectedVersion?: number } = {}): Outcome<Plan> {
  const o: { protocol: Protocol; expectedVersion?: number } = { protocol: options.protocol ?? protocol };
  if (options.expectedVersion !== undefined) o.expectedVersion = options.expectedVersion;
  return applyEvent(plan, event, o);
}

/** The single error a refusal carries. */
function refusal(outcome: Outcome<Plan>): Finding {
  const findings = mustFail(outcome);
  expect(findings).toHaveLength(1);
  const f = findings[0];
  if (f === undefined) throw new Error('unreachable');
  expect(f.severity).toBe('error');
  return f;
}

// Fixtures, all in Europe/London (GMT in January and February 2026).
const BOOK1 = { id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:00:00Z', session: 1, start: '2026-01-12T10:00:00Z' } as const;
const DONE1 = { id: 'c1', type: 'sessionCompleted', at: '2026-01-12T14:00:00Z', session: 1 } as const;
const BOOK2 = { id: 'b2', type: 'sessionBooked', at: '2026-01-12T15:00:00Z', session: 2, start: '2026-01-22T10:00:00Z' } as const;
const DONE2 = { id: 'c2', type: 'sessionCompleted', at: '2026-01-22T13:00:00Z', session: 2 } as const;
const BOOK3 = { id: 'b3', type: 'sessionBooked', at: '2026-01-22T14:00:00Z', session: 3, start: '2026-02-05T10:00:00Z' } as const;
const DONE3 = { id: 'c3', type: 'sessionCompleted', at: '2026-02-05T13:00:00Z', session: 3 } as const;
const PAUSE = { id: 'p1', type: 'planPaused', at: '2026-01-06T09:00:00Z', reason: 'adverse reaction' } as const;
const CLOSE = { id: 'x1', type: 'planClosed', at: '2026-01-06T09:00:00Z', reason: 'two sessions were enough' } as const;

const draft = (): Plan => newPlan();
const booked1 = (): Plan => applyAll(newPlan(), [BOOK1]);
const done1 = (): Plan => applyAll(newPlan(), [BOOK1, DONE1]);
const booked1and2 = (): Plan => applyAll(newPlan(), [BOOK1, { ...BOOK2, at: '2026-01-05T09:05:00Z' }]);
const booked2 = (): Plan => applyAll(newPlan(), [BOOK1, DONE1, BOOK2]);
const done2 = (): Plan => applyAll(newPlan(), [BOOK1, DONE1, BOOK2, DONE2]);
const completedPlan = (): Plan => applyAll(newPlan(), [BOOK1, DONE1, BOOK2, DONE2, BOOK3, DONE3]);

/** A protocol like standard, with a name of its own and the given policy. */
function withPolicy(policy: Protocol['policy'], id = 'strict-clinic'): Protocol {
  return mustOk(defineProtocol({ ...JSON.parse(JSON.stringify(standardProtocol)), id, policy }));
}

/** Standard sessions with zero-day gaps (so that same-day bookings reach the overlap rule). */
function sameDayProtocol(): Protocol {
  const p = JSON.parse(JSON.stringify(standardProtocol)) as Protocol;
  const zero = { absoluteMinimumDays: 0, minimumDays: 0, earliestRecommendedDays: 0, latestRecommendedDays: 7, maximumDays: 14 };
  return mustOk(
    defineProtocol({
      ...p,
      id: 'same-day',
      sessions: p.sessions.map((s) => (s.number === 1 ? s : { ...s, gaps: [{ from: 'previous', ...zero }] })),
    }),
  );
}

/** Standard, plus a gap of session 3 from session 1 (7-day minimum), so moving session 1 can break sessions 2 and 3. */
function twoAnchorProtocol(): Protocol {
  const p = JSON.parse(JSON.stringify(standardProtocol)) as Protocol;
  const s3 = p.sessions[2];
  if (s3 === undefined) throw new Error('unreachable');
  return mustOk(
    defineProtocol({
      ...p,
      id: 'two-anchors',
      sessions: [
        p.sessions[0],
        p.sessions[1],
        {
          ...s3,
          gaps: [
            ...s3.gaps,
            { from: { session: 1 }, absoluteMinimumDays: 20, minimumDays: 24, earliestRecommendedDays: 24, latestRecommendedDays: 60 },
          ],
        },
      ],
    }),
  );
}

describe('sessionBooked', () => {
  it('books session 1 of a draft plan: booked, active, end = start + 240 minutes in the plan zone', () => {
    const out = apply(draft(), BOOK1);
    expect(out.ok).toBe(true);
    expect(out.findings).toEqual([]);
    const plan = mustOk(out);
    expect(plan.status).toBe('active');
    expect(plan.sessions[0]).toEqual({
      number: 1,
      phase: 'foundation',
      state: 'booked',
      booking: { start: '2026-01-12T10:00:00Z', end: '2026-01-12T14:00:00+00:00' },
    });
    expect(plan.sessions.slice(1).map((s) => s.state)).toEqual(['pending', 'pending']);
  });

  it('writes the end with the summer offset: 10:00+01:00 for 180 minutes ends 13:00+01:00', () => {
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: '2026-06-01T09:00:00Z', session: 1, start: '2026-06-01T09:00:00Z', durationMinutes: 180 },
    ]);
    expect(plan.sessions[0]?.booking).toEqual({ start: '2026-06-01T09:00:00Z', end: '2026-06-01T13:00:00+01:00' });
  });

  it('gives a booking across the spring DST change its true length (4 real hours, 5 on the wall clock)', () => {
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-29T00:00:00+00:00' },
    ]);
    expect(plan.sessions[0]?.booking).toEqual({ start: '2026-03-29T00:00:00+00:00', end: '2026-03-29T05:00:00+01:00' });
  });

  it('gives a booking across the autumn DST change its true length (4 real hours, 3 on the wall clock)', () => {
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: '2026-10-01T09:00:00Z', session: 1, start: '2026-10-25T00:00:00+01:00' },
    ]);
    expect(plan.sessions[0]?.booking).toEqual({ start: '2026-10-25T00:00:00+01:00', end: '2026-10-25T03:00:00+00:00' });
  });

  it('writes the end in a zone west of UTC with its negative offset', () => {
    const plan = applyAll(newPlan({ timeZone: 'America/New_York' }), [
      { id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:00:00Z', session: 1, start: '2026-01-12T15:00:00Z', durationMinutes: 90 },
    ]);
    expect(plan.sessions[0]?.booking).toEqual({ start: '2026-01-12T15:00:00Z', end: '2026-01-12T11:30:00-05:00' });
  });

  it('writes the end with a quarter-hour offset (Asia/Kathmandu, +05:45)', () => {
    const plan = applyAll(newPlan({ timeZone: 'Asia/Kathmandu' }), [
      { id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:00:00Z', session: 1, start: '2026-01-12T04:15:00Z' },
    ]);
    expect(plan.sessions[0]?.booking?.end).toBe('2026-01-12T14:00:00+05:45');
  });

  it('keeps milliseconds in a computed end only when there are some', () => {
    const plan = applyAll(newPlan(), [{ ...BOOK1, start: '2026-01-12T10:00:00.250Z' }]);
    expect(plan.sessions[0]?.booking).toEqual({ start: '2026-01-12T10:00:00.250Z', end: '2026-01-12T14:00:00.250+00:00' });
  });

  it('accepts a booking that starts exactly at the time of the request', () => {
    const plan = mustOk(apply(draft(), { ...BOOK1, at: '2026-01-12T10:00:00Z' }));
    expect(plan.sessions[0]?.state).toBe('booked');
  });

  it('refuses a booking one minute before the time of the request: BOOKING_IN_PAST', () => {
    const f = refusal(apply(draft(), { ...BOOK1, at: '2026-01-12T10:01:00Z' }));
    expect(f).toEqual({
      code: 'BOOKING_IN_PAST',
      severity: 'error',
      session: 1,
      message:
        'Session 1 cannot be booked for 2026-01-12T10:00:00+00:00: that is before the time of the request (2026-01-12T10:01:00+00:00).',
      params: { session: 1, start: '2026-01-12T10:00:00+00:00', at: '2026-01-12T10:01:00+00:00' },
    });
  });

  it('books session 2 once session 1 is booked, not only completed', () => {
    const plan = mustOk(apply(booked1(), { ...BOOK2, at: '2026-01-05T09:05:00Z' }));
    expect(plan.sessions.map((s) => s.state)).toEqual(['booked', 'booked', 'pending']);
  });

  it('refuses session 2 while session 1 is pending: SESSION_OUT_OF_ORDER', () => {
    const f = refusal(apply(draft(), { ...BOOK2, at: '2026-01-05T09:00:00Z' }));
    expect(f).toMatchObject({
      code: 'SESSION_OUT_OF_ORDER',
      session: 2,
      params: { session: 2, previousSession: 1, previousState: 'pending', rule: 'previousBooked' },
      message: 'Session 2 cannot be booked before session 1 is booked or completed (it is pending).',
    });
  });

  it('refuses a session that starts before the previous one ends, and reports the overlap', () => {
    const p = sameDayProtocol();
    const plan = applyAll(newPlan({ protocol: p }), [BOOK1], p);
    const findings = mustFail(
      apply(
        plan,
        { id: 'b2', type: 'sessionBooked', at: '2026-01-05T09:05:00Z', session: 2, start: '2026-01-12T13:00:00Z' },
        { protocol: p },
      ),
    );
    expect(codes(findings)).toEqual(['SESSION_OUT_OF_ORDER', 'BOOKING_OVERLAP']);
    expect(findings[0]?.params).toEqual({
      session: 2,
      previousSession: 1,
      rule: 'afterPrevious',
      start: '2026-01-12T13:00:00+00:00',
      previousEnd: '2026-01-12T14:00:00+00:00',
    });
    expect(findings[1]).toEqual({
      code: 'BOOKING_OVERLAP',
      severity: 'error',
      session: 2,
      message:
        'Session 2 (2026-01-12T13:00:00+00:00 to 2026-01-12T16:00:00+00:00) would overlap session 1 (2026-01-12T10:00:00Z to 2026-01-12T14:00:00+00:00).',
      params: {
        session: 2,
        start: '2026-01-12T13:00:00+00:00',
        end: '2026-01-12T16:00:00+00:00',
        otherSession: 1,
        otherStart: '2026-01-12T10:00:00Z',
        otherEnd: '2026-01-12T14:00:00+00:00',
      },
    });
  });

  it('accepts a session that starts the minute the previous one ends (touching is not overlapping)', () => {
    const p = sameDayProtocol();
    const plan = applyAll(newPlan({ protocol: p }), [BOOK1], p);
    const out = apply(
      plan,
      { id: 'b2', type: 'sessionBooked', at: '2026-01-05T09:05:00Z', session: 2, start: '2026-01-12T14:00:00Z' },
      { protocol: p },
    );
    expect(out.ok).toBe(true);
    expect(out.findings).toEqual([]);
  });

  it('refuses a rebooked session that would overlap a later booking', () => {
    // Session 1 missed, session 2 still booked on 2026-01-12 at 14:00 (same-day protocol); rebook session 1 over it.
    const p = sameDayProtocol();
    const plan = applyAll(
      newPlan({ protocol: p }),
      [
        BOOK1,
        { id: 'b2', type: 'sessionBooked', at: '2026-01-05T09:05:00Z', session: 2, start: '2026-01-12T14:00:00Z' },
        { id: 'm1', type: 'sessionMissed', at: '2026-01-12T10:30:00Z', session: 1 },
      ],
      p,
    );
    const findings = mustFail(
      apply(
        plan,
        { id: 'b1b', type: 'sessionBooked', at: '2026-01-12T10:30:00Z', session: 1, start: '2026-01-12T11:00:00Z' },
        { protocol: p },
      ),
    );
    expect(codes(findings)).toEqual(['BOOKING_OVERLAP', 'DOWNSTREAM_CONFLICT']);
    expect(findings[0]?.params).toMatchObject({ session: 1, otherSession: 2, end: '2026-01-12T15:00:00+00:00' });
    expect(findings[1]?.params).toEqual({
      session: 2,
      changedSession: 1,
      bookedDate: '2026-01-12',
      reason: 'order',
      earliestDate: '2026-01-12',
    });
  });

  it('refuses a session below the absolute minimum: SPACING_TOO_SOON', () => {
    const f = refusal(apply(done1(), { ...BOOK2, start: '2026-01-16T10:00:00Z' }));
    expect(f).toMatchObject({ code: 'SPACING_TOO_SOON', session: 2, params: { days: 4 } });
  });

  it('refuses a session inside the grace period: SPACING_BELOW_MINIMUM', () => {
    const f = refusal(apply(done1(), { ...BOOK2, start: '2026-01-17T10:00:00Z' }));
    expect(f).toMatchObject({ code: 'SPACING_BELOW_MINIMUM', session: 2, params: { days: 5 } });
  });

  it('refuses a session the plan does not have: UNKNOWN_SESSION', () => {
    const f = refusal(apply(draft(), { ...BOOK1, session: 4 }));
    expect(f).toEqual({
      code: 'UNKNOWN_SESSION',
      severity: 'error',
      session: 4,
      message: 'Session 4 is not in this plan, which has sessions 1 to 3.',
      params: { session: 4, sessions: 3 },
    });
  });

  it('refuses a session that is already booked: SESSION_ALREADY_BOOKED', () => {
    const f = refusal(apply(booked1(), { ...BOOK1, id: 'b1-again', start: '2026-01-13T10:00:00Z' }));
    expect(f).toEqual({
      code: 'SESSION_ALREADY_BOOKED',
      severity: 'error',
      session: 1,
      message: 'Session 1 is already booked for 2026-01-12; reschedule it instead.',
      params: { session: 1, date: '2026-01-12', start: '2026-01-12T10:00:00Z' },
    });
  });

  it('refuses a session that is already completed: SESSION_ALREADY_COMPLETED', () => {
    const f = refusal(apply(done1(), { ...BOOK1, id: 'b1-again', at: '2026-01-13T09:00:00Z', start: '2026-01-20T10:00:00Z' }));
    expect(f).toEqual({
      code: 'SESSION_ALREADY_COMPLETED',
      severity: 'error',
      session: 1,
      message: 'Session 1 is already completed.',
      params: { session: 1 },
    });
  });

  it('refuses any booking on hold: PLAN_ON_HOLD with the reason and the local date since', () => {
    const plan = applyAll(draft(), [PAUSE]);
    const f = refusal(apply(plan, BOOK1));
    expect(f).toEqual({
      code: 'PLAN_ON_HOLD',
      severity: 'error',
      message: 'The plan is on hold since 2026-01-06 (adverse reaction); resume it before booking or changing sessions.',
      params: { reason: 'adverse reaction', since: '2026-01-06' },
    });
  });

  it('refuses any booking on a closed plan: PLAN_CLOSED with the reason and the local date', () => {
    const plan = applyAll(draft(), [CLOSE]);
    const f = refusal(apply(plan, BOOK1));
    expect(f).toEqual({
      code: 'PLAN_CLOSED',
      severity: 'error',
      message: 'The plan was closed on 2026-01-06 (two sessions were enough); a closed plan takes no more events.',
      params: { reason: 'two sessions were enough', closedOn: '2026-01-06' },
    });
  });

  it('refuses a booking on a completed plan: PLAN_COMPLETED', () => {
    const f = refusal(
      apply(completedPlan(), { id: 'b4', type: 'sessionBooked', at: '2026-02-06T09:00:00Z', session: 3, start: '2026-03-01T10:00:00Z' }),
    );
    expect(f).toEqual({
      code: 'PLAN_COMPLETED',
      severity: 'error',
      message: 'The plan is completed: every session has been done. Add an extra session to reopen it.',
    });
  });

  it('uses the event duration when it is given', () => {
    const plan = mustOk(apply(draft(), { ...BOOK1, durationMinutes: 150 }));
    expect(plan.sessions[0]?.booking?.end).toBe('2026-01-12T12:30:00+00:00');
  });
});

describe('sessionRescheduled', () => {
  it('moves a booked session and keeps its length', () => {
    const plan = applyAll(draft(), [{ ...BOOK1, durationMinutes: 90 }]);
    const out = apply(plan, {
      id: 'r1',
      type: 'sessionRescheduled',
      at: '2026-01-06T09:00:00Z',
      session: 1,
      start: '2026-01-14T09:00:00Z',
    });
    expect(out.findings).toEqual([]);
    expect(mustOk(out).sessions[0]).toEqual({
      number: 1,
      phase: 'foundation',
      state: 'booked',
      booking: { start: '2026-01-14T09:00:00Z', end: '2026-01-14T10:30:00+00:00' },
    });
  });

  it('takes a new length when the event gives one', () => {
    const out = apply(booked1(), {
      id: 'r1',
      type: 'sessionRescheduled',
      at: '2026-01-06T09:00:00Z',
      session: 1,
      start: '2026-01-14T09:00:00Z',
      durationMinutes: 60,
    });
    expect(mustOk(out).sessions[0]?.booking).toEqual({ start: '2026-01-14T09:00:00Z', end: '2026-01-14T10:00:00+00:00' });
  });

  it('refuses to move a pending session: SESSION_NOT_BOOKED', () => {
    const f = refusal(
      apply(draft(), { id: 'r1', type: 'sessionRescheduled', at: '2026-01-06T09:00:00Z', session: 1, start: '2026-01-14T09:00:00Z' }),
    );
    expect(f).toEqual({
      code: 'SESSION_NOT_BOOKED',
      severity: 'error',
      session: 1,
      message: 'Session 1 is not booked (it is pending).',
      params: { session: 1, state: 'pending' },
    });
  });

  it('refuses to move a completed session: SESSION_ALREADY_COMPLETED', () => {
    const f = refusal(
      apply(done1(), { id: 'r1', type: 'sessionRescheduled', at: '2026-01-13T09:00:00Z', session: 1, start: '2026-01-14T09:00:00Z' }),
    );
    expect(f.code).toBe('SESSION_ALREADY_COMPLETED');
  });

  it('refuses to move a session into the past: BOOKING_IN_PAST', () => {
    const f = refusal(
      apply(booked1(), { id: 'r1', type: 'sessionRescheduled', at: '2026-01-10T09:00:00Z', session: 1, start: '2026-01-09T09:00:00Z' }),
    );
    expect(f.code).toBe('BOOKING_IN_PAST');
  });

  it('refuses to move a session too close to its anchor: SPACING_TOO_SOON and SPACING_BELOW_MINIMUM', () => {
    const move = (start: string): Finding =>
      refusal(apply(booked2(), { id: 'r2', type: 'sessionRescheduled', at: '2026-01-13T09:00:00Z', session: 2, start }));
    expect(move('2026-01-16T10:00:00Z')).toMatchObject({ code: 'SPACING_TOO_SOON', params: { days: 4 } });
    expect(move('2026-01-18T10:00:00Z')).toMatchObject({ code: 'SPACING_BELOW_MINIMUM', params: { days: 6 } });
  });

  it('refuses to move a session on hold or on a closed plan', () => {
    const move = { id: 'r1', type: 'sessionRescheduled', at: '2026-01-07T09:00:00Z', session: 1, start: '2026-01-14T09:00:00Z' };
    expect(refusal(apply(applyAll(booked1(), [PAUSE]), move)).code).toBe('PLAN_ON_HOLD');
    expect(refusal(apply(applyAll(booked1(), [CLOSE]), move)).code).toBe('PLAN_CLOSED');
    expect(refusal(apply(booked1(), { ...move, session: 9 })).code).toBe('UNKNOWN_SESSION');
  });

  it('accepts a move that keeps the later booking valid', () => {
    // Session 1 from 2026-01-12 to 2026-01-14; session 2 on 2026-01-22 is then 8 days after it.
    const out = apply(booked1and2(), {
      id: 'r1',
      type: 'sessionRescheduled',
      at: '2026-01-06T09:00:00Z',
      session: 1,
      start: '2026-01-14T10:00:00Z',
    });
    expect(out.ok).toBe(true);
    expect(out.findings).toEqual([]);
  });

  it('refuses a move that breaks the later booking: DOWNSTREAM_CONFLICT names it and its new earliest date', () => {
    const f = refusal(
      apply(booked1and2(), { id: 'r1', type: 'sessionRescheduled', at: '2026-01-06T09:00:00Z', session: 1, start: '2026-01-17T10:00:00Z' }),
    );
    expect(f).toEqual({
      code: 'DOWNSTREAM_CONFLICT',
      severity: 'error',
      session: 2,
      message:
        'After this change session 2, booked for 2026-01-22, would be 5 days after session 1 (2026-01-17), below the 7 days the skin needs to heal; its new earliest date is 2026-01-24.',
      params: {
        session: 2,
        changedSession: 1,
        bookedDate: '2026-01-22',
        reason: 'spacing',
        days: 5,
        minimumDays: 7,
        anchorDate: '2026-01-17',
        earliestDate: '2026-01-24',
      },
    });
  });

  it('names each later session that a move breaks, with each one new earliest date', () => {
    const p = twoAnchorProtocol();
    const plan = applyAll(
      newPlan({ protocol: p }),
      [
        BOOK1,
        { ...BOOK2, at: '2026-01-05T09:05:00Z' },
        // Session 3 on 2026-02-05: 14 days after session 2, 24 after session 1.
        { ...BOOK3, at: '2026-01-05T09:10:00Z' },
      ],
      p,
    );
    const findings = mustFail(
      apply(
        plan,
        { id: 'r1', type: 'sessionRescheduled', at: '2026-01-06T09:00:00Z', session: 1, start: '2026-01-17T10:00:00Z' },
        { protocol: p },
      ),
    );
    expect(findings.map((f) => [f.code, f.session, f.params?.days, f.params?.earliestDate])).toEqual([
      ['DOWNSTREAM_CONFLICT', 2, 5, '2026-01-24'],
      // From session 1 on 2026-01-17 it needs 24 days (2026-02-10); from session 2 on 2026-01-22, 7 days.
      ['DOWNSTREAM_CONFLICT', 3, 19, '2026-02-10'],
    ]);
  });

  it('lets a booking move out of the way after its anchor was missed (the anchor is pending again)', () => {
    const plan = applyAll(booked1and2(), [{ id: 'm1', type: 'sessionMissed', at: '2026-01-12T11:00:00Z', session: 1 }]);
    const out = apply(plan, {
      id: 'r2',
      type: 'sessionRescheduled',
      at: '2026-01-12T12:00:00Z',
      session: 2,
      start: '2026-02-02T10:00:00Z',
    });
    expect(out.ok).toBe(true);
    expect(out.findings).toEqual([]);
    expect(mustOk(out).sessions.map((s) => s.state)).toEqual(['pending', 'booked', 'pending']);
  });

  it('refuses moving an earlier session past the start of the next booked one: DOWNSTREAM_CONFLICT (order)', () => {
    const p = sameDayProtocol();
    const plan = applyAll(
      newPlan({ protocol: p }),
      [BOOK1, { id: 'b2', type: 'sessionBooked', at: '2026-01-05T09:05:00Z', session: 2, start: '2026-01-13T10:00:00Z' }],
      p,
    );
    const findings = mustFail(
      apply(
        plan,
        { id: 'r1', type: 'sessionRescheduled', at: '2026-01-06T09:00:00Z', session: 1, start: '2026-01-13T08:00:00Z' },
        { protocol: p },
      ),
    );
    expect(codes(findings)).toEqual(['BOOKING_OVERLAP', 'DOWNSTREAM_CONFLICT']);
    expect(findings[1]?.params).toEqual({
      session: 2,
      changedSession: 1,
      bookedDate: '2026-01-13',
      reason: 'order',
      earliestDate: '2026-01-13',
    });
  });
});

describe('sessionCancelled', () => {
  it('cancels the only booking: the session is pending again and the plan back to draft', () => {
    const out = apply(booked1(), { id: 'x', type: 'sessionCancelled', at: '2026-01-06T09:00:00Z', session: 1, reason: 'client request' });
    expect(out.findings).toEqual([]);
    const plan = mustOk(out);
    expect(plan.status).toBe('draft');
    expect(plan.sessions[0]).toEqual({ number: 1, phase: 'foundation', state: 'pending' });
    expect(plan.history.map((e) => e.type)).toEqual(['sessionBooked', 'sessionCancelled']);
  });

  it('does not report a cancellation exactly 48 hours before the start', () => {
    const out = apply(booked1(), { id: 'x', type: 'sessionCancelled', at: '2026-01-10T10:00:00Z', session: 1 });
    expect(out.ok).toBe(true);
    expect(out.findings).toEqual([]);
  });

  it('reports a cancellation 47.5 hours before the start as LATE_CANCELLATION (a warning)', () => {
    const out = apply(booked1(), { id: 'x', type: 'sessionCancelled', at: '2026-01-10T10:30:00Z', session: 1 });
    expect(out.ok).toBe(true);
    expect(out.findings).toEqual([
      {
        code: 'LATE_CANCELLATION',
        severity: 'warning',
        session: 1,
        message: 'Session 1 was cancelled 47.5 hours before its start (2026-01-12T10:00:00Z), inside the 48-hour notice period.',
        params: { session: 1, start: '2026-01-12T10:00:00Z', hoursBeforeStart: 47.5, noticeHours: 48 },
      },
    ]);
    expect(mustOk(out).sessions[0]?.state).toBe('pending');
  });

  it('uses the protocol notice period: 24 hours', () => {
    const p = withPolicy({ cancellationNoticeHours: 24 });
    const plan = applyAll(newPlan({ protocol: p }), [BOOK1], p);
    const onTime = apply(plan, { id: 'x', type: 'sessionCancelled', at: '2026-01-11T10:00:00Z', session: 1 }, { protocol: p });
    expect(onTime.findings).toEqual([]);
    const late = apply(plan, { id: 'x', type: 'sessionCancelled', at: '2026-01-11T10:00:01Z', session: 1 }, { protocol: p });
    expect(late.findings.map((f) => [f.code, f.params?.noticeHours])).toEqual([['LATE_CANCELLATION', 24]]);
  });

  it('refuses to cancel a pending session: SESSION_NOT_BOOKED', () => {
    const f = refusal(apply(draft(), { id: 'x', type: 'sessionCancelled', at: '2026-01-06T09:00:00Z', session: 1 }));
    expect(f).toMatchObject({ code: 'SESSION_NOT_BOOKED', params: { session: 1, state: 'pending' } });
  });

  it('refuses to cancel a completed session: SESSION_NOT_BOOKED (it is completed)', () => {
    const f = refusal(apply(done1(), { id: 'x', type: 'sessionCancelled', at: '2026-01-13T09:00:00Z', session: 1 }));
    expect(f).toMatchObject({ code: 'SESSION_NOT_BOOKED', params: { session: 1, state: 'completed' } });
  });

  it('refuses to cancel a session while a later one is booked: DOWNSTREAM_CONFLICT', () => {
    const f = refusal(apply(booked1and2(), { id: 'x', type: 'sessionCancelled', at: '2026-01-06T09:00:00Z', session: 1 }));
    expect(f).toEqual({
      code: 'DOWNSTREAM_CONFLICT',
      severity: 'error',
      session: 2,
      message:
        'Session 1 cannot change while session 2, booked for 2026-01-22, depends on it; cancel or move the later sessions first, from the last one back.',
      params: { session: 2, changedSession: 1, bookedDate: '2026-01-22', reason: 'booked' },
    });
  });

  it('cancels from the last booking back, and the plan returns to draft', () => {
    const plan = applyAll(booked1and2(), [
      { id: 'x2', type: 'sessionCancelled', at: '2026-01-06T09:00:00Z', session: 2 },
      { id: 'x1', type: 'sessionCancelled', at: '2026-01-06T09:01:00Z', session: 1 },
    ]);
    expect(plan.status).toBe('draft');
    expect(plan.sessions.map((s) => s.state)).toEqual(['pending', 'pending', 'pending']);
  });

  it('stays active when a completed session remains', () => {
    const plan = mustOk(apply(booked2(), { id: 'x2', type: 'sessionCancelled', at: '2026-01-13T09:00:00Z', session: 2 }));
    expect(plan.status).toBe('active');
  });

  it('refuses a cancellation on a closed plan: PLAN_CLOSED', () => {
    const f = refusal(apply(applyAll(booked1(), [CLOSE]), { id: 'x', type: 'sessionCancelled', at: '2026-01-07T09:00:00Z', session: 1 }));
    expect(f.code).toBe('PLAN_CLOSED');
  });

  it('accepts a cancellation while on hold (the plan stays on hold)', () => {
    const plan = mustOk(apply(applyAll(booked1(), [PAUSE]), { id: 'x', type: 'sessionCancelled', at: '2026-01-07T09:00:00Z', session: 1 }));
    expect(plan.status).toBe('onHold');
    expect(plan.sessions[0]?.state).toBe('pending');
  });
});

describe('sessionMissed', () => {
  it('records a no-show at the start: NO_SHOW with the count, the session pending again', () => {
    const out = apply(booked1(), { id: 'm1', type: 'sessionMissed', at: '2026-01-12T10:00:00Z', session: 1 });
    expect(out.findings).toEqual([
      {
        code: 'NO_SHOW',
        severity: 'warning',
        session: 1,
        message: 'The client did not attend session 1 (2026-01-12T10:00:00Z); no-shows so far: 1.',
        params: { session: 1, start: '2026-01-12T10:00:00Z', count: 1 },
      },
    ]);
    const plan = mustOk(out);
    expect(plan.sessions[0]).toEqual({ number: 1, phase: 'foundation', state: 'pending' });
    expect(plan.status).toBe('draft');
  });

  it('refuses a no-show before the start: MISSED_BEFORE_START', () => {
    const f = refusal(apply(booked1(), { id: 'm1', type: 'sessionMissed', at: '2026-01-12T09:59:00Z', session: 1 }));
    expect(f).toEqual({
      code: 'MISSED_BEFORE_START',
      severity: 'error',
      session: 1,
      message: 'Session 1 starts at 2026-01-12T10:00:00Z; it cannot be recorded as missed before then (2026-01-12T09:59:00+00:00).',
      params: { session: 1, start: '2026-01-12T10:00:00Z', at: '2026-01-12T09:59:00+00:00' },
    });
  });

  it('refuses a no-show for a session that is not booked: SESSION_NOT_BOOKED', () => {
    const f = refusal(apply(draft(), { id: 'm1', type: 'sessionMissed', at: '2026-01-12T10:00:00Z', session: 1 }));
    expect(f).toMatchObject({ code: 'SESSION_NOT_BOOKED', params: { session: 1, state: 'pending' } });
  });

  it('refuses a no-show for a completed session: SESSION_NOT_BOOKED (it is completed)', () => {
    const f = refusal(apply(done1(), { id: 'm1', type: 'sessionMissed', at: '2026-01-12T15:00:00Z', session: 1 }));
    expect(f).toMatchObject({ code: 'SESSION_NOT_BOOKED', params: { session: 1, state: 'completed' } });
  });

  it('records a no-show while on hold; the plan stays on hold', () => {
    const plan = applyAll(booked1(), [PAUSE]);
    const out = apply(plan, { id: 'm1', type: 'sessionMissed', at: '2026-01-12T11:00:00Z', session: 1 });
    expect(codes(out.findings)).toEqual(['NO_SHOW']);
    expect(mustOk(out).status).toBe('onHold');
  });

  it('keeps a later booking and flags it with a DOWNSTREAM_CONFLICT warning', () => {
    const out = apply(booked1and2(), { id: 'm1', type: 'sessionMissed', at: '2026-01-12T11:00:00Z', session: 1 });
    expect(out.ok).toBe(true);
    expect(out.findings.map((f) => [f.code, f.severity, f.session])).toEqual([
      ['NO_SHOW', 'warning', 1],
      ['DOWNSTREAM_CONFLICT', 'warning', 2],
    ]);
    expect(out.findings[1]?.params).toEqual({ session: 2, changedSession: 1, bookedDate: '2026-01-22', reason: 'anchorPending' });
    expect(out.findings[1]?.message).toBe(
      'Session 1 is no longer booked, but session 2, booked for 2026-01-22, is still booked after it; rebook session 1 or move session 2.',
    );
    const plan = mustOk(out);
    expect(plan.sessions.map((s) => s.state)).toEqual(['pending', 'booked', 'pending']);
    expect(plan.status).toBe('active');
  });

  it('counts no-shows over the whole history', () => {
    const plan = applyAll(booked1(), [
      { id: 'm1', type: 'sessionMissed', at: '2026-01-12T11:00:00Z', session: 1 },
      { id: 'b1b', type: 'sessionBooked', at: '2026-01-12T11:00:00Z', session: 1, start: '2026-01-19T10:00:00Z' },
    ]);
    const out = apply(plan, { id: 'm2', type: 'sessionMissed', at: '2026-01-19T12:00:00Z', session: 1 });
    expect(out.findings.map((f) => [f.code, f.params?.count])).toEqual([['NO_SHOW', 2]]);
    expect(mustOk(out).status).toBe('draft');
  });

  it('puts the plan on hold in the same transition when the no-show limit is reached', () => {
    const p = withPolicy({ cancellationNoticeHours: 48, maxNoShows: 2 });
    const plan = applyAll(
      newPlan({ protocol: p }),
      [
        BOOK1,
        { id: 'm1', type: 'sessionMissed', at: '2026-01-12T11:00:00Z', session: 1 },
        { id: 'b1b', type: 'sessionBooked', at: '2026-01-12T11:00:00Z', session: 1, start: '2026-01-19T10:00:00Z' },
      ],
      p,
    );
    expect(plan.status).toBe('active');
    const out = apply(plan, { id: 'm2', type: 'sessionMissed', at: '2026-01-19T12:00:00Z', session: 1 }, { protocol: p });
    expect(out.ok).toBe(true);
    expect(out.findings).toEqual([
      {
        code: 'NO_SHOW',
        severity: 'warning',
        session: 1,
        message: 'The client did not attend session 1 (2026-01-19T10:00:00Z); no-shows so far: 2.',
        params: { session: 1, start: '2026-01-19T10:00:00Z', count: 2, max: 2 },
      },
      {
        code: 'NO_SHOW_LIMIT_REACHED',
        severity: 'warning',
        message: "The client has missed 2 sessions, the protocol's limit of 2; the plan is now on hold.",
        params: { count: 2, max: 2 },
      },
    ]);
    const held = mustOk(out);
    expect(held.status).toBe('onHold');
    expect(held.hold).toEqual({ reason: 'no-show limit reached', since: '2026-01-19T12:00:00Z' });
    expect(held.version).toBe(4);
    // On hold: no more bookings until resumed.
    expect(
      refusal(
        apply(
          held,
          { id: 'b1c', type: 'sessionBooked', at: '2026-01-20T09:00:00Z', session: 1, start: '2026-01-26T10:00:00Z' },
          { protocol: p },
        ),
      ).code,
    ).toBe('PLAN_ON_HOLD');
  });

  it('does not reach the limit before maxNoShows', () => {
    const p = withPolicy({ cancellationNoticeHours: 48, maxNoShows: 2 });
    const plan = applyAll(newPlan({ protocol: p }), [BOOK1], p);
    const out = apply(plan, { id: 'm1', type: 'sessionMissed', at: '2026-01-12T11:00:00Z', session: 1 }, { protocol: p });
    expect(codes(out.findings)).toEqual(['NO_SHOW']);
    expect(out.findings[0]?.params).toEqual({ session: 1, start: '2026-01-12T10:00:00Z', count: 1, max: 2 });
    expect(mustOk(out).status).toBe('draft');
  });
});

describe('sessionCompleted', () => {
  it('records a booked session with the booking start and end', () => {
    const out = apply(booked1(), DONE1);
    expect(out.findings).toEqual([]);
    const plan = mustOk(out);
    expect(plan.sessions[0]).toEqual({
      number: 1,
      phase: 'foundation',
      state: 'completed',
      booking: { start: '2026-01-12T10:00:00Z', end: '2026-01-12T14:00:00+00:00' },
      completed: { start: '2026-01-12T10:00:00Z', end: '2026-01-12T14:00:00+00:00' },
    });
    expect(plan.status).toBe('active');
  });

  it('never sets the default end later than the time of the record', () => {
    const plan = mustOk(apply(booked1(), { ...DONE1, at: '2026-01-12T12:15:00Z' }));
    expect(plan.sessions[0]?.completed).toEqual({ start: '2026-01-12T10:00:00Z', end: '2026-01-12T12:15:00+00:00' });
  });

  it('records an unbooked session from its start, with end = start + the protocol duration', () => {
    const out = apply(draft(), {
      id: 'c1',
      type: 'sessionCompleted',
      at: '2026-01-12T18:00:00Z',
      session: 1,
      start: '2026-01-12T10:00:00Z',
    });
    expect(out.findings).toEqual([]);
    const plan = mustOk(out);
    expect(plan.sessions[0]).toEqual({
      number: 1,
      phase: 'foundation',
      state: 'completed',
      completed: { start: '2026-01-12T10:00:00Z', end: '2026-01-12T14:00:00+00:00' },
    });
    expect(plan.status).toBe('active');
  });

  it('keeps explicit start, end and treatment record', () => {
    const record = { zones: ['hairline', 'temples'], pigment: 'Charcoal 3', needle: '3RL', checklist: { hairlineAgreed: true } };
    const plan = mustOk(apply(booked1(), { ...DONE1, start: '2026-01-12T10:15:00Z', end: '2026-01-12T13:45:00+00:00', record }));
    expect(plan.sessions[0]?.completed).toEqual({ start: '2026-01-12T10:15:00Z', end: '2026-01-12T13:45:00+00:00', record });
  });

  it('refuses to record an unbooked session without a start: INVALID_INPUT at ["start"]', () => {
    const f = refusal(apply(draft(), { id: 'c1', type: 'sessionCompleted', at: '2026-01-12T18:00:00Z', session: 1 }));
    expect(f).toEqual({
      code: 'INVALID_INPUT',
      severity: 'error',
      path: ['start'],
      message: 'start: session 1 is not booked, so its completion needs a start.',
      params: { path: 'start', problem: 'startRequired', session: 1, detail: 'session 1 is not booked, so its completion needs a start.' },
    });
  });

  it('refuses a completion whose start is after the time of the record: COMPLETION_IN_FUTURE', () => {
    const f = refusal(apply(booked1(), { ...DONE1, at: '2026-01-12T09:00:00Z' }));
    expect(f).toEqual({
      code: 'COMPLETION_IN_FUTURE',
      severity: 'error',
      session: 1,
      message:
        'Session 1 cannot be recorded as completed with start 2026-01-12T10:00:00Z: that is after the time of the record (2026-01-12T09:00:00+00:00).',
      params: { session: 1, field: 'start', value: '2026-01-12T10:00:00Z', at: '2026-01-12T09:00:00+00:00' },
    });
  });

  it('refuses a completion whose end is after the time of the record: COMPLETION_IN_FUTURE (end)', () => {
    const f = refusal(apply(booked1(), { ...DONE1, at: '2026-01-12T12:00:00Z', end: '2026-01-12T14:00:00Z' }));
    expect(f).toMatchObject({ code: 'COMPLETION_IN_FUTURE', params: { field: 'end', value: '2026-01-12T14:00:00Z' } });
  });

  it('measures the default end with the booking length from a different actual start', () => {
    const plan = mustOk(apply(booked1(), { ...DONE1, at: '2026-01-12T16:00:00Z', start: '2026-01-12T11:00:00Z' }));
    expect(plan.sessions[0]?.completed).toEqual({ start: '2026-01-12T11:00:00Z', end: '2026-01-12T15:00:00+00:00' });
  });

  it('refuses an end before the start: INVALID_INPUT at ["end"]', () => {
    const f = refusal(apply(booked1(), { ...DONE1, start: '2026-01-12T10:00:00Z', end: '2026-01-12T09:00:00Z' }));
    expect(f).toMatchObject({ code: 'INVALID_INPUT', path: ['end'], params: { path: 'end', detail: 'must not be before the start.' } });
  });

  it('refuses a session recorded as starting before the previous one ended: SESSION_OUT_OF_ORDER (afterPrevious)', () => {
    const f = refusal(
      apply(done1(), { id: 'c2', type: 'sessionCompleted', at: '2026-01-12T18:00:00Z', session: 2, start: '2026-01-12T13:00:00Z' }),
    );
    expect(f).toMatchObject({
      code: 'SESSION_OUT_OF_ORDER',
      session: 2,
      params: {
        session: 2,
        previousSession: 1,
        rule: 'afterPrevious',
        start: '2026-01-12T13:00:00Z',
        previousEnd: '2026-01-12T14:00:00+00:00',
      },
    });
  });

  it('refuses session 2 before session 1 is completed: SESSION_OUT_OF_ORDER', () => {
    const f = refusal(apply(booked1and2(), { ...DONE2, at: '2026-01-22T13:00:00Z' }));
    expect(f).toMatchObject({
      code: 'SESSION_OUT_OF_ORDER',
      session: 2,
      params: { session: 2, previousSession: 1, previousState: 'booked', rule: 'previousCompleted' },
      message: 'Session 2 cannot be recorded as completed before session 1 is completed (it is booked).',
    });
  });

  it('refuses to record a session twice: SESSION_ALREADY_COMPLETED', () => {
    const f = refusal(apply(done1(), { ...DONE1, id: 'c1-again', at: '2026-01-12T15:00:00Z' }));
    expect(f.code).toBe('SESSION_ALREADY_COMPLETED');
  });

  it('refuses an unknown session: UNKNOWN_SESSION', () => {
    const f = refusal(
      apply(done1(), { id: 'c9', type: 'sessionCompleted', at: '2026-01-30T15:00:00Z', session: 4, start: '2026-01-30T10:00:00Z' }),
    );
    expect(f).toMatchObject({ code: 'UNKNOWN_SESSION', params: { session: 4, sessions: 3 } });
  });

  it('refuses a completion on a closed plan: PLAN_CLOSED', () => {
    const f = refusal(apply(applyAll(booked1(), [CLOSE]), DONE1));
    expect(f.code).toBe('PLAN_CLOSED');
  });

  it('records a session done while on hold, with a PLAN_ON_HOLD warning; the plan stays on hold', () => {
    const out = apply(applyAll(booked1(), [PAUSE]), DONE1);
    expect(out.ok).toBe(true);
    expect(out.findings).toEqual([
      {
        code: 'PLAN_ON_HOLD',
        severity: 'warning',
        message: 'The plan is on hold (adverse reaction); the session was recorded anyway because it happened.',
        params: { reason: 'adverse reaction', since: '2026-01-06' },
      },
    ]);
    const plan = mustOk(out);
    expect(plan.status).toBe('onHold');
    expect(plan.sessions[0]?.state).toBe('completed');
  });

  it('records a session too soon as a fact with a SPACING_TOO_SOON warning', () => {
    const out = apply(done1(), {
      id: 'c2',
      type: 'sessionCompleted',
      at: '2026-01-15T15:00:00Z',
      session: 2,
      start: '2026-01-15T10:00:00Z',
    });
    expect(out.ok).toBe(true);
    expect(out.findings.map((f) => [f.code, f.severity, f.params?.days])).toEqual([['SPACING_TOO_SOON', 'warning', 3]]);
  });

  it('completes the plan with its last session', () => {
    const plan = applyAll(done2(), [BOOK3]);
    expect(plan.status).toBe('active');
    const out = apply(plan, DONE3);
    expect(out.findings).toEqual([]);
    expect(mustOk(out).status).toBe('completed');
  });

  it('warns DOWNSTREAM_CONFLICT when a completion on another day breaks a later booking', () => {
    // Session 2 booked 2026-01-22 from session 1 booked 2026-01-12; session 1 actually happens on 2026-01-17.
    const out = apply(booked1and2(), {
      id: 'c1',
      type: 'sessionCompleted',
      at: '2026-01-17T15:00:00Z',
      session: 1,
      start: '2026-01-17T10:00:00Z',
    });
    expect(out.ok).toBe(true);
    expect(out.findings.map((f) => [f.code, f.severity, f.session, f.params?.earliestDate])).toEqual([
      ['DOWNSTREAM_CONFLICT', 'warning', 2, '2026-01-24'],
    ]);
  });
});

describe('sessionAdded', () => {
  it('adds an extra pending session to an active plan', () => {
    const out = apply(done1(), { id: 'a1', type: 'sessionAdded', at: '2026-01-13T09:00:00Z', reason: 'pigment healed light' });
    expect(out.findings).toEqual([]);
    const plan = mustOk(out);
    expect(plan.sessions).toHaveLength(4);
    expect(plan.sessions[3]).toEqual({ number: 4, phase: 'extra', state: 'pending' });
    expect(plan.status).toBe('active');
  });

  it('keeps a draft plan draft', () => {
    expect(mustOk(apply(draft(), { id: 'a1', type: 'sessionAdded', at: '2026-01-06T09:00:00Z', reason: 'scar tissue' })).status).toBe(
      'draft',
    );
  });

  it('reopens a completed plan to active', () => {
    const plan = mustOk(
      apply(completedPlan(), { id: 'a1', type: 'sessionAdded', at: '2026-02-20T09:00:00Z', reason: 'pigment healed light' }),
    );
    expect(plan.status).toBe('active');
    expect(plan.sessions.map((s) => s.state)).toEqual(['completed', 'completed', 'completed', 'pending']);
  });

  it('books the extra session with its own gap (5/7/14–28/56 from session 3) and 120 minutes', () => {
    const plan = applyAll(completedPlan(), [
      { id: 'a1', type: 'sessionAdded', at: '2026-02-06T09:00:00Z', reason: 'pigment healed light' },
    ]);
    // 2026-02-11 is 6 days after session 3 (2026-02-05): below the extra session's minimum.
    const below = refusal(
      apply(plan, { id: 'b4', type: 'sessionBooked', at: '2026-02-06T09:00:00Z', session: 4, start: '2026-02-11T10:00:00Z' }),
    );
    expect(below).toMatchObject({
      code: 'SPACING_BELOW_MINIMUM',
      params: { anchorSession: 3, days: 6, minimumDays: 7, earliestRecommendedDays: 14 },
    });
    const out = apply(plan, { id: 'b4', type: 'sessionBooked', at: '2026-02-06T09:00:00Z', session: 4, start: '2026-02-19T10:00:00Z' });
    expect(out.findings).toEqual([]);
    expect(mustOk(out).sessions[3]?.booking).toEqual({ start: '2026-02-19T10:00:00Z', end: '2026-02-19T12:00:00+00:00' });
  });

  it('refuses more extras than the protocol allows: MAX_SESSIONS_REACHED', () => {
    const plan = applyAll(draft(), [{ id: 'a1', type: 'sessionAdded', at: '2026-01-06T09:00:00Z', reason: 'scar tissue' }]);
    const f = refusal(apply(plan, { id: 'a2', type: 'sessionAdded', at: '2026-01-06T09:01:00Z', reason: 'again' }));
    expect(f).toEqual({
      code: 'MAX_SESSIONS_REACHED',
      severity: 'error',
      message: 'The protocol allows at most 1 extra session, and the plan already has 1.',
      params: { max: 1, extras: 1 },
    });
  });

  it('allows two extras under scar-camouflage, and refuses the third', () => {
    const p = protocols['scar-camouflage'];
    const plan = applyAll(
      newPlan({ protocol: p }),
      [
        { id: 'a1', type: 'sessionAdded', at: '2026-01-06T09:00:00Z', reason: 'one' },
        { id: 'a2', type: 'sessionAdded', at: '2026-01-06T09:01:00Z', reason: 'two' },
      ],
      p,
    );
    expect(plan.sessions.map((s) => s.phase)).toEqual(['foundation', 'density', 'refinement', 'extra', 'extra']);
    const f = refusal(apply(plan, { id: 'a3', type: 'sessionAdded', at: '2026-01-06T09:02:00Z', reason: 'three' }, { protocol: p }));
    expect(f).toMatchObject({ code: 'MAX_SESSIONS_REACHED', params: { max: 2, extras: 2 } });
  });

  it('refuses an extra session on hold or on a closed plan', () => {
    const add = { id: 'a1', type: 'sessionAdded', at: '2026-01-07T09:00:00Z', reason: 'scar tissue' };
    expect(refusal(apply(applyAll(draft(), [PAUSE]), add)).code).toBe('PLAN_ON_HOLD');
    expect(refusal(apply(applyAll(draft(), [CLOSE]), add)).code).toBe('PLAN_CLOSED');
  });
});

describe('planPaused and planResumed', () => {
  it('puts a draft plan on hold with the reason, the instant and until', () => {
    const plan = mustOk(apply(draft(), { ...PAUSE, until: '2026-02-01' }));
    expect(plan.status).toBe('onHold');
    expect(plan.hold).toEqual({ reason: 'adverse reaction', since: '2026-01-06T09:00:00Z', until: '2026-02-01' });
  });

  it('puts an active plan on hold and resumes it to active', () => {
    const held = mustOk(apply(booked1(), PAUSE));
    expect(held.status).toBe('onHold');
    const resumed = mustOk(apply(held, { id: 'r', type: 'planResumed', at: '2026-01-07T09:00:00Z' }));
    expect(resumed.status).toBe('active');
    expect(resumed.hold).toBeUndefined();
  });

  it('resumes to the derived status: draft when a booking was cancelled during the hold', () => {
    const plan = applyAll(booked1(), [
      PAUSE,
      { id: 'x', type: 'sessionCancelled', at: '2026-01-07T09:00:00Z', session: 1 },
      { id: 'r', type: 'planResumed', at: '2026-01-08T09:00:00Z' },
    ]);
    expect(plan.status).toBe('draft');
  });

  it('resumes to completed when the last session was recorded during the hold', () => {
    const plan = applyAll(done2(), [
      BOOK3,
      { ...PAUSE, at: '2026-01-23T09:00:00Z' },
      DONE3,
      { id: 'r', type: 'planResumed', at: '2026-02-06T09:00:00Z' },
    ]);
    expect(plan.status).toBe('completed');
  });

  it('refuses to pause a completed, closed or held plan', () => {
    expect(refusal(apply(completedPlan(), { ...PAUSE, at: '2026-02-06T09:00:00Z' })).code).toBe('PLAN_COMPLETED');
    expect(refusal(apply(applyAll(draft(), [CLOSE]), { ...PAUSE, id: 'p2' })).code).toBe('PLAN_CLOSED');
    expect(refusal(apply(applyAll(draft(), [PAUSE]), { ...PAUSE, id: 'p2' })).code).toBe('PLAN_ON_HOLD');
  });

  it('refuses to resume a plan that is not on hold: PLAN_NOT_ON_HOLD', () => {
    const f = refusal(apply(booked1(), { id: 'r', type: 'planResumed', at: '2026-01-07T09:00:00Z' }));
    expect(f).toEqual({
      code: 'PLAN_NOT_ON_HOLD',
      severity: 'error',
      message: 'The plan is not on hold (it is active), so it cannot be resumed.',
      params: { status: 'active' },
    });
    expect(refusal(apply(draft(), { id: 'r', type: 'planResumed', at: '2026-01-07T09:00:00Z' })).params).toEqual({ status: 'draft' });
  });

  it('refuses to resume a closed plan: PLAN_CLOSED', () => {
    expect(refusal(apply(applyAll(draft(), [CLOSE]), { id: 'r', type: 'planResumed', at: '2026-01-07T09:00:00Z' })).code).toBe(
      'PLAN_CLOSED',
    );
  });
});

describe('planClosed', () => {
  it('closes a plan in any status but closed, with the reason and the instant', () => {
    const plans: [string, Plan][] = [
      ['draft', draft()],
      ['active', booked1()],
      ['onHold', applyAll(draft(), [PAUSE])],
      ['completed', completedPlan()],
    ];
    for (const [status, plan] of plans) {
      expect(plan.status).toBe(status);
      const closed = mustOk(apply(plan, { ...CLOSE, at: '2026-03-01T09:00:00Z' }));
      expect(closed.status).toBe('closed');
      expect(closed.closure).toEqual({ reason: 'two sessions were enough', at: '2026-03-01T09:00:00Z' });
      expect(closed.hold).toBeUndefined();
    }
  });

  it('refuses to close a closed plan: PLAN_CLOSED', () => {
    const f = refusal(apply(applyAll(draft(), [CLOSE]), { ...CLOSE, id: 'x2' }));
    expect(f.code).toBe('PLAN_CLOSED');
  });

  it('refuses every event on a closed plan', () => {
    const closed = applyAll(booked1(), [CLOSE]);
    const events = [
      { id: 'e1', type: 'sessionBooked', at: '2026-01-07T09:00:00Z', session: 2, start: '2026-01-22T10:00:00Z' },
      { id: 'e2', type: 'sessionRescheduled', at: '2026-01-07T09:00:00Z', session: 1, start: '2026-01-13T10:00:00Z' },
      { id: 'e3', type: 'sessionCancelled', at: '2026-01-07T09:00:00Z', session: 1 },
      { id: 'e4', type: 'sessionMissed', at: '2026-01-12T11:00:00Z', session: 1 },
      { id: 'e5', type: 'sessionCompleted', at: '2026-01-12T15:00:00Z', session: 1 },
      { id: 'e6', type: 'sessionAdded', at: '2026-01-07T09:00:00Z', reason: 'more' },
      { id: 'e7', type: 'planPaused', at: '2026-01-07T09:00:00Z', reason: 'illness' },
      { id: 'e8', type: 'planResumed', at: '2026-01-07T09:00:00Z' },
      { id: 'e9', type: 'planClosed', at: '2026-01-07T09:00:00Z', reason: 'again' },
    ];
    for (const e of events) expect(refusal(apply(closed, e)).code).toBe('PLAN_CLOSED');
  });
});

describe('idempotency, concurrency and protocol checks', () => {
  it('treats the same event twice as a no-op: DUPLICATE_EVENT (info), the same plan back', () => {
    const plan = booked1();
    const out = apply(plan, BOOK1);
    expect(out).toEqual({
      ok: true,
      value: plan,
      findings: [
        {
          code: 'DUPLICATE_EVENT',
          severity: 'info',
          message: 'Event "b1" was already applied; the plan is unchanged.',
          params: { eventId: 'b1' },
        },
      ],
    });
    expect(mustOk(out)).toBe(plan);
    expect(plan.version).toBe(1);
  });

  it('detects a duplicate before the version check (a retry carries a stale version)', () => {
    const plan = booked2();
    const out = apply(plan, BOOK1, { expectedVersion: 0 });
    expect(codes(out.findings)).toEqual(['DUPLICATE_EVENT']);
    expect(mustOk(out)).toBe(plan);
  });

  it('treats another key order and the same instant written with +00:00 as the same event', () => {
    const plan = booked1();
    const retry = { start: '2026-01-12T10:00:00+00:00', session: 1, at: '2026-01-05T09:00:00.000+00:00', type: 'sessionBooked', id: 'b1' };
    const out = apply(plan, retry);
    expect(codes(out.findings)).toEqual(['DUPLICATE_EVENT']);
    expect(mustOk(out)).toBe(plan);
  });

  it('treats the same instant in another offset as the same event', () => {
    const plan = booked1();
    const out = apply(plan, { ...BOOK1, start: '2026-01-12T11:00:00+01:00' });
    expect(codes(out.findings)).toEqual(['DUPLICATE_EVENT']);
  });

  it('refuses an id reused for a different event: EVENT_ID_REUSED', () => {
    const f = refusal(apply(booked1(), { ...BOOK1, start: '2026-01-13T10:00:00Z' }));
    expect(f).toEqual({
      code: 'EVENT_ID_REUSED',
      severity: 'error',
      message: 'Event id "b1" was already used for a different event; every event needs its own id.',
      params: { eventId: 'b1' },
    });
    expect(refusal(apply(booked1(), { id: 'b1', type: 'planPaused', at: '2026-01-06T09:00:00Z', reason: 'x' })).code).toBe(
      'EVENT_ID_REUSED',
    );
    expect(refusal(apply(booked1(), { ...BOOK1, durationMinutes: 200 })).code).toBe('EVENT_ID_REUSED');
    expect(refusal(apply(booked1(), { ...BOOK1, session: 2 })).code).toBe('EVENT_ID_REUSED');
  });

  it('treats a retry with a later at, another actor and a note as a duplicate (at, actor and note are not intent)', () => {
    const plan = booked1();
    const retry = { ...BOOK1, at: '2026-01-05T09:00:03Z', actor: 'lambda-retry-2', note: 'second attempt' };
    const out = apply(plan, retry);
    expect(out).toEqual({
      ok: true,
      value: plan,
      findings: [
        {
          code: 'DUPLICATE_EVENT',
          severity: 'info',
          message: 'Event "b1" was already applied; the plan is unchanged.',
          params: { eventId: 'b1' },
        },
      ],
    });
    expect(mustOk(out)).toBe(plan);
  });

  it('treats 2026-03-23T10:00:00Z and 2026-03-23T11:00:00+01:00 as the same start, and another start as EVENT_ID_REUSED', () => {
    const plan = applyAll(newPlan(), [
      { id: 'm1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
    ]);
    const same = apply(plan, {
      id: 'm1',
      type: 'sessionBooked',
      at: '2026-03-01T09:00:07Z',
      session: 1,
      start: '2026-03-23T11:00:00+01:00',
    });
    expect(codes(same.findings)).toEqual(['DUPLICATE_EVENT']);
    expect(mustOk(same)).toBe(plan);
    const other = apply(plan, { id: 'm1', type: 'sessionBooked', at: '2026-03-01T09:00:07Z', session: 1, start: '2026-03-23T11:00:00Z' });
    expect(refusal(other)).toMatchObject({ code: 'EVENT_ID_REUSED', params: { eventId: 'm1' } });
  });

  it('applies the protocol default duration before comparing: an explicit 240 minutes is the same booking', () => {
    const out = apply(booked1(), { ...BOOK1, durationMinutes: 240 });
    expect(codes(out.findings)).toEqual(['DUPLICATE_EVENT']);
  });

  it('refuses a stale expectedVersion: VERSION_CONFLICT', () => {
    const f = refusal(apply(booked1(), DONE1, { expectedVersion: 0 }));
    expect(f).toEqual({
      code: 'VERSION_CONFLICT',
      severity: 'error',
      message: 'The plan is at version 1, not the expected 0: someone else changed it; reload and try again.',
      params: { expected: 0, actual: 1 },
    });
  });

  it('accepts the event when expectedVersion matches', () => {
    expect(mustOk(apply(booked1(), DONE1, { expectedVersion: 1 })).version).toBe(2);
  });

  it('refuses a protocol with another id: PROTOCOL_MISMATCH', () => {
    const f = refusal(apply(draft(), BOOK1, { protocol: protocols['scar-camouflage'] }));
    expect(f).toEqual({
      code: 'PROTOCOL_MISMATCH',
      severity: 'error',
      message: 'The plan follows protocol standard version 1, but protocol scar-camouflage version 1 was given.',
      params: { planProtocol: 'standard', planVersion: 1, protocol: 'scar-camouflage', version: 1 },
    });
  });

  it('refuses the same protocol id in another version: PROTOCOL_MISMATCH', () => {
    const v2 = mustOk(defineProtocol({ ...JSON.parse(JSON.stringify(standardProtocol)), version: 2 }));
    const f = refusal(apply(draft(), BOOK1, { protocol: v2 }));
    expect(f).toMatchObject({
      code: 'PROTOCOL_MISMATCH',
      params: { planProtocol: 'standard', planVersion: 1, protocol: 'standard', version: 2 },
    });
  });

  it('refuses an expectedVersion that is not a whole number ≥ 0 at options.expectedVersion', () => {
    for (const expectedVersion of [-1, 1.5, Number.NaN]) {
      const findings = mustFail(apply(booked1(), DONE1, { expectedVersion }));
      expect(findings.map((f) => [f.code, f.path])).toEqual([['INVALID_INPUT', ['options', 'expectedVersion']]]);
    }
  });

  it('checks the version before the protocol', () => {
    expect(refusal(apply(booked1(), DONE1, { expectedVersion: 5, protocol: protocols['touch-up'] })).code).toBe('VERSION_CONFLICT');
  });

  it('refuses an event of unknown shape with INVALID_INPUT findings and paths', () => {
    const findings = mustFail(
      apply(draft(), { id: 'z', type: 'sessionBooked', at: '2026-01-05T09:00:00', session: 0, start: '2026-01-12T10:00:00Z' }),
    );
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['INVALID_INSTANT', ['at']],
      ['INVALID_INPUT', ['session']],
    ]);
    expect(findings[0]?.params).toEqual({ path: 'at', value: '2026-01-05T09:00:00', problem: 'offset' });
    expect(mustFail(apply(draft(), null)).map((f) => f.code)).toEqual(['INVALID_INPUT']);
    expect(mustFail(apply(draft(), { id: 'z', type: 'sessionDeleted', at: '2026-01-05T09:00:00Z' })).map((f) => f.path)).toEqual([
      ['type'],
    ]);
  });
});

describe('plan invariants', () => {
  it('keeps version equal to the history length, and appends each accepted event', () => {
    let plan = draft();
    expect(plan.version).toBe(0);
    const events = [BOOK1, DONE1, BOOK2, DONE2, BOOK3, DONE3];
    events.forEach((e, i) => {
      plan = mustOk(apply(plan, e));
      expect(plan.version).toBe(i + 1);
      expect(plan.history).toHaveLength(i + 1);
      expect(plan.history[i]).toEqual(e);
    });
  });

  it('does not bump the version on a refusal or a duplicate', () => {
    const plan = booked1();
    expect(apply(plan, BOOK1).ok).toBe(true);
    expect(mustOk(apply(plan, BOOK1)).version).toBe(1);
    expect(apply(plan, { ...BOOK2, at: '2026-01-05T09:05:00Z', start: '2026-01-13T10:00:00Z' }).ok).toBe(false);
    expect(plan.version).toBe(1);
  });

  it('returns a frozen plan: the plan, its sessions, bookings and history', () => {
    const plan = mustOk(apply(booked1(), DONE1));
    expect(Object.isFrozen(plan)).toBe(true);
    expect(Object.isFrozen(plan.sessions)).toBe(true);
    expect(Object.isFrozen(plan.sessions[0])).toBe(true);
    expect(Object.isFrozen(plan.sessions[0]?.booking)).toBe(true);
    expect(Object.isFrozen(plan.sessions[0]?.completed)).toBe(true);
    expect(Object.isFrozen(plan.history)).toBe(true);
    expect(Object.isFrozen(plan.history[0])).toBe(true);
    expect(() => {
      (plan as { status: string }).status = 'closed';
    }).toThrow(TypeError);
  });

  it('never mutates the input plan or the event', () => {
    const plan = booked1();
    const before = JSON.stringify(plan);
    const event = { ...DONE1 };
    const eventBefore = JSON.stringify(event);
    const next = mustOk(apply(plan, event));
    expect(JSON.stringify(plan)).toBe(before);
    expect(JSON.stringify(event)).toBe(eventBefore);
    expect(next).not.toBe(plan);
    expect(plan.sessions[0]?.state).toBe('booked');
    expect(next.sessions[0]?.state).toBe('completed');
  });

  it('keeps the plan metadata and identity through events', () => {
    const plan = applyAll(newPlan({ id: 'plan-77' }), [BOOK1]);
    expect(plan).toMatchObject({
      schemaVersion: 1,
      id: 'plan-77',
      clientId: 'client-1',
      protocol: { id: 'standard', version: 1 },
      timeZone: 'Europe/London',
    });
  });

  it('accepts a plan given as plain JSON (parsed first)', () => {
    const json: unknown = JSON.parse(JSON.stringify(booked1()));
    const out = applyEvent(json as Plan, DONE1, { protocol });
    expect(mustOk(out).sessions[0]?.state).toBe('completed');
  });

  it('moves through draft → active → completed as the sessions are done', () => {
    const statuses = [BOOK1, DONE1, BOOK2, DONE2, BOOK3, DONE3].reduce<{ plan: Plan; statuses: string[] }>(
      (acc, e) => {
        const plan = mustOk(apply(acc.plan, e));
        return { plan, statuses: [...acc.statuses, plan.status] };
      },
      { plan: draft(), statuses: [draft().status] },
    ).statuses;
    expect(statuses).toEqual(['draft', 'active', 'active', 'active', 'active', 'active', 'completed']);
  });

  it('evaluates a completed plan with no spacing findings when every session was on time', () => {
    const e = mustOk(evaluatePlan(completedPlan(), { protocol, asOf: '2026-02-06T09:00:00Z' }));
    expect(e.status).toBe('completed');
    expect(e.sessions.map((s) => [s.session, s.evaluation, s.daysFromAnchor])).toEqual([
      [1, undefined, undefined],
      [2, 'onTime', 10],
      [3, 'onTime', 14],
    ]);
  });
});
