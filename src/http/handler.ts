/// <reference lib="dom" />
/**
 * The Web-standard HTTP handler over the store: `(request: Request) => Promise<Response>`, which
 * runs unchanged in workerd, Deno, Bun and Node.
 * @module
 */
import {
  english,
  httpStatusOf,
  type Finding,
  type FindingCode,
  type FindingParams,
  type Outcome,
  type Availability,
  type Protocol,
} from 'smp-protocol';
import type { Store } from 'smp-protocol/postgres';
import { readArgument } from '../postgres/input.js';
import { openApiDocument } from './openapi.js';
import { protocolOf, readers } from './readers.js';

/**
 * Options of {@link createHandler}.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * import { protocols } from 'smp-protocol';
 * import { createHandler, type HandlerOptions } from 'smp-protocol/http';
 * import { createStore, migrate } from 'smp-protocol/postgres';
 * const client = new PGlite(); await migrate(client);
 * const options: HandlerOptions = { store: createStore({ client, protocols: Object.values(protocols) }),
 *   protocols: Object.values(protocols), authorize: (request) => request.headers.get('authorization') === 'Bearer s3cret' };
 * (await createHandler(options)(new Request('http://localhost/plans/plan-1'))).status; // 401: UNAUTHORIZED
 * ```
 */
export interface HandlerOptions {
  /** The store (from `smp-protocol/postgres`, or anything with the same methods). */
  store: Pick<Store, 'createPlan' | 'load' | 'append'>;
  /** The protocols plans follow (matched by id and version). */
  protocols: readonly Protocol[];
  /** The host's hook: nothing is served unless it returns true. */
  authorize: (request: Request) => boolean | Promise<boolean>;
  /** The clock for `at` and `asOf` defaults (default: the real one). */
  now?: () => Date;
  /** The largest request body accepted, in bytes (default 65536); larger is 413. */
  maxBodyBytes?: number;
  /** The clinic's availability for `/slots` when the request gives none. */
  availability?: Availability | ((planId: string, request: Request) => Availability | Promise<Availability>);
}

function makeFinding(code: FindingCode, params: FindingParams = {}, path?: (string | number)[]): Finding {
  // `code` is any code here: the finding pairs it with the params its caller built for it.
  const message = english[code]({ ...params, severity: 'error' });
  return {
    code,
    severity: 'error',
    message,
    ...(path === undefined ? {} : { path }),
    ...(Object.keys(params).length > 0 ? { params } : {}),
  } as Finding;
}
const inputError = (path: string, detail: string): Finding =>
  makeFinding('INVALID_INPUT', { path, problem: 'invalid', detail }, path.split('.'));

const JSON_TYPE = 'application/json; charset=utf-8';

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...headers } });
}
function errorResponse(findings: readonly Finding[], status?: number): Response {
  return jsonResponse(status ?? httpStatusOf({ ok: false, findings }), { findings });
}
function outcomeResponse<T>(out: Outcome<T>, okStatus = 200, headers: Record<string, string> = {}): Response {
  if (!out.ok) return errorResponse(out.findings);
  return jsonResponse(okStatus, { value: out.value, findings: out.findings }, headers);
}
function textResponse(out: Outcome<string>, type: string): Response {
  if (!out.ok) return errorResponse(out.findings);
  return new Response(out.value, { status: 200, headers: { 'content-type': type, 'cache-control': 'no-store' } });
}

type Body = { ok: true; value: unknown } | { ok: false; response: Response };

/** Reads at most `limit` bytes of the body; more is 413 whatever Content-Length says. */
async function readJson(request: Request, limit: number): Promise<Body> {
  const tooLarge = (size?: number): Body => ({
    ok: false,
    response: errorResponse([makeFinding('PAYLOAD_TOO_LARGE', size === undefined ? { limit } : { limit, size })]),
  });
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) return tooLarge(declared);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body !== null) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return tooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return { ok: false, response: errorResponse([inputError('body', 'must be a JSON document (UTF-8)')]) };
  }
  // The byte limit bounds the parse; the core's limits bound the rest before anything walks,
  // spreads or copies the document (a 100,000-key object under a raised maxBodyBytes is 400).
  const read = readArgument(parsed, 'body');
  return read.ok ? { ok: true, value: read.value } : { ok: false, response: errorResponse([read.finding]) };
}

