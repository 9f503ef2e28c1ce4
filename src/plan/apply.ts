/**
 * The plan state machine: one event in, the next plan (or the refusal) out. Pure: "now" is the
 * event's own `at`, which is what makes `replay` exact. A façade: the arguments from the one
 * reader, retries from `idempotency.ts`, the status gates from the transition table and every
 * rule from `rules/` (through the handlers in `handlers.ts`), the plan assembled by `build.ts`.
 * @module
 */
import type { Outcome } from '../findings/codes.js';
import { fail, finding, ok } from '../findings/finding.js';
import { inputDetails } from '../findings/messages.js';
import { readPlanCallDeferred, type ProtocolChoice } from '../protocol/call.js';
import { guardedInput } from '../schema/limits.js';
import { inputFinding } from '../schema/issues.js';
import { option } from '../schema/options.js';
import { freezeEvent, parseEvent } from '../schema/plan-parse.js';
import { readEventFast } from '../schema/plan-read.js';
import type { KeyHints } from '../schema/snapshot.js';
import type { Plan, PlanEvent, PlanEventInput } from '../schema/plan.js';
import { buildPlan } from './build.js';
import { step } from './handlers.js';
import { duplicateCheck } from './idempotency.js';

/**
 * Options of {@link applyEvent}: the plan's protocol (or a list holding it) and, optionally, the
 * version you expect the plan to be at.
 *
 * @example
 * ```ts
 * import { applyEvent, builtinProtocols, createPlan, standardProtocol, type ApplyEventOptions } from 'smp-protocol';
 * const created = createPlan({ id: 'plan-1', clientId: 'client-9', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * const options: ApplyEventOptions = { protocols: builtinProtocols, expectedVersion: 3 };
 * const out = created.ok ? applyEvent(created.value, { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:05:00Z', session: 1, start: '2026-03-23T10:00:00Z' }, options) : created;
 * out.ok ? undefined : out.findings[0]?.params; // { expected: 3, actual: 0 }: VERSION_CONFLICT
 * ```
 */
export type ApplyEventOptions = ProtocolChoice & {
  /** Refuse with `VERSION_CONFLICT` unless the plan is at this version (optimistic concurrency). */
  readonly expectedVersion?: number;
};

/**
 * What {@link applyEvent}'s untrusted overload accepts: anything, except a value whose `type` is a
 * string literal that names no event (a misspelling the compiler can catch).
 *
 * @example
 * ```ts
 * import { applyEvent, createPlan, standardProtocol, type UntrustedEvent } from 'smp-protocol';
 * const created = createPlan({ id: 'plan-1', clientId: 'client-9', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * const body: UntrustedEvent<{ type: string }> = { type: 'sessionBook' }; // UntrustedEvent<{ type: 'sessionBook' }> is never
 * const out = created.ok ? applyEvent(created.value, body, { protocol: standardProtocol }) : created;
 * out.ok ? undefined : out.findings[0]?.path; // ['type']
 * ```
 */
export type UntrustedEvent<E> = unknown extends E
  ? E
  : E extends { readonly type: infer T }
    ? string extends T
      ? E
      : T extends PlanEvent['type']
        ? E
        : never
    : E;

