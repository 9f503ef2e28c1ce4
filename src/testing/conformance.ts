/**
 * The conformance corpus: its case format (a zod schema, also published as JSON Schema) and the
 * runner our own tests, the CLI and integrators use. Dates in a case are relative to `asOf`
 * (`{ "days": -12, "time": "10:00" }` is 12 days before `asOf`'s local date at 10:00 local time in
 * the case's zone), so the corpus never ages; a case that needs a particular calendar day (a DST
 * change) pins its own `asOf` and may use absolute instants.
 * @module
 */
import * as z from 'zod/mini';
import { minChars } from '../schema/fields.js';
import { snapshot, type SnapshotProblem } from '../schema/snapshot.js';
import { formatLocalDate, parseLocalDate } from '../time/civil.js';
import { parseInstant } from '../time/instant.js';
import { isValidTimeZone, localDayOf } from '../time/zone.js';
import {
  aftercare,
  applyEvent,
  createPlan,
  english,
  evaluatePlan,
  eventTypes,
  forecast,
  localDateOf,
  preparation,
  protocols,
  screen,
  toInstant,
  type Finding,
  type Outcome,
  type Plan,
  type Protocol,
} from 'smp-protocol';

const localDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const relativeDay = z.strictObject({ days: z.int() });
const relativeDateTime = z.strictObject({ days: z.int(), time: z.string().check(z.regex(/^\d{2}:\d{2}$/)) });
/** A local date: absolute (`YYYY-MM-DD`) or `{ days }` from `asOf`'s local date. */
const dateRef = z.union([localDate, relativeDay]);
/** An instant: absolute (ISO 8601 with offset) or `{ days, time }` local to the case's zone. */
const instantRef = z.union([z.string().check(minChars(16)), relativeDateTime]);

const caseEvent = z.strictObject({
  id: z.optional(z.string()),
  type: z.enum(eventTypes),
  at: instantRef,
  session: z.optional(z.int()),
  start: z.optional(instantRef),
  end: z.optional(instantRef),
  durationMinutes: z.optional(z.int()),
  reason: z.optional(z.string()),
  until: z.optional(dateRef),
  record: z.optional(z.record(z.string(), z.unknown())),
});

const codes = z.array(z.string());
const nullableDate = z.union([dateRef, z.null()]);

/** The JSON format of one conformance case. */
export const conformanceCaseSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)),
  description: z.string(),
  testType: z.enum(['boundaryProbe', 'evaluation', 'forecast', 'refusal', 'dst', 'screening', 'care', 'idempotency', 'policy']),
  probe: z.optional(z.string()),
  protocol: z.string(),
  timeZone: z.string(),
  asOf: z.optional(z.string()),
  createdAt: z.optional(instantRef),
  events: z.array(caseEvent),
  probeEvent: z.optional(caseEvent),
  intake: z.optional(z.record(z.string(), z.unknown())),
  expected: z.strictObject({
    probe: z.optional(z.strictObject({ ok: z.boolean(), codes: z.optional(codes), severities: z.optional(z.array(z.string())) })),
    status: z.optional(z.enum(['draft', 'active', 'onHold', 'completed', 'closed'])),
    evaluation: z.optional(
      z.array(
        z.strictObject({
          session: z.int(),
          evaluation: z.optional(z.union([z.enum(['tooSoon', 'grace', 'early', 'onTime', 'late', 'lapsed']), z.null()])),
          daysFromAnchor: z.optional(z.union([z.int(), z.null()])),
          codes: z.optional(codes),
        }),
      ),
    ),
    forecast: z.optional(
      z.array(
        z.strictObject({
          session: z.int(),
          earliest: z.optional(nullableDate),
          recommended: z.optional(nullableDate),
          pastDue: z.optional(nullableDate),
          latest: z.optional(nullableDate),
          due: z.optional(z.enum(['notYet', 'early', 'due', 'overdue', 'lapsed'])),
          projected: z.optional(z.boolean()),
        }),
      ),
    ),
    next: z.optional(z.union([z.int(), z.null()])),
    screening: z.optional(
      z.strictObject({
        outcome: z.enum(['eligible', 'deferred', 'needsClearance', 'ineligible']),
        earliestStart: z.optional(nullableDate),
        codes: z.optional(codes),
      }),
    ),
    care: z.optional(
      z.strictObject({
        kind: z.enum(['aftercare', 'preparation']),
        session: z.int(),
        rules: z.optional(z.array(z.string())),
        items: z.optional(z.array(z.strictObject({ rule: z.string(), from: z.optional(z.string()), until: z.optional(z.string()) }))),
      }),
    ),
  }),
  changedIn: z.string(),
});

