/**
 * The plan state machine: one event in, the next plan (or the refusal) out. Pure: "now" is the
 * event's own `at`, which is what makes `replay` exact.
 * @module
 */
import { guardedInput } from '../schema/limits.js';
import type { Finding, Outcome } from '../findings/codes.js';
import { fail, finding, hasError, internalError, ok } from '../findings/finding.js';
import { conditionReasons, inputDetails } from '../findings/messages.js';
import type { Protocol } from '../protocol/schema.js';
import {
  measureGaps,
  sessionDay,
  sessionInterval,
  sessionSpec,
  spacingFinding,
  type SessionSpec,
} from '../rules/spacing.js';
import { inputFinding } from '../schema/issues.js';
import { formatLocalDate, parseLocalDate } from '../time/civil.js';
import { formatInstant, parseInstant } from '../time/instant.js';
import { MAX_INSTANT, MIN_INSTANT, instantInRange } from '../time/range.js';
import { localDayOf } from '../time/zone.js';
import { readPlanCallDeferred, type ProtocolChoice } from '../schema/call.js';
import { option } from '../schema/options.js';
import { duplicateCheck } from './idempotency.js';
import { freezeEvent, freezeSession, parseEvent } from './parse.js';
import type { Plan, PlanEvent, PlanEventInput, PlanSession } from './schema.js';
import { statusOf } from './status.js';
import { planTransitions } from './transitions.js';
import { sealPlan } from './trust.js';

/**
 * Options of {@link applyEvent}: the plan's protocol (or a list holding it) and, optionally, the
 * version you expect the plan to be at.
 *
 * @example
 * ```ts
 * import { builtinProtocols, standardProtocol, type ApplyEventOptions } from 'smp-protocol';
 * const options: ApplyEventOptions = { protocol: standardProtocol, expectedVersion: 3 };
 * const fromList: ApplyEventOptions = { protocols: builtinProtocols };
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
 * import type { UntrustedEvent } from 'smp-protocol';
 * type Body = UntrustedEvent<{ type: string }>; // { type: string }
 * type Typo = UntrustedEvent<{ type: 'sessionBook' }>; // never
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

/** The parts of a plan an event changes. @internal */
export interface PlanState {
  sessions: PlanSession[];
  hold: Plan['hold'];
  closure: Plan['closure'];
  notBefore: string | undefined;
}

type Step = { ok: true; state: PlanState; findings: Finding[] } | { ok: false; findings: Finding[] };

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The status gate of `planTransitions`: the refusal for this event in the plan's status, if any. @internal */
export function statusRefusal(plan: Plan, type: PlanEvent['type']): Finding | undefined {
  const code = planTransitions[type].refusedIn[plan.status];
  switch (code) {
    case undefined:
      return undefined;
    case 'PLAN_CLOSED':
      return closedFinding(plan);
    case 'PLAN_ON_HOLD':
      return onHoldFinding(plan, 'error');
    case 'PLAN_NOT_ON_HOLD':
      return finding(code, 'error', { status: plan.status });
    default:
      return finding(code, 'error');
  }
}

function closedFinding(plan: Plan): Finding {
  const c = plan.closure;
  return finding('PLAN_CLOSED', 'error', {
    reason: c?.reason ?? 'closed',
    closedOn: c === undefined ? '?' : formatLocalDate(localDayOf(plan.timeZone, parseInstant(c.at))),
  });
}

function onHoldFinding(plan: Plan, severity: 'error' | 'warning'): Finding {
  const h = plan.hold;
  return finding('PLAN_ON_HOLD', severity, {
    reason: h?.reason ?? 'on hold',
    since: h === undefined ? '?' : formatLocalDate(localDayOf(plan.timeZone, parseInstant(h.since))),
  });
}

function sessionOf(plan: Plan, number: number): PlanSession | Finding {
  const s = plan.sessions[number - 1];
  return s ?? finding('UNKNOWN_SESSION', 'error', { session: number, sessions: plan.sessions.length }, { session: number });
}

function isFinding(x: PlanSession | Finding): x is Finding {
  return 'code' in x;
}

function replaceSession(sessions: readonly PlanSession[], s: PlanSession): PlanSession[] {
  // Spread, not slice(): V8's slice() of a frozen array takes a slow path (~0.5 µs, a sixth of applyEvent).
  const next = [...sessions];
  next[s.number - 1] = freezeSession(s);
  return next;
}

/**
 * Later booked sessions that a change to session `k` breaks. With `changed` undefined the session
 * is no longer fixed in time (cancelled or missed): every later booking is named.
 */
