/**
 * Where a plan's sessions sit in time, as local day numbers in the plan's zone: what the spacing
 * rules (which work on day numbers only) are given.
 * @module
 */
import type { Plan, PlanSession } from '../schema/plan.js';
import { parseInstant } from '../time/instant.js';
import { localDayOf } from '../time/zone.js';

/**
 * The interval that fixes a session in time: its completion, else its booking (a pending session
 * has none: the plan reader refuses a pending session with a booking). @internal
 */
export function sessionInterval(s: PlanSession): { start: string; end: string } | undefined {
  return s.state === 'completed' ? s.completed : s.booking;
}

/** Local day number of a session's start in the plan's zone, or undefined when pending. @internal */
export function sessionDay(plan: Plan, s: PlanSession | undefined): number | undefined {
  // Stryker disable next-line ConditionalExpression: every caller passes a session of the plan (an anchor comes before its session); the check narrows the type
  const iv = s === undefined ? undefined : sessionInterval(s);
  return iv === undefined ? undefined : localDayOf(plan.timeZone, parseInstant(iv.start));
}

/** Session number → its local day (undefined while pending): the anchors `measureGaps` reads. @internal */
export function sessionDays(plan: Plan): (n: number) => number | undefined {
  return (n) => sessionDay(plan, plan.sessions[n - 1]);
}
