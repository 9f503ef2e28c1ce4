/**
 * `smp-protocol serve`: the HTTP handler on node:http, over embedded PGlite (a data folder) or a
 * PostgreSQL server (`--database postgres://…`). Self-contained: the CLI's table only registers it.
 * @internal
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { timingSafeEqual } from 'node:crypto';
import { parseArgs } from 'node:util';
import { protocols } from 'smp-protocol';
import { createHandler } from 'smp-protocol/http';
import { createStore, migrate, type SqlClient } from 'smp-protocol/postgres';

const USAGE = `Usage: smp-protocol serve [--database URL] [--data DIR] [--port N] [--host H]

Serves the reference back end over HTTP (routes: GET /openapi.json).
  --database URL  a PostgreSQL server (postgres://…; needs the pg package)
  --data DIR      without --database: the embedded PGlite data folder (default .smp-data;
                  memory:// keeps nothing)
  --port N        default 8787 (0 picks a free port)
  --host H        default 127.0.0.1; another address needs SMP_TOKEN

Requests need "Authorization: Bearer $SMP_TOKEN" when SMP_TOKEN is set.`;

/** A running server. @internal */
export interface Running {
  url: string;
  /** Milliseconds: opening the database (PGlite init or connecting) and migrating. */
  databaseMs: number;
  close(): Promise<void>;
}

/** Options of {@link startServer}. @internal */
export interface ServeOptions {
  database?: string;
  data?: string;
  port: number;
  host: string;
  token?: string;
  log?: (line: string) => void;
}

interface Database {
  client: SqlClient;
  close(): Promise<void>;
}

async function openDatabase(options: ServeOptions): Promise<Database> {
  if (options.database !== undefined) {
    let pg: typeof import('pg').default;
    try {
      pg = (await import('pg')).default;
    } catch {
      throw new Error('--database needs the "pg" package: npm install pg');
    }
    const pool = new pg.Pool({ connectionString: options.database, max: 10 });
    return { client: pool, close: () => pool.end() };
  }
  let mod: typeof import('@electric-sql/pglite');
  try {
    mod = await import('@electric-sql/pglite');
  } catch {
    throw new Error(
      'the embedded database needs "@electric-sql/pglite": npm install @electric-sql/pglite (or give --database postgres://…)',
    );
  }
  // memory:// is PGlite's in-memory database (tests, throw-away demos).
  const dir = options.data?.startsWith('memory://') === true ? options.data : resolve(options.data ?? '.smp-data');
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const db = await mod.PGlite.create(dir);
  return { client: db, close: () => db.close() };
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}

function bearer(token: string): (request: Request) => boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  return (request) => {
    const given = Buffer.from(request.headers.get('authorization') ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
}

function toRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  return new Request(new URL(req.url ?? '/', origin), init);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  headers['content-length'] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body);
}

/** Opens the database, migrates it and listens. @internal */
export async function startServer(options: ServeOptions): Promise<Running> {
  const log = options.log ?? (() => {});
  if (options.token === undefined && !isLoopback(options.host)) {
    throw new Error(`refusing to listen on ${options.host} without SMP_TOKEN: set SMP_TOKEN, or bind 127.0.0.1`);
  }
  const t0 = performance.now();
  const db = await openDatabase(options);
  const migrated = await migrate(db.client);
  if (!migrated.ok) {
    await db.close();
    throw new Error(`migration failed: ${migrated.findings.map((f) => f.message).join('; ')}`);
  }
  const databaseMs = performance.now() - t0;
  const all = Object.values(protocols);
  const store = createStore({ client: db.client, protocols: all });
  const authorize = options.token === undefined ? () => true : bearer(options.token);
  const handler = createHandler({ store, protocols: all, authorize });
  const server = createServer((req, res) => {
    const origin = `http://${req.headers.host ?? `${options.host}:${options.port}`}`;
    handler(toRequest(req, origin))
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(error instanceof Error ? error.message : 'error');
      });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  log(
    `smp-protocol serve: ${url} (${options.database === undefined ? `PGlite in ${options.data?.startsWith('memory://') === true ? options.data : resolve(options.data ?? '.smp-data')}` : 'PostgreSQL'}; database ready in ${Math.round(databaseMs)} ms)`,
  );
  if (options.token === undefined) log('SMP_TOKEN is not set: serving without authorization, on a loopback address only');
  return {
    url,
    databaseMs,
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      await db.close();
    },
  };
}

/** The `serve` command. @internal */
export const serve = {
  summary: 'serve the HTTP API over PGlite or PostgreSQL (node:http)',
  usage: USAGE,
  async run(args: string[]): Promise<number> {
    let values: {
      database?: string | undefined;
      data?: string | undefined;
      port?: string | undefined;
      host?: string | undefined;
      help?: boolean | undefined;
    };
    try {
      values = parseArgs({
        args,
        options: {
          database: { type: 'string' },
          data: { type: 'string' },
          port: { type: 'string' },
          host: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
        strict: true,
      }).values;
    } catch (error) {
      process.stderr.write(`smp-protocol serve: ${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    if (values.help === true) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const port = Number(values.port ?? '8787');
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      process.stderr.write(`smp-protocol serve: --port must be a whole number from 0 to 65535\n`);
      return 2;
    }
    const token = process.env.SMP_TOKEN === undefined || process.env.SMP_TOKEN === '' ? undefined : process.env.SMP_TOKEN;
    const options: ServeOptions = { port, host: values.host ?? '127.0.0.1', log: (line) => process.stdout.write(`${line}\n`) };
    if (values.database !== undefined) options.database = values.database;
    if (values.data !== undefined) options.data = values.data;
    if (token !== undefined) options.token = token;
    let running: Running;
    try {
      running = await startServer(options);
    } catch (error) {
      process.stderr.write(`smp-protocol serve: ${(error as Error).message}\n`);
      return 2;
    }
    await new Promise<void>((done) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        running.close().then(done, done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  },
};