function downstream(
  plan: Plan,
  protocol: Protocol,
  k: number,
  changed: { start: number; end: number } | undefined,
  severity: 'error' | 'warning',
  reasonIfUnfixed: 'booked' | 'anchorPending',
): Finding[] {
  const out: Finding[] = [];
  const zone = plan.timeZone;
  const changedDay = changed === undefined ? undefined : localDayOf(zone, changed.start);
  for (let j = k + 1; j <= plan.sessions.length; j++) {
    const later = plan.sessions[j - 1];
    if (later === undefined || later.state !== 'booked' || later.booking === undefined) continue;
    const laterStart = parseInstant(later.booking.start);
    const laterDay = localDayOf(zone, laterStart);
    const params: Record<string, string | number> = {
      session: j,
      changedSession: k,
      bookedDate: formatLocalDate(laterDay),
    };
    if (changed === undefined || changedDay === undefined) {
      out.push(finding('DOWNSTREAM_CONFLICT', severity, { ...params, reason: reasonIfUnfixed }, { session: j }));
      continue;
    }
    const spec = sessionSpec(protocol, j);
    const dayOf = (n: number): number | undefined => (n === k ? changedDay : sessionDay(plan, plan.sessions[n - 1]));
    const { measures } = measureGaps(plan, spec, laterDay, dayOf);
    let earliest = Number.NEGATIVE_INFINITY;
    for (const m of measures) earliest = Math.max(earliest, m.anchorDay + m.gap.minimumDays);
    const broken = measures.find((m) => m.anchor === k && m.days < m.gap.minimumDays);
    // Any later booking, not only the next one: after a no-show the next session is pending and
    // a move of this one could otherwise jump past a later booking unnoticed.
    const outOfOrder = laterStart < changed.end;
    if (outOfOrder) earliest = Math.max(earliest, localDayOf(zone, changed.end));
    if (broken !== undefined) {
      out.push(
        finding(
          'DOWNSTREAM_CONFLICT',
          severity,
          {
            ...params,
            reason: 'spacing',
            days: broken.days,
            minimumDays: broken.gap.minimumDays,
            anchorDate: formatLocalDate(broken.anchorDay),
            earliestDate: formatLocalDate(earliest),
          },
          { session: j },
        ),
      );
    } else if (outOfOrder) {
      out.push(
        finding('DOWNSTREAM_CONFLICT', severity, { ...params, reason: 'order', earliestDate: formatLocalDate(earliest) }, { session: j }),
      );
    }
  }
  return out;
}

/** Every check of a booking or a move of session `k` to [start, end), as findings (errors refuse). */
function bookingFindings(
  plan: Plan,
  protocol: Protocol,
  spec: SessionSpec,
  k: number,
  start: number,
  end: number,
  at: number,
  move: boolean,
): Finding[] {
  const zone = plan.timeZone;
  const out: Finding[] = [];
  if (start < at) {
    out.push(finding('BOOKING_IN_PAST', 'error', { session: k, start: formatInstant(start, zone), at: formatInstant(at, zone) }, { session: k }));
  }
  const prev = plan.sessions[k - 2];
  const prevIv = prev === undefined ? undefined : sessionInterval(prev);
  if (prevIv !== undefined && start < parseInstant(prevIv.end)) {
    out.push(
      finding(
        'SESSION_OUT_OF_ORDER',
        'error',
        { session: k, previousSession: k - 1, rule: 'afterPrevious', start: formatInstant(start, zone), previousEnd: prevIv.end },
        { session: k },
      ),
    );
  }
  const day = localDayOf(zone, start);
  const { measures, pendingAnchors } = measureGaps(plan, spec, day);
  // A new booking needs every anchor fixed in time. A move does not: after a no-show the anchor
  // is pending again, and moving this booking out of its way must stay possible.
  for (const anchor of move ? [] : pendingAnchors) {
    out.push(
      finding('SESSION_OUT_OF_ORDER', 'error', { session: k, previousSession: anchor, previousState: 'pending', rule: 'previousBooked' }, { session: k }),
    );
  }
  for (const m of measures) {
    const f = spacingFinding(k, day, m, 'booking');
    if (f !== undefined) out.push(f);
  }
  for (const other of plan.sessions) {
    if (other.number === k) continue;
    const iv = sessionInterval(other);
    if (iv === undefined) continue;
    const os = parseInstant(iv.start);
    const oe = parseInstant(iv.end);
    if (start < oe && os < end) {
      out.push(
        finding(
          'BOOKING_OVERLAP',
          'error',
          { session: k, start: formatInstant(start, zone), end: formatInstant(end, zone), otherSession: other.number, otherStart: iv.start, otherEnd: iv.end },
          { session: k },
        ),
      );
    }
  }
  out.push(...downstream(plan, protocol, k, { start, end }, 'error', 'booked'));
  return out;
}

