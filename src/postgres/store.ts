/**
 * The PostgreSQL store: plans, their append-only events and a transactional outbox, over any
 * client with `query(text, params) → { rows }`. Each write is one SQL statement (data-modifying
 * CTEs), so its atomicity never depends on BEGIN/COMMIT reaching the same connection.
 * @module
 */
import {
  applyEvent,
  createPlan as createCorePlan,
  defineProtocol,
  parsePlan,
  planChanges,
  type CreatePlanInput,
  type Finding,
  type Outcome,
  type Plan,
  type PlanChanges,
  type PlanChangesOptions,
  type Protocol,
} from 'smp-protocol';
import { hasTransactionScope, transactionScope, type SqlClient } from './client.js';
import { databaseError, fail, finding, inputError, ok, sqlstateOf } from './findings.js';
import { readArgument, reasonText } from './input.js';

/**
 * What the store's `createPlan` takes: the core's `createPlan` input, with the protocol given
 * whole or as `{ id, version }` of one of the store's protocols.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * import { protocols } from 'smp-protocol';
 * import { createStore, migrate, type StoreCreatePlanInput } from 'smp-protocol/postgres';
 * const client = new PGlite();
 * await migrate(client);
 * const store = createStore({ client, protocols: Object.values(protocols) });
 * const input: StoreCreatePlanInput = { id: 'plan-1', clientId: 'c-9', protocol: { id: 'standard', version: 1 }, timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' };
 * const out = await store.createPlan(input);
 * out.ok && [out.value.status, out.value.version]; // ['draft', 0]
 * ```
 */
export type StoreCreatePlanInput = Omit<CreatePlanInput, 'protocol'> & { protocol: Protocol | { id: string; version: number } };

/**
 * One outbox row as `claimOutbox` hands it out. `kind` is `reminder` (the payload is a
 * `Reminder`, due at its `dueAt`) or `calendar` (the payload is `{ action: 'create' | 'update' |
 * 'cancel', entry: CalendarEntry }`, due at once). `id` is stable per job.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * import { protocols } from 'smp-protocol';
 * import { createStore, migrate } from 'smp-protocol/postgres';
 * const client = new PGlite(); await migrate(client);
 * const store = createStore({ client, protocols: Object.values(protocols) });
 * await store.createPlan({ id: 'plan-1', clientId: 'c-9', protocol: { id: 'standard', version: 1 }, timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * await store.append('plan-1', { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' });
 * const jobs = await store.claimOutbox('worker-1', 1);
 * jobs.ok && jobs.value[0]; // { id: 'plan-1/1/preparation/no-hair-dye', planId: 'plan-1', kind: 'reminder', dueAt: '2026-03-09T10:00:00Z', payload: { … }, attempts: 1 }
 * ```
 */
export interface OutboxJob {
  /** Stable job id (`planId/…`). */
  readonly id: string;
  /** The plan it belongs to. */
  readonly planId: string;
  /** `reminder` or `calendar`. */
  readonly kind: 'reminder' | 'calendar';
  /** When it became due (UTC). */
  readonly dueAt: string;
  /** What to do. */
  readonly payload: unknown;
  /** How many times it was claimed, this claim included. */
  readonly attempts: number;
}

/**
 * Options of {@link createStore}.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * import { protocols } from 'smp-protocol';
 * import { createStore, migrate, type StoreOptions } from 'smp-protocol/postgres';
 * const options: StoreOptions = { client: new PGlite(), protocols: Object.values(protocols) };
 * await migrate(options.client);
 * const store = createStore(options);
 * (await store.load('plan-9')).findings[0]?.code; // 'PLAN_NOT_FOUND'
 * ```
 */
