/**
 * The forecast: when each session that is not completed may, should and must happen.
 * @module
 */
import type { Mutable } from '../schema/readonly.js';
import type { Finding, Outcome } from '../findings/codes.js';
import { fail, finding, ok } from '../findings/finding.js';
import type { Plan, SessionState } from '../schema/plan.js';
import { guardedInput } from '../schema/limits.js';
import type { Protocol } from '../protocol/schema.js';
import type { ReadOptions } from './evaluate.js';
import { unrecordedOutcomes } from './unrecorded.js';
import { readAsOfCall } from '../protocol/call.js';
import { sessionSpec } from '../protocol/session.js';
import { sessionDay } from './session-days.js';
import { addMonths, formatLocalDate, parseLocalDate } from '../time/civil.js';
import { dayInRange, MAX_LOCAL_DATE, MIN_LOCAL_DATE } from '../time/range.js';
import { parseInstant } from '../time/instant.js';
import { localDayOf } from '../time/zone.js';

/**
 * Where a session stands as of `asOf`: before `earliest` → `notYet`; before `recommended` →
 * `early`; before `pastDue` → `due`; up to `latest` → `overdue`; after it → `lapsed`.
 *
 * @example
 * ```ts
 * import { forecast, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').build(); // session 2's latest day is 2026-04-22
 * const f = plan.ok ? forecast(plan.value, { protocol: standardProtocol, asOf: '2026-05-30T09:00:00Z' }) : plan;
 * f.ok && f.value.next?.due; // 'lapsed'
 * ```
 */
export type Due = 'notYet' | 'early' | 'due' | 'overdue' | 'lapsed';

/**
 * One session's forecast; dates are local dates in the plan's zone.
 *
 * @example
 * ```ts
 * import { forecast, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').build(); // Europe/London
 * const f = plan.ok ? forecast(plan.value, { protocol: standardProtocol, asOf: '2026-03-24T09:00:00Z' }) : plan;
 * f.ok && f.value.sessions[2]; // { session: 3, state: 'pending', earliest: '2026-04-09', recommended: '2026-04-16',
 *                              //   projected: true, due: 'notYet', pastDue: '2026-05-01', latest: '2026-05-28' }
 * ```
 */
export interface SessionForecast {
  /** The session's number. */
  readonly session: number;
  /** Its state. */
  readonly state: SessionState;
  /** The first date a booking is accepted (anchor + minimumDays). */
  readonly earliest?: string;
  /** The first recommended date (anchor + earliestRecommendedDays). */
  readonly recommended?: string;
  /** The first date past the recommended window (anchor + latestRecommendedDays + 1). */
  readonly pastDue?: string;
  /** The last date before the gap lapses (anchor + maximumDays), if the protocol has a maximum. */
  readonly latest?: string;
  /** True when an anchor of this session is neither completed nor booked, so the dates rest on projections. */
  readonly projected: boolean;
  /** Where the session stands as of `asOf`. */
  readonly due?: Due;
}

/**
 * A plan's forecast.
 *
 * @example
 * ```ts
 * import { forecast, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').build(); // Europe/London
 * const f = plan.ok ? forecast(plan.value, { protocol: standardProtocol, asOf: '2026-03-24T09:00:00Z' }) : plan;
 * f.ok && f.value.next?.recommended; // '2026-04-02'
 * f.ok && f.value.sessions.map((s) => s.projected); // [false, false, true]
 * ```
 */
export interface Forecast {
  /** The first session that is not completed; `null` for a completed or closed plan. */
  readonly next: SessionForecast | null;
  /** One entry per session, in order. */
  readonly sessions: readonly SessionForecast[];
  /** Once the plan is completed: the review (included touch-up) window, in days after the last session. */
  readonly review?: AfterCourseWindow;
  /** Once the plan is completed: the maintenance touch-up window, in months after the last session. */
  readonly maintenance?: AfterCourseWindow;
  /** Plan-level findings: `OUTCOME_NOT_RECORDED` (warning) for a booking that ended before `asOf` with nothing recorded, `PLAN_ON_HOLD` (info). */
  readonly findings: readonly Finding[];
}

/**
 * A window after the course, as local dates in the plan's zone.
 *
 * @example
 * ```ts
 * import { forecast, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00').withSession(3, '2026-04-16T10:00').build();
 * const f = plan.ok ? forecast(plan.value, { protocol: standardProtocol, asOf: '2026-04-17T09:00:00Z' }) : plan;
 * f.ok && f.value.review; // { earliest: '2026-05-07', recommended: '2026-05-16', latest: '2026-06-11' }
 * ```
 */
