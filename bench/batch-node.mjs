// The JSON batch target in a plain Node process, as a batch job runs it (no test runner around it):
// 100,000 plans parsed from JSON and evaluated, per round, drawn from the same pool as
// bench/core.bench.ts (10,000 distinct plans, four zones, every stage from draft to ten events),
// timed by process.cpuUsage (CPU of this process, so a busy machine inflates it less than wall
// time) and by wall clock, with JSON.parse alone as the floor of the same round.
//
//   npm run build && node bench/batch-node.mjs
import { applyEvent, createPlan, evaluatePlan, parsePlan, standardProtocol as protocol } from '../dist/index.js';
import { courseEvents } from './course-events.mjs';

const BATCH = 100_000;
const POOL = 10_000;
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const zones = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'];
function must(outcome) {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.findings));
  return outcome.value;
}

const pool = [];
for (let i = 0; i < POOL; i++) {
  let plan = must(
    createPlan({ id: `plan-${i}`, clientId: 'client-1', protocol, timeZone: zones[i % 4], createdAt: '2026-03-01T09:00:00Z' }),
  );
  for (const e of courseEvents(i).slice(0, i % 11)) plan = must(applyEvent(plan, e, { protocol }));
  pool.push(JSON.stringify(plan));
}
const options = { protocol, asOf: '2027-01-01T12:00:00Z' };
let sink;
const perSecond = (n, micros) => Math.round(n / (micros / 1e6));
const rows = [];
for (let round = 0; round < ROUNDS; round++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < BATCH; i++) sink = must(evaluatePlan(must(parsePlan(JSON.parse(pool[i % POOL]))), options));
  const c = process.cpuUsage(c0);
  const wall = performance.now() - t0;
  const f0 = process.cpuUsage();
  for (let i = 0; i < BATCH; i++) sink = JSON.parse(pool[i % POOL]);
  const f = process.cpuUsage(f0);
  rows.push({ cpu: perSecond(BATCH, c.user + c.system), wall: perSecond(BATCH, wall * 1000), floor: perSecond(BATCH, f.user + f.system) });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [k, r] of rows.entries()) {
  console.log(
    `round ${k + 1}: ${r.cpu.toLocaleString('en')} plans/s (CPU), ${r.wall.toLocaleString('en')}/s (wall); JSON.parse alone ${r.floor.toLocaleString('en')}/s (CPU)`,
  );
}
const m = median(rows.map((r) => r.cpu));
console.log(
  `median ${m.toLocaleString('en')} plans/s parsed from JSON and evaluated (CPU): target ≥ 50,000 ${m >= 50_000 ? 'met' : 'MISSED'}`,
);
if (sink === undefined) process.exitCode = 1;
