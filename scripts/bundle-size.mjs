#!/usr/bin/env node
// The consumer-bundle budget of docs/design.md ("Performance budget"), run after `npm run build`:
//
//   1. esbuild bundles what a serverless function would: the core functions (createPlan,
//      applyEvent, evaluatePlan, forecast, parsePlan, standardProtocol) imported from
//      dist/index.js and used, minified, ESM, platform neutral, with zod bundled in (and luxon, were
//      any of it reached: it is no longer a dependency since 0.2).
//      The gzipped size must be ≤ 40 KB (40 × 1024 bytes), else the script exits 1.
//   2. What makes the bundle up, per package (esbuild's metafile).
//   3. luxon stays at the edges: whether the root entry imports it, which of its exports pull it
//      into a bundle, and whether the core functions do (they should not: a warning, not a failure).
//   4. Cold start (scripts/cold-start.mjs): importing the root entry against importing zod/mini
//      alone; reported, never failed on (process timings are noisy). Skip with --no-cold-start.
//
// Usage: npm run build && npm run size      (or: node scripts/bundle-size.mjs [--no-cold-start])
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist', 'index.js');
const BUDGET = 40 * 1024;
const CORE = ['createPlan', 'applyEvent', 'evaluatePlan', 'forecast', 'parsePlan', 'standardProtocol'];

