/**
 * Slots: the forecast's healing window joined with the clinic's calendar. A slot is a start the
 * clinic has free *and* a booking `applyEvent` accepts at `asOf` — each one passes the very
 * checks `applyEvent` makes (`rules/booking.ts`'s `bookingChecks`), after a cheap search over days ranked by fit.
 * @module
 */
import type { Mutable } from '../schema/readonly.js';
import { guardedInput } from '../schema/limits.js';
import type { KeyHints } from '../schema/snapshot.js';
import type { Finding, Outcome } from '../findings/codes.js';
import { fail, finding, hasError, internalError, ok } from '../findings/finding.js';
import { inputDetails } from '../findings/messages.js';
import { bookingChecks, bookingGate, statusRefusal } from '../rules/booking.js';
import type { Plan, PlanSession } from '../schema/plan.js';
import { readPlanCall, type ProtocolChoice } from '../protocol/call.js';
import type { Protocol } from '../protocol/schema.js';
import { sessionSpec, type SessionSpec } from '../protocol/session.js';
import { sessionDays, sessionInterval } from '../rules/session-days.js';
import { measureGaps, spacingFinding, worse, type SpacingEvaluation } from '../rules/spacing.js';
import { inputFinding } from '../schema/issues.js';
import { instantOption, intOption, option, prefixed } from '../schema/options.js';
import { MS_PER_DAY, formatLocalDate, parseLocalDate } from '../time/civil.js';
import { MAX_DAY, MIN_DAY, MIN_LOCAL_DATE } from '../time/range.js';
import { formatInstant, parseInstant } from '../time/instant.js';
import {
  availabilityReadForCall,
  checkAvailability,
  trustedAvailability,
  withAvailabilityRead,
  type Availability,
  type CheckedAvailability,
} from './availability.js';
import {
  busyBlocks,
  compileCalendar,
  fastLocalDay,
  forEachStart,
  isFree,
  openingRanges,
  searchWindow,
  type Blocks,
  type Calendar,
  type Released,
} from './calendar.js';
import { sessionWindows } from '../rules/forecast.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/**
 * How a slot's date sits in the session's healing window (never below the gap's minimum).
 *
 * @example
 * ```ts
 * import { findSlots, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').build();
 * const out = plan.ok ? findSlots(plan.value, { protocol: standardProtocol, asOf: '2026-03-23T15:00:00Z', limit: 1,
 *   availability: { timeZone: 'Europe/London', weekly: [{ weekday: 4, open: '10:00', close: '18:00' }] } }) : plan;
 * out.ok && out.value[0]?.fit; // 'onTime'
 * ```
 */
export type SlotFit = 'onTime' | 'early' | 'late' | 'lapsed';

/**
 * A bookable start for a session: free on the clinic's calendar and accepted by `applyEvent`.
 * Instants carry the plan's zone offset; `localDate` is in the plan's zone.
 *
 * @example
 * ```ts
 * import { findSlots, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').build(); // Mon 23 Mar 2026, Europe/London
 * const out = plan.ok ? findSlots(plan.value, { protocol: standardProtocol, asOf: '2026-03-23T15:00:00Z', limit: 1,
 *   availability: { timeZone: 'Europe/London', weekly: [{ weekday: 4, open: '10:00', close: '18:00' }] } }) : plan;
 * out.ok && out.value[0]; // { session: 2, start: '2026-04-02T10:00:00+01:00', end: '2026-04-02T13:00:00+01:00',
 *                         //   localDate: '2026-04-02', daysFromAnchor: 10, fit: 'onTime' }
 * ```
 */
export interface Slot {
  /** The session's number. */
  readonly session: number;
  /** The start, an instant with the plan's zone offset. */
  readonly start: string;
  /** The end: the start plus the session's duration in real minutes (a DST change included). */
  readonly end: string;
  /** The start's local date in the plan's zone. */
  readonly localDate: string;
  /** Calendar days from the anchor of the session's first gap (absent for session 1). */
  readonly daysFromAnchor?: number;
  /** Where the date sits in the healing window: the worst over the session's gaps. */
  readonly fit: SlotFit;
  /** The first free resource, in the availability's list order (only with `resources`). */
  readonly resource?: string;
  /** In a {@link proposeSchedule} result: true for a session already booked, which is kept. */
  readonly booked?: boolean;
}

/**
 * Options of {@link findSlots}: the plan's protocol (or `protocols`), the clinic's availability,
 * `asOf`, and optionally the session and a limit.
 *
 * @example
 * ```ts
 * import { findSlots, standardProtocol, type FindSlotsOptions } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const options: FindSlotsOptions = { protocol: standardProtocol, asOf: '2026-03-23T15:00:00Z', limit: 2,
 *   availability: { timeZone: 'Europe/London', weekly: [{ weekday: 4, open: '10:00', close: '18:00' }] } };
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').build();
 * const out = plan.ok ? findSlots(plan.value, options) : plan;
 * out.ok && out.value.map((s) => s.start); // ['2026-04-02T10:00:00+01:00', '2026-04-02T10:30:00+01:00']
 * ```
 */
export type FindSlotsOptions = ProtocolChoice & {
  /** The clinic's availability (raw, or checked once with {@link parseAvailability}). */
  readonly availability: Availability;
  /** The moment of the request: no slot starts before it (plus the minimum notice). */
  readonly asOf: string;
  /** The session to find slots for; default: the first pending session. A booked one is being moved. */
  readonly session?: number;
  /** At most this many slots (1 to 1000); default 10. */
  readonly limit?: number;
};

/** The plan, protocol, compiled calendar and `asOf` of a scheduling call. @internal */
export interface SchedulingArgs {
  plan: Plan;
  protocol: Protocol;
  calendar: Calendar;
  asOfMs: number;
}

const compiled = new WeakMap<CheckedAvailability, Calendar>();

/**
 * The calendar of an availability option: compiled once (all busy intervals sorted) for a
 * trusted one; else checked now, keeping only the busy intervals of this call's window.
 */
function calendarOf(input: unknown, asOfMs: number): Outcome<Calendar> {
  const known = trustedAvailability(input);
  // Stryker disable next-line BlockStatement: a checked availability read again as raw compiles to the same calendar (only the busy intervals outside the call's window are left out); only speed
  if (known !== undefined) {
    let calendar = compiled.get(known);
    if (calendar === undefined) {
      calendar = compileCalendar(known);
      compiled.set(known, calendar);
    }
    return ok(calendar);
  }
  if (input === undefined) return fail([inputFinding([], inputDetails.required('an availability'))]);
  // A raw availability read on the fast path before the snapshot (withAvailabilityRead).
  const read = availabilityReadForCall(input);
  if (read !== undefined) return ok(compileCalendar(read, Number.isNaN(asOfMs) ? undefined : asOfMs));
  const checked = checkAvailability(input);
  return checked.ok ? ok(compileCalendar(checked.value, Number.isNaN(asOfMs) ? undefined : asOfMs)) : checked;
}

/** Reads and checks what every scheduling call takes; `extra` reads the call's own options. @internal */
export function schedulingArguments(
  planInput: unknown,
  options: unknown,
  extra: (findings: Finding[]) => void = () => {},
): Outcome<SchedulingArgs> {
  const read = readPlanCall(planInput, options, (findings) => {
    const asOfFindings: Finding[] = [];
    const asOfMs = instantOption(options, 'asOf', asOfFindings);
    const calendarOut = calendarOf(option(options, 'availability'), asOfMs);
    if (!calendarOut.ok) findings.push(...prefixed(calendarOut.findings, ['options', 'availability']));
    findings.push(...asOfFindings);
    extra(findings);
    return { asOfMs, calendar: calendarOut.ok ? calendarOut.value : undefined };
  });
  if (!read.ok) return read;
  const {
    plan,
    protocol,
    options: { asOfMs, calendar },
  } = read.value;
  // A sound read has a calendar (its findings would have refused the read otherwise).
  // Stryker disable next-line ArrayDeclaration,StringLiteral: unreachable (for the type checker): the error's text is never seen
  if (calendar === undefined) return fail([internalError(new Error('availability not read'))]);
  return ok({ plan, protocol, calendar, asOfMs });
}

// ---------------------------------------------------------------------------------------------
// The search.

const FIT_RANK: Record<SlotFit, number> = { onTime: 0, early: 1, late: 2, lapsed: 3 };

/** Where a day sits for the session, or `null` when a gap forbids it. */
interface DayFit {
  fit: SlotFit;
  rank: number;
  distance: number;
  daysFromAnchor: number | undefined;
}

/** A found slot, as numbers, with its ranking key (fit, distance from the recommended day, start). */
interface Candidate extends DayFit {
  start: number;
  end: number;
  day: number;
  resource: string | undefined;
}

/** One search for session `k` of a (possibly hypothetical) plan. @internal */
export interface SlotQuery {
  plan: Plan;
  protocol: Protocol;
  calendar: Calendar;
  asOfMs: number;
  k: number;
  /** Session `k` is booked and being moved (its own booking does not block it). */
  move: boolean;
  durationMs: number;
  limit: number;
  blocks: Blocks[];
}

/** What a search found, and the days it searched (for the finding when it found nothing). @internal */
export interface SlotSearch {
  slots: Candidate[];
  from: number;
  until: number;
  reason: 'calendar' | 'horizon' | 'downstream';
  /** Whether the end of the supported range cut the search short (then no slot is `DATE_OUT_OF_RANGE`). */
  capped: boolean;
}

/**
 * The last local day a search visits: a start on it plus a day-long session ends before the last
 * supported instant in every zone (offsets within ±14 h). @internal
 */
export const LAST_SEARCH_DAY = MAX_DAY - 3;

function fitFor(evaluation: SpacingEvaluation): SlotFit | undefined {
  // Stryker disable StringLiteral,ConditionalExpression,BlockStatement: a fit is asked only of days at or past every gap's minimum (searchSlots never goes below the window's earliest; describeBooking returns the spacing error first), and the default returns the evaluation as the four pass-through cases do
  switch (evaluation) {
    case 'tooSoon':
    case 'grace':
      return undefined;
    case 'early':
    case 'onTime':
    case 'late':
    case 'lapsed':
      return evaluation;
    default: {
      const never: never = evaluation;
      return never;
    }
  }
}
// Stryker restore StringLiteral,ConditionalExpression,BlockStatement

/** The fit of session `k` on plan day `day`: the worst over its measured gaps, `undefined` below a minimum. */
function dayFit(plan: Plan, spec: SessionSpec, day: number, recommended: number): DayFit | undefined {
  const { measures } = measureGaps(spec, day, sessionDays(plan));
  let evaluation: SpacingEvaluation = 'onTime';
  for (const m of measures) evaluation = worse(evaluation, m.evaluation);
  const fit = fitFor(evaluation);
  if (fit === undefined) return undefined;
  return { fit, rank: FIT_RANK[fit], distance: Math.abs(day - recommended), daysFromAnchor: measures[0]?.days };
}

/** Whether candidate `a` ranks before `b`: fit, then nearest the recommended day, then earliest. */
function before(a: { rank: number; distance: number; start: number }, b: { rank: number; distance: number; start: number }): boolean {
  if (a.rank !== b.rank) return a.rank < b.rank;
  if (a.distance !== b.distance) return a.distance < b.distance;
  return a.start < b.start;
}

/** The last plan day session `k` may take without breaking a later booking's gap from it. */
function downstreamLimit(plan: Plan, protocol: Protocol, k: number): number {
  let hi = Number.POSITIVE_INFINITY;
  for (let j = k + 1; j <= plan.sessions.length; j++) {
    const iv = sessionInterval(plan.sessions[j - 1] as PlanSession);
    if (iv === undefined) continue;
    const laterDay = fastLocalDay(plan.timeZone, parseInstant(iv.start));
    for (const { anchor, gap } of sessionSpec(protocol, j).gaps) if (anchor === k) hi = Math.min(hi, laterDay - gap.minimumDays);
  }
  return hi;
}

/**
 * The best `limit` slots for session `k`, ranked. Days are visited best first (by the fit and
 * distance of their plan dates), so the search stops as soon as no later day can rank higher;
 * each candidate costs a few binary searches, and only candidates that enter the result pay for
 * the final `bookingChecks`. @internal
 */
export function searchSlots(q: SlotQuery): SlotSearch {
  const { plan, protocol, calendar, asOfMs, k, move, durationMs, limit, blocks } = q;
  const planZone = plan.timeZone;
  const sameZone = planZone === calendar.zone;
  const spread = sameZone ? 0 : 2;
  const spec = sessionSpec(protocol, k);
  const asOfPlanDay = fastLocalDay(planZone, asOfMs);
  const window = sessionWindows(plan, protocol, asOfPlanDay)[k - 1];
  // Stryker disable next-line OptionalChaining,StringLiteral: sessionWindows has an entry for every session (window is never undefined), and parseLocalDate refuses '' and any other non-date alike
  const lo = Math.max(parseLocalDate(window?.earliest ?? '') ?? asOfPlanDay, asOfPlanDay);
  // Stryker disable next-line OptionalChaining,StringLiteral: as above
  const recommended = parseLocalDate(window?.recommended ?? '') ?? lo;
  const hi = downstreamLimit(plan, protocol, k);
  const minStart = asOfMs + calendar.noticeMs;
  // Never past the supported range: a start on local day MAX_DAY - 3 plus a day-long session ends
  // before the last supported instant in every zone (offsets within ±14 h).
  const horizonEnd = fastLocalDay(calendar.zone, asOfMs) + calendar.horizonDays;
  const lastClinicDay = Math.min(horizonEnd, LAST_SEARCH_DAY);
  const capped = horizonEnd > LAST_SEARCH_DAY;
  const firstDay = Math.max(fastLocalDay(calendar.zone, minStart), lo - spread);
  const lastDay = Math.min(lastClinicDay, hi + spread);
  const empty = (reason: SlotSearch['reason'], from: number, until: number): SlotSearch => ({ slots: [], from, until, reason, capped });
  if (lo > hi) return empty('downstream', lo, hi);
  if (firstDay > lastDay) return empty('horizon', lo, lastClinicDay);

  const fits = new Map<number, DayFit | null>();
  const fitOn = (day: number): DayFit | null => {
    let f = fits.get(day);
    if (f === undefined) {
      f = day < lo || day > hi ? null : (dayFit(plan, spec, day, recommended) ?? null);
      fits.set(day, f);
    }
    return f;
  };

  // Days with opening hours and an allowed plan date, best first.
  const days: { day: number; rank: number; distance: number }[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    if (openingRanges(calendar, day).length === 0) continue;
    let best: DayFit | null = null;
    for (let p = day - spread; p <= day + spread; p++) {
      const f = fitOn(p);
      if (f !== null && (best === null || f.rank < best.rank || (f.rank === best.rank && f.distance < best.distance))) best = f;
    }
    if (best !== null) days.push({ day, rank: best.rank, distance: best.distance });
  }
  days.sort((a, b) => a.rank - b.rank || a.distance - b.distance || a.day - b.day);

  // The plan's other sessions, fixed in time: no slot (with its buffers) may touch them.
  // Stryker disable next-line ArrayDeclaration: an entry without start and end overlaps nothing, as no entry does
  const others: { start: number; end: number }[] = [];
  let previousEnd = Number.NEGATIVE_INFINITY;
  for (const s of plan.sessions) {
    if (s.number === k) continue;
    const iv = sessionInterval(s);
    if (iv === undefined) continue;
    const interval = { start: parseInstant(iv.start), end: parseInstant(iv.end) };
    others.push(interval);
    if (s.number === k - 1) previousEnd = interval.end;
  }
  const bufferBefore = calendar.bufferBeforeMs;
  const bufferAfter = calendar.bufferAfterMs;
  const resources = calendar.resources;

  const found: Candidate[] = [];
  for (let i = 0; i < days.length; i++) {
    const { day } = days[i] as (typeof days)[number];
    forEachStart(calendar, day, durationMs, (start, end) => {
      if (start < minStart || start < previousEnd) return true;
      const planDay = sameZone ? day : fastLocalDay(planZone, start);
      const f = fitOn(planDay);
      if (f === null) return true;
      const worst = found.length >= limit ? found[found.length - 1] : undefined;
      // In one zone every start of a day shares its fit and distance, and later starts rank lower.
      if (worst !== undefined && !before({ rank: f.rank, distance: f.distance, start }, worst)) return !sameZone;
      const from = start - bufferBefore;
      const to = end + bufferAfter;
      for (const o of others) if (from < o.end && o.start < to) return true;
      let resource = -1;
      for (let r = 0; r < resources.length; r++) {
        if (isFree(blocks[r] as Blocks, from, to)) {
          resource = r;
          break;
        }
      }
      if (resource < 0) return true;
      if (hasError(bookingChecks({ plan, protocol, spec, session: k, start, end, at: asOfMs, move }))) return true;
      const c: Candidate = { ...f, start, end, day: planDay, resource: resources[resource] };
      let at = found.length;
      while (at > 0 && before(c, found[at - 1] as Candidate)) at--;
      found.splice(at, 0, c);
      if (found.length > limit) found.pop();
      return true;
    });
    const next = days[i + 1];
    const worst = found[limit - 1];
    // Stop when no start of the next day (or any later in the order) can rank higher.
    if (
      next !== undefined &&
      worst !== undefined &&
      before(worst, { rank: next.rank, distance: next.distance, start: next.day * MS_PER_DAY - 18 * HOUR })
    )
      break;
  }
  return {
    slots: found,
    from: Math.max(lo, fastLocalDay(planZone, minStart)),
    until: Math.min(hi, lastClinicDay),
    reason: 'calendar',
    capped,
  };
}

/** The public slot of a candidate, in the plan's zone. @internal */
export function toSlot(plan: Plan, k: number, c: Candidate): Slot {
  return slotOf(k, formatInstant(c.start, plan.timeZone), formatInstant(c.end, plan.timeZone), c.day, c.daysFromAnchor, c.fit, c.resource);
}

/** A slot with its fields in the documented order. */
function slotOf(
  session: number,
  start: string,
  end: string,
  day: number,
  daysFromAnchor: number | undefined,
  fit: SlotFit,
  resource: string | undefined,
): Slot {
  const localDate = formatLocalDate(day);
  const slot: Mutable<Slot> =
    daysFromAnchor === undefined ? { session, start, end, localDate, fit } : { session, start, end, localDate, daysFromAnchor, fit };
  if (resource !== undefined) slot.resource = resource;
  return slot;
}

/**
 * `NO_SLOT_AVAILABLE` for a search that found nothing; `DATE_OUT_OF_RANGE` (at `options.asOf`)
 * when the end of the supported range cut it short or its days lie past that end, so that no
 * finding names a date the library's own parsers refuse. @internal
 */
export function noSlotFinding(k: number, search: SlotSearch, durationMs: number): Finding {
  const outside = (day: number): boolean => Number.isFinite(day) && (day > LAST_SEARCH_DAY || day < MIN_DAY + 1);
  if (search.capped || outside(search.from) || outside(search.until)) {
    const path = ['options', 'asOf'];
    const day = Math.min(Math.max(search.from, MIN_DAY), MAX_DAY);
    return finding(
      'DATE_OUT_OF_RANGE',
      'error',
      { path: 'options.asOf', value: formatLocalDate(day), min: MIN_LOCAL_DATE, max: formatLocalDate(LAST_SEARCH_DAY) },
      { path, session: k },
    );
  }
  return finding(
    'NO_SLOT_AVAILABLE',
    'error',
    {
      session: k,
      from: formatLocalDate(search.from),
      until: formatLocalDate(search.until),
      reason: search.reason,
      durationMinutes: Math.round(durationMs / MINUTE),
    },
    { session: k },
  );
}

/** The length of a session's booking (a move keeps it), else the protocol's duration. @internal */
export function durationOf(protocol: Protocol, s: PlanSession): number {
  // Only a pending or booked session is asked for: one with a booking is booked.
  if (s.booking !== undefined) return parseInstant(s.booking.end) - parseInstant(s.booking.start);
  return sessionSpec(protocol, s.number).durationMinutes * MINUTE;
}

/** A session's slot as it stands (a kept or requested booking), or the spacing error below a minimum. @internal */
export function describeBooking(
  plan: Plan,
  protocol: Protocol,
  k: number,
  start: number,
  end: number,
  resource: string | undefined,
): Slot | Finding {
  const spec = sessionSpec(protocol, k);
  const day = fastLocalDay(plan.timeZone, start);
  const { measures } = measureGaps(spec, day, sessionDays(plan));
  let evaluation: SpacingEvaluation = 'onTime';
  for (const m of measures) {
    evaluation = worse(evaluation, m.evaluation);
    // Stryker disable next-line StringLiteral: spacingFinding reads every context but 'completion' and 'evaluateCompleted' as a booking
    const f = spacingFinding(k, day, m, 'booking');
    if (f !== undefined && f.severity === 'error') return f;
  }
  // Stryker disable next-line StringLiteral: unreachable: an evaluation below a minimum returned its spacing error above
  const fit = fitFor(evaluation) ?? 'onTime';
  return slotOf(k, formatInstant(start, plan.timeZone), formatInstant(end, plan.timeZone), day, measures[0]?.days, fit, resource);
}

// ---------------------------------------------------------------------------------------------

/** The session a `findSlots` call is about, and whether it is a move, or the refusal. */
function chooseSession(plan: Plan, requested: number | undefined): { k: number; move: boolean } | Finding {
  if (requested === undefined) {
    const pending = plan.sessions.find((s) => s.state === 'pending');
    if (pending === undefined) {
      const booked = plan.sessions.find((s) => s.state === 'booked');
      const refusal = statusRefusal(plan, 'sessionBooked');
      // Stryker disable next-line StringLiteral: unreachable: with no session pending or booked, every session is completed and the plan's status (completed, on hold or closed) refuses
      if (refusal !== undefined || booked?.booking === undefined) return refusal ?? finding('PLAN_COMPLETED', 'error');
      return finding(
        'SESSION_ALREADY_BOOKED',
        'error',
        { session: booked.number, start: booked.booking.start },
        { session: booked.number },
      );
    }
    return chooseSession(plan, pending.number);
  }
  // A booked session is a move; any other a booking: the same gates `applyEvent` passes it through.
  const move = plan.sessions[requested - 1]?.state === 'booked';
  const gated = bookingGate(plan, move ? 'sessionRescheduled' : 'sessionBooked', requested);
  return 'code' in gated ? gated : { k: gated.number, move };
}

/**
 * Finds bookable slots for the next session (or the named one): free on the clinic's calendar
 * and inside the healing window, each one a booking `applyEvent` would accept at `asOf`.
 *
 * Opening hours are local times in the availability's zone; a wall time the clocks skip gives no
 * slot, a repeated one its earlier instant, and a session across a DST change lasts its real
 * minutes. A slot keeps its buffers clear of busy intervals and of the plan's other sessions,
 * starts at least the minimum notice after `asOf`, and starts no later than `asOf`'s local date
 * plus `horizonDays`. Ranked: `onTime`, `early`, `late`, `lapsed`; then nearest the recommended
 * date; then earliest. Naming a booked session finds where it can move without breaking a later
 * booking (its own busy interval is ignored). No slot at all is `NO_SLOT_AVAILABLE`; a plan on
 * hold, closed or completed is refused with its code. Never throws.
 *
 * @param plan - the plan
 * @param options - protocol, availability, `asOf`, and optionally `session` and `limit` (default 10)
 * @returns the best slots, ranked
 *
 * @example
 * ```ts
 * import { findSlots, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').build(); // session 1 completed on Mon 23 Mar 2026, Europe/London
 * const out = plan.ok ? findSlots(plan.value, { protocol: standardProtocol, asOf: '2026-03-23T15:00:00Z', limit: 2,
 *   availability: { timeZone: 'Europe/London', weekly: [{ weekday: 4, open: '10:00', close: '18:00' }] } }) : plan;
 * out.ok && out.value[0]; // { session: 2, start: '2026-04-02T10:00:00+01:00', end: '2026-04-02T13:00:00+01:00',
 *                         //   localDate: '2026-04-02', daysFromAnchor: 10, fit: 'onTime' }
 * ```
 */
export function findSlots(plan: Plan, options: FindSlotsOptions): Outcome<Slot[]> {
  const hints: KeyHints = {};
  return guardedInput(
    [plan, withAvailabilityRead(options, hints) as FindSlotsOptions] as const,
    ['plan', 'options'],
    (plan, options) => {
      let requested: number | undefined;
      let limit = 10;
      const args = schedulingArguments(plan, options, (findings) => {
        if (option(options, 'session') !== undefined) requested = intOption(options, 'session', 1, 99, undefined, findings);
        limit = intOption(options, 'limit', 1, 1_000, 10, findings);
      });
      if (!args.ok) return args;
      const { plan: p, protocol, calendar, asOfMs } = args.value;
      const chosen = chooseSession(p, requested);
      if ('code' in chosen) return fail([chosen]);
      const { k, move } = chosen;
      const session = p.sessions[k - 1] as PlanSession;
      if (!move) {
        const { pendingAnchors } = measureGaps(sessionSpec(protocol, k), 0, sessionDays(p));
        const anchor = pendingAnchors[0];
        if (anchor !== undefined) {
          return fail([
            finding(
              'SESSION_OUT_OF_ORDER',
              'error',
              { session: k, previousSession: anchor, previousState: 'pending', rule: 'previousBooked' },
              { session: k },
            ),
          ]);
        }
      }
      // A move releases the session's own booking (a session has a booking exactly when booked: a move).
      const released: Released =
        session.booking !== undefined
          ? [{ start: parseInstant(session.booking.start), end: parseInstant(session.booking.end) }]
          : // Stryker disable next-line ArrayDeclaration: an entry without start and end releases no busy interval, as none does
            [];
      const { from, to } = searchWindow(calendar, asOfMs);
      const durationMs = durationOf(protocol, session);
      const search = searchSlots({
        plan: p,
        protocol,
        calendar,
        asOfMs,
        k,
        move,
        durationMs,
        limit,
        blocks: busyBlocks(calendar, from, to, released),
      });
      if (search.slots.length === 0) return fail([noSlotFinding(k, search, durationMs)]);
      return ok(search.slots.map((c) => toSlot(p, k, c)));
    },
    hints,
  );
}

export { searchWindow };
