#!/usr/bin/env node
// Turns vitest's benchmark JSON into the tables of docs/performance.md, with the targets of
// docs/design.md ("Performance budget") checked against medians.
//
//   npx vitest bench --run --outputJson bench-results.json
//   node scripts/bench-report.mjs bench-results.json
//
// In every group the first benchmark is smp-protocol's; "ratio" is baseline median / ours
// (> 1: ours is faster). A name ending in "× N" runs N plans per iteration: its figures are per
// batch, and plans/s = N / median. Report only: exits 1 when a target is missed.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'bench-results.json';
const { files } = JSON.parse(readFileSync(file, 'utf8'));

const TARGETS = [
  { match: /^smp-protocol applyEvent$/, label: 'applyEvent median ≤ 5 µs', check: (b) => b.median * 1000 <= 5 },
  {
    match: /^smp-protocol evaluatePlan \+ forecast$/,
    label: 'evaluatePlan + forecast median ≤ 10 µs',
    check: (b) => b.median * 1000 <= 10,
  },
  { match: /^smp-protocol evaluatePlan × /, label: '≥ 100,000 typed plans/s evaluated', check: (b) => perSecond(b) >= 100_000 },
  {
    match: /^smp-protocol parsePlan\(JSON\.parse\) \+ evaluatePlan × /,
    // The target's batch is the mix of course stages; the ten-event group is a worst case, reported alone.
    group: /every stage/,
    label: '≥ 50,000 plans/s parsed from JSON and evaluated',
    check: (b) => perSecond(b) >= 50_000,
  },
  {
    match: /^smp-protocol findSlots, raw JSON availability/,
    label: 'first 10 slots from a raw calendar (2,000 unsorted intervals as JSON) median ≤ 1 ms',
    check: (b) => b.median <= 1,
  },
];

function batchSize(name) {
  const m = /× (\d[\d,]*)/.exec(name);
  return m ? Number(m[1].replaceAll(',', '')) : undefined;
}
function perSecond(b) {
  return (batchSize(b.name) ?? 1) / (b.median / 1000);
}
const fmt = (x, digits = 2) => x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

let missed = 0;
const verdicts = [];
for (const f of files) {
  for (const g of f.groups) {
    const title = g.fullName.split(' > ').slice(1).join(' > ');
    const ours = g.benchmarks[0];
    const batch = batchSize(ours.name) !== undefined;
    console.log(`\n#### ${title}\n`);
    console.log(
      batch
        ? '| benchmark | median per batch (ms) | mean (ms) | plans/s (median) | ratio (baseline / ours) | samples |\n|---|---:|---:|---:|---:|---:|'
        : '| benchmark | median (µs) | mean (µs) | p99 (µs) | ops/s (median) | ratio (baseline / ours) | samples |\n|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const b of g.benchmarks) {
      const ratio = b === ours ? '1 (ours)' : `${fmt(b.median / ours.median)} ×`;
      if (batch) {
        console.log(`| ${b.name} | ${fmt(b.median, 1)} | ${fmt(b.mean, 1)} | ${fmt(perSecond(b), 0)} | ${ratio} | ${b.sampleCount} |`);
      } else {
        console.log(
          `| ${b.name} | ${fmt(b.median * 1000)} | ${fmt(b.mean * 1000)} | ${fmt(b.p99 * 1000)} | ${fmt(perSecond(b), 0)} | ${ratio} | ${b.sampleCount} |`,
        );
      }
      for (const t of TARGETS) {
        if (!t.match.test(b.name) || (t.group !== undefined && !t.group.test(title))) continue;
        const ok = t.check(b);
        if (!ok) missed += 1;
        const figure = batch ? `${fmt(perSecond(b), 0)} plans/s` : `median ${fmt(b.median * 1000)} µs`;
        verdicts.push(`| ${t.label} | ${figure} | ${ok ? 'pass' : 'FAIL'} |`);
      }
    }
  }
}
console.log('\n#### Targets\n\n| target | measured | verdict |\n|---|---:|---|');
for (const v of verdicts) console.log(v);
process.exit(missed > 0 ? 1 : 0);