function result(plan: Plan, state: Partial<PlanState>, findings: Finding[]): Step {
  return {
    ok: true,
    state: {
      sessions: state.sessions ?? plan.sessions,
      hold: 'hold' in state ? state.hold : plan.hold,
      closure: 'closure' in state ? state.closure : plan.closure,
      notBefore: 'notBefore' in state ? state.notBefore : plan.notBefore,
    },
    findings,
  };
}

/** What the plan's screening says about session 1 happening on `day`: a refusal before its
 * earliest start, whatever the outcome (a warning for a recorded fact), warnings for undated
 * deferrals and clearances. */
function screeningFindings(plan: Plan, day: number, fact: boolean): Finding[] {
  const s = plan.screening;
  if (s === undefined) return [];
  const out: Finding[] = [];
  const reason = (conditions: readonly string[]): string =>
    conditions.map((c) => conditionReasons[c] ?? c).join('; ') || 'the screening deferred treatment';
  const earliest = s.earliestStart === undefined ? undefined : parseLocalDate(s.earliestStart);
  // Any screening with an earliest start is a floor, whatever its outcome (a clearance's waiting period too).
  if (s.earliestStart !== undefined && earliest !== undefined && day < earliest) {
    const dated = s.reasons.filter((r) => r.until !== undefined).map((r) => r.condition);
    out.push(
      finding(
        'SCREENING_DEFERRED',
        fact ? 'warning' : 'error',
        { session: 1, date: formatLocalDate(day), until: s.earliestStart, condition: dated.join(', '), reason: reason(dated) },
        { session: 1 },
      ),
    );
  }
  for (const r of s.reasons) {
    if (r.outcome === 'deferred' && r.until === undefined) {
      out.push(finding('SCREENING_DEFERRED', 'warning', { session: 1, condition: r.condition, reason: reason([r.condition]) }, { session: 1 }));
    } else if (r.outcome === 'needsClearance') {
      out.push(finding('SCREENING_CLEARANCE_REQUIRED', 'warning', { session: 1, condition: r.condition, reason: reason([r.condition]) }, { session: 1 }));
    }
  }
  return out;
}

/**
 * Every check `applyEvent` makes of booking (or, with `move`, moving) session `k` to
 * [start, end) at `at`, after the status and session-state gates: what slots are checked with,
 * so a slot is exactly a booking apply accepts. Errors refuse. @internal
 */
export function bookingChecks(
  plan: Plan,
  protocol: Protocol,
  spec: SessionSpec,
  k: number,
  start: number,
  end: number,
  at: number,
  move: boolean,
): Finding[] {
  const findings = bookingFindings(plan, protocol, spec, k, start, end, at, move);
  if (k === 1) findings.push(...screeningFindings(plan, localDayOf(plan.timeZone, start), false));
  return findings;
}

function refuse(...findings: Finding[]): Step {
  return { ok: false, findings };
}

