/**
 * The HTTP handler through Web-standard Requests, on a PGlite store: every route, every error
 * status, the body limit, authorization, ETag/If-Match, Idempotency-Key, the clock, and the
 * OpenAPI document checked by a real OpenAPI validator.
 */
import { PGlite } from '@electric-sql/pglite';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { protocols, type Availability, type Finding, type Plan } from 'smp-protocol';
import { createHandler, openApiDocument } from 'smp-protocol/http';
import { createStore, migrate } from 'smp-protocol/postgres';

const all = Object.values(protocols);
const BASE = 'http://smp.test';
const TOKEN = 'Bearer test-token';
let db: PGlite;
let handle: (r: Request) => Promise<Response>;
const clock = { ms: Date.parse('2026-03-01T09:00:00Z') };

function req(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Request {
  const init: RequestInit = { method, headers: { authorization: TOKEN, ...headers } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  return new Request(`${BASE}${path}`, init);
}
async function call(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  const res = await handle(req(method, path, body, headers));
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json() : await res.text();
  return { status: res.status, headers: res.headers, data };
}
const findingCodes = (data: unknown): string[] => ((data as { findings: Finding[] }).findings ?? []).map((f) => f.code);
const valueOf = <T>(data: unknown): T => (data as { value: T }).value;

const createInput = {
  id: 'plan-1',
  clientId: 'client-1',
  protocol: { id: 'standard', version: 1 },
  timeZone: 'Europe/London',
  createdAt: '2026-03-01T09:00:00Z',
};
const availability: Availability = {
  timeZone: 'Europe/London',
  weekly: ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, open: '09:00', close: '17:00' })),
};

beforeAll(async () => {
  db = await PGlite.create();
  await migrate(db);
  const now = () => new Date(clock.ms);
  const store = createStore({ client: db, protocols: all, now });
  handle = createHandler({
    store,
    protocols: all,
    now,
    maxBodyBytes: 4096,
    availability,
    authorize: (r) => r.headers.get('authorization') === TOKEN,
  });
}, 60_000);
afterAll(() => db.close());