export interface AfterCourseWindow {
  /** The first day of the window. */
  readonly earliest: string;
  /** The recommended day. */
  readonly recommended: string;
  /** The last day of the window. */
  readonly latest: string;
}

/** Review (days) and maintenance (months) windows from the last completed session's local date. */
function afterCourse(plan: Plan, protocol: Protocol): Pick<Forecast, 'review' | 'maintenance'> {
  if (plan.status !== 'completed') return {};
  let last = Number.NEGATIVE_INFINITY;
  for (const s of plan.sessions) last = Math.max(last, sessionDay(plan, s) ?? Number.NEGATIVE_INFINITY);
  if (!Number.isFinite(last)) return {};
  const out: Mutable<Pick<Forecast, 'review' | 'maintenance'>> = {};
  const r = protocol.review;
  // A window that would leave the supported dates is not given (as far away as never).
  if (r !== undefined && dayInRange(last + r.latestDays)) {
    out.review = {
      earliest: formatLocalDate(last + r.earliestDays),
      recommended: formatLocalDate(last + r.recommendedDays),
      latest: formatLocalDate(last + r.latestDays),
    };
  }
  const m = protocol.maintenance;
  if (m !== undefined && dayInRange(addMonths(last, m.latestMonths))) {
    out.maintenance = {
      earliest: formatLocalDate(addMonths(last, m.earliestMonths)),
      recommended: formatLocalDate(addMonths(last, m.recommendedMonths)),
      latest: formatLocalDate(addMonths(last, m.latestMonths)),
    };
  }
  return out;
}

interface Window {
  earliest: number;
  recommended: number;
  pastDue: number;
  latest: number;
  projected: boolean;
}

function dueOf(day: number, w: Window): Due {
  if (day < w.earliest) return 'notYet';
  if (day < w.recommended) return 'early';
  if (day < w.pastDue) return 'due';
  if (day <= w.latest) return 'overdue';
  return 'lapsed';
}

/** Each session's forecast window as of the local day `asOfDay` (also what slots search). @internal */
export function sessionWindows(plan: Plan, protocol: Protocol, asOfDay: number): SessionForecast[] {
  return windowsOf(plan, protocol, asOfDay).sessions;
}

/** A computed `earliest` or `recommended` past the supported dates: where, and the day. */
interface OutOfRange {
  index: number;
  field: 'earliest' | 'recommended';
  day: number;
}

/** The windows, and the first `earliest` or `recommended` that left the supported dates, if any. */
function windowsOf(plan: Plan, protocol: Protocol, asOfDay: number): { sessions: SessionForecast[]; outside: OutOfRange | undefined } {
  let outside: OutOfRange | undefined;
  // No pause's `until`: no floor.
  // Stryker disable next-line StringLiteral: parseLocalDate refuses any text that is not a date, this one or another
  const notBefore = parseLocalDate(plan.notBefore ?? '') ?? Number.NEGATIVE_INFINITY;
  const windows: (Window | undefined)[] = [];
  const out: SessionForecast[] = [];
  for (const s of plan.sessions) {
    if (s.state === 'completed') {
      windows.push(undefined);
      out.push({ session: s.number, state: s.state, projected: false });
      continue;
    }
    let w: Window;
    const spec = sessionSpec(protocol, s.number);
    if (spec.gaps.length === 0) {
      // The first session: from asOf, or later where a pause or the screening says so.
      const screened = plan.screening?.earliestStart !== undefined ? parseLocalDate(plan.screening.earliestStart) : undefined;
      const day = Math.max(asOfDay, notBefore, screened ?? Number.NEGATIVE_INFINITY);
      w = { earliest: day, recommended: day, pastDue: Infinity, latest: Infinity, projected: false };
    } else {
      w = { earliest: -Infinity, recommended: -Infinity, pastDue: -Infinity, latest: -Infinity, projected: false };
      for (const { anchor, gap } of spec.gaps) {
        let a = sessionDay(plan, plan.sessions[anchor - 1]);
        if (a === undefined) {
          // A pending anchor: its own recommended date, never before asOf.
          // Stryker disable next-line OptionalChaining: an anchor comes before its session, and a pending one has its window
          a = Math.max(windows[anchor - 1]?.recommended ?? asOfDay, asOfDay);
          w.projected = true;
        }
        w.earliest = Math.max(w.earliest, a + gap.minimumDays);
        w.recommended = Math.max(w.recommended, a + gap.earliestRecommendedDays);
        w.pastDue = Math.max(w.pastDue, a + gap.latestRecommendedDays + 1);
        w.latest = Math.max(w.latest, gap.maximumDays === undefined ? Infinity : a + gap.maximumDays);
      }
      // A pause's `until` is the earliest date offered after resuming; the healing window's
      // past-due and latest dates stay what the skin says.
      w.earliest = Math.max(w.earliest, notBefore);
      w.recommended = Math.max(w.recommended, notBefore);
    }
    windows.push(w);
    if (outside === undefined && !dayInRange(w.earliest)) outside = { index: out.length, field: 'earliest', day: w.earliest };
    else if (outside === undefined && !dayInRange(w.recommended)) outside = { index: out.length, field: 'recommended', day: w.recommended };
    const f: Mutable<SessionForecast> = {
      session: s.number,
      state: s.state,
      earliest: formatLocalDate(w.earliest),
      recommended: formatLocalDate(w.recommended),
      projected: w.projected,
      due: dueOf(asOfDay, w),
    };
    // Absent counts as infinitely far: so does a date past the supported range.
    if (Number.isFinite(w.pastDue) && dayInRange(w.pastDue)) f.pastDue = formatLocalDate(w.pastDue);
    if (Number.isFinite(w.latest) && dayInRange(w.latest)) f.latest = formatLocalDate(w.latest);
    out.push(f);
  }
  return { sessions: out, outside };
}

