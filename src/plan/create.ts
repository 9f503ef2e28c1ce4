/**
 * Creating a plan for a client from a protocol.
 * @module
 */
import * as z from 'zod/mini';
import type { Outcome } from '../findings/codes.js';
import { fail, guarded, ok } from '../findings/finding.js';
import { inputDetails } from '../findings/messages.js';
import { defineProtocol } from '../protocol/define.js';
import type { Protocol } from '../protocol/schema.js';
import { idField, instantField, metadataField, timeZoneField, frozenJsonCopy } from '../schema/fields.js';
import { inputFinding, issuesToFindings, metadataFinding } from '../schema/issues.js';
import { freezeSession } from './parse.js';
import type { Plan } from './schema.js';
import { prefixed, sealPlan } from './trust.js';

/**
 * What {@link createPlan} takes.
 *
 * @example
 * ```ts
 * import { standardProtocol, type CreatePlanInput } from 'smp-protocol';
 * const input: CreatePlanInput = { id: 'plan-1', clientId: 'client-9', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z', metadata: { crmId: 42 } };
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
}

const inputSchema = z.strictObject({
  id: idField,
  clientId: idField,
  protocol: z.unknown(),
  timeZone: timeZoneField,
  createdAt: instantField,
  metadata: z.optional(metadataField),
});

function create(input: unknown): Outcome<Plan> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail([inputFinding([], inputDetails.notObject('an object with id, clientId, protocol, timeZone and createdAt'))]);
  }
  const raw = input as Record<string, unknown>;
  const metadataProblem = metadataFinding(raw.metadata);
  if (metadataProblem !== undefined) return fail([metadataProblem]);
  const parsed = inputSchema.safeParse(input);
  const findings = parsed.success ? [] : issuesToFindings(parsed.error.issues);
  const protocolOutcome =
    raw.protocol === undefined
      ? fail<Protocol>([inputFinding(['protocol'], inputDetails.required('a protocol'))])
      : defineProtocol(raw.protocol);
  if (!protocolOutcome.ok) findings.push(...prefixed(protocolOutcome.findings, ['protocol']));
  if (!parsed.success || !protocolOutcome.ok || findings.length > 0) return fail(findings);
  const { id, clientId, timeZone, createdAt, metadata } = parsed.data;
  const protocol = protocolOutcome.value;
  const plan: Plan = {
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
  return guarded(() => create(input));
}

