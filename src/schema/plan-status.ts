/**
 * The plan's status, derived from its sessions outside `onHold` and `closed`.
 * @internal
 * @module
 */
import type { Plan, PlanSession, PlanStatus } from './plan.js';

/** draft (nothing booked or completed), active, or completed (every session completed). */
export function derivedStatus(sessions: readonly PlanSession[]): PlanStatus {
  let completed = 0;
  let touched = 0;
  for (const s of sessions) {
    if (s.state === 'completed') completed++;
    if (s.state !== 'pending') touched++;
  }
  if (completed === sessions.length) return 'completed';
  return touched > 0 ? 'active' : 'draft';
}

/** The status a plan with these parts has. */
export function statusOf(parts: Pick<Plan, 'sessions' | 'hold' | 'closure'>): PlanStatus {
  if (parts.closure !== undefined) return 'closed';
  if (parts.hold !== undefined) return 'onHold';
  return derivedStatus(parts.sessions);
}
