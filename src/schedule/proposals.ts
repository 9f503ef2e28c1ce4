/**
 * Proposals: a whole course booked at consultation, and a move that takes the later bookings
 * along. Both return events that `applyEvent` accepts one by one, in the order given.
 * @module
 */
import { guardedInput } from '../schema/limits.js';
import type { KeyHints } from '../schema/snapshot.js';
import type { Finding, Outcome } from '../findings/codes.js';
import { fail, finding, hasError, ok } from '../findings/finding.js';
import { applyEvent } from '../plan/apply.js';
import { bookingChecks, statusRefusal } from '../rules/booking.js';
import type { Plan, PlanEvent, PlanSession } from '../schema/plan.js';
import type { Protocol } from '../protocol/schema.js';
import { formatLocalDate } from '../time/civil.js';
import { formatInstant, parseInstant } from '../time/instant.js';
import { instantOption, intOption } from '../schema/options.js';
import type { ProtocolChoice } from '../protocol/call.js';
import { withAvailabilityRead, type Availability } from './availability.js';
import { busyBlocks, fastLocalDay, isFree, withinOpeningHours, type Blocks, type Calendar, type Released } from './calendar.js';
import {
  LAST_SEARCH_DAY,
  describeBooking,
  durationOf,
  noSlotFinding,
  schedulingArguments,
  searchSlots,
  searchWindow,
  toSlot,
  type Slot,
} from './slots.js';

/**
 * Options of {@link proposeSchedule}: the plan's protocol (or `protocols`), the availability and `asOf`.
 *
 * @example
 * ```ts
 * import { createPlan, proposeSchedule, standardProtocol, type ProposeScheduleOptions } from 'smp-protocol';
 * const options: ProposeScheduleOptions = { protocol: standardProtocol, asOf: '2026-03-02T09:00:00Z',
 *   availability: { timeZone: 'Europe/London', weekly: [{ weekday: 1, open: '09:00', close: '17:00' }] } };
 * const plan = createPlan({ id: 'p1', clientId: 'c1', protocol: standardProtocol, timeZone: 'Europe/London',
 *   createdAt: '2026-03-02T09:00:00Z' });
 * const out = plan.ok ? proposeSchedule(plan.value, options) : plan;
 * out.ok && out.value.sessions.map((s) => s.start); // ['2026-03-02T09:00:00+00:00', '2026-03-16T09:00:00+00:00', '2026-03-30T09:00:00+01:00']
 * ```
 */
export type ProposeScheduleOptions = ProtocolChoice & {
  /** The clinic's availability. */
  readonly availability: Availability;
  /** The moment of the proposal; the events are dated `asOf`. */
  readonly asOf: string;
};

/**
 * A proposal for the rest of the course.
 *
 * @example
 * ```ts
 * import { createPlan, proposeSchedule, standardProtocol } from 'smp-protocol';
 * const plan = createPlan({ id: 'p1', clientId: 'c1', protocol: standardProtocol, timeZone: 'Europe/London',
 *   createdAt: '2026-03-02T09:00:00Z' });
 * const out = plan.ok ? proposeSchedule(plan.value, { protocol: standardProtocol, asOf: '2026-03-02T09:00:00Z',
 *   availability: { timeZone: 'Europe/London', weekly: [{ weekday: 1, open: '09:00', close: '17:00' }] } }) : plan;
 * out.ok && out.value.events.map((e) => e.type); // ['sessionBooked', 'sessionBooked', 'sessionBooked']
 * ```
 */
export interface ScheduleProposal {
  /** One slot per session not completed, in order; kept bookings have `booked: true`. */
  readonly sessions: readonly Slot[];
  /** The `sessionBooked` events that book the proposed slots, in order, each dated `asOf`. */
  readonly events: readonly PlanEvent[];
}

/**
 * Options of {@link proposeReschedule}.
 *
 * @example
 * ```ts
 * import { proposeReschedule, standardProtocol, type ProposeRescheduleOptions } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const options: ProposeRescheduleOptions = { protocol: standardProtocol, asOf: '2026-03-30T09:00:00+01:00',
 *   session: 2, start: '2026-04-09T10:00:00+01:00',
 *   availability: { timeZone: 'Europe/London', weekly: [{ weekday: 4, open: '09:00', close: '17:00' }] } };
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const out = plan.ok ? proposeReschedule(plan.value, options) : plan;
 * out.ok && out.value.events.map((e) => e.type); // ['sessionRescheduled']
 * ```
 */
