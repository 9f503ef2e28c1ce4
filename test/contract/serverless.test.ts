// docs/serverless.md's handler, extracted from the page and run as written: create, book with
// retries and expectedVersion, forecast, and every refusal mapped to HTTP by httpStatusOf.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from 'smp-protocol';

interface PlanStore {
  get(id: string): Promise<unknown>;
  putIf(id: string, plan: Plan, readVersion: number | null): Promise<boolean>;
}
type Handle = (
  store: PlanStore,
  request: unknown,
) => Promise<{ status: number; body: { value?: unknown; findings: { code: string; severity: string }[] } }>;

function memoryStore(): PlanStore & { docs: Map<string, string> } {
  const docs = new Map<string, string>();
  return {
    docs,
    get: async (id) => {
      const json = docs.get(id);
      return json === undefined ? undefined : (JSON.parse(json) as unknown);
    },
    putIf: async (id, plan, readVersion) => {
      const current = docs.get(id);
      const version = current === undefined ? null : (JSON.parse(current) as { version: number }).version;
      if (version !== readVersion) return false;
      docs.set(id, JSON.stringify(plan));
      return true;
    },
  };
}

let handle: Handle;

beforeAll(async () => {
  const page = readFileSync(new URL('../../docs/serverless.md', import.meta.url), 'utf8');
  const block = /<!-- serverless-handler -->\n```ts\n([\s\S]*?)\n```/.exec(page)?.[1];
  if (block === undefined) throw new Error('docs/serverless.md has no handler block');
  const file = join(mkdtempSync(join(tmpdir(), 'smp-serverless-')), 'handler.ts');
  writeFileSync(file, block);
  handle = ((await import(pathToFileURL(file).href)) as { handle: Handle }).handle;
}, 60_000);

const codes = (r: { body: { findings: { code: string }[] } }): string[] => r.body.findings.map((f) => f.code);
const book = { id: 'evt-1', type: 'sessionBooked', at: '2026-03-02T09:30:00Z', session: 1, start: '2026-03-23T10:00:00Z' };

describe('the serverless guide’s handler', () => {
  it('creates, books, survives a retry, refuses a stale version, forecasts, and maps refusals to HTTP', async () => {
    const store = memoryStore();
    const created = await handle(store, {
      action: 'create',
      planId: 'p1',
      clientId: 'c1',
      protocol: { id: 'standard', version: 1 },
      timeZone: 'Europe/London',
      now: '2026-03-02T09:00:00Z',
    });
    expect(created.status).toBe(201);
    expect(
      (
        await handle(store, {
          action: 'create',
          planId: 'p1',
          clientId: 'c1',
          protocol: { id: 'standard', version: 1 },
          timeZone: 'Europe/London',
          now: '2026-03-02T09:00:00Z',
        })
      ).status,
    ).toBe(409);

    const booked = await handle(store, { action: 'event', planId: 'p1', event: book, expectedVersion: 0 });
    expect([booked.status, codes(booked)]).toEqual([200, []]);
    // The at-least-once retry: stamped later by another instance, a stale version, the same instant spelt +00:00.
    const retry = await handle(store, {
      action: 'event',
      planId: 'p1',
      event: { ...book, at: '2026-03-02T09:30:02Z', actor: 'retry', start: '2026-03-23T10:00:00+00:00' },
      expectedVersion: 0,
    });
    expect([retry.status, codes(retry)]).toEqual([200, ['DUPLICATE_EVENT']]);
    expect((JSON.parse(store.docs.get('p1') ?? '{}') as { version: number }).version).toBe(1);

    const reused = await handle(store, { action: 'event', planId: 'p1', event: { ...book, start: '2026-03-24T10:00:00Z' } });
    expect([reused.status, codes(reused)]).toEqual([409, ['EVENT_ID_REUSED']]);
    const stale = await handle(store, {
      action: 'event',
      planId: 'p1',
      event: { id: 'evt-2', type: 'planPaused', at: '2026-03-03T09:00:00Z', reason: 'x' },
      expectedVersion: 0,
    });
    expect([stale.status, codes(stale)]).toEqual([409, ['VERSION_CONFLICT']]);
    const tooSoon = await handle(store, {
      action: 'event',
      planId: 'p1',
      event: { id: 'evt-3', type: 'sessionBooked', at: '2026-03-03T09:00:00Z', session: 2, start: '2026-03-25T10:00:00Z' },
    });
    expect([tooSoon.status, codes(tooSoon)]).toEqual([422, ['SPACING_TOO_SOON']]);
    const junk = await handle(store, { action: 'event', planId: 'p1', event: { id: 'evt-4', type: 'sessionBook' } });
    expect(junk.status).toBe(400);

    const later = await handle(store, { action: 'forecast', planId: 'p1', now: '2026-03-30T09:00:00Z' });
    expect([later.status, codes(later)]).toEqual([200, ['OUTCOME_NOT_RECORDED']]);
    expect((await handle(store, { action: 'forecast', planId: 'p1', now: 'tomorrow' })).status).toBe(400);
    const missing = await handle(store, { action: 'forecast', planId: 'nope', now: '2026-03-30T09:00:00Z' });
    expect([missing.status, codes(missing)]).toEqual([404, ['PLAN_NOT_FOUND']]);
  });
});