export interface StoreOptions {
  /** Any client with `query(text, params) → { rows }`. */
  client: SqlClient;
  /** The protocols plans may follow (matched by id and version). */
  protocols: readonly Protocol[];
  /** The clock (default: the real one). Outbox due times and back-off count from it. */
  now?: () => Date;
  /** Reminder settings passed to `planChanges`. */
  reminders?: PlanChangesOptions['reminders'];
  /** Appends without `expectedVersion` that lose a race are re-read and re-applied up to this many attempts (default 50). */
  maxAttempts?: number;
  /** A claimed job not completed or failed within this many seconds is handed out again (default 300). */
  leaseSeconds?: number;
  /** A job failed this many times is `dead` and never handed out again (default 10). */
  maxJobAttempts?: number;
  /**
   * How many plans to keep parsed in memory (default 1000; 0 turns it off). A read still asks the
   * database for the plan's version and fetches the plan only when it moved, so this is safe as
   * long as plan rows are written only by this store.
   */
  cachePlans?: number;
}

/**
 * The store {@link createStore} returns. Every method resolves to an `Outcome`; none rejects.
 *
 * @example
 * ```ts
 * import type { Store } from 'smp-protocol/postgres';
 * declare const store: Store;
 * const out = await store.load('plan-1');
 * out.ok ? out.value.version : out.findings[0]?.code; // e.g. 3, or 'PLAN_NOT_FOUND'
 * ```
 */
export interface Store {
  /** The protocols the store was configured with. */
  readonly protocols: readonly Protocol[];
  /** Creates a plan; the same input again returns the stored plan, a different one `PLAN_EXISTS`. */
  createPlan(input: unknown): Promise<Outcome<Plan>>;
  /** The plan, or `PLAN_NOT_FOUND`. */
  load(planId: unknown): Promise<Outcome<Plan>>;
  /** Applies an event and writes the plan, the event and its outbox rows in one statement. */
  append(planId: unknown, event: unknown, options?: { expectedVersion?: number }): Promise<Outcome<Plan>>;
  /** Hands up to `limit` due jobs to `worker`; a job goes to one worker at a time. */
  claimOutbox(worker: unknown, limit?: unknown): Promise<Outcome<OutboxJob[]>>;
  /** Marks a claimed job done. */
  completeOutbox(id: unknown): Promise<Outcome<{ id: string }>>;
  /** Records a failure: the job is due again after a back-off (30 s doubling, at most 6 h), or `dead` after the last attempt. */
  failOutbox(id: unknown, reason?: unknown): Promise<Outcome<{ id: string; status: 'pending' | 'dead'; attempts: number; dueAt: string }>>;
}

const ID = /^[\x21-\x7e](?:[\x20-\x7e]{0,198}[\x21-\x7e])?$/;

function idArgument(value: unknown, path: string): Outcome<string> {
  if (typeof value === 'string' && ID.test(value)) return ok(value);
  return fail([inputError([path], 'must be an id: 1 to 200 printable ASCII characters')]);
}

/** JSON with object keys sorted: jsonb does not keep key order, so compare this way. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function jsonValue(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

function utc(ms: number): string {
  const text = new Date(ms).toISOString();
  return text.endsWith('.000Z') ? `${text.slice(0, -5)}Z` : text;
}

interface OutboxRow {
  id: string;
  kind: 'reminder' | 'calendar';
  due_at: string;
  payload: unknown;
}

/** The outbox rows for a change: reminders due when they should be sent, calendar jobs due now. */
function outboxRows(plan: Plan, changes: PlanChanges, nowIso: string): { rows: OutboxRow[]; cancel: string[] } {
  const rows: OutboxRow[] = changes.reminders.schedule.map((r) => ({ id: r.id, kind: 'reminder', due_at: r.dueAt, payload: r }));
  const calendar = [
    ...changes.calendar.create.map((entry) => ({ action: 'create' as const, entry })),
    ...changes.calendar.update.map((entry) => ({ action: 'update' as const, entry })),
    ...changes.calendar.cancel.map((entry) => ({ action: 'cancel' as const, entry })),
  ];
  for (const c of calendar) rows.push({ id: `${c.entry.id}@${plan.version}`, kind: 'calendar', due_at: nowIso, payload: c });
  return { rows, cancel: changes.reminders.cancel.map((r) => r.id) };
}

