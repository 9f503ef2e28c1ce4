/**
 * Evaluation: what each session's timing means, measured against the protocol's gaps.
 * @module
 */
import type { Mutable } from '../schema/readonly.js';
import type { Finding, Outcome } from '../findings/codes.js';
import { finding, ok } from '../findings/finding.js';
import type { Plan, PlanStatus, SessionState } from '../schema/plan.js';
import { guardedInput } from '../schema/limits.js';
import type { Protocol } from '../protocol/schema.js';
import { readAsOfCall, type ProtocolChoice } from '../protocol/call.js';
import { unrecordedOutcomes } from './unrecorded.js';
import { sessionSpec } from '../protocol/session.js';
import { sessionDay, sessionDays } from './session-days.js';
import { measureGaps, spacingFinding, worse, type SpacingContext, type SpacingEvaluation } from './spacing.js';
import { formatLocalDate as formatDay } from '../time/civil.js';

/**
 * Options of {@link evaluatePlan} and {@link forecast}: the plan's protocol (or `protocols`) and
 * the moment the answer is for.
 *
 * @example
 * ```ts
 * import { evaluatePlan, standardProtocol, type ReadOptions } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const options: ReadOptions = { protocol: standardProtocol, asOf: '2026-04-10T12:00:00Z' };
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-04T10:00').build();
 * const e = plan.ok ? evaluatePlan(plan.value, options) : plan;
 * e.ok && e.value.sessions[1]?.daysFromAnchor; // 12
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
 * import { evaluatePlan, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-04T10:00').build();
 * const e = plan.ok ? evaluatePlan(plan.value, { protocol: standardProtocol, asOf: '2026-04-10T12:00:00Z' }) : plan;
 * e.ok && e.value.sessions[1]; // { session: 2, state: 'completed', findings: [], evaluation: 'onTime', daysFromAnchor: 12 }
 * ```
 */
export interface SessionEvaluation {
  /** The session's number. */
  readonly session: number;
  /** Its state. */
  readonly state: SessionState;
  /** For a completed or booked session after the first: the worst over its gaps. */
  readonly evaluation?: SpacingEvaluation;
  /** Calendar days from the anchor of its first gap, in the plan's zone. */
  readonly daysFromAnchor?: number;
  /** Spacing findings: `SPACING_TOO_SOON` is an error for a completed session (it does not count). */
  readonly findings: readonly Finding[];
}

/**
 * A plan's evaluation.
 *
 * @example
 * ```ts
 * import { evaluatePlan, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-04T10:00').build();
 * const e = plan.ok ? evaluatePlan(plan.value, { protocol: standardProtocol, asOf: '2026-04-10T12:00:00Z' }) : plan;
 * e.ok && e.value.status; // 'active'
 * e.ok && e.value.sessions.map((s) => s.state); // ['completed', 'completed', 'pending']
 * ```
 */
export interface Evaluation {
  /** The plan's status. */
  readonly status: PlanStatus;
  /** Plan-level warnings: `OUTCOME_NOT_RECORDED` for a booking that ended before `asOf` with nothing recorded, `ZONE_NOT_TREATED`. */
  readonly findings: readonly Finding[];
  /** One entry per session, in order. */
  readonly sessions: readonly SessionEvaluation[];
}

/** Treatment records against the plan: planned zones never treated (once the course is complete). */
function recordFindings(plan: Plan): Finding[] {
  if (plan.status !== 'completed' || plan.plannedZones === undefined) return [];
  const treated = new Set<string>();
  for (const s of plan.sessions) {
    // Stryker disable next-line OptionalChaining: every session of a completed plan is completed
    const record = s.completed?.record;
    // Stryker disable next-line ArrayDeclaration: no zones recorded, none treated; any other default names no scalp zone
    for (const zone of record?.zones ?? []) treated.add(zone);
  }
  return plan.plannedZones.filter((z) => !treated.has(z)).map((zone) => finding('ZONE_NOT_TREATED', 'warning', { zone }));
}

/** The protocol's checklist for a completed session, against its record. */
function checklistFindings(protocol: Protocol, s: Plan['sessions'][number]): Finding[] {
  if (s.state !== 'completed') return [];
  const items = protocol.sessions[s.number - 1]?.checklist ?? [];
  // Stryker disable next-line OptionalChaining: a completed session always has its completion
  const record = s.completed?.record;
  const done = record?.checklist ?? {};
  return items
    .filter((item) => done[item] !== true)
    .map((item) => finding('CHECKLIST_INCOMPLETE', 'warning', { session: s.number, item }, { session: s.number }));
}

/** The spacing context of a booked session under evaluation (spacingFinding reads it as a booking). */
const EVALUATED_BOOKING: SpacingContext = 'evaluateBooked';

function evaluateSessions(plan: Plan, protocol: Protocol): SessionEvaluation[] {
  return plan.sessions.map((s) => {
    const findings = checklistFindings(protocol, s);
    const out: Mutable<SessionEvaluation> = { session: s.number, state: s.state, findings };
    const day = sessionDay(plan, s);
    if (day === undefined) return out;
    // Stryker disable next-line ConditionalExpression: session 1 has no gaps (defineProtocol refuses any), so measuring it finds nothing; this only skips the work
    if (s.number === 1) return out;
    const spec = sessionSpec(protocol, s.number);
    const { measures, pendingAnchors } = measureGaps(spec, day, sessionDays(plan));
    const context = s.state === 'completed' ? 'evaluateCompleted' : EVALUATED_BOOKING;
    let evaluation: SpacingEvaluation | undefined;
    for (const m of measures) {
      // Stryker disable next-line ConditionalExpression: worse(undefined, e) is e (an unranked evaluation ranks below none), so the first measure needs no case of its own
      evaluation = evaluation === undefined ? m.evaluation : worse(evaluation, m.evaluation);
      const f = spacingFinding(s.number, day, m, context);
      if (f !== undefined) findings.push(f);
    }
    for (const anchor of pendingAnchors) {
      findings.push(
        finding(
          'DOWNSTREAM_CONFLICT',
          'warning',
          { session: s.number, changedSession: anchor, bookedDate: formatDay(day), reason: 'anchorPending' },
          { session: s.number },
        ),
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
 * import { evaluatePlan, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-04T10:00').build();
 * const e = plan.ok ? evaluatePlan(plan.value, { protocol: standardProtocol, asOf: '2026-04-10T12:00:00Z' }) : plan;
 * e.ok && e.value.sessions[1]?.evaluation; // 'onTime'
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
