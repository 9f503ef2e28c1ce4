/**
 * An independent checker of docs/design.md's plan invariants, for property tests.
 *
 * It re-derives what it needs from the protocol and the plan's own history, and counts calendar
 * days with luxon (never with the library's day numbers), so that a bug in the library's time
 * code cannot hide itself. Each check returns human-readable violations; an empty list is a pass.
 */
import { DateTime } from 'luxon';
import { findingCodes, type Finding, type Outcome, type Plan, type PlanEvent, type Protocol } from 'smp-protocol';

// ---------------------------------------------------------------------------------------------
// Time, through luxon.

const dateCache = new Map<string, string>();

/** The local date of an instant in a zone, by luxon. */
export function localDate(instant: string, zone: string): string {
  const key = `${instant}|${zone}`;
  let hit = dateCache.get(key);
  if (hit === undefined) {
    hit = DateTime.fromMillis(Date.parse(instant), { zone }).toISODate() ?? 'invalid';
    if (dateCache.size > 50_000) dateCache.clear();
    dateCache.set(key, hit);
  }
  return hit;
}

/** Whole calendar days from one local date to another, by luxon. */
export function daysBetween(fromDate: string, toDate: string): number {
  return DateTime.fromISO(toDate, { zone: 'utc' }).diff(DateTime.fromISO(fromDate, { zone: 'utc' }), 'days').days;
}

/** A local date plus calendar days, by luxon. */
export function plusDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() ?? 'invalid';
}

/** Calendar days in `zone` between the local dates of two instants. */
export function calendarDays(fromInstant: string, toInstant: string, zone: string): number {
  return daysBetween(localDate(fromInstant, zone), localDate(toInstant, zone));
}

