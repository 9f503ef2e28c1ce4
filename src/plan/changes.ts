/**
 * What the outside world must do when a plan moves: reminders to schedule or cancel and calendar
 * entries to create, update or cancel. Pure: the answer is the difference between what each plan
 * calls for, so a reschedule touches exactly the jobs it made stale.
 * @module
 */
import { guardedInput } from '../schema/limits.js';
import type { Finding, Outcome } from '../findings/codes.js';
import { fail, ok } from '../findings/finding.js';
import { inputDetails } from '../findings/messages.js';
import type { Protocol } from '../protocol/schema.js';
import { aftercare, preparation } from '../rules/care.js';
import { inputFinding } from '../schema/issues.js';
import { forecast } from '../rules/forecast.js';
import { formatInstant, parseInstant } from '../time/instant.js';
import { MIN_INSTANT_MS } from '../time/range.js';
import { toInstant } from '../schema/convert.js';
import { readPlanCall, resolveProtocol } from '../protocol/call.js';
import { prefixed } from '../schema/options.js';
import { planArgument } from '../schema/plan-parse.js';
import type { Plan, PlanEvent } from '../schema/plan.js';

const MINUTE = 60_000;

/**
 * What a reminder is about.
 *
 * @example
 * ```ts
 * import { applyEvent, createPlan, planChanges, standardProtocol } from 'smp-protocol';
 * const created = createPlan({ id: 'plan-1', clientId: 'client-9', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * const before = created.ok ? applyEvent(created.value, { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:05:00Z', session: 1, start: '2026-03-23T10:00:00Z' }, { protocol: standardProtocol }) : created;
 * const after = before.ok ? applyEvent(before.value, { id: 'e2', type: 'sessionRescheduled', at: '2026-03-02T09:05:00Z', session: 1, start: '2026-03-24T10:00:00Z' }, { protocol: standardProtocol }) : before;
 * const out = before.ok && after.ok ? planChanges(before.value, after.value, { protocol: standardProtocol }) : undefined;
 * out?.ok && [...new Set(out.value.reminders.schedule.map((r) => r.kind))]; // ['appointment', 'preparation']
 * ```
 */
export type ReminderKind = 'appointment' | 'preparation' | 'aftercare' | 'review' | 'maintenance';

/**
 * One reminder a plan calls for: send it at `dueAt`. The id is stable (`planId/session/kind/…`,
 * `planId/review`, `planId/maintenance`): the same reminder of a later plan has the same id, with
 * a new `dueAt` when its session moved.
 *
 * @example
 * ```ts
 * import { applyEvent, createPlan, planChanges, standardProtocol } from 'smp-protocol';
 * const created = createPlan({ id: 'plan-1', clientId: 'client-9', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * const before = created.ok ? applyEvent(created.value, { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:05:00Z', session: 1, start: '2026-03-23T10:00:00Z' }, { protocol: standardProtocol }) : created;
 * const after = before.ok ? applyEvent(before.value, { id: 'e2', type: 'sessionRescheduled', at: '2026-03-02T09:05:00Z', session: 1, start: '2026-03-24T10:00:00Z' }, { protocol: standardProtocol }) : before;
 * const out = before.ok && after.ok ? planChanges(before.value, after.value, { protocol: standardProtocol, reminders: { appointmentMinutesBefore: [1440] } }) : undefined;
 * out?.ok && out.value.reminders.schedule[0]; // { id: 'plan-1/1/appointment/1440m', kind: 'appointment', session: 1, dueAt: '2026-03-23T10:00:00+00:00',
 *   // title: 'Hairline design and foundation in 24 hours', start: '2026-03-24T10:00:00Z', end: '2026-03-24T14:00:00+00:00' }
 * ```
 */
export interface Reminder {
  /** Stable id, `planId/…`. */
  readonly id: string;
  /** What it is about. */
  readonly kind: ReminderKind;
  /** The session it is about (absent for review and maintenance recalls). */
  readonly session?: number;
  /**
   * When to send it. Never before the first supported instant (`1900-01-02T00:00:00Z`): an
   * appointment reminder that would fall earlier is due then, so every `dueAt` reads back.
   */
  readonly dueAt: string;
  /** A short title (English). */
  readonly title: string;
  /** The care item's instruction, for preparation and aftercare. */
  readonly instruction?: string;
  /** The appointment's, or the care item's, start. */
  readonly start?: string;
  /** The appointment's, or the care item's, end. */
  readonly end?: string;
  /** For recalls: the window's dates (local dates in the plan's zone). */
  readonly window?: { readonly earliest: string; readonly recommended: string; readonly latest: string };
}

