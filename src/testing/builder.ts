/**
 * A fluent plan builder for tests: local wall-clock times in the plan's zone, events applied
 * through the public API, so a built plan is exactly what production code would hold.
 * @module
 */
import { applyEvent, createPlan, standardProtocol, toInstant, type Finding, type Outcome, type Plan, type Protocol } from 'smp-protocol';

type Step =
  | { kind: 'session'; session: number; start: string; state: 'booked' | 'completed'; durationMinutes?: number }
  | { kind: 'event'; event: Record<string, unknown> };

/**
 * A plan under construction; every method returns a new builder.
 *
 * @example
 * ```ts
 * import { aPlan } from 'smp-protocol/testing';
 * const out = aPlan().inZone('Europe/London').withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * out.ok && out.value.sessions.map((s) => s.state); // ['completed', 'booked', 'pending']
 * ```
 */
export interface PlanBuilder {
  /** The plan's IANA zone (default `Europe/London`). */
  inZone(timeZone: string): PlanBuilder;
  /** The protocol (default: the standard protocol). */
  withProtocol(protocol: Protocol): PlanBuilder;
  /** The plan id (default `plan-1`) and client id (default `client-1`). */
  withId(id: string, clientId?: string): PlanBuilder;
  /** When the plan was created (default: 30 days before the first session). */
  createdAt(instant: string): PlanBuilder;
  /** Your metadata. */
  withMetadata(metadata: Record<string, unknown>): PlanBuilder;
  /**
   * Session `n` at a local wall-clock time (`YYYY-MM-DDTHH:mm`) or an instant: booked a day
   * before (or at creation), then completed at its end unless `state` is `'booked'`.
   */
  withSession(n: number, start: string, state?: 'booked' | 'completed', durationMinutes?: number): PlanBuilder;
  /** Any event, applied as given (an `id` is added when missing). */
  withEvent(event: Record<string, unknown>): PlanBuilder;
  /** Builds the plan; the first refusal is returned as it is. */
  build(): Outcome<Plan>;
}

interface State {
  zone: string;
  protocol: Protocol;
  id: string;
  clientId: string;
  createdAt?: string;
  metadata?: Record<string, unknown>;
  steps: Step[];
}

const HOUR = 3_600_000;

function iso(ms: number): string {
  const text = new Date(ms).toISOString();
  return text.endsWith('.000Z') ? `${text.slice(0, -5)}Z` : text;
}

function builder(state: State): PlanBuilder {
  const next = (patch: Partial<State>): PlanBuilder => builder({ ...state, ...patch });
  return {
    inZone: (zone) => next({ zone }),
    withProtocol: (protocol) => next({ protocol }),
    withId: (id, clientId) => next({ id, clientId: clientId ?? state.clientId }),
    createdAt: (createdAt) => next({ createdAt }),
    withMetadata: (metadata) => next({ metadata }),
    withSession: (session, start, s = 'completed', durationMinutes) => {
      const step: Step = { kind: 'session', session, start, state: s };
      if (durationMinutes !== undefined) step.durationMinutes = durationMinutes;
      return next({ steps: [...state.steps, step] });
    },
    withEvent: (event) => next({ steps: [...state.steps, { kind: 'event', event }] }),
    build: () => build(state),
  };
}

function build(state: State): Outcome<Plan> {
  const fail = (findings: readonly Finding[]): Outcome<Plan> => ({ ok: false, findings });
  const instant = (text: string): Outcome<string> =>
    /[Zz]$|[+-]\d{2}:\d{2}$/.test(text) ? { ok: true, value: text, findings: [] } : toInstant(text, state.zone);
  const starts: number[] = [];
  for (const step of state.steps) {
    if (step.kind !== 'session') continue;
    const s = instant(step.start);
    if (!s.ok) return fail(s.findings);
    starts.push(Date.parse(s.value));
  }
  const first = starts.length > 0 ? Math.min(...starts) : undefined;
  const createdAt = state.createdAt ?? (first === undefined ? '2026-01-05T09:00:00Z' : iso(first - 30 * 24 * HOUR));
  const input: Parameters<typeof createPlan>[0] = {
    id: state.id,
    clientId: state.clientId,
    protocol: state.protocol,
    timeZone: state.zone,
    createdAt,
  };
  if (state.metadata !== undefined) input.metadata = state.metadata;
  const created = createPlan(input);
  if (!created.ok) return created;
  let plan = created.value;
  let n = 0;
  const apply = (event: Record<string, unknown>): readonly Finding[] | undefined => {
    n += 1;
    const untrusted: unknown = { id: `${state.id}-e${n}`, ...event };
    const out = applyEvent(plan, untrusted, { protocol: state.protocol });
    if (!out.ok) return out.findings;
    plan = out.value;
    return undefined;
  };
  for (const step of state.steps) {
    if (step.kind === 'event') {
      const refused = apply(step.event);
      if (refused !== undefined) return fail(refused);
      continue;
    }
    const start = instant(step.start);
    if (!start.ok) return fail(start.findings);
    const startMs = Date.parse(start.value);
    const bookAt = iso(Math.max(Date.parse(createdAt), startMs - 24 * HOUR));
    const booking: Record<string, unknown> = { type: 'sessionBooked', at: bookAt, session: step.session, start: start.value };
    if (step.durationMinutes !== undefined) booking.durationMinutes = step.durationMinutes;
    const refused = apply(booking);
    if (refused !== undefined) return fail(refused);
    if (step.state === 'completed') {
      const end = plan.sessions[step.session - 1]?.booking?.end ?? start.value;
      const done = apply({ type: 'sessionCompleted', at: end, session: step.session });
      if (done !== undefined) return fail(done);
    }
  }
  return { ok: true, value: plan, findings: [] };
}

/**
 * Starts a plan builder: the standard protocol, `Europe/London`, ids `plan-1`/`client-1`.
 *
 * @returns a new builder
 *
 * @example
 * ```ts
 * import { aPlan } from 'smp-protocol/testing';
 * const out = aPlan().inZone('America/New_York').withSession(1, '2026-03-09T10:00').build();
 * out.ok && out.value.status; // 'active'
 * ```
 */
export function aPlan(): PlanBuilder {
  return builder({ zone: 'Europe/London', protocol: standardProtocol, id: 'plan-1', clientId: 'client-1', steps: [] });
}
