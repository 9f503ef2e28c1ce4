/**
 * The key-wise reader of plans and events (src/schema/plan-read.ts) against its oracle, the zod
 * path (snapshot, pre-checks, zod schema): on valid plans and on thousands of mutations of them
 * (a key removed, added or renamed, a value swapped for one of another type, an out-of-bounds
 * number, an impossible date, a `__proto__` key, a long string), the reader accepts exactly what
 * the zod path accepts, with the same value, and the public parsers give the zod path's findings
 * (codes, paths, params, messages) for everything else. A fixed seed: the same inputs every run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvent, createPlan, parsePlan, standardProtocol, type Outcome, type Plan } from 'smp-protocol';
import { parseEvent, parseEventSlow, parsePlanSlow } from '../../src/schema/plan-parse.js';
import { readEventFast, readPlanFast } from '../../src/schema/plan-read.js';
import { mutatedOf } from '../support/mutations.js';
import { mustOk } from '../support/plans.js';

const protocol = standardProtocol;

function planWith(input: Record<string, unknown>, events: unknown[]): Plan {
  let p = mustOk(
    createPlan({ id: 'plan-1', clientId: 'client-1', protocol, timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z', ...input }),
  );
  for (const e of events) p = mustOk(applyEvent(p, e, { protocol }));
  return p;
}

const course = [
  { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-20T10:00:00Z', durationMinutes: 180 },
  { id: 'e2', type: 'sessionRescheduled', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z', actor: 'desk' },
  {
    id: 'e3',
    type: 'sessionCompleted',
    at: '2026-03-23T15:00:00Z',
    session: 1,
    actor: 'artist-7',
    start: '2026-03-23T10:05:00Z',
    end: '2026-03-23T13:00:00Z',
    record: {
      zones: ['hairline', 'temples'],
      pigment: 'P-2 dark',
      needle: '3RL',
      checklist: { hairlineAgreed: true, photos: false },
      notes: 'ok',
    },
  },
  { id: 'e4', type: 'sessionBooked', at: '2026-03-24T09:00:00Z', session: 2, start: '2026-04-02T10:00:00+01:00' },
  { id: 'e5', type: 'sessionCancelled', at: '2026-03-25T09:00:00Z', session: 2, reason: 'client travelling', note: 'called' },
  { id: 'e6', type: 'sessionBooked', at: '2026-03-25T09:05:00Z', session: 2, start: '2026-04-03T10:00:00+01:00' },
  { id: 'e7', type: 'sessionCompleted', at: '2026-04-03T14:00:00+01:00', session: 2, note: 'good retention' },
  { id: 'e8', type: 'planPaused', at: '2026-04-05T09:00:00+01:00', reason: 'mild irritation', until: '2026-04-20' },
  { id: 'e9', type: 'planResumed', at: '2026-04-15T09:00:00+01:00' },
  { id: 'e10', type: 'sessionBooked', at: '2026-04-15T09:10:00+01:00', session: 3, start: '2026-04-24T10:00:00+01:00' },
  { id: 'e11', type: 'sessionMissed', at: '2026-04-24T12:00:00+01:00', session: 3 },
  { id: 'e12', type: 'sessionAdded', at: '2026-04-25T09:00:00+01:00', reason: 'density' },
  { id: 'e13', type: 'planClosed', at: '2026-04-26T09:00:00+01:00', reason: 'moved away' },
];

/** Plans at several stages, with and without metadata, screening, planned zones, hold and closure. */
const bases: Plan[] = [
  planWith({}, []),
  planWith(
    { metadata: { crm: { id: 42, tags: ['a', 'b'], nested: { deep: [1, 2.5, null, true] } } }, zones: ['hairline', 'crown'] },
    course.slice(0, 3),
  ),
  planWith({ maintains: 'course-0', timeZone: 'Asia/Kolkata' }, course.slice(0, 8)),
  planWith({}, course),
].map((p) => JSON.parse(JSON.stringify(p)) as Plan);
// A screening with its reasons, as a stored plan carries it.
bases.push({
  ...(bases[0] as Plan),
  screening: {
    outcome: 'deferred',
    earliestStart: '2026-04-01',
    reasons: [
      { condition: 'sunburn', outcome: 'deferred', until: '2026-04-01' },
      { condition: 'keloid', outcome: 'needsClearance' },
    ],
  },
});
const events: unknown[] = course.map((e) => JSON.parse(JSON.stringify(e)) as unknown);

