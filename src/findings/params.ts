/**
 * What each finding code carries in `params`: one runtime table, and the types derived from it,
 * so the declared keys, the documentation and the findings the library builds cannot drift.
 * @module
 */

/** The type tag of one param: `'string'`, `'number'`, or either, with `?` when the key may be absent. */
type Tag = 'string' | 'number' | 'string?' | 'number?' | 'text' | 'text?';

/**
 * Every finding code's params, key by key: `'string'` or `'number'` (always present), with a
 * trailing `?` when the key is present only in some findings of that code. `'text'` is a string
 * that may also arrive as a number (a value quoted back from the input). The types
 * {@link FindingParamsByCode} are derived from this table, and a test checks the library's
 * findings against it.
 *
 * @example
 * ```ts
 * import { findingParamKeys } from 'smp-protocol';
 * findingParamKeys.VERSION_CONFLICT; // { expected: 'number', actual: 'number', attempts: 'number?' }
 * ```
 */
export const findingParamKeys = {
  INVALID_INPUT: {
    path: 'string',
    problem: 'string',
    expected: 'string?',
    received: 'string?',
    limit: 'number?',
    actual: 'number?',
    minimum: 'number?',
    maximum: 'number?',
    of: 'string?',
    value: 'text?',
    keys: 'string?',
    allowed: 'string?',
    field: 'string?',
    fieldValue: 'number?',
    lower: 'string?',
    lowerValue: 'number?',
    session: 'number?',
    anchor: 'number?',
    found: 'number?',
    first: 'number?',
    other: 'string?',
    format: 'string?',
    state: 'string?',
    version: 'number?',
    length: 'number?',
    status: 'string?',
    detail: 'string?',
  },
  INVALID_TIME_ZONE: { path: 'string', value: 'text' },
  INVALID_INSTANT: { path: 'string', value: 'text', problem: 'string', expected: 'string?' },
  NONEXISTENT_LOCAL_TIME: { value: 'string', timeZone: 'string' },
  UNKNOWN_SESSION: { session: 'number', sessions: 'number' },
  SESSION_OUT_OF_ORDER: {
    session: 'number',
    previousSession: 'number',
    rule: 'string',
    previousState: 'string?',
    start: 'string?',
    previousEnd: 'string?',
  },
  SPACING_TOO_SOON: /* @__PURE__ */ spacing(),
  SPACING_BELOW_MINIMUM: /* @__PURE__ */ spacing(),
  SPACING_GRACE: /* @__PURE__ */ spacing(),
  SPACING_EARLY: /* @__PURE__ */ spacing(),
  SPACING_LATE: /* @__PURE__ */ spacing(),
  SPACING_LAPSED: /* @__PURE__ */ spacing(),
  DOWNSTREAM_CONFLICT: {
    session: 'number',
    changedSession: 'number',
    bookedDate: 'string',
    reason: 'string',
    days: 'number?',
    minimumDays: 'number?',
    anchorDate: 'string?',
    earliestDate: 'string?',
  },
  BOOKING_IN_PAST: { session: 'number', start: 'string', at: 'string' },
  BOOKING_OVERLAP: {
    session: 'number',
    start: 'string',
    end: 'string',
    otherSession: 'number',
    otherStart: 'string',
    otherEnd: 'string',
  },
  COMPLETION_IN_FUTURE: { session: 'number', field: 'string', value: 'string', at: 'string' },
  PLAN_ON_HOLD: { reason: 'string', since: 'string' },
  PLAN_CLOSED: { reason: 'string', closedOn: 'string' },
  PLAN_COMPLETED: {},
  MAX_SESSIONS_REACHED: { max: 'number', extras: 'number' },
  LATE_CANCELLATION: { session: 'number', start: 'string', hoursBeforeStart: 'number', noticeHours: 'number' },
  NO_SHOW: { session: 'number', start: 'string', count: 'number', max: 'number?' },
  DUPLICATE_EVENT: { eventId: 'string' },
  EVENT_ID_REUSED: { eventId: 'string' },
  VERSION_CONFLICT: { expected: 'number', actual: 'number', attempts: 'number?' },
  PROTOCOL_MISMATCH: {
    planProtocol: 'string',
    planVersion: 'number',
    protocol: 'string?',
    version: 'number?',
    offered: 'string?',
  },
  UNSUPPORTED_SCHEMA_VERSION: { found: 'text', supported: 'number' },
  SESSION_ALREADY_BOOKED: { session: 'number', start: 'string', date: 'string?' },
  SESSION_NOT_BOOKED: { session: 'number', state: 'string' },
  SESSION_ALREADY_COMPLETED: { session: 'number' },
  PLAN_NOT_ON_HOLD: { status: 'string' },
  MISSED_BEFORE_START: { session: 'number', start: 'string', at: 'string' },
  NO_SHOW_LIMIT_REACHED: { count: 'number', max: 'number' },
  SCREENING_DEFERRED: /* @__PURE__ */ screening('string'),
  SCREENING_CLEARANCE_REQUIRED: /* @__PURE__ */ screening('string'),
  SCREENING_INELIGIBLE: /* @__PURE__ */ screening('string?'),
  NO_SLOT_AVAILABLE: {
    session: 'number',
    reason: 'string',
    until: 'string',
    durationMinutes: 'number',
    from: 'string?',
    problem: 'string?',
    start: 'string?',
    noticeMinutes: 'number?',
    at: 'string?',
  },
  CHECKLIST_INCOMPLETE: { session: 'number', item: 'string' },
  ZONE_NOT_TREATED: { zone: 'string' },
  OUTCOME_NOT_RECORDED: { session: 'number', date: 'string', daysSince: 'number', start: 'string?' },
  DATE_OUT_OF_RANGE: { path: 'string', value: 'text', min: 'string', max: 'string' },
  PLAN_NOT_FOUND: { planId: 'string' },
  PLAN_EXISTS: { planId: 'string' },
  DATABASE_ERROR: { sqlstate: 'string', detail: 'string' },
  UNAUTHORIZED: {},
  PAYLOAD_TOO_LARGE: { limit: 'number' },
  ROUTE_NOT_FOUND: { method: 'string', path: 'string' },
  INTERNAL_ERROR: { detail: 'string' },
} as const satisfies Record<string, Readonly<Record<string, Tag>>>;