/**
 * One conformance case, as stored in `smp-protocol/conformance/*.json`.
 *
 * @example
 * ```ts
 * import { runConformanceCase, type ConformanceCase } from 'smp-protocol/testing';
 * const c: ConformanceCase = { id: 'book-2-at-minimum', description: 'Session 2 booked exactly 7 days after session 1',
 *   testType: 'boundaryProbe', probe: 'atMinimum', protocol: 'standard', timeZone: 'Europe/London',
 *   events: [], expected: {}, changedIn: '0.1.0' };
 * const out = runConformanceCase(c, { asOf: '2026-06-15T09:00:00Z' });
 * out.ok && out.value.passed; // true: an empty expectation holds
 * ```
 */
export type ConformanceCase = z.infer<typeof conformanceCaseSchema>;

/**
 * The result of one case: pass, or the differences found.
 *
 * @example
 * ```ts
 * import { runConformanceCase } from 'smp-protocol/testing';
 * const out = runConformanceCase({ id: 'fresh-plan', description: 'A new plan is a draft', testType: 'boundaryProbe',
 *   probe: 'atMinimum', protocol: 'standard', timeZone: 'Europe/London', events: [], expected: { status: 'completed' },
 *   changedIn: '0.1.0' }, { asOf: '2026-06-15T09:00:00Z' });
 * out.ok && out.value; // { id: 'fresh-plan', passed: false, failures: ['status: expected completed, got draft'] }
 * ```
 */
export interface ConformanceResult {
  /** The case id. */
  id: string;
  /** Whether every expectation held. */
  passed: boolean;
  /** What differed, one line each. */
  failures: string[];
}

/**
 * Options of {@link runConformanceCase}.
 *
 * @example
 * ```ts
 * import { runConformanceCase, type ConformanceOptions } from 'smp-protocol/testing';
 * import corpus from 'smp-protocol/conformance/spacing-booking.json' with { type: 'json' };
 * const options: ConformanceOptions = { asOf: '2026-06-15T09:00:00Z' };
 * const out = runConformanceCase(corpus.cases[0], options);
 * out.ok && out.value; // { id: 'standard-book-2-below-absolute-minimum', passed: true, failures: [] }
 * ```
 */
export interface ConformanceOptions {
  /** The moment relative dates are measured from, unless a case pins its own. */
  asOf: string;
  /** Protocols by id beyond the built-in ones. */
  protocols?: Record<string, Protocol>;
}

class CaseError extends Error {}

/** A valid local date `days` later, by the time kernel's calendar arithmetic. */
function shiftDate(date: string, days: number): string {
  return formatLocalDate((parseLocalDate(date) ?? Number.NaN) + days);
}

/** `asOf`'s local date in `zone` (the kernel's reading; the public reader words a problem). */
function localToday(asOf: string, zone: string): string {
  const ms = parseInstant(asOf);
  if (!Number.isNaN(ms) && isValidTimeZone(zone)) return formatLocalDate(localDayOf(zone, ms));
  const out = localDateOf(asOf, zone);
  if (!out.ok) throw new CaseError(`asOf/timeZone: ${out.findings[0]?.message ?? 'invalid'}`);
  return out.value;
}

