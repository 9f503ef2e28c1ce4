/**
 * Creating a plan for a client from a protocol.
 * @module
 */
import type { Mutable } from '../schema/readonly.js';
import * as z from 'zod/mini';
import { once } from '../schema/once.js';
import type { Outcome } from '../findings/codes.js';
import { fail, finding, ok } from '../findings/finding.js';
import { inputDetails } from '../findings/messages.js';
import { defineProtocol } from '../protocol/define.js';
import type { Protocol } from '../protocol/schema.js';
import { frozenJsonCopy, idField, instantField, localDateField, maxItems, metadataField, timeZoneField } from '../schema/fields.js';
import type { Screening } from '../rules/screening.js';
import { parseLocalDate } from '../time/civil.js';
import { inputFinding, issuesToFindings, metadataFinding } from '../schema/issues.js';
import { freezeSession } from '../schema/plan-parse.js';
import { scalpZones, type Plan } from '../schema/plan.js';
import { prefixed } from '../schema/options.js';
import { sealPlan } from '../schema/plan-trust.js';
import { guardedInput, limitsFinding } from '../schema/limits.js';

/**
 * A zone of the scalp a course can treat.
 *
 * @example
 * ```ts
 * import { scalpZones } from 'smp-protocol';
 * scalpZones.includes('crown'); // true
 * scalpZones; // ['hairline', 'temples', 'crown', 'midScalp', 'sides', 'back', 'scar']
 * ```
 */
export type ScalpZone = (typeof scalpZones)[number];

/**
 * What {@link createPlan} takes.
 *
 * @example
 * ```ts
 * import { createPlan, standardProtocol, type CreatePlanInput } from 'smp-protocol';
 * const input: CreatePlanInput = { id: 'plan-1', clientId: 'client-9', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z', metadata: { crmId: 42 } };
 * const out = createPlan(input);
 * out.ok && [out.value.status, out.value.version, out.value.metadata]; // ['draft', 0, { crmId: 42 }]
 * ```
 */
export interface CreatePlanInput {
  /** The plan's id, unique in your system. */
  id: string;
  /** Your client's id. */
  clientId: string;
  /** The protocol the plan follows; the plan records its id and version. */
  protocol: Protocol;
  /** The clinic's IANA time zone: spacing is counted in calendar days there. */
  timeZone: string;
  /** When the plan was created. */
  createdAt: string;
  /** Your own JSON data; kept unchanged through every event and round trip. */
  metadata?: Record<string, unknown>;
  /**
   * The result of {@link screen}. `ineligible` refuses the plan (`SCREENING_INELIGIBLE`); a dated
   * deferral refuses booking session 1 before `earliestStart` (`SCREENING_DEFERRED`); an undated
   * deferral and `needsClearance` are warnings when session 1 is booked.
   */
  screening?: Screening;
  /** The zones the course is planned to treat. */
  zones?: ScalpZone[];
  /** For a touch-up: the id of the completed course it maintains. */
  maintains?: string;
}

const REASON_OUTCOME: Record<string, 'deferred' | 'needsClearance' | 'ineligible'> = {
  SCREENING_DEFERRED: 'deferred',
  SCREENING_CLEARANCE_REQUIRED: 'needsClearance',
  SCREENING_INELIGIBLE: 'ineligible',
};

/** What a plan keeps of a screening: outcome, first allowed day, and the reasons from its findings. */
function planScreening(s: ScreeningInput): NonNullable<Plan['screening']> {
  const reasons: Mutable<NonNullable<Plan['screening']>['reasons']> = [];
  for (const f of s.findings) {
    const outcome = REASON_OUTCOME[f.code];
    if (outcome === undefined) continue;
    const reason: Mutable<(typeof reasons)[number]> = {
      condition: String(f.params?.condition ?? '').slice(0, 256) || 'unspecified',
      outcome,
    };
    const until = f.params?.until;
    if (typeof until === 'string' && parseLocalDate(until) !== undefined) reason.until = until;
    reasons.push(Object.freeze(reason));
  }
  const out: Mutable<NonNullable<Plan['screening']>> = { outcome: s.outcome, reasons: Object.freeze(reasons) };
  if (s.earliestStart !== undefined) out.earliestStart = s.earliestStart;
  return Object.freeze(out);
}

