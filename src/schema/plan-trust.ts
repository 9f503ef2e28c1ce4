/**
 * Plans this library built are frozen and remembered, so that readers skip re-validating them;
 * anything else passed as a `Plan` is parsed first, because "typed" input may still be raw JSON.
 * @internal
 * @module
 */
import type { Plan } from './plan.js';

const trustedPlans = new WeakSet<object>();

/** Freezes a plan built by this library (its own objects; events and sessions are frozen when built) and trusts it. */
export function sealPlan(plan: Plan): Plan {
  Object.freeze(plan.sessions);
  Object.freeze(plan.history);
  Object.freeze(plan);
  // Frozen, so the boundary snapshot keeps it as it is without a second weak set (one entry per
  // parsed plan is what a batch of 100,000 pays for in its collector).
  trustedPlans.add(plan);
  return plan;
}

/** Whether `value` is a plan this library built. */
export function isTrustedPlan(value: unknown): value is Plan {
  return typeof value === 'object' && value !== null && trustedPlans.has(value);
}
