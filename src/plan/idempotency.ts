/**
 * Idempotency: an event whose `id` is already in the history is a retry when it carries the same
 * *intent*, and a reused id otherwise.
 *
 * Intent is every field that changes the plan: `type`, `session`, `start` and `end` (compared as
 * instants, so `2026-03-23T10:00:00Z` and `2026-03-23T11:00:00+01:00` are the same start),
 * `durationMinutes` (a booking without one takes the protocol's duration), `reason`, `until` and
 * `record`. Not intent: `id` (it is the key), `at` (a serverless handler stamps it from its clock
 * on every attempt), `actor` and `note` (who retried, and what they wrote, change no rule).
 * @internal
 * @module
 */
import type { Finding } from '../findings/codes.js';
import { finding } from '../findings/finding.js';
import type { Protocol } from '../protocol/schema.js';
import { sessionSpec } from '../protocol/session.js';
import { parseInstant } from '../time/instant.js';
import type { PlanEvent } from '../schema/plan.js';

/** Fields of an event that are not its intent. */
const NOT_INTENT: ReadonlySet<string> = new Set(['id', 'at', 'actor', 'note']);
/** Fields holding instants: equal when they name the same instant, however spelled. */
const INSTANT_KEYS: ReadonlySet<string> = new Set(['start', 'end']);

function sameValue(a: unknown, b: unknown, key: string): boolean {
  if (typeof a === 'string' && typeof b === 'string' && INSTANT_KEYS.has(key)) return parseInstant(a) === parseInstant(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  // Objects and arrays are compared key by key: the event schema never puts an array where the other event has an object.
  const ka = Object.keys(a).filter((x) => (a as Record<string, unknown>)[x] !== undefined);
  const kb = Object.keys(b).filter((x) => (b as Record<string, unknown>)[x] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((x) => sameValue((a as Record<string, unknown>)[x], (b as Record<string, unknown>)[x], x));
}

/** An event's intent: its plan-changing fields, with the protocol's defaults applied (when the protocol is known). */
export function intentOf(ev: PlanEvent, protocol: Protocol | undefined): Record<string, unknown> {
  const intent: Record<string, unknown> = {};
  // A field written as undefined stays here: the comparison skips such fields at every level.
  for (const [key, value] of Object.entries(ev)) if (!NOT_INTENT.has(key)) intent[key] = value;
  if (ev.type === 'sessionBooked' && ev.durationMinutes === undefined && protocol !== undefined)
    intent.durationMinutes = sessionSpec(protocol, ev.session).durationMinutes;
  return intent;
}

/** Whether two parsed events carry the same intent. */
export function sameIntent(a: PlanEvent, b: PlanEvent, protocol: Protocol | undefined): boolean {
  return sameValue(intentOf(a, protocol), intentOf(b, protocol), '');
}

/** The idempotency check: `DUPLICATE_EVENT` (info), `EVENT_ID_REUSED` (error), or nothing for a new id. */
export function duplicateCheck(recorded: PlanEvent | undefined, ev: PlanEvent, protocol: Protocol | undefined): Finding | undefined {
  if (recorded === undefined) return undefined;
  return sameIntent(recorded, ev, protocol)
    ? finding('DUPLICATE_EVENT', 'info', { eventId: ev.id })
    : finding('EVENT_ID_REUSED', 'error', { eventId: ev.id });
}
