#!/usr/bin/env node
// A bounded load test of the reference back end, loopback only (npm run load; needs the build).
//
//   1. the store alone (in process): appends per second on PGlite (in memory) and on a throw-away
//      PostgreSQL cluster (when /usr/lib/postgresql/*/bin exists), 10 concurrent writers;
//   2. the HTTP handler through `smp-protocol serve` (node:http) on 127.0.0.1, on PGlite and on
//      PostgreSQL: autocannon with a fixed count of book + forecast pairs (each pair books session 1
//      of a fresh plan, then reads its forecast), 10 connections. Prints requests/s and p99.
//
// Options: --count N (book+forecast pairs per back end, default 1000), --json (machine output).
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { protocols } from '../dist/index.js';
import { createStore, migrate } from '../dist/postgres.js';

const { values } = parseArgs({ options: { count: { type: 'string' }, json: { type: 'boolean' } } });
const COUNT = Number(values.count ?? 1000);
const TOKEN = 'load-test-token';
const all = Object.values(protocols);
const cli = new URL('../dist/cli.js', import.meta.url).pathname;
const log = (line) => process.stderr.write(`${line}\n`);

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** A throw-away PostgreSQL cluster on 127.0.0.1 (as `postgres` when run as root), or undefined. */
async function startCluster() {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
        .sort((a, b) => b - a)[0]
    : undefined;
  if (version === undefined) return undefined;
  const bin = join(root, version, 'bin');
  const dir = mkdtempSync(join(tmpdir(), 'smp-load-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot)
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
      Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
    );
  const run = (cmd, args) =>
    execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, { stdio: 'pipe', cwd: dir });
  const port = await freePort();
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  run(join(bin, 'pg_ctl'), [
    'start',
    '-w',
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-o',
    `-k ${dir} -h 127.0.0.1 -p ${port} -c max_connections=60`,
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'fast', '-w']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

const planInput = (id) => ({
  id,
  clientId: 'c',
  protocol: { id: 'standard', version: 1 },
  timeZone: 'Europe/London',
  createdAt: '2026-03-01T09:00:00Z',
});
const booking = (n) => ({ id: `book-${n}`, type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' });

/** Appends per second through the store alone: N plans, one booking each, 10 writers. */
async function storeAppends(client, label, n = 500) {
  await migrate(client);
  const store = createStore({ client, protocols: all });
  const prefix = `s-${Date.now().toString(36)}`;
  for (let i = 0; i < n; i += 1) await store.createPlan(planInput(`${prefix}-${i}`));
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      for (let i = next++; i < n; i = next++) {
        const out = await store.append(`${prefix}-${i}`, booking(i));
        if (!out.ok) throw new Error(`${label}: ${out.findings[0]?.message}`);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { backend: label, appends: n, seconds: Number(seconds.toFixed(2)), appendsPerSecond: Math.round(n / seconds) };
}

/** Starts `smp-protocol serve` and resolves when it listens. */
async function serve(args) {
  const port = await freePort();
  const child = spawn(process.execPath, [cli, 'serve', '--port', String(port), ...args], {
    env: { ...process.env, SMP_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const t0 = performance.now();
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      output += d;
      if (output.includes('database ready')) resolve();
    });
    child.stderr.on('data', (d) => (output += d));
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${output}`)));
  });
  const ms = Number(/database ready in (\d+) ms/.exec(output)?.[1]);
  return {
    url: `http://127.0.0.1:${port}`,
    startMs: Math.round(performance.now() - t0),
    databaseMs: ms,
    stop: () =>
      new Promise((r) => {
        child.once('exit', r);
        child.kill('SIGTERM');
      }),
  };
}

async function httpLoad(label, args) {
  const server = await serve(args);
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const prefix = `h-${Date.now().toString(36)}`;
  // Plans to book, created up front (not measured).
  let made = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      for (let i = made++; i < COUNT; i = made++) {
        const res = await fetch(`${server.url}/plans`, { method: 'POST', headers, body: JSON.stringify(planInput(`${prefix}-${i}`)) });
        if (res.status !== 201) throw new Error(`${label}: create ${res.status} ${await res.text()}`);
      }
    }),
  );
  let counter = 0;
  const result = await autocannon({
    url: server.url,
    connections: 10,
    amount: COUNT * 2,
    headers,
    requests: [
      {
        method: 'POST',
        setupRequest: (req, context) => {
          const n = counter++;
          context.n = n;
          return { ...req, path: `/plans/${prefix}-${n}/events`, body: JSON.stringify(booking(n)) };
        },
      },
      {
        method: 'GET',
        setupRequest: (req, context) => ({ ...req, path: `/plans/${prefix}-${context.n}/forecast?asOf=2026-03-02T09:00:00Z` }),
      },
    ],
  });
  await server.stop();
  return {
    backend: label,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    seconds: Number((result.duration ?? 0).toFixed?.(2) ?? result.duration),
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    serveStartMs: server.startMs,
    databaseReadyMs: server.databaseMs,
  };
}

const cluster = await startCluster();
if (cluster === undefined) log('PostgreSQL is not installed: PGlite only (scripts/ensure-postgres.sh installs it)');
const results = { count: COUNT, node: process.version, store: [], http: [] };
const pgData = mkdtempSync(join(tmpdir(), 'smp-load-pglite-'));
try {
  log('store appends/s on PGlite …');
  const lite = await PGlite.create();
  results.store.push(await storeAppends(lite, 'PGlite (in memory)'));
  await lite.close();
  if (cluster !== undefined) {
    log('store appends/s on PostgreSQL …');
    const pool = new pg.Pool({ connectionString: cluster.url, max: 10 });
    results.store.push(await storeAppends(pool, 'PostgreSQL (pg.Pool, 10)'));
    await pool.end();
  }
  log(`HTTP book+forecast ×${COUNT} on PGlite …`);
  results.http.push(await httpLoad('serve on PGlite (data folder)', ['--data', pgData]));
  if (cluster !== undefined) {
    log(`HTTP book+forecast ×${COUNT} on PostgreSQL …`);
    results.http.push(await httpLoad('serve on PostgreSQL', ['--database', cluster.url]));
  }
} finally {
  rmSync(pgData, { recursive: true, force: true });
  cluster?.stop();
}

if (values.json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  console.log(`| store | appends | appends/s |\n|---|---:|---:|`);
  for (const r of results.store) console.log(`| ${r.backend} | ${r.appends} | ${r.appendsPerSecond} |`);
  console.log(`\n| HTTP (book + forecast) | requests | non-2xx | requests/s | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|`);
  for (const r of results.http)
    console.log(`| ${r.backend} | ${r.requests} | ${r.non2xx} | ${r.requestsPerSecond} | ${r.latencyP50} | ${r.latencyP99} |`);
}
