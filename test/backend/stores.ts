/**
 * The back ends the store tests run on: PGlite (one instance, concurrent callers) and a real
 * PostgreSQL through a node-postgres Pool (skipped outside CI when PostgreSQL is not installed).
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { SqlClient } from 'smp-protocol/postgres';
import { postgresUnavailable, startPostgres, type Cluster } from '../support/postgres.js';

export interface Backend {
  name: string;
  skip: string | undefined;
  open(): Promise<{ client: SqlClient; raw: SqlClient; close(): Promise<void> }>;
}

export const backends: Backend[] = [
  {
    name: 'PGlite',
    skip: undefined,
    async open() {
      const db = await PGlite.create();
      return { client: db, raw: db, close: () => db.close() };
    },
  },
  {
    name: 'PostgreSQL (pg.Pool)',
    skip: postgresUnavailable(),
    async open() {
      const cluster: Cluster = await startPostgres();
      const pool = new pg.Pool({ connectionString: cluster.url, max: 20 });
      return {
        client: pool,
        raw: pool,
        async close() {
          await pool.end();
          cluster.stop();
        },
      };
    },
  },
];
