/**
 * `smp-protocol/http`: the reference back end as one Web-standard handler,
 * `(request: Request) => Promise<Response>`, over the `smp-protocol/postgres` store. It runs
 * unchanged in Cloudflare Workers, Deno, Bun and Node (`smp-protocol serve` puts it on node:http).
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * import { protocols } from 'smp-protocol';
 * import { createHandler } from 'smp-protocol/http';
 * import { createStore, migrate } from 'smp-protocol/postgres';
 * const client = new PGlite(); // or a pg.Pool, or a Neon serverless client behind query(text, params)
 * await migrate(client);
 * const handle = createHandler({ store: createStore({ client, protocols: Object.values(protocols) }), protocols: Object.values(protocols), authorize: () => true });
 * (await handle(new Request('http://localhost/plans/plan-1'))).status; // 404: PLAN_NOT_FOUND
 * ```
 *
 * @packageDocumentation
 */
export { createHandler } from './handler.js';
export type { HandlerOptions } from './handler.js';
export { openApiDocument } from './openapi.js';
