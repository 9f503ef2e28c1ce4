/**
 * Fuzz targets for the reference back end, built only when the package exports it: the store of
 * `smp-protocol/postgres` over a fake in-memory `query` client that returns canned rows and
 * errors, and the handler of `smp-protocol/http` driven by random `Request`s. Their exports are
 * fuzzed directly too (as every export is); these reach past the constructors.
 */

type Fn = (...args: unknown[]) => unknown;

/**
 * A target the engine calls like an export. `prepare` (the store for this call, the `Request`)
 * and `finish` (reading the `Response`) are the fuzzer's own work: the engine runs them outside
 * the CPU budget, which times `fn` alone, to the settling of its promise.
 */
export interface DerivedTarget {
  entry: string;
  name: string;
  fn: Fn;
  prepare?: (args: unknown[]) => unknown[];
  finish?: (result: unknown) => Promise<unknown>;
}

const FIXED_NOW = new Date('2026-03-02T09:00:00Z');

/** A cheap, stable number from the arguments: picks the fake client's behaviour for this call. */
function modeOf(args: unknown[]): number {
  let text = '';
  try {
    text = JSON.stringify(args) ?? '';
  } catch {
    text = String(args.length);
  }
  let h = 0;
  for (let i = 0; i < text.length; i += 97) h = (h * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(h + text.length);
}

/** A node-postgres / PGlite look-alike whose answers are canned: empty, a row, garbage rows, or errors. */
export function fakeClient(mode: number, plan: unknown): Record<string, unknown> {
  let calls = 0;
  const answer = async (): Promise<unknown> => {
    calls += 1;
    switch ((mode + calls) % 7) {
      case 0:
        throw Object.assign(new Error('connection terminated unexpectedly'), { code: '57P01' });
      case 1:
        throw Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
      case 2:
        return {
          rows: [
            {
              id: 'p1',
              version: 3,
              plan: JSON.stringify(plan),
              data: plan,
              payload: { x: 1 },
              due_at: '2026-03-02T09:00:00Z',
              attempts: 0,
            },
          ],
          rowCount: 1,
        };
      case 3:
        return { rows: [{ id: null, version: 'NaN', plan: '{not json', data: '__proto__' }], rowCount: 1 };
      case 4:
        return { rows: [], rowCount: 0 };
      case 5:
        return { rows: [{ version: 1, plan }], rowCount: 1 };
      default:
        return undefined;
    }
  };
  const client: Record<string, unknown> = {
    query: (..._args: unknown[]) => answer(),
    exec: (..._args: unknown[]) => answer(),
    release: () => undefined,
  };
  if (mode % 3 === 1) client.transaction = async (fn: (tx: unknown) => unknown) => fn(client);
  if (mode % 3 === 2) client.connect = async () => client;
  return client;
}

function functionsOf(value: unknown): string[] {
  const names = new Set<string>();
  let o: unknown = value;
  while (typeof o === 'object' && o !== null && o !== Object.prototype) {
    for (const key of Object.getOwnPropertyNames(o)) {
      if (key !== 'constructor' && typeof (value as Record<string, unknown>)[key] === 'function') names.add(key);
    }
    o = Object.getPrototypeOf(o);
  }
  return [...names].sort();
}

const PATHS = [
  '/plans',
  '/plans/p1',
  '/plans/p1/events',
  '/plans/p1/forecast',
  '/plans/p1/evaluation',
  '/plans/p1/slots',
  '/plans/p1/ics',
  '/plans/p1/fhir',
  '/outbox',
  '/../etc/passwd',
  '/plans/%00',
  '/plans/__proto__',
  '/',
  '/plans/p1?asOf=9999-12-31T23:59:59Z',
];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];

/** A `Request` from fuzzed parts: method, path, headers and a body made of the second argument. */
function requestOf(args: unknown[]): Request {
  const mode = modeOf(args);
  const method = METHODS[mode % METHODS.length] ?? 'GET';
  const path = PATHS[(mode >> 3) % PATHS.length] ?? '/';
  const headers = new Headers();
  if (mode % 2 === 0) headers.set('content-type', 'application/json');
  if (mode % 5 === 0) headers.set('if-match', mode % 10 === 0 ? '"3"' : 'W/"x"');
  if (mode % 7 === 0) headers.set('authorization', 'Bearer fuzz');
  let body: string | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    try {
      body = mode % 11 === 0 ? '{"unterminated' : (JSON.stringify(args[1] ?? args[0]) ?? 'null');
    } catch {
      body = '[';
    }
  }
  return new Request(`https://clinic.example${path}`, body === undefined ? { method, headers } : { method, headers, body });
}

