/**
 * The fuzzer's own teeth: against fake entries that misbehave in each forbidden way, it must
 * report exactly that failure — otherwise a green fuzz run would prove nothing.
 */
import * as root from 'smp-protocol';
import { describe, expect, it } from 'vitest';
import { expectedOutcome, fuzz, type FuzzReport } from './engine.js';

const RUN = { seed: 7, inputs: 300, noGiants: true } as const;

async function against(extra: Record<string, unknown>): Promise<FuzzReport> {
  // Only the fake entry's functions are fuzzed; the root entry is there for the seeds and checkers.
  const report = await fuzz({
    ...RUN,
    entries: { 'smp-protocol': root, 'smp-protocol/fake': extra },
    only: `smp-protocol/fake#${Object.keys(extra)[0] ?? ''}`,
  });
  return report;
}

const kinds = (r: FuzzReport): string[] => [...new Set(r.failures.map((f) => f.kind))].sort();

describe('the fuzzer catches', () => {
  it('an escaping exception', async () => {
    const r = await against({ thrower: (x: unknown) => (x === undefined ? 1 : JSON.stringify(x).length) });
    expect(kinds(r)).toContain('throw');
    expect(r.failures.find((f) => f.kind === 'throw')?.args.length).toBeGreaterThan(0);
  });

  it('an INTERNAL_ERROR finding, and a refusal without findings', async () => {
    expect(
      kinds(await against({ internal: () => ({ ok: false, findings: [{ code: 'INTERNAL_ERROR', severity: 'error', message: 'x' }] }) })),
    ).toEqual(['internal']);
    expect(kinds(await against({ silent: () => ({ ok: false, findings: [] }) }))).toEqual(['invalid-output']);
  });

  it('prototype pollution, once per change', async () => {
    const r = await against({
      polluter: () => {
        Object.defineProperty(Object.prototype, 'fuzzPolluted', { value: 1, configurable: true });
        return null;
      },
    });
    delete (Object.prototype as Record<string, unknown>).fuzzPolluted;
    expect(kinds(r)).toEqual(['pollution']);
    expect(r.failures[0]?.detail).toBe('Object.prototype gained fuzzPolluted');
  });

  it('a mutated input', async () => {
    const r = await against({
      mutator: (x: unknown) => {
        if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) Reflect.set(x, 'touched', true);
        return null;
      },
    });
    expect(kinds(r)).toContain('mutation');
  });

  it('a call over the CPU budget', async () => {
    const r = await fuzz({
      ...RUN,
      inputs: 3,
      budgetMs: 5,
      entries: {
        'smp-protocol': root,
        'smp-protocol/fake': {
          spin: () => {
            const end = process.cpuUsage().user + 20_000;
            while (process.cpuUsage().user < end);
            return null;
          },
        },
      },
      only: 'spin',
    });
    expect(kinds(r)).toEqual(['slow']);
  });

  it('a slow call after an await: an async call is timed to its settling', async () => {
    const r = await fuzz({
      ...RUN,
      inputs: 3,
      budgetMs: 5,
      entries: {
        'smp-protocol': root,
        'smp-protocol/fake': {
          spinLater: async () => {
            await null;
            const end = process.cpuUsage().user + 20_000;
            while (process.cpuUsage().user < end);
            return null;
          },
        },
      },
      only: 'spinLater',
    });
    expect(kinds(r)).toEqual(['slow']);
  });

  it('the supported ends, 1900-01-01 and 9999-12-31, are dates our parser accepts; a day past either is not', async () => {
    const ends = () => ({ ok: true, value: { earliest: '1900-01-01', latest: '9999-12-31' }, findings: [] });
    expect((await against({ ends })).failures).toEqual([]);
    expect(
      (await against({ before: () => ({ ok: true, value: { earliest: '1899-12-31' }, findings: [] }) })).failures.map((f) => f.detail),
    ).toEqual(['result.value.earliest = "1899-12-31" (a local date our parser refuses)']);
  });

  it('an ok result our parsers refuse: a date past 9999 and a plan parsePlan refuses', async () => {
    expect(
      (await against({ farDate: () => ({ ok: true, value: { earliest: '10000-01-01' }, findings: [] }) })).failures.map((f) => f.detail),
    ).toEqual(['result.value.earliest = "10000-01-01" (a local date our parser refuses)']);
    const plan = root.createPlan({
      id: 'p',
      clientId: 'c',
      protocol: root.standardProtocol,
      timeZone: 'UTC',
      createdAt: '2026-01-01T00:00:00Z',
    });
    if (!plan.ok) expect.fail('createPlan refused');
    const broken = { ...plan.value, version: 5 };
    expect(kinds(await against({ badPlan: () => ({ ok: true, value: broken, findings: [] }) }))).toEqual(['invalid-output']);
  });

  it('a non-Outcome from an export listed in expectedOutcome', async () => {
    expect(expectedOutcome).toContain('parsePlan');
    expect(kinds(await against({ parsePlan: () => 'a plan' }))).toEqual(['not-outcome']);
  });

  it('a handler that answers 500, driven by Requests, and a store over the fake client that lets its errors escape', async () => {
    const entries = {
      'smp-protocol': root,
      'smp-protocol/fake-http': {
        createHandler: () => async (request: Request) =>
          new URL(request.url).pathname === '/plans'
            ? new Response('{}', { status: 500 })
            : new Response('{"findings":[]}', { status: 404 }),
      },
      'smp-protocol/fake-postgres': {
        createStore: (o: { client: { query(text: string): Promise<unknown> } }) => ({
          load: async (id: unknown) => {
            const out = (await o.client.query(`select ${typeof id}`)) as { rows?: unknown[] } | undefined;
            return { ok: true, value: out?.rows?.length ?? 0, findings: [] };
          },
        }),
      },
    };
    const handler = await fuzz({ ...RUN, entries, only: 'createHandler()(request)' });
    expect(handler.failures.map((f) => [f.kind, f.detail])).toEqual([['internal', 'result.mark: HTTP 500']]);
    // A 500 whose findings are all DATABASE_ERROR is the documented answer to a database failure
    // (which the fake client injects): not internal. One with any other finding is.
    const answering = (findings: unknown[]) => ({
      'smp-protocol': root,
      'smp-protocol/fake-http': { createHandler: () => async () => new Response(JSON.stringify({ findings }), { status: 500 }) },
    });
    const database = { code: 'DATABASE_ERROR', severity: 'error', message: 'x', params: { sqlstate: '57P01', detail: 'x' } };
    expect((await fuzz({ ...RUN, entries: answering([database]), only: 'createHandler()(request)' })).failures).toEqual([]);
    const mixed = await fuzz({ ...RUN, entries: answering([database, { code: 'INVALID_INPUT' }]), only: 'createHandler()(request)' });
    expect(mixed.failures.map((f) => [f.kind, f.detail])).toEqual([['internal', 'result.mark: HTTP 500']]);
    const store = await fuzz({ ...RUN, entries, only: 'createStore().load' });
    expect(store.failures.map((f) => f.kind)).toContain('throw');
  });
});

describe('the fuzzer is reproducible', () => {
  it('the same seed gives the same failures; FUZZ_INDEX reruns one input', async () => {
    const fn = { flaky: (x: unknown) => (typeof x === 'string' && x.length % 3 === 0 ? JSON.parse('{') : null) };
    const a = await fuzz({ ...RUN, entries: { 'smp-protocol': root, 'smp-protocol/fake': fn }, only: 'flaky' });
    const b = await fuzz({ ...RUN, entries: { 'smp-protocol': root, 'smp-protocol/fake': fn }, only: 'flaky' });
    expect(a.failures).toEqual(b.failures);
    const first = a.failures[0];
    if (first === undefined) expect.fail('expected a failure');
    const again = await fuzz({ ...RUN, entries: { 'smp-protocol': root, 'smp-protocol/fake': fn }, only: 'flaky', index: first.index });
    expect(again.inputs).toBe(1);
    expect(again.failures.map((f) => [f.kind, f.args])).toEqual([[first.kind, first.args]]);
  });
});
