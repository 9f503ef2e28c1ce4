/**
 * `smp-protocol/postgres`: the reference store on PostgreSQL — plans, their append-only events
 * and a transactional outbox of reminders and calendar jobs — over any client with
 * `query(text, params) → { rows }` (node-postgres, PGlite, Neon's serverless driver). No driver is
 * a dependency of this package.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { protocols } from 'smp-protocol';
 * import { createStore, migrate } from 'smp-protocol/postgres';
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool);
 * const store = createStore({ client: pool, protocols: Object.values(protocols) });
 * ```
 *
 * @packageDocumentation
 */
export { createStore } from './store.js';
export type { OutboxJob, Store, StoreCreatePlanInput, StoreOptions } from './store.js';
export { migrate, schemaVersion } from './migrations.js';
export type { SqlClient } from './client.js';
