#!/usr/bin/env node
// The export examples in docs/examples/, made from the demo plan (smp-protocol demo) with the built
// package (run `npm run build` first):
//   demo.ics           toICalendar, local times in Europe/London with a VTIMEZONE, reminders, aftercare
//   demo-bundle.json   toFhir with the forecast (asOf)
//   demo-timeline.svg  toTimelineSvg (the picture in the README)
// They show the course as of 2 April 2026, 13:10 — session 2 just done and session 3 just booked —
// by replaying the demo's history up to that booking onto a fresh plan.
//
// Usage: node scripts/examples.mjs           writes the files
//        node scripts/examples.mjs --check   fails if a file differs from what the code makes now
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'examples');
const check = process.argv.includes('--check');

const { createPlan, replay, standardProtocol: protocol, toTimelineSvg } = await import('../dist/index.js');
const { toICalendar } = await import('../dist/ical.js');
const { toFhir } = await import('../dist/fhir.js');

// The demo's plan, as the CLI prints it (smp-protocol demo --json).
const demo = JSON.parse(execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'demo', '--json'], { encoding: 'utf8' }));

function must(outcome) {
  if (!outcome.ok) throw new Error(outcome.findings.map((f) => `${f.code}: ${f.message}`).join('\n'));
  return outcome.value;
}

const cut = demo.history.findIndex((e) => e.type === 'sessionBooked' && e.session === 3);
if (cut < 0) throw new Error('the demo no longer books session 3');
const asOf = demo.history[cut].at;
const initial = must(createPlan({ id: demo.id, clientId: demo.clientId, protocol, timeZone: demo.timeZone, createdAt: demo.createdAt }));
const plan = must(replay(initial, demo.history.slice(0, cut + 1), { protocol }));

const files = {
  'demo.ics': must(
    toICalendar(plan, {
      protocol,
      timeZone: plan.timeZone,
      domain: 'clinic.example',
      name: 'Scalp micropigmentation course',
      location: 'Example SMP Clinic, 1 High Street, London',
      reminders: [{ minutesBefore: 24 * 60 }, { minutesBefore: 120, description: 'Your SMP session starts in 2 hours' }],
      aftercare: true,
    }),
  ),
  'demo-bundle.json': `${JSON.stringify(must(toFhir(plan, { protocol, asOf })), null, 2)}\n`,
  'demo-timeline.svg': must(toTimelineSvg(plan, { protocol, asOf })),
};

mkdirSync(out, { recursive: true });
let stale = 0;
for (const [name, content] of Object.entries(files)) {
  const path = join(out, name);
  if (check) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // missing: stale
    }
    if (current !== content) {
      console.error(`✗ ${relative(root, path)} is out of date: run node scripts/examples.mjs`);
      stale += 1;
    } else {
      console.log(`✓ ${relative(root, path)} is up to date`);
    }
  } else {
    writeFileSync(path, content);
    console.log(`wrote ${relative(root, path)} (${Buffer.byteLength(content)} bytes)`);
  }
}
if (stale > 0) process.exit(1);
