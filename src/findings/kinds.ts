/**
 * What kind of failure each finding code is, and the HTTP status an outcome maps to.
 * @module
 */
import type { Finding, FindingCode, Outcome } from './codes.js';

/**
 * The kind of failure a finding code stands for, when it is an error:
 * - `input`: the request is malformed (fix the request);
 * - `rule`: the protocol's rules refuse it (explain to the user);
 * - `conflict`: a concurrency or id conflict (reload and retry);
 * - `notFound`: the thing asked for does not exist;
 * - `unauthorized`: the host's authorization refused the request;
 * - `tooLarge`: the request is over a size limit;
 * - `internal`: a bug in this library or a failure of its storage.
 *
 * @example
 * ```ts
 * import { findingKinds } from 'smp-protocol';
 * findingKinds.VERSION_CONFLICT; // 'conflict'
 * findingKinds.INVALID_INPUT; // 'input'
 * ```
 */
export type FindingKind = 'input' | 'rule' | 'conflict' | 'notFound' | 'unauthorized' | 'tooLarge' | 'internal';

/**
 * Every finding code's kind, so a back end maps codes to responses without a table of its own.
 *
 * @example
 * ```ts
 * import { findingKinds } from 'smp-protocol';
 * findingKinds.SPACING_TOO_SOON; // 'rule'
 * findingKinds.VERSION_CONFLICT; // 'conflict'
 * findingKinds.INVALID_INSTANT;  // 'input'
 * ```
 */
export const findingKinds: Readonly<Record<FindingCode, FindingKind>> = Object.freeze({
  INVALID_INPUT: 'input',
  INVALID_TIME_ZONE: 'input',
  INVALID_INSTANT: 'input',
  NONEXISTENT_LOCAL_TIME: 'input',
  UNKNOWN_SESSION: 'rule',
  SESSION_OUT_OF_ORDER: 'rule',
  SPACING_TOO_SOON: 'rule',
  SPACING_BELOW_MINIMUM: 'rule',
  SPACING_GRACE: 'rule',
  SPACING_EARLY: 'rule',
  SPACING_LATE: 'rule',
  SPACING_LAPSED: 'rule',
  DOWNSTREAM_CONFLICT: 'rule',
  BOOKING_IN_PAST: 'rule',
  BOOKING_OVERLAP: 'rule',
  COMPLETION_IN_FUTURE: 'rule',
  PLAN_ON_HOLD: 'rule',
  PLAN_CLOSED: 'rule',
  PLAN_COMPLETED: 'rule',
  MAX_SESSIONS_REACHED: 'rule',
  LATE_CANCELLATION: 'rule',
  NO_SHOW: 'rule',
  DUPLICATE_EVENT: 'conflict',
  EVENT_ID_REUSED: 'conflict',
  VERSION_CONFLICT: 'conflict',
  PROTOCOL_MISMATCH: 'input',
  UNSUPPORTED_SCHEMA_VERSION: 'input',
  SESSION_ALREADY_BOOKED: 'rule',
  SESSION_NOT_BOOKED: 'rule',
  SESSION_ALREADY_COMPLETED: 'rule',
  PLAN_NOT_ON_HOLD: 'rule',
  MISSED_BEFORE_START: 'rule',
  NO_SHOW_LIMIT_REACHED: 'rule',
  SCREENING_DEFERRED: 'rule',
  SCREENING_CLEARANCE_REQUIRED: 'rule',
  SCREENING_INELIGIBLE: 'rule',
  NO_SLOT_AVAILABLE: 'rule',
  CHECKLIST_INCOMPLETE: 'rule',
  ZONE_NOT_TREATED: 'rule',
  OUTCOME_NOT_RECORDED: 'rule',
  DATE_OUT_OF_RANGE: 'input',
  PLAN_NOT_FOUND: 'notFound',
  PLAN_EXISTS: 'conflict',
  DATABASE_ERROR: 'internal',
  UNAUTHORIZED: 'unauthorized',
  PAYLOAD_TOO_LARGE: 'tooLarge',
  ROUTE_NOT_FOUND: 'notFound',
  INTERNAL_ERROR: 'internal',
});

/** Status per kind, and the order in which the worst error wins (first is worst). */
const statusOfKind: Readonly<Record<FindingKind, number>> = {
  internal: 500,
  unauthorized: 401,
  tooLarge: 413,
  input: 400,
  notFound: 404,
  conflict: 409,
  rule: 422,
};
const worstFirst: readonly FindingKind[] = ['internal', 'unauthorized', 'tooLarge', 'input', 'notFound', 'conflict', 'rule'];

/**
 * The HTTP status for an outcome: 200 when it is ok; otherwise the status of its worst error's
 * kind — 500 internal, 401 unauthorized, 413 too large, 400 input, 404 not found, 409 conflict,
 * 422 rule (in that order of precedence). Anything that is not an outcome is a 500.
 *
 * @param outcome - an `Outcome` returned by any function of this package
 * @returns 200, 400, 401, 404, 409, 413, 422 or 500
 *
 * @example
 * ```ts
 * import { httpStatusOf } from 'smp-protocol';
 * httpStatusOf({ ok: true, value: 1, findings: [] }); // 200
 * httpStatusOf({ ok: false, findings: [{ code: 'VERSION_CONFLICT', severity: 'error', message: '' }] }); // 409
 * httpStatusOf({ ok: false, findings: [{ code: 'SPACING_TOO_SOON', severity: 'error', message: '' }] }); // 422
 * ```
 */
export function httpStatusOf(outcome: Outcome<unknown>): number {
  try {
    if (outcome === null || typeof outcome !== 'object') return 500;
    if (outcome.ok === true) return 200;
    const findings: unknown = outcome.findings;
    if (!Array.isArray(findings)) return 500;
    let worst = worstFirst.length;
    for (const f of findings as unknown[]) {
      if (f === null || typeof f !== 'object') continue;
      const { code, severity } = f as Partial<Finding>;
      if (severity !== 'error' || typeof code !== 'string' || !Object.hasOwn(findingKinds, code)) continue;
      const rank = worstFirst.indexOf(findingKinds[code]);
      if (rank < worst) worst = rank;
    }
    const kind = worstFirst[worst];
    return kind === undefined ? 500 : statusOfKind[kind];
  } catch {
    return 500;
  }
}