/**
 * One statement writes the plan row (only if it is still at the version read), the event row and
 * the outbox rows from that update's RETURNING, and cancels stale reminders: all or nothing.
 */
const APPEND = `
WITH upd AS (
  UPDATE smp_plans SET plan = $3::jsonb, version = $4, updated_at = $5::timestamptz
  WHERE id = $1 AND version = $2
  RETURNING id
), ev AS (
  INSERT INTO smp_events (plan_id, version, event_id, event, recorded_at)
  SELECT id, $4, $6, $7::jsonb, $5::timestamptz FROM upd
  RETURNING plan_id
), jobs AS (
  INSERT INTO smp_outbox (id, plan_id, kind, due_at, payload, status, attempts, updated_at)
  SELECT j.id, upd.id, j.kind, j.due_at, j.payload, 'pending', 0, $5::timestamptz
  FROM upd, jsonb_to_recordset($8::jsonb) AS j(id text, kind text, due_at timestamptz, payload jsonb)
  ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, due_at = EXCLUDED.due_at, payload = EXCLUDED.payload,
    status = 'pending', attempts = 0, claimed_by = NULL, lease_until = NULL, last_error = NULL, updated_at = EXCLUDED.updated_at
  WHERE smp_outbox.payload IS DISTINCT FROM EXCLUDED.payload OR smp_outbox.due_at IS DISTINCT FROM EXCLUDED.due_at
  RETURNING 1
), gone AS (
  UPDATE smp_outbox SET status = 'cancelled', updated_at = $5::timestamptz
  WHERE plan_id = $1 AND status = 'pending' AND id IN (SELECT jsonb_array_elements_text($9::jsonb)) AND EXISTS (SELECT 1 FROM upd)
  RETURNING 1
)
SELECT (SELECT count(*) FROM upd)::int AS updated, (SELECT count(*) FROM ev)::int AS events,
       (SELECT count(*) FROM jobs)::int AS jobs, (SELECT count(*) FROM gone)::int AS cancelled`;

const CREATE = `
WITH ins AS (
  INSERT INTO smp_plans (id, version, protocol_id, protocol_version, plan, initial, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5::jsonb, $5::jsonb, $6::timestamptz, $6::timestamptz)
  ON CONFLICT (id) DO NOTHING
  RETURNING id
), jobs AS (
  INSERT INTO smp_outbox (id, plan_id, kind, due_at, payload, status, attempts, updated_at)
  SELECT j.id, ins.id, j.kind, j.due_at, j.payload, 'pending', 0, $6::timestamptz
  FROM ins, jsonb_to_recordset($7::jsonb) AS j(id text, kind text, due_at timestamptz, payload jsonb)
  ON CONFLICT (id) DO NOTHING
  RETURNING 1
)
SELECT (SELECT count(*) FROM ins)::int AS inserted`;

const CLAIM = `
UPDATE smp_outbox SET status = 'claimed', claimed_by = $1, lease_until = $3::timestamptz, attempts = attempts + 1, updated_at = $2::timestamptz
WHERE id IN (
  SELECT id FROM smp_outbox
  WHERE (status = 'pending' AND due_at <= $2::timestamptz) OR (status = 'claimed' AND lease_until <= $2::timestamptz)
  ORDER BY due_at, id
  LIMIT $4
  FOR UPDATE SKIP LOCKED
)
RETURNING id, plan_id, kind, (extract(epoch FROM due_at) * 1000)::float8 AS due_ms, payload, attempts`;

