/**
 * The store's schema as SQL statements, the same as the shipped `sql/001-init.sql` (a test keeps
 * them equal), and `migrate(client)` that applies them.
 * @module
 */
import type { Outcome } from 'smp-protocol';
import { databaseError, ok, fail } from './findings.js';
import type { SqlClient } from './client.js';
import { transactionScope } from './client.js';

/**
 * Migration 1, one statement per entry (PGlite's `query()` refuses several statements in one
 * string). Plain DDL: no PL/pgSQL, so PostgreSQL-compatible engines accept it.
 * @internal
 */
export const migration1: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS smp_migrations (
  version integer PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
)`,
  `CREATE TABLE IF NOT EXISTS smp_plans (
  id text PRIMARY KEY,
  version integer NOT NULL,
  protocol_id text NOT NULL,
  protocol_version integer NOT NULL,
  plan jsonb NOT NULL,
  initial jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
)`,
  `CREATE TABLE IF NOT EXISTS smp_events (
  plan_id text NOT NULL REFERENCES smp_plans (id),
  version integer NOT NULL,
  event_id text NOT NULL,
  event jsonb NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (plan_id, version),
  UNIQUE (plan_id, event_id)
)`,
  `CREATE TABLE IF NOT EXISTS smp_outbox (
  id text PRIMARY KEY,
  plan_id text NOT NULL REFERENCES smp_plans (id),
  kind text NOT NULL,
  due_at timestamptz NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  attempts integer NOT NULL DEFAULT 0,
  claimed_by text,
  lease_until timestamptz,
  last_error text,
  updated_at timestamptz NOT NULL
)`,
  `CREATE INDEX IF NOT EXISTS smp_outbox_due ON smp_outbox (status, due_at)`,
  `CREATE INDEX IF NOT EXISTS smp_outbox_plan ON smp_outbox (plan_id)`,
  `INSERT INTO smp_migrations (version) VALUES (1) ON CONFLICT (version) DO NOTHING`,
];

/** The migrations in order: version and statements. */
const migrations: readonly { version: number; statements: readonly string[] }[] = [{ version: 1, statements: migration1 }];

/**
 * The schema version `migrate` brings a database to.
 *
 * @example
 * ```ts
 * import { schemaVersion } from 'smp-protocol/postgres';
 * schemaVersion; // 1
 * ```
 */
export const schemaVersion = 1;

/**
 * Creates or upgrades the store's tables (`smp_plans`, `smp_events`, `smp_outbox`,
 * `smp_migrations`). Idempotent: each migration runs once, recorded by version, every statement
 * is `IF NOT EXISTS`. Statements are sent one by one, inside the driver's own transaction when
 * the client offers one (PGlite's `transaction`, a node-postgres `Pool`'s `connect`).
 *
 * @param client - any client with `query(text, params) → { rows }`
 * @returns the schema version now in place, or `DATABASE_ERROR` with the SQLSTATE
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * import { migrate } from 'smp-protocol/postgres';
 * const out = await migrate(new PGlite());
 * out; // { ok: true, value: { version: 1 }, findings: [] }
 * ```
 */
export async function migrate(client: SqlClient): Promise<Outcome<{ version: number }>> {
  try {
    let current = 0;
    try {
      const r = await client.query('SELECT max(version) AS v FROM smp_migrations', []);
      current = Number((r.rows[0] as { v?: unknown } | undefined)?.v ?? 0) || 0;
    } catch {
      current = 0; // no table yet
    }
    for (const m of migrations) {
      if (m.version <= current) continue;
      await transactionScope(client, async (tx) => {
        for (const statement of m.statements) await tx.query(statement, []);
      });
    }
    return ok({ version: schemaVersion });
  } catch (error) {
    return fail([databaseError(error)]);
  }
}
