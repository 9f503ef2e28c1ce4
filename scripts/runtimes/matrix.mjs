#!/usr/bin/env node
// The runtime matrix (npm run test:runtimes): build once, pack, install the tarball into one scratch
// consumer, then run the whole conformance corpus and a smoke of every exported entry in Node 20,
// 22 and 24 (ESM and CJS), Deno (node_modules, and npm: specifiers through an import map), Bun,
// workerd (an esbuild --platform=neutral bundle under `workerd test`) and Chromium (an ESM bundle
// from 127.0.0.1 through playwright-core), plus the browser checks and the unit tests under four
// host time zones. Ends with a table; exits 1 on any failure.
//
// Usage: node scripts/runtimes/matrix.mjs [--only a,b] [--no-build] [--skip-unit-tz] [--screenshots] [--self-test]
//   --screenshots  writes the browser screenshots to docs/examples/ (default: the cache folder)
//   --self-test  packs a deliberately broken build (a `node:fs` import in the root entry) and
//                passes only if Deno, workerd and Chromium each fail naming `node:fs`.
// Cache: .cache/runtimes (SMP_RUNTIMES_CACHE): tools, the consumer, Deno's npm cache.
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromiumPath, ensureTools } from './install.mjs';

const execFileP = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const cache = resolve(root, process.env.SMP_RUNTIMES_CACHE ?? '.cache/runtimes');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const onlyArg = argv.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : argv[argv.indexOf(onlyArg) + 1]).split(',') : undefined;
const selfTest = flag('--self-test');
const started = Date.now();
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);

/** The four host zones of the unit-test matrix: UTC, a DST zone, a half-hour zone, a 45-minute DST zone. */
export const hostZones = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'];
/** The folders whose behaviour could depend on the host's zone (the rest are shapes and text). */
const zoneFolders = [
  'test/time',
  'test/plan',
  'test/rules',
  'test/schedule',
  'test/interop',
  'test/properties',
  'test/conformance',
  'test/runtimes',
];
/** The property runs at scale (10⁵ sequences) are about the state machine, not the host's zone: once, in npm test. */
const zoneExcludes = ['--exclude', 'test/properties/scale-*.property.test.ts'];
/** Page zones for the corpus in Chromium, set through the DevTools protocol. */
const pageZones = ['Pacific/Chatham', 'America/Sao_Paulo'];
/** Screenshots go to docs/examples only when asked, so a run never leaves the work tree changed. */
const shots = flag('--screenshots') ? join(root, 'docs', 'examples') : join(cache, 'screenshots');

function log(line) {
  process.stdout.write(`[${seconds(started).padStart(6)} s] ${line}\n`);
}