function book(plan: Plan, protocol: Protocol, ev: Extract<PlanEvent, { type: 'sessionBooked' | 'sessionRescheduled' }>): Step {
  const refusal = statusRefusal(plan, ev.type);
  if (refusal !== undefined) return refuse(refusal);
  const s = sessionOf(plan, ev.session);
  if (isFinding(s)) return refuse(s);
  const k = s.number;
  if (s.state === 'completed') return refuse(finding('SESSION_ALREADY_COMPLETED', 'error', { session: k }, { session: k }));
  const spec = sessionSpec(protocol, k);
  let durationMs = (ev.durationMinutes ?? spec.durationMinutes) * MINUTE;
  if (ev.type === 'sessionBooked') {
    if (s.state === 'booked' && s.booking !== undefined) {
      const date = formatLocalDate(localDayOf(plan.timeZone, parseInstant(s.booking.start)));
      return refuse(finding('SESSION_ALREADY_BOOKED', 'error', { session: k, date, start: s.booking.start }, { session: k }));
    }
    const prev = plan.sessions[k - 2];
    if (prev !== undefined && prev.state === 'pending') {
      return refuse(
        finding('SESSION_OUT_OF_ORDER', 'error', { session: k, previousSession: k - 1, previousState: 'pending', rule: 'previousBooked' }, { session: k }),
      );
    }
  } else {
    if (s.state !== 'booked' || s.booking === undefined) {
      return refuse(finding('SESSION_NOT_BOOKED', 'error', { session: k, state: s.state }, { session: k }));
    }
    if (ev.durationMinutes === undefined) durationMs = parseInstant(s.booking.end) - parseInstant(s.booking.start);
  }
  const start = parseInstant(ev.start);
  const end = start + durationMs;
  const at = parseInstant(ev.at);
  // The end is written into the plan: it must be an instant the plan parser accepts.
  if (!instantInRange(end)) {
    return refuse(finding('DATE_OUT_OF_RANGE', 'error', { path: 'start', value: ev.start, min: MIN_INSTANT, max: MAX_INSTANT }, { session: k, path: ['start'] }));
  }
  const findings = bookingChecks(plan, protocol, spec, k, start, end, at, ev.type === 'sessionRescheduled');
  if (hasError(findings)) return refuse(...findings.filter((f) => f.severity === 'error'));
  const booking = { start: ev.start, end: formatInstant(end, plan.timeZone) };
  return result(plan, { sessions: replaceSession(plan.sessions, { number: k, phase: s.phase, state: 'booked', booking }) }, findings);
}

function cancel(plan: Plan, protocol: Protocol, ev: Extract<PlanEvent, { type: 'sessionCancelled' }>): Step {
  const refusal = statusRefusal(plan, ev.type);
  if (refusal !== undefined) return refuse(refusal);
  const s = sessionOf(plan, ev.session);
  if (isFinding(s)) return refuse(s);
  const k = s.number;
  if (s.state !== 'booked' || s.booking === undefined) {
    return refuse(finding('SESSION_NOT_BOOKED', 'error', { session: k, state: s.state }, { session: k }));
  }
  const blocking = downstream(plan, protocol, k, undefined, 'error', 'booked');
  if (blocking.length > 0) return refuse(...blocking);
  const findings: Finding[] = [];
  const start = parseInstant(s.booking.start);
  const hoursBefore = (start - parseInstant(ev.at)) / HOUR;
  const notice = protocol.policy.cancellationNoticeHours;
  if (hoursBefore < notice) {
    findings.push(
      finding(
        'LATE_CANCELLATION',
        'warning',
        { session: k, start: s.booking.start, hoursBeforeStart: Math.round(hoursBefore * 100) / 100, noticeHours: notice },
        { session: k },
      ),
    );
  }
  const sessions = replaceSession(plan.sessions, { number: k, phase: s.phase, state: 'pending' });
  return result(plan, { sessions }, findings);
}

function miss(plan: Plan, protocol: Protocol, ev: Extract<PlanEvent, { type: 'sessionMissed' }>, priorNoShows: number): Step {
  const refusal = statusRefusal(plan, ev.type);
  if (refusal !== undefined) return refuse(refusal);
  const s = sessionOf(plan, ev.session);
  if (isFinding(s)) return refuse(s);
  const k = s.number;
  if (s.state !== 'booked' || s.booking === undefined) {
    return refuse(finding('SESSION_NOT_BOOKED', 'error', { session: k, state: s.state }, { session: k }));
  }
  const at = parseInstant(ev.at);
  if (parseInstant(s.booking.start) > at) {
    return refuse(
      finding('MISSED_BEFORE_START', 'error', { session: k, start: s.booking.start, at: formatInstant(at, plan.timeZone) }, { session: k }),
    );
  }
  const count = priorNoShows + 1;
  const max = protocol.policy.maxNoShows;
  const noShowParams: Record<string, string | number> = { session: k, start: s.booking.start, count };
  if (max !== undefined) noShowParams.max = max;
  const findings: Finding[] = [finding('NO_SHOW', 'warning', noShowParams, { session: k })];
  findings.push(...downstream(plan, protocol, k, undefined, 'warning', 'anchorPending'));
  const sessions = replaceSession(plan.sessions, { number: k, phase: s.phase, state: 'pending' });
  if (max !== undefined && count >= max && plan.status !== 'onHold') {
    findings.push(finding('NO_SHOW_LIMIT_REACHED', 'warning', { count, max }));
    const hold = Object.freeze({ reason: 'no-show limit reached', since: ev.at });
    return result(plan, { sessions, hold }, findings);
  }
  return result(plan, { sessions }, findings);
}

