// The JSON batch target in a plain Node process, as a batch job runs it (no test runner around it):
// 100,000 plans parsed from JSON and evaluated, per round, drawn from the same pool as
// bench/core.bench.ts (10,000 distinct plans, four zones, every stage from draft to ten events),
// timed by process.cpuUsage (CPU of this process, so a busy machine inflates it less than wall
// time) and by wall clock, with JSON.parse alone as the floor of the same round.
//
//   npm run build && node bench/batch-node.mjs
import { applyEvent, createPlan, evaluatePlan, parsePlan, standardProtocol as protocol } from '../dist/index.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const BATCH = 100_000;
const POOL = 10_000;
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const zones = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'];
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The course of plan `i` as ten events (the same story as bench/core.bench.ts); a stage is a prefix. */
function courseEvents(i) {
  const s1 = Date.UTC(2026, 0, 5, 9) + (i % 700) * DAY + (i % 8) * HOUR + (i % 97) * 60_000;
  return [
    { id: `e1-${i}`, type: 'sessionBooked', at: iso(s1 - 20 * DAY), session: 1, start: iso(s1 - 3 * DAY) },
    { id: `e2-${i}`, type: 'sessionRescheduled', at: iso(s1 - 19 * DAY), session: 1, start: iso(s1) },
    {
      id: `e3-${i}`,
      type: 'sessionCompleted',
      at: iso(s1 + 5 * HOUR),
      session: 1,
      record: { zones: ['hairline', 'temples'], pigment: 'P-2', checklist: { hairlineAgreed: true } },
    },
    { id: `e4-${i}`, type: 'sessionBooked', at: iso(s1 + DAY), session: 2, start: iso(s1 + 10 * DAY) },
    { id: `e5-${i}`, type: 'sessionCancelled', at: iso(s1 + 2 * DAY), session: 2, reason: 'client travelling' },
    { id: `e6-${i}`, type: 'sessionBooked', at: iso(s1 + 2 * DAY + 300_000), session: 2, start: iso(s1 + (10 + (i % 4)) * DAY) },
    { id: `e7-${i}`, type: 'sessionCompleted', at: iso(s1 + 14 * DAY), session: 2 },
    { id: `e8-${i}`, type: 'planPaused', at: iso(s1 + 15 * DAY), reason: 'mild irritation', until: iso(s1 + 28 * DAY).slice(0, 10) },
    { id: `e9-${i}`, type: 'planResumed', at: iso(s1 + 25 * DAY) },
    { id: `e10-${i}`, type: 'sessionBooked', at: iso(s1 + 25 * DAY + 600_000), session: 3, start: iso(s1 + 33 * DAY) },
  ];
}

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
