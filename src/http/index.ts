/**
 * `smp-protocol/http`: the reference back end as one Web-standard handler,
 * `(request: Request) => Promise<Response>`, over the `smp-protocol/postgres` store. It runs
 * unchanged in Cloudflare Workers, Deno, Bun and Node (`smp-protocol serve` puts it on node:http).
 *
 * @example
 * ```ts
 * import { protocols } from 'smp-protocol';
 * import { createHandler } from 'smp-protocol/http';
 * import { createStore } from 'smp-protocol/postgres';
 * import { neon } from '@neondatabase/serverless';
 * const all = Object.values(protocols);
 * const store = createStore({ client: { query: (text, params) => neon(process.env.DATABASE_URL ?? "").query(text, params, { fullResults: true }) }, protocols: all });
 * export default { fetch: createHandler({ store, protocols: all, authorize: (r) => r.headers.get('authorization') === `Bearer ${process.env.SMP_TOKEN}` }) };
 * ```
 *
 * @packageDocumentation
 */
export { createHandler } from './handler.js';
export type { HandlerOptions } from './handler.js';
export { openApiDocument } from './openapi.js';
