/**
 * Every English message, keyed by finding code. No other module holds message text.
 * @module
 */
import type { FindingCode, FindingParams } from './codes.js';
import { inputDetailEn, text } from './input.js';

/**
 * A complete set of message renderers, one per finding code. Supply your own to
 * {@link formatFinding} to render findings in another language or voice.
 *
 * @example
 * ```ts
 * import { english, formatFinding, type MessageCatalogue } from 'smp-protocol';
 * const terse: MessageCatalogue = { ...english, NO_SHOW: (p) => `No-show #${p.count}` };
 * formatFinding({ code: 'NO_SHOW', severity: 'warning', message: '', params: { session: 2, start: '2026-04-02T10:00:00+01:00', count: 1 } }, terse); // 'No-show #1'
 * ```
 */
export type MessageCatalogue = { readonly [C in FindingCode]: (params: FindingParams) => string };

const v = text;
const days = (n: string | number | undefined): string => (n === 1 || n === '1' ? '1 day' : `${n ?? '?'} days`);
const where = (p: FindingParams): string => (p.path === undefined || p.path === '' ? 'The input' : v(p, 'path'));
const doing = (p: FindingParams): string => (p.kind === 'completed' ? 'was' : 'would be');
const spacingHead = (p: FindingParams): string =>
  `Session ${v(p, 'session')} on ${v(p, 'date')} ${doing(p)} ${days(p.days)} after session ${v(p, 'anchorSession')} (${v(p, 'anchorDate')})`;

/** A valid example of the local form, never the refused value: its own date and time when it has them. @internal */
export const localExample = (value: string): string => {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(value);
  return m === null ? '2026-03-23T10:00' : `${m[1]}T${m[2]}`;
};

/** `INVALID_INSTANT` for a local date-time (`toInstant`, the CLI's `--start`): what was wrong, and a valid example. */
function localInstantProblem(p: FindingParams): string | undefined {
  const value = v(p, 'value');
  const head = `${where(p)}: ${JSON.stringify(value)} is not a valid local date-time`;
  if (p.expected !== 'localDateTime') return undefined;
  switch (p.problem) {
    case 'hasOffset':
      return `${head}: it has an offset, but a local wall-clock time without one is expected, such as "${localExample(value)}" (the time zone gives the offset).`;
    case 'format':
      return `${head}: a local wall-clock time in the form YYYY-MM-DDTHH:mm (seconds optional, no offset) is expected, such as "2026-03-23T10:00".`;
    case 'date':
      return `${head}: that calendar date does not exist.`;
    case 'time':
      return `${head}: that time of day does not exist (hours 00 to 23, minutes and seconds 00 to 59).`;
    default:
      return undefined;
  }
}

/**
 * The English catalogue, the source of every `Finding.message`.
 *
 * @example
 * ```ts
 * import { english } from 'smp-protocol';
 * english.PLAN_COMPLETED({}); // 'The plan is completed: every session …'
 * ```
 */
