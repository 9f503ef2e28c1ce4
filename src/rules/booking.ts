/**
 * The booking rules: the status gate of the transition table, the session-state gates, and every
 * check of a booking or a move (order, spacing, overlap, later bookings, screening). One module,
 * used alike by `applyEvent`, `findSlots` and the proposals, so a slot is a booking apply accepts.
 * @module
 */
import type { Finding } from '../findings/codes.js';
import { finding } from '../findings/finding.js';
import { conditionReasons } from '../findings/messages.js';
import type { Protocol } from '../protocol/schema.js';
import { sessionSpec, type SessionSpec } from '../protocol/session.js';
import type { Plan, PlanEvent, PlanSession } from '../schema/plan.js';
import { formatLocalDate, parseLocalDate } from '../time/civil.js';
import { formatInstant, parseInstant } from '../time/instant.js';
import { localDayOf } from '../time/zone.js';
import { sessionDay, sessionDays, sessionInterval } from './session-days.js';
import { measureGaps, spacingFinding } from './spacing.js';
import { planTransitions } from './transitions.js';

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
    // Stryker disable next-line OptionalChaining,StringLiteral: a closed plan always has its closure (the plan reader checks the status against it); the fallback is for the type checker
    reason: c?.reason ?? 'closed',
    // Stryker disable next-line ConditionalExpression,StringLiteral: as above, `c` is never undefined here
    closedOn: c === undefined ? '?' : formatLocalDate(localDayOf(plan.timeZone, parseInstant(c.at))),
  });
}

/** `PLAN_ON_HOLD` for a plan on hold, with the local date it was put on hold. @internal */
export function onHoldFinding(plan: Plan, severity: 'error' | 'warning'): Finding {
  const h = plan.hold;
  return finding('PLAN_ON_HOLD', severity, {
    // Stryker disable next-line OptionalChaining,StringLiteral: a plan on hold always has its hold (the plan reader checks the status against it); the fallback is for the type checker
    reason: h?.reason ?? 'on hold',
    // Stryker disable next-line ConditionalExpression,StringLiteral: as above, `h` is never undefined here
    since: h === undefined ? '?' : formatLocalDate(localDayOf(plan.timeZone, parseInstant(h.since))),
  });
}

/** Session `number` of the plan, or `UNKNOWN_SESSION`. @internal */
export function sessionOf(plan: Plan, number: number): PlanSession | Finding {
  const s = plan.sessions[number - 1];
  return s ?? finding('UNKNOWN_SESSION', 'error', { session: number, sessions: plan.sessions.length }, { session: number });
}

/** Whether `sessionOf` refused. @internal */
export function isFinding(x: PlanSession | Finding): x is Finding {
  return 'code' in x;
}

/**
 * Later booked sessions that a change to session `k` breaks. With `changed` undefined the session
 * is no longer fixed in time (cancelled or missed): every later booking is named. @internal
 */