/** Runs a command; resolves with its output and exit code, never rejects (a spawn error is code 127). */
function sh(cmd, args, options = {}) {
  return new Promise((done) => {
    const child = spawn(cmd, args, {
      cwd: options.cwd ?? root,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 240_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      done({ code: 127, out: `${out}${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code: code ?? 128, out: signal ? `${out}\nkilled by ${signal} (timeout)` : out });
    });
  });
}

/** "N passed, M failed" from a runtime's output (the last such line). */
function counts(out) {
  const all = [...out.matchAll(/(\d+) passed, (\d+) failed/g)];
  const last = all.at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : undefined;
}

const results = [];
function record(name, seconds_, outcome) {
  results.push({ name, seconds: seconds_, ...outcome });
  const { passed = 0, failed = 0, error } = outcome;
  log(`${error ? 'FAIL' : failed > 0 ? 'FAIL' : 'ok  '} ${name}: ${passed} passed, ${failed} failed${error ? ` — ${error}` : ''}`);
}

/** A runtime run: its output must end in a count, with 0 failed and exit 0. */
function judge(name, t0, { code, out }) {
  const c = counts(out);
  const failLines = out
    .split('\n')
    .filter((l) => l.startsWith('FAIL ') || /error/i.test(l))
    .slice(0, 8);
  if (!c)
    return record(name, seconds(t0), { passed: 0, failed: 1, error: `no "N passed, M failed" line (exit ${code}): ${tail(out)}`, out });
  if (code !== 0 || c.failed > 0)
    return record(name, seconds(t0), {
      ...c,
      failed: Math.max(c.failed, 1),
      error: `exit ${code}: ${failLines.join(' / ') || tail(out)}`,
      out,
    });
  return record(name, seconds(t0), { ...c, out });
}

function tail(out, n = 6) {
  return out.trim().split('\n').slice(-n).join(' / ').slice(0, 1200);
}

const wanted = (name) => !only || only.some((o) => name.startsWith(o));

// ---------------------------------------------------------------------------------------------
// Build, pack, and the consumer

async function buildAndPack() {
  const t0 = Date.now();
  if (!flag('--no-build')) {
    const b = await sh('npm', ['run', 'build', '--silent']);
    if (b.code !== 0) throw new Error(`npm run build failed: ${tail(b.out, 20)}`);
  }
  const packDir = join(cache, 'pack');
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  // The build is done: pack without running `prepare` again.
  const p = await sh('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packDir]);
  if (p.code !== 0) throw new Error(`npm pack failed: ${tail(p.out, 20)}`);
  const tarball = join(
    packDir,
    readdirSync(packDir).find((f) => f.endsWith('.tgz')),
  );
  log(`built and packed ${relative(root, tarball)} in ${seconds(t0)} s`);
  return tarball;
}

/** The broken build of --self-test: the root entry (ESM and CJS) imports node:fs, as a slip in the core would. */
async function breakTarball(tarball) {
  const dir = join(cache, 'broken');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await execFileP('tar', ['-xzf', tarball, '-C', dir]);
  const esm = join(dir, 'package', 'dist', 'index.js');
  const cjs = join(dir, 'package', 'dist', 'index.cjs');
  // Used at the top level, as a real slip would be (an unused import is dropped by bundlers, harmlessly).
  writeFileSync(
    esm,
    `import * as __selfTestFs from 'node:fs';\nif (typeof __selfTestFs.readFileSync !== 'function') throw new Error('self-test');\n${readFileSync(esm, 'utf8')}`,
  );
  writeFileSync(
    cjs,
    `const __selfTestFs = require('node:fs');\nif (typeof __selfTestFs.readFileSync !== 'function') throw new Error('self-test');\n${readFileSync(cjs, 'utf8')}`,
  );
  const out = join(dir, 'out');
  mkdirSync(out);
  const p = await sh('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', out], { cwd: join(dir, 'package') });
  if (p.code !== 0) throw new Error(`npm pack of the broken build failed: ${tail(p.out)}`);
  return join(
    out,
    readdirSync(out).find((f) => f.endsWith('.tgz')),
  );
}

/** The package's JS entries from its exports map: [{ name, subpath, import, require }]. */
function jsEntries(pkg) {
  const entries = [];
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (subpath.includes('*') || typeof target !== 'object' || target === null) continue;
    const pickDefault = (c) => (typeof c === 'string' ? c : c?.default);
    const imp = pickDefault(target.import) ?? pickDefault(target.default);
    const req = pickDefault(target.require) ?? pickDefault(target.default);
    if (!imp && !req) continue;
    const name = subpath === '.' ? 'root' : subpath.slice(2).replace(/[^A-Za-z0-9]/g, '_');
    entries.push({ name, specifier: subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`, subpath, import: imp, require: req });
  }
  return entries;
}

function writeGenerated(dir, pkg, corpusFiles) {
  const entries = jsEntries(pkg);
  const esm = entries.filter((e) => e.import);
  writeFileSync(
    join(dir, 'mods.mjs'),
    `// Generated from the package's exports map.\n${esm.map((e, i) => `import * as m${i} from '${e.specifier}';`).join('\n')}\nexport const mods = { ${esm.map((e, i) => `${e.name}: m${i}`).join(', ')} };\n`,
  );
  const cjs = entries.filter((e) => e.require);
  writeFileSync(
    join(dir, 'mods.cjs'),
    `// Generated from the package's exports map.\nexports.mods = { ${cjs.map((e) => `${e.name}: require('${e.specifier}')`).join(', ')} };\n`,
  );
  writeFileSync(
    join(dir, 'corpus.mjs'),
    `// Generated: every file of the package's conformance folder.\n${corpusFiles.map((f, i) => `import c${i} from '${pkg.name}/conformance/${f}' with { type: 'json' };`).join('\n')}\nexport const corpus = [${corpusFiles.map((f, i) => `{ file: '${f}', cases: c${i}.cases }`).join(', ')}];\n`,
  );
  writeFileSync(
    join(dir, 'corpus.cjs'),
    `// Generated: every file of the package's conformance folder.\nexports.corpus = [${corpusFiles.map((f) => `{ file: '${f}', cases: require('${pkg.name}/conformance/${f}').cases }`).join(', ')}];\n`,
  );
  for (const f of ['esm.mjs', 'cjs.cjs', 'worker.mjs', 'browser.mjs', 'index.html']) copyFileSync(join(here, 'consumer', f), join(dir, f));
  copyFileSync(join(here, 'suite.mjs'), join(dir, 'suite.mjs'));
  return entries;
}

async function makeConsumer(tarball, name) {
  const t0 = Date.now();
  const dir = join(cache, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pglite = JSON.parse(readFileSync(join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')).version;
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'smp-runtime-consumer', private: true, type: 'module', dependencies: { 'smp-protocol': `file:${tarball}`, '@electric-sql/pglite': pglite } }, null, 2)}\n`,
  );
  const i = await sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'], { cwd: dir });
  if (i.code !== 0) throw new Error(`npm install of the tarball failed: ${tail(i.out, 20)}`);
  const pkgDir = join(dir, 'node_modules', 'smp-protocol');
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const corpusFiles = readdirSync(join(pkgDir, 'conformance'))
    .filter((f) => f.endsWith('.json'))
    .sort();
  const entries = writeGenerated(dir, pkg, corpusFiles);
  // The nearest tsconfig.json for Bun and esbuild, so that the repository's (whose paths map
  // smp-protocol to src) never applies to the consumer.
  writeFileSync(join(dir, 'tsconfig.json'), '{ "compilerOptions": {} }\n');
  log(
    `consumer ${name}: installed the tarball, entries ${entries.map((e) => e.subpath).join(' ')}, corpus ${corpusFiles.length} files, in ${seconds(t0)} s`,
  );
  const missing = ['./http', './postgres'].filter((sub) => !entries.some((e) => e.subpath === sub));
  if (missing.length > 0)
    throw new Error(
      `the packed package does not export ${missing.map((m) => `smp-protocol/${m.slice(2)}`).join(' and ')}: the handler smoke (create, book, forecast through Requests) needs them`,
    );
  return { dir, pkg, pkgDir, entries, corpusFiles };
}

// ---------------------------------------------------------------------------------------------
// The runtimes

async function runNode(name, binary, consumer) {
  for (const [kind, file] of [
    ['ESM', 'esm.mjs'],
    ['CJS', 'cjs.cjs'],
  ]) {
    const label = `${name} ${kind}`;
    if (!wanted(label)) continue;
    const t0 = Date.now();
    if (!binary) {
      record(label, '0', { failed: 1, error: 'not installed' });
      continue;
    }
    const v = await sh(binary, ['--version']);
    const res = await sh(binary, [file, `${label} (${v.out.trim()})`], { cwd: consumer.dir });
    judge(label, t0, res);
  }
}

/** Deno's own module graph: fails if any module of the package imports a `node:` builtin (Deno would load it). */
async function denoNodeImports(deno, args, cwd, env, pkgMarker) {
  const info = await sh(deno, ['info', '--json', ...args], { cwd, env });
  let graph;
  try {
    graph = JSON.parse(info.out.slice(info.out.indexOf('{')));
  } catch {
    return [`deno info failed: ${tail(info.out)}`];
  }
  const problems = [];
  for (const m of graph.modules ?? []) {
    if (!String(m.specifier ?? '').includes(pkgMarker)) continue;
    for (const d of m.dependencies ?? []) {
      if (String(d.specifier).startsWith('node:'))
        problems.push(
          `the package imports ${d.specifier} (in ${m.specifier.replace(/^file:\/\//, '')}): the core must run without Node's builtins`,
        );
    }
  }
  return problems;
}

/**
 * An import map for Deno: the package's entries mapped to files of an unpacked copy (`prefix`), its
 * dependencies to npm: specifiers (exact ones: an npm: URL cannot be a prefix target), found by
 * reading the package's modules.
 */
function denoImportMap(consumer, pkgDir, prefix, withPglite) {
  const imports = {};
  for (const e of consumer.entries) if (e.import) imports[e.specifier] = `${prefix}${e.import.replace(/^\.\//, '')}`;
  imports[`${consumer.pkg.name}/conformance/`] = `${prefix}conformance/`;
  const deps = consumer.pkg.dependencies ?? {};
  const bare = new Set(Object.keys(deps));
  const scan = (d) => {
    for (const f of readdirSync(d, { withFileTypes: true })) {
      if (f.isDirectory()) scan(join(d, f.name));
      else if (f.name.endsWith('.js'))
        for (const m of readFileSync(join(d, f.name), 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"./][^'"]*)['"]/g)) bare.add(m[1]);
    }
  };
  scan(join(pkgDir, 'dist'));
  for (const specifier of bare) {
    const dep = Object.keys(deps).find((d) => specifier === d || specifier.startsWith(`${d}/`));
    if (dep) imports[specifier] = `npm:${dep}@${deps[dep]}${specifier.slice(dep.length)}`;
  }
  if (withPglite) {
    const pglite = JSON.parse(readFileSync(join(consumer.dir, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')).version;
    imports['@electric-sql/pglite'] = `npm:@electric-sql/pglite@${pglite}`;
  }
  return imports;
}

async function runDeno(binary, consumer) {
  const env = { DENO_DIR: join(cache, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };
  if (wanted('Deno node_modules')) {
    const t0 = Date.now();
    if (!binary) record('Deno node_modules', '0', { failed: 1, error: 'not installed' });
    else {
      // Deno lists no dependencies of files under node_modules (they are npm modules to it): read the
      // graph of the same installed files as plain modules, through an import map onto them.
      writeFileSync(
        join(consumer.dir, 'deno-graph-map.json'),
        `${JSON.stringify({ imports: denoImportMap(consumer, consumer.pkgDir, './node_modules/smp-protocol/', false) }, null, 2)}\n`,
      );
      const graphArgs = ['--no-config', '--import-map=deno-graph-map.json', '--node-modules-dir=none', 'mods.mjs'];
      const problems = await denoNodeImports(
        binary,
        graphArgs,
        consumer.dir,
        { ...env, DENO_NO_PACKAGE_JSON: '1' },
        '/node_modules/smp-protocol/',
      );
      const res = await sh(binary, ['run', '-A', '--node-modules-dir=manual', 'esm.mjs', 'Deno node_modules'], { cwd: consumer.dir, env });
      if (problems.length > 0)
        record('Deno node_modules', seconds(t0), {
          ...(counts(res.out) ?? {}),
          failed: Math.max(1, counts(res.out)?.failed ?? 0),
          error: problems.join('; '),
        });
      else judge('Deno node_modules', t0, res);
    }
  }
  if (wanted('Deno npm:')) {
    const t0 = Date.now();
    if (!binary) return record('Deno npm:', '0', { failed: 1, error: 'not installed' });
    // The package itself is not published: unpack the tarball and map its entries with an import map;
    // its dependencies (and PGlite) come from npm: specifiers, resolved by Deno from the registry.
    const dir = join(cache, 'deno-npm');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await execFileP('tar', ['-xzf', consumer.tarball, '-C', dir]);
    for (const f of ['esm.mjs', 'suite.mjs', 'mods.mjs', 'corpus.mjs']) copyFileSync(join(consumer.dir, f), join(dir, f));
    const imports = denoImportMap(consumer, join(dir, 'package'), './package/', true);
    writeFileSync(join(dir, 'import-map.json'), `${JSON.stringify({ imports }, null, 2)}\n`);
    const args = ['--no-config', '--import-map=import-map.json', '--node-modules-dir=none'];
    const denv = { ...env, DENO_NO_PACKAGE_JSON: '1' };
    const problems = await denoNodeImports(binary, [...args, 'esm.mjs'], dir, denv, `${dir}/package/`);
    const res = await sh(binary, ['run', '-A', ...args, 'esm.mjs', 'Deno npm:'], { cwd: dir, env: denv });
    if (problems.length > 0)
      record('Deno npm:', seconds(t0), {
        ...(counts(res.out) ?? {}),
        failed: Math.max(1, counts(res.out)?.failed ?? 0),
        error: problems.join('; '),
      });
    else judge('Deno npm:', t0, res);
  }
}

async function runBun(binary, consumer) {
  if (!wanted('Bun')) return;
  const t0 = Date.now();
  if (!binary) return record('Bun', '0', { failed: 1, error: 'not installed' });
  const v = await sh(binary, ['--version']);
  judge(
    'Bun',
    t0,
    await sh(binary, ['run', 'esm.mjs', `Bun ${v.out.trim()}`], {
      cwd: consumer.dir,
      env: { BUN_INSTALL_CACHE_DIR: join(cache, 'bun-cache') },
    }),
  );
}

async function bundle(consumer, entry, outfile, platform) {
  const esbuild = await import('esbuild');
  try {
    const built = await esbuild.build({
      entryPoints: [join(consumer.dir, entry)],
      outfile,
      bundle: true,
      format: 'esm',
      platform,
      target: 'es2022',
      // neutral resolves no main fields or conditions by default: ask for what packages publish.
      mainFields: ['module', 'main'],
      conditions: platform === 'neutral' ? ['workerd', 'worker', 'import'] : [],
      logLevel: 'silent',
      absWorkingDir: consumer.dir,
      // Never the repository's tsconfig (its paths map smp-protocol to src): the packed package only.
      tsconfigRaw: '{}',
      metafile: true,
    });
    const inputs = Object.keys(built.metafile.inputs);
    const strays = inputs.filter((i) => !i.includes('node_modules/') && !/^[a-z]+\.mjs$/.test(i));
    if (!inputs.some((i) => i.includes('node_modules/smp-protocol/dist/')))
      return `the bundle does not contain the packed package (inputs: ${inputs.slice(0, 5).join(', ')})`;
    if (strays.length > 0) return `the bundle contains files from outside the consumer's node_modules: ${strays.slice(0, 5).join(', ')}`;
    return undefined;
  } catch (error) {
    return (error.errors ?? [{ text: String(error) }])
      .map((e) => `${e.text}${e.location ? ` (${e.location.file}:${e.location.line})` : ''}`)
      .join('; ');
  }
}

async function runWorkerd(binary, consumer) {
  if (!wanted('workerd')) return;
  const t0 = Date.now();
  if (!binary) return record('workerd', '0', { failed: 1, error: 'not installed' });
  const dir = join(consumer.dir, 'workerd');
  mkdirSync(dir, { recursive: true });
  const problem = await bundle(consumer, 'worker.mjs', join(dir, 'worker.js'), 'neutral');
  if (problem) return record('workerd', seconds(t0), { failed: 1, error: `esbuild --platform=neutral: ${problem}` });
  writeFileSync(
    join(dir, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
);

const worker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = "2025-09-01",
);
`,
  );
  const res = await sh(binary, ['test', '--verbose', 'config.capnp'], { cwd: dir });
  judge('workerd', t0, res);
}

// ---------------------------------------------------------------------------------------------
// Chromium: the corpus (own zone and two page zones), the timeline, the API reference

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

function serve(mounts) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // The browser asks every origin for a favicon by itself; the site has none to give.
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!url.pathname.startsWith(prefix)) continue;
      let path = join(dir, decodeURIComponent(url.pathname.slice(prefix.length)));
      if (path.endsWith('/') || url.pathname === prefix) path = join(path, 'index.html');
      if (!path.startsWith(dir) || !existsSync(path)) break;
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      res.end(readFileSync(path));
      return;
    }
    res.writeHead(404);
    res.end('not found');
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

async function runChromium(available, consumer) {
  const names = ['Chromium', ...pageZones.map((z) => `Chromium ${z}`), 'Chromium timeline', 'Chromium API docs'];
  if (!names.some(wanted)) return;
  const t0 = Date.now();
  if (!available) return record('Chromium', '0', { failed: 1, error: `not installed (${chromiumPath})` });
  const dir = join(consumer.dir, 'browser');
  mkdirSync(dir, { recursive: true });
  const problem = await bundle(consumer, 'browser.mjs', join(dir, 'bundle.js'), 'browser');
  if (problem) return record('Chromium', seconds(t0), { failed: 1, error: `esbuild --platform=browser: ${problem}` });
  copyFileSync(join(consumer.dir, 'index.html'), join(dir, 'index.html'));
  const demo = await sh(process.execPath, [join(consumer.pkgDir, consumer.pkg.bin?.['smp-protocol'] ?? 'dist/cli.js'), 'demo', '--json'], {
    cwd: consumer.dir,
  });
  writeFileSync(join(dir, 'demo.json'), demo.out);

  const { chromium } = await import('playwright-core');
  const server = await serve({ '/api/': join(root, 'docs', 'api'), '/': dir });
  const base = `http://127.0.0.1:${server.address().port}`;
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    const open = async (url, zone) => {
      const page = await browser.newPage({ viewport: { width: 960, height: 720 } });
      const errors = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      page.on('response', (r) => {
        if (r.status() >= 400) errors.push(`HTTP ${r.status()} for ${r.url()}`);
      });
      const cdp = await page.context().newCDPSession(page);
      if (zone) await cdp.send('Emulation.setTimezoneOverride', { timezoneId: zone });
      await page.goto(url, { waitUntil: 'load' });
      return { page, errors, cdp };
    };

    for (const zone of [undefined, ...pageZones]) {
      const name = zone ? `Chromium ${zone}` : 'Chromium';
      if (!wanted(name)) continue;
      const t1 = Date.now();
      const { page, errors } = await open(`${base}/index.html`, zone);
      const ready = await page
        .waitForFunction(() => typeof globalThis.smp === 'object', null, { timeout: 30_000 })
        .then(
          () => true,
          () => false,
        );
      if (!ready) {
        record(name, seconds(t1), { failed: 1, error: `the bundle did not start: ${errors.join('; ') || 'no smp global'}` });
        await page.close();
        continue;
      }
      const r = await page.evaluate(([label, corpusOnly]) => globalThis.smp.run(label, corpusOnly), [name, zone !== undefined]);
      for (const l of r.lines) if (l.startsWith('FAIL')) log(`  ${l}`);
      let failed = r.failed;
      const notes = [];
      if (zone && r.zone !== zone) {
        failed += 1;
        notes.push(`the page zone is ${r.zone}, not ${zone}`);
      }
      if (errors.length > 0) {
        failed += 1;
        notes.push(errors.join('; '));
      }
      log(`  ${name}: ${r.lines.at(-1)} (page zone ${r.zone})`);
      record(name, seconds(t1), {
        passed: r.passed,
        failed,
        ...(notes.length || r.failed ? { error: [...notes, ...r.failures.slice(0, 3)].join('; ') } : {}),
      });
      await page.close();
    }

    if (wanted('Chromium timeline')) {
      const t1 = Date.now();
      const { page, errors, cdp } = await open(`${base}/index.html`);
      await page.waitForFunction(() => typeof globalThis.smp === 'object', null, { timeout: 30_000 });
      const demoPlan = JSON.parse(readFileSync(join(dir, 'demo.json'), 'utf8'));
      const checks = [];
      const t = await page.evaluate((d) => globalThis.smp.timeline(d), demoPlan);
      checks.push([t.width === 800, `the timeline renders ${t.width} px wide, not 800`]);
      checks.push([t.labels.length > 0, 'the timeline has no text labels']);
      const ax = await cdp.send('Accessibility.getFullAXTree');
      const names = ax.nodes
        .filter((n) => !n.ignored)
        .map((n) => String(n.name?.value ?? '').trim())
        .filter((n) => n !== '');
      const missing = t.labels.filter((l) => !names.includes(l));
      checks.push([
        missing.length === 0,
        `labels missing from the accessibility tree: ${missing.slice(0, 6).join(' | ')}${missing.length > 6 ? ` … (${missing.length})` : ''}`,
      ]);
      checks.push([errors.length === 0, errors.join('; ')]);
      mkdirSync(shots, { recursive: true });
      await page.locator('main > svg').screenshot({ path: join(shots, 'timeline-chromium.png') });
      const failedChecks = checks.filter(([good]) => !good);
      record('Chromium timeline', seconds(t1), {
        passed: checks.length - failedChecks.length,
        failed: failedChecks.length,
        ...(failedChecks.length ? { error: failedChecks.map(([, m]) => m).join('; ') } : {}),
        note: `${t.labels.length} labels in the AX tree (${t.hidden} axis ticks aria-hidden)`,
      });
      await page.close();
    }

    if (wanted('Chromium API docs')) {
      const t1 = Date.now();
      const docsBuilt =
        existsSync(join(root, 'docs', 'api', 'index.html')) && !flag('--rebuild-docs')
          ? { code: 0, out: '' }
          : await sh('npm', ['run', 'docs', '--silent']);
      if (docsBuilt.code !== 0)
        record('Chromium API docs', seconds(t1), { failed: 1, error: `npm run docs failed: ${tail(docsBuilt.out)}` });
      else {
        const { page, errors } = await open(`${base}/api/index.html`);
        const checks = [];
        await page.click('#tsd-search-trigger').catch(() => undefined);
        const input = page.locator('#tsd-search-input, #tsd-search-field').first();
        await input.fill('applyEvent');
        const hit = page.locator('#tsd-search-results li', { hasText: 'applyEvent' }).first();
        const found = await hit.waitFor({ timeout: 15_000 }).then(
          () => true,
          () => false,
        );
        checks.push([found, 'the search does not find applyEvent']);
        await page.waitForTimeout(300);
        mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: join(shots, 'api-search-chromium.png') });
        checks.push([errors.length === 0, errors.join('; ')]);
        const failedChecks = checks.filter(([good]) => !good);
        record('Chromium API docs', seconds(t1), {
          passed: checks.length - failedChecks.length,
          failed: failedChecks.length,
          ...(failedChecks.length ? { error: failedChecks.map(([, m]) => m).join('; ') } : {}),
        });
        await page.close();
      }
    }
  } catch (error) {
    record('Chromium', seconds(t0), { failed: 1, error: `driver: ${error.message.split('\n')[0]}` });
  } finally {
    await browser?.close();
    server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Unit tests under host time zones

async function runUnitZones() {
  for (const zone of hostZones) {
    const name = `unit TZ=${zone}`;
    if (!wanted(name) || flag('--skip-unit-tz')) continue;
    const t0 = Date.now();
    // --no-isolate: one module graph per worker instead of one per file (about half the time; `npm
    // test` keeps the isolated run). A generous timeout: these reruns are about zones, not speed.
    const res = await sh(
      process.execPath,
      [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--no-isolate', '--testTimeout=60000', ...zoneExcludes, ...zoneFolders],
      { env: { TZ: zone, SMP_TEST_TZ: zone, NO_COLOR: '1', CI: '1' }, timeoutMs: 600_000 },
    );
    const tests = res.out.match(/Tests\s+(?:(\d+) failed \| )?(\d+) passed/);
    if (!tests) record(name, seconds(t0), { failed: 1, error: `no vitest summary (exit ${res.code}): ${tail(res.out)}` });
    else
      record(name, seconds(t0), {
        passed: Number(tests[2]),
        failed: Number(tests[1] ?? 0) + (res.code !== 0 && !tests[1] ? 1 : 0),
        ...(res.code !== 0
          ? {
              error: tail(
                res.out
                  .split('\n')
                  .filter((l) => /FAIL|✗|×/.test(l))
                  .join('\n') || res.out,
              ),
            }
          : {}),
      });
  }
}

// ---------------------------------------------------------------------------------------------

function table() {
  const rows = results.map((r) => [
    r.name,
    String(r.passed ?? 0),
    String(r.failed ?? 0),
    `${r.seconds} s`,
    r.error ? r.error.slice(0, 160) : (r.note ?? ''),
  ]);
  const head = ['runtime', 'passed', 'failed', 'time', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main() {
  mkdirSync(cache, { recursive: true });
  log(`runtime matrix${selfTest ? ' SELF-TEST (a broken build must fail)' : ''}; cache ${relative(root, cache) || cache}`);
  const t0 = Date.now();
  const [tools, tarball] = await Promise.all([
    ensureTools(cache).then((t) => {
      log(
        `tools ready in ${seconds(t0)} s (${Object.values(t)
          .map((x) => `${x.name}${x.error ? ' FAILED' : x.installed ? ' installed' : ' cached'}`)
          .join(', ')})`,
      );
      return t;
    }),
    buildAndPack(),
  ]);
  for (const t of Object.values(tools)) if (t.error) log(`FAIL ${t.error}`);
  const used = selfTest ? await breakTarball(tarball) : tarball;
  const consumer = { ...(await makeConsumer(used, selfTest ? 'consumer-broken' : 'consumer')), tarball: used };

  await runNode('Node 20', process.execPath, consumer);
  await runNode('Node 22', tools.node22?.binary, consumer);
  await runNode('Node 24', tools.node24?.binary, consumer);
  await runDeno(tools.deno?.binary, consumer);
  await runBun(tools.bun?.binary, consumer);
  await runWorkerd(tools.workerd?.binary, consumer);
  await runChromium(tools.chromium?.binary !== undefined, consumer);
  if (!selfTest) await runUnitZones();

  process.stdout.write(`\n${table()}\n\n`);
  const total = results.reduce((a, r) => ({ passed: a.passed + (r.passed ?? 0), failed: a.failed + (r.failed ?? 0) }), {
    passed: 0,
    failed: 0,
  });
  const toolFailures = Object.values(tools).filter((t) => t.error);
  if (selfTest) {
    // The broken build must be caught, by name, at least where Node would not catch it.
    const must = ['Deno node_modules', 'Deno npm:', 'workerd', 'Chromium'];
    const misses = must.filter((n) => {
      const r = results.find((x) => x.name === n);
      return !r || !(r.failed > 0) || !String(r.error ?? '').includes('node:fs');
    });
    for (const n of must)
      log(`self-test: ${n} ${misses.includes(n) ? 'did NOT fail naming node:fs' : 'failed naming node:fs, as it must'}`);
    log(`self-test ${misses.length === 0 ? 'passed' : 'FAILED'} in ${seconds(started)} s`);
    process.stdout.write(`${must.length - misses.length} passed, ${misses.length} failed\n`);
    process.exit(misses.length === 0 ? 0 : 1);
  }
  log(`matrix done in ${seconds(started)} s`);
  process.stdout.write(`${total.passed} passed, ${total.failed + toolFailures.length} failed\n`);
  process.exit(total.failed + toolFailures.length > 0 ? 1 : 0);
}

main().catch((error) => {
  process.stdout.write(`${results.length ? `\n${table()}\n\n` : ''}runtime matrix stopped: ${error.message}\n0 passed, 1 failed\n`);
  process.exit(1);
});
