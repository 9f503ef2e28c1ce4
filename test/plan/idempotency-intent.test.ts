/**
 * Retries by intent: which fields of an event count (type, session, start and end as instants,
 * durationMinutes with the protocol's default, reason, until, the treatment record key by key)
 * and which do not (id, at, actor, note), for each kind of event, through applyEvent and replay.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, protocols, replay, standardProtocol, type Outcome, type Plan } from 'smp-protocol';
import { applyAll, mustFail, mustOk, newPlan } from '../support/plans.js';

const BOOK1 = { id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:00:00Z', session: 1, start: '2026-01-12T10:00:00Z' } as const;
const MOVE1 = { id: 'r1', type: 'sessionRescheduled', at: '2026-01-06T09:00:00Z', session: 1, start: '2026-01-13T10:00:00Z' } as const;
const DONE1 = {
  id: 'c1',
  type: 'sessionCompleted',
  at: '2026-01-13T15:00:00Z',
  session: 1,
  start: '2026-01-13T10:00:00Z',
  end: '2026-01-13T14:00:00Z',
  record: { zones: ['hairline', 'temples'], checklist: { hairlineAgreed: true } },
} as const;
const PAUSE = { id: 'p1', type: 'planPaused', at: '2026-01-06T09:00:00Z', reason: 'sunburn', until: '2026-02-01' } as const;
const CLOSE = { id: 'x1', type: 'planClosed', at: '2026-01-06T09:00:00Z', reason: 'moved away' } as const;

const apply = (plan: Plan, event: unknown, protocol = standardProtocol): Outcome<Plan> => applyEvent(plan, event, { protocol });
const duplicate = (eventId: string) => [
  {
    code: 'DUPLICATE_EVENT',
    severity: 'info',
    message: `Event "${eventId}" was already applied; the plan is unchanged.`,
    params: { eventId },
  },
];
const reused = (eventId: string) => [
  {
    code: 'EVENT_ID_REUSED',
    severity: 'error',
    message: `Event id "${eventId}" was already used for a different event; every event needs its own id.`,
    params: { eventId },
  },
];
/** What a retry of an event recorded in `plan` gives: the duplicate (same plan back) or the refusal. */
function retry(plan: Plan, event: Record<string, unknown>, protocol = standardProtocol): 'duplicate' | 'reused' {
  const out = apply(plan, event, protocol);
  const id = String(event.id);
  if (out.ok) {
    expect(out.value).toBe(plan);
    expect(out.findings).toEqual(duplicate(id));
    return 'duplicate';
  }
  expect(out.findings).toEqual(reused(id));
  return 'reused';
}

