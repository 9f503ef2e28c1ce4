/**
 * The finding catalogue: stable codes, the `Finding` and `Outcome` shapes.
 * @module
 */
import type { FindingParamsByCode } from './params.js';

/**
 * Every finding code, in catalogue order. Codes are the contract; messages are renderings.
 *
 * @example
 * ```ts
 * import { findingCodes } from 'smp-protocol';
 * findingCodes.includes('SPACING_TOO_SOON'); // true
 * ```
 */
export const findingCodes = [
  'INVALID_INPUT',
  'INVALID_TIME_ZONE',
  'INVALID_INSTANT',
  'NONEXISTENT_LOCAL_TIME',
  'UNKNOWN_SESSION',
  'SESSION_OUT_OF_ORDER',
  'SPACING_TOO_SOON',
  'SPACING_BELOW_MINIMUM',
  'SPACING_GRACE',
  'SPACING_EARLY',
  'SPACING_LATE',
  'SPACING_LAPSED',
  'DOWNSTREAM_CONFLICT',
  'BOOKING_IN_PAST',
  'BOOKING_OVERLAP',
  'COMPLETION_IN_FUTURE',
  'PLAN_ON_HOLD',
  'PLAN_CLOSED',
  'PLAN_COMPLETED',
  'MAX_SESSIONS_REACHED',
  'LATE_CANCELLATION',
  'NO_SHOW',
  'DUPLICATE_EVENT',
  'EVENT_ID_REUSED',
  'VERSION_CONFLICT',
  'PROTOCOL_MISMATCH',
  'UNSUPPORTED_SCHEMA_VERSION',
  'SESSION_ALREADY_BOOKED',
  'SESSION_NOT_BOOKED',
  'SESSION_ALREADY_COMPLETED',
  'PLAN_NOT_ON_HOLD',
  'MISSED_BEFORE_START',
  'NO_SHOW_LIMIT_REACHED',
  'SCREENING_DEFERRED',
  'SCREENING_CLEARANCE_REQUIRED',
  'SCREENING_INELIGIBLE',
  'NO_SLOT_AVAILABLE',
  'CHECKLIST_INCOMPLETE',
  'ZONE_NOT_TREATED',
  'OUTCOME_NOT_RECORDED',
  'DATE_OUT_OF_RANGE',
  'PLAN_NOT_FOUND',
  'PLAN_EXISTS',
  'DATABASE_ERROR',
  'UNAUTHORIZED',
  'PAYLOAD_TOO_LARGE',
  'ROUTE_NOT_FOUND',
  'INTERNAL_ERROR',
] as const;

/**
 * A stable, SCREAMING_SNAKE finding code.
 *
 * @example
 * ```ts
 * import { applyEvent, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').build(); // Europe/London, version 2
 * const out = plan.ok ? applyEvent(plan.value, { id: 'e3', type: 'sessionBooked', at: '2026-03-24T09:00:00Z', session: 2,
 *   start: '2026-03-29T10:00:00+01:00' }, { protocol: standardProtocol }) : plan;
 * out.findings.map((f) => f.code); // ['SPACING_BELOW_MINIMUM']
 * ```
 */
export type FindingCode = (typeof findingCodes)[number];

/**
 * How much a finding matters to the call that reported it: an `error` means the call refused.
 *
 * @example
 * ```ts
 * import { applyEvent, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').build(); // Europe/London, version 2
 * const out = plan.ok ? applyEvent(plan.value, { id: 'e3', type: 'sessionBooked', at: '2026-03-24T09:00:00Z', session: 2,
 *   start: '2026-03-29T10:00:00+01:00' }, { protocol: standardProtocol }) : plan;
 * out.findings[0]?.severity; // 'error'
 * ```
 */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Values a finding carries for its message: dates as local dates, counts as numbers.
 *
 * @example
 * ```ts
 * import { applyEvent, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').build(); // Europe/London, version 2
 * const out = plan.ok ? applyEvent(plan.value, { id: 'e3', type: 'sessionBooked', at: '2026-03-24T09:00:00Z', session: 2,
 *   start: '2026-03-29T10:00:00+01:00' }, { protocol: standardProtocol }) : plan;
 * out.findings[0]?.params?.date; // '2026-03-29'
 * ```
 */
export type FindingParams = Record<string, string | number>;

/**
 * One problem, warning or note of one code, as data: `params` is typed by the code.
 *
 * @example
 * ```ts
 * import { applyEvent, standardProtocol, type Finding, type FindingOf } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').build(); // Europe/London, version 2
 * const out = plan.ok ? applyEvent(plan.value, { id: 'e3', type: 'sessionBooked', at: '2026-03-24T09:00:00Z', session: 2,
 *   start: '2026-04-02T10:00:00+01:00' }, { protocol: standardProtocol, expectedVersion: 0 }) : plan;
 * const conflict = out.findings.find((f: Finding): f is FindingOf<'VERSION_CONFLICT'> => f.code === 'VERSION_CONFLICT');
 * conflict?.params?.actual; // 2 (a number, no cast)
 * ```
 */
export interface FindingOf<C extends FindingCode> {
  /** Stable code from the catalogue. */
  readonly code: C;
  /** `error` refuses the call; `warning` and `info` accompany a result. */
  readonly severity: Severity;
  /** English, explains the rule and the dates involved. */
  readonly message: string;
  /** The session the finding is about, if any. */
  readonly session?: number;
  /** Where in the input the problem is, for parse errors. */
  readonly path?: readonly (string | number)[];
  /**
   * What the message needs, so any locale can render it without re-deriving: the keys of
   * {@link FindingParamsByCode} for this code (absent only when the code has no params).
   */
  readonly params?: Readonly<FindingParamsByCode[C] & FindingParams>;
}

/**
 * One problem, warning or note, as data. `code` is the contract; `message` is an English
 * rendering of `params` (see {@link formatFinding} for other locales). A union over codes:
 * checking `code` narrows `params` to that code's keys.
 *
 * @example
 * ```ts
 * import { applyEvent, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').build(); // Europe/London, version 2
 * const out = plan.ok ? applyEvent(plan.value, { id: 'e3', type: 'sessionBooked', at: '2026-03-24T09:00:00Z', session: 2,
 *   start: '2026-03-29T10:00:00+01:00' }, { protocol: standardProtocol }) : plan;
 * const f = out.findings[0];
 * f?.message; // 'Session 2 on 2026-03-29 would be 6 days after session 1 (2026-03-23); the protocol needs at least 7 days…'
 * f?.code === 'SPACING_BELOW_MINIMUM' && f.params?.minimumDays; // 7, a number
 * ```
 */
export type Finding = { [C in FindingCode]: FindingOf<C> }[FindingCode];

/**
 * The result of every call that takes untrusted input: a value with its warnings, or the errors
 * that refused it. Never an exception.
 *
 * @example
 * ```ts
 * import { parsePlan } from 'smp-protocol';
 * const out = parsePlan('not a plan');
 * if (!out.ok) console.log(out.findings[0]?.code); // 'INVALID_INPUT'
 * ```
 */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly findings: readonly Finding[] };