export type ProposeRescheduleOptions = ProposeScheduleOptions & {
  /** The booked session to move. */
  readonly session: number;
  /** Its new start, an instant. */
  readonly start: string;
};

/**
 * A consistent move: the events to apply, in order, and where each moved session lands.
 *
 * @example
 * ```ts
 * import { proposeReschedule, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const out = plan.ok ? proposeReschedule(plan.value, { protocol: standardProtocol, asOf: '2026-03-30T09:00:00+01:00',
 *   session: 2, start: '2026-04-09T10:00:00+01:00',
 *   availability: { timeZone: 'Europe/London', weekly: [{ weekday: 4, open: '09:00', close: '17:00' }] } }) : plan;
 * out.ok && out.value.sessions.map((s) => [s.localDate, s.daysFromAnchor, s.fit]); // [['2026-04-09', 17, 'late']]
 * ```
 */
export interface RescheduleProposal {
  /** `sessionRescheduled` events dated `asOf`, in an order in which `applyEvent` accepts each one. */
  readonly events: readonly PlanEvent[];
  /** The new slot of each moved session, in session order (the requested session included). */
  readonly sessions: readonly Slot[];
}

/** A deterministic event id, unique in the plan's history. */
function eventId(plan: Plan, kind: 'book' | 'move', session: number, start: number, taken: Set<string>): string {
  const base = `${kind}:v${plan.version}:s${session}:${formatInstant(start, 'UTC').replace('+00:00', 'Z')}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}:${n}`;
  taken.add(id);
  return id;
}

/** A copy of `plan` (never returned) with some sessions changed: what a search sees. */
function withSessions(plan: Plan, change: (s: PlanSession) => PlanSession): Plan {
  return { ...plan, sessions: plan.sessions.map(change) };
}

function booked(s: PlanSession, start: number, end: number, zone: string): PlanSession {
  return {
    number: s.number,
    phase: s.phase,
    state: 'booked',
    booking: { start: formatInstant(start, zone), end: formatInstant(end, zone) },
  };
}

function pending(s: PlanSession): PlanSession {
  // Stryker disable next-line ObjectLiteral,StringLiteral: these plans are read only through 'booked', 'completed' and the fields they hold (sessionInterval, sessionWindows, downstream); a session with neither reads as pending
  return { number: s.number, phase: s.phase, state: 'pending' };
}

/** Applies `events` in order; the first refusal's findings, or the final plan. */
function replayAll(plan: Plan, protocol: Protocol, events: readonly PlanEvent[]): Outcome<Plan> {
  let p = plan;
  // Stryker disable next-line BlockStatement: the replay never refuses (each event books, in session order after the status gate, a slot that passed bookingChecks on the same sessions, with an id unused in the history)
  for (const e of events) {
    const out = applyEvent(p, e, { protocol });
    // Stryker disable next-line BooleanLiteral,ConditionalExpression: as above, every event is accepted
    if (!out.ok) return out;
    p = out.value;
  }
  return ok(p);
}

/**
 * Proposes the whole remaining course against the clinic's calendar: one slot per session not
 * completed, so a client can book every session at consultation.
 *
 * Greedy, session by session: each pending session gets its best-ranked slot (as
 * {@link findSlots} ranks them) with its gaps measured from the previous *proposed* session,
 * which then counts as taken; sessions already booked are kept. The returned `events` book the
 * proposed slots (each dated `asOf`, with an id that is deterministic and unused in the history)
 * and replay through `applyEvent` in order. Never throws.
 *
 * @param plan - the plan
 * @param options - protocol, availability and `asOf`
 * @returns the proposal, or `NO_SLOT_AVAILABLE` for the first session that finds no room
 *
 * @example
 * ```ts
 * import { createPlan, proposeSchedule, standardProtocol } from 'smp-protocol';
 * const plan = createPlan({ id: 'p1', clientId: 'c1', protocol: standardProtocol, timeZone: 'Europe/London',
 *   createdAt: '2026-03-02T09:00:00Z' });
 * if (!plan.ok) throw new Error('unreachable');
 * const out = proposeSchedule(plan.value, { protocol: standardProtocol, asOf: '2026-03-02T09:00:00Z',
 *   availability: { timeZone: 'Europe/London', weekly: [{ weekday: 1, open: '09:00', close: '17:00' }] } });
 * out.ok && out.value.sessions.map((s) => s.localDate); // ['2026-03-02', '2026-03-16', '2026-03-30']
 * ```
 */