export const english: MessageCatalogue = {
  INVALID_INPUT: (p) => `${where(p)}: ${inputDetailEn(p)}`,
  INVALID_TIME_ZONE: (p) =>
    `${where(p)}: ${JSON.stringify(v(p, 'value'))} is not an IANA time-zone name known to this platform; use a name such as "Europe/London" or "America/New_York".`,
  INVALID_INSTANT: (p) => {
    const local = localInstantProblem(p);
    if (local !== undefined) return local;
    const reason =
      p.problem === 'offset'
        ? 'it has no offset, so it does not name one instant; add "Z" or an offset such as "+01:00"'
        : p.problem === 'date'
          ? 'that calendar date does not exist'
          : p.problem === 'time'
            ? 'that time of day does not exist'
            : 'it is not an ISO 8601 date-time with an offset, such as "2026-03-23T10:00:00+00:00"';
    return `${where(p)}: ${JSON.stringify(v(p, 'value'))} is not a valid instant: ${reason}.`;
  },
  NONEXISTENT_LOCAL_TIME: (p) =>
    `${v(p, 'value')} does not exist in ${v(p, 'timeZone')}: the clocks skip that time for a daylight-saving change.`,
  UNKNOWN_SESSION: (p) => `Session ${v(p, 'session')} is not in this plan, which has sessions 1 to ${v(p, 'sessions')}.`,
  SESSION_OUT_OF_ORDER: (p) =>
    p.rule === 'afterPrevious'
      ? `Session ${v(p, 'session')} would start at ${v(p, 'start')}, before session ${v(p, 'previousSession')} ends (${v(p, 'previousEnd')}); sessions happen in order.`
      : p.rule === 'previousCompleted'
        ? `Session ${v(p, 'session')} cannot be recorded as completed before session ${v(p, 'previousSession')} is completed (it is ${v(p, 'previousState')}).`
        : `Session ${v(p, 'session')} cannot be booked before session ${v(p, 'previousSession')} is booked or completed (it is ${v(p, 'previousState')}).`,
  SPACING_TOO_SOON: (p) =>
    p.kind === 'completed'
      ? `${spacingHead(p)}; the protocol's absolute minimum is ${days(p.absoluteMinimumDays)}, so the session does not count and may need repeating.`
      : `${spacingHead(p)}; the protocol needs at least ${days(p.minimumDays)} for the skin to heal, and never fewer than ${days(p.absoluteMinimumDays)}.`,
  SPACING_BELOW_MINIMUM: (p) => `${spacingHead(p)}; the protocol needs at least ${days(p.minimumDays)} for the skin to heal.`,
  SPACING_GRACE: (p) =>
    `${spacingHead(p)}: fewer than the ${days(p.minimumDays)} the protocol asks for, but within its ${days(p.absoluteMinimumDays)} grace, so it counts.`,
  SPACING_EARLY: (p) =>
    `${spacingHead(p)}: allowed, but earlier than the recommended ${days(p.earliestRecommendedDays)} (from ${v(p, 'recommendedDate')}).`,
  SPACING_LATE: (p) =>
    `${spacingHead(p)}: later than the recommended ${days(p.latestRecommendedDays)} (past due from ${v(p, 'pastDueDate')}).`,
  SPACING_LAPSED: (p) =>
    `${spacingHead(p)}: more than the protocol's maximum of ${days(p.maximumDays)} (the latest date was ${v(p, 'latestDate')}); re-assess the client before going on.`,
  DOWNSTREAM_CONFLICT: (p) => {
    const later = `session ${v(p, 'session')}, booked for ${v(p, 'bookedDate')}`;
    switch (p.reason) {
      case 'booked':
        return `Session ${v(p, 'changedSession')} cannot change while ${later}, depends on it; cancel or move the later sessions first, from the last one back.`;
      case 'anchorPending':
        return `Session ${v(p, 'changedSession')} is no longer booked, but ${later}, is still booked after it; rebook session ${v(p, 'changedSession')} or move session ${v(p, 'session')}.`;
      case 'order':
        return `After this change ${later}, would start before session ${v(p, 'changedSession')} ends; its new earliest date is ${v(p, 'earliestDate')}.`;
      default:
        return `After this change ${later}, would be ${days(p.days)} after session ${v(p, 'changedSession')} (${v(p, 'anchorDate')}), below the ${days(p.minimumDays)} the skin needs to heal; its new earliest date is ${v(p, 'earliestDate')}.`;
    }
  },
  BOOKING_IN_PAST: (p) =>
    `Session ${v(p, 'session')} cannot be booked for ${v(p, 'start')}: that is before the time of the request (${v(p, 'at')}).`,
  BOOKING_OVERLAP: (p) =>
    `Session ${v(p, 'session')} (${v(p, 'start')} to ${v(p, 'end')}) would overlap session ${v(p, 'otherSession')} (${v(p, 'otherStart')} to ${v(p, 'otherEnd')}).`,
  COMPLETION_IN_FUTURE: (p) =>
    `Session ${v(p, 'session')} cannot be recorded as completed with ${v(p, 'field')} ${v(p, 'value')}: that is after the time of the record (${v(p, 'at')}).`,
  PLAN_ON_HOLD: (p) =>
    p.severity === 'warning'
      ? `The plan is on hold (${v(p, 'reason')}); the session was recorded anyway because it happened.`
      : `The plan is on hold since ${v(p, 'since')} (${v(p, 'reason')}); resume it before booking or changing sessions.`,
  PLAN_CLOSED: (p) => `The plan was closed on ${v(p, 'closedOn')} (${v(p, 'reason')}); a closed plan takes no more events.`,
  PLAN_COMPLETED: () => 'The plan is completed: every session has been done. Add an extra session to reopen it.',
  MAX_SESSIONS_REACHED: (p) =>
    `The protocol allows at most ${v(p, 'max')} extra session${p.max === 1 ? '' : 's'}, and the plan already has ${v(p, 'extras')}.`,
  LATE_CANCELLATION: (p) =>
    `Session ${v(p, 'session')} was cancelled ${v(p, 'hoursBeforeStart')} hours before its start (${v(p, 'start')}), inside the ${v(p, 'noticeHours')}-hour notice period.`,
  NO_SHOW: (p) => `The client did not attend session ${v(p, 'session')} (${v(p, 'start')}); no-shows so far: ${v(p, 'count')}.`,
  DUPLICATE_EVENT: (p) => `Event ${JSON.stringify(v(p, 'eventId'))} was already applied; the plan is unchanged.`,
  EVENT_ID_REUSED: (p) =>
    `Event id ${JSON.stringify(v(p, 'eventId'))} was already used for a different event; every event needs its own id.`,
  VERSION_CONFLICT: (p) =>
    p.attempts === undefined
      ? `The plan is at version ${v(p, 'actual')}, not the expected ${v(p, 'expected')}: someone else changed it; reload and try again.`
      : `The plan is at version ${v(p, 'actual')}, not the expected ${v(p, 'expected')}, after ${v(p, 'attempts')} attempts: others keep changing it; reload and try again.`,
  PROTOCOL_MISMATCH: (p) =>
    p.offered !== undefined || p.protocol === undefined
      ? `The plan follows protocol ${v(p, 'planProtocol')} version ${v(p, 'planVersion')}, which is not among the protocols given (${p.offered === undefined || p.offered === '' ? 'none' : v(p, 'offered')}).`
      : `The plan follows protocol ${v(p, 'planProtocol')} version ${v(p, 'planVersion')}, but protocol ${v(p, 'protocol')} version ${v(p, 'version')} was given.`,
  UNSUPPORTED_SCHEMA_VERSION: (p) => `The plan has schemaVersion ${v(p, 'found')}; this library reads schemaVersion ${v(p, 'supported')}.`,
  SESSION_ALREADY_BOOKED: (p) =>
    `Session ${v(p, 'session')} is already booked for ${p.date !== undefined ? v(p, 'date') : v(p, 'start')}; reschedule it instead.`,
  SESSION_NOT_BOOKED: (p) => `Session ${v(p, 'session')} is not booked (it is ${v(p, 'state')}).`,
  SESSION_ALREADY_COMPLETED: (p) => `Session ${v(p, 'session')} is already completed.`,
  PLAN_NOT_ON_HOLD: (p) => `The plan is not on hold (it is ${v(p, 'status')}), so it cannot be resumed.`,
  MISSED_BEFORE_START: (p) =>
    `Session ${v(p, 'session')} starts at ${v(p, 'start')}; it cannot be recorded as missed before then (${v(p, 'at')}).`,
  NO_SHOW_LIMIT_REACHED: (p) =>
    `The client has missed ${v(p, 'count')} sessions, the protocol's limit of ${v(p, 'max')}; the plan is now on hold.`,
  SCREENING_DEFERRED: (p) =>
    p.until === undefined
      ? `Treatment is deferred: ${v(p, 'reason')}.`
      : p.date === undefined
        ? `Treatment is deferred until ${v(p, 'until')}: ${v(p, 'reason')}.`
        : `Session ${v(p, 'session')} cannot be on ${v(p, 'date')}: treatment is deferred until ${v(p, 'until')} (${v(p, 'reason')}).`,
  SCREENING_CLEARANCE_REQUIRED: (p) => `A doctor's clearance is required before treatment: ${v(p, 'reason')}.`,
  SCREENING_INELIGIBLE: (p) => `The client is not eligible for this treatment: ${v(p, 'reason')}.`,
  NO_SLOT_AVAILABLE: (p) => {
    switch (p.reason) {
      case 'horizon':
        return `Session ${v(p, 'session')} cannot be booked before ${v(p, 'from')}, which is after the booking horizon ends (${v(p, 'until')}).`;
      case 'downstream':
        return `Session ${v(p, 'session')} can be no earlier than ${v(p, 'from')}, but the later bookings need it no later than ${v(p, 'until')}; move the later sessions as well.`;
      case 'requested': {
        const why =
          p.problem === 'closed'
            ? `the clinic is not open for the whole ${v(p, 'durationMinutes')}-minute session then`
            : p.problem === 'notice'
              ? `it is less than the clinic's minimum notice of ${v(p, 'noticeMinutes')} minutes after the request (${v(p, 'at')})`
              : p.problem === 'horizon'
                ? `it is after the booking horizon, which ends on ${v(p, 'until')}`
                : 'it, or the buffers around it, overlaps a busy time or another session of the plan';
        return `The requested start ${v(p, 'start')} for session ${v(p, 'session')} is not free: ${why}.`;
      }
      default:
        return `No slot for session ${v(p, 'session')} is free between ${v(p, 'from')} and ${v(p, 'until')}: the clinic's opening hours, busy times, buffers and notice leave no room for a ${v(p, 'durationMinutes')}-minute session on any day the healing window allows.`;
    }
  },
  CHECKLIST_INCOMPLETE: (p) =>
    p.item === 'hairlineAgreed'
      ? `Session ${v(p, 'session')} was completed without a hairline agreed with the client.`
      : `Session ${v(p, 'session')} was completed without the checklist item ${JSON.stringify(v(p, 'item'))}.`,
  ZONE_NOT_TREATED: (p) => `Zone ${JSON.stringify(v(p, 'zone'))} was planned for treatment, but no completed session treated it.`,
  OUTCOME_NOT_RECORDED: (p) =>
    `Session ${v(p, 'session')} was booked for ${v(p, 'date')}, ${days(p.daysSince)} ago, and nothing was recorded: record it as completed, missed or cancelled.`,
  DATE_OUT_OF_RANGE: (p) =>
    `${where(p)}: ${JSON.stringify(v(p, 'value'))} is outside the supported range of local dates, ${v(p, 'min')} to ${v(p, 'max')}.`,
  PLAN_NOT_FOUND: (p) => `No plan with id ${JSON.stringify(v(p, 'planId'))} exists.`,
  PLAN_EXISTS: (p) =>
    `A different plan with id ${JSON.stringify(v(p, 'planId'))} already exists; creating it again is only accepted with the same input.`,
  DATABASE_ERROR: (p) => `The database refused the operation (SQLSTATE ${v(p, 'sqlstate')}): ${v(p, 'detail')}`,
  UNAUTHORIZED: () => 'The request was not authorized.',
  PAYLOAD_TOO_LARGE: (p) => `The request body is larger than the limit of ${v(p, 'limit')} bytes.`,
  ROUTE_NOT_FOUND: (p) => `There is no route for ${v(p, 'method')} ${v(p, 'path')}.`,
  INTERNAL_ERROR: (p) => `An unexpected error occurred (${v(p, 'detail')}); nothing was changed. Please report this as a bug.`,
};

/** Short English reasons per screening condition, for findings rebuilt from a stored screening. @internal */
export const conditionReasons: Readonly<Record<string, string>> = {
  underage: 'the client is under the minimum age',
  hairTransplant: 'a recent hair transplant',
  scarNotHealed: 'the scar is not yet healed, flat and pale',
  scarAge: 'the scar is too recent',
  isotretinoin: 'recent isotretinoin',
  chemotherapy: 'chemotherapy',
  laserRemoval: 'recent laser removal on the area',
  alopeciaAreata: 'alopecia areata not yet stable',
  pregnant: 'pregnancy',
  breastfeeding: 'breastfeeding',
  activeScalpConditions: 'an active scalp condition',
  keloidHistory: 'a history of keloid scarring',
  anticoagulants: 'prescribed anticoagulants',
  uncontrolledDiabetes: 'uncontrolled diabetes',
  uncontrolledBloodPressure: 'uncontrolled blood pressure',
  heartCondition: 'a heart condition',
  epilepsy: 'epilepsy',
};

/** The `INVALID_INPUT` problem descriptors (structured params, worded per locale). @internal */
export { inputDetails } from './input.js';