function resolver(zone: string, asOf: string) {
  const today = { value: localToday(asOf, zone) };
  const date = (ref: z.infer<typeof dateRef>): string => (typeof ref === 'string' ? ref : shiftDate(today.value, ref.days));
  const instant = (ref: z.infer<typeof instantRef>): string => {
    if (typeof ref === 'string') return ref;
    const local = `${shiftDate(today.value, ref.days)}T${ref.time}`;
    const out = toInstant(local, zone);
    if (!out.ok) throw new CaseError(`${local} in ${zone}: ${out.findings[0]?.message ?? 'invalid'}`);
    return out.value;
  };
  return { date, instant };
}

function resolveIntake(value: unknown, date: (ref: { days: number }) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveIntake(v, date));
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'days' && typeof (value as { days: unknown }).days === 'number') {
      return date(value as { days: number });
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveIntake(v, date)]));
  }
  return value;
}

const codesOf = (findings: readonly Finding[]): string[] => findings.map((f) => f.code);
const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function run(c: ConformanceCase, options: ConformanceOptions): string[] {
  const failures: string[] = [];
  const protocol = options.protocols?.[c.protocol] ?? (protocols as Record<string, Protocol>)[c.protocol];
  if (protocol === undefined) return [`unknown protocol ${JSON.stringify(c.protocol)}`];
  const asOf = c.asOf ?? options.asOf;
  const { date, instant } = resolver(c.timeZone, asOf);
  const expected = c.expected;

  if (c.intake !== undefined || expected.screening !== undefined) {
    const s = screen(resolveIntake(c.intake ?? {}, date), { protocol, asOf, timeZone: c.timeZone });
    if (!s.ok) return [`screen refused: ${codesOf(s.findings).join(', ')}`];
    const want = expected.screening;
    if (want !== undefined) {
      if (s.value.outcome !== want.outcome) failures.push(`screening outcome: expected ${want.outcome}, got ${s.value.outcome}`);
      if (want.earliestStart !== undefined) {
        const w = want.earliestStart === null ? undefined : date(want.earliestStart);
        if (s.value.earliestStart !== w)
          failures.push(`screening earliestStart: expected ${w ?? 'none'}, got ${s.value.earliestStart ?? 'none'}`);
      }
      if (want.codes !== undefined && !same(codesOf(s.value.findings), want.codes)) {
        failures.push(`screening codes: expected [${want.codes.join(', ')}], got [${codesOf(s.value.findings).join(', ')}]`);
      }
    }
    if (c.events.length === 0 && c.probeEvent === undefined) return failures;
  }

  const created = createPlan({
    id: `conformance-${c.id}`,
    clientId: 'conformance-client',
    protocol,
    timeZone: c.timeZone,
    createdAt: c.createdAt === undefined ? instant({ days: -400, time: '09:00' }) : instant(c.createdAt),
  });
  if (!created.ok) return [`createPlan refused: ${codesOf(created.findings).join(', ')}`];
  let plan: Plan = created.value;
  const toEvent = (e: z.infer<typeof caseEvent>, i: number | 'probe'): Record<string, unknown> => {
    const out: Record<string, unknown> = { id: e.id ?? `event-${i}`, type: e.type, at: instant(e.at) };
    if (e.session !== undefined) out.session = e.session;
    if (e.start !== undefined) out.start = instant(e.start);
    if (e.end !== undefined) out.end = instant(e.end);
    if (e.durationMinutes !== undefined) out.durationMinutes = e.durationMinutes;
    if (e.reason !== undefined) out.reason = e.reason;
    if (e.until !== undefined) out.until = date(e.until);
    if (e.record !== undefined) out.record = e.record;
    return out;
  };
  for (const [i, e] of c.events.entries()) {
    const event: unknown = toEvent(e, i);
    const out = applyEvent(plan, event, { protocol });
    if (!out.ok) return [`setup event ${i} (${e.type}) refused: ${out.findings.map((f) => `${f.code}: ${f.message}`).join('; ')}`];
    plan = out.value;
  }
  if (c.probeEvent !== undefined) {
    const probe: unknown = toEvent(c.probeEvent, 'probe');
    const out = applyEvent(plan, probe, { protocol });
    const want = expected.probe;
    if (want !== undefined) {
      if (out.ok !== want.ok)
        failures.push(
          `probe: expected ${want.ok ? 'accepted' : 'refused'}, got ${out.ok ? 'accepted' : 'refused'} [${codesOf(out.findings).join(', ')}]`,
        );
      if (want.codes !== undefined && !same(codesOf(out.findings), want.codes)) {
        failures.push(`probe codes: expected [${want.codes.join(', ')}], got [${codesOf(out.findings).join(', ')}]`);
      }
      const severities = out.findings.map((f) => f.severity);
      if (want.severities !== undefined && !same(severities, want.severities)) {
        failures.push(`probe severities: expected [${want.severities.join(', ')}], got [${severities.join(', ')}]`);
      }
    }
    if (out.ok) plan = out.value;
  }
  if (expected.status !== undefined && plan.status !== expected.status)
    failures.push(`status: expected ${expected.status}, got ${plan.status}`);
  if (expected.evaluation !== undefined) {
    const out = evaluatePlan(plan, { protocol, asOf });
    if (!out.ok) failures.push(`evaluation refused: [${codesOf(out.findings).join(', ')}]`);
    const e = out.ok ? out.value : { sessions: [] };
    for (const want of expected.evaluation) {
      const got = e.sessions.find((s) => s.session === want.session);
      if (got === undefined) {
        failures.push(`evaluation: no session ${want.session}`);
        continue;
      }
      if (want.evaluation !== undefined && (got.evaluation ?? null) !== want.evaluation) {
        failures.push(`session ${want.session} evaluation: expected ${want.evaluation}, got ${got.evaluation ?? null}`);
      }
      if (want.daysFromAnchor !== undefined && (got.daysFromAnchor ?? null) !== want.daysFromAnchor) {
        failures.push(`session ${want.session} daysFromAnchor: expected ${want.daysFromAnchor}, got ${got.daysFromAnchor ?? null}`);
      }
      if (want.codes !== undefined && !same(codesOf(got.findings), want.codes)) {
        failures.push(`session ${want.session} codes: expected [${want.codes.join(', ')}], got [${codesOf(got.findings).join(', ')}]`);
      }
    }
  }
  if (expected.forecast !== undefined || expected.next !== undefined) {
    const out = forecast(plan, { protocol, asOf });
    if (!out.ok) failures.push(`forecast refused: [${codesOf(out.findings).join(', ')}]`);
    const f = out.ok ? out.value : { next: null, sessions: [] };
    if (expected.next !== undefined && (f.next?.session ?? null) !== expected.next) {
      failures.push(`next: expected ${expected.next}, got ${f.next?.session ?? null}`);
    }
    for (const want of expected.forecast ?? []) {
      const got = f.sessions.find((s) => s.session === want.session);
      if (got === undefined) {
        failures.push(`forecast: no session ${want.session}`);
        continue;
      }
      for (const key of ['earliest', 'recommended', 'pastDue', 'latest'] as const) {
        const w = want[key];
        if (w === undefined) continue;
        const wd = w === null ? undefined : date(w);
        if (got[key] !== wd) failures.push(`session ${want.session} ${key}: expected ${wd ?? 'none'}, got ${got[key] ?? 'none'}`);
      }
      if (want.due !== undefined && got.due !== want.due)
        failures.push(`session ${want.session} due: expected ${want.due}, got ${got.due ?? 'none'}`);
      if (want.projected !== undefined && got.projected !== want.projected) {
        failures.push(`session ${want.session} projected: expected ${want.projected}, got ${got.projected}`);
      }
    }
  }
  if (expected.care !== undefined) {
    const want = expected.care;
    const out = (want.kind === 'aftercare' ? aftercare : preparation)(plan, { protocol, session: want.session });
    if (!out.ok) return [...failures, `${want.kind} refused: ${codesOf(out.findings).join(', ')}`];
    const rules = out.value.map((i) => i.rule);
    if (want.rules !== undefined && !same(rules, want.rules))
      failures.push(`${want.kind} rules: expected [${want.rules.join(', ')}], got [${rules.join(', ')}]`);
    for (const item of want.items ?? []) {
      const got = out.value.find((i) => i.rule === item.rule);
      if (got === undefined) failures.push(`${want.kind}: no rule ${item.rule}`);
      else {
        if (item.from !== undefined && got.from !== item.from) failures.push(`${item.rule} from: expected ${item.from}, got ${got.from}`);
        if (item.until !== undefined && got.until !== item.until)
          failures.push(`${item.rule} until: expected ${item.until}, got ${got.until}`);
      }
    }
  }
  return failures;
}