export function proposeSchedule(plan: Plan, options: ProposeScheduleOptions): Outcome<ScheduleProposal> {
  const hints: KeyHints = {};
  return guardedInput(
    [plan, withAvailabilityRead(options, hints) as ProposeScheduleOptions] as const,
    ['plan', 'options'],
    (plan, options) => {
      const args = schedulingArguments(plan, options);
      if (!args.ok) return args;
      const { plan: original, protocol, calendar, asOfMs } = args.value;
      const refusal = statusRefusal(original, 'sessionBooked');
      if (refusal !== undefined) return fail([refusal]);
      const asOfText = (options as { asOf: string }).asOf;
      const { from, to } = searchWindow(calendar, asOfMs);
      // Stryker disable next-line ArrayDeclaration: an entry without start and end releases no busy interval, as none does
      const blocks = busyBlocks(calendar, from, to, []);
      const taken = new Set(original.history.map((e) => e.id));
      const sessions: Slot[] = [];
      const events: PlanEvent[] = [];
      let hypothetical = original;
      for (const s of original.sessions) {
        const k = s.number;
        if (s.state === 'completed') continue;
        // Not completed, with a booking: booked (a plan is read only when a session has a booking exactly when booked or completed).
        if (s.booking !== undefined) {
          const kept = describeBooking(hypothetical, protocol, k, parseInstant(s.booking.start), parseInstant(s.booking.end), undefined);
          if ('code' in kept) return fail([kept]);
          sessions.push({ ...kept, start: s.booking.start, end: s.booking.end, booked: true });
          continue;
        }
        const durationMs = durationOf(protocol, s);
        // Stryker disable next-line BooleanLiteral: every earlier session is booked or completed in the hypothetical plan by now, so no anchor is pending and a move's exemption changes nothing
        const search = searchSlots({ plan: hypothetical, protocol, calendar, asOfMs, k, move: false, durationMs, limit: 1, blocks });
        const best = search.slots[0];
        if (best === undefined) return fail([noSlotFinding(k, search, durationMs)]);
        sessions.push(toSlot(original, k, best));
        const start = formatInstant(best.start, original.timeZone);
        events.push({ id: eventId(original, 'book', k, best.start, taken), type: 'sessionBooked', at: asOfText, session: k, start });
        hypothetical = withSessions(hypothetical, (x) => (x.number === k ? booked(x, best.start, best.end, original.timeZone) : x));
      }
      // The proof that the proposal is bookable: the real state machine accepts every event.
      const replayed = replayAll(original, protocol, events);
      if (!replayed.ok) return fail(replayed.findings);
      return ok({ sessions, events });
    },
    hints,
  );
}

/** Why a requested start cannot be a slot whatever else moves: notice, horizon, opening hours. */
function timingProblem(calendar: Calendar, start: number, end: number, asOfMs: number): 'notice' | 'horizon' | 'closed' | undefined {
  if (start < asOfMs + calendar.noticeMs) return 'notice';
  if (fastLocalDay(calendar.zone, start) > fastLocalDay(calendar.zone, asOfMs) + calendar.horizonDays) return 'horizon';
  if (!withinOpeningHours(calendar, start, end)) return 'closed';
  return undefined;
}

/** The first free resource for `[start, end)` with its buffers, clear of the plan's other sessions; `null` when busy. */
function freeResource(calendar: Calendar, plan: Plan, k: number, start: number, end: number, blocks: Blocks[]): string | undefined | null {
  const from = start - calendar.bufferBeforeMs;
  const to = end + calendar.bufferAfterMs;
  for (const s of plan.sessions) {
    const iv = s.number === k ? undefined : (s.completed ?? s.booking);
    if (iv !== undefined && from < parseInstant(iv.end) && parseInstant(iv.start) < to) return null;
  }
  for (let r = 0; r < calendar.resources.length; r++) {
    if (isFree(blocks[r] as Blocks, from, to)) return calendar.resources[r];
  }
  return null;
}