/** createPlan's input schemas, built on first use (never at import). */
const inputSchemas = once(() => {
  const screeningInput = z.strictObject({
    outcome: z.enum(['eligible', 'deferred', 'needsClearance', 'ineligible']),
    earliestStart: z.optional(localDateField),
    findings: z
      .array(z.looseObject({ code: z.string(), params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))) }))
      .check(maxItems(50)),
  });

  const inputSchema = z.strictObject({
    id: idField,
    clientId: idField,
    // Validated by defineProtocol below (one finding when missing, not a second from zod).
    protocol: z.optional(z.unknown()),
    timeZone: timeZoneField,
    createdAt: instantField,
    metadata: z.optional(metadataField),
    screening: z.optional(screeningInput),
    zones: z.optional(z.array(z.enum(scalpZones)).check(maxItems(scalpZones.length))),
    maintains: z.optional(idField),
  });
  return { screeningInput, inputSchema };
});
type ScreeningInput = z.infer<ReturnType<typeof inputSchemas>['screeningInput']>;

function create(input: unknown): Outcome<Plan> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail([inputFinding([], inputDetails.notObject('an object with id, clientId, protocol, timeZone and createdAt'))]);
  }
  const raw = input as Record<string, unknown>;
  const metadataProblem = metadataFinding(raw.metadata);
  if (metadataProblem !== undefined) return fail([metadataProblem]);
  const tooBig = limitsFinding(input);
  if (tooBig !== undefined) return fail([tooBig]);
  const parsed = inputSchemas().inputSchema.safeParse(input, { reportInput: true });
  const findings = parsed.success ? [] : issuesToFindings(parsed.error.issues);
  const protocolOutcome =
    raw.protocol === undefined ? fail<Protocol>([inputFinding([], inputDetails.required('a protocol'))]) : defineProtocol(raw.protocol);
  if (!protocolOutcome.ok) findings.push(...prefixed(protocolOutcome.findings, ['protocol']));
  // Either problem put its findings in `findings`; with neither there are none.
  if (!parsed.success || !protocolOutcome.ok) return fail(findings);
  const { id, clientId, timeZone, createdAt, metadata, screening, zones, maintains } = parsed.data;
  const protocol = protocolOutcome.value;
  if (screening?.outcome === 'ineligible') {
    const reasons = screening.findings.filter((f) => f.code === 'SCREENING_INELIGIBLE');
    const reason = reasons
      .map((f) => String(f.params?.reason ?? f.params?.condition ?? ''))
      .filter((r) => r !== '')
      .join('; ');
    // The conditions too, so that other locales can render the reason without the English text.
    const condition = reasons
      .map((f) => String(f.params?.condition ?? ''))
      .filter((c) => c !== '')
      .join(', ');
    const params: Record<string, string> = { reason: reason === '' ? 'the screening found the client ineligible' : reason };
    if (condition !== '') params.condition = condition;
    return fail([finding('SCREENING_INELIGIBLE', 'error', params, { path: ['screening'] })]);
  }
  const plan: Mutable<Plan> = {
    schemaVersion: 1,
    id,
    clientId,
    protocol: Object.freeze({ id: protocol.id, version: protocol.version }),
    timeZone,
    createdAt,
    status: 'draft',
    sessions: protocol.sessions.map((s) => freezeSession({ number: s.number, phase: s.phase, state: 'pending' })),
    history: [],
    version: 0,
  };
  if (screening !== undefined) plan.screening = planScreening(screening);
  if (zones !== undefined) plan.plannedZones = Object.freeze([...new Set(zones)]) as typeof zones;
  if (maintains !== undefined) plan.maintains = maintains;
  if (metadata !== undefined) plan.metadata = frozenJsonCopy(metadata);
  return ok(sealPlan(plan));
}

/**
 * Creates a draft plan: every session of the protocol pending, an empty history, version 0.
 *
 * Takes untrusted input and never throws: a bad zone is `INVALID_TIME_ZONE`, a bad instant
 * `INVALID_INSTANT`, an invalid protocol has its findings under `protocol`.
 *
 * @param input - see {@link CreatePlanInput}
 * @returns the frozen plan, or findings
 *
 * @example
 * ```ts
 * import { createPlan, standardProtocol } from 'smp-protocol';
 * const out = createPlan({ id: 'plan-1', clientId: 'client-9', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * out.ok && out.value.sessions.map((s) => s.state); // ['pending', 'pending', 'pending']
 * ```
 */
export function createPlan(input: CreatePlanInput): Outcome<Plan> {
  return guardedInput([input] as const, [], (input) => create(input));
}