export function downstream(
  plan: Plan,
  protocol: Protocol,
  k: number,
  changed: { start: number; end: number } | undefined,
  severity: 'error' | 'warning',
  reasonIfUnfixed: 'booked' | 'anchorPending',
): Finding[] {
  const out: Finding[] = [];
  const zone = plan.timeZone;
  // The changed session's local day and the local day it ends; undefined when no longer fixed in time.
  const fixed =
    changed === undefined ? undefined : { end: changed.end, day: localDayOf(zone, changed.start), endDay: localDayOf(zone, changed.end) };
  for (const later of plan.sessions) {
    const j = later.number;
    // Stryker disable next-line ConditionalExpression: a later session is never completed here (a completion needs the one before it completed), and a pending one has no booking
    const booking = later.state === 'booked' ? later.booking : undefined;
    if (j <= k || booking === undefined) continue;
    const laterStart = parseInstant(booking.start);
    const laterDay = localDayOf(zone, laterStart);
    const params: Record<string, string | number> = {
      session: j,
      changedSession: k,
      bookedDate: formatLocalDate(laterDay),
    };
    if (fixed === undefined) {
      out.push(finding('DOWNSTREAM_CONFLICT', severity, { ...params, reason: reasonIfUnfixed }, { session: j }));
      continue;
    }
    const spec = sessionSpec(protocol, j);
    const dayOf = (n: number): number | undefined => (n === k ? fixed.day : sessionDay(plan, plan.sessions[n - 1]));
    const { measures } = measureGaps(spec, laterDay, dayOf);
    // Never before the changed session ends. That floor only matters out of order: a later booking
    // that starts after the end but breaks its gap has its earliest date past that end already.
    let earliest = fixed.endDay;
    for (const m of measures) earliest = Math.max(earliest, m.anchorDay + m.gap.minimumDays);
    const broken = measures.find((m) => m.anchor === k && m.days < m.gap.minimumDays);
    // Any later booking, not only the next one: after a no-show the next session is pending and
    // a move of this one could otherwise jump past a later booking unnoticed.
    const outOfOrder = laterStart < fixed.end;
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
function bookingFindings(check: BookingCheck, spec: SessionSpec): Finding[] {
  const { plan, protocol, session: k, start, end, at, move } = check;
  const zone = plan.timeZone;
  const out: Finding[] = [];
  if (start < at) {
    out.push(
      finding('BOOKING_IN_PAST', 'error', { session: k, start: formatInstant(start, zone), at: formatInstant(at, zone) }, { session: k }),
    );
  }
  // After every earlier session fixed in time, not only the one just before: a session missed and
  // then completed late can end after a later one was booked. The one that ends last is named.
  let latest: { number: number; end: string; endMs: number } | undefined;
  for (let i = k - 1; i >= 1; i--) {
    const earlier = plan.sessions[i - 1];
    // Stryker disable next-line ConditionalExpression: `i` is always a session of the plan; the check narrows the type
    const iv = earlier === undefined ? undefined : sessionInterval(earlier);
    if (iv === undefined) continue;
    const endMs = parseInstant(iv.end);
    if (latest === undefined || endMs > latest.endMs) latest = { number: i, end: iv.end, endMs };
  }
  if (latest !== undefined && start < latest.endMs) {
    out.push(
      finding(
        'SESSION_OUT_OF_ORDER',
        'error',
        { session: k, previousSession: latest.number, rule: 'afterPrevious', start: formatInstant(start, zone), previousEnd: latest.end },
        { session: k },
      ),
    );
  }
  const day = localDayOf(zone, start);
  const { measures, pendingAnchors } = measureGaps(spec, day, sessionDays(plan));
  // A new booking needs every anchor fixed in time. A move does not: after a no-show the anchor
  // is pending again, and moving this booking out of its way must stay possible.
  for (const anchor of move ? [] : pendingAnchors) {
    out.push(
      finding(
        'SESSION_OUT_OF_ORDER',
        'error',
        { session: k, previousSession: anchor, previousState: 'pending', rule: 'previousBooked' },
        { session: k },
      ),
    );
  }
  for (const m of measures) {
    // Stryker disable next-line StringLiteral: spacingFinding treats any context but the recorded ones as a booking
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
          {
            session: k,
            start: formatInstant(start, zone),
            end: formatInstant(end, zone),
            otherSession: other.number,
            otherStart: iv.start,
            otherEnd: iv.end,
          },
          { session: k },
        ),
      );
    }
  }
  // The last argument names why an unfixed session refuses; the changed session here is fixed.
  // Stryker disable next-line StringLiteral: never read for a fixed session
  const unfixed = 'booked';
  out.push(...downstream(plan, protocol, k, { start, end }, 'error', unfixed));
  return out;
}

/** What the plan's screening says about session 1 happening on `day`: a refusal before its
 * earliest start, whatever the outcome (a warning for a recorded fact), warnings for undated
 * deferrals and clearances. @internal */
