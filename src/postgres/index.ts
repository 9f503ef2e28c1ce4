/**
 * `smp-protocol/postgres`: the reference store on PostgreSQL — plans, their append-only events
 * and a transactional outbox of reminders and calendar jobs — over any client with
 * `query(text, params) → { rows }` (node-postgres, PGlite, Neon's serverless driver). No driver is
 * a dependency of this package.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * import { protocols } from 'smp-protocol';
 * import { createStore, migrate } from 'smp-protocol/postgres';
 * const client = new PGlite(); // or new pg.Pool({ connectionString: process.env.DATABASE_URL })
 * (await migrate(client)).ok; // true
 * const store = createStore({ client, protocols: Object.values(protocols) });
 * (await store.load('plan-1')).ok; // false: PLAN_NOT_FOUND
 * ```
 *
 * @packageDocumentation
 */
export { createStore } from './store.js';
export type { OutboxJob, Store, StoreCreatePlanInput, StoreOptions } from './store.js';
export { migrate, schemaVersion } from './migrations.js';
export type { SqlClient } from './client.js';