/**
 * Runs one conformance case against this library (or checks a case file's expectations).
 *
 * @param input - a case, untrusted (validated against the case format first)
 * @param options - `asOf` for relative dates, and extra protocols by id
 * @returns pass, or every difference found; a case that does not fit the format is refused (`INVALID_INPUT`)
 *
 * @example
 * ```ts
 * import { runConformanceCase } from 'smp-protocol/testing';
 * import corpus from 'smp-protocol/conformance/spacing-booking.json' with { type: 'json' };
 * const results = corpus.cases.map((c) => runConformanceCase(c, { asOf: '2026-06-15T09:00:00Z' }));
 * results.every((r) => r.ok && r.value.passed); // true
 * ```
 */
export function runConformanceCase(input: unknown, options: ConformanceOptions): Outcome<ConformanceResult> {
  // Read once into plain data: a throwing getter or Proxy is INVALID_INPUT (unreadable) at its path.
  const caseSnap = snapshot(input, caseLimits, Object.isFrozen);
  if (!caseSnap.ok) return snapshotRefusal(caseSnap.path, caseSnap.problem);
  const optionsSnap = snapshot(options, caseLimits, Object.isFrozen);
  if (!optionsSnap.ok) return snapshotRefusal(['options', ...optionsSnap.path], optionsSnap.problem);
  return runCase(caseSnap.value, optionsSnap.value as ConformanceOptions);
}

