/**
 * The plan state machine's status rules as data: which plan statuses refuse each event (and with
 * which code), and the status changes each event can make. `applyEvent` enforces `refusedIn`;
 * diagrams are drawn from `edges`; a test keeps the two consistent.
 * @module
 */
import type { FindingCode } from '../findings/codes.js';
import type { PlanEvent, PlanStatus } from '../schema/plan.js';

/**
 * The status rules of one event type.
 *
 * @example
 * ```ts
 * import { planTransitions } from 'smp-protocol';
 * planTransitions.planResumed.refusedIn.active; // 'PLAN_NOT_ON_HOLD'
 * ```
 */
export interface TransitionRule {
  /** Plan statuses in which the event is refused before any session check, with the code. */
  readonly refusedIn: Readonly<Partial<Record<PlanStatus, FindingCode>>>;
  /** Status changes the event can make when accepted: `[from, to, when]`. */
  readonly edges: readonly (readonly [from: PlanStatus, to: PlanStatus, when: string])[];
}

/**
 * The status rules of every event type (docs/design.md's table of rules per event). Session-level
 * rules (order, spacing, overlap…) are checked after these.
 *
 * @example
 * ```ts
 * import { planTransitions } from 'smp-protocol';
 * planTransitions.sessionBooked.refusedIn.onHold; // 'PLAN_ON_HOLD'
 * planTransitions.planClosed.edges.map(([from]) => from); // ['draft', 'active', 'onHold', 'completed']
 * ```
 */
export const planTransitions: {
  readonly [E in PlanEvent['type']]: TransitionRule;
} = {
  sessionBooked: {
    refusedIn: { onHold: 'PLAN_ON_HOLD', closed: 'PLAN_CLOSED', completed: 'PLAN_COMPLETED' },
    edges: [
      ['draft', 'active', 'the first booking'],
      ['active', 'active', 'a later booking'],
    ],
  },
  sessionRescheduled: {
    refusedIn: { onHold: 'PLAN_ON_HOLD', closed: 'PLAN_CLOSED', completed: 'PLAN_COMPLETED' },
    edges: [['active', 'active', 'a booking moves']],
  },
  sessionCancelled: {
    refusedIn: { closed: 'PLAN_CLOSED' },
    edges: [
      ['active', 'draft', 'the only booking is cancelled'],
      ['active', 'active', 'a booking is cancelled'],
      ['onHold', 'onHold', 'a booking is cancelled'],
    ],
  },
  sessionMissed: {
    refusedIn: { closed: 'PLAN_CLOSED' },
    edges: [
      ['active', 'draft', 'the only booking was missed'],
      ['active', 'active', 'a booking was missed'],
      ['active', 'onHold', 'the no-show limit is reached'],
      ['onHold', 'onHold', 'a booking was missed'],
    ],
  },
  sessionCompleted: {
    refusedIn: { closed: 'PLAN_CLOSED' },
    edges: [
      ['draft', 'active', 'session 1 is recorded without a booking'],
      ['active', 'active', 'a session is completed'],
      ['active', 'completed', 'the last session is completed'],
      ['onHold', 'onHold', 'a session happened while on hold'],
    ],
  },
  sessionAdded: {
    refusedIn: { onHold: 'PLAN_ON_HOLD', closed: 'PLAN_CLOSED' },
    edges: [
      ['draft', 'draft', 'an extra session is added'],
      ['active', 'active', 'an extra session is added'],
      ['completed', 'active', 'an extra session reopens the course'],
    ],
  },
  planPaused: {
    refusedIn: { onHold: 'PLAN_ON_HOLD', closed: 'PLAN_CLOSED', completed: 'PLAN_COMPLETED' },
    edges: [
      ['draft', 'onHold', 'paused'],
      ['active', 'onHold', 'paused'],
    ],
  },
  planResumed: {
    refusedIn: { draft: 'PLAN_NOT_ON_HOLD', active: 'PLAN_NOT_ON_HOLD', completed: 'PLAN_NOT_ON_HOLD', closed: 'PLAN_CLOSED' },
    edges: [
      ['onHold', 'draft', 'resumed, nothing booked or completed'],
      ['onHold', 'active', 'resumed'],
      ['onHold', 'completed', 'resumed, every session completed'],
    ],
  },
  planClosed: {
    refusedIn: { closed: 'PLAN_CLOSED' },
    edges: [
      ['draft', 'closed', 'ended early'],
      ['active', 'closed', 'ended early'],
      ['onHold', 'closed', 'ended early'],
      ['completed', 'closed', 'closed after the course'],
    ],
  },
};
