/**
 * A plan's fields are copied in one place: every plan the reducer makes (the sealed result of
 * `applyEvent` and `replay`, and replay's working plan between steps) is assembled here from the
 * plan it started from and the parts an event changes. A new field of the plan's schema is added
 * here once (`test/plan/carry.test.ts` fails until it is).
 * @module
 */
import type { Plan, PlanEvent } from '../schema/plan.js';
import { statusOf } from '../schema/plan-status.js';
import { sealPlan } from '../schema/plan-trust.js';
import type { Mutable } from '../schema/readonly.js';

/** The parts of a plan an event changes. @internal */
export interface PlanState {
  sessions: readonly PlanSession[];
  hold: Plan['hold'];
  closure: Plan['closure'];
  notBefore: string | undefined;
}

type PlanSession = Plan['sessions'][number];

/** The parts of `plan` an event can change. @internal */
export function stateOf(plan: Plan): PlanState {
  return { sessions: plan.sessions, hold: plan.hold, closure: plan.closure, notBefore: plan.notBefore };
}

/**
 * `plan` with `state` in place of its changing parts, `history` and `version`: every other field
 * carried over, keys in the schema's order (a plan serialises the same whether built or parsed).
 * Not sealed. @internal
 */
export function planWith(plan: Plan, state: PlanState, history: PlanEvent[], version: number): Plan {
  const next: Mutable<Plan> = {
    schemaVersion: 1,
    id: plan.id,
    clientId: plan.clientId,
    protocol: plan.protocol,
    timeZone: plan.timeZone,
    createdAt: plan.createdAt,
    status: statusOf(state),
    sessions: state.sessions,
    history,
    version,
  };
  if (state.hold !== undefined) next.hold = state.hold;
  if (state.closure !== undefined) next.closure = state.closure;
  if (state.notBefore !== undefined) next.notBefore = state.notBefore;
  // What createPlan fixed for the life of the plan.
  if (plan.screening !== undefined) next.screening = plan.screening;
  if (plan.plannedZones !== undefined) next.plannedZones = plan.plannedZones;
  if (plan.maintains !== undefined) next.maintains = plan.maintains;
  if (plan.metadata !== undefined) next.metadata = plan.metadata;
  return next;
}

/** A new sealed plan from an old one, a state and the history that leads to it. @internal */
export function buildPlan(plan: Plan, state: PlanState, history: PlanEvent[]): Plan {
  return sealPlan(planWith(plan, state, history, history.length));
}