function complete(plan: Plan, protocol: Protocol, ev: Extract<PlanEvent, { type: 'sessionCompleted' }>): Step {
  const refusal = statusRefusal(plan, ev.type);
  if (refusal !== undefined) return refuse(refusal);
  const s = sessionOf(plan, ev.session);
  if (isFinding(s)) return refuse(s);
  const k = s.number;
  const zone = plan.timeZone;
  if (s.state === 'completed') return refuse(finding('SESSION_ALREADY_COMPLETED', 'error', { session: k }, { session: k }));
  const prev = plan.sessions[k - 2];
  if (prev !== undefined && prev.state !== 'completed') {
    return refuse(
      finding('SESSION_OUT_OF_ORDER', 'error', { session: k, previousSession: k - 1, previousState: prev.state, rule: 'previousCompleted' }, { session: k }),
    );
  }
  const startText = ev.start ?? s.booking?.start;
  if (startText === undefined) return refuse(inputFinding(['start'], inputDetails.startRequired(k)));
  const at = parseInstant(ev.at);
  const start = parseInstant(startText);
  const errors: Finding[] = [];
  const future = (field: string, value: string): Finding =>
    finding('COMPLETION_IN_FUTURE', 'error', { session: k, field, value, at: formatInstant(at, zone) }, { session: k });
  if (start > at) errors.push(future('start', startText));
  const spec = sessionSpec(protocol, k);
  let endText: string;
  if (ev.end !== undefined) {
    endText = ev.end;
    const end = parseInstant(ev.end);
    if (end < start) errors.push(inputFinding(['end'], inputDetails.endBeforeStart()));
    if (end > at) errors.push(future('end', ev.end));
  } else {
    const booked = s.booking;
    const usesBooking = booked !== undefined && parseInstant(booked.start) === start;
    const length = booked === undefined ? spec.durationMinutes * MINUTE : parseInstant(booked.end) - parseInstant(booked.start);
    const end = Math.min(start + length, Math.max(at, start));
    endText = usesBooking && booked !== undefined && parseInstant(booked.end) === end ? booked.end : formatInstant(end, zone);
  }
  const prevIv = prev?.completed;
  if (prevIv !== undefined && start < parseInstant(prevIv.end)) {
    errors.push(
      finding(
        'SESSION_OUT_OF_ORDER',
        'error',
        { session: k, previousSession: k - 1, rule: 'afterPrevious', start: startText, previousEnd: prevIv.end },
        { session: k },
      ),
    );
  }
  if (errors.length > 0) return refuse(...errors);
  const findings: Finding[] = [];
  if (plan.status === 'onHold') findings.push(onHoldFinding(plan, 'warning'));
  const day = localDayOf(zone, start);
  if (k === 1) findings.push(...screeningFindings(plan, day, true));
  for (const m of measureGaps(plan, spec, day).measures) {
    const f = spacingFinding(k, day, m, 'completion');
    if (f !== undefined) findings.push(f);
  }
  findings.push(...downstream(plan, protocol, k, { start, end: parseInstant(endText) }, 'warning', 'booked'));
  const completed: NonNullable<PlanSession['completed']> = { start: startText, end: endText };
  if (ev.record !== undefined) completed.record = ev.record;
  // Keys in the schema's order, so a plan serialises the same whether built or parsed.
  const next: PlanSession = { number: k, phase: s.phase, state: 'completed' };
  if (s.booking !== undefined) next.booking = s.booking;
  next.completed = completed;
  return result(plan, { sessions: replaceSession(plan.sessions, next) }, findings);
}

function add(plan: Plan, protocol: Protocol): Step {
  const refusal = statusRefusal(plan, 'sessionAdded');
  if (refusal !== undefined) return refuse(refusal);
  const extras = plan.sessions.length - protocol.sessions.length;
  if (extras >= protocol.extraSessions.max) {
    return refuse(finding('MAX_SESSIONS_REACHED', 'error', { max: protocol.extraSessions.max, extras }));
  }
  const sessions = [...plan.sessions, freezeSession({ number: plan.sessions.length + 1, phase: protocol.extraSessions.phase, state: 'pending' })];
  return result(plan, { sessions }, []);
}

function pause(plan: Plan, ev: Extract<PlanEvent, { type: 'planPaused' }>): Step {
  const refusal = statusRefusal(plan, ev.type);
  if (refusal !== undefined) return refuse(refusal);
  const hold: NonNullable<Plan['hold']> = { reason: ev.reason, since: ev.at };
  let notBefore = plan.notBefore;
  if (ev.until !== undefined) {
    hold.until = ev.until;
    if (notBefore === undefined || ev.until > notBefore) notBefore = ev.until;
  }
  return result(plan, { hold: Object.freeze(hold), notBefore }, []);
}

