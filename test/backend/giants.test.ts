/**
 * Giant and hostile arguments to the store and the handler (found by the fuzzer): each is refused
 * by size before it is spread, walked or serialised, with the core's limits and findings, and the
 * database is never asked. A client that records its queries stands in for PostgreSQL: nothing
 * here reaches one.
 */
import { describe, expect, it } from 'vitest';
import { protocols, type Finding } from 'smp-protocol';
import { createHandler } from 'smp-protocol/http';
import { createStore, type SqlClient } from 'smp-protocol/postgres';
import { argumentLimits, reasonText } from '../../src/postgres/input.js';
import { inputLimits } from '../../src/schema/limits.js';

const all = Object.values(protocols);
const NOW = () => new Date('2026-03-02T09:00:00Z');
/** The fuzzer's giants. */
const hundredThousandKeys = (): Record<string, unknown> => Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
const millionItems = (): number[] => new Array<number>(1_000_000).fill(0);

/** A client that records every statement and answers with `rows`. */
function recordingClient(rows: unknown[] = []): SqlClient & { texts: string[]; params: unknown[][] } {
  const texts: string[] = [];
  const params: unknown[][] = [];
  return {
    texts,
    params,
    query: async (text: string, p: unknown[] = []) => {
      texts.push(text);
      params.push(p);
      return { rows };
    },
  };
}
const codes = (findings: readonly Finding[]) => findings.map((f) => [f.code, f.path, f.params?.problem, f.params?.actual]);

describe('the store refuses giants by size, before spreading or querying', () => {
  it('createPlan with 100,000 keys (id, protocol and the rest valid): INVALID_INPUT tooMany, no query', async () => {
    const client = recordingClient();
    const store = createStore({ client, protocols: all, now: NOW });
    const input = Object.assign(hundredThousandKeys(), {
      id: 'plan-1',
      clientId: 'c-1',
      protocol: { id: 'standard', version: 1 },
      timeZone: 'Europe/London',
      createdAt: '2026-03-01T09:00:00Z',
    });
    const out = await store.createPlan(input);
    expect(out.ok).toBe(false);
    expect(codes(out.findings)).toEqual([['INVALID_INPUT', [], 'tooMany', 100_005]]);
    expect(client.texts).toEqual([]);
  });

  it('createPlan with a million-element metadata array: INVALID_INPUT tooMany at metadata', async () => {
    const client = recordingClient();
    const store = createStore({ client, protocols: all, now: NOW });
    const out = await store.createPlan({
      id: 'plan-1',
      clientId: 'c-1',
      protocol: { id: 'standard', version: 1 },
      timeZone: 'Europe/London',
      createdAt: '2026-03-01T09:00:00Z',
      metadata: { tags: millionItems() },
    });
    expect(codes(out.findings)).toEqual([['INVALID_INPUT', ['metadata', 'tags'], 'tooMany', 1_000_000]]);
    expect(client.texts).toEqual([]);
  });

  it('append with a 100,000-key event, or options whose getter throws: INVALID_INPUT, never DATABASE_ERROR, no query', async () => {
    const client = recordingClient();
    const store = createStore({ client, protocols: all, now: NOW });
    const event = Object.assign(hundredThousandKeys(), { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z' });
    expect(codes((await store.append('plan-1', event)).findings)).toEqual([['INVALID_INPUT', [], 'tooMany', 100_003]]);
    const options = Object.defineProperty({}, 'expectedVersion', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    const hostile = await store.append('plan-1', { id: 'e1', type: 'sessionCancelled', at: '2026-03-01T09:00:00Z' }, options);
    expect(codes(hostile.findings)).toEqual([['INVALID_INPUT', ['options', 'expectedVersion'], 'unreadable', undefined]]);
    expect(client.texts).toEqual([]);
  });

  it('failOutbox with a million-element reason records "[array of 1000000]", never its JSON', async () => {
    const client = recordingClient([{ id: 'job-1', status: 'pending', attempts: 1, due_ms: Date.parse('2026-03-02T09:00:30Z') }]);
    const store = createStore({ client, protocols: all, now: NOW });
    const out = await store.failOutbox('job-1', millionItems());
    expect(out).toEqual({ ok: true, value: { id: 'job-1', status: 'pending', attempts: 1, dueAt: '2026-03-02T09:00:30Z' }, findings: [] });
    expect(client.params[0]?.[3]).toBe('[array of 1000000]');
    await store.failOutbox('job-1', hundredThousandKeys());
    expect(client.params[1]?.[3]).toBe('[object]');
  });

  it('a failure reason: a string cut to 1,000 characters, a small value as JSON, the rest by its kind', () => {
    expect(reasonText(undefined)).toBe(null);
    expect(reasonText('x'.repeat(5_000))).toBe('x'.repeat(1_000));
    expect(reasonText({ code: 'ECONNRESET', retry: [1, 2] })).toBe('{"code":"ECONNRESET","retry":[1,2]}');
    expect(reasonText(10n)).toBe('10n');
    expect(reasonText({ n: 10n })).toBe('[object]');
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(reasonText(revoked.proxy)).toBe('[unreadable value]');
  });

  it("the back end's limits are the core's", () => {
    expect(argumentLimits).toEqual(inputLimits);
  });
});

describe('the handler refuses a giant body by size, before the store sees it', () => {
  it('a 100,000-key event body under a raised maxBodyBytes: 400 INVALID_INPUT tooMany at body, the store never called', async () => {
    const calls: string[] = [];
    const store = {
      createPlan: async () => {
        calls.push('createPlan');
        return { ok: false as const, findings: [] };
      },
      load: async () => {
        calls.push('load');
        return { ok: false as const, findings: [] };
      },
      append: async () => {
        calls.push('append');
        return { ok: false as const, findings: [] };
      },
    };
    const handle = createHandler({ store, protocols: all, authorize: () => true, now: NOW, maxBodyBytes: 4_000_000 });
    const body = JSON.stringify(hundredThousandKeys());
    for (const path of ['/plans', '/plans/plan-1/events', '/screenings']) {
      const res = await handle(new Request(`http://smp.test${path}`, { method: 'POST', body }));
      expect(res.status).toBe(400);
      const data = (await res.json()) as { findings: Finding[] };
      expect(codes(data.findings)).toEqual([['INVALID_INPUT', ['body'], 'tooMany', 100_000]]);
      expect(data.findings[0]?.message).toBe('body: has too many items (at most 20000; it has 100000).');
    }
    expect(calls).toEqual([]);
  });

  it('the same body under the default 64 KiB limit: 413 PAYLOAD_TOO_LARGE', async () => {
    const store = {
      createPlan: async () => ({ ok: false as const, findings: [] }),
      load: async () => ({ ok: false as const, findings: [] }),
    };
    const handle = createHandler({
      store: { ...store, append: store.load },
      protocols: all,
      authorize: () => true,
      now: NOW,
    } as unknown as Parameters<typeof createHandler>[0]);
    const res = await handle(new Request('http://smp.test/plans', { method: 'POST', body: JSON.stringify(hundredThousandKeys()) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { findings: Finding[] }).findings.map((f) => f.code)).toEqual(['PAYLOAD_TOO_LARGE']);
  });
});
