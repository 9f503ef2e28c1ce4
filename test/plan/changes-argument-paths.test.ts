/**
 * planChanges names a bad plan after the argument it came in (`before` or `after`), in the path,
 * in params.path and in the message alike; replay names a refusal of its events list `events`.
 */
import { describe, expect, it } from 'vitest';
import { builtinProtocols, createPlan, planChanges, replay, standardProtocol, type Plan, type Protocol } from 'smp-protocol';
import { mustFail, mustOk } from '../support/plans.js';

const protocol = standardProtocol;
const plan = mustOk(createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: '2026-01-01T00:00:00Z' }));
const badState = (): Plan => {
  const bad = JSON.parse(JSON.stringify(plan)) as { sessions: { state: string }[] };
  (bad.sessions[0] as { state: string }).state = 'nope';
  return bad as unknown as Plan;
};
const notOneOf = (path: string) => ({
  code: 'INVALID_INPUT',
  severity: 'error',
  message: `${path}: must be one of "pending", "booked", "completed".`,
  params: {
    problem: 'notOneOf',
    allowed: '"pending", "booked", "completed"',
    path,
    detail: 'must be one of "pending", "booked", "completed".',
  },
});

describe('planChanges: a bad plan is named after its argument', () => {
  it('before', () => {
    expect(mustFail(planChanges(badState(), plan, { protocol }))).toEqual([
      { ...notOneOf('before.sessions[0].state'), path: ['before', 'sessions', 0, 'state'] },
    ]);
  });

  it('after', () => {
    expect(mustFail(planChanges(plan, badState(), { protocol }))).toEqual([
      { ...notOneOf('after.sessions[0].state'), path: ['after', 'sessions', 0, 'state'] },
    ]);
  });

  it('not a plan at all, either side', () => {
    const [b] = mustFail(planChanges(5 as unknown as Plan, plan, { protocol }));
    expect(b).toMatchObject({ path: ['before'], message: 'before: must be a plan object.', params: { path: 'before' } });
    const [a] = mustFail(planChanges(plan, 5 as unknown as Plan, { protocol }));
    expect(a).toMatchObject({ path: ['after'], message: 'after: must be a plan object.', params: { path: 'after' } });
  });
});

describe('replay: the list of events as a whole is `events`', () => {
  it('an array-like object, and a list over the limit, frozen or not', () => {
    const [f] = mustFail(replay(plan, { length: 0 } as unknown as unknown[], { protocol }));
    expect(f).toMatchObject({ path: ['events'], message: 'events: must be an array of events.' });
    for (const events of [new Array(50_001).fill(0), Object.freeze(new Array(50_001).fill(0))]) {
      const [g] = mustFail(replay(plan, events, { protocol }));
      expect(g).toMatchObject({ path: ['events'], params: { problem: 'tooMany', limit: 50_000, actual: 50_001, path: 'events' } });
    }
  });

  it('a refusal without a path (the protocol is not the plan’s) is left as it is', () => {
    const other = builtinProtocols.find((p) => p.id === 'scar-camouflage') as Protocol;
    expect(mustFail(replay(plan, [], { protocol: other }))).toEqual([
      {
        code: 'PROTOCOL_MISMATCH',
        severity: 'error',
        message: 'The plan follows protocol standard version 1, but protocol scar-camouflage version 1 was given.',
        params: { planProtocol: 'standard', planVersion: 1, protocol: 'scar-camouflage', version: 1 },
      },
    ]);
  });

  it('an item keeps its index as the first step of its path', () => {
    const [f] = mustFail(replay(plan, [0], { protocol }));
    expect(f).toMatchObject({ path: [0], message: '[0]: must be an event object.' });
  });
});