/**
 * The params of a screening finding: the intake condition and the protocol's reason; `until` for a
 * dated wait, `plannedStart` (chemotherapy), `conditions` (the active scalp conditions), and on a
 * refused or warned booking of session 1 its `session` and `date`. (`condition` is optional only
 * for `SCREENING_INELIGIBLE`, which `createPlan` may rebuild without one.) Pure: tree-shaken when unused.
 */
function screening<T extends 'string' | 'string?'>(condition: T) {
  return {
    condition,
    reason: 'string',
    until: 'string?',
    plannedStart: 'string?',
    conditions: 'string?',
    session: 'number?',
    date: 'string?',
  } as const;
}

/** The params every spacing finding carries (`maximumDays` and `latestDate` when the gap has a maximum). */
function spacing() {
  return {
    session: 'number',
    date: 'string',
    anchorSession: 'number',
    anchorDate: 'string',
    days: 'number',
    absoluteMinimumDays: 'number',
    minimumDays: 'number',
    earliestRecommendedDays: 'number',
    latestRecommendedDays: 'number',
    earliestDate: 'string',
    recommendedDate: 'string',
    pastDueDate: 'string',
    kind: 'string',
    maximumDays: 'number?',
    latestDate: 'string?',
  } as const;
}

type Spec = typeof findingParamKeys;
type TypeOf<T> = T extends 'string' | 'string?' ? string : T extends 'number' | 'number?' ? number : string | number;
type RequiredKeys<S> = { [K in keyof S]: S[K] extends `${string}?` ? never : K }[keyof S];
type OptionalKeys<S> = Exclude<keyof S, RequiredKeys<S>>;
type Flatten<T> = { [K in keyof T]: T[K] };
type ParamsFromSpec<S> = Flatten<{ readonly [K in RequiredKeys<S>]: TypeOf<S[K]> } & { readonly [K in OptionalKeys<S>]?: TypeOf<S[K]> }>;

/**
 * The params of each finding code, key by key (derived from {@link findingParamKeys}).
 *
 * @example
 * ```ts
 * import { english, type FindingParamsByCode } from 'smp-protocol';
 * const p: FindingParamsByCode['VERSION_CONFLICT'] = { expected: 0, actual: 1 };
 * english.VERSION_CONFLICT(p); // 'The plan is at version 1, not the expected 0: someone else changed it; reload and try again.'
 * ```
 */
export type FindingParamsByCode = { readonly [C in keyof Spec]: ParamsFromSpec<Spec[C]> };

/** The keys a code's params always carry, and the keys they may carry. @internal */
export function paramKeysOf(code: keyof Spec): { required: string[]; optional: string[] } {
  const required: string[] = [];
  const optional: string[] = [];
  for (const [key, tag] of Object.entries(findingParamKeys[code] as Readonly<Record<string, Tag>>)) {
    (tag.endsWith('?') ? optional : required).push(key);
  }
  return { required, optional };
}
