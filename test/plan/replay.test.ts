import { describe, expect, it } from 'vitest';
import { applyEvent, defineProtocol, protocols, replay, standardProtocol, type Plan, type Protocol } from 'smp-protocol';
import { applyAll, codes, mustFail, mustOk, newPlan } from '../support/plans.js';

const protocol = standardProtocol;

const BOOK1 = { id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:00:00Z', session: 1, start: '2026-01-12T10:00:00Z' } as const;
const DONE1 = {
  id: 'c1',
  type: 'sessionCompleted',
  at: '2026-01-12T14:00:00Z',
  session: 1,
  record: { zones: ['hairline'], checklist: { hairlineAgreed: true } },
} as const;
const BOOK2 = { id: 'b2', type: 'sessionBooked', at: '2026-01-12T15:00:00Z', session: 2, start: '2026-01-20T10:00:00Z' } as const;
const MOVE2 = { id: 'r2', type: 'sessionRescheduled', at: '2026-01-13T09:00:00Z', session: 2, start: '2026-01-22T10:00:00Z' } as const;
const DONE2 = { id: 'c2', type: 'sessionCompleted', at: '2026-01-22T13:00:00Z', session: 2 } as const;
const PAUSE = { id: 'p1', type: 'planPaused', at: '2026-01-23T09:00:00Z', reason: 'sunburn', until: '2026-02-10' } as const;
const RESUME = { id: 'r1', type: 'planResumed', at: '2026-02-01T09:00:00Z' } as const;
const BOOK3 = { id: 'b3', type: 'sessionBooked', at: '2026-02-01T09:05:00Z', session: 3, start: '2026-02-10T10:00:00Z' } as const;
const MISS3 = { id: 'm3', type: 'sessionMissed', at: '2026-02-10T11:00:00Z', session: 3 } as const;
const REBOOK3 = { id: 'b3b', type: 'sessionBooked', at: '2026-02-10T11:05:00Z', session: 3, start: '2026-02-17T10:00:00Z' } as const;
const DONE3 = { id: 'c3', type: 'sessionCompleted', at: '2026-02-17T13:00:00Z', session: 3 } as const;
const ADD = { id: 'a1', type: 'sessionAdded', at: '2026-02-18T09:00:00Z', reason: 'pigment healed light' } as const;
const CLOSE = { id: 'x1', type: 'planClosed', at: '2026-02-19T09:00:00Z', reason: 'client satisfied' } as const;

const EVERYTHING = [BOOK1, DONE1, BOOK2, MOVE2, DONE2, PAUSE, RESUME, BOOK3, MISS3, REBOOK3, DONE3, ADD, CLOSE];

describe('replay', () => {
  it('rebuilds a plan from its history: replay(initial, plan.history) equals the plan', () => {
    const initial = newPlan();
    const plan = applyAll(initial, EVERYTHING);
    expect(plan.status).toBe('closed');
    expect(plan.version).toBe(13);
    const rebuilt = mustOk(replay(initial, plan.history, { protocol }));
    expect(rebuilt).toEqual(plan);
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(plan));
    expect(Object.isFrozen(rebuilt)).toBe(true);
    expect(Object.isFrozen(rebuilt.history)).toBe(true);
  });

  it('rebuilds every intermediate plan from a prefix of the history', () => {
    const initial = newPlan();
    let plan = initial;
    for (const e of EVERYTHING) {
      plan = mustOk(applyEvent(plan, e, { protocol }));
      expect(mustOk(replay(initial, plan.history, { protocol }))).toEqual(plan);
    }
  });

  it('returns the warnings of every event, each with the index of its event as path', () => {
    const initial = newPlan();
    const out = replay(initial, [BOOK1, DONE1, { ...BOOK2, start: '2026-01-19T10:00:00Z' }], { protocol });
    expect(out.ok).toBe(true);
    expect(out.findings.map((f) => [f.code, f.severity, f.path])).toEqual([['SPACING_EARLY', 'warning', [2]]]);
  });

  it('continues from a plan that already has history', () => {
    const initial = newPlan();
    const halfway = applyAll(initial, [BOOK1, DONE1]);
    const full = applyAll(halfway, [BOOK2, MOVE2]);
    expect(mustOk(replay(halfway, [BOOK2, MOVE2], { protocol }))).toEqual(full);
  });

  it('replays an empty list to an equal plan', () => {
    const plan = applyAll(newPlan(), [BOOK1]);
    const out = replay(plan, [], { protocol });
    expect(out.findings).toEqual([]);
    expect(mustOk(out)).toEqual(plan);
  });

  it('replays a no-show limit: the count comes from the history', () => {
    const strict = mustOk(
      defineProtocol({
        ...(JSON.parse(JSON.stringify(standardProtocol)) as Protocol),
        id: 'strict',
        policy: { cancellationNoticeHours: 48, maxNoShows: 2 },
      }),
    );
    const initial = newPlan({ protocol: strict });
    const events = [
      BOOK1,
      { id: 'm1', type: 'sessionMissed', at: '2026-01-12T11:00:00Z', session: 1 },
      { id: 'b1b', type: 'sessionBooked', at: '2026-01-12T11:00:00Z', session: 1, start: '2026-01-19T10:00:00Z' },
      { id: 'm2', type: 'sessionMissed', at: '2026-01-19T11:00:00Z', session: 1 },
    ];
    const plan = applyAll(initial, events, strict);
    expect(plan.status).toBe('onHold');
    const out = replay(initial, plan.history, { protocol: strict });
    expect(mustOk(out)).toEqual(plan);
    expect(out.findings.map((f) => [f.code, f.path, f.params?.count])).toEqual([
      ['NO_SHOW', [1], 1],
      ['NO_SHOW', [3], 2],
      ['NO_SHOW_LIMIT_REACHED', [3], 2],
    ]);
  });

  it('skips a duplicate inside the events, as applyEvent would, with DUPLICATE_EVENT (info) at its index', () => {
    const initial = newPlan();
    const retried = { start: '2026-01-12T10:00:00+00:00', session: 1, type: 'sessionBooked', at: '2026-01-05T09:00:00Z', id: 'b1' };
    const out = replay(initial, [BOOK1, retried, DONE1], { protocol });
    const plan = mustOk(out);
    expect(plan.version).toBe(2);
    expect(plan.history.map((e) => e.id)).toEqual(['b1', 'c1']);
    expect(plan).toEqual(applyAll(initial, [BOOK1, DONE1]));
    expect(out.findings).toEqual([
      {
        code: 'DUPLICATE_EVENT',
        severity: 'info',
        message: 'Event "b1" was already applied; the plan is unchanged.',
        params: { eventId: 'b1' },
        path: [1],
      },
    ]);
  });

  it('skips events already in the initial plan history', () => {
    const start = applyAll(newPlan(), [BOOK1]);
    const out = replay(start, [BOOK1, DONE1], { protocol });
    expect(mustOk(out).version).toBe(2);
    expect(codes(out.findings)).toEqual(['DUPLICATE_EVENT']);
    expect(out.findings[0]?.path).toEqual([0]);
  });

  it('refuses an id reused inside the events: EVENT_ID_REUSED at its index', () => {
    const findings = mustFail(replay(newPlan(), [BOOK1, DONE1, { ...BOOK2, id: 'b1' }], { protocol }));
    expect(findings.map((f) => [f.code, f.path])).toEqual([['EVENT_ID_REUSED', [2]]]);
  });

  it('refuses at the first refused event, with its index leading the path', () => {
    const findings = mustFail(replay(newPlan(), [BOOK1, DONE1, { ...BOOK2, start: '2026-01-17T10:00:00Z' }, DONE2], { protocol }));
    expect(findings.map((f) => [f.code, f.severity, f.path, f.session])).toEqual([['SPACING_BELOW_MINIMUM', 'error', [2], 2]]);
  });

  it('refuses a malformed event with the path into it', () => {
    const findings = mustFail(replay(newPlan(), [BOOK1, { ...DONE1, at: '2026-01-12 14:00' }], { protocol }));
    expect(findings.map((f) => [f.code, f.path, f.params?.path])).toEqual([['INVALID_INSTANT', [1, 'at'], '[1].at']]);
    expect(mustFail(replay(newPlan(), [BOOK1, null], { protocol })).map((f) => [f.code, f.path])).toEqual([['INVALID_INPUT', [1]]]);
  });

  it('puts the path of an event field after the index: a completion without start at [index, "start"]', () => {
    const findings = mustFail(
      replay(newPlan(), [{ id: 'c1', type: 'sessionCompleted', at: '2026-01-12T14:00:00Z', session: 1 }], { protocol }),
    );
    expect(findings.map((f) => [f.code, f.path])).toEqual([['INVALID_INPUT', [0, 'start']]]);
  });

  it('refuses another protocol: PROTOCOL_MISMATCH', () => {
    const findings = mustFail(replay(newPlan(), [BOOK1], { protocol: protocols['alopecia-areata'] }));
    expect(findings.map((f) => [f.code, f.params?.protocol])).toEqual([['PROTOCOL_MISMATCH', 'alopecia-areata']]);
  });

  it('refuses events that are not an array, and never throws', () => {
    const findings = mustFail(replay(newPlan(), 'events' as unknown as unknown[], { protocol }));
    expect(findings.map((f) => [f.code, f.path])).toEqual([['INVALID_INPUT', ['events']]]);
    expect(() => replay(null as unknown as Plan, null as unknown as unknown[], null as unknown as { protocol: Protocol })).not.toThrow();
    expect(mustFail(replay(null as unknown as Plan, [], { protocol })).every((f) => f.path?.[0] === 'plan')).toBe(true);
  });

  it('never mutates the initial plan', () => {
    const initial = newPlan();
    const before = JSON.stringify(initial);
    mustOk(replay(initial, EVERYTHING, { protocol }));
    expect(JSON.stringify(initial)).toBe(before);
    expect(initial.version).toBe(0);
  });
});
