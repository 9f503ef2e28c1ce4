#!/usr/bin/env node
// Cold start (performance budget): importing the root entry should cost ≤ 1.2 × importing its
// runtime dependencies alone — zod/mini since 0.2 (luxon was the other one until then) — and the
// bundled root entry should add ≤ 20 ms to a cold start.
//
// Each figure is measured in a fresh `node` process (spawned N times, the kinds interleaved), from
// just before the dynamic import to just after it; medians are reported. Process timings are
// noisy, so this script reports and never fails. Run after `npm run build`:
//
//   node scripts/cold-start.mjs [runs]        (default 7; also run by scripts/bundle-size.mjs)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;

/** Milliseconds a fresh node process spends in `body` (ESM, top-level await, cwd = root). */
function timeInFreshProcess(root, body) {
  const script = `const t0 = performance.now(); ${body}; process.stdout.write(String(performance.now() - t0));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  return Number(out);
}

export async function coldStart({ root, runs = 7 } = {}) {
  const distUrl = pathToFileURL(join(root, 'dist', 'index.js')).href;
  // The whole root entry bundled into one file with zod and luxon, as a serverless deploy ships it.
  const dir = mkdtempSync(join(tmpdir(), 'smp-cold-'));
  const bundled = join(dir, 'bundle.mjs');
  await esbuild.build({
    stdin: { contents: `export * from ${JSON.stringify(join(root, 'dist', 'index.js'))};`, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    outfile: bundled,
    logLevel: 'silent',
  });
  // What a function importing only the core functions ships (tree-shaken by the bundler).
  const core = join(dir, 'core.mjs');
  await esbuild.build({
    stdin: {
      contents: `export { createPlan, applyEvent, evaluatePlan, forecast, parsePlan, standardProtocol } from ${JSON.stringify(join(root, 'dist', 'index.js'))};`,
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    outfile: core,
    logLevel: 'silent',
  });
  const bundledUrl = pathToFileURL(bundled).href;
  const coreUrl = pathToFileURL(core).href;
  const emptyUrl = `data:text/javascript,export default 0`;
  const firstCall = `const m = await import(${JSON.stringify(distUrl)});
    const t1 = performance.now();
    const p = m.createPlan({ id: 'p', clientId: 'c', protocol: m.standardProtocol, timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
    const b = m.applyEvent(p.value, { id: 'b1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' }, { protocol: m.standardProtocol });
    m.forecast(b.value, { protocol: m.standardProtocol, asOf: '2026-03-02T09:00:00Z' });
    process.stdout.write(String(performance.now() - t1)); process.exit(0)`;

  const kinds = {
    root: `await import(${JSON.stringify(distUrl)})`,
    deps: `await import('zod/mini')`,
    bundled: `await import(${JSON.stringify(bundledUrl)})`,
    core: `await import(${JSON.stringify(coreUrl)})`,
    empty: `await import(${JSON.stringify(emptyUrl)})`,
  };
  const samples = { root: [], deps: [], bundled: [], core: [], empty: [], firstCall: [] };
  try {
    // Warm the OS file cache once so the first sample is not an outlier of disk reads.
    for (const body of Object.values(kinds)) timeInFreshProcess(root, body);
    for (let i = 0; i < runs; i++) {
      for (const [kind, body] of Object.entries(kinds)) samples[kind].push(timeInFreshProcess(root, body));
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', firstCall], { cwd: root, encoding: 'utf8' });
      samples.firstCall.push(Number(out));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const m = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, median(xs)]));
  const ratio = m.root / m.deps;
  const added = m.bundled - m.empty;
  console.log(`Cold start (${runs} fresh node ${process.version} processes per figure, medians; time spent in the dynamic import)`);
  console.log(
    `  import('dist/index.js')                               ${ms(m.root).padStart(9)}   samples ${samples.root.map((x) => x.toFixed(1)).join(' ')}`,
  );
  console.log(
    `  import('zod/mini') (the one runtime dependency)        ${ms(m.deps).padStart(9)}   samples ${samples.deps.map((x) => x.toFixed(1)).join(' ')}`,
  );
  console.log(
    `  ratio root / zod/mini: ${ratio.toFixed(2)} × (target ≤ 1.20 ×) ${ratio <= 1.2 ? '✓ within target' : '⚠ above target (report only; rerun to rule out noise)'}`,
  );
  console.log(`  import of the whole root entry bundled (zod inside, minified): ${ms(m.bundled)}; an empty module: ${ms(m.empty)}`);
  console.log(
    `  the bundled root entry adds ${ms(added)} to a cold start (target ≤ 20 ms) ${added <= 20 ? '✓' : '⚠ above target (report only)'}`,
  );
  console.log(`  a bundle of the core functions only (tree-shaken, zod inside): ${ms(m.core)}, adding ${ms(m.core - m.empty)}`);
  console.log(
    `  first call after import (createPlan + applyEvent + forecast, Europe/London; the first zoned Intl use): ${ms(m.firstCall)}`,
  );
  return { medians: m, ratio, added, coreAdded: m.core - m.empty, samples };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const runs = Number(process.argv[2] ?? 7);
  await coldStart({ root, runs: Number.isInteger(runs) && runs > 0 ? runs : 7 });
}