function isoNow(now: () => Date): string {
  const text = now().toISOString();
  return text.endsWith('.000Z') ? `${text.slice(0, -5)}Z` : text;
}

function intParam(url: URL, name: string, required: boolean): { ok: true; value: number | undefined } | { ok: false; finding: Finding } {
  const raw = url.searchParams.get(name);
  if (raw === null)
    return required ? { ok: false, finding: inputError(name, 'is required (a whole number)') } : { ok: true, value: undefined };
  if (!/^\d{1,4}$/.test(raw)) return { ok: false, finding: inputError(name, 'must be a whole number') };
  return { ok: true, value: Number(raw) };
}

/** `"7"`, `W/"7"` or `7` → 7; `*` or absent → undefined. */
function ifMatch(request: Request): { ok: true; value: number | undefined } | { ok: false; finding: Finding } {
  const raw = request.headers.get('if-match');
  if (raw === null || raw.trim() === '*') return { ok: true, value: undefined };
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (m === null) return { ok: false, finding: inputError('If-Match', 'must be the plan\'s ETag, "<version>"') };
  return { ok: true, value: Number(m[1]) };
}

/**
 * The reference back end as one Web-standard function, `(request) => Promise<Response>`:
 *
 * - `POST /plans` (the store's `createPlan` input) → 201 `{ value: plan, findings }`;
 * - `GET /plans/{id}` → `{ value: plan, findings }` with `ETag: "<version>"`;
 * - `POST /plans/{id}/events` (an event; `Idempotency-Key` → its id when the body has none;
 *   `If-Match: "<version>"` → `expectedVersion`; `at` stamped from `now()` when absent) → the
 *   plan, with its new `ETag`;
 * - `GET /plans/{id}/forecast?asOf=`, `/evaluation?asOf=`, `/slots?asOf=&session=&limit=&availability=`,
 *   `/aftercare?session=`, `/calendar.ics`, `/fhir?asOf=`, `/timeline.svg?asOf=`;
 * - `POST /screenings` (`{ intake, protocol: { id, version }, timeZone, asOf? }`);
 * - `GET /openapi.json`: the OpenAPI 3.1 document.
 *
 * Every request passes `authorize` first (false → 401). Errors are JSON `{ findings }` with the
 * status `httpStatusOf` gives (400, 401, 404, 409, 413, 422, 500); a body over `maxBodyBytes` is
 * 413, however it is sent. The handler never throws.
 *
 * @param options - the store, the protocols, the authorization hook, and optionally the clock, body limit and availability
 * @returns the handler
 *
 * @example
 * ```ts
 * import { protocols } from 'smp-protocol';
 * import { createHandler } from 'smp-protocol/http';
 * import type { Store } from 'smp-protocol/postgres';
 * declare const store: Store;
 * const handle = createHandler({ store, protocols: Object.values(protocols), authorize: () => true });
 * const res = await handle(new Request('http://localhost/plans/plan-1'));
 * res.status; // 200, or 404 with { findings: [{ code: 'PLAN_NOT_FOUND', … }] }
 * ```
 */
export function createHandler(options: HandlerOptions): (request: Request) => Promise<Response> {
  const problem = handlerOptionsProblem(options);
  if (problem !== undefined) return brokenHandler(problem);
  try {
    return buildHandler(options);
  } catch {
    // A getter or Proxy in the options that throws: the caller's input, not our bug.
    return brokenHandler(unreadableOptions());
  }
}