export function screeningFindings(plan: Plan, day: number, fact: boolean): Finding[] {
  const s = plan.screening;
  if (s === undefined) return [];
  const out: Finding[] = [];
  const reason = (conditions: readonly string[]): string =>
    conditions.map((c) => conditionReasons[c] ?? c).join('; ') || 'the screening deferred treatment';
  // No earliest start reads as no date (NaN: no day is before it), whatever the placeholder text.
  // Stryker disable next-line StringLiteral: parseLocalDate refuses any text that is not a date, this one or another
  const floor = parseLocalDate(s.earliestStart ?? '') ?? Number.NaN;
  // Any screening with an earliest start is a floor, whatever its outcome (a clearance's waiting period too).
  if (day < floor) {
    const dated = s.reasons.filter((r) => r.until !== undefined).map((r) => r.condition);
    out.push(
      finding(
        'SCREENING_DEFERRED',
        fact ? 'warning' : 'error',
        { session: 1, date: formatLocalDate(day), until: formatLocalDate(floor), condition: dated.join(', '), reason: reason(dated) },
        { session: 1 },
      ),
    );
  }
  for (const r of s.reasons) {
    if (r.outcome === 'deferred' && r.until === undefined) {
      out.push(
        finding('SCREENING_DEFERRED', 'warning', { session: 1, condition: r.condition, reason: reason([r.condition]) }, { session: 1 }),
      );
    } else if (r.outcome === 'needsClearance') {
      out.push(
        finding(
          'SCREENING_CLEARANCE_REQUIRED',
          'warning',
          { session: 1, condition: r.condition, reason: reason([r.condition]) },
          { session: 1 },
        ),
      );
    }
  }
  return out;
}

/** One booking (or, with `move`, one move) to check: session `session` of `plan` at [start, end), asked at `at` (epoch ms). @internal */
export interface BookingCheck {
  readonly plan: Plan;
  readonly protocol: Protocol;
  /** The session's number. */
  readonly session: number;
  readonly start: number;
  readonly end: number;
  readonly at: number;
  /** A move of a booked session: its pending anchors do not refuse it. */
  readonly move: boolean;
  /** The session's definition, when the caller already has it (else read from the protocol). */
  readonly spec?: SessionSpec;
}

/**
 * Every check `applyEvent` makes of booking (or, with `move`, moving) a session, after the status
 * and session-state gates (`bookingGate`): what slots and proposals are checked with, so a slot
 * is exactly a booking apply accepts. Errors refuse. @internal
 */
export function bookingChecks(check: BookingCheck): Finding[] {
  const findings = bookingFindings(check, check.spec ?? sessionSpec(check.protocol, check.session));
  if (check.session === 1) findings.push(...screeningFindings(check.plan, localDayOf(check.plan.timeZone, check.start), false));
  return findings;
}

/**
 * The gates before a booking's checks: the plan's status (`planTransitions`), the session's
 * existence and state. A booking needs the session unbooked and its predecessor not pending; a
 * move needs it booked. Returns the session, or the refusal. @internal
 */
export function bookingGate(plan: Plan, type: 'sessionBooked' | 'sessionRescheduled', number: number): PlanSession | Finding {
  const refusal = statusRefusal(plan, type);
  if (refusal !== undefined) return refusal;
  const s = sessionOf(plan, number);
  if (isFinding(s)) return s;
  const k = s.number;
  if (s.state === 'completed') return finding('SESSION_ALREADY_COMPLETED', 'error', { session: k }, { session: k });
  if (type === 'sessionBooked') {
    // Booked: only a booked session has a booking (a pending one has none, the plan reader checks
    // it; a completed one was refused above).
    const booking = s.booking;
    if (booking !== undefined) {
      const date = formatLocalDate(localDayOf(plan.timeZone, parseInstant(booking.start)));
      return finding('SESSION_ALREADY_BOOKED', 'error', { session: k, date, start: booking.start }, { session: k });
    }
    const prev = plan.sessions[k - 2];
    if (prev !== undefined && prev.state === 'pending') {
      return finding(
        'SESSION_OUT_OF_ORDER',
        'error',
        { session: k, previousSession: k - 1, previousState: 'pending', rule: 'previousBooked' },
        { session: k },
      );
    }
  } else if (s.booking === undefined) {
    // Not booked: a session neither completed nor booked is pending, with no booking.
    return finding('SESSION_NOT_BOOKED', 'error', { session: k, state: s.state }, { session: k });
  }
  return s;
}
