/**
 * The plans applyEvent and replay build have exactly the keys they hold values for, in the
 * schema's order: an optional field that is not set is absent (not present as undefined), so a
 * plan serialises, compares and enumerates the same whether built or parsed.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, parsePlan, replay, standardProtocol, type Plan } from 'smp-protocol';
import { mustOk, newPlan } from '../support/plans.js';

const protocol = standardProtocol;
const BASE = ['schemaVersion', 'id', 'clientId', 'protocol', 'timeZone', 'createdAt', 'status', 'sessions', 'history', 'version'];
const BOOK1 = { id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:05:00Z', session: 1, start: '2026-01-12T10:00:00Z' } as const;
const PAUSE = { id: 'p1', type: 'planPaused', at: '2026-01-06T09:00:00Z', reason: 'travel', until: '2026-02-10' } as const;
const RESUME = { id: 'r1', type: 'planResumed', at: '2026-01-07T09:00:00Z' } as const;
const CLOSE = { id: 'x1', type: 'planClosed', at: '2026-01-08T09:00:00Z', reason: 'moved away' } as const;

function keysAfterEach(initial: Plan, events: readonly unknown[]): string[][] {
  const out: string[][] = [];
  let plan = initial;
  for (const e of events) {
    plan = mustOk(applyEvent(plan, e, { protocol }));
    out.push(Object.keys(plan));
  }
  return out;
}

describe('the keys of a built plan', () => {
  it('a plan with no optional field keeps none; pausing adds hold and notBefore, resuming drops hold, closing adds closure', () => {
    const initial = newPlan();
    expect(Object.keys(initial)).toEqual(BASE);
    expect(keysAfterEach(initial, [BOOK1, PAUSE, RESUME, CLOSE])).toEqual([
      BASE,
      [...BASE, 'hold', 'notBefore'],
      [...BASE, 'notBefore'],
      [...BASE, 'closure', 'notBefore'],
    ]);
    const replayed = mustOk(replay(initial, [BOOK1, PAUSE, RESUME, CLOSE], { protocol }));
    expect(Object.keys(replayed)).toEqual([...BASE, 'closure', 'notBefore']);
    expect(Object.keys(mustOk(replay(initial, [BOOK1], { protocol })))).toEqual(BASE);
  });

  it("a plan with every field createPlan fixes keeps them, after the event's own, in the schema's order", () => {
    const initial = mustOk(
      parsePlan({
        ...JSON.parse(JSON.stringify(newPlan())),
        screening: { outcome: 'eligible', reasons: [] },
        plannedZones: ['crown'],
        maintains: 'plan-0',
        metadata: { crmId: 1 },
      }),
    );
    const fixed = ['screening', 'plannedZones', 'maintains', 'metadata'];
    expect(keysAfterEach(initial, [BOOK1, PAUSE])).toEqual([
      [...BASE, ...fixed],
      [...BASE, 'hold', 'notBefore', ...fixed],
    ]);
  });
});
