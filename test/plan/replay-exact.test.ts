/**
 * replay, exactly: the no-shows an initial plan already holds count towards the limit, a caller's
 * frozen list of events is still held to the size limits, and the refusals of a bad `events`.
 */
import { describe, expect, it } from 'vitest';
import { defineProtocol, replay, standardProtocol, type Plan, type Protocol } from 'smp-protocol';
import { applyAll, mustFail, mustOk, newPlan } from '../support/plans.js';

const strict = mustOk(
  defineProtocol({
    ...(JSON.parse(JSON.stringify(standardProtocol)) as Protocol),
    id: 'strict',
    policy: { cancellationNoticeHours: 48, maxNoShows: 2 },
  }),
);
const BOOK1 = { id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:00:00Z', session: 1, start: '2026-01-12T10:00:00Z' } as const;
const MISS1 = { id: 'm1', type: 'sessionMissed', at: '2026-01-12T11:00:00Z', session: 1 } as const;
const REBOOK1 = { id: 'b1b', type: 'sessionBooked', at: '2026-01-12T11:00:00Z', session: 1, start: '2026-01-19T10:00:00Z' } as const;
const MISS2 = { id: 'm2', type: 'sessionMissed', at: '2026-01-19T11:00:00Z', session: 1 } as const;

describe('replay: what the initial plan holds', () => {
  it("counts the initial plan's no-shows: the second no-show reaches the limit and puts the plan on hold", () => {
    const initial: Plan = applyAll(newPlan({ protocol: strict }), [BOOK1, MISS1, REBOOK1], strict);
    const out = replay(initial, [MISS2], { protocol: strict });
    expect(mustOk(out).status).toBe('onHold');
    expect(mustOk(out).hold).toEqual({ reason: 'no-show limit reached', since: '2026-01-19T11:00:00Z' });
    expect(out.findings.map((f) => [f.code, f.path, f.params])).toEqual([
      ['NO_SHOW', [0], { session: 1, start: '2026-01-19T10:00:00Z', count: 2, max: 2 }],
      ['NO_SHOW_LIMIT_REACHED', [0], { count: 2, max: 2 }],
    ]);
  });

  it('an initial plan with no no-shows: the first is number 1, below the limit', () => {
    const initial: Plan = applyAll(newPlan({ protocol: strict }), [BOOK1], strict);
    const out = replay(initial, [MISS1], { protocol: strict });
    expect(mustOk(out).status).toBe('draft');
    expect(out.findings.map((f) => [f.code, f.params?.count])).toEqual([['NO_SHOW', 1]]);
  });
});

describe('replay: the events argument', () => {
  it('refuses a frozen list of events over the size limit (a frozen value is not copied, but still checked)', () => {
    const events = Object.freeze(new Array(50_001).fill(BOOK1));
    expect(mustFail(replay(newPlan(), events, { protocol: standardProtocol }))).toEqual([
      {
        code: 'INVALID_INPUT',
        severity: 'error',
        message: 'events: has too many items (at most 50000; it has 50001).',
        path: ['events'],
        params: {
          problem: 'tooMany',
          limit: 50000,
          actual: 50001,
          path: 'events',
          detail: 'has too many items (at most 50000; it has 50001).',
        },
      },
    ]);
  });

  it('refuses events that are not an array, with the plan and protocol problems', () => {
    expect(mustFail(replay(newPlan(), 'nope' as unknown as unknown[], { protocol: standardProtocol }))).toEqual([
      {
        code: 'INVALID_INPUT',
        severity: 'error',
        message: 'events: must be an array of events.',
        path: ['events'],
        params: { problem: 'type', expected: 'events', path: 'events', detail: 'must be an array of events.' },
      },
    ]);
  });
});