/**
 * Forecasts each session that is not completed: `earliest`, `recommended`, `pastDue` and
 * `latest` as local dates in the plan's zone, and where it stands (`due`) as of `asOf`.
 *
 * Gaps are measured from the anchor's completed date, else its booked date; from a pending
 * anchor, the anchor's own recommended date (never before `asOf`), marked `projected: true`.
 * Where several gaps apply, each date is the latest over them. A pending first session is due
 * from `asOf`'s local date (or a pause's later `until`, or the screening's earliest start). A
 * booking that ended before `asOf` with nothing recorded gives `OUTCOME_NOT_RECORDED` (a warning;
 * it is never counted as completed). Never throws: a junk plan, a missing or mismatched protocol or
 * a bad `asOf` refuse the call (`ok: false`), so a broken call never looks like a finished course.
 * A session whose `earliest` or `recommended` date would fall after 9999-12-31 refuses the call
 * with `DATE_OUT_OF_RANGE` (path `sessions[i].earliest` or `.recommended`); a `pastDue` or
 * `latest` past it is left out (as far away as never).
 *
 * @param plan - the plan
 * @param options - the plan's protocol and the moment of the forecast
 * @returns the forecast, with its plan-level findings also in the Outcome's `findings`
 *
 * @example
 * ```ts
 * import { forecast, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').build(); // session 1 completed on 2026-03-23 in Europe/London
 * const f = plan.ok ? forecast(plan.value, { protocol: standardProtocol, asOf: '2026-03-24T09:00:00Z' }) : plan;
 * f.ok && f.value.next; // { session: 2, state: 'pending', earliest: '2026-03-30', recommended: '2026-04-02', projected: false,
 *                       //   due: 'notYet', pastDue: '2026-04-07', latest: '2026-04-22' }
 * ```
 */
export function forecast(plan: Plan, options: ReadOptions): Outcome<Forecast> {
  return guardedInput([plan, options] as const, ['plan', 'options'], (plan, options) => {
    const read = readAsOfCall(plan, options);
    if (!read.ok) return read;
    const { plan: p, protocol, options: asOf } = read.value;
    const { sessions, outside } = windowsOf(p, protocol, asOf.asOfDay);
    if (outside !== undefined) {
      // An earliest or recommended date past 9999-12-31 is the forecast's meaning, not an
      // optional extra: refused, never written as a date our own parser refuses.
      const path = `sessions[${outside.index}].${outside.field}`;
      const value = formatLocalDate(outside.day);
      return fail([
        finding(
          'DATE_OUT_OF_RANGE',
          'error',
          { path, value, min: MIN_LOCAL_DATE, max: MAX_LOCAL_DATE },
          { path: ['sessions', outside.index, outside.field] },
        ),
      ]);
    }
    const findings: Finding[] = unrecordedOutcomes(p, asOf.asOfMs);
    // On hold: a plan has its hold exactly while on hold (the plan reader checks it).
    const hold = p.hold;
    if (hold !== undefined) {
      const since = formatLocalDate(localDayOf(p.timeZone, parseInstant(hold.since)));
      findings.push(finding('PLAN_ON_HOLD', 'info', { reason: hold.reason, since }));
    }
    // A completed plan has no session left to find; a closed one offers none.
    const next = p.status !== 'closed' ? (sessions.find((s) => s.state !== 'completed') ?? null) : null;
    return ok({ next, sessions, findings, ...afterCourse(p, protocol) }, findings);
  });
}
