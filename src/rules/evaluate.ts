/**
 * Evaluation: what each session's timing means, measured against the protocol's gaps.
 * @module
 */
import { guardedInput } from '../schema/limits.js';
import type { Finding, Outcome } from '../findings/codes.js';
import { finding, ok } from '../findings/finding.js';
import type { Plan, PlanStatus, SessionState } from '../plan/schema.js';
import type { Protocol } from '../protocol/schema.js';
import { readAsOfCall, type ProtocolChoice } from '../schema/call.js';
import { unrecordedOutcomes } from './unrecorded.js';
import { measureGaps, sessionDay, sessionSpec, spacingFinding, worse, type SpacingEvaluation } from './spacing.js';
import { formatLocalDate as formatDay } from '../time/civil.js';

/**
 * Options of {@link evaluatePlan} and {@link forecast}: the plan's protocol (or `protocols`) and
 * the moment the answer is for.
 *
 * @example
 * ```ts
 * import { standardProtocol, type ReadOptions } from 'smp-protocol';
 * const options: ReadOptions = { protocol: standardProtocol, asOf: '2026-04-01T09:00:00Z' };
 * ```
 */
export type ReadOptions = ProtocolChoice & {
  /** The moment the answer is for; no function reads the clock. */
  readonly asOf: string;
};

/**
 * One session's evaluation.
 *
 * @example
 * ```ts
 * import type { SessionEvaluation } from 'smp-protocol';
 * const e: SessionEvaluation = { session: 2, state: 'completed', evaluation: 'onTime', daysFromAnchor: 12, findings: [] };
 * ```
 */
export interface SessionEvaluation {
  /** The session's number. */
  session: number;
  /** Its state. */
  state: SessionState;
  /** For a completed or booked session after the first: the worst over its gaps. */
  evaluation?: SpacingEvaluation;
  /** Calendar days from the anchor of its first gap, in the plan's zone. */
  daysFromAnchor?: number;
  /** Spacing findings: `SPACING_TOO_SOON` is an error for a completed session (it does not count). */
  findings: Finding[];
}

/**
 * A plan's evaluation.
 *
 * @example
 * ```ts
 * import type { Evaluation } from 'smp-protocol';
 * const e: Evaluation = { status: 'draft', findings: [], sessions: [] };
 * ```
 */
export interface Evaluation {
  /** The plan's status. */
  status: PlanStatus;
  /** Plan-level warnings: `OUTCOME_NOT_RECORDED` for a booking that ended before `asOf` with nothing recorded, `ZONE_NOT_TREATED`. */
  findings: Finding[];
  /** One entry per session, in order. */
  sessions: SessionEvaluation[];
}

/** Treatment records against the plan: planned zones never treated (once the course is complete). */
function recordFindings(plan: Plan): Finding[] {
  if (plan.status !== 'completed' || plan.plannedZones === undefined) return [];
  const treated = new Set<string>();
  for (const s of plan.sessions) for (const zone of s.completed?.record?.zones ?? []) treated.add(zone);
  return plan.plannedZones.filter((z) => !treated.has(z)).map((zone) => finding('ZONE_NOT_TREATED', 'warning', { zone }));
}

/** The protocol's checklist for a completed session, against its record. */
function checklistFindings(protocol: Protocol, s: Plan['sessions'][number]): Finding[] {
  if (s.state !== 'completed') return [];
  const items = protocol.sessions[s.number - 1]?.checklist ?? [];
  const done = s.completed?.record?.checklist ?? {};
  return items
    .filter((item) => done[item] !== true)
    .map((item) => finding('CHECKLIST_INCOMPLETE', 'warning', { session: s.number, item }, { session: s.number }));
}

function evaluateSessions(plan: Plan, protocol: Protocol): SessionEvaluation[] {
  return plan.sessions.map((s) => {
    const out: SessionEvaluation = { session: s.number, state: s.state, findings: checklistFindings(protocol, s) };
    const day = sessionDay(plan, s);
    if (day === undefined || s.number === 1) return out;
    const spec = sessionSpec(protocol, s.number);
    const { measures, pendingAnchors } = measureGaps(plan, spec, day);
    const context = s.state === 'completed' ? 'evaluateCompleted' : 'evaluateBooked';
    let evaluation: SpacingEvaluation | undefined;
    for (const m of measures) {
      evaluation = evaluation === undefined ? m.evaluation : worse(evaluation, m.evaluation);
      const f = spacingFinding(s.number, day, m, context);
      if (f !== undefined) out.findings.push(f);
    }
    for (const anchor of pendingAnchors) {
      out.findings.push(
        finding('DOWNSTREAM_CONFLICT', 'warning', { session: s.number, changedSession: anchor, bookedDate: formatDay(day), reason: 'anchorPending' }, { session: s.number }),
      );
    }
    if (evaluation !== undefined) out.evaluation = evaluation;
    const first = measures[0];
    if (first !== undefined) out.daysFromAnchor = first.days;
    return out;
  });
}


/**
 * Evaluates every session of a plan against its protocol's gaps, as CDSi evaluates doses.
 *
 * A completed session is `tooSoon` (not valid: `SPACING_TOO_SOON`, an error here), `grace`,
 * `early`, `onTime`, `late` or `lapsed`; a booked session is evaluated the same way on its
 * booked date. Days are calendar days in the plan's zone. A booking that ended before `asOf`
 * with nothing recorded gives `OUTCOME_NOT_RECORDED` (a warning; it never counts as completed).
 * Never throws: a junk plan, a missing or mismatched protocol or a bad `asOf` refuse the call.
 *
 * @param plan - the plan
 * @param options - the plan's protocol and the moment of the evaluation
 * @returns the evaluation, with its plan-level warnings also in the Outcome's `findings`
 *
 * @example
 * ```ts
 * import { evaluatePlan, standardProtocol, type Plan } from 'smp-protocol';
 * declare const plan: Plan;
 * const e = evaluatePlan(plan, { protocol: standardProtocol, asOf: '2026-04-10T12:00:00Z' });
 * e.ok && e.value.sessions[1]?.evaluation; // e.g. 'onTime'
 * ```
 */
export function evaluatePlan(plan: Plan, options: ReadOptions): Outcome<Evaluation> {
  return guardedInput([plan, options] as const, ['plan', 'options'], (plan, options) => {
    const read = readAsOfCall(plan, options);
    if (!read.ok) return read;
    const { plan: p, protocol, options: asOf } = read.value;
    const findings = [...unrecordedOutcomes(p, asOf.asOfMs), ...recordFindings(p)];
    return ok({ status: p.status, findings, sessions: evaluateSessions(p, protocol) }, findings);
  });
}
