/**
 * The handler's calls into the core's readers and exporters, each with the configured protocols
 * (the one whose id and version match the plan is used).
 * @internal
 * @module
 */
import {
  aftercare,
  evaluatePlan,
  findSlots,
  english,
  forecast,
  screen,
  toTimelineSvg,
  type Availability,
  type CareItem,
  type Evaluation,
  type Forecast,
  type Outcome,
  type Plan,
  type Protocol,
  type ProtocolRef,
  type Screening,
  type Slot,
} from 'smp-protocol';
import { toFhir } from 'smp-protocol/fhir';
import { toICalendar } from 'smp-protocol/ical';

/** The protocol `ref` names among `protocols`, or PROTOCOL_MISMATCH. @internal */
export function protocolOf(plan: { readonly protocol: ProtocolRef }, protocols: readonly Protocol[]): Outcome<Protocol> {
  const p = protocols.find((x) => x.id === plan.protocol.id && x.version === plan.protocol.version);
  if (p !== undefined) return { ok: true, value: p, findings: [] };
  const offered = protocols.map((x) => `${x.id} version ${x.version}`).join(', ') || 'none';
  const params = { planProtocol: plan.protocol.id, planVersion: plan.protocol.version, offered };
  return {
    ok: false,
    findings: [
      { code: 'PROTOCOL_MISMATCH', severity: 'error', message: english.PROTOCOL_MISMATCH({ ...params, severity: 'error' }), params },
    ],
  };
}

/** @internal */
export const readers = {
  forecast: (plan: Plan, protocols: readonly Protocol[], asOf: string): Outcome<Forecast> => forecast(plan, { protocols, asOf }),
  evaluation: (plan: Plan, protocols: readonly Protocol[], asOf: string): Outcome<Evaluation> => evaluatePlan(plan, { protocols, asOf }),
  aftercare: (plan: Plan, protocols: readonly Protocol[], session: number): Outcome<CareItem[]> => aftercare(plan, { protocols, session }),
  slots: (
    plan: Plan,
    protocols: readonly Protocol[],
    options: { availability: Availability; asOf: string; session?: number; limit?: number },
  ): Outcome<Slot[]> => findSlots(plan, { protocols, ...options }),
  calendar: (plan: Plan, protocols: readonly Protocol[]): Outcome<string> => toICalendar(plan, { protocols }),
  fhir: (plan: Plan, protocols: readonly Protocol[], asOf: string): Outcome<unknown> => toFhir(plan, { protocols, asOf }),
  timeline: (plan: Plan, protocols: readonly Protocol[], asOf: string): Outcome<string> => toTimelineSvg(plan, { protocols, asOf }),
  screen: (intake: unknown, protocol: Protocol, asOf: string, timeZone: string): Outcome<Screening> =>
    screen(intake, { protocol, asOf, timeZone }),
};
