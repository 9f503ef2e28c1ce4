/**
 * The plan scenarios of the property tests, shared: steered random event sequences (all nine
 * event types, repeats, re-spelled retries, mutants, garbage, whole courses) and the runner that
 * applies them and keeps the trace. Used by plan.property.test.ts and the runs at scale.
 */
import fc from 'fast-check';
import { applyEvent, createPlan, eventTypes, type Outcome, type Plan, type Protocol } from 'smp-protocol';
import { localDate, plusDays } from '../support/invariants.js';

export const MINUTE = 60_000;
export const DAY = 86_400_000;
/** Ways to spell an instant: `Z` or a fixed offset in minutes (instants compare by value). */
const OFFSETS = [0, 0, 0, 345, -180, 840, -600, 60, 765, -210];

export function spell(ms: number, style: number): string {
  const offset = OFFSETS[style % OFFSETS.length] ?? 0;
  if (style % OFFSETS.length === 0) return new Date(ms).toISOString().replace('.000Z', 'Z');
  const local = new Date(ms + offset * MINUTE).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${offset < 0 ? '-' : '+'}${hh}:${mm}`;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries.

export type EventType = (typeof eventTypes)[number];

export interface EventStep {
  kind: 'event';
  type: EventType;
  /** Pick the session the plan is ready for (first pending, first not completed, a booked one), else `session`. */
  smart: boolean;
  pick: number;
  id: number;
  session: number;
  advance: number;
  startDays: number;
  startQuarter: number;
  /** Where a booking's start is counted from: the clock, the session before, the latest fixed session, or right now (±4 h). */
  startFrom: 'clock' | 'previous' | 'latest' | 'now';
  spelling: number;
  duration: number | null;
  afterStart: boolean;
  explicitStart: boolean;
  explicitEnd: boolean;
  backMinutes: number;
  until: number | null;
  extras: boolean;
  version: 'none' | 'current' | 'stale';
}
export interface RepeatStep {
  kind: 'repeat';
  index: number;
  respell: boolean;
}
export interface MutantStep {
  kind: 'mutant';
  event: EventStep;
  field: number;
}
export interface GarbageStep {
  kind: 'garbage';
  value: unknown;
}
/** A clinic booking the rest of the course in one go: each pending session `gaps[i]` days after the one before. */
export interface CourseStep {
  kind: 'course';
  gaps: number[];
  quarter: number;
}
export type Step = EventStep | RepeatStep | MutantStep | GarbageStep | CourseStep;

export const eventStepArb: fc.Arbitrary<EventStep> = fc.record({
  kind: fc.constant('event' as const),
  type: fc.oneof(
    { weight: 8, arbitrary: fc.constant('sessionBooked' as const) },
    { weight: 7, arbitrary: fc.constant('sessionCompleted' as const) },
    { weight: 4, arbitrary: fc.constant('sessionRescheduled' as const) },
    { weight: 2, arbitrary: fc.constant('sessionCancelled' as const) },
    { weight: 3, arbitrary: fc.constant('sessionMissed' as const) },
    { weight: 1, arbitrary: fc.constant('sessionAdded' as const) },
    { weight: 1, arbitrary: fc.constant('planPaused' as const) },
    { weight: 2, arbitrary: fc.constant('planResumed' as const) },
    { weight: 1, arbitrary: fc.constantFrom(...eventTypes) },
  ),
  smart: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  pick: fc.nat({ max: 9 }),
  id: fc.integer({ min: 0, max: 80 }),
  session: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 5 }) }),
  advance: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 12 * 60 }) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 16 * 24 * 60 }) },
    { weight: 1, arbitrary: fc.integer({ min: -2 * 24 * 60, max: 0 }) },
  ),
  // Biased to the minimum gaps (7 days standard, 14 scar, 2–3 and 8 custom), where calendar days and 24-hour days disagree.
  startDays: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(2, 3, 6, 7, 8, 13, 14) },
    { weight: 2, arbitrary: fc.integer({ min: 4, max: 16 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 70 }) },
  ),
  startQuarter: fc.integer({ min: 0, max: 95 }),
  startFrom: fc.constantFrom(
    'clock' as const,
    'previous' as const,
    'previous' as const,
    'previous' as const,
    'latest' as const,
    'now' as const,
  ),
  spelling: fc.nat({ max: 50 }),
  duration: fc.option(fc.integer({ min: 15, max: 600 }), { freq: 3 }),
  afterStart: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  explicitStart: fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 3, arbitrary: fc.constant(false) }),
  explicitEnd: fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 3, arbitrary: fc.constant(false) }),
  backMinutes: fc.integer({ min: 0, max: 3 * 24 * 60 }),
  until: fc.option(fc.integer({ min: -3, max: 40 }), { freq: 2 }),
  extras: fc.boolean(),
  version: fc.oneof(
    { weight: 16, arbitrary: fc.constant('none' as const) },
    { weight: 2, arbitrary: fc.constant('current' as const) },
    { weight: 1, arbitrary: fc.constant('stale' as const) },
  ),
});

/** Values that break an event field: impossible dates, missing offsets, wrong types, hostile keys. */
export const BAD_FIELDS: [field: string, value: unknown][] = [
  ['at', '2026-02-30T10:00:00Z'],
  ['at', '2026-03-23T10:00'],
  ['start', '2026-03-23T25:00:00Z'],
  ['start', 20260323],
  ['session', 0],
  ['session', 1.5],
  ['session', '1'],
  ['session', 100],
  ['type', 'sessionExploded'],
  ['id', ''],
  ['id', 7],
  ['note', 42],
  ['durationMinutes', 0],
  ['durationMinutes', 5_000],
  ['until', '2026-02-30'],
  ['reason', ''],
  ['record', { zones: ['forehead'] }],
  ['unknown', true],
  ['__proto__', { polluted: true }],
];

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 14, arbitrary: eventStepArb },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('repeat' as const), index: fc.nat(), respell: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('mutant' as const), event: eventStepArb, field: fc.nat({ max: BAD_FIELDS.length - 1 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('garbage' as const),
      value: fc.oneof(fc.anything({ maxDepth: 2 }), fc.jsonValue({ maxDepth: 2 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('course' as const),
      gaps: fc.array(fc.oneof(fc.constantFrom(6, 7, 8, 14), fc.integer({ min: 6, max: 24 })), { minLength: 1, maxLength: 4 }),
      quarter: fc.integer({ min: -8, max: 8 }),
    }),
  },
);

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
function plainJson(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(plainJson);
  if (typeof value === 'object' && value !== null) {
    return Object.keys(value).every((k) => !FORBIDDEN.has(k) && plainJson((value as Record<string, unknown>)[k]));
  }
  return true;
}

const metadataArb = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }).filter(plainJson);

export interface Scenario {
  zone: string;
  base: string;
  protocol: number;
  metadata: Record<string, unknown> | null;
  steps: Step[];
}

/** Scenarios over the given protocols (by index), zones and start instants. */
export function scenarioArbFor(config: {
  protocols: readonly Protocol[];
  zones: readonly string[];
  bases: readonly string[];
  maxSteps?: number;
}): fc.Arbitrary<Scenario> {
  return fc.record({
    zone: fc.constantFrom(...config.zones),
    base: fc.constantFrom(...config.bases),
    protocol: fc.nat({ max: config.protocols.length - 1 }),
    metadata: fc.option(metadataArb, { freq: 2 }),
    steps: fc.array(stepArb, { maxLength: config.maxSteps ?? 40 }),
  });
}

// ---------------------------------------------------------------------------------------------
// Running a scenario.

export interface Applied {
  before: Plan;
  event: unknown;
  expectedVersion: number | undefined;
  out: Outcome<Plan>;
}
export interface Trace {
  protocol: Protocol;
  initial: Plan;
  final: Plan;
  steps: Applied[];
  /** The last `at` of the run (ms), for asOf choices. */
  clock: number;
}

export function fixedStart(plan: Plan, n: number): number | undefined {
  const s = plan.sessions[n - 1];
  const iv = s?.state === 'completed' ? s.completed : s?.state === 'booked' ? s.booking : undefined;
  return iv === undefined ? undefined : Date.parse(iv.start);
}

function chooseSession(step: EventStep, plan: Plan): number {
  if (!step.smart) return step.session;
  const booked = plan.sessions.filter((s) => s.state === 'booked');
  switch (step.type) {
    case 'sessionBooked':
      return plan.sessions.find((s) => s.state === 'pending')?.number ?? step.session;
    case 'sessionCompleted':
      return plan.sessions.find((s) => s.state !== 'completed')?.number ?? step.session;
    case 'sessionRescheduled':
      return booked[step.pick % Math.max(booked.length, 1)]?.number ?? step.session;
    case 'sessionMissed':
      // Often the next appointment is the one missed; sometimes a later one (then an earlier booking stays).
      return (step.pick < 5 ? booked[0] : booked[step.pick % Math.max(booked.length, 1)])?.number ?? step.session;
    case 'sessionCancelled':
      return booked.at(-1)?.number ?? step.session;
    default:
      return step.session;
  }
}

/** Turns a step into an event for the current plan and clock (times follow the plan's bookings). */
export function materialise(step: EventStep, plan: Plan, clock: { ms: number }): Record<string, unknown> {
  clock.ms += step.advance * MINUTE;
  const k = chooseSession(step, plan);
  const s = plan.sessions[k - 1];
  const booking = s?.state === 'booked' ? s.booking : undefined;
  const ev: Record<string, unknown> = { id: `e${step.id}`, type: step.type };
  const quarter = step.startQuarter * 15 * MINUTE;
  switch (step.type) {
    case 'sessionBooked':
    case 'sessionRescheduled': {
      const latest = Math.max(...plan.sessions.map((x) => fixedStart(plan, x.number) ?? Number.NEGATIVE_INFINITY));
      const anchor =
        step.startFrom === 'previous'
          ? fixedStart(plan, k - 1)
          : step.startFrom === 'latest' && Number.isFinite(latest)
            ? latest
            : undefined;
      const startMs =
        step.startFrom === 'now'
          ? clock.ms + (step.startQuarter - 48) * 5 * MINUTE
          : anchor !== undefined
            ? anchor + step.startDays * DAY + quarter - 12 * 3_600_000
            : clock.ms + step.startDays * DAY + quarter;
      ev.session = k;
      ev.start = spell(startMs, step.spelling);
      if (step.duration !== null) ev.durationMinutes = step.duration;
      break;
    }
    case 'sessionCancelled':
      ev.session = k;
      if (step.extras) ev.reason = 'client asked';
      break;
    case 'sessionMissed':
      ev.session = k;
      if (step.afterStart && booking !== undefined)
        clock.ms = Math.max(clock.ms, Date.parse(booking.start) + (step.advance % 120) * MINUTE);
      break;
    case 'sessionCompleted': {
      ev.session = k;
      if (step.afterStart && booking !== undefined) {
        clock.ms = Math.max(clock.ms, Date.parse(booking.end) + (step.advance % 180) * MINUTE);
      }
      const startMs = step.explicitStart || booking === undefined ? clock.ms - step.backMinutes * MINUTE : Date.parse(booking.start);
      // A walk-in (no booking) needs a start; otherwise the booking's start is the default.
      if (step.explicitStart || (step.smart && booking === undefined)) ev.start = spell(startMs, step.spelling + 1);
      if (step.explicitEnd) ev.end = spell(Math.min(clock.ms, startMs + (step.duration ?? 120) * MINUTE), step.spelling + 2);
      if (step.extras) ev.record = { zones: ['hairline', 'temples'], pigment: 'P-2', checklist: { hairlineAgreed: true }, notes: 'ok' };
      break;
    }
    case 'sessionAdded':
      ev.reason = 'healed light';
      break;
    case 'planPaused':
      ev.reason = 'adverse reaction';
      if (step.until !== null) ev.until = plusDays(localDate(new Date(clock.ms).toISOString(), plan.timeZone), step.until);
      break;
    case 'planResumed':
      break;
    case 'planClosed':
      ev.reason = 'client left';
      break;
    default: {
      const never: never = step.type;
      throw new Error(`unknown type ${String(never)}`);
    }
  }
  ev.at = spell(clock.ms, step.spelling);
  if (step.extras) {
    ev.actor = 'artist-1';
    ev.note = 'front desk';
  }
  return ev;
}

export function respelled(event: Readonly<Record<string, unknown>>): Record<string, unknown> {
  // Key order reversed and `at` written with another offset: still the same event.
  const entries = Object.entries(event).reverse();
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) out[key] = key === 'at' && typeof value === 'string' ? spell(Date.parse(value), 3) : value;
  return out;
}

function planFor(s: Scenario, protocols: readonly Protocol[]): { plan: Plan; protocol: Protocol } {
  const protocol = protocols[s.protocol];
  if (protocol === undefined) throw new Error(`no protocol ${s.protocol}`);
  const input = { id: 'plan-p', clientId: 'client-p', protocol, timeZone: s.zone, createdAt: s.base };
  const created = createPlan(s.metadata === null ? input : { ...input, metadata: s.metadata });
  if (!created.ok) throw new Error(`createPlan refused: ${JSON.stringify(created.findings)}`);
  return { plan: created.value, protocol };
}

/** Applies every step; a throw from the library propagates (property (a) fails on it). */
export function run(s: Scenario, protocols: readonly Protocol[]): Trace {
  const { plan: initial, protocol } = planFor(s, protocols);
  const clock = { ms: Date.parse(s.base) };
  let plan = initial;
  const steps: Applied[] = [];
  s.steps.forEach((step, index) => {
    if (step.kind === 'course') {
      step.gaps.forEach((gap, i) => {
        const k = plan.sessions.find((x) => x.state === 'pending')?.number;
        if (k === undefined) return;
        const anchor = fixedStart(plan, k - 1) ?? clock.ms + DAY;
        const event = {
          id: `course-${index}-${i}`,
          type: 'sessionBooked',
          at: spell(clock.ms, index),
          session: k,
          start: spell(anchor + gap * DAY + step.quarter * 15 * MINUTE, i),
        };
        const out = applyEvent(plan, event, { protocol });
        steps.push({ before: plan, event, expectedVersion: undefined, out });
        if (out.ok) plan = out.value;
      });
      return;
    }
    let event: unknown;
    let expectedVersion: number | undefined;
    switch (step.kind) {
      case 'event':
        event = materialise(step, plan, clock);
        if (step.version === 'current') expectedVersion = plan.version;
        if (step.version === 'stale') expectedVersion = plan.version + 1;
        break;
      case 'repeat': {
        const recorded = plan.history.length === 0 ? undefined : plan.history[step.index % plan.history.length];
        event = recorded === undefined ? null : step.respell ? respelled(recorded) : { ...recorded };
        break;
      }
      case 'mutant': {
        const [field, value] = BAD_FIELDS[step.field] ?? ['unknown', 1];
        const ev = materialise(step.event, plan, clock);
        if (field === '__proto__') event = JSON.parse(JSON.stringify(ev).replace('{', `{"__proto__":${JSON.stringify(value)},`));
        else event = { ...ev, [field]: value };
        break;
      }
      case 'garbage':
        event = step.value;
        break;
      default: {
        const never: never = step;
        throw new Error(`unknown step ${JSON.stringify(never)}`);
      }
    }
    const options = expectedVersion === undefined ? { protocol } : { protocol, expectedVersion };
    const out = applyEvent(plan, event, options);
    steps.push({ before: plan, event, expectedVersion, out });
    if (out.ok) plan = out.value;
  });
  return { protocol, initial, final: plan, steps, clock: clock.ms };
}

export function accepted(trace: Trace): Applied[] {
  return trace.steps.filter((a) => a.out.ok && !a.out.findings.some((f) => f.code === 'DUPLICATE_EVENT'));
}