/**
 * One calendar entry a plan calls for: a session that is booked or was completed. `sequence` is
 * iCalendar's SEQUENCE (how many times its time or status changed), as `toICalendar` writes it.
 *
 * @example
 * ```ts
 * import { applyEvent, createPlan, planChanges, standardProtocol } from 'smp-protocol';
 * const created = createPlan({ id: 'plan-1', clientId: 'client-9', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * const before = created.ok ? applyEvent(created.value, { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:05:00Z', session: 1, start: '2026-03-23T10:00:00Z' }, { protocol: standardProtocol }) : created;
 * const after = before.ok ? applyEvent(before.value, { id: 'e2', type: 'sessionRescheduled', at: '2026-03-02T09:05:00Z', session: 1, start: '2026-03-24T10:00:00Z' }, { protocol: standardProtocol }) : before;
 * const out = before.ok && after.ok ? planChanges(before.value, after.value, { protocol: standardProtocol }) : undefined;
 * out?.ok && out.value.calendar.update[0]; // { id: 'plan-1/1/appointment', uid: 'plan-1-s1@smp-protocol', session: 1, status: 'booked',
 *   // start: '2026-03-24T10:00:00Z', end: '2026-03-24T14:00:00+00:00', sequence: 1, title: 'Hairline design and foundation' }
 * ```
 */
export interface CalendarEntry {
  /** Stable id, `planId/session/appointment`. */
  readonly id: string;
  /** The UID `toICalendar` gives the session's VEVENT with its default domain. */
  readonly uid: string;
  /** The session. */
  readonly session: number;
  /** `booked` (still to happen) or `completed`. */
  readonly status: 'booked' | 'completed';
  /** Start instant. */
  readonly start: string;
  /** End instant. */
  readonly end: string;
  /** iCalendar SEQUENCE. */
  readonly sequence: number;
  /** A short title (the protocol's session title). */
  readonly title: string;
}

/**
 * What {@link planChanges} asks the outside world to do.
 * - `reminders.schedule`: create each reminder, or move it when one with its id exists;
 * - `reminders.cancel`: drop each (the reminder as it was);
 * - `calendar.create` / `update` / `cancel`: the entries, with their new SEQUENCE.
 *
 * @example
 * ```ts
 * import { createPlan, planChanges, standardProtocol } from 'smp-protocol';
 * const created = createPlan({ id: 'plan-1', clientId: 'client-9', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * const out = created.ok ? planChanges(created.value, created.value, { protocol: standardProtocol }) : created;
 * out.ok && out.value; // { reminders: { schedule: [], cancel: [] }, calendar: { create: [], update: [], cancel: [] } }
 * ```
 */
export interface PlanChanges {
  /** Reminders to schedule (create or move) and to cancel. */
  readonly reminders: { readonly schedule: readonly Reminder[]; readonly cancel: readonly Reminder[] };
  /** Calendar entries to create, update and cancel. */
  readonly calendar: {
    readonly create: readonly CalendarEntry[];
    readonly update: readonly CalendarEntry[];
    readonly cancel: readonly CalendarEntry[];
  };
}

/**
 * Options of {@link planChanges}.
 *
 * @example
 * ```ts
 * import { applyEvent, createPlan, planChanges, standardProtocol, type PlanChangesOptions } from 'smp-protocol';
 * const created = createPlan({ id: 'plan-1', clientId: 'client-9', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * const before = created.ok ? applyEvent(created.value, { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:05:00Z', session: 1, start: '2026-03-23T10:00:00Z' }, { protocol: standardProtocol }) : created;
 * const after = before.ok ? applyEvent(before.value, { id: 'e2', type: 'sessionRescheduled', at: '2026-03-02T09:05:00Z', session: 1, start: '2026-03-24T10:00:00Z' }, { protocol: standardProtocol }) : before;
 * const options: PlanChangesOptions = { protocol: standardProtocol, reminders: { appointmentMinutesBefore: [1440] } };
 * const out = before.ok && after.ok ? planChanges(before.value, after.value, options) : undefined;
 * out?.ok && out.value.reminders.schedule.filter((r) => r.kind === 'appointment').map((r) => r.dueAt); // ['2026-03-23T10:00:00+00:00']
 * ```
 */
export interface PlanChangesOptions {
  /** The plans' protocol. */
  protocol?: Protocol;
  /** Or several: the one whose id and version match the plan is used. */
  protocols?: readonly Protocol[];
  /** Reminder settings. */
  reminders?: {
    /** Appointment reminders, in minutes before the start. Default `[2880, 120]` (48 h and 2 h). */
    appointmentMinutesBefore?: readonly number[];
    /** Local time (`HH:mm`, the plan's zone) at which review and maintenance recalls are sent. Default `09:00`. */
    recallTime?: string;
  };
}

