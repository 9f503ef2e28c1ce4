// planTransitions is the status table the state machine enforces and the diagrams are drawn from;
// these tests keep the table and applyEvent in agreement.
import { describe, expect, it } from 'vitest';
import { applyEvent, planTransitions, standardProtocol, type Plan, type PlanStatus } from 'smp-protocol';
import { applyAll, newPlan } from '../support/plans.js';

const at = '2026-03-01T09:00:00Z';
const booked = [{ id: 's1', type: 'sessionBooked', at, session: 1, start: '2026-03-23T10:00:00Z' }];
const completedAll = [
  ...booked,
  { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T15:00:00Z', session: 1 },
  { id: 'b2', type: 'sessionBooked', at: '2026-03-23T15:00:00Z', session: 2, start: '2026-04-02T10:00:00+01:00' },
  { id: 'c2', type: 'sessionCompleted', at: '2026-04-02T15:00:00+01:00', session: 2 },
  { id: 'b3', type: 'sessionBooked', at: '2026-04-02T15:00:00+01:00', session: 3, start: '2026-04-20T10:00:00+01:00' },
  { id: 'c3', type: 'sessionCompleted', at: '2026-04-20T15:00:00+01:00', session: 3 },
];

const plans: Record<PlanStatus, () => Plan> = {
  draft: () => newPlan(),
  active: () => applyAll(newPlan(), booked),
  onHold: () => applyAll(newPlan(), [...booked, { id: 'p', type: 'planPaused', at, reason: 'client request' }]),
  completed: () => applyAll(newPlan(), completedAll),
  closed: () => applyAll(newPlan(), [{ id: 'x', type: 'planClosed', at, reason: 'moved away' }]),
};

/** A representative event of each type (later than every setup event). */
const events: Record<keyof typeof planTransitions, Record<string, unknown>> = {
  sessionBooked: { type: 'sessionBooked', at: '2026-05-01T09:00:00Z', session: 1, start: '2026-05-10T10:00:00Z' },
  sessionRescheduled: { type: 'sessionRescheduled', at: '2026-05-01T09:00:00Z', session: 1, start: '2026-05-10T10:00:00Z' },
  sessionCancelled: { type: 'sessionCancelled', at: '2026-03-01T10:00:00Z', session: 1 },
  sessionMissed: { type: 'sessionMissed', at: '2026-03-23T11:00:00Z', session: 1 },
  sessionCompleted: { type: 'sessionCompleted', at: '2026-05-01T09:00:00Z', session: 1, start: '2026-04-30T10:00:00Z' },
  sessionAdded: { type: 'sessionAdded', at: '2026-05-01T09:00:00Z', reason: 'healed light' },
  planPaused: { type: 'planPaused', at: '2026-05-01T09:00:00Z', reason: 'medical' },
  planResumed: { type: 'planResumed', at: '2026-05-01T09:00:00Z' },
  planClosed: { type: 'planClosed', at: '2026-05-01T09:00:00Z', reason: 'done' },
};

describe('planTransitions', () => {
  for (const [type, rule] of Object.entries(planTransitions)) {
    for (const [status, code] of Object.entries(rule.refusedIn)) {
      it(`${type} in a ${status} plan is refused with ${code}`, () => {
        const plan = plans[status as PlanStatus]();
        expect(plan.status).toBe(status);
        const out = applyEvent(plan, { id: 'probe', ...events[type as keyof typeof events] }, { protocol: standardProtocol });
        expect(out.ok).toBe(false);
        expect(out.findings[0]?.code).toBe(code);
      });
    }
  }

  it('lists, for every event, no edge out of a status that refuses it', () => {
    for (const rule of Object.values(planTransitions)) {
      for (const [from] of rule.edges) expect(rule.refusedIn[from]).toBeUndefined();
    }
  });

  it('draws every accepted status change of a full course as an edge', () => {
    const seen: string[] = [];
    let plan = newPlan();
    for (const e of [
      ...completedAll,
      { id: 'add', type: 'sessionAdded', at: '2026-04-21T09:00:00Z', reason: 'healed light' },
      { id: 'close', type: 'planClosed', at: '2026-04-22T09:00:00Z', reason: 'done' },
    ]) {
      const out = applyEvent(plan, e, { protocol: standardProtocol });
      if (!out.ok) throw new Error(out.findings[0]?.message);
      seen.push(`${e.type}:${plan.status}->${out.value.status}`);
      plan = out.value;
    }
    for (const step of seen) {
      const [type, change] = step.split(':') as [keyof typeof planTransitions, string];
      const [from, to] = change.split('->');
      expect(
        planTransitions[type].edges.some(([f, t]) => f === from && t === to),
        step,
      ).toBe(true);
    }
  });
});