if (!existsSync(dist)) {
  console.error(`✗ ${dist} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const distSpecifier = JSON.stringify(dist.split('\\').join('/'));

/** Bundles `contents` (an ESM module importing dist/index.js) the way a consumer's bundler would. */
async function bundle(contents) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, sourcefile: 'consumer.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    // Platform neutral has no default main fields; luxon and zod resolve through `exports`
    // (import condition), these are the fallbacks a browser/worker bundler would use.
    mainFields: ['module', 'main'],
    target: 'es2022',
    treeShaking: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  const [meta] = Object.values(result.metafile.outputs);
  return { code: out.contents, gzip: gzipSync(out.contents, { level: 9 }).length, meta };
}

/** The package an esbuild input path belongs to (`smp-protocol` for dist/ and its chunks, `consumer` for the entry). */
function packageOf(path) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (m) return m[1];
  if (path.includes('dist/index.js') || /dist\/chunk-[\w-]+\.js/.test(path)) return 'smp-protocol';
  return 'consumer entry';
}

function byPackage(meta) {
  const sizes = new Map();
  for (const [path, { bytesInOutput }] of Object.entries(meta.inputs)) {
    const pkg = packageOf(path);
    sizes.set(pkg, (sizes.get(pkg) ?? 0) + bytesInOutput);
  }
  return [...sizes].sort((a, b) => b[1] - a[1]);
}

// 1. The consumer bundle of the core functions.
const consumer = `
import { ${CORE.join(', ')} } from ${distSpecifier};

// A serverless handler: load a stored plan, apply a booking, answer with evaluation and forecast.
export function handle(storedJson, event, asOf) {
  const stored = parsePlan(JSON.parse(storedJson));
  const plan = stored.ok
    ? stored.value
    : createPlan({ id: 'p', clientId: 'c', protocol: standardProtocol, timeZone: 'Europe/London', createdAt: asOf });
  if (!plan.ok && !stored.ok) return plan;
  const current = stored.ok ? stored.value : plan.value;
  const next = applyEvent(current, event, { protocol: standardProtocol });
  const after = next.ok ? next.value : current;
  return {
    next,
    evaluation: evaluatePlan(after, { protocol: standardProtocol, asOf }),
    forecast: forecast(after, { protocol: standardProtocol, asOf }),
  };
}
`;
const core = await bundle(consumer);
const packages = byPackage(core.meta);
const minified = core.code.length;

console.log('Consumer bundle of the core functions (esbuild: bundle, minify, esm, platform neutral; dependencies bundled)');
console.log(`  imports: ${CORE.join(', ')}`);
console.log(`  minified: ${kb(minified)} (${minified} bytes)`);
console.log(`  min+gzip: ${kb(core.gzip)} (${core.gzip} bytes), budget ${kb(BUDGET)} (${BUDGET} bytes)`);
console.log('  made up of (minified bytes in the output; gzip share estimated pro rata):');
for (const [pkg, bytes] of packages) {
  const share = bytes / minified;
  console.log(`    ${pkg.padEnd(16)} ${kb(bytes).padStart(9)}  ${(share * 100).toFixed(1).padStart(5)} %  ≈ ${kb(core.gzip * share)} gzip`);
  // The biggest modules of a dependency (e.g. zod's z.compile code generator).
  const files = Object.entries(core.meta.inputs)
    .filter(([path, { bytesInOutput }]) => packageOf(path) === pkg && bytesInOutput > 1024 && path.includes('node_modules'))
    .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
    .slice(0, 4);
  for (const [path, { bytesInOutput }] of files) {
    console.log(`      ${path.slice(path.lastIndexOf('node_modules/') + 13).padEnd(30)} ${kb(bytesInOutput).padStart(9)}`);
  }
}

// 2. luxon at the edges.
const source = readFileSync(dist, 'utf8');
const luxonImport = /^import\s*(\{[^}]*\}|[\w$*\s]+)\s*from\s*['"]luxon['"]/m.exec(source);
console.log('\nluxon');
console.log(
  luxonImport
    ? `  the root entry (dist/index.js) imports ${luxonImport[1].replace(/\s+/g, ' ').trim()} from luxon statically`
    : '  the root entry (dist/index.js) does not import luxon',
);
const luxonBytes = (meta) => byPackage(meta).find(([pkg]) => pkg === 'luxon')?.[1] ?? 0;
const coreLuxon = luxonBytes(core.meta);
let warnings = 0;
if (coreLuxon === 0) {
  console.log('  ✓ the core functions do not pull luxon into a bundle (tree-shaken: 0 bytes)');
} else {
  warnings += 1;
  console.log(`  ⚠ the core functions pull ${kb(coreLuxon)} of luxon into a bundle: luxon is meant for the edges only`);
}
if (luxonImport) {
  // Which exports of the root entry need luxon: bundle each one alone.
  const probe = await esbuild.build({
    entryPoints: [dist],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    external: ['zod', 'luxon'],
    logLevel: 'silent',
  });
  const exportsList = Object.values(probe.metafile.outputs)[0].exports;
  const needing = [];
  for (const name of exportsList) {
    const one = await bundle(`export { ${name} } from ${distSpecifier};`);
    if (luxonBytes(one.meta) > 0) needing.push(name);
  }
  console.log(`  exports that need luxon (bundled alone): ${needing.length > 0 ? needing.join(', ') : 'none'}`);
  const unexpected = needing.filter((name) => CORE.includes(name));
  if (needing.length === 0) {
    warnings += 1;
    console.log('  ⚠ no export needs luxon: the root entry should not import it');
  } else if (unexpected.length === 0) {
    console.log('  ✓ only edge functions need luxon; a bundler drops it for the core functions');
  } else {
    console.log(`  ⚠ core functions that need luxon: ${unexpected.join(', ')} (DESIGN: luxon only at the edges)`);
  }
}

// 3. Verdict on size.
const sizeOk = core.gzip <= BUDGET;
console.log(
  `\n${sizeOk ? '✓ PASS' : '✗ FAIL'}: core bundle ${kb(core.gzip)} min+gzip ${sizeOk ? '≤' : '>'} ${kb(BUDGET)} budget` +
    (warnings > 0 ? ` (${warnings} warning${warnings > 1 ? 's' : ''} above)` : ''),
);

// 4. Cold start (report only).
if (!process.argv.includes('--no-cold-start')) {
  console.log('');
  const { coldStart } = await import('./cold-start.mjs');
  await coldStart({ root });
}

process.exit(sizeOk ? 0 : 1);