/** Events in an order in which each is accepted (later sessions first where they must make room). */
function acceptedOrder(plan: Plan, protocol: Protocol, events: PlanEvent[]): Outcome<PlanEvent[]> {
  const waiting = [...events];
  const ordered: PlanEvent[] = [];
  let p = plan;
  while (waiting.length > 0) {
    let refusal: readonly Finding[] = [];
    const index = waiting.findIndex((e) => {
      const out = applyEvent(p, e, { protocol });
      if (!out.ok) {
        if (refusal.length === 0) refusal = out.findings;
        return false;
      }
      p = out.value;
      return true;
    });
    if (index < 0) return fail(refusal);
    ordered.push(...waiting.splice(index, 1));
  }
  return ok(ordered);
}

/**
 * Proposes moving a booked session to `start`, and every later booking that the move would
 * break: `sessionRescheduled` events, dated `asOf`, in an order in which `applyEvent` accepts
 * each one (a later session may have to move first). Later bookings that still keep their gaps
 * stay; one that breaks moves to its best-ranked slot (as {@link findSlots} ranks them) after
 * the new dates of the sessions before it.
 *
 * The requested start must itself be free: within opening hours, after the minimum notice,
 * within the horizon, and clear (buffers included) of busy intervals and the plan's other
 * sessions. When no consistent move exists, the findings say why: the session's own rule
 * (e.g. `SPACING_BELOW_MINIMUM`), `NO_SLOT_AVAILABLE` with `reason: 'requested'`, or the later
 * session that breaks (`DOWNSTREAM_CONFLICT`) with the `NO_SLOT_AVAILABLE` that leaves it
 * nowhere to go within the horizon. Never throws.
 *
 * @param plan - the plan
 * @param options - protocol, availability, `asOf`, the booked `session` and its new `start`
 * @returns the events to apply in order, and the moved sessions' new slots
 *
 * @example
 * ```ts
 * import { proposeReschedule, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked')
 *   .withSession(3, '2026-04-16T10:00', 'booked').build();
 * const out = plan.ok ? proposeReschedule(plan.value, { protocol: standardProtocol, asOf: '2026-03-30T09:00:00+01:00', session: 2,
 *   start: '2026-04-16T10:00:00+01:00', availability: { timeZone: 'Europe/London', weekly: [{ weekday: 4, open: '09:00', close: '17:00' }] } }) : plan;
 * out.ok && out.value.events.map((e) => e.type === 'sessionRescheduled' && e.session); // [3, 2]: session 3 moves first
 * ```
 */