function apply(planInput: unknown, eventInput: unknown, options: unknown): Outcome<Plan> {
  const read = readPlanCallDeferred(planInput, options, (findings) => {
    const eventOut = parseEvent(eventInput);
    if (!eventOut.ok) findings.push(...eventOut.findings);
    const expected = option(options, 'expectedVersion');
    if (expected !== undefined && (typeof expected !== 'number' || !Number.isInteger(expected) || expected < 0)) {
      findings.push(inputFinding(['options', 'expectedVersion'], inputDetails.notObject('a whole number ≥ 0')));
    }
    // Anything but a whole number ≥ 0 (or nothing) was refused just above: a sound read has one.
    return { event: eventOut.ok ? eventOut.value : undefined, expected: expected as number | undefined };
  });
  if (!read.ok) return read;
  const {
    plan,
    protocol: protocolOut,
    options: { event, expected },
  } = read.value;
  // A sound read has a parsed event (its findings would have refused the read otherwise).
  const ev = event as PlanEvent;
  // Retries first (a retry carries a stale version), then the version, then the protocol.
  const duplicate = duplicateCheck(
    plan.history.find((e) => e.id === ev.id),
    ev,
    protocolOut.ok ? protocolOut.value : undefined,
  );
  if (duplicate !== undefined) return duplicate.severity === 'error' ? fail([duplicate]) : ok(plan, [duplicate]);
  if (expected !== undefined && expected !== plan.version) {
    return fail([finding('VERSION_CONFLICT', 'error', { expected, actual: plan.version })]);
  }
  if (!protocolOut.ok) return protocolOut;
  const noShows = plan.history.reduce((n, e) => (e.type === 'sessionMissed' ? n + 1 : n), 0);
  const r = step(plan, ev, protocolOut.value, noShows);
  if (!r.ok) return fail(r.findings);
  return ok(buildPlan(plan, r.state, [...plan.history, freezeEvent(ev)]), r.findings);
}

/**
 * Applies one event to a plan: the plan's state machine.
 *
 * "Now" is the event's own `at`. Commands (bookings, moves, cancellations) are refused when they
 * break a rule; facts (a completed session, a no-show) are recorded and come with warnings.
 * An event whose `id` is already in the history is a no-op (`DUPLICATE_EVENT`, info) when it is
 * the same event, and `EVENT_ID_REUSED` otherwise; then `expectedVersion` (`VERSION_CONFLICT`),
 * then the protocol (`PROTOCOL_MISMATCH`). Never throws.
 *
 * @param plan - the current plan
 * @param event - the event, untrusted (validated here)
 * @param options - the plan's protocol (or `protocols`), and optionally the version you expect the plan to be at
 * @returns the next plan with warnings, or the refusal
 *
 * @example
 * ```ts
 * import { applyEvent, createPlan, standardProtocol } from 'smp-protocol';
 * const created = createPlan({ id: 'p1', clientId: 'c1', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * if (!created.ok) throw new Error('unreachable');
 * const booked = applyEvent(created.value, { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:05:00Z',
 *   session: 1, start: '2026-03-23T10:00:00Z' }, { protocol: standardProtocol });
 * booked.ok && booked.value.sessions[0]?.booking; // { start: '2026-03-23T10:00:00Z', end: '2026-03-23T14:00:00+00:00' }
 * ```
 */
export function applyEvent(plan: Plan, event: PlanEventInput, options: ApplyEventOptions): Outcome<Plan>;
/**
 * Applies one untrusted event (e.g. a request body): validated here, refused with findings. A
 * value whose `type` is a string literal other than an event type (`'sessionBook'`) does not
 * compile; a plain `string`, `unknown` or a record without `type` does, and is checked at run time.
 *
 * @example
 * ```ts
 * import { applyEvent, createPlan, standardProtocol } from 'smp-protocol';
 * const created = createPlan({ id: 'plan-1', clientId: 'client-9', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * const body: unknown = JSON.parse('{"type":"sessionBook"}');
 * const out = created.ok ? applyEvent(created.value, body, { protocol: standardProtocol }) : created;
 * out.ok ? undefined : out.findings[0]?.code; // 'INVALID_INPUT'
 * ```
 */
export function applyEvent<const E>(plan: Plan, event: UntrustedEvent<E>, options: ApplyEventOptions): Outcome<Plan>;
export function applyEvent(plan: Plan, event: unknown, options: ApplyEventOptions): Outcome<Plan> {
  // A plainly valid event is read key-wise, each key once, into a frozen event the snapshot keeps
  // as it is and the parser recognises; anything else is snapshotted and parsed by the schema.
  const hints: KeyHints = {};
  const read = readEventFast(event, hints);
  return guardedInput(
    [plan, read ?? event, options] as const,
    ['plan', '', 'options'],
    (plan, event, options) => apply(plan, event, options),
    hints,
  );
}