/** The core's input limits, for the snapshot of a case (a case is small: one plan's events). */
const caseLimits = { maxArrayLength: 50_000, maxStringLength: 2_000_000, maxDepth: 64, maxNodes: 250_000, maxObjectKeys: 20_000 };

function snapshotRefusal(path: (string | number)[], problem: SnapshotProblem): Outcome<ConformanceResult> {
  const params = { ...problem, path: path.join('.') || '(the case)' };
  return { ok: false, findings: [{ code: 'INVALID_INPUT', severity: 'error', message: english.INVALID_INPUT(params), path, params }] };
}

function runCase(input: unknown, options: ConformanceOptions): Outcome<ConformanceResult> {
  try {
    const id =
      typeof input === 'object' && input !== null && typeof (input as { id?: unknown }).id === 'string'
        ? (input as { id: string }).id
        : '(no id)';
    const parsed = conformanceCaseSchema.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        findings: parsed.error.issues.slice(0, 20).map((i) => {
          const path = i.path.map((p) => (typeof p === 'number' ? p : String(p)));
          const params = {
            path: path.join('.') || '(the case)',
            problem: 'invalid',
            detail: `does not fit the conformance case format (${i.code}).`,
          };
          return { code: 'INVALID_INPUT' as const, severity: 'error' as const, message: english.INVALID_INPUT(params), path, params };
        }),
      };
    }
    const failures = run(parsed.data, options);
    return { ok: true, value: { id, passed: failures.length === 0, failures }, findings: [] };
  } catch (error) {
    const detail = (error instanceof Error ? `${error.name}: ${error.message}` : 'unknown failure').slice(0, 200);
    return {
      ok: false,
      findings: [{ code: 'INTERNAL_ERROR', severity: 'error', message: english.INTERNAL_ERROR({ detail }), params: { detail } }],
    };
  }
}