const unreadableOptions = (): Finding => makeFinding('INVALID_INPUT', { path: 'options', problem: 'unreadable' }, ['options']);

/** What is wrong with a handler's options (the store, the protocols, authorize), or `undefined`. */
function handlerOptionsProblem(options: unknown): Finding | undefined {
  try {
    if (typeof options !== 'object' || options === null) return inputError('options', 'must be an object { store, protocols, authorize }');
    const o = options as { store?: unknown; protocols?: unknown; authorize?: unknown };
    const store = o.store;
    if (
      typeof store !== 'object' ||
      store === null ||
      !['createPlan', 'load', 'append'].every((m) => typeof (store as Record<string, unknown>)[m] === 'function')
    ) {
      return inputError('options.store', 'must be a store with createPlan, load and append');
    }
    if (!Array.isArray(o.protocols) || o.protocols.length > 100)
      return inputError('options.protocols', 'must be an array of at most 100 protocols');
    if (typeof o.authorize !== 'function') return inputError('options.authorize', 'must be a function (request) => boolean');
    return undefined;
  } catch {
    return unreadableOptions();
  }
}

/** A handler that answers every request 500 with `problem`: what `createHandler` returns for broken options. */
function brokenHandler(problem: Finding): (request: Request) => Promise<Response> {
  return () => Promise.resolve(errorResponse([problem], 500));
}

