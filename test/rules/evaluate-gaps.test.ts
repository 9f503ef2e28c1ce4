/**
 * A session with two gaps is evaluated by the worse of them, whichever comes first in the
 * protocol (custom-anchors: session 3 counts from session 2, then from session 1).
 */
import { describe, expect, it } from 'vitest';
import { evaluatePlan } from 'smp-protocol';
import { customAnchors } from '../support/custom-protocol.js';
import { applyAll, mustOk, newPlan } from '../support/plans.js';

describe('evaluatePlan over several gaps', () => {
  it('session 3 early after session 2 (3 days) and on time after session 1 (11 days) is early, 3 days from its first anchor', () => {
    const plan = applyAll(
      newPlan({ protocol: customAnchors, createdAt: '2026-02-01T09:00:00Z' }),
      [
        { id: 'b1', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 1, start: '2026-03-01T10:00:00Z' },
        { id: 'b2', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 2, start: '2026-03-09T10:00:00Z' },
        { id: 'b3', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 3, start: '2026-03-12T10:00:00Z' },
      ],
      customAnchors,
    );
    const e = mustOk(evaluatePlan(plan, { protocol: customAnchors, asOf: '2026-02-02T09:00:00Z' }));
    const s3 = e.sessions[2];
    expect(s3?.evaluation).toBe('early');
    expect(s3?.daysFromAnchor).toBe(3);
    expect(s3?.findings.map((f) => [f.code, f.severity, f.params?.anchorSession, f.params?.days])).toEqual([
      ['SPACING_EARLY', 'warning', 2, 3],
    ]);
  });

  it('a finding for a gap without a maximum has no maximumDays and no latestDate', () => {
    const plan = applyAll(
      newPlan({ protocol: customAnchors, createdAt: '2026-02-01T09:00:00Z' }),
      [
        { id: 'b1', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 1, start: '2026-03-01T10:00:00Z' },
        { id: 'b2', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 2, start: '2026-03-09T10:00:00Z' },
        { id: 'b3', at: '2026-02-01T09:00:00Z', type: 'sessionBooked', session: 3, start: '2026-03-12T10:00:00Z' },
      ],
      customAnchors,
    );
    const e = mustOk(evaluatePlan(plan, { protocol: customAnchors, asOf: '2026-02-02T09:00:00Z' }));
    expect(e.sessions[2]?.findings[0]?.params).toEqual({
      session: 3,
      date: '2026-03-12',
      anchorSession: 2,
      anchorDate: '2026-03-09',
      days: 3,
      absoluteMinimumDays: 1,
      minimumDays: 2,
      earliestRecommendedDays: 4,
      latestRecommendedDays: 6,
      earliestDate: '2026-03-11',
      recommendedDate: '2026-03-13',
      pastDueDate: '2026-03-16',
      kind: 'booking',
    });
  });
});
