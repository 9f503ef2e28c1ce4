import { describe, expect, it } from 'vitest';
import { applyEvent, createPlan, defineProtocol, parsePlan, replay, screen, standardProtocol, type Finding } from 'smp-protocol';
import { mustFail, mustOk, newPlan } from '../support/plans.js';

const protocol = standardProtocol;
const created = '2026-01-05T09:00:00Z';

/** An array whose item reads are counted: the walk must refuse it without reading them. */
function counted<T>(items: T[]): { array: T[]; reads: () => number } {
  let reads = 0;
  const array = new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { array, reads: () => reads };
}

function only(findings: readonly Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0] as Finding;
}

describe('size before walking (the reproductions of issue 13.2)', () => {
  it('defineProtocol with sessions of 1,000,000 zeros: INVALID_INPUT tooMany at sessions, before any session is read', () => {
    const { array: sessions, reads } = counted(new Array<number>(1_000_000).fill(0));
    const f = only(mustFail(defineProtocol({ ...protocol, sessions })));
    expect(f).toMatchObject({
      code: 'INVALID_INPUT',
      path: ['sessions'],
      params: { path: 'sessions', problem: 'tooMany', limit: 50_000, actual: 1_000_000 },
    });
    expect(f.message).toBe('sessions: has too many items (at most 50000; it has 1000000).');
    // Refused by its length alone: not one item was read.
    expect(reads()).toBe(0);
  });

  it('createPlan with a million-element metadata array: refused before the array is walked', () => {
    const { array, reads } = counted(new Array<number>(1_000_000).fill(0));
    const f = only(
      mustFail(createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: created, metadata: { crm: array } })),
    );
    expect(f).toMatchObject({
      code: 'INVALID_INPUT',
      path: ['metadata', 'crm'],
      params: { problem: 'tooMany', limit: 50_000, actual: 1_000_000 },
    });
    expect(reads()).toBe(0);
  });

  it('screen with a million active scalp conditions: tooMany at the field', () => {
    const out = screen(
      { dateOfBirth: '1990-05-14', activeScalpConditions: new Array<string>(1_000_000).fill('x') },
      { protocol, asOf: created, timeZone: 'UTC' },
    );
    expect(mustFail(out).map((f) => [f.code, f.params?.problem, f.params?.path])).toEqual([
      ['INVALID_INPUT', 'tooMany', 'activeScalpConditions'],
    ]);
  });

  it('an event with a history-sized array in a field, and a plan with a million events', () => {
    const plan = newPlan({ createdAt: created });
    const event = {
      id: 'e',
      type: 'sessionCompleted',
      at: '2026-01-12T15:00:00Z',
      session: 1,
      start: '2026-01-12T10:00:00Z',
      record: { zones: new Array(60_000).fill('crown') },
    };
    expect(mustFail(applyEvent(plan, event, { protocol })).map((f) => [f.params?.problem, f.path])).toEqual([
      ['tooMany', ['record', 'zones']],
    ]);
    const stored = JSON.parse(JSON.stringify(plan)) as Record<string, unknown>;
    const f = only(mustFail(parsePlan({ ...stored, history: new Array(1_000_000).fill({}) })));
    expect(f.params).toMatchObject({ problem: 'tooMany', path: 'history', limit: 50_000 });
  });

  it('more values in all than the limit: tooManyNodes, before the children that would pass it are read', () => {
    const parts = Array.from({ length: 10 }, () => counted(new Array<number>(40_000).fill(0)));
    const f = only(mustFail(defineProtocol({ ...protocol, sessions: parts.map((p) => p.array) })));
    expect(f).toMatchObject({ code: 'INVALID_INPUT', path: [], params: { problem: 'tooManyNodes', limit: 250_000 } });
    expect(f.message).toBe('The input: is too large (at most 250000 values in all).');
    // The last parts were never read: the walk stopped before pushing them.
    expect(parts.slice(-3).map((p) => p.reads())).toEqual([0, 0, 0]);
  });

  it('a multi-megabyte string: tooLong at its path, its length checked, not its text', () => {
    const f = only(mustFail(createPlan({ id: 'p', clientId: 'x'.repeat(3_000_000), protocol, timeZone: 'UTC', createdAt: created })));
    expect(f).toMatchObject({
      code: 'INVALID_INPUT',
      path: ['clientId'],
      params: { problem: 'tooLong', limit: 2_000_000, actual: 3_000_000 },
    });
    expect(f.message.length).toBeLessThan(200);
  });

  it('a cycle, or nesting deeper than the walk looks, ends the walk without a size problem (the schema says what is wrong)', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const f = only(mustFail(defineProtocol({ ...protocol, extra: cyclic })));
    expect(f).toMatchObject({ code: 'INVALID_INPUT', path: [], params: { problem: 'unknownKeys', keys: '"extra"' } });
  });

  it('never throws on a Proxy whose traps throw', () => {
    const evil = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('x');
        },
        get: () => {
          throw new Error('x');
        },
      },
    );
    const out = defineProtocol({ ...protocol, sessions: [evil] });
    expect(out.ok).toBe(false);
  });
});

describe('the limits leave real plans alone', () => {
  it('a plan with 1,000 history events and 100 KB of metadata passes the walk and parses', () => {
    const plan = newPlan({ createdAt: created });
    const stored = JSON.parse(JSON.stringify(plan)) as Record<string, unknown>;
    const history = Array.from({ length: 1_000 }, (_, i) => ({
      id: `n${i}`,
      type: 'sessionCancelled',
      at: '2026-01-06T09:00:00Z',
      session: 1,
      reason: 'a reason of some length',
      actor: 'front-desk',
      note: 'a note',
    }));
    const metadata = { crm: Array.from({ length: 2_150 }, (_, i) => ({ id: `c-${i}`, tags: ['a', 'b'], score: i })) };
    expect(JSON.stringify(metadata).length).toBeGreaterThan(90_000);
    const parsed = mustOk(parsePlan({ ...stored, history, version: history.length, metadata }));
    expect(parsed.history).toHaveLength(1_000);
    expect(parsed.metadata).toEqual(metadata);
  });
});

describe('replay measures its list of events first', () => {
  it('a million events: tooMany at the list, before one event is read', () => {
    const plan = newPlan({ createdAt: created });
    let reads = 0;
    const events = new Proxy(new Array<unknown>(1_000_000).fill({}), {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const [f] = mustFail(replay(plan, events, { protocol }));
    expect(f).toMatchObject({
      code: 'INVALID_INPUT',
      path: ['events'],
      message: 'events: has too many items (at most 50000; it has 1000000).',
      params: { problem: 'tooMany', limit: 50_000, actual: 1_000_000, path: 'events' },
    });
    expect(reads).toBe(0);
  });
});
