import { describe, expect, it } from 'vitest';
import { defineProtocol, evaluatePlan, protocols, standardProtocol, type Plan, type Protocol } from 'smp-protocol';
import { applyAll, mustFail, mustOk, newPlan } from '../support/plans.js';

const protocol = standardProtocol;
const asOf = '2026-03-01T09:00:00Z';

const BOOK1 = { id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:00:00Z', session: 1, start: '2026-01-12T10:00:00Z' } as const;
const DONE1 = { id: 'c1', type: 'sessionCompleted', at: '2026-01-12T14:00:00Z', session: 1 } as const;

describe('evaluatePlan', () => {
  it('evaluates a draft plan: every session pending, nothing to judge', () => {
    expect(mustOk(evaluatePlan(newPlan(), { protocol, asOf }))).toEqual({
      status: 'draft',
      findings: [],
      sessions: [
        { session: 1, state: 'pending', findings: [] },
        { session: 2, state: 'pending', findings: [] },
        { session: 3, state: 'pending', findings: [] },
      ],
    });
  });

  it('never evaluates session 1: it has no anchor', () => {
    const e = mustOk(evaluatePlan(applyAll(newPlan(), [BOOK1, DONE1]), { protocol, asOf }));
    const first = e.sessions[0];
    expect(first).toMatchObject({ session: 1, state: 'completed' });
    expect(first?.evaluation).toBeUndefined();
    expect(first?.daysFromAnchor).toBeUndefined();
    // Only spacing is judged here (other checks, such as a treatment checklist, may add their own findings).
    expect(first?.findings.filter((f) => f.code.startsWith('SPACING_'))).toEqual([]);
    expect(e.status).toBe('active');
  });

  it('evaluates a session too soon as tooSoon with an error, and still anchors the next gap from it', () => {
    const plan = applyAll(newPlan(), [
      BOOK1,
      DONE1,
      { id: 'c2', type: 'sessionCompleted', at: '2026-01-16T15:00:00Z', session: 2, start: '2026-01-16T10:00:00Z' },
      // 14 days after session 2 (2026-01-16), 18 after session 1.
      { id: 'c3', type: 'sessionCompleted', at: '2026-01-30T15:00:00Z', session: 3, start: '2026-01-30T10:00:00Z' },
    ]);
    const e = mustOk(evaluatePlan(plan, { protocol, asOf }));
    expect(e.status).toBe('completed');
    expect(e.sessions[1]).toMatchObject({ session: 2, state: 'completed', evaluation: 'tooSoon', daysFromAnchor: 4 });
    expect(e.sessions[1]?.findings).toEqual([
      {
        code: 'SPACING_TOO_SOON',
        severity: 'error',
        session: 2,
        message:
          "Session 2 on 2026-01-16 was 4 days after session 1 (2026-01-12); the protocol's absolute minimum is 5 days, so the session does not count and may need repeating.",
        params: {
          session: 2,
          date: '2026-01-16',
          anchorSession: 1,
          anchorDate: '2026-01-12',
          days: 4,
          absoluteMinimumDays: 5,
          minimumDays: 7,
          earliestRecommendedDays: 10,
          latestRecommendedDays: 14,
          maximumDays: 30,
          earliestDate: '2026-01-19',
          recommendedDate: '2026-01-22',
          pastDueDate: '2026-01-27',
          latestDate: '2026-02-11',
          kind: 'completed',
        },
      },
    ]);
    expect(e.sessions[2]).toEqual({ session: 3, state: 'completed', evaluation: 'onTime', daysFromAnchor: 14, findings: [] });
  });

  it('evaluates booked sessions on their booked dates', () => {
    const plan = applyAll(newPlan(), [
      BOOK1,
      { id: 'b2', type: 'sessionBooked', at: '2026-01-05T09:05:00Z', session: 2, start: '2026-01-20T10:00:00Z' },
    ]);
    const e = mustOk(evaluatePlan(plan, { protocol, asOf }));
    expect(e.sessions[1]).toMatchObject({ session: 2, state: 'booked', evaluation: 'early', daysFromAnchor: 8 });
    expect(e.sessions[1]?.findings.map((f) => [f.code, f.severity, f.params?.kind])).toEqual([['SPACING_EARLY', 'warning', 'booking']]);
  });

  it('flags a booked session whose anchor is pending again (after a no-show) with DOWNSTREAM_CONFLICT', () => {
    const plan = applyAll(newPlan(), [
      BOOK1,
      { id: 'b2', type: 'sessionBooked', at: '2026-01-05T09:05:00Z', session: 2, start: '2026-01-22T10:00:00Z' },
      { id: 'm1', type: 'sessionMissed', at: '2026-01-12T11:00:00Z', session: 1 },
    ]);
    const e = mustOk(evaluatePlan(plan, { protocol, asOf }));
    expect(e.sessions[1]).toEqual({
      session: 2,
      state: 'booked',
      findings: [
        {
          code: 'DOWNSTREAM_CONFLICT',
          severity: 'warning',
          session: 2,
          message:
            'Session 1 is no longer booked, but session 2, booked for 2026-01-22, is still booked after it; rebook session 1 or move session 2.',
          params: { session: 2, changedSession: 1, bookedDate: '2026-01-22', reason: 'anchorPending' },
        },
      ],
    });
  });

  it('evaluates an extra session against the extra gap from the session before it', () => {
    const plan = applyAll(newPlan(), [
      BOOK1,
      DONE1,
      { id: 'c2', type: 'sessionCompleted', at: '2026-01-22T15:00:00Z', session: 2, start: '2026-01-22T10:00:00Z' },
      { id: 'c3', type: 'sessionCompleted', at: '2026-02-05T15:00:00Z', session: 3, start: '2026-02-05T10:00:00Z' },
      { id: 'a1', type: 'sessionAdded', at: '2026-02-06T09:00:00Z', reason: 'pigment healed light' },
      { id: 'c4', type: 'sessionCompleted', at: '2026-03-17T15:00:00Z', session: 4, start: '2026-03-17T10:00:00Z' },
    ]);
    // 40 days after session 3 (2026-02-05): past the extra gap's 28, within its 56.
    const e = mustOk(evaluatePlan(plan, { protocol, asOf: '2026-03-18T09:00:00Z' }));
    expect(e.sessions[3]).toMatchObject({ session: 4, state: 'completed', evaluation: 'late', daysFromAnchor: 40 });
  });

  it('reports the plan status: onHold and closed', () => {
    const held = applyAll(newPlan(), [{ id: 'p', type: 'planPaused', at: '2026-01-06T09:00:00Z', reason: 'pregnancy' }]);
    expect(mustOk(evaluatePlan(held, { protocol, asOf })).status).toBe('onHold');
    const closed = applyAll(newPlan(), [{ id: 'x', type: 'planClosed', at: '2026-01-06T09:00:00Z', reason: 'moved away' }]);
    expect(mustOk(evaluatePlan(closed, { protocol, asOf })).status).toBe('closed');
  });

  it('gives the same answer whatever asOf is (evaluation judges what happened)', () => {
    const plan = applyAll(newPlan(), [BOOK1, DONE1]);
    expect(mustOk(evaluatePlan(plan, { protocol, asOf: '2026-01-13T00:00:00Z' }))).toEqual(
      mustOk(evaluatePlan(plan, { protocol, asOf: '2030-01-01T00:00:00Z' })),
    );
  });
});

describe('evaluatePlan never throws', () => {
  it('refuses another protocol: PROTOCOL_MISMATCH, and evaluates nothing', () => {
    const plan = applyAll(newPlan(), [BOOK1, DONE1]);
    const e = evaluatePlan(plan, { protocol: protocols['diffuse-thinning'], asOf });
    expect(e).toEqual({
      ok: false,
      findings: [
        {
          code: 'PROTOCOL_MISMATCH',
          severity: 'error',
          message: 'The plan follows protocol standard version 1, but protocol diffuse-thinning version 1 was given.',
          params: { planProtocol: 'standard', planVersion: 1, protocol: 'diffuse-thinning', version: 1 },
        },
      ],
    });
  });

  it('refuses the same id in another version: PROTOCOL_MISMATCH', () => {
    const v2: Protocol = mustOk(defineProtocol({ ...JSON.parse(JSON.stringify(standardProtocol)), version: 2 }));
    const e = mustFail(evaluatePlan(newPlan(), { protocol: v2, asOf }));
    expect(e.map((f) => [f.code, f.params?.version])).toEqual([['PROTOCOL_MISMATCH', 2]]);
  });

  it('picks the protocol by id and version from protocols', () => {
    const v2: Protocol = mustOk(defineProtocol({ ...JSON.parse(JSON.stringify(standardProtocol)), version: 2, name: 'Standard v2' }));
    const plan = applyAll(newPlan(), [BOOK1, DONE1]);
    const fromList = mustOk(evaluatePlan(plan, { protocols: [v2, protocols['scar-camouflage'], standardProtocol], asOf }));
    expect(fromList).toEqual(mustOk(evaluatePlan(plan, { protocol: standardProtocol, asOf })));
    const none = mustFail(evaluatePlan(plan, { protocols: [v2, protocols['scar-camouflage']], asOf }));
    expect(none).toEqual([
      expect.objectContaining({
        code: 'PROTOCOL_MISMATCH',
        message:
          'The plan follows protocol standard version 1, which is not among the protocols given (standard version 2, scar-camouflage version 1).',
        params: expect.objectContaining({
          planProtocol: 'standard',
          planVersion: 1,
          offered: 'standard version 2, scar-camouflage version 1',
        }),
      }),
    ]);
  });

  it('refuses an invalid asOf: INVALID_INSTANT at options.asOf', () => {
    const plan = applyAll(newPlan(), [BOOK1]);
    const e = evaluatePlan(plan, { protocol, asOf: 'yesterday' });
    expect(e).toEqual({
      ok: false,
      findings: [
        {
          code: 'INVALID_INSTANT',
          severity: 'error',
          path: ['options', 'asOf'],
          message:
            'options.asOf: "yesterday" is not a valid instant: it is not an ISO 8601 date-time with an offset, such as "2026-03-23T10:00:00+00:00".',
          params: { path: 'options.asOf', value: 'yesterday', problem: 'format' },
        },
      ],
    });
  });

  it('refuses an invalid protocol, with findings under options.protocol', () => {
    const e = mustFail(evaluatePlan(newPlan(), { protocol: { id: 'x' } as unknown as Protocol, asOf }));
    expect(e.length).toBeGreaterThan(0);
    for (const f of e) expect(f.path?.slice(0, 2)).toEqual(['options', 'protocol']);
  });

  it('refuses junk with findings, never an exception', () => {
    for (const junk of [null, undefined, 42, 'plan', [], { status: 'active' }]) {
      const e = mustFail(evaluatePlan(junk as unknown as Plan, { protocol, asOf }));
      expect(e.length).toBeGreaterThan(0);
      expect(e.every((f) => f.severity === 'error')).toBe(true);
    }
    // No invented status for junk: a refusal has no value at all.
    expect('value' in evaluatePlan({ status: 'active' } as unknown as Plan, { protocol, asOf })).toBe(false);
  });
});