describe('a retry is judged by its intent', () => {
  const booked = applyAll(newPlan(), [BOOK1]);
  const moved = applyAll(newPlan(), [BOOK1, MOVE1]);
  const done = applyAll(newPlan(), [BOOK1, MOVE1, DONE1]);
  const paused = applyAll(newPlan(), [BOOK1, PAUSE]);
  const closed = applyAll(newPlan(), [BOOK1, CLOSE]);

  it('a pause: the same reason and until, at another time, by someone else, with a note, is a retry', () => {
    expect(retry(paused, { ...PAUSE, at: '2026-01-06T09:00:05Z', actor: 'retry', note: 'again' })).toBe('duplicate');
    expect(retry(paused, { ...PAUSE, reason: 'sunburn ' })).toBe('reused');
    expect(retry(paused, { ...PAUSE, until: '2026-02-02' })).toBe('reused');
    const { until: _u, ...undated } = PAUSE;
    expect(retry(paused, undated)).toBe('reused');
  });

  it('closing: the same reason is a retry, another is not', () => {
    expect(retry(closed, { ...CLOSE, at: '2026-01-07T09:00:00Z' })).toBe('duplicate');
    expect(retry(closed, { ...CLOSE, reason: 'moved' })).toBe('reused');
    expect(retry(closed, { ...CLOSE, type: 'planPaused' })).toBe('reused');
  });

  it('a move: its start as an instant; a length the move did not name is not the protocol default', () => {
    expect(retry(moved, { ...MOVE1, start: '2026-01-13T11:00:00+01:00' })).toBe('duplicate');
    expect(retry(moved, { ...MOVE1, start: '2026-01-13T10:00:01Z' })).toBe('reused');
    expect(retry(moved, { ...MOVE1, durationMinutes: 240 })).toBe('reused');
    expect(retry(moved, { ...MOVE1, session: 2 })).toBe('reused');
  });

  it('a completion: start and end as instants, the record field by field', () => {
    expect(retry(done, { ...DONE1, start: '2026-01-13T11:00:00+01:00', end: '2026-01-13T15:00:00+01:00', note: 'x' })).toBe('duplicate');
    expect(retry(done, { ...DONE1, end: '2026-01-13T14:00:01Z' })).toBe('reused');
    expect(retry(done, { ...DONE1, record: { checklist: { hairlineAgreed: true }, zones: ['hairline', 'temples'] } })).toBe('duplicate');
    expect(retry(done, { ...DONE1, record: { zones: ['temples', 'hairline'], checklist: { hairlineAgreed: true } } })).toBe('reused');
    expect(retry(done, { ...DONE1, record: { zones: ['hairline', 'temples'], checklist: { hairlineAgreed: false } } })).toBe('reused');
    expect(retry(done, { ...DONE1, record: { zones: ['hairline', 'temples'] } })).toBe('reused');
    expect(retry(done, { ...DONE1, record: { zones: ['hairline'], checklist: { hairlineAgreed: true } } })).toBe('reused');
    expect(retry(done, { ...DONE1, record: { zones: ['hairline', 'temples'], checklist: { hairlineAgreed: true, extra: true } } })).toBe(
      'reused',
    );
    const { record: _r, ...bare } = DONE1;
    expect(retry(done, bare)).toBe('reused');
  });

  it('a completion recorded with a smaller record: a retry with more is not the same', () => {
    const small = applyAll(newPlan(), [BOOK1, MOVE1, { ...DONE1, record: { zones: ['hairline'] } }]);
    expect(retry(small, { ...DONE1, record: { zones: ['hairline'] } })).toBe('duplicate');
    expect(retry(small, DONE1)).toBe('reused');
    expect(retry(small, { ...DONE1, record: { zones: ['hairline'], checklist: {} } })).toBe('reused');
  });

  it('a field written as undefined is a field not written, in the record too', () => {
    const base = applyAll(newPlan(), [BOOK1]);
    const ev = { id: 'd1', type: 'sessionCompleted', at: '2026-01-12T15:00:00Z', session: 1 };
    const withUndefined = applyAll(base, [{ ...ev, record: { zones: ['crown'], checklist: undefined } }]);
    expect(retry(withUndefined, { ...ev, record: { zones: ['crown'] } })).toBe('duplicate');
    const without = applyAll(base, [{ ...ev, record: { zones: ['crown'] } }]);
    expect(retry(without, { ...ev, record: { zones: ['crown'], checklist: undefined } })).toBe('duplicate');
    expect(retry(without, { ...ev, record: { zones: ['crown'] }, end: undefined, note: undefined })).toBe('duplicate');
  });

  it('as many fields, but not the same ones: a record for a start, a start for an end', () => {
    const base = applyAll(newPlan(), [BOOK1]);
    const ev = { id: 'd1', type: 'sessionCompleted', at: '2026-01-12T15:00:00Z', session: 1 };
    expect(retry(applyAll(base, [{ ...ev, record: { zones: ['crown'] } }]), { ...ev, start: '2026-01-12T10:00:00Z' })).toBe('reused');
    expect(retry(applyAll(base, [{ ...ev, start: '2026-01-12T10:00:00Z' }]), { ...ev, end: '2026-01-12T14:00:00Z' })).toBe('reused');
  });

  it('a booking: the protocol default length counts as named; with the protocol unknown, only what was written', () => {
    expect(retry(booked, { ...BOOK1, durationMinutes: 240 })).toBe('duplicate');
    expect(retry(booked, { ...BOOK1, durationMinutes: 241 })).toBe('reused');
    // A retry is recognised before the protocol is checked: the wrong protocol still gives the duplicate.
    expect(retry(booked, BOOK1, protocols['touch-up'])).toBe('duplicate');
    expect(retry(booked, { ...BOOK1, durationMinutes: 240 }, protocols['touch-up'])).toBe('reused');
    const own = applyAll(newPlan(), [{ ...BOOK1, durationMinutes: 200 }]);
    expect(retry(own, { ...BOOK1, durationMinutes: 200 }, protocols['touch-up'])).toBe('duplicate');
    expect(retry(own, BOOK1)).toBe('reused');
  });
});

describe('retries inside replay', () => {
  it('a retry in the events is skipped with DUPLICATE_EVENT at its index; a reused id refuses at its index', () => {
    const initial = newPlan();
    const out = replay(initial, [BOOK1, PAUSE, { ...PAUSE, at: '2026-01-07T09:00:00Z', actor: 'retry' }], { protocol: standardProtocol });
    expect(mustOk(out).version).toBe(2);
    expect(out.findings).toEqual([{ ...duplicate('p1')[0], path: [2] }]);
    expect(mustFail(replay(initial, [BOOK1, PAUSE, { ...PAUSE, reason: 'other' }], { protocol: standardProtocol }))).toEqual([
      { ...reused('p1')[0], path: [2] },
    ]);
  });

  it('an event already in the initial plan is a retry too', () => {
    const initial = applyAll(newPlan(), [BOOK1]);
    const out = replay(initial, [{ ...BOOK1, durationMinutes: 240 }], { protocol: standardProtocol });
    expect(mustOk(out)).toEqual(initial);
    expect(out.findings).toEqual([{ ...duplicate('b1')[0], path: [0] }]);
  });
});
