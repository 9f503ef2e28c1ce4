/**
 * The PostgreSQL store on PGlite and on a real PostgreSQL (pg.Pool): concurrency (optimistic
 * versions, retries, duplicates), the outbox written atomically with its event, claims by several
 * workers, back-off, idempotent creation and migration, and database errors as findings.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { protocols, standardProtocol, type Outcome, type Plan } from 'smp-protocol';
import { createStore, migrate, type SqlClient, type Store } from 'smp-protocol/postgres';
import { backends } from './stores.js';

const all = Object.values(protocols);
const input = (id: string) => ({
  id,
  clientId: 'client-1',
  protocol: { id: 'standard', version: 1 },
  timeZone: 'Europe/London',
  createdAt: '2026-03-01T09:00:00Z',
});
const book = (id: string, start = '2026-03-23T10:00:00Z') => ({ id, type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start });
/** A reschedule of session 1, always accepted: a different quarter hour in April per n. */
const move = (id: string, n: number) => ({
  id,
  type: 'sessionRescheduled',
  at: '2026-03-01T09:00:00Z',
  session: 1,
  start: new Date(Date.parse('2026-04-01T08:00:00Z') + n * 15 * 60_000).toISOString(),
});
const codes = (o: Outcome<unknown>): string[] => o.findings.map((f) => f.code);
const rowsOf = async (c: SqlClient, sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows as Record<string, unknown>[];

describe('the shipped SQL file', () => {
  it('has the same statements as migrate()', async () => {
    const { migration1 } = await import('../../src/postgres/migrations.js');
    const file = readFileSync(new URL('../../sql/001-init.sql', import.meta.url), 'utf8')
      .replace(/--.*$/gm, '')
      .split(';')
      .map((s) => s.replace(/\s+/g, ' ').trim())
      .filter((s) => s.length > 0);
    expect(file).toEqual(migration1.map((s) => s.replace(/\s+/g, ' ').trim()));
  });
});

describe('a client that fails', () => {
  it('turns thrown driver errors into DATABASE_ERROR with the SQLSTATE, never a rejection', async () => {
    const broken: SqlClient = { query: () => Promise.reject(Object.assign(new Error('terminating connection'), { code: '57P01' })) };
    const store = createStore({ client: broken, protocols: all });
    const out = await store.load('plan-1');
    expect(out.ok ? [] : out.findings.map((f) => [f.code, f.params?.sqlstate])).toEqual([['DATABASE_ERROR', '57P01']]);
    const appended = await store.append('plan-1', book('e1'));
    expect(codes(appended)).toEqual(['DATABASE_ERROR']);
    const offline = createStore({ client: { query: () => Promise.reject(new Error('ECONNREFUSED')) }, protocols: all });
    expect((await offline.claimOutbox('w', 5)).findings[0]?.params?.sqlstate).toBe('08000');
    expect(codes(await migrate(broken))).toEqual(['DATABASE_ERROR']);
  });
});

for (const backend of backends) {
  describe.skipIf(backend.skip !== undefined)(`store on ${backend.name}`, () => {
    let client: SqlClient;
    let raw: SqlClient;
    let close: () => Promise<void> = async () => {};
    let clock = Date.parse('2026-03-01T09:00:00Z');
    const now = () => new Date(clock);
    let store: Store;

    beforeAll(async () => {
      const opened = await backend.open();
      client = opened.client;
      raw = opened.raw;
      close = opened.close;
      const first = await migrate(client);
      expect(first).toEqual({ ok: true, value: { version: 1 }, findings: [] });
      expect(await migrate(client)).toEqual(first);
    }, 120_000);
    afterAll(() => close(), 60_000);
    beforeEach(async () => {
      await raw.query('DROP TRIGGER IF EXISTS smp_fail_outbox ON smp_outbox', []);
      await raw.query('TRUNCATE smp_outbox, smp_events, smp_plans', []);
      clock = Date.parse('2026-03-01T09:00:00Z');
      store = createStore({ client, protocols: all, now });
    });

    it('migrate is recorded once, by version', async () => {
      expect(await rowsOf(raw, 'SELECT version FROM smp_migrations')).toEqual([{ version: 1 }]);
    });

    it('creates, loads, appends; the same create is idempotent, a different one PLAN_EXISTS; unknown plan PLAN_NOT_FOUND', async () => {
      const created = await store.createPlan(input('plan-1'));
      expect(created.ok && created.value.version).toBe(0);
      const again = await store.createPlan(input('plan-1'));
      expect(again.ok && again.value.id).toBe('plan-1');
      const other = await store.createPlan({ ...input('plan-1'), clientId: 'someone-else' });
      expect(codes(other)).toEqual(['PLAN_EXISTS']);
      const whole = await store.createPlan({ ...input('plan-w'), protocol: standardProtocol });
      expect(whole.ok).toBe(true);
      expect(codes(await store.createPlan({ ...input('plan-x'), protocol: { id: 'nope', version: 1 } }))).toEqual(['PROTOCOL_MISMATCH']);
      expect(codes(await store.load('missing'))).toEqual(['PLAN_NOT_FOUND']);
      expect((await store.load('missing')).findings[0]?.params).toEqual({ planId: 'missing' });
      expect(codes(await store.append('missing', book('e1')))).toEqual(['PLAN_NOT_FOUND']);
      const appended = await store.append('plan-1', book('e1'));
      expect(appended.ok && appended.value.sessions[0]?.booking).toEqual({
        start: '2026-03-23T10:00:00Z',
        end: '2026-03-23T14:00:00+00:00',
      });
      const loaded = await store.load('plan-1');
      expect(loaded.ok && loaded.value).toEqual(appended.ok && appended.value);
      // refused by the rules: nothing written
      const refused = await store.append('plan-1', { ...book('e2'), session: 3 });
      expect(codes(refused)).toContain('SESSION_OUT_OF_ORDER');
      expect(await rowsOf(raw, 'SELECT event_id, version FROM smp_events ORDER BY version')).toEqual([{ event_id: 'e1', version: 1 }]);
      // an appended event's outbox rows: the calendar job and the reminders, due as planChanges says
      const jobs = await rowsOf(raw, "SELECT id, kind, status FROM smp_outbox WHERE id LIKE 'plan-1/1/appointment%' ORDER BY id");
      expect(jobs).toEqual([
        { id: 'plan-1/1/appointment/120m', kind: 'reminder', status: 'pending' },
        { id: 'plan-1/1/appointment/2880m', kind: 'reminder', status: 'pending' },
        { id: 'plan-1/1/appointment@1', kind: 'calendar', status: 'pending' },
      ]);
    });

    it('20 concurrent writers with expectedVersion: each version won by exactly one, the rest VERSION_CONFLICT, no lost update', async () => {
      await store.createPlan(input('plan-c'));
      await store.append('plan-c', book('b0'));
      const wins: number[] = [];
      let conflicts = 0;
      let other = 0;
      const writer = async (w: number): Promise<void> => {
        for (let round = 0; round < 4; round += 1) {
          const current = await store.load('plan-c');
          if (!current.ok) throw new Error('load');
          const out = await store.append('plan-c', move(`w${w}-r${round}`, w * 10 + round), { expectedVersion: current.value.version });
          if (out.ok) wins.push(out.value.version);
          else if (codes(out).join() === 'VERSION_CONFLICT') conflicts += 1;
          else other += 1;
        }
      };
      await Promise.all(Array.from({ length: 20 }, (_, w) => writer(w)));
      expect(other).toBe(0);
      expect(wins.length + conflicts).toBe(80);
      expect(wins.length).toBeGreaterThan(0);
      expect(conflicts).toBeGreaterThan(0);
      // each version won by exactly one writer, contiguous from 2
      expect([...wins].sort((a, b) => a - b)).toEqual(Array.from({ length: wins.length }, (_, i) => i + 2));
      const final = await store.load('plan-c');
      expect(final.ok && final.value.version).toBe(wins.length + 1);
      const events = await rowsOf(raw, "SELECT version FROM smp_events WHERE plan_id = 'plan-c' ORDER BY version");
      expect(events.map((e) => e.version)).toEqual(Array.from({ length: wins.length + 1 }, (_, i) => i + 1));
      expect(final.ok && final.value.history.length).toBe(events.length);
    }, 60_000);

    it('without expectedVersion, 500 appends from 20 clients all land exactly once', async () => {
      // Five plans, so a plan's history (and the JSON rewritten per append) stays at 100 events;
      // each plan still has four writers at once, and every client writes to every plan.
      const plans = ['plan-m0', 'plan-m1', 'plan-m2', 'plan-m3', 'plan-m4'];
      for (const p of plans) {
        await store.createPlan(input(p));
        await store.append(p, book('b0'));
      }
      // Independent stores: 20 clients with caches of their own, as 20 serverless instances would be.
      const clients = Array.from({ length: 20 }, () => createStore({ client, protocols: all, now }));
      const results = await Promise.all(
        clients.map(async (s, c) => {
          const outs: Outcome<Plan>[] = [];
          for (let i = 0; i < 25; i += 1) outs.push(await s.append(plans[(c + i) % 5] ?? '', move(`c${c}-${i}`, c * 25 + i)));
          return outs;
        }),
      );
      const flat = results.flat();
      expect(flat.filter((o) => !o.ok).map(codes)).toEqual([]);
      expect(flat.every((o) => o.findings.every((f) => f.code !== 'DUPLICATE_EVENT'))).toBe(true);
      for (const p of plans) {
        const final = await store.load(p);
        expect(final.ok && final.value.version).toBe(101);
      }
      const ids = await rowsOf(
        raw,
        "SELECT count(*)::int AS n, count(DISTINCT (plan_id, event_id))::int AS d FROM smp_events WHERE plan_id LIKE 'plan-m%'",
      );
      expect(ids).toEqual([{ n: 505, d: 505 }]);
      const gaps = await rowsOf(
        raw,
        "SELECT plan_id, count(*)::int AS n, max(version) AS top FROM smp_events WHERE plan_id LIKE 'plan-m%' GROUP BY plan_id HAVING count(*) <> max(version)",
      );
      expect(gaps).toEqual([]);
    }, 120_000);

    it('the same event id retried 10 times concurrently: one event row, nine duplicates', async () => {
      await store.createPlan(input('plan-d'));
      const outs = await Promise.all(Array.from({ length: 10 }, () => store.append('plan-d', book('same-id'))));
      expect(outs.every((o) => o.ok && o.value.version === 1)).toBe(true);
      expect(outs.filter((o) => codes(o).includes('DUPLICATE_EVENT'))).toHaveLength(9);
      expect(await rowsOf(raw, "SELECT count(*)::int AS n FROM smp_events WHERE plan_id = 'plan-d'")).toEqual([{ n: 1 }]);
      // the same id with expectedVersion too: the duplicate answer, not VERSION_CONFLICT
      const late = await store.append('plan-d', book('same-id'), { expectedVersion: 0 });
      expect(codes(late)).toEqual(['DUPLICATE_EVENT']);
    }, 60_000);

    it('the outbox rows are written with their event or not at all (a failing outbox insert)', async () => {
      await store.createPlan(input('plan-a'));
      await raw.query(
        `CREATE OR REPLACE FUNCTION smp_fail_outbox() RETURNS trigger AS $$ BEGIN
           IF NEW.id LIKE '%/appointment/120m' THEN RAISE EXCEPTION 'outbox refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
        [],
      );
      await raw.query('CREATE TRIGGER smp_fail_outbox BEFORE INSERT ON smp_outbox FOR EACH ROW EXECUTE FUNCTION smp_fail_outbox()', []);
      const out = await store.append('plan-a', book('e1'));
      expect(out.ok ? [] : out.findings.map((f) => [f.code, f.params?.sqlstate])).toEqual([['DATABASE_ERROR', 'P0001']]);
      expect(await rowsOf(raw, "SELECT count(*)::int AS n FROM smp_events WHERE plan_id = 'plan-a'")).toEqual([{ n: 0 }]);
      expect(await rowsOf(raw, "SELECT count(*)::int AS n FROM smp_outbox WHERE plan_id = 'plan-a'")).toEqual([{ n: 0 }]);
      expect(await rowsOf(raw, "SELECT version FROM smp_plans WHERE id = 'plan-a'")).toEqual([{ version: 0 }]);
      await raw.query('DROP TRIGGER smp_fail_outbox ON smp_outbox', []);
      const retried = await store.append('plan-a', book('e1'));
      expect(retried.ok && retried.value.version).toBe(1);
      expect((await rowsOf(raw, "SELECT count(*)::int AS n FROM smp_outbox WHERE plan_id = 'plan-a'"))[0]?.n).toBeGreaterThan(2);
    });

    it('a reschedule moves the stale reminders, a re-run never doubles a job, a cancellation cancels them', async () => {
      await store.createPlan(input('plan-r'));
      await store.append('plan-r', book('e1'));
      await store.append('plan-r', { ...move('e2', 0), start: '2026-03-24T10:00:00Z' });
      const r = await rowsOf(
        raw,
        "SELECT (extract(epoch FROM due_at) * 1000)::float8 AS due, status FROM smp_outbox WHERE id = 'plan-r/1/appointment/120m'",
      );
      expect(r).toEqual([{ due: Date.parse('2026-03-24T08:00:00Z'), status: 'pending' }]);
      expect((await rowsOf(raw, "SELECT count(*)::int AS n FROM smp_outbox WHERE id LIKE 'plan-r/1/appointment@%'"))[0]?.n).toBe(2);
      await store.append('plan-r', { id: 'e3', type: 'sessionCancelled', at: '2026-03-02T09:00:00Z', session: 1 });
      const statuses = await rowsOf(
        raw,
        "SELECT status, count(*)::int AS n FROM smp_outbox WHERE plan_id = 'plan-r' AND kind = 'reminder' GROUP BY status",
      );
      expect(statuses.map((s) => s.status)).toEqual(['cancelled']);
    });

    it('4 workers claiming concurrently never claim a row twice; completion and back-off', async () => {
      for (let p = 0; p < 8; p += 1) {
        await store.createPlan(input(`plan-w${p}`));
        await store.append(`plan-w${p}`, book(`e${p}`, `2026-03-${String(10 + p)}T10:00:00Z`));
      }
      const total = (await rowsOf(raw, "SELECT count(*)::int AS n FROM smp_outbox WHERE status = 'pending'"))[0]?.n as number;
      expect(total).toBeGreaterThanOrEqual(8 * 4);
      // calendar jobs are due at once; reminders when they should be sent
      const dueNow = await store.claimOutbox('peek', 1000);
      const claimed = dueNow.ok ? dueNow.value : [];
      expect(claimed.filter((j) => j.kind === 'calendar')).toHaveLength(8);
      expect(claimed.every((j) => j.kind === 'calendar' || Date.parse(j.dueAt) <= clock)).toBe(true);
      for (const j of dueNow.ok ? dueNow.value : []) expect((await store.completeOutbox(j.id)).ok).toBe(true);
      clock = Date.parse('2026-06-01T00:00:00Z');
      const seen = new Map<string, string>();
      let twice = 0;
      const worker = async (name: string): Promise<void> => {
        for (;;) {
          const out = await store.claimOutbox(name, 3);
          if (!out.ok) throw new Error(out.findings[0]?.message);
          if (out.value.length === 0) return;
          for (const job of out.value) {
            if (seen.has(job.id)) twice += 1;
            seen.set(job.id, name);
            expect(job.attempts).toBe(1);
            expect((await store.completeOutbox(job.id)).ok).toBe(true);
          }
        }
      };
      await Promise.all(['w1', 'w2', 'w3', 'w4'].map(worker));
      expect(twice).toBe(0);
      expect(seen.size).toBe(total - claimed.length);
      expect(await rowsOf(raw, 'SELECT DISTINCT status FROM smp_outbox')).toEqual([{ status: 'done' }]);
    }, 60_000);

    it('failOutbox backs off 30 s, then 60 s; a lapsed lease is handed out again; dead after the last attempt', async () => {
      store = createStore({ client, protocols: all, now, maxJobAttempts: 3, leaseSeconds: 60 });
      await store.createPlan(input('plan-f'));
      await store.append('plan-f', book('e1'));
      const first = await store.claimOutbox('w1', 10);
      const job = first.ok ? first.value[0] : undefined;
      expect(job?.id).toBe('plan-f/1/appointment@1');
      expect(job?.dueAt).toBe('2026-03-01T09:00:00Z');
      expect(job?.payload).toMatchObject({ action: 'create', entry: { id: 'plan-f/1/appointment', sequence: 0 } });
      const failed = await store.failOutbox('plan-f/1/appointment@1', 'calendar API 503');
      expect(failed).toEqual({
        ok: true,
        value: { id: 'plan-f/1/appointment@1', status: 'pending', attempts: 1, dueAt: '2026-03-01T09:00:30Z' },
        findings: [],
      });
      expect(codes(await store.failOutbox('plan-f/1/appointment@1', 'again'))).toEqual(['INVALID_INPUT']);
      expect((await store.claimOutbox('w1', 10)).ok && (await store.claimOutbox('w1', 10))).toMatchObject({ value: [] });
      clock += 30_000;
      const second = await store.claimOutbox('w2', 10);
      expect(second.ok && second.value.map((j) => [j.id, j.attempts])).toEqual([['plan-f/1/appointment@1', 2]]);
      // w2 dies: after the 60 s lease the job is handed out again
      clock += 59_000;
      expect((await store.claimOutbox('w3', 10)).ok && (await store.claimOutbox('w3', 10))).toMatchObject({ value: [] });
      clock += 1_000;
      const third = await store.claimOutbox('w3', 10);
      expect(third.ok && third.value.map((j) => j.attempts)).toEqual([3]);
      const dead = await store.failOutbox('plan-f/1/appointment@1', 'still down');
      expect(dead.ok && dead.value.status).toBe('dead');
      clock += 86_400_000;
      const none = await store.claimOutbox('w4', 10);
      expect(none.ok && none.value.filter((j) => j.kind === 'calendar')).toEqual([]);
      expect(codes(await store.completeOutbox('nope'))).toEqual(['INVALID_INPUT']);
      expect(codes(await store.claimOutbox('w', 0))).toEqual(['INVALID_INPUT']);
    });
  });
}