/** How DESIGN says a computed instant is written: in the zone, with its offset, no zero milliseconds. */
export function writtenInZone(ms: number, zone: string): string {
  const dt = DateTime.fromMillis(ms, { zone });
  const fraction = ms % 1000 === 0 ? '' : dt.toFormat('.SSS');
  return `${dt.toFormat("yyyy-MM-dd'T'HH:mm:ss")}${fraction}${dt.toFormat('ZZ')}`;
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a string is a `YYYY-MM-DD` date that exists. */
export function isLocalDate(value: unknown): value is string {
  return typeof value === 'string' && LOCAL_DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

// ---------------------------------------------------------------------------------------------
// The protocol, re-read.

interface SpecGap {
  anchor: number;
  absoluteMinimumDays: number;
  minimumDays: number;
  earliestRecommendedDays: number;
  latestRecommendedDays: number;
  maximumDays?: number | undefined;
}

/** The gaps of session `n` of a plan under `protocol`, extras included. */
export function gapsOf(protocol: Protocol, n: number): SpecGap[] {
  const defined = protocol.sessions[n - 1];
  if (defined !== undefined) {
    return defined.gaps.map((g) => ({ ...g, anchor: g.from === 'previous' ? n - 1 : g.from.session }));
  }
  return [{ ...protocol.extraSessions.gap, anchor: n - 1 }];
}

/** The protocol's duration of session `n`, in minutes. */
export function durationOf(protocol: Protocol, n: number): number {
  return protocol.sessions[n - 1]?.durationMinutes ?? protocol.extraSessions.durationMinutes;
}

/** The phase session `n` has under `protocol`. */
function phaseOf(protocol: Protocol, n: number): string {
  return protocol.sessions[n - 1]?.phase ?? protocol.extraSessions.phase;
}

// ---------------------------------------------------------------------------------------------
// The history, re-read.

type Fixed = { start: string; end: string };

/** The interval that fixes a session: its completion, else its booking. */
function fixedOf(plan: Plan, n: number): Fixed | undefined {
  const s = plan.sessions[n - 1];
  if (s === undefined) return undefined;
  if (s.state === 'completed') return s.completed;
  if (s.state === 'booked') return s.booking;
  return undefined;
}

interface HistoryIndex {
  /** Session → index of its last accepted sessionBooked / sessionRescheduled. */
  lastBooking: Map<number, number>;
  /** Session → index of its last accepted sessionBooked (a move keeps the booking it moves). */
  booked: Map<number, number>;
  /** Session → index of its sessionCompleted. */
  completion: Map<number, number>;
  /** Session → type and index of the last event about it. */
  lastTouch: Map<number, { type: PlanEvent['type']; index: number }>;
  /** Session → booked length in minutes, as the events set it. */
  length: Map<number, number>;
}

function indexHistory(plan: Plan, protocol: Protocol): HistoryIndex {
  const lastBooking = new Map<number, number>();
  const booked = new Map<number, number>();
  const completion = new Map<number, number>();
  const lastTouch = new Map<number, { type: PlanEvent['type']; index: number }>();
  const length = new Map<number, number>();
  plan.history.forEach((e, i) => {
    if (!('session' in e)) return;
    lastTouch.set(e.session, { type: e.type, index: i });
    if (e.type === 'sessionBooked') {
      lastBooking.set(e.session, i);
      booked.set(e.session, i);
      length.set(e.session, e.durationMinutes ?? durationOf(protocol, e.session));
    } else if (e.type === 'sessionRescheduled') {
      lastBooking.set(e.session, i);
      if (e.durationMinutes !== undefined) length.set(e.session, e.durationMinutes);
    } else if (e.type === 'sessionCompleted') {
      completion.set(e.session, i);
    }
  });
  return { lastBooking, booked, completion, lastTouch, length };
}

/**
 * Whether a fact recorded after session `j` was booked explains a rule the booking no longer
 * meets: session `a` was completed (a fact, always recorded) after `j`'s booking.
 */
function excusedByLaterFact(ix: HistoryIndex, a: number, j: number): boolean {
  const completedAt = ix.completion.get(a);
  const bookedAt = ix.lastBooking.get(j);
  return completedAt !== undefined && bookedAt !== undefined && completedAt > bookedAt;
}

// ---------------------------------------------------------------------------------------------
// Plan invariants.

/**
 * Every invariant of docs/design.md a plan must keep, checked from the plan alone (its history
 * included). Spacing is counted in calendar days in the plan's zone, by luxon.
 */
export function planViolations(plan: Plan, protocol: Protocol): string[] {
  const out: string[] = [];
  const zone = plan.timeZone;
  const n = plan.sessions.length;
  const base = protocol.sessions.length;
  const ix = indexHistory(plan, protocol);

  if (plan.schemaVersion !== 1) out.push(`schemaVersion ${String(plan.schemaVersion)}`);
  if (plan.version !== plan.history.length) out.push(`version ${plan.version} ≠ history length ${plan.history.length}`);
  const ids = new Set<string>();
  for (const e of plan.history) {
    if (ids.has(e.id)) out.push(`history id ${e.id} repeated`);
    ids.add(e.id);
  }
  if (plan.protocol.id !== protocol.id || plan.protocol.version !== protocol.version) out.push('protocol id/version changed');

  // Sessions: numbers, phases, count (extras only through sessionAdded).
  const added = plan.history.filter((e) => e.type === 'sessionAdded').length;
  if (n !== base + added) out.push(`${n} sessions, expected ${base} + ${added} added`);
  if (added > protocol.extraSessions.max) out.push(`${added} extra sessions > max ${protocol.extraSessions.max}`);
  plan.sessions.forEach((s, i) => {
    const k = i + 1;
    if (s.number !== k) out.push(`session at index ${i} numbered ${s.number}`);
    if (s.phase !== phaseOf(protocol, k)) out.push(`session ${k} phase ${s.phase}`);
    if (s.state === 'pending' && (s.booking !== undefined || s.completed !== undefined))
      out.push(`pending session ${k} carries an interval`);
    if (s.state === 'booked' && (s.booking === undefined || s.completed !== undefined))
      out.push(`booked session ${k} without exactly its booking`);
    if (s.state === 'completed' && s.completed === undefined) out.push(`completed session ${k} without completion`);
    if (s.completed !== undefined && Date.parse(s.completed.end) < Date.parse(s.completed.start))
      out.push(`session ${k} completed end before start`);
    if (s.state === 'completed' && k > 1 && plan.sessions[i - 1]?.state !== 'completed')
      out.push(`session ${k} completed before session ${k - 1}`);
  });

  // Status: closed / onHold / derived.
  const completed = plan.sessions.filter((s) => s.state === 'completed').length;
  const touched = plan.sessions.filter((s) => s.state !== 'pending').length;
  const derived = completed === n ? 'completed' : touched > 0 ? 'active' : 'draft';
  const expected = plan.closure !== undefined ? 'closed' : plan.hold !== undefined ? 'onHold' : derived;
  if (plan.status !== expected) out.push(`status ${plan.status}, expected ${expected}`);
  const closedAt = plan.history.findIndex((e) => e.type === 'planClosed');
  if (closedAt >= 0 !== (plan.closure !== undefined)) out.push('closure and planClosed disagree');
  if (closedAt >= 0 && closedAt !== plan.history.length - 1) out.push(`events accepted after planClosed (index ${closedAt})`);
  const untils = plan.history.flatMap((e) => (e.type === 'planPaused' && e.until !== undefined ? [e.until] : []));
  const notBefore = untils.length === 0 ? undefined : untils.reduce((a, b) => (b > a ? b : a));
  if (plan.notBefore !== notBefore) out.push(`notBefore ${String(plan.notBefore)}, expected ${String(notBefore)}`);

  for (let j = 1; j <= n; j++) {
    const s = plan.sessions[j - 1];
    if (s === undefined || s.state !== 'booked' || s.booking === undefined) continue;
    const { start, end } = s.booking;
    const startMs = Date.parse(start);
    const endMs = Date.parse(end);
    const b = ix.lastBooking.get(j);
    const bookingEvent = b === undefined ? undefined : plan.history[b];
    if (bookingEvent === undefined || (bookingEvent.type !== 'sessionBooked' && bookingEvent.type !== 'sessionRescheduled')) {
      out.push(`booked session ${j} has no booking event`);
      continue;
    }
    // Stored as given; the end computed, written in the plan zone, of the booked length.
    if (start !== bookingEvent.start) out.push(`session ${j} booking start ${start} ≠ event start ${bookingEvent.start}`);
    if (startMs < Date.parse(bookingEvent.at)) out.push(`session ${j} booked in the past (${start} < at ${bookingEvent.at})`);
    const minutes = ix.length.get(j);
    if (minutes === undefined || endMs - startMs !== minutes * 60_000)
      out.push(`session ${j} booking lasts ${(endMs - startMs) / 60_000} min, expected ${String(minutes)}`);
    if (end !== writtenInZone(endMs, zone))
      out.push(`session ${j} booking end ${end} not written in ${zone} (${writtenInZone(endMs, zone)})`);

    // A booking follows a booked or completed session, except after a no-show of the one before
    // (the later booking stays, and may still be moved out of the way).
    if (j > 1) {
      const prev = plan.sessions[j - 2];
      if (prev?.state === 'pending') {
        const touch = ix.lastTouch.get(j - 1);
        const since = ix.booked.get(j);
        if (touch === undefined || touch.type !== 'sessionMissed' || since === undefined || touch.index < since) {
          out.push(`session ${j} booked while session ${j - 1} is pending (not after a no-show)`);
        }
      }
    }

    // Every gap from a booked or completed anchor is at least its minimum, in calendar days.
    for (const g of gapsOf(protocol, j)) {
      const anchor = fixedOf(plan, g.anchor);
      if (anchor === undefined) continue;
      const days = calendarDays(anchor.start, start, zone);
      if (days < g.minimumDays && !excusedByLaterFact(ix, g.anchor, j)) {
        out.push(`session ${j} is ${days} days after session ${g.anchor} (minimum ${g.minimumDays})`);
      }
    }

    // In order: after every earlier session that is fixed in time (not only the one just before
    // it: after a no-show the one before may be pending while earlier ones can still move).
    for (let i = 1; i < j; i++) {
      const earlier = fixedOf(plan, i);
      if (earlier !== undefined && startMs < Date.parse(earlier.end) && !excusedByLaterFact(ix, i, j)) {
        out.push(`session ${j} starts ${start} before session ${i} ends ${earlier.end}`);
      }
    }

    // No overlap with any other session of the plan (a completion recorded later is a fact).
    for (let i = 1; i <= n; i++) {
      if (i === j) continue;
      const other = fixedOf(plan, i);
      if (other === undefined) continue;
      const overlaps = startMs < Date.parse(other.end) && Date.parse(other.start) < endMs;
      if (!overlaps) continue;
      const otherState = plan.sessions[i - 1]?.state;
      if (otherState === 'booked') out.push(`booked sessions ${j} and ${i} overlap`);
      else if (!excusedByLaterFact(ix, i, j)) out.push(`booked session ${j} overlaps completed session ${i}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Transition invariants.

const EVENT_REFUSALS: Record<PlanEvent['type'], readonly string[]> = {
  sessionBooked: [
    'PLAN_ON_HOLD',
    'PLAN_CLOSED',
    'PLAN_COMPLETED',
    'UNKNOWN_SESSION',
    'SESSION_ALREADY_BOOKED',
    'SESSION_ALREADY_COMPLETED',
    'SESSION_OUT_OF_ORDER',
    'BOOKING_IN_PAST',
    'SPACING_TOO_SOON',
    'SPACING_BELOW_MINIMUM',
    'BOOKING_OVERLAP',
    'DOWNSTREAM_CONFLICT',
  ],
  sessionRescheduled: [
    'PLAN_ON_HOLD',
    'PLAN_CLOSED',
    'PLAN_COMPLETED',
    'UNKNOWN_SESSION',
    'SESSION_ALREADY_COMPLETED',
    'SESSION_OUT_OF_ORDER',
    'BOOKING_IN_PAST',
    'SPACING_TOO_SOON',
    'SPACING_BELOW_MINIMUM',
    'BOOKING_OVERLAP',
    'SESSION_NOT_BOOKED',
    'DOWNSTREAM_CONFLICT',
  ],
  sessionCancelled: ['PLAN_CLOSED', 'UNKNOWN_SESSION', 'SESSION_NOT_BOOKED', 'DOWNSTREAM_CONFLICT'],
  sessionMissed: ['PLAN_CLOSED', 'UNKNOWN_SESSION', 'SESSION_NOT_BOOKED', 'MISSED_BEFORE_START'],
  sessionCompleted: [
    'PLAN_CLOSED',
    'UNKNOWN_SESSION',
    'SESSION_ALREADY_COMPLETED',
    'SESSION_OUT_OF_ORDER',
    'COMPLETION_IN_FUTURE',
    'INVALID_INPUT',
  ],
  sessionAdded: ['PLAN_CLOSED', 'PLAN_ON_HOLD', 'MAX_SESSIONS_REACHED'],
  planPaused: ['PLAN_CLOSED', 'PLAN_ON_HOLD', 'PLAN_COMPLETED'],
  planResumed: ['PLAN_CLOSED', 'PLAN_NOT_ON_HOLD'],
  planClosed: ['PLAN_CLOSED'],
};
const ANY_EVENT_REFUSALS = ['INVALID_INPUT', 'INVALID_INSTANT', 'EVENT_ID_REUSED', 'VERSION_CONFLICT', 'PROTOCOL_MISMATCH'];
const SEVERITIES = ['error', 'warning', 'info'];
const CODES: readonly string[] = findingCodes;

/** Problems with the shape of an outcome: known codes and severities, errors exactly when refused. */
export function outcomeViolations(out: Outcome<unknown>): string[] {
  const problems: string[] = [];
  if (typeof out !== 'object' || out === null || typeof out.ok !== 'boolean' || !Array.isArray(out.findings)) return ['not an Outcome'];
  problems.push(...findingViolations(out.findings));
  const errors = out.findings.filter((f) => f.severity === 'error').length;
  if (out.ok && errors > 0) problems.push('ok outcome with an error finding');
  if (!out.ok && errors === 0) problems.push('refusal without an error finding');
  return problems;
}

/** Problems with a list of findings: unknown codes, bad severities, empty messages, internal errors. */
export function findingViolations(findings: readonly Finding[]): string[] {
  const problems: string[] = [];
  for (const f of findings) {
    if (!CODES.includes(f.code)) problems.push(`unknown code ${String(f.code)}`);
    if (f.code === 'INTERNAL_ERROR') problems.push(`INTERNAL_ERROR: ${f.message}`);
    if (!SEVERITIES.includes(f.severity)) problems.push(`bad severity ${String(f.severity)}`);
    if (typeof f.message !== 'string' || f.message.length === 0) problems.push(`${f.code} without a message`);
    if (f.params !== undefined) {
      for (const [k, v] of Object.entries(f.params)) {
        if (typeof v !== 'string' && typeof v !== 'number') problems.push(`${f.code} param ${k} is ${typeof v}`);
        if (typeof v === 'number' && !Number.isFinite(v)) problems.push(`${f.code} param ${k} is ${v}`);
      }
    }
  }
  return problems;
}

function eventFields(event: unknown): { id?: unknown; type?: unknown; at?: unknown; session?: unknown; start?: unknown } {
  return typeof event === 'object' && event !== null && !Array.isArray(event) ? (event as Record<string, unknown>) : {};
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * What one `applyEvent(before, event)` must respect: duplicates change nothing, a closed plan
 * accepts nothing, nothing is booked on hold, bookings are not in the past, facts are never in
 * the future, later bookings a fact breaks are flagged, refusals use the codes DESIGN lists.
 */
export function transitionViolations(before: Plan, event: unknown, out: Outcome<Plan>, protocol: Protocol): string[] {
  const problems = outcomeViolations(out);
  const e = eventFields(event);
  const type = typeof e.type === 'string' && e.type in EVENT_REFUSALS ? (e.type as PlanEvent['type']) : undefined;
  if (!out.ok) {
    if (type !== undefined) {
      const allowed = [...EVENT_REFUSALS[type], ...ANY_EVENT_REFUSALS];
      for (const f of out.findings) {
        if (f.severity === 'error' && !allowed.includes(f.code)) problems.push(`${type} refused with ${f.code}`);
      }
    }
    return problems;
  }
  const after = out.value;
  const duplicate = out.findings.some((f) => f.code === 'DUPLICATE_EVENT');
  if (duplicate) {
    if (out.findings.length !== 1 || out.findings[0]?.severity !== 'info') problems.push('DUPLICATE_EVENT with other findings');
    if (after !== before && !sameJson(after, before)) problems.push('a duplicate changed the plan');
    if (!before.history.some((h) => h.id === e.id)) problems.push('DUPLICATE_EVENT for an id not in the history');
    return problems;
  }
  if (before.history.some((h) => h.id === e.id)) problems.push(`accepted a second event with id ${String(e.id)}`);
  if (after.version !== before.version + 1) problems.push(`version ${before.version} → ${after.version}`);
  if (!sameJson(after.history.slice(0, -1), before.history)) problems.push('history rewritten');
  if (after.history.at(-1)?.id !== e.id) problems.push('event not appended');
  for (const key of ['id', 'clientId', 'timeZone', 'createdAt', 'protocol', 'metadata', 'schemaVersion'] as const) {
    if (!sameJson(after[key], before[key])) problems.push(`${key} changed`);
  }
  if (before.status === 'closed') problems.push(`closed plan accepted ${String(type)}`);
  const at = typeof e.at === 'string' ? Date.parse(e.at) : Number.NaN;
  const k = typeof e.session === 'number' ? e.session : 0;
  const session = after.sessions[k - 1];
  switch (type) {
    case 'sessionBooked':
    case 'sessionRescheduled':
      if (before.status === 'onHold' || before.status === 'closed' || before.status === 'completed')
        problems.push(`booked while ${before.status}`);
      if (session?.state !== 'booked' || session.booking?.start !== e.start) problems.push(`session ${k} not booked at ${String(e.start)}`);
      if (typeof e.start === 'string' && Date.parse(e.start) < at) problems.push(`booking in the past accepted`);
      break;
    case 'sessionCompleted': {
      const c = session?.completed;
      if (session?.state !== 'completed' || c === undefined) {
        problems.push(`session ${k} not completed`);
        break;
      }
      if (Date.parse(c.start) > at || Date.parse(c.end) > at)
        problems.push(`completion in the future accepted (${c.start}–${c.end}, at ${String(e.at)})`);
      // A fact that breaks a later booking is recorded, and says so.
      for (let j = k + 1; j <= after.sessions.length; j++) {
        const later = after.sessions[j - 1];
        if (later?.state !== 'booked' || later.booking === undefined) continue;
        const breaks =
          gapsOf(protocol, j).some(
            (g) => g.anchor === k && calendarDays(c.start, later.booking?.start ?? '', after.timeZone) < g.minimumDays,
          ) ||
          (j === k + 1 && Date.parse(later.booking.start) < Date.parse(c.end));
        const flagged = out.findings.some((f) => f.code === 'DOWNSTREAM_CONFLICT' && f.session === j && f.severity === 'warning');
        if (breaks && !flagged) problems.push(`completion of ${k} silently breaks booked session ${j}`);
      }
      break;
    }
    case 'sessionMissed':
      for (let j = k + 1; j <= after.sessions.length; j++) {
        if (after.sessions[j - 1]?.state !== 'booked') continue;
        if (!out.findings.some((f) => f.code === 'DOWNSTREAM_CONFLICT' && f.session === j))
          problems.push(`no-show of ${k} silently leaves session ${j} booked`);
      }
      if (session?.state !== 'pending') problems.push(`missed session ${k} is ${String(session?.state)}`);
      break;
    case 'sessionCancelled':
      if (session?.state !== 'pending') problems.push(`cancelled session ${k} is ${String(session?.state)}`);
      if (after.sessions.slice(k).some((s) => s.state === 'booked')) problems.push(`cancelled ${k} with a later session booked`);
      break;
    case 'sessionAdded':
      if (after.sessions.length !== before.sessions.length + 1) problems.push('sessionAdded added no session');
      if (before.status === 'onHold') problems.push('session added on hold');
      break;
    case 'planPaused':
      if (before.status !== 'draft' && before.status !== 'active') problems.push(`paused from ${before.status}`);
      if (after.status !== 'onHold' || after.hold?.since !== e.at) problems.push('pause did not hold the plan');
      break;
    case 'planResumed':
      if (before.status !== 'onHold') problems.push(`resumed from ${before.status}`);
      if (after.status === 'onHold' || after.hold !== undefined) problems.push('resume left the plan on hold');
      break;
    case 'planClosed':
      if (after.status !== 'closed' || after.closure?.at !== e.at) problems.push('close did not close');
      break;
    case undefined:
      problems.push(`accepted an event of type ${String(e.type)}`);
      break;
    default: {
      const never: never = type;
      problems.push(`unknown type ${String(never)}`);
    }
  }
  return problems;
}
