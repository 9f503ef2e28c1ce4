/**
 * Rebuilding a plan from its history.
 * @module
 */
import type { Finding, Outcome } from '../findings/codes.js';
import { fail, ok } from '../findings/finding.js';
import { inputDetails } from '../findings/messages.js';
import { inputFinding } from '../schema/issues.js';
import { readPlanCall, type ProtocolChoice } from '../protocol/call.js';
import { buildPlan, planWith, stateOf, type PlanState } from './build.js';
import { step } from './handlers.js';
import { duplicateCheck } from './idempotency.js';
import { freezeEvent, parseEvent } from '../schema/plan-parse.js';
import type { Plan, PlanEvent } from '../schema/plan.js';
import { limitsFinding } from '../schema/limits.js';
import { guardedInput } from '../schema/limits.js';
import { prefixed } from '../schema/options.js';

/**
 * Options of {@link replay}: the plan's protocol, or a list holding it.
 *
 * @example
 * ```ts
 * import { builtinProtocols, createPlan, replay, standardProtocol, type ReplayOptions } from 'smp-protocol';
 * const options: ReplayOptions = { protocols: builtinProtocols };
 * const created = createPlan({ id: 'plan-1', clientId: 'client-9', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * const rebuilt = created.ok ? replay(created.value, [{ id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:05:00Z', session: 1, start: '2026-03-23T10:00:00Z' }], options) : created;
 * rebuilt.ok && rebuilt.value.sessions[0]?.state; // 'booked'
 * ```
 */
export type ReplayOptions = ProtocolChoice;

function withPath(findings: readonly Finding[], index: number): Finding[] {
  return findings.map((f) => ({ ...f, path: [index, ...(f.path ?? [])] }));
}

function run(initialInput: unknown, eventsInput: unknown, options: unknown): Outcome<Plan> {
  const read = readPlanCall(initialInput, options, (findings) => {
    if (!Array.isArray(eventsInput)) findings.push(inputFinding(['events'], inputDetails.notObject('an array of events')));
  });
  if (!read.ok) return read;
  const { plan: initial, protocol } = read.value;
  // A sound read checked that `events` is an array.
  const events = eventsInput as readonly unknown[];
  const tooBig = limitsFinding(events);
  if (tooBig !== undefined) return fail([tooBig]);

  const history: PlanEvent[] = [...initial.history];
  const byId = new Map<string, PlanEvent>(history.map((e) => [e.id, e]));
  let noShows = history.reduce((n, e) => (e.type === 'sessionMissed' ? n + 1 : n), 0);
  let state: PlanState = stateOf(initial);
  // One working plan per step, without re-copying the history: replay stays linear in its length.
  let current: Plan = initial;
  const warnings: Finding[] = [];
  for (let i = 0; i < events.length; i++) {
    const parsed = parseEvent(events[i], [i]);
    if (!parsed.ok) return fail(parsed.findings);
    const ev = parsed.value;
    const duplicate = duplicateCheck(byId.get(ev.id), ev, protocol);
    if (duplicate !== undefined) {
      if (duplicate.severity === 'error') return fail(withPath([duplicate], i));
      warnings.push(...withPath([duplicate], i));
      continue;
    }
    const r = step(current, ev, protocol, noShows);
    if (!r.ok) return fail(withPath(r.findings, i));
    warnings.push(...withPath(r.findings, i));
    state = r.state;
    history.push(freezeEvent(ev));
    byId.set(ev.id, ev);
    if (ev.type === 'sessionMissed') noShows++;
    current = workingPlan(initial, state);
  }
  return ok(buildPlan(initial, state, history), warnings);
}

/** The plan the next step reads: the state's parts over the initial plan. Not sealed, and it
 * shares no history, because no step reads the history (no-shows are counted here). */
function workingPlan(initial: Plan, state: PlanState): Plan {
  // Stryker disable next-line ArrayDeclaration: equivalent, no step reads the working plan's history
  return planWith(initial, state, [], initial.version);
}

/**
 * Rebuilds a plan by applying events, in order, each at its own `at`, to an initial plan.
 *
 * `replay(createPlan(…).value, plan.history, …)` equals `plan`. Duplicates in `events` are
 * skipped as `applyEvent` would skip them. The first refused event refuses the replay; every
 * finding's `path` starts with the index of the event it came from; a refusal of the list as a
 * whole (over the size limits, not an array) is at `['events']`.
 *
 * @param initial - the plan to start from (typically straight from {@link createPlan})
 * @param events - the events, untrusted
 * @param options - the plan's protocol
 * @returns the rebuilt plan with the warnings of every event, or the first refusal
 *
 * @example
 * ```ts
 * import { applyEvent, createPlan, replay, standardProtocol } from 'smp-protocol';
 * const created = createPlan({ id: 'plan-1', clientId: 'client-9', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * const booked = created.ok ? applyEvent(created.value, { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:05:00Z', session: 1, start: '2026-03-23T10:00:00Z' }, { protocol: standardProtocol }) : created;
 * const rebuilt = created.ok && booked.ok ? replay(created.value, booked.value.history, { protocol: standardProtocol }) : undefined;
 * rebuilt?.ok && rebuilt.value.version; // 1
 * ```
 */
export function replay(initial: Plan, events: readonly unknown[], options: ReplayOptions): Outcome<Plan> {
  const out = guardedInput([initial, events, options] as const, ['plan', '', 'options'], (initial, events, options) =>
    run(initial, events, options),
  );
  return out.ok ? out : fail(out.findings.map(atEventsList));
}

/**
 * An event's findings start with its index; a refusal of the list as a whole (too many events,
 * too many nodes, unreadable) has no index and is named `events`, as "not an array" is.
 */
function atEventsList(f: Finding): Finding {
  // Only the guard's own refusals of an argument have the empty path (`events` is the one without a name).
  return f.path?.length === 0 ? (prefixed([f], ['events'])[0] as Finding) : f;
}