interface Settings {
  offsets: number[];
  recallTime: string;
}

function readSettings(options: PlanChangesOptions, findings: Finding[]): Settings {
  // `options` that is not an object is reported by the protocol reader; here it has no reminders.
  const r: unknown = typeof options === 'object' && options !== null ? options.reminders : undefined;
  const out: Settings = { offsets: [2880, 120], recallTime: '09:00' };
  if (r === undefined) return out;
  if (typeof r !== 'object' || r === null) {
    findings.push(inputFinding(['options', 'reminders'], inputDetails.notObject('an object')));
    return out;
  }
  const { appointmentMinutesBefore: m, recallTime: t } = r as { appointmentMinutesBefore?: unknown; recallTime?: unknown };
  if (m !== undefined) {
    if (!Array.isArray(m) || m.length > 10 || !m.every((x) => Number.isInteger(x) && x >= 0 && x <= 60 * 24 * 60)) {
      findings.push(
        inputFinding(['options', 'reminders', 'appointmentMinutesBefore'], inputDetails.required('up to 10 whole minutes from 0 to 86400')),
      );
    } else {
      out.offsets = [...new Set(m as number[])];
    }
  }
  if (t !== undefined) {
    if (typeof t !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(t)) {
      findings.push(inputFinding(['options', 'reminders', 'recallTime'], inputDetails.required('a local time HH:mm')));
    } else {
      out.recallTime = t;
    }
  }
  return out;
}

/** A reader's value, or `undefined` when it refused (the plan and protocol were checked already). */
function readerValue<T>(out: Outcome<T>): T | undefined {
  return out.ok ? out.value : undefined;
}

interface Wanted {
  reminders: Map<string, Reminder>;
  calendar: Map<string, CalendarEntry>;
  /** Each session's SEQUENCE, also for sessions with no entry (a cancelled one). */
  sequences: Map<number, number>;
}

function sessionTitle(protocol: Protocol, n: number): string {
  return protocol.sessions[n - 1]?.title ?? protocol.extraSessions.title;
}

function durationOf(protocol: Protocol, n: number): number {
  return protocol.sessions[n - 1]?.durationMinutes ?? protocol.extraSessions.durationMinutes;
}

/** iCalendar SEQUENCE per session: each change of start, end or cancellation after the first booking. */
function sequences(plan: Plan, protocol: Protocol): Map<number, number> {
  type Rev = { start: number; end: number; cancelled: boolean };
  const last = new Map<number, Rev>();
  const current = new Map<number, { start: number; minutes: number }>();
  const seq = new Map<number, number>();
  const revise = (n: number, r: Rev): void => {
    const prev = last.get(n);
    if (prev !== undefined && (prev.start !== r.start || prev.end !== r.end || prev.cancelled !== r.cancelled))
      seq.set(n, (seq.get(n) ?? 0) + 1);
    last.set(n, r);
  };
  const history: readonly PlanEvent[] = plan.history;
  for (const ev of history) {
    switch (ev.type) {
      case 'sessionBooked':
      case 'sessionRescheduled': {
        const was = current.get(ev.session);
        if (ev.type === 'sessionRescheduled' && was === undefined) break;
        const minutes = ev.durationMinutes ?? (was !== undefined ? was.minutes : durationOf(protocol, ev.session));
        const start = parseInstant(ev.start);
        current.set(ev.session, { start, minutes });
        revise(ev.session, { start, end: start + minutes * MINUTE, cancelled: false });
        break;
      }
      case 'sessionCancelled': {
        const b = current.get(ev.session);
        if (b === undefined) break;
        current.delete(ev.session);
        // A cancelled revision always follows a booked one and precedes a booked or completed one (or none), so the flag alone counts; its times are never compared.
        // Stryker disable next-line ObjectLiteral,ArithmeticOperator: equivalent, the times of a cancelled revision change no SEQUENCE (see above)
        revise(ev.session, { start: b.start, end: b.start + b.minutes * MINUTE, cancelled: true });
        break;
      }
      case 'sessionMissed':
        current.delete(ev.session);
        break;
      case 'sessionCompleted': {
        const done = plan.sessions[ev.session - 1]?.completed;
        if (done === undefined) break;
        current.delete(ev.session);
        revise(ev.session, { start: parseInstant(done.start), end: parseInstant(done.end), cancelled: false });
        break;
      }
      case 'planClosed':
        // Stryker disable next-line ObjectLiteral,ArithmeticOperator: equivalent, the times of a cancelled revision change no SEQUENCE (as for sessionCancelled)
        for (const [n, b] of current) revise(n, { start: b.start, end: b.start + b.minutes * MINUTE, cancelled: true });
        current.clear();
        break;
      case 'sessionAdded':
      case 'planPaused':
      case 'planResumed':
        break;
      // Stryker disable next-line ConditionalExpression,BlockStatement: unreachable, every event type the plan reader accepts has its case (the compiler checks it)
      default: {
        const never: never = ev;
        return never;
      }
    }
  }
  return seq;
}

