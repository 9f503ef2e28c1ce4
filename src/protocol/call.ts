/**
 * The one reader of a public call's `(plan, options)`: the plan (parsed, or a plan this library
 * built), the protocol it follows (from `options.protocol` or `options.protocols`, matched on the
 * plan's id **and** version), and the call's own options, with one way of prefixing paths.
 * @internal
 * @module
 */
import { guardedInput } from '../schema/limits.js';
import type { Finding, Outcome } from '../findings/codes.js';
import { fail, finding, hasError, ok } from '../findings/finding.js';
import { inputDetails } from '../findings/messages.js';
import { planArgument } from '../schema/plan-parse.js';
import type { Plan } from '../schema/plan.js';
import { defineProtocol } from './define.js';
import type { Protocol } from './schema.js';
import { inputFinding } from '../schema/issues.js';
import { localDayOf } from '../time/zone.js';
import { instantOption, prefixed } from '../schema/options.js';

/** At most this many protocols are offered in one call (the built-ins are a handful; the `protocolList` token says 100). */
const MAX_PROTOCOLS = 100;

/**
 * A reference to a protocol: what a plan stores (`plan.protocol`).
 *
 * @example
 * ```ts
 * import { createPlan, standardProtocol } from 'smp-protocol';
 * const out = createPlan({ id: 'plan-1', clientId: 'client-9', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * out.ok && out.value.protocol; // { id: 'standard', version: 1 }: the ProtocolRef the plan keeps
 * ```
 */
export interface ProtocolRef {
  /** The protocol's id. */
  readonly id: string;
  /** Its version. */
  readonly version: number;
}

interface Offer {
  readonly raw: unknown;
  readonly path: readonly (string | number)[];
}

