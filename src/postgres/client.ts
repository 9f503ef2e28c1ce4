/**
 * The one thing the store needs from a driver: `query(text, params) → { rows }`, and, for the
 * migration, the driver's own transaction scope when it has one.
 * @module
 */

/**
 * Any PostgreSQL client: node-postgres `Pool` or `Client`, PGlite, Neon's serverless driver, or a
 * wrapper of your own. Only `query(text, params)` resolving to `{ rows }` is used.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * import type { SqlClient } from 'smp-protocol/postgres';
 * const client: SqlClient = new PGlite(); // or new pg.Pool({ connectionString: process.env.DATABASE_URL })
 * (await client.query('select 1 as one')).rows; // [{ one: 1 }]
 * ```
 */
export interface SqlClient {
  /** Runs one statement with `$1…` parameters. */
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

interface PgliteLike {
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
}
interface PoolLike {
  connect(): Promise<SqlClient & { release(error?: unknown): void }>;
  totalCount: number;
}

function hasTransaction(c: unknown): c is PgliteLike {
  return typeof (c as { transaction?: unknown }).transaction === 'function';
}
function isPool(c: unknown): c is PoolLike {
  return typeof (c as { connect?: unknown }).connect === 'function' && typeof (c as { totalCount?: unknown }).totalCount === 'number';
}

/** Whether the client offers its own transaction scope (PGlite, a node-postgres Pool). @internal */
export function hasTransactionScope(client: SqlClient): boolean {
  return hasTransaction(client) || isPool(client);
}

/**
 * Runs `fn` in the driver's own transaction when the client has one (PGlite's `transaction`;
 * a node-postgres `Pool`: one connection with BEGIN/COMMIT on it, released after); otherwise
 * runs it directly (the statements must then be idempotent one by one, as the migration's are).
 * Never sends BEGIN through a shared `query()`. @internal
 */
export async function transactionScope<T>(client: SqlClient, fn: (tx: SqlClient) => Promise<T>): Promise<T> {
  if (hasTransaction(client)) return client.transaction(fn);
  if (isPool(client)) {
    const conn = await client.connect();
    try {
      await conn.query('BEGIN', []);
      const out = await fn(conn);
      await conn.query('COMMIT', []);
      conn.release();
      return out;
    } catch (error) {
      try {
        await conn.query('ROLLBACK', []);
        conn.release();
      } catch (rollbackError) {
        conn.release(rollbackError);
      }
      throw error;
    }
  }
  return fn(client);
}