function buildHandler(options: HandlerOptions): (request: Request) => Promise<Response> {
  const { store, authorize } = options;
  const protocols = Object.freeze([...options.protocols]);
  const now = typeof options.now === 'function' ? options.now : () => new Date();
  const limit = options.maxBodyBytes ?? 65_536;

  async function route(request: Request): Promise<Response> {
    if (!(await authorize(request))) return errorResponse([makeFinding('UNAUTHORIZED')]);
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    let parts: string[];
    try {
      parts = url.pathname
        .split('/')
        .filter((p) => p.length > 0)
        .map((p) => decodeURIComponent(p));
    } catch {
      return errorResponse([inputError('path', 'has a malformed percent-encoding')]);
    }
    const notFound = (): Response => errorResponse([makeFinding('ROUTE_NOT_FOUND', { method, path: url.pathname })]);
    const asOf = url.searchParams.get('asOf') ?? isoNow(now);

    if (parts.length === 1 && parts[0] === 'openapi.json' && method === 'GET') return jsonResponse(200, openApiDocument());

    if (parts.length === 1 && parts[0] === 'screenings' && method === 'POST') {
      const body = await readJson(request, limit);
      if (!body.ok) return body.response;
      const b = body.value as {
        intake?: unknown;
        protocol?: { id?: unknown; version?: unknown };
        timeZone?: unknown;
        asOf?: unknown;
      } | null;
      if (b === null || typeof b !== 'object')
        return errorResponse([inputError('body', 'must be an object { intake, protocol, timeZone, asOf? }')]);
      const ref = b.protocol;
      if (ref === null || typeof ref !== 'object' || typeof ref.id !== 'string' || typeof ref.version !== 'number')
        return errorResponse([inputError('protocol', 'is required ({ id, version })')]);
      const protocol = protocolOf({ protocol: { id: ref.id, version: ref.version } }, protocols);
      if (!protocol.ok) return errorResponse(protocol.findings);
      return outcomeResponse(
        readers.screen(
          b.intake,
          protocol.value,
          typeof b.asOf === 'string' ? b.asOf : asOf,
          typeof b.timeZone === 'string' ? b.timeZone : String(b.timeZone),
        ),
      );
    }

    if (parts[0] !== 'plans') return notFound();

    if (parts.length === 1) {
      if (method !== 'POST') return notFound();
      const body = await readJson(request, limit);
      if (!body.ok) return body.response;
      const out = await store.createPlan(body.value);
      return out.ok
        ? outcomeResponse(out, 201, { etag: `"${out.value.version}"`, location: `/plans/${encodeURIComponent(out.value.id)}` })
        : errorResponse(out.findings);
    }

    const planId = parts[1] ?? '';
    if (parts.length === 3 && parts[2] === 'events') {
      if (method !== 'POST') return notFound();
      const version = ifMatch(request);
      if (!version.ok) return errorResponse([version.finding]);
      const body = await readJson(request, limit);
      if (!body.ok) return body.response;
      if (body.value === null || typeof body.value !== 'object' || Array.isArray(body.value))
        return errorResponse([inputError('body', 'must be an event object')]);
      const event: Record<string, unknown> = { ...(body.value as Record<string, unknown>) };
      const key = request.headers.get('idempotency-key');
      if (event.id === undefined && key !== null) event.id = key;
      if (event.at === undefined) event.at = isoNow(now);
      const out = await store.append(planId, event, version.value === undefined ? {} : { expectedVersion: version.value });
      return out.ok ? outcomeResponse(out, 200, { etag: `"${out.value.version}"` }) : errorResponse(out.findings);
    }

    if (method !== 'GET' || parts.length > 3) return notFound();
    const known = ['forecast', 'evaluation', 'slots', 'aftercare', 'calendar.ics', 'fhir', 'timeline.svg'];
    if (parts.length === 3 && !known.includes(parts[2] ?? '')) return notFound();
    const loaded = await store.load(planId);
    if (!loaded.ok) return errorResponse(loaded.findings);
    const plan = loaded.value;
    switch (parts[2]) {
      case undefined:
        return outcomeResponse(loaded, 200, { etag: `"${plan.version}"` });
      case 'forecast':
        return outcomeResponse(readers.forecast(plan, protocols, asOf));
      case 'evaluation':
        return outcomeResponse(readers.evaluation(plan, protocols, asOf));
      case 'aftercare': {
        const session = intParam(url, 'session', true);
        if (!session.ok) return errorResponse([session.finding]);
        return outcomeResponse(readers.aftercare(plan, protocols, session.value ?? 1));
      }
      case 'slots': {
        const session = intParam(url, 'session', false);
        const count = intParam(url, 'limit', false);
        if (!session.ok || !count.ok)
          return errorResponse([...(session.ok ? [] : [session.finding]), ...(count.ok ? [] : [count.finding])]);
        let availability: unknown;
        const given = url.searchParams.get('availability');
        if (given !== null) {
          try {
            availability = JSON.parse(given);
          } catch {
            return errorResponse([inputError('availability', 'must be JSON')]);
          }
        } else if (typeof options.availability === 'function') {
          availability = await options.availability(planId, request);
        } else {
          availability = options.availability;
        }
        if (availability === undefined) return errorResponse([inputError('availability', "is required (the clinic's opening hours)")]);
        const slotOptions: { availability: Availability; asOf: string; session?: number; limit?: number } = {
          availability: availability as Availability,
          asOf,
        };
        if (session.value !== undefined) slotOptions.session = session.value;
        if (count.value !== undefined) slotOptions.limit = count.value;
        return outcomeResponse(readers.slots(plan, protocols, slotOptions));
      }
      case 'calendar.ics':
        return textResponse(readers.calendar(plan, protocols), 'text/calendar; charset=utf-8');
      case 'fhir': {
        const out = readers.fhir(plan, protocols, asOf);
        if (!out.ok) return errorResponse(out.findings);
        return new Response(JSON.stringify(out.value), {
          status: 200,
          headers: { 'content-type': 'application/fhir+json; charset=utf-8', 'cache-control': 'no-store' },
        });
      }
      case 'timeline.svg':
        return textResponse(readers.timeline(plan, protocols, asOf), 'image/svg+xml; charset=utf-8');
      default:
        return notFound();
    }
  }

  return async (request) => {
    try {
      return await route(request);
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown failure';
      return errorResponse([makeFinding('INTERNAL_ERROR', { detail: detail.slice(0, 200) })]);
    }
  };
}