function recallInstant(date: string, time: string, zone: string): string {
  const out = toInstant(`${date}T${time}`, zone);
  if (out.ok) return out.value;
  // The recall time does not exist that day (a DST gap): an hour later does.
  const later = toInstant(`${date}T${String(Number(time.slice(0, 2)) + 1).padStart(2, '0')}${time.slice(2)}`, zone);
  return later.ok ? later.value : `${date}T12:00:00Z`;
}

/** Everything a plan calls for. */
function wanted(plan: Plan, protocol: Protocol, settings: Settings): Wanted {
  const reminders = new Map<string, Reminder>();
  const calendar = new Map<string, CalendarEntry>();
  const seq = sequences(plan, protocol);
  const closed = plan.status === 'closed';
  const zone = plan.timeZone;
  for (const s of plan.sessions) {
    const n = s.number;
    const title = sessionTitle(protocol, n);
    const base = { session: n };
    // A booked session always has its booking; a completed one may keep its own too.
    const booking = s.state === 'booked' && !closed ? s.booking : undefined;
    if (booking !== undefined) {
      const { start, end } = booking;
      calendar.set(`${plan.id}/${n}/appointment`, {
        id: `${plan.id}/${n}/appointment`,
        uid: `${plan.id}-s${n}@smp-protocol`,
        session: n,
        status: 'booked',
        start,
        end,
        sequence: seq.get(n) ?? 0,
        title,
      });
      const startMs = parseInstant(start);
      for (const minutes of settings.offsets) {
        const id = `${plan.id}/${n}/appointment/${minutes}m`;
        const hours = minutes % 60 === 0 ? `${minutes / 60} hours` : `${minutes} minutes`;
        reminders.set(id, {
          id,
          kind: 'appointment',
          ...base,
          dueAt: formatInstant(Math.max(startMs - minutes * MINUTE, MIN_INSTANT_MS), zone),
          title: `${title} in ${hours}`,
          start,
          end,
        });
      }
      const prep = readerValue(preparation(plan, { protocol, session: n })) ?? [];
      for (const item of prep) {
        const id = `${plan.id}/${n}/preparation/${item.rule}`;
        reminders.set(id, {
          id,
          kind: 'preparation',
          ...base,
          dueAt: item.from,
          title: item.title,
          instruction: item.instruction,
          start: item.from,
          end: item.until,
        });
      }
    }
    // Only a completed session has a completion (the plan reader refuses any other).
    const done = s.completed;
    if (done !== undefined) {
      calendar.set(`${plan.id}/${n}/appointment`, {
        id: `${plan.id}/${n}/appointment`,
        uid: `${plan.id}-s${n}@smp-protocol`,
        session: n,
        status: 'completed',
        start: done.start,
        end: done.end,
        sequence: seq.get(n) ?? 0,
        title,
      });
      const care = readerValue(aftercare(plan, { protocol, session: n })) ?? [];
      for (const item of care) {
        const id = `${plan.id}/${n}/aftercare/${item.rule}`;
        reminders.set(id, {
          id,
          kind: 'aftercare',
          ...base,
          dueAt: item.from,
          title: item.title,
          instruction: item.instruction,
          start: item.from,
          end: item.until,
        });
      }
    }
  }
  if (plan.status === 'completed') {
    const f = readerValue(forecast(plan, { protocol, asOf: plan.createdAt }));
    for (const kind of ['review', 'maintenance'] as const) {
      const w = f?.[kind];
      if (w === undefined) continue;
      const id = `${plan.id}/${kind}`;
      reminders.set(id, {
        id,
        kind,
        dueAt: recallInstant(w.earliest, settings.recallTime, zone),
        title: kind === 'review' ? 'Review appointment due' : 'Maintenance touch-up due',
        window: { earliest: w.earliest, recommended: w.recommended, latest: w.latest },
      });
    }
  }
  return { reminders, calendar, sequences: seq };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Findings about the plan argument (`plan…`) named after the argument they are about, path and message alike. */
function renamed(findings: readonly Finding[], argument: 'before' | 'after'): Finding[] {
  return findings.map((f) => (f.path?.[0] === 'plan' ? (prefixed([{ ...f, path: f.path.slice(1) }], [argument])[0] as Finding) : f));
}

/**
 * What the outside world must do now that a plan moved from `before` to `after`: reminders to
 * schedule (create, or move when the id exists) and cancel, and calendar entries to create,
 * update (with the new iCalendar SEQUENCE) and cancel. Each has a stable id `planId/…`, so a
 * reschedule changes exactly the jobs it made stale. `before` may be `undefined` (a new plan).
 *
 * What a plan calls for: for each booked session (in a plan not closed), an appointment reminder
 * per offset (default 48 h and 2 h before the start) and its preparation items; for each
 * completed session, its aftercare items; once the plan is completed, the review and maintenance
 * recalls (sent at `recallTime` on the window's first day); and a calendar entry for every booked
 * or completed session. Folding `planChanges` over a plan's history leaves exactly what
 * `planChanges(undefined, plan)` creates.
 *
 * @param before - the plan before the change, or `undefined`
 * @param after - the plan after it (same id)
 * @param options - the protocol (or `protocols`) and reminder settings
 * @returns the changes; refused with `INVALID_INPUT` or `PROTOCOL_MISMATCH`
 *
 * @example
 * ```ts
 * import { planChanges, standardProtocol, type Plan } from 'smp-protocol';
 * declare const before: Plan; // session 1 booked 2026-03-23 10:00 Europe/London
 * declare const after: Plan;  // the same plan, session 1 moved to 2026-03-24 10:00
 * const out = planChanges(before, after, { protocol: standardProtocol });
 * out?.ok && out.value.reminders.schedule.map((r) => [r.id, r.dueAt]);
 * // [['plan-1/1/appointment/2880m', '2026-03-22T10:00:00+00:00'], ['plan-1/1/appointment/120m', '2026-03-24T08:00:00+00:00'], …]
 * out?.ok && out.value.calendar.update[0]?.sequence; // 1
 * ```
 */
export function planChanges(before: Plan | undefined, after: Plan, options: PlanChangesOptions): Outcome<PlanChanges> {
  return guardedInput([before, after, options] as const, ['before', 'after', 'options'], (before, after, options) => {
    const call = readPlanCall(after, options, (findings) => readSettings(options, findings));
    if (!call.ok) return fail(renamed(call.findings, 'after'));
    const { plan: afterPlan, protocol, options: settings } = call.value;
    let beforePlan: Plan | undefined;
    if (before !== undefined) {
      const b = planArgument(before);
      if (!b.ok) return fail(renamed(b.findings, 'before'));
      beforePlan = b.value;
      if (beforePlan.id !== afterPlan.id) {
        return fail([inputFinding(['before', 'id'], inputDetails.required(`the same plan id as after (${JSON.stringify(afterPlan.id)})`))]);
      }
    }
    let beforeProtocol = protocol;
    if (beforePlan !== undefined && (beforePlan.protocol.id !== protocol.id || beforePlan.protocol.version !== protocol.version)) {
      const p = resolveProtocol(beforePlan.protocol, options);
      if (!p.ok) return p;
      beforeProtocol = p.value;
    }
    const next = wanted(afterPlan, protocol, settings);
    const prev: Wanted =
      beforePlan === undefined
        ? { reminders: new Map(), calendar: new Map(), sequences: new Map() }
        : wanted(beforePlan, beforeProtocol, settings);
    const out = {
      reminders: { schedule: [] as Reminder[], cancel: [] as Reminder[] },
      calendar: { create: [] as CalendarEntry[], update: [] as CalendarEntry[], cancel: [] as CalendarEntry[] },
    };
    // A reminder not called for before is never the same JSON (`undefined` is not a string).
    for (const [id, r] of next.reminders) if (!sameJson(prev.reminders.get(id), r)) out.reminders.schedule.push(r);
    for (const [id, r] of prev.reminders) if (!next.reminders.has(id)) out.reminders.cancel.push(r);
    for (const [id, e] of next.calendar) {
      const was = prev.calendar.get(id);
      if (was === undefined) out.calendar.create.push(e);
      else if (!sameJson(was, e)) out.calendar.update.push(e);
    }
    for (const [id, e] of prev.calendar) {
      if (!next.calendar.has(id))
        out.calendar.cancel.push({ ...e, sequence: Math.max(next.sequences.get(e.session) ?? 0, e.sequence + 1) });
    }
    return ok(out);
  });
}