/** An outcome as comparable data (values as JSON, so key order counts too). */
function comparable(out: Outcome<unknown>): unknown {
  return out.ok ? { ok: true, json: JSON.stringify(out.value), findings: out.findings } : { ok: false, findings: out.findings };
}

describe('the key-wise plan reader agrees with the zod path', () => {
  it('accepts the valid plans, with the value zod gives (same keys, same order), frozen by the parser', () => {
    for (const base of bases) {
      const fast = readPlanFast(base);
      expect(fast).toBeDefined();
      const slow = mustOk(parsePlanSlow(base, false));
      expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
      expect(fast).toEqual(slow);
      expect(comparable(parsePlan(base))).toEqual(comparable(parsePlanSlow(base)));
      const parsed = mustOk(parsePlan(base));
      expect(Object.isFrozen(parsed) && Object.isFrozen(parsed.history) && parsed.history.every((e) => Object.isFrozen(e))).toBe(true);
      if (parsed.metadata !== undefined) expect(Object.isFrozen(parsed.metadata)).toBe(true);
    }
  });

  it('on 2,000 mutated plans: accepts exactly what the zod path accepts, and parsePlan gives the zod path’s outcome', () => {
    let accepted = 0;
    fc.assert(
      fc.property(mutatedOf(bases), (input) => {
        const fast = readPlanFast(input);
        const slow = parsePlanSlow(input, false);
        expect(fast !== undefined, JSON.stringify(slow.findings)).toBe(slow.ok);
        if (fast !== undefined && slow.ok) {
          accepted++;
          expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.value));
        }
        expect(comparable(parsePlan(input))).toEqual(comparable(parsePlanSlow(input)));
      }),
      { numRuns: 2_000, seed: 20_261_203 },
    );
    // Both sides of the property were exercised.
    expect(accepted).toBeGreaterThan(200);
    // No timing: a generous bound for a loaded machine (about 4 s on an idle one).
  }, 120_000);
});

describe('the key-wise event reader agrees with the zod path', () => {
  it('accepts every event type, with the value zod gives', () => {
    for (const e of events) {
      const fast = readEventFast(e);
      expect(fast).toBeDefined();
      expect(JSON.stringify(fast)).toBe(JSON.stringify(mustOk(parseEventSlow(e))));
      expect(Object.isFrozen(fast)).toBe(true);
    }
  });

  it('on 4,000 mutated events: accepts exactly what zod accepts; parseEvent gives zod’s findings, paths included', () => {
    let accepted = 0;
    fc.assert(
      fc.property(mutatedOf(events), (input) => {
        const fast = readEventFast(input);
        const slow = parseEventSlow(input, ['history', 3]);
        expect(fast !== undefined, JSON.stringify(slow.findings)).toBe(slow.ok);
        if (fast !== undefined && slow.ok) {
          accepted++;
          expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.value));
        }
        expect(comparable(parseEvent(input, ['history', 3]))).toEqual(comparable(slow));
      }),
      { numRuns: 4_000, seed: 20_261_203 },
    );
    expect(accepted).toBeGreaterThan(200);
  }, 120_000);

  it('never throws and never accepts what it cannot read: throwing getters, Proxies, class instances', () => {
    const getter = Object.defineProperty({ ...(events[0] as object) }, 'id', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    class Booking {
      id = 'e1';
      type = 'sessionBooked';
      at = '2026-03-01T09:00:00Z';
      session = 1;
      start = '2026-03-20T10:00:00Z';
    }
    for (const hostile of [getter, revoked.proxy, new Booking(), { ...(events[0] as object), id: undefined }]) {
      expect(readEventFast(hostile)).toBeUndefined();
      expect(readPlanFast(hostile)).toBeUndefined();
    }
    // The public call still answers for them as before: the getter is `unreadable` at its path.
    const refused = applyEvent(bases[0] as Plan, getter, { protocol });
    expect(refused.ok ? [] : refused.findings.map((f) => [f.code, f.path, f.params?.problem])).toEqual([
      ['INVALID_INPUT', ['id'], 'unreadable'],
    ]);
  });
});