export function proposeReschedule(plan: Plan, options: ProposeRescheduleOptions): Outcome<RescheduleProposal> {
  const hints: KeyHints = {};
  return guardedInput(
    [plan, withAvailabilityRead(options, hints) as ProposeRescheduleOptions] as const,
    ['plan', 'options'],
    (plan, options) => {
      let k = Number.NaN;
      let start = Number.NaN;
      const args = schedulingArguments(plan, options, (findings) => {
        k = intOption(options, 'session', 1, 99, undefined, findings);
        start = instantOption(options, 'start', findings);
      });
      if (!args.ok) return args;
      const { plan: original, protocol, calendar, asOfMs } = args.value;
      const zone = original.timeZone;
      const refusal = statusRefusal(original, 'sessionRescheduled');
      if (refusal !== undefined) return fail([refusal]);
      const session = original.sessions[k - 1];
      if (session === undefined)
        return fail([finding('UNKNOWN_SESSION', 'error', { session: k, sessions: original.sessions.length }, { session: k })]);
      if (session.state === 'completed') return fail([finding('SESSION_ALREADY_COMPLETED', 'error', { session: k }, { session: k })]);
      // Not completed, without a booking: pending (a booked session always has its booking).
      if (session.booking === undefined) {
        return fail([finding('SESSION_NOT_BOOKED', 'error', { session: k, state: session.state }, { session: k })]);
      }
      const durationMs = durationOf(protocol, session);
      const end = start + durationMs;
      const requestedStart = (options as { start: string }).start;
      const requested = (problem: 'notice' | 'horizon' | 'closed' | 'busy'): Finding =>
        finding(
          'NO_SLOT_AVAILABLE',
          'error',
          {
            session: k,
            reason: 'requested',
            problem,
            start: requestedStart,
            durationMinutes: Math.round(durationMs / 60_000),
            noticeMinutes: Math.round(calendar.noticeMs / 60_000),
            at: formatInstant(asOfMs, zone),
            // The horizon as searched: never past the last day a search visits (a date our parsers accept).
            until: formatLocalDate(Math.min(fastLocalDay(calendar.zone, asOfMs) + calendar.horizonDays, LAST_SEARCH_DAY)),
          },
          { session: k },
        );

      // 1. The session's own rules, against the sessions before it (the later ones will follow it).
      // Every later session is booked or pending (a session is completed only after every earlier one).
      const laterReleased = withSessions(original, (s) => (s.number > k ? pending(s) : s));
      const own = bookingChecks({ plan: laterReleased, protocol, session: k, start, end, at: asOfMs, move: true }).filter(
        (f) => f.severity === 'error',
      );
      if (own.length > 0) return fail(own);
      const timing = timingProblem(calendar, start, end, asOfMs);
      if (timing !== undefined) return fail([requested(timing)]);

      // 2. Later bookings: kept while they still satisfy their gaps, else moved to their best slot.
      const released: { start: number; end: number }[] = [
        { start: parseInstant(session.booking.start), end: parseInstant(session.booking.end) },
      ];
      const { from, to } = searchWindow(calendar, asOfMs);
      let current = withSessions(original, (s) => (s.number === k ? booked(s, start, end, zone) : s));
      const moved: { k: number; start: number; end: number; resource: string | undefined }[] = [];
      for (let j = k + 1; j <= original.sessions.length; j++) {
        const later = original.sessions[j - 1] as PlanSession;
        // Pending (no booking) or booked: a session after a booked one is never completed.
        if (later.booking === undefined) continue;
        const view = withSessions(current, (s) => (s.number > j ? pending(s) : s));
        const laterStart = parseInstant(later.booking.start);
        const laterEnd = parseInstant(later.booking.end);
        if (!hasError(bookingChecks({ plan: view, protocol, session: j, start: laterStart, end: laterEnd, at: asOfMs, move: true })))
          continue;
        released.push({ start: laterStart, end: laterEnd });
        const search = searchSlots({
          plan: view,
          protocol,
          calendar,
          asOfMs,
          k: j,
          move: true,
          durationMs: laterEnd - laterStart,
          limit: 1,
          blocks: busyBlocks(calendar, from, to, released as Released),
        });
        const best = search.slots[0];
        if (best === undefined) {
          // Stryker disable next-line BooleanLiteral: only DOWNSTREAM_CONFLICT is kept, and it does not depend on move
          const why = bookingChecks({ plan: original, protocol, session: k, start, end, at: asOfMs, move: true }).filter(
            (f) => f.code === 'DOWNSTREAM_CONFLICT' && f.severity === 'error',
          );
          return fail([...why, noSlotFinding(j, search, laterEnd - laterStart)]);
        }
        moved.push({ k: j, start: best.start, end: best.end, resource: best.resource });
        current = withSessions(current, (s) => (s.number === j ? booked(s, best.start, best.end, zone) : s));
      }

      // 3. The requested start on the calendar, with every other session where it ends up.
      const resource = freeResource(calendar, current, k, start, end, busyBlocks(calendar, from, to, released as Released));
      if (resource === null) return fail([requested('busy')]);

      // 4. The events, in an order the state machine accepts.
      const taken = new Set(original.history.map((e) => e.id));
      const at = (options as { asOf: string }).asOf;
      const moves = [{ k, start, end, resource }, ...moved];
      const events: PlanEvent[] = moves.map((m) => ({
        id: eventId(original, 'move', m.k, m.start, taken),
        type: 'sessionRescheduled',
        at,
        session: m.k,
        start: m.k === k ? requestedStart : formatInstant(m.start, zone),
      }));
      const ordered = acceptedOrder(original, protocol, [...events].reverse());
      if (!ordered.ok) return ordered;
      const sessions: Slot[] = [];
      for (const m of moves) {
        const slot = describeBooking(current, protocol, m.k, m.start, m.end, m.resource);
        if ('code' in slot) return fail([slot]);
        sessions.push(m.k === k ? { ...slot, start: requestedStart } : slot);
      }
      return ok({ events: ordered.value, sessions });
    },
    hints,
  );
}
