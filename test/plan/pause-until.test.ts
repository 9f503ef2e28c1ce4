/**
 * Pausing with a date: the hold keeps its own `until`, and the plan's `notBefore` is the latest
 * `until` of every pause so far (an earlier or undated pause never brings it forward).
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, standardProtocol, type Plan } from 'smp-protocol';
import { mustOk, newPlan } from '../support/plans.js';

/** Pausing, resuming and closing come with no findings. */
const step = (plan: Plan, event: Record<string, unknown>): Plan => {
  const out = applyEvent(plan, event, { protocol: standardProtocol });
  expect(out.findings).toEqual([]);
  return mustOk(out);
};

describe('planPaused with until', () => {
  it('notBefore is the latest until so far; the hold has its own', () => {
    const seen: unknown[] = [];
    let plan = newPlan({ createdAt: '2026-03-01T09:00:00Z' });
    for (const e of [
      { id: 'h1', type: 'planPaused', at: '2026-03-02T09:00:00Z', reason: 'a', until: '2026-04-01' },
      { id: 'h2', type: 'planResumed', at: '2026-03-03T09:00:00Z' },
      { id: 'h3', type: 'planPaused', at: '2026-03-04T09:00:00Z', reason: 'b', until: '2026-03-20' },
      { id: 'h4', type: 'planResumed', at: '2026-03-05T09:00:00Z' },
      { id: 'h5', type: 'planPaused', at: '2026-03-06T09:00:00Z', reason: 'c' },
      { id: 'h6', type: 'planResumed', at: '2026-03-07T09:00:00Z' },
      { id: 'h7', type: 'planPaused', at: '2026-03-08T09:00:00Z', reason: 'd', until: '2026-04-01' },
      { id: 'h8', type: 'planResumed', at: '2026-03-09T09:00:00Z' },
      { id: 'h9', type: 'planPaused', at: '2026-03-10T09:00:00Z', reason: 'e', until: '2026-05-01' },
    ]) {
      plan = step(plan, e);
      seen.push([plan.status, plan.hold, plan.notBefore]);
    }
    expect(seen).toEqual([
      ['onHold', { reason: 'a', since: '2026-03-02T09:00:00Z', until: '2026-04-01' }, '2026-04-01'],
      ['draft', undefined, '2026-04-01'],
      ['onHold', { reason: 'b', since: '2026-03-04T09:00:00Z', until: '2026-03-20' }, '2026-04-01'],
      ['draft', undefined, '2026-04-01'],
      ['onHold', { reason: 'c', since: '2026-03-06T09:00:00Z' }, '2026-04-01'],
      ['draft', undefined, '2026-04-01'],
      ['onHold', { reason: 'd', since: '2026-03-08T09:00:00Z', until: '2026-04-01' }, '2026-04-01'],
      ['draft', undefined, '2026-04-01'],
      ['onHold', { reason: 'e', since: '2026-03-10T09:00:00Z', until: '2026-05-01' }, '2026-05-01'],
    ]);
    const closed = step(plan, { id: 'z1', type: 'planClosed', at: '2026-03-11T09:00:00Z', reason: 'moved away' });
    expect([closed.status, closed.hold, closed.closure, closed.notBefore]).toEqual([
      'closed',
      undefined,
      { reason: 'moved away', at: '2026-03-11T09:00:00Z' },
      '2026-05-01',
    ]);
  });
});