function resume(plan: Plan): Step {
  const refusal = statusRefusal(plan, 'planResumed');
  if (refusal !== undefined) return refuse(refusal);
  return result(plan, { hold: undefined }, []);
}

function close(plan: Plan, ev: Extract<PlanEvent, { type: 'planClosed' }>): Step {
  const refusal = statusRefusal(plan, ev.type);
  if (refusal !== undefined) return refuse(refusal);
  return result(plan, { hold: undefined, closure: Object.freeze({ reason: ev.reason, at: ev.at }) }, []);
}

/** Applies one parsed event to a trusted plan. @internal */
export function step(plan: Plan, ev: PlanEvent, protocol: Protocol, priorNoShows: number): Step {
  switch (ev.type) {
    case 'sessionBooked':
    case 'sessionRescheduled':
      return book(plan, protocol, ev);
    case 'sessionCancelled':
      return cancel(plan, protocol, ev);
    case 'sessionMissed':
      return miss(plan, protocol, ev, priorNoShows);
    case 'sessionCompleted':
      return complete(plan, protocol, ev);
    case 'sessionAdded':
      return add(plan, protocol);
    case 'planPaused':
      return pause(plan, ev);
    case 'planResumed':
      return resume(plan);
    case 'planClosed':
      return close(plan, ev);
    default: {
      const never: never = ev;
      return never;
    }
  }
}

/** A new sealed plan from an old one, a state and the history that leads to it. @internal */
export function buildPlan(plan: Plan, state: PlanState, history: PlanEvent[]): Plan {
  const next: Plan = {
    schemaVersion: 1,
    id: plan.id,
    clientId: plan.clientId,
    protocol: plan.protocol,
    timeZone: plan.timeZone,
    createdAt: plan.createdAt,
    status: statusOf(state),
    sessions: state.sessions,
    history,
    version: history.length,
  };
  if (state.hold !== undefined) next.hold = state.hold;
  if (state.closure !== undefined) next.closure = state.closure;
  if (state.notBefore !== undefined) next.notBefore = state.notBefore;
  // What createPlan fixed for the life of the plan.
  if (plan.screening !== undefined) next.screening = plan.screening;
  if (plan.plannedZones !== undefined) next.plannedZones = plan.plannedZones;
  if (plan.maintains !== undefined) next.maintains = plan.maintains;
  if (plan.metadata !== undefined) next.metadata = plan.metadata;
  return sealPlan(next);
}

function apply(planInput: unknown, eventInput: unknown, options: unknown): Outcome<Plan> {
  const read = readPlanCallDeferred(planInput, options, (findings) => {
    const eventOut = parseEvent(eventInput);
    if (!eventOut.ok) findings.push(...eventOut.findings);
    const expected = option(options, 'expectedVersion');
    if (expected !== undefined && (typeof expected !== 'number' || !Number.isInteger(expected) || expected < 0)) {
      findings.push(inputFinding(['options', 'expectedVersion'], inputDetails.notObject('a whole number ≥ 0')));
    }
    return { event: eventOut.ok ? eventOut.value : undefined, expected: typeof expected === 'number' ? expected : undefined };
  });
  if (!read.ok) return read;
  const { plan, protocol: protocolOut, options: { event: ev, expected } } = read.value;
  // A sound read has a parsed event (its findings would have refused the read otherwise).
  if (ev === undefined) return fail([internalError(new Error('event not parsed'))]);
  // Retries first (a retry carries a stale version), then the version, then the protocol.
  const duplicate = duplicateCheck(plan.history.find((e) => e.id === ev.id), ev, protocolOut.ok ? protocolOut.value : undefined);
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
 * import { applyEvent, standardProtocol, type Plan } from 'smp-protocol';
 * declare const plan: Plan, body: unknown;
 * const out = applyEvent(plan, body, { protocol: standardProtocol });
 * out.ok; // false with INVALID_INPUT findings when the body is not an event
 * ```
 */
export function applyEvent<const E>(plan: Plan, event: UntrustedEvent<E>, options: ApplyEventOptions): Outcome<Plan>;
export function applyEvent(plan: Plan, event: unknown, options: ApplyEventOptions): Outcome<Plan> {
  return guardedInput([plan, event, options] as const, ['plan', '', 'options'], (plan, event, options) => apply(plan, event, options));
}
