/**
 * Untrusted JSON to typed plans and events.
 * @module
 */
import type { Finding, Outcome } from '../findings/codes.js';
import { fail, finding, guarded, ok } from '../findings/finding.js';
import { inputDetails } from '../findings/messages.js';
import { frozenJsonCopy } from './fields.js';
import { parseInstant } from '../time/instant.js';
import { inputFinding, issuesToFindings, metadataFinding } from './issues.js';
import { planSchemas, type Plan, type PlanEvent, type PlanSession } from './plan.js';
import { derivedStatus } from './plan-status.js';
import { prefixed } from './options.js';
import { isTrustedPlan, sealPlan } from './plan-trust.js';
import { guardedInput, limitsFinding } from './limits.js';
import { isReadEvent, readEventFast, readPlanFast } from './plan-read.js';
import type { KeyHints } from './snapshot.js';

/** The schema version this library reads and writes. */
export const SCHEMA_VERSION = 1;

type Schemas = ReturnType<typeof planSchemas>;

/**
 * The plan and event parsers: zod's interpreted `zod/mini` schemas. zod's compiled fast path
 * (`z.compile`) was ~29 KB minified (~8 KB gzipped) of the core bundle, over its 40 KB budget;
 * plans this library built skip parsing altogether, so only stored JSON pays for interpretation.
 */