// Every host this entry runs on (Node, Deno, Bun, workerd) has setTimeout; ES2022's lib does not declare it.
declare const setTimeout: (callback: () => void, ms: number) => unknown;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A store of plans, events and outbox jobs on PostgreSQL (or PGlite, or a PostgreSQL-compatible
 * engine), over any client with `query(text, params) → { rows }`. Run {@link migrate} first.
 *
 * `append(planId, event, { expectedVersion? })` reads the plan, applies the event with the core's
 * `applyEvent`, and writes the plan row (only if it is still at the version read), the event row
 * and the outbox rows `planChanges` asks for in **one statement**. A lost race (no row updated, a
 * unique violation 23505, a serialization failure 40001) is `VERSION_CONFLICT` when the caller gave
 * `expectedVersion`; otherwise the store re-reads and re-applies, up to `maxAttempts`. An event id
 * already recorded is the core's duplicate answer (`DUPLICATE_EVENT`, plan unchanged), never a
 * second row. A database failure is `DATABASE_ERROR` with its SQLSTATE; no method rejects.
 *
 * @param options - the client, the protocols, and optionally the clock and retry settings
 * @returns the store
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * import { protocols } from 'smp-protocol';
 * import { createStore, migrate } from 'smp-protocol/postgres';
 * const client = new PGlite();
 * await migrate(client);
 * const store = createStore({ client, protocols: Object.values(protocols) });
 * await store.createPlan({ id: 'plan-1', clientId: 'c-9', protocol: { id: 'standard', version: 1 },
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * const out = await store.append('plan-1', { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z',
 *   session: 1, start: '2026-03-23T10:00:00Z' });
 * out.ok && out.value.version; // 1
 * (await store.claimOutbox('worker-1', 10)).ok; // true: the calendar entry, due at once
 * ```
 */
export function createStore(options: StoreOptions): Store {
  const problem = storeOptionsProblem(options);
  if (problem !== undefined) return brokenStore(problem);
  try {
    return buildStore(options);
  } catch {
    // A getter or Proxy in the options that throws: the caller's input, not our bug.
    return brokenStore(unreadableOptions());
  }
}

const unreadableOptions = (): Finding =>
  finding('INVALID_INPUT', 'error', { path: 'options', problem: 'unreadable', detail: 'could not be read: reading it threw.' }, [
    'options',
  ]);

/** What is wrong with a store's options (the client, the protocols), or `undefined`. */
function storeOptionsProblem(options: unknown): Finding | undefined {
  try {
    if (typeof options !== 'object' || options === null) return inputError(['options'], 'must be an object { client, protocols }');
    const client: unknown = (options as { client?: unknown }).client;
    if (typeof client !== 'object' || client === null || typeof (client as { query?: unknown }).query !== 'function') {
      return inputError(['options', 'client'], 'must be a SQL client with query(text, params)');
    }
    const protocols: unknown = (options as { protocols?: unknown }).protocols;
    if (!Array.isArray(protocols) || protocols.length > 100)
      return inputError(['options', 'protocols'], 'must be an array of at most 100 protocols');
    return undefined;
  } catch {
    return unreadableOptions();
  }
}

/** A store whose every method answers with `problem`: what `createStore` returns for broken options. */
function brokenStore(problem: Finding): Store {
  const refuse = <T>(): Promise<Outcome<T>> => Promise.resolve({ ok: false, findings: [problem] });
  return Object.freeze({
    protocols: Object.freeze([]),
    createPlan: () => refuse<Plan>(),
    load: () => refuse<Plan>(),
    append: () => refuse<Plan>(),
    claimOutbox: () => refuse<OutboxJob[]>(),
    completeOutbox: () => refuse<{ id: string }>(),
    failOutbox: () => refuse<{ id: string; status: 'pending' | 'dead'; attempts: number; dueAt: string }>(),
  });
}

function buildStore(options: StoreOptions): Store {
  const { client } = options;
  const protocols = Object.freeze([...(Array.isArray(options.protocols) ? options.protocols : [])]);
  const now = typeof options.now === 'function' ? options.now : () => new Date();
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 50));
  const leaseMs = Math.max(1, options.leaseSeconds ?? 300) * 1000;
  const maxJobAttempts = Math.max(1, Math.floor(options.maxJobAttempts ?? 10));
  const cacheSize = Math.max(0, Math.floor(options.cachePlans ?? 1000));
  const changeOptions = (): PlanChangesOptions =>
    options.reminders === undefined ? { protocols } : { protocols, reminders: options.reminders };
  const nowMs = (): number => {
    const d = now();
    const ms = d instanceof Date ? d.getTime() : Number.NaN;
    if (!Number.isFinite(ms)) throw new Error('the store clock returned an invalid Date');
    return ms;
  };

  function protocolOf(ref: { id: string; version: number }): Protocol | undefined {
    return protocols.find((p) => p.id === ref.id && p.version === ref.version);
  }

  // Plans by id at their latest version read or written here: a plan row at a given version never
  // changes (each version is won by one append), so a read at that version skips the transfer and
  // the parse. Bounded, least recently used first out.
  const cache = new Map<string, Plan>();
  const remember = (plan: Plan): void => {
    if (cacheSize === 0) return;
    cache.delete(plan.id);
    cache.set(plan.id, plan);
    if (cache.size > cacheSize) {
      const oldest = cache.keys().next();
      if (oldest.done !== true) cache.delete(oldest.value);
    }
  };

  async function read(planId: string, q: SqlClient = client, lock = false): Promise<Outcome<Plan>> {
    const known = cache.get(planId);
    const r = await q.query(
      `SELECT version, CASE WHEN version = $2 THEN NULL ELSE plan END AS plan FROM smp_plans WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [planId, known?.version ?? -1],
    );
    const row = r.rows[0] as { plan?: unknown; version?: unknown } | undefined;
    if (row === undefined) return fail([finding('PLAN_NOT_FOUND', 'error', { planId })]);
    if (known !== undefined && Number(row.version) === known.version && row.plan === null) return ok(known);
    const parsed = parsePlan(jsonValue(row.plan));
    if (!parsed.ok)
      return fail([
        finding('DATABASE_ERROR', 'error', {
          sqlstate: 'XX001',
          detail: `stored plan ${planId} does not parse: ${parsed.findings[0]?.message ?? ''}`,
        }),
      ]);
    remember(parsed.value);
    return parsed;
  }

  async function guardedDb<T>(body: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
    try {
      return await body();
    } catch (error) {
      return fail([databaseError(error)]);
    }
  }

  return {
    protocols,

    createPlan: (given) =>
      guardedDb(async () => {
        // Read once, limits first: a 100,000-key input is refused before it is spread or parsed.
        const readInput = readArgument(given, '');
        if (!readInput.ok) return fail([readInput.finding]);
        const input = readInput.value;
        if (typeof input !== 'object' || input === null)
          return fail([inputError(['input'], 'must be an object with id, clientId, protocol, timeZone and createdAt')]);
        const ref = (input as { protocol?: unknown }).protocol as { id?: unknown; version?: unknown } | undefined;
        if (ref === null || typeof ref !== 'object' || typeof ref.id !== 'string' || typeof ref.version !== 'number') {
          return fail([inputError(['protocol'], 'is required (a protocol, or its { id, version })')]);
        }
        let protocol = protocolOf({ id: ref.id, version: ref.version });
        if (protocol === undefined) {
          return fail([
            finding('PROTOCOL_MISMATCH', 'error', {
              planProtocol: ref.id,
              planVersion: ref.version,
              protocol: "none of the store's protocols",
              version: 0,
            }),
          ]);
        }
        if ('sessions' in ref) {
          // A whole protocol must be the store's own, not another under the same id and version.
          const given = defineProtocol(ref);
          if (!given.ok) return given;
          if (canonical(given.value) !== canonical(protocol)) {
            return fail([
              inputError(
                ['protocol'],
                `differs from the store's protocol ${ref.id} version ${ref.version}; give { id, version } or the same protocol`,
              ),
            ]);
          }
          protocol = given.value;
        }
        const created = createCorePlan({ ...(input as CreatePlanInput), protocol });
        if (!created.ok) return created;
        const plan = created.value;
        const changes = planChanges(undefined, plan, changeOptions());
        if (!changes.ok) return changes;
        const nowIso = utc(nowMs());
        const { rows } = outboxRows(plan, changes.value, nowIso);
        const r = await client.query(CREATE, [
          plan.id,
          plan.version,
          plan.protocol.id,
          plan.protocol.version,
          JSON.stringify(plan),
          nowIso,
          JSON.stringify(rows),
        ]);
        if (Number((r.rows[0] as { inserted?: unknown } | undefined)?.inserted) === 1) return ok(plan, created.findings);
        const existing = await client.query('SELECT initial FROM smp_plans WHERE id = $1', [plan.id]);
        const initial = (existing.rows[0] as { initial?: unknown } | undefined)?.initial;
        if (initial !== undefined && canonical(jsonValue(initial)) === canonical(plan)) return read(plan.id);
        return fail([finding('PLAN_EXISTS', 'error', { planId: plan.id })]);
      }),

    load: (planId) =>
      guardedDb(async () => {
        const id = idArgument(planId, 'planId');
        return id.ok ? read(id.value) : id;
      }),

    append: (planId, givenEvent, givenOptions = {}) =>
      guardedDb(async () => {
        const id = idArgument(planId, 'planId');
        if (!id.ok) return id;
        // Read once, limits first (applyEvent reads the event's copy; a throwing getter is the
        // caller's INVALID_INPUT, never a DATABASE_ERROR).
        const readEvent = readArgument(givenEvent, '');
        if (!readEvent.ok) return fail([readEvent.finding]);
        const readOptions = readArgument(givenOptions, 'options');
        if (!readOptions.ok) return fail([readOptions.finding]);
        const event = readEvent.value;
        const appendOptions = readOptions.value;
        const expected = (appendOptions as { expectedVersion?: unknown } | null)?.expectedVersion;
        if (expected !== undefined && !(Number.isInteger(expected) && (expected as number) >= 0)) {
          return fail([inputError(['options', 'expectedVersion'], 'must be a whole number ≥ 0')]);
        }
        let lastRead = -1;
        type Attempt = { done: true; outcome: Outcome<Plan> } | { done: false };
        const once = async (q: SqlClient, lock: boolean): Promise<Attempt> => {
          const current = await read(id.value, q, lock);
          if (!current.ok) return { done: true, outcome: current };
          const plan = current.value;
          lastRead = plan.version;
          const protocol = protocolOf(plan.protocol);
          if (protocol === undefined) {
            return {
              done: true,
              outcome: fail([
                finding('PROTOCOL_MISMATCH', 'error', {
                  planProtocol: plan.protocol.id,
                  planVersion: plan.protocol.version,
                  protocol: "none of the store's protocols",
                  version: 0,
                }),
              ]),
            };
          }
          const applied = applyEvent(
            plan,
            event,
            expected === undefined ? { protocol } : { protocol, expectedVersion: expected as number },
          );
          if (!applied.ok) return { done: true, outcome: applied };
          const next = applied.value;
          if (next.version === plan.version) return { done: true, outcome: applied }; // a duplicate: nothing to write
          const recorded = next.history[next.history.length - 1];
          if (recorded === undefined)
            return { done: true, outcome: fail([finding('INTERNAL_ERROR', 'error', { detail: 'applied plan has no history' })]) };
          const changes = planChanges(plan, next, changeOptions());
          if (!changes.ok) return { done: true, outcome: changes };
          const nowIso = utc(nowMs());
          const { rows, cancel } = outboxRows(next, changes.value, nowIso);
          const r = await q.query(APPEND, [
            id.value,
            plan.version,
            JSON.stringify(next),
            next.version,
            nowIso,
            recorded.id,
            JSON.stringify(recorded),
            JSON.stringify(rows),
            JSON.stringify(cancel),
          ]);
          if (Number((r.rows[0] as { updated?: unknown } | undefined)?.updated) !== 1) return { done: false };
          remember(next);
          return { done: true, outcome: applied };
        };
        for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
          // The first attempt is optimistic (two statements, no lock). After a lost race, without
          // expectedVersion, a client with its own transaction scope reads the row FOR UPDATE, so
          // contending writers queue instead of retrying; the write is the same one statement.
          const lock = attempt > 1 && expected === undefined && hasTransactionScope(client);
          let result: Attempt;
          try {
            result = lock ? await transactionScope(client, (tx) => once(tx, true)) : await once(client, false);
          } catch (error) {
            const state = sqlstateOf(error);
            if (state !== '23505' && state !== '40001' && state !== '40P01') throw error;
            result = { done: false };
          }
          if (result.done) return result.outcome;
          // Lost a race: with expectedVersion the core answers on the re-read (VERSION_CONFLICT, or
          // the duplicate answer when our own retry won); without it, re-read and re-apply after a
          // short, jittered pause.
          if (!lock && attempt < maxAttempts) await sleep(Math.random() * Math.min(100, 2 ** attempt));
        }
        let actual = lastRead;
        const r = await client.query('SELECT version FROM smp_plans WHERE id = $1', [id.value]);
        actual = Number((r.rows[0] as { version?: unknown } | undefined)?.version ?? actual);
        return fail([
          finding('VERSION_CONFLICT', 'error', {
            expected: expected === undefined ? lastRead : (expected as number),
            actual,
            attempts: maxAttempts,
          }),
        ]);
      }),

    claimOutbox: (worker, limit = 10) =>
      guardedDb(async () => {
        const w = idArgument(worker, 'worker');
        if (!w.ok) return w;
        if (!(Number.isInteger(limit) && (limit as number) >= 1 && (limit as number) <= 1000))
          return fail([inputError(['limit'], 'must be a whole number from 1 to 1000')]);
        const t = nowMs();
        const r = await client.query(CLAIM, [w.value, utc(t), utc(t + leaseMs), limit]);
        const jobs: OutboxJob[] = (
          r.rows as { id: string; plan_id: string; kind: string; due_ms: unknown; payload: unknown; attempts: unknown }[]
        ).map((row) => ({
          id: row.id,
          planId: row.plan_id,
          kind: row.kind === 'calendar' ? 'calendar' : 'reminder',
          dueAt: utc(Number(row.due_ms)),
          payload: jsonValue(row.payload),
          attempts: Number(row.attempts),
        }));
        jobs.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        return ok(jobs);
      }),

    completeOutbox: (jobId) =>
      guardedDb(async () => {
        const id = idArgument(jobId, 'id');
        if (!id.ok) return id;
        const r = await client.query(
          `UPDATE smp_outbox SET status = 'done', lease_until = NULL, last_error = NULL, updated_at = $2::timestamptz WHERE id = $1 AND status = 'claimed' RETURNING id`,
          [id.value, utc(nowMs())],
        );
        if (r.rows.length === 1) return ok({ id: id.value });
        return fail([inputError(['id'], `is not a claimed outbox job (${JSON.stringify(id.value)})`)]);
      }),

    failOutbox: (jobId, reason) =>
      guardedDb(async () => {
        const id = idArgument(jobId, 'id');
        if (!id.ok) return id;
        // Never refused, never walked past a small bound: a worker records its failure whatever it holds.
        const why = reasonText(reason);
        const r = await client.query(
          `UPDATE smp_outbox SET
             status = CASE WHEN attempts >= $3 THEN 'dead' ELSE 'pending' END,
             due_at = $2::timestamptz + least(30 * power(2, greatest(attempts, 1) - 1), 21600) * interval '1 second',
             lease_until = NULL, last_error = $4, updated_at = $2::timestamptz
           WHERE id = $1 AND status = 'claimed'
           RETURNING id, status, attempts, (extract(epoch FROM due_at) * 1000)::float8 AS due_ms`,
          [id.value, utc(nowMs()), maxJobAttempts, why],
        );
        const row = r.rows[0] as { status?: unknown; attempts?: unknown; due_ms?: unknown } | undefined;
        if (row === undefined) return fail([inputError(['id'], `is not a claimed outbox job (${JSON.stringify(id.value)})`)]);
        return ok({
          id: id.value,
          status: row.status === 'dead' ? 'dead' : 'pending',
          attempts: Number(row.attempts),
          dueAt: utc(Number(row.due_ms)),
        });
      }),
  };
}
