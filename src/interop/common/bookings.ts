/**
 * A plan's bookings as the export formats need them, derived from its history: every booking a
 * session ever had (a cancelled or missed one is no longer in `plan.sessions`), how it ended,
 * and each revision of what a calendar shows for the session. The same plan always gives the
 * same answer, because only the history and the plan are read (never the clock).
 * @internal
 * @module
 */
import type { Plan, PlanSession, Protocol, TreatmentRecord } from 'smp-protocol';
import { atOffset, readInstant } from './instants.js';

const MS_PER_MINUTE = 60_000;

/** How a booking ended, in the words FHIR's Appointment uses. */
export type BookingStatus = 'booked' | 'cancelled' | 'noshow' | 'fulfilled';

/** One booking of a session, from its `sessionBooked` to its cancellation, no-show or completion. */
export interface Booking {
  session: number;
  /** 1 for the session's first booking, 2 after a cancellation or no-show and a new booking, … */
  index: number;
  start: string;
  end: string;
  status: BookingStatus;
  /** The `at` of its `sessionBooked`. */
  bookedAt: string;
  /** The `at` of the last event that changed it. */
  updatedAt: string;
  /** How many times it was rescheduled. */
  moves: number;
  /** The note of the event that last set its time. */
  note?: string;
  /** Why it was cancelled: the cancellation's reason, or the plan's closure reason. */
  cancelReason?: string;
  /** True when the plan was closed while it was booked. */
  closedWithPlan?: boolean;
}

/** What a calendar shows for a session after one event of its history. */
export interface CalendarRevision {
  at: string;
  start: number;
  end: number;
  cancelled: boolean;
}

/** One session's history, as the exports read it. */
export interface SessionHistory {
  session: number;
  state: PlanSession['state'];
  bookings: Booking[];
  completed?: { start: string; end: string; at: string; note?: string; record?: TreatmentRecord };
  /** Each change of start, end or cancellation, in order (the first is the first booking). */
  revisions: CalendarRevision[];
}

/** The protocol's duration of session `number` (extras use `extraSessions`). */
export function sessionDuration(protocol: Protocol, number: number): number {
  return protocol.sessions[number - 1]?.durationMinutes ?? protocol.extraSessions.durationMinutes;
}

function plus(start: string, minutes: number): string {
  const r = readInstant(start);
  if (r === undefined) return start;
  return atOffset(r.ms + minutes * MS_PER_MINUTE, r.offsetMinutes, /[Zz]$/.test(start));
}

function minutesBetween(start: string, end: string): number {
  const a = readInstant(start);
  const b = readInstant(end);
  return a === undefined || b === undefined ? 0 : Math.round((b.ms - a.ms) / MS_PER_MINUTE);
}

/**
 * Every session's bookings, completion and calendar revisions, from the plan's history. The
 * current booking's and the completion's times are taken from the plan itself (they are
 * authoritative); an earlier booking's end is its start plus the duration the core used.
 */
export function sessionHistories(plan: Plan, protocol: Protocol): SessionHistory[] {
  const out: SessionHistory[] = plan.sessions.map((s) => ({ session: s.number, state: s.state, bookings: [], revisions: [] }));
  const current = (n: number): Booking | undefined => {
    const b = out[n - 1]?.bookings.at(-1);
    return b?.status === 'booked' ? b : undefined;
  };
  const revise = (n: number, at: string, start: string, end: string, cancelled: boolean): void => {
    const h = out[n - 1];
    if (h === undefined) return;
    const rev: CalendarRevision = { at, start: readInstant(start)?.ms ?? Number.NaN, end: readInstant(end)?.ms ?? Number.NaN, cancelled };
    h.revisions.push(rev);
  };
  for (const ev of plan.history) {
    switch (ev.type) {
      case 'sessionBooked': {
        const h = out[ev.session - 1];
        if (h === undefined) break;
        const b: Booking = {
          session: ev.session,
          index: h.bookings.length + 1,
          start: ev.start,
          end: plus(ev.start, ev.durationMinutes ?? sessionDuration(protocol, ev.session)),
          status: 'booked',
          bookedAt: ev.at,
          updatedAt: ev.at,
          moves: 0,
        };
        if (ev.note !== undefined) b.note = ev.note;
        h.bookings.push(b);
        revise(ev.session, ev.at, b.start, b.end, false);
        break;
      }
      case 'sessionRescheduled': {
        const b = current(ev.session);
        if (b === undefined) break;
        const minutes = ev.durationMinutes ?? minutesBetween(b.start, b.end);
        b.start = ev.start;
        b.end = plus(ev.start, minutes);
        b.updatedAt = ev.at;
        b.moves += 1;
        if (ev.note !== undefined) b.note = ev.note;
        revise(ev.session, ev.at, b.start, b.end, false);
        break;
      }
      case 'sessionCancelled': {
        const b = current(ev.session);
        if (b === undefined) break;
        b.status = 'cancelled';
        b.updatedAt = ev.at;
        if (ev.reason !== undefined) b.cancelReason = ev.reason;
        revise(ev.session, ev.at, b.start, b.end, true);
        break;
      }
      case 'sessionMissed': {
        const b = current(ev.session);
        if (b === undefined) break;
        b.status = 'noshow';
        b.updatedAt = ev.at;
        revise(ev.session, ev.at, b.start, b.end, false);
        break;
      }
      case 'sessionCompleted': {
        const h = out[ev.session - 1];
        const done = plan.sessions[ev.session - 1]?.completed;
        if (h === undefined || done === undefined) break;
        const b = current(ev.session);
        if (b !== undefined) {
          b.status = 'fulfilled';
          b.updatedAt = ev.at;
        }
        h.completed = { start: done.start, end: done.end, at: ev.at };
        if (ev.note !== undefined) h.completed.note = ev.note;
        if (done.record !== undefined) h.completed.record = done.record;
        revise(ev.session, ev.at, done.start, done.end, false);
        break;
      }
      case 'planClosed': {
        for (const h of out) {
          const b = current(h.session);
          if (b === undefined) continue;
          b.status = 'cancelled';
          b.updatedAt = ev.at;
          b.cancelReason = ev.reason;
          b.closedWithPlan = true;
          revise(h.session, ev.at, b.start, b.end, true);
        }
        break;
      }
      case 'sessionAdded':
      case 'planPaused':
      case 'planResumed':
        break;
      default: {
        const never: never = ev;
        return never;
      }
    }
  }
  // The plan's own booking is authoritative for the booking still standing (or fulfilled).
  for (const h of out) {
    const booking = plan.sessions[h.session - 1]?.booking;
    const last = h.bookings.at(-1);
    if (booking === undefined || last === undefined || (last.status !== 'booked' && last.status !== 'fulfilled')) continue;
    last.start = booking.start;
    last.end = booking.end;
    const rev = last.status === 'booked' ? h.revisions.at(-1) : undefined;
    if (rev !== undefined) {
      rev.start = readInstant(booking.start)?.ms ?? rev.start;
      rev.end = readInstant(booking.end)?.ms ?? rev.end;
    }
  }
  return out;
}

/** iCalendar's SEQUENCE of a session: how many times its start, end or status changed. */
export function sequenceOf(h: SessionHistory): number {
  let n = 0;
  for (let i = 1; i < h.revisions.length; i += 1) {
    const a = h.revisions[i - 1];
    const b = h.revisions[i];
    if (a === undefined || b === undefined) continue;
    if (a.start !== b.start || a.end !== b.end || a.cancelled !== b.cancelled) n += 1;
  }
  return n;
}