function planParser(): Schemas['planSchema'] {
  return planSchemas().planSchema;
}
function eventParser(): Schemas['eventSchema'] {
  return planSchemas().eventSchema;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * zod skips a `__proto__` key of a record (a treatment record's checklist) without an issue, so
 * the key would vanish silently: refuse it with its path, as metadata does.
 */
function checklistProtoKey(record: unknown, path: (string | number)[]): Finding | undefined {
  const checklist = isRecord(record) ? record.checklist : undefined;
  return isRecord(checklist) && Object.hasOwn(checklist, '__proto__')
    ? inputFinding([...path, 'checklist', '__proto__'], inputDetails.metadataKey())
    : undefined;
}

/**
 * Parses one event (untrusted) into a frozen `PlanEvent`: a plainly valid event through the
 * key-wise reader (`plan-read.ts`), anything else through the zod schema, which words the findings.
 * @internal
 */
export function parseEvent(input: unknown, prefix: (string | number)[] = []): Outcome<PlanEvent> {
  if (isReadEvent(input)) return ok(input);
  const fast = readEventFast(input);
  if (fast !== undefined) return ok(fast);
  return parseEventSlow(input, prefix);
}

/** The zod path of {@link parseEvent} alone: the oracle the key-wise reader is tested against. @internal */
export function parseEventSlow(input: unknown, prefix: (string | number)[] = []): Outcome<PlanEvent> {
  if (!isRecord(input)) return fail([inputFinding(prefix, inputDetails.notObject('an event object'))]);
  const tooBig = limitsFinding(input, prefix);
  if (tooBig !== undefined) return fail([tooBig]);
  const protoKey = checklistProtoKey(input.record, [...prefix, 'record']);
  if (protoKey !== undefined) return fail([protoKey]);
  const parsed = eventParser().safeParse(input, { reportInput: true });
  if (!parsed.success) return fail(issuesToFindings(parsed.error.issues, prefix));
  return ok(freezeEvent(parsed.data));
}

/** Freezes an event and its nested record. @internal */
export function freezeEvent(event: PlanEvent): PlanEvent {
  if (event.type === 'sessionCompleted' && event.record !== undefined) {
    const r = event.record;
    if (r.zones !== undefined) Object.freeze(r.zones);
    if (r.checklist !== undefined) Object.freeze(r.checklist);
    Object.freeze(r);
  }
  return Object.freeze(event);
}

function freezeSession(s: PlanSession): PlanSession {
  if (s.booking !== undefined) Object.freeze(s.booking);
  if (s.completed !== undefined) {
    const r = s.completed.record;
    if (r !== undefined) {
      if (r.zones !== undefined) Object.freeze(r.zones);
      if (r.checklist !== undefined) Object.freeze(r.checklist);
      Object.freeze(r);
    }
    Object.freeze(s.completed);
  }
  return Object.freeze(s);
}

function consistency(plan: Plan): Finding[] {
  const out: Finding[] = [];
  if (plan.version !== plan.history.length) {
    out.push(inputFinding(['version'], inputDetails.planVersion(plan.version, plan.history.length)));
  }
  const ids = new Set<string>();
  plan.history.forEach((e, i) => {
    if (ids.has(e.id)) out.push(inputFinding(['history', i, 'id'], inputDetails.duplicateEventId(e.id)));
    ids.add(e.id);
  });
  plan.sessions.forEach((s, i) => {
    if (s.number !== i + 1) out.push(inputFinding(['sessions', i, 'number'], inputDetails.sessionNumber(i + 1, s.number)));
    if (s.state === 'booked' && s.booking === undefined) out.push(inputFinding(['sessions', i, 'booking'], inputDetails.bookingMissing()));
    if (s.state === 'completed' && s.completed === undefined)
      out.push(inputFinding(['sessions', i, 'completed'], inputDetails.completionMissing()));
    if (s.state !== 'completed' && s.completed !== undefined)
      out.push(inputFinding(['sessions', i, 'completed'], inputDetails.unexpectedCompletion(s.state)));
    if (s.state === 'pending' && s.booking !== undefined)
      out.push(inputFinding(['sessions', i, 'booking'], inputDetails.unexpectedBooking()));
    // What applyEvent never produces: an interval that ends before it starts (a booking ends
    // after its start; a completion's end is refused before its start).
    if (s.booking !== undefined && parseInstant(s.booking.end) <= parseInstant(s.booking.start)) {
      out.push(inputFinding(['sessions', i, 'booking', 'end'], inputDetails.endBeforeStart()));
    }
    if (s.completed !== undefined && parseInstant(s.completed.end) < parseInstant(s.completed.start)) {
      out.push(inputFinding(['sessions', i, 'completed', 'end'], inputDetails.endBeforeStart()));
    }
  });
  const expected = plan.closure !== undefined ? 'closed' : plan.hold !== undefined ? 'onHold' : derivedStatus(plan.sessions);
  if (plan.status !== expected) {
    out.push(inputFinding(['status'], inputDetails.planStatus(plan.status, expected)));
  }
  return out;
}

/** The slow path's shape stage: the pre-checks and the zod schema (no consistency, nothing frozen). */
function parseShape(input: unknown): Outcome<Plan> {
  if (!isRecord(input)) return fail([inputFinding([], inputDetails.notObject('a plan object'))]);
  const version = input.schemaVersion;
  if (typeof version === 'number' && version !== SCHEMA_VERSION) {
    return fail([
      finding('UNSUPPORTED_SCHEMA_VERSION', 'error', { found: version, supported: SCHEMA_VERSION }, { path: ['schemaVersion'] }),
    ]);
  }
  const metadataProblem = metadataFinding(input.metadata);
  if (metadataProblem !== undefined) return fail([metadataProblem]);
  const tooBig = limitsFinding(input);
  if (tooBig !== undefined) return fail([tooBig]);
  const protoKeys: Finding[] = [];
  const { history, sessions } = input;
  // Bounded like the schema (history ≤ 10,000, sessions ≤ 99): longer lists are refused by zod next.
  if (Array.isArray(history) && history.length <= 10_000) {
    history.forEach((e: unknown, i) => {
      const f = checklistProtoKey(isRecord(e) ? e.record : undefined, ['history', i, 'record']);
      if (f !== undefined) protoKeys.push(f);
    });
  }
  if (Array.isArray(sessions) && sessions.length <= 99) {
    sessions.forEach((s: unknown, i) => {
      const f = checklistProtoKey(isRecord(s) && isRecord(s.completed) ? s.completed.record : undefined, [
        'sessions',
        i,
        'completed',
        'record',
      ]);
      if (f !== undefined) protoKeys.push(f);
    });
  }
  if (protoKeys.length > 0) return fail(protoKeys);
  const parsed = planParser().safeParse(input, { reportInput: true });
  if (!parsed.success) return fail(issuesToFindings(parsed.error.issues));
  const plan = parsed.data;
  if (plan.metadata !== undefined) plan.metadata = frozenJsonCopy(plan.metadata);
  return ok(plan);
}

function parse(input: unknown): Outcome<Plan> {
  const shaped = parseShape(input);
  return shaped.ok ? finish(shaped.value) : shaped;
}

/**
 * The slow path alone (snapshot, pre-checks, zod; `finished: false` stops before the consistency
 * checks): the oracle the key-wise reader is tested against. @internal
 */
export function parsePlanSlow(input: unknown, finished = true): Outcome<Plan> {
  return guardedInput([input] as const, [''], (input) => (finished ? parse(input) : parseShape(input)));
}

/** A parsed plan (either path; metadata already a frozen copy): its consistency checked, frozen and sealed. */
function finish(plan: Plan): Outcome<Plan> {
  const problems = consistency(plan);
  if (problems.length > 0) return fail(problems);
  plan.sessions.forEach(freezeSession);
  plan.history.forEach(freezeEvent);
  if (plan.hold !== undefined) Object.freeze(plan.hold);
  if (plan.closure !== undefined) Object.freeze(plan.closure);
  Object.freeze(plan.protocol);
  if (plan.screening !== undefined) {
    for (const r of plan.screening.reasons) Object.freeze(r);
    Object.freeze(plan.screening.reasons);
    Object.freeze(plan.screening);
  }
  if (plan.plannedZones !== undefined) Object.freeze(plan.plannedZones);
  return ok(sealPlan(plan));
}

/**
 * A plan argument: trusted as is; a plainly valid one read key-wise (`plan-read.ts`, no snapshot,
 * no zod); anything else snapshotted and parsed by the zod schema, which words the findings.
 */
function readPlan(input: unknown): Outcome<Plan> {
  if (isTrustedPlan(input)) return ok(input);
  const hints: KeyHints = {};
  const fast = readPlanFast(input, hints);
  if (fast !== undefined) return guarded(() => finish(fast));
  return guardedInput([input] as const, [''], (input) => parse(input), hints);
}

/**
 * Parses untrusted input (typically `JSON.parse` of a stored plan) into a typed, frozen plan.
 *
 * Never throws. Malformed shapes, impossible dates (`2026-02-30`), instants without an offset,
 * unknown zones, wrong types, unknown fields, `__proto__` keys and oversized strings each give a
 * finding with the path to the problem. A plan whose `schemaVersion` is not 1 gives
 * `UNSUPPORTED_SCHEMA_VERSION`. `metadata` survives the round trip unchanged.
 *
 * @param input - anything
 * @returns the plan, or findings that say what is wrong and where
 *
 * @example
 * ```ts
 * import { applyEvent, createPlan, parsePlan, standardProtocol } from 'smp-protocol';
 * const created = createPlan({ id: 'plan-1', clientId: 'client-9', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * const booked = created.ok ? applyEvent(created.value, { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:05:00Z', session: 1, start: '2026-03-23T10:00:00Z' }, { protocol: standardProtocol }) : created;
 * const stored = booked.ok ? JSON.stringify(booked.value) : '{}';
 * parsePlan(JSON.parse(stored)).ok; // true
 * parsePlan({ ...JSON.parse(stored), status: 'done' }).findings[0]?.path; // ['status']
 * ```
 */
export function parsePlan(input: unknown): Outcome<Plan> {
  return readPlan(input);
}

/** The plan argument of a call: trusted as is, otherwise parsed (paths prefixed with `plan`). @internal */
export function planArgument(input: unknown): Outcome<Plan> {
  const out = readPlan(input);
  return out.ok ? out : fail(prefixed(out.findings, ['plan']));
}

export { freezeSession };