function own(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** `id@version` of an offered protocol, for messages. */
function label(raw: unknown): string {
  const id = own(raw, 'id');
  const version = own(raw, 'version');
  return `${typeof id === 'string' ? id.slice(0, 60) : '?'} version ${typeof version === 'number' ? version : '?'}`;
}

/**
 * The protocols a call offers: `options.protocol` first, then each of `options.protocols`.
 * A missing or malformed list is an `INVALID_INPUT` pushed on `findings`.
 */
function offers(options: unknown, findings: Finding[]): Offer[] {
  if (typeof options !== 'object' || options === null) {
    findings.push(inputFinding(['options'], inputDetails.notObject('protocolOptions')));
    return [];
  }
  const single = own(options, 'protocol');
  const list = own(options, 'protocols');
  const out: Offer[] = [];
  if (single !== undefined) out.push({ raw: single, path: ['options', 'protocol'] });
  if (list !== undefined) {
    if (!Array.isArray(list) || list.length > MAX_PROTOCOLS) {
      findings.push(inputFinding(['options', 'protocols'], inputDetails.notObject('protocolList')));
    } else {
      for (let i = 0; i < list.length; i++) out.push({ raw: list[i] as unknown, path: ['options', 'protocols', i] });
    }
  }
  if (single === undefined && list === undefined) {
    findings.push(inputFinding(['options', 'protocol'], inputDetails.required('protocol')));
  }
  return out;
}

/** `PROTOCOL_MISMATCH`: naming the plan's protocol and those offered. */
export function protocolMismatch(ref: ProtocolRef, offered: readonly unknown[]): Finding {
  const first = offered[0];
  const params: Record<string, string | number> = {
    planProtocol: ref.id,
    planVersion: ref.version,
    protocol: typeof own(first, 'id') === 'string' ? String(own(first, 'id')).slice(0, 60) : '?',
    version: typeof own(first, 'version') === 'number' ? Number(own(first, 'version')) : '?',
  };
  if (offered.length !== 1) params.offered = offered.length === 0 ? 'none' : offered.slice(0, 10).map(label).join(', ');
  return finding('PROTOCOL_MISMATCH', 'error', params);
}

/**
 * The protocol whose id and version are `ref`'s among those a call offers (validated), or the
 * findings: `INVALID_INPUT` for a missing or broken protocol, `PROTOCOL_MISMATCH` for none matching.
 */
export function resolveProtocol(ref: ProtocolRef | undefined, options: unknown): Outcome<Protocol> {
  const findings: Finding[] = [];
  const offered = offers(options, findings);
  if (findings.length > 0) return fail(findings);
  // A single protocol is checked in full even without a plan to match, so its own problems show.
  const only = offered[0];
  if (only !== undefined && offered.length === 1 && own(options, 'protocols') === undefined) {
    const out = defineProtocol(only.raw);
    if (!out.ok) return fail(prefixed(out.findings, only.path));
    if (ref !== undefined && (out.value.id !== ref.id || out.value.version !== ref.version))
      return fail([protocolMismatch(ref, [out.value])]);
    return out;
  }
  // Without a plan (it is broken) there is nothing to match a list against: the plan's findings say why.
  if (ref === undefined) return fail([]);
  const match = offered.find((o) => own(o.raw, 'id') === ref.id && own(o.raw, 'version') === ref.version);
  if (match === undefined)
    return fail([
      protocolMismatch(
        ref,
        offered.map((o) => o.raw),
      ),
    ]);
  const out = defineProtocol(match.raw);
  return out.ok ? out : fail(prefixed(out.findings, match.path));
}

/**
 * How a call names its protocol: `protocol` (the one the plan follows) or `protocols` (a list, e.g.
 * {@link builtinProtocols} plus a clinic's own, several versions of one; the entry whose id and
 * version match the plan is used; none matching is `PROTOCOL_MISMATCH`).
 *
 * @example
 * ```ts
 * import { builtinProtocols, protocolFor, type ProtocolChoice } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const many: ProtocolChoice = { protocols: builtinProtocols };
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').build(); // plan.protocol: { id: 'standard', version: 1 }
 * const out = plan.ok ? protocolFor(plan.value, many) : plan;
 * out.ok && out.value.name; // 'Standard SMP course'
 * ```
 */
export type ProtocolChoice =
  | { readonly protocol: Protocol; readonly protocols?: readonly Protocol[] }
  | { readonly protocol?: Protocol; readonly protocols: readonly Protocol[] };

/** What {@link readPlanCall} gives a call: the plan, its protocol, and the call's own options. */
export interface PlanCall<T> {
  readonly plan: Plan;
  readonly protocol: Protocol;
  readonly options: T;
}

/**
 * Reads a call's `(plan, options)` up to the protocol match: the plan (paths prefixed `plan`), the
 * call's own options (`readOptions` pushes its findings), and the protocol matching the plan as an
 * Outcome of its own, for the one call (`applyEvent`) that checks duplicates before the protocol.
 */
export function readPlanCallDeferred<T>(
  planInput: unknown,
  options: unknown,
  readOptions: (findings: Finding[]) => T,
): Outcome<{ readonly plan: Plan; readonly protocol: Outcome<Protocol>; readonly options: T }> {
  const planOut = planArgument(planInput);
  const findings: Finding[] = planOut.ok ? [] : [...planOut.findings];
  // With no plan to match, a single protocol is still checked, so both problems show at once.
  const protocolOut = resolveProtocol(planOut.ok ? planOut.value.protocol : undefined, options);
  const mismatchOnly = !protocolOut.ok && protocolOut.findings.every((f) => f.code === 'PROTOCOL_MISMATCH');
  if (!protocolOut.ok && !(planOut.ok && mismatchOnly)) findings.push(...protocolOut.findings);
  const read = readOptions(findings);
  if (!planOut.ok || hasError(findings)) return fail(findings);
  return ok({ plan: planOut.value, protocol: protocolOut, options: read }, findings);
}

/**
 * Reads a call's `(plan, options)`: the plan, the call's own options and then, with all of those
 * sound, the protocol matching the plan. Every input problem is reported at once;
 * `PROTOCOL_MISMATCH` only once the inputs are sound.
 */
export function readPlanCall<T>(planInput: unknown, options: unknown, readOptions: (findings: Finding[]) => T): Outcome<PlanCall<T>> {
  const out = readPlanCallDeferred(planInput, options, readOptions);
  if (!out.ok) return out;
  const { plan, protocol, options: read } = out.value;
  return protocol.ok ? ok({ plan, protocol: protocol.value, options: read }, out.findings) : fail(protocol.findings);
}

/** The moment a reader answers for: `asOf` as epoch ms and as a local day in the plan's zone. */
export interface AsOf {
  readonly asOfMs: number;
  readonly asOfDay: number;
}

/** {@link readPlanCall} for the readers that take `asOf` (evaluation, forecast, the timeline). */
export function readAsOfCall(planInput: unknown, options: unknown): Outcome<PlanCall<AsOf>> {
  const read = readPlanCall(planInput, options, (findings) => instantOption(options, 'asOf', findings));
  if (!read.ok) return read;
  const { plan, protocol, options: asOfMs } = read.value;
  return ok({ plan, protocol, options: { asOfMs, asOfDay: localDayOf(plan.timeZone, asOfMs) } }, read.findings);
}

/**
 * The protocol a plan follows, among those offered: the one whose id **and** version match the
 * plan's. What a handler needs when it reads a stored plan, with no lookup table of its own.
 *
 * @param plan - the plan (untrusted is fine: it is parsed)
 * @param options - `{ protocol }` or `{ protocols }` (e.g. {@link builtinProtocols} plus a clinic's own)
 * @returns the protocol, or `PROTOCOL_MISMATCH` naming the plan's id and version and those offered
 *
 * @example
 * ```ts
 * import { builtinProtocols, protocolFor } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().build(); // plan.protocol: { id: 'standard', version: 1 }
 * const out = plan.ok ? protocolFor(plan.value, { protocols: builtinProtocols }) : plan;
 * out.ok && out.value.name; // 'Standard SMP course'
 * ```
 */
export function protocolFor(plan: Plan, options: ProtocolChoice): Outcome<Protocol> {
  return guardedInput([plan, options] as const, ['plan', 'options'], (plan, options) => {
    const read = readPlanCall(plan, options, () => undefined);
    return read.ok ? ok(read.value.protocol) : read;
  });
}