describe('the HTTP handler', () => {
  it('401 without authorization, for every route, with { findings }', async () => {
    for (const [method, path] of [
      ['GET', '/plans/plan-1'],
      ['POST', '/plans'],
      ['GET', '/openapi.json'],
      ['GET', '/nowhere'],
    ] as const) {
      const res = await handle(new Request(`${BASE}${path}`, { method, headers: { authorization: 'Bearer wrong' } }));
      expect(res.status).toBe(401);
      expect(findingCodes(await res.json())).toEqual(['UNAUTHORIZED']);
    }
  });

  it('POST /plans → 201 and the plan; again → the same plan; different input → 409 PLAN_EXISTS; bad input → 400', async () => {
    const created = await call('POST', '/plans', createInput);
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"0"');
    expect(created.headers.get('location')).toBe('/plans/plan-1');
    expect(valueOf<Plan>(created.data)).toMatchObject({ id: 'plan-1', status: 'draft', version: 0 });
    expect((await call('POST', '/plans', createInput)).status).toBe(201);
    const other = await call('POST', '/plans', { ...createInput, clientId: 'other' });
    expect([other.status, findingCodes(other.data)]).toEqual([409, ['PLAN_EXISTS']]);
    const bad = await call('POST', '/plans', { ...createInput, id: 'plan-bad', timeZone: 'Mars/Base' });
    expect([bad.status, findingCodes(bad.data)]).toEqual([400, ['INVALID_TIME_ZONE']]);
    const notJson = await call('POST', '/plans', '{oops');
    expect([notJson.status, findingCodes(notJson.data)]).toEqual([400, ['INVALID_INPUT']]);
  });

  it('GET /plans/{id} with ETag; unknown → 404 PLAN_NOT_FOUND; unknown route → 404 ROUTE_NOT_FOUND', async () => {
    const got = await call('GET', '/plans/plan-1');
    expect([got.status, got.headers.get('etag'), valueOf<Plan>(got.data).id]).toEqual([200, '"0"', 'plan-1']);
    const missing = await call('GET', '/plans/nope');
    expect([missing.status, findingCodes(missing.data)]).toEqual([404, ['PLAN_NOT_FOUND']]);
    const route = await call('DELETE', '/plans/plan-1');
    expect([route.status, findingCodes(route.data)]).toEqual([404, ['ROUTE_NOT_FOUND']]);
    expect((await call('GET', '/plans/plan-1/whatever')).status).toBe(404);
    expect((await call('GET', '/elsewhere')).status).toBe(404);
    const malformed = await call('GET', '/plans/%E0%A4%A');
    expect([malformed.status, findingCodes(malformed.data)]).toEqual([400, ['INVALID_INPUT']]);
  });

  it('POST events: at from the clock, id from Idempotency-Key, ETag the new version; a retry is a duplicate', async () => {
    const booking = { type: 'sessionBooked', session: 1, start: '2026-03-23T10:00:00Z' };
    const first = await call('POST', '/plans/plan-1/events', booking, { 'idempotency-key': 'key-1' });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"1"');
    const plan = valueOf<Plan>(first.data);
    expect(plan.history[0]).toMatchObject({ id: 'key-1', at: '2026-03-01T09:00:00Z' });
    // A retry a minute later: stamped with a later `at`, still the same intent, so a duplicate.
    clock.ms += 60_000;
    const retry = await call('POST', '/plans/plan-1/events', booking, { 'idempotency-key': 'key-1' });
    expect([retry.status, retry.headers.get('etag'), findingCodes(retry.data)]).toEqual([200, '"1"', ['DUPLICATE_EVENT']]);
  });

  it('If-Match: a stale version → 409 VERSION_CONFLICT; the current one is accepted; a bad one → 400', async () => {
    const move = (id: string) => ({ id, type: 'sessionRescheduled', session: 1, start: '2026-03-24T10:00:00Z' });
    const stale = await call('POST', '/plans/plan-1/events', move('m1'), { 'if-match': '"0"' });
    expect([stale.status, findingCodes(stale.data)]).toEqual([409, ['VERSION_CONFLICT']]);
    const current = await call('POST', '/plans/plan-1/events', move('m1'), { 'if-match': '"1"' });
    expect([current.status, current.headers.get('etag')]).toEqual([200, '"2"']);
    const bad = await call('POST', '/plans/plan-1/events', move('m2'), { 'if-match': 'yesterday' });
    expect([bad.status, findingCodes(bad.data)]).toEqual([400, ['INVALID_INPUT']]);
  });

  it("a rule refusal → 422 with the rule's code; an unknown plan → 404", async () => {
    const early = await call('POST', '/plans/plan-1/events', {
      id: 'b2',
      type: 'sessionBooked',
      session: 2,
      start: '2026-03-26T10:00:00Z',
    });
    expect(early.status).toBe(422);
    expect(findingCodes(early.data)).toContain('SPACING_TOO_SOON');
    const missing = await call('POST', '/plans/nope/events', { id: 'x', type: 'planResumed' });
    expect([missing.status, findingCodes(missing.data)]).toEqual([404, ['PLAN_NOT_FOUND']]);
  });

  it('413 over the body limit, by Content-Length or by the bytes actually sent', async () => {
    const big = JSON.stringify({ id: 'big', type: 'planPaused', reason: 'x'.repeat(5000) });
    const declared = await call('POST', '/plans/plan-1/events', big);
    expect([declared.status, findingCodes(declared.data)]).toEqual([413, ['PAYLOAD_TOO_LARGE']]);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i += 1) controller.enqueue(new TextEncoder().encode('x'.repeat(1000)));
        controller.close();
      },
    });
    const chunked = await handle(
      new Request(`${BASE}/plans`, { method: 'POST', body: stream, headers: { authorization: TOKEN }, duplex: 'half' } as RequestInit),
    );
    expect(chunked.status).toBe(413);
    expect((await chunked.json()).findings[0].params).toEqual({ limit: 4096 });
  });

  it('readers: forecast, evaluation, slots, aftercare, calendar.ics, fhir, timeline.svg', async () => {
    const f = await call('GET', '/plans/plan-1/forecast?asOf=2026-03-02T09:00:00Z');
    expect(f.status).toBe(200);
    expect(valueOf<{ next: { session: number } }>(f.data).next.session).toBe(1);
    const e = await call('GET', '/plans/plan-1/evaluation?asOf=2026-03-02T09:00:00Z');
    expect([e.status, valueOf<{ status: string }>(e.data).status]).toEqual([200, 'active']);
    const s = await call('GET', '/plans/plan-1/slots?asOf=2026-03-02T09:00:00Z&session=1&limit=2');
    expect(s.status).toBe(200);
    expect(valueOf<unknown[]>(s.data)).toHaveLength(2);
    const custom = await call(
      'GET',
      `/plans/plan-1/slots?asOf=2026-03-02T09:00:00Z&session=1&limit=1&availability=${encodeURIComponent(JSON.stringify({ ...availability, weekly: [{ weekday: 6, open: '10:00', close: '16:00' }] }))}`,
    );
    expect(valueOf<{ start: string }[]>(custom.data).map((x) => x.start)).toEqual(['2026-03-07T10:00:00+00:00']);
    const noSession = await call('GET', '/plans/plan-1/aftercare');
    expect([noSession.status, findingCodes(noSession.data)]).toEqual([400, ['INVALID_INPUT']]);
    const care = await call('GET', '/plans/plan-1/aftercare?session=1');
    expect(care.status).toBe(200);
    expect(valueOf<{ id: string }[]>(care.data).map((i) => i.id)).toContain('plan-1/1/no-shampoo');
    const pending = await call('GET', '/plans/plan-1/aftercare?session=2');
    expect([pending.status, findingCodes(pending.data)]).toEqual([422, ['SESSION_NOT_BOOKED']]);
    const ics = await call('GET', '/plans/plan-1/calendar.ics');
    expect([ics.status, ics.headers.get('content-type')]).toEqual([200, 'text/calendar; charset=utf-8']);
    expect(ics.data).toContain('UID:plan-1-s1@smp-protocol');
    const fhir = await call('GET', '/plans/plan-1/fhir?asOf=2026-03-02T09:00:00Z');
    expect([fhir.status, (fhir.data as { resourceType: string }).resourceType]).toEqual([200, 'Bundle']);
    const svg = await call('GET', '/plans/plan-1/timeline.svg?asOf=2026-03-02T09:00:00Z');
    expect([svg.status, svg.headers.get('content-type')]).toEqual([200, 'image/svg+xml; charset=utf-8']);
    expect(svg.data).toMatch(/^<svg/);
  });

  it('POST /screenings: the screening, 400 for a missing protocol', async () => {
    const ok = await call('POST', '/screenings', {
      intake: { dateOfBirth: '1990-01-01' },
      protocol: { id: 'standard', version: 1 },
      timeZone: 'Europe/London',
      asOf: '2026-03-01T09:00:00Z',
    });
    expect([ok.status, valueOf<{ outcome: string }>(ok.data).outcome]).toEqual([200, 'eligible']);
    const deferred = await call('POST', '/screenings', {
      intake: { dateOfBirth: '1990-01-01', isotretinoin: { lastDose: '2026-02-01' } },
      protocol: { id: 'standard', version: 1 },
      timeZone: 'Europe/London',
      asOf: '2026-03-01T09:00:00Z',
    });
    expect(deferred.status).toBe(200);
    expect(valueOf<{ outcome: string }>(deferred.data).outcome).toBe('deferred');
    const bad = await call('POST', '/screenings', { intake: {} });
    expect([bad.status, findingCodes(bad.data)]).toEqual([400, ['INVALID_INPUT']]);
  });

  it('500 with DATABASE_ERROR when the store fails, and INTERNAL_ERROR when a hook throws', async () => {
    const broken = createStore({
      client: { query: () => Promise.reject(Object.assign(new Error('down'), { code: '57P01' })) },
      protocols: all,
    });
    const h = createHandler({ store: broken, protocols: all, authorize: () => true });
    const res = await h(new Request(`${BASE}/plans/plan-1`));
    expect(res.status).toBe(500);
    expect((await res.json()).findings.map((f: Finding) => [f.code, f.params?.sqlstate])).toEqual([['DATABASE_ERROR', '57P01']]);
    const throwing = createHandler({
      store: broken,
      protocols: all,
      authorize: () => {
        throw new Error('auth service down');
      },
    });
    const r2 = await throwing(new Request(`${BASE}/plans/plan-1`));
    expect([r2.status, findingCodes(await r2.json())]).toEqual([500, ['INTERNAL_ERROR']]);
  });

  it('GET /openapi.json is a valid OpenAPI 3.1 document with every route', async () => {
    const res = await call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    const validator = new Validator();
    const result = await validator.validate(res.data as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(Object.keys((res.data as { paths: object }).paths)).toEqual([
      '/plans',
      '/plans/{planId}',
      '/plans/{planId}/events',
      '/plans/{planId}/forecast',
      '/plans/{planId}/evaluation',
      '/plans/{planId}/slots',
      '/plans/{planId}/aftercare',
      '/plans/{planId}/calendar.ics',
      '/plans/{planId}/fhir',
      '/plans/{planId}/timeline.svg',
      '/screenings',
      '/openapi.json',
    ]);
    expect(res.data).toEqual(openApiDocument());
  });
});
