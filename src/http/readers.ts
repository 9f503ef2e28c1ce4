/**
 * The one place the handler calls the core's readers and exporters. They are moving to
 * `Outcome<T>` and to a `{ protocols }` option in 0.2; until then `value()` unwraps an Outcome or
 * passes a plain value through, and the protocol is resolved here by the plan's id and version.
 * @internal
 * @module
 */
import {
  aftercare,
  english,
  evaluatePlan,
  findSlots,
  forecast,
  screen,
  toTimelineSvg,
  type Availability,
  type CareItem,
  type Evaluation,
  type Finding,
  type Forecast,
  type Outcome,
  type Plan,
  type Protocol,
  type Screening,
  type Slot,
} from 'smp-protocol';
import { toFhir } from 'smp-protocol/fhir';
import { toICalendar } from 'smp-protocol/ical';

function isOutcome<T>(x: unknown): x is Outcome<T> {
  return typeof x === 'object' && x !== null && 'ok' in x && typeof (x as { ok: unknown }).ok === 'boolean' && Array.isArray((x as { findings?: unknown }).findings);
}

/** An Outcome from a reader's answer: an Outcome as it is; a plain value with its `findings` (if any) as warnings, or refused if one is an error. @internal */
export function value<T>(x: T | Outcome<T>): Outcome<T> {
  if (isOutcome<T>(x)) return x;
  const findings = (x as { findings?: unknown } | null)?.findings;
  const list = Array.isArray(findings) ? (findings as Finding[]) : [];
  if (list.some((f) => f.severity === 'error')) return { ok: false, findings: list };
  return { ok: true, value: x, findings: [] };
}

/** The protocol of `plan` among `protocols`, or PROTOCOL_MISMATCH. @internal */
export function protocolOf(plan: Pick<Plan, 'protocol'>, protocols: readonly Protocol[]): Outcome<Protocol> {
  const p = protocols.find((x) => x.id === plan.protocol.id && x.version === plan.protocol.version);
  if (p !== undefined) return { ok: true, value: p, findings: [] };
  const params = { planProtocol: plan.protocol.id, planVersion: plan.protocol.version, protocol: 'none of the configured protocols', version: 0 };
  return { ok: false, findings: [{ code: 'PROTOCOL_MISMATCH', severity: 'error', message: english.PROTOCOL_MISMATCH({ ...params, severity: 'error' }), params }] };
}

function withProtocol<T>(plan: Plan, protocols: readonly Protocol[], read: (protocol: Protocol) => T | Outcome<T>): Outcome<T> {
  const p = protocolOf(plan, protocols);
  return p.ok ? value(read(p.value)) : p;
}

/** @internal */
export const readers = {
  forecast: (plan: Plan, protocols: readonly Protocol[], asOf: string): Outcome<Forecast> => withProtocol(plan, protocols, (protocol) => forecast(plan, { protocol, asOf })),
  evaluation: (plan: Plan, protocols: readonly Protocol[], asOf: string): Outcome<Evaluation> => withProtocol(plan, protocols, (protocol) => evaluatePlan(plan, { protocol, asOf })),
  aftercare: (plan: Plan, protocols: readonly Protocol[], session: number): Outcome<CareItem[]> => withProtocol(plan, protocols, (protocol) => aftercare(plan, { protocol, session })),
  slots: (plan: Plan, protocols: readonly Protocol[], options: { availability: Availability; asOf: string; session?: number; limit?: number }): Outcome<Slot[]> =>
    withProtocol(plan, protocols, (protocol) => findSlots(plan, { protocol, ...options })),
  calendar: (plan: Plan, protocols: readonly Protocol[]): Outcome<string> => withProtocol(plan, protocols, (protocol) => toICalendar(plan, { protocol })),
  fhir: (plan: Plan, protocols: readonly Protocol[], asOf: string): Outcome<unknown> => withProtocol(plan, protocols, (protocol) => toFhir(plan, { protocol, asOf })),
  timeline: (plan: Plan, protocols: readonly Protocol[], asOf: string): Outcome<string> => withProtocol(plan, protocols, (protocol) => toTimelineSvg(plan, { protocol, asOf })),
  screen: (intake: unknown, protocol: Protocol, asOf: string, timeZone: string): Outcome<Screening> => value(screen(intake, { protocol, asOf, timeZone })),
};
