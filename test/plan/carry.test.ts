// A plan's fields are copied in one place. This fails when a field of the plan schema is not
// carried through applyEvent and replay: add a field to the schema, give it a value below, and
// the reducer must keep it (or this test names it).
import { describe, expect, it } from 'vitest';
import { applyEvent, parsePlan, replay, schemas, standardProtocol, type Plan } from 'smp-protocol';
import { mustOk } from '../support/plans.js';

const protocol = standardProtocol;

/** Every key the plan schema declares, optional ones included. */
function schemaKeys(): string[] {
  return Object.keys(schemas.plan._zod.def.shape).sort();
}

/** A plan with every optional field present that a plan can carry while open. */
const full: unknown = {
  schemaVersion: 1,
  id: 'plan-carry',
  clientId: 'client-carry',
  protocol: { id: protocol.id, version: protocol.version },
  timeZone: 'Europe/London',
  createdAt: '2026-01-05T09:00:00Z',
  status: 'draft',
  sessions: protocol.sessions.map((s, i) => ({ number: i + 1, phase: s.phase, state: 'pending' })),
  history: [],
  version: 0,
  screening: {
    outcome: 'deferred',
    earliestStart: '2026-01-10',
    reasons: [{ condition: 'sunburn', outcome: 'deferred', until: '2026-01-10' }],
  },
  plannedZones: ['hairline', 'crown'],
  maintains: 'plan-before',
  metadata: { crmId: 42 },
};

const BOOK1 = { id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:05:00Z', session: 1, start: '2026-01-12T10:00:00Z' } as const;
const PAUSE = { id: 'p1', type: 'planPaused', at: '2026-01-06T09:00:00Z', reason: 'travel', until: '2026-02-10' } as const;
const CLOSE = { id: 'x1', type: 'planClosed', at: '2026-01-07T09:00:00Z', reason: 'moved away' } as const;

function run(initial: Plan, events: readonly unknown[]): { applied: Plan; replayed: Plan } {
  let applied = initial;
  for (const e of events) applied = mustOk(applyEvent(applied, e, { protocol }));
  const replayed = mustOk(replay(initial, events, { protocol }));
  return { applied, replayed };
}

describe('a plan’s fields are carried through applyEvent and replay', () => {
  const initial = mustOk(parsePlan(full));

  it('the fixture sets every key of the plan schema except the ones events set', () => {
    const eventSet = ['closure', 'hold', 'notBefore'];
    expect(
      Object.keys(initial)
        .filter((k) => !eventSet.includes(k))
        .sort(),
    ).toEqual(schemaKeys().filter((k) => !eventSet.includes(k)));
  });

  it('every key of the schema survives apply and replay, with the same value both ways', () => {
    const open = run(initial, [BOOK1, PAUSE]); // hold and notBefore set
    const closed = run(initial, [BOOK1, PAUSE, CLOSE]); // closure set, hold cleared
    const seen = new Set([...Object.keys(open.applied), ...Object.keys(closed.applied)]);
    expect([...seen].sort()).toEqual(schemaKeys());
    for (const { applied, replayed } of [open, closed]) {
      expect(replayed).toEqual(applied);
      expect(JSON.stringify(replayed)).toBe(JSON.stringify(applied));
      for (const key of [
        'screening',
        'plannedZones',
        'maintains',
        'metadata',
        'id',
        'clientId',
        'protocol',
        'timeZone',
        'createdAt',
      ] as const) {
        expect(applied[key], key).toEqual(initial[key]);
      }
    }
    expect(open.applied.hold).toEqual({ reason: 'travel', since: '2026-01-06T09:00:00Z', until: '2026-02-10' });
    expect(open.applied.notBefore).toBe('2026-02-10');
    expect(closed.applied.closure).toEqual({ reason: 'moved away', at: '2026-01-07T09:00:00Z' });
    expect(closed.applied.hold).toBeUndefined();
  });
});
