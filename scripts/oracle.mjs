#!/usr/bin/env node
// The full Temporal oracle: every offset change from 2000 to 2040 in every zone Intl knows (plus
// the links it accepts), each compared with Temporal (temporal-polyfill) through the public API:
// localDateOf, toInstant, aftercare and preparation, day counts and evaluations, forecast dates,
// review and maintenance, and slots on a 15-minute grid. `npm test` runs a seeded sample of the
// same (test/oracle/time.test.ts); this runs all of it and prints the counts.
//
// Usage: npm run oracle        (a few minutes on two cores)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const run = spawnSync('npx', ['vitest', 'run', 'test/oracle'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SMP_ORACLE: 'full' },
});
const report = JSON.parse(readFileSync(join(root, '.reports', 'oracle.json'), 'utf8'));
const n = (x) => x.toLocaleString('en-US');
console.log(`\nTemporal oracle, full run (${((Date.now() - started) / 1000).toFixed(0)} s, node ${process.version})`);
console.log(`  zones ${n(report.zones)}, offset changes ${n(report.transitions)}, scenarios ${n(report.scenarios)}`);
console.log(`  comparisons ${n(report.comparisons)}, mismatches ${n(report.mismatches)}`);
for (const [kind, k] of Object.entries(report.perKind))
  console.log(`    ${kind.padEnd(16)} ${n(k.comparisons).padStart(10)} comparisons, ${n(k.mismatches)} mismatches`);
for (const s of report.samples) console.log(`  ✗ ${s}`);
process.exit(run.status === 0 && report.mismatches === 0 ? 0 : 1);