/** Reads a Response into something the engine inspects: its JSON body, or an INTERNAL_ERROR mark for a bare 500. */
async function readResponse(response: unknown): Promise<unknown> {
  if (!(response instanceof Response))
    return { code: 'INTERNAL_ERROR', message: `the handler returned ${typeof response}, not a Response` };
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    // Not JSON (an iCalendar body, say): kept as text.
  }
  if (response.status >= 500 && response.status !== 503 && !databaseFailure(body))
    return { status: response.status, body, mark: { code: 'INTERNAL_ERROR', message: `HTTP ${response.status}` } };
  return { status: response.status, body };
}

/**
 * A 500 whose findings are all `DATABASE_ERROR`: the documented answer to a database failure
 * (`httpStatusOf` gives 500 for the `internal` kind), which the fake client injects on purpose
 * (SQLSTATE 57P01, 23505). The store answers the same finding when called directly, and the
 * engine does not count that as internal either; any other 5xx is.
 */
function databaseFailure(body: unknown): boolean {
  const findings = (body as { findings?: unknown } | null)?.findings;
  return (
    Array.isArray(findings) && findings.length > 0 && findings.every((f) => (f as { code?: unknown } | null)?.code === 'DATABASE_ERROR')
  );
}

/**
 * Derived targets for the back-end entries present in `entries` (none today: the entries are
 * being built; the fuzzer picks them up from the exports map when they land).
 */
export function backendTargets(
  entries: Record<string, Record<string, unknown>>,
  protocols: unknown[],
  plan: unknown,
  log: (line: string) => void,
): DerivedTarget[] {
  const out: DerivedTarget[] = [];
  const all = Object.entries(entries);
  const createStore = all.map(([entry, ns]) => [entry, ns.createStore] as const).find(([, f]) => typeof f === 'function');
  const createHandler = all.map(([entry, ns]) => [entry, ns.createHandler] as const).find(([, f]) => typeof f === 'function');
  const makeStore = (mode: number): unknown => {
    if (createStore === undefined) return undefined;
    return (createStore[1] as Fn)({ client: fakeClient(mode, plan), protocols, now: () => FIXED_NOW });
  };
  if (createStore !== undefined) {
    try {
      const probe = makeStore(0);
      for (const method of functionsOf(probe)) {
        out.push({
          entry: createStore[0],
          name: `createStore().${method}`,
          // The store for this call (its fake client picked from the arguments), then the call alone.
          prepare: (args) => [makeStore(modeOf(args)), args],
          fn: (store, args) => ((store as Record<string, Fn>)[method] as Fn).apply(store, args as unknown[]),
        });
      }
    } catch (error) {
      log(`no store targets: createStore with a fake client threw ${String(error)}`);
    }
  }
  if (createHandler !== undefined) {
    out.push({
      entry: createHandler[0],
      name: 'createHandler()(request)',
      // The handler over this call's store, and the Request made of the arguments; then the call alone.
      prepare: (args) => {
        const mode = modeOf(args);
        const store = makeStore(mode) ?? {};
        const handler = (createHandler[1] as Fn)({
          store,
          protocols,
          authorize: () => mode % 13 !== 0,
          now: () => FIXED_NOW,
          maxBodyBytes: 65_536,
        });
        const call =
          typeof handler === 'function'
            ? (handler as Fn)
            : typeof (handler as { fetch?: unknown } | null)?.fetch === 'function'
              ? (r: unknown) => (handler as { fetch: Fn }).fetch(r)
              : undefined;
        return [call, requestOf(args)];
      },
      fn: (call, request) =>
        call === undefined
          ? { code: 'INTERNAL_ERROR', message: 'createHandler returned neither a function nor { fetch }' }
          : (call as Fn)(request),
      finish: readResponse,
    });
  }
  return out;
}
