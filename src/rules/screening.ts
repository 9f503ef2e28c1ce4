/**
 * Screening before session 1: the intake, the protocol's rules per condition, and the outcome.
 * @module
 */
import type { Mutable } from '../schema/readonly.js';
import * as z from 'zod/mini';
import { once } from '../schema/once.js';
import type { Finding, Outcome } from '../findings/codes.js';
import { fail, finding, ok } from '../findings/finding.js';
import { inputDetails } from '../findings/messages.js';
import { resolveProtocol, type ProtocolRef } from '../protocol/call.js';
import type { Protocol, ScreeningCondition, ScreeningRule } from '../protocol/schema.js';
import { localDateField, MAX_ID, maxChars, maxItems, minChars } from '../schema/fields.js';
import { inputFinding, issuesToFindings } from '../schema/issues.js';
import { instantOption, option, timeZoneOption } from '../schema/options.js';
import { addMonths, formatLocalDate, parseLocalDate } from '../time/civil.js';
import { dayInRange, MAX_LOCAL_DATE, MIN_LOCAL_DATE } from '../time/range.js';
import { localDayOf } from '../time/zone.js';
import { guardedInput, limitsFinding } from '../schema/limits.js';

function buildIntake() {
  /** The intake a clinic records before session 1 (docs/defaults.md's eligibility table). */
  const intakeSchema = z.strictObject({
    dateOfBirth: localDateField,
    hairTransplant: z.optional(z.strictObject({ date: localDateField })),
    scar: z.optional(z.strictObject({ since: localDateField, healed: z.boolean() })),
    isotretinoin: z.optional(z.strictObject({ lastDose: localDateField })),
    chemotherapy: z.optional(z.strictObject({ lastTreatment: z.optional(localDateField), plannedStart: z.optional(localDateField) })),
    laserRemoval: z.optional(z.strictObject({ date: localDateField })),
    alopeciaAreata: z.optional(z.strictObject({ stableSince: localDateField })),
    pregnant: z.optional(z.boolean()),
    breastfeeding: z.optional(z.boolean()),
    activeScalpConditions: z.optional(z.array(z.string().check(minChars(1), maxChars(MAX_ID))).check(maxItems(20))),
    keloidHistory: z.optional(z.boolean()),
    anticoagulants: z.optional(z.boolean()),
    uncontrolledDiabetes: z.optional(z.boolean()),
    uncontrolledBloodPressure: z.optional(z.boolean()),
    heartCondition: z.optional(z.boolean()),
    epilepsy: z.optional(z.boolean()),
  });
  return { intakeSchema };
}

/** The zod schemas of this module, built on first use (never at import). @internal */
export const intakeSchemas: () => ReturnType<typeof buildIntake> = once(buildIntake);

/**
 * A client's intake for screening.
 *
 * @example
 * ```ts
 * import { screen, standardProtocol, type Intake } from 'smp-protocol';
 * const intake: Intake = { dateOfBirth: '1990-05-14', isotretinoin: { lastDose: '2025-08-31' } };
 * const out = screen(intake, { protocol: standardProtocol, asOf: '2026-01-15T10:00:00Z', timeZone: 'Europe/London' });
 * out.ok && out.value.outcome; // 'deferred'
 * ```
 */
export type Intake = z.infer<ReturnType<typeof intakeSchemas>['intakeSchema']>;

/**
 * The screening's verdict, from most to least restrictive: `ineligible` > `deferred` >
 * `needsClearance` > `eligible`.
 *
 * @example
 * ```ts
 * import { screen, standardProtocol } from 'smp-protocol';
 * const out = screen({ dateOfBirth: '1990-05-14', isotretinoin: { lastDose: '2025-08-31' } },
 *   { protocol: standardProtocol, asOf: '2026-01-15T10:00:00Z', timeZone: 'Europe/London' });
 * out.ok && out.value.outcome; // 'deferred'
 * ```
 */
export type ScreeningOutcome = 'eligible' | 'deferred' | 'needsClearance' | 'ineligible';

/**
 * The result of {@link screen}: the outcome, the first allowed day when a dated wait applies, and
 * one finding per reason (`SCREENING_DEFERRED`, `SCREENING_CLEARANCE_REQUIRED`,
 * `SCREENING_INELIGIBLE`, each with `params.condition`).
 *
 * @example
 * ```ts
 * import { screen, standardProtocol } from 'smp-protocol';
 * const out = screen({ dateOfBirth: '1990-05-14', isotretinoin: { lastDose: '2025-08-31' } },
 *   { protocol: standardProtocol, asOf: '2026-01-15T10:00:00Z', timeZone: 'Europe/London' });
 * out.ok && out.value.earliestStart; // '2026-03-01'
 * out.ok && out.value.findings.map((f) => f.code); // ['SCREENING_DEFERRED']
 * ```
 */
export interface Screening {
  /** The verdict. */
  readonly outcome: ScreeningOutcome;
  /** The latest of all dated waits that apply: the first day session 1 may happen. */
  readonly earliestStart?: string;
  /** One finding per reason. */
  readonly findings: readonly Finding[];
}

/**
 * Options of {@link screen}.
 *
 * @example
 * ```ts
 * import { screen, standardProtocol, type ScreenOptions } from 'smp-protocol';
 * const options: ScreenOptions = { protocol: standardProtocol, asOf: '2026-01-15T10:00:00Z', timeZone: 'Europe/London' };
 * screen({ dateOfBirth: '1990-05-14' }, options); // { ok: true, value: { outcome: 'eligible', findings: [] }, findings: [] }
 * ```
 */
export interface ScreenOptions {
  /** The protocol whose screening rules apply; with `protocols`, its `{ id, version }` is enough. */
  protocol: Protocol | ProtocolRef;
  /** Protocols to choose `protocol` from (e.g. `builtinProtocols`). */
  protocols?: readonly Protocol[];
  /** When the screening happens. */
  asOf: string;
  /** The clinic's zone: waits end on local dates there. */
  timeZone: string;
}

const CODE = {
  deferred: 'SCREENING_DEFERRED',
  needsClearance: 'SCREENING_CLEARANCE_REQUIRED',
  ineligible: 'SCREENING_INELIGIBLE',
} as const;

const RANK: Record<ScreeningOutcome, number> = { eligible: 0, needsClearance: 1, deferred: 2, ineligible: 3 };

interface Reason {
  condition: ScreeningCondition;
  outcome: Exclude<ScreeningOutcome, 'eligible'>;
  until?: number;
  reason: string;
  extra?: Record<string, string> | undefined;
}

/** The end of a rule's wait counted from `from` (months first, then days). */
function waitEnd(rule: ScreeningRule, from: number): number {
  let day = from;
  if (rule.waitMonths !== undefined) day = addMonths(day, rule.waitMonths);
  if (rule.waitDays !== undefined) day += rule.waitDays;
  return day;
}

function reasons(
  intake: Intake,
  conditions: Partial<Record<ScreeningCondition, ScreeningRule>>,
  minimumAgeYears: number,
  today: number,
): Reason[] {
  const out: Reason[] = [];
  const day = (text: string): number => parseLocalDate(text) ?? today;
  /** A flag condition: applies as its rule says, undated. */
  const flag = (condition: ScreeningCondition, present: boolean | undefined, extra?: Record<string, string>): void => {
    const rule = conditions[condition];
    if (rule === undefined || present !== true) return;
    out.push({ condition, outcome: rule.outcome, reason: rule.reason, extra });
  };
  /** A dated condition: applies while its wait from `from` runs. */
  const dated = (condition: ScreeningCondition, from: number | undefined, waitOverride?: number): void => {
    const rule = conditions[condition];
    if (rule === undefined || from === undefined) return;
    if (waitOverride === undefined && rule.waitMonths === undefined && rule.waitDays === undefined) {
      // A rule without a wait (e.g. a clinic that makes a hair transplant ineligible): the
      // condition applies for as long as it is declared, like a flag; it has no end date.
      out.push({ condition, outcome: rule.outcome, reason: rule.reason });
      return;
    }
    const until = waitOverride ?? waitEnd(rule, from);
    if (today >= until) return;
    out.push({ condition, outcome: rule.outcome, until, reason: rule.reason });
  };
  const dob = day(intake.dateOfBirth);
  dated('underage', dob, addMonths(dob, minimumAgeYears * 12));
  dated('hairTransplant', intake.hairTransplant === undefined ? undefined : day(intake.hairTransplant.date));
  if (intake.scar !== undefined) {
    flag('scarNotHealed', !intake.scar.healed);
    dated('scarAge', day(intake.scar.since));
  }
  dated('isotretinoin', intake.isotretinoin === undefined ? undefined : day(intake.isotretinoin.lastDose));
  const chemo = intake.chemotherapy;
  const chemoRule = conditions.chemotherapy;
  if (chemo !== undefined && chemoRule !== undefined) {
    dated('chemotherapy', chemo.lastTreatment === undefined ? undefined : day(chemo.lastTreatment));
    if (
      chemo.plannedStart !== undefined &&
      // Stryker disable next-line ConditionalExpression: without it, today + undefined is NaN and the comparison below is false anyway
      chemoRule.plannedWithinDays !== undefined &&
      day(chemo.plannedStart) <= today + chemoRule.plannedWithinDays
    ) {
      out.push({ condition: 'chemotherapy', outcome: 'deferred', reason: chemoRule.reason, extra: { plannedStart: chemo.plannedStart } });
    }
    // After a last treatment, during the wait or after it: only a dated treatment has a wait.
    if (chemoRule.clearanceAfterWait === true && chemo.lastTreatment !== undefined) {
      out.push({ condition: 'chemotherapy', outcome: 'needsClearance', reason: chemoRule.reason });
    }
  }
  dated('laserRemoval', intake.laserRemoval === undefined ? undefined : day(intake.laserRemoval.date));
  dated('alopeciaAreata', intake.alopeciaAreata === undefined ? undefined : day(intake.alopeciaAreata.stableSince));
  flag('pregnant', intake.pregnant);
  flag('breastfeeding', intake.breastfeeding);
  const active = intake.activeScalpConditions ?? [];
  flag('activeScalpConditions', active.length > 0, { conditions: active.join(', ') });
  flag('keloidHistory', intake.keloidHistory);
  flag('anticoagulants', intake.anticoagulants);
  flag('uncontrolledDiabetes', intake.uncontrolledDiabetes);
  flag('uncontrolledBloodPressure', intake.uncontrolledBloodPressure);
  flag('heartCondition', intake.heartCondition);
  flag('epilepsy', intake.epilepsy);
  return out;
}

/** `options.protocol`; or, with `options.protocols`, the one that `options.protocol` (`{ id, version }`) names. */
function screeningProtocol(options: unknown): Outcome<Protocol> {
  const list = option(options, 'protocols');
  const named = option(options, 'protocol');
  if (list === undefined) return resolveProtocol(undefined, options);
  const id = typeof named === 'object' && named !== null ? (named as { id?: unknown }).id : undefined;
  const version = typeof named === 'object' && named !== null ? (named as { version?: unknown }).version : undefined;
  if (typeof id !== 'string' || typeof version !== 'number') {
    return fail([
      inputFinding(['options', 'protocol'], inputDetails.required('the { id, version } of the protocol to screen for, among protocols')),
    ]);
  }
  return resolveProtocol({ id, version }, { protocols: list });
}

function run(intakeInput: unknown, options: unknown): Outcome<Screening> {
  const protocolOut = screeningProtocol(options);
  const findings: Finding[] = protocolOut.ok ? [] : [...protocolOut.findings];
  const timeZone = timeZoneOption(options, 'timeZone', findings);
  const asOf = instantOption(options, 'asOf', findings);
  const tooBig = limitsFinding(intakeInput);
  if (typeof intakeInput !== 'object' || intakeInput === null || Array.isArray(intakeInput)) {
    findings.push(inputFinding([], inputDetails.notObject('an intake object with at least dateOfBirth')));
  } else if (tooBig !== undefined) {
    findings.push(tooBig);
  } else {
    const parsed = intakeSchemas().intakeSchema.safeParse(intakeInput);
    if (!parsed.success) findings.push(...issuesToFindings(parsed.error.issues));
    // Each option refused above added its finding: with all three read, there is none.
    else if (protocolOut.ok && timeZone !== undefined && !Number.isNaN(asOf)) {
      const screening = protocolOut.value.screening;
      const today = localDayOf(timeZone, asOf);
      const found = screening === undefined ? [] : reasons(parsed.data, screening.conditions, screening.minimumAgeYears, today);
      return ok(toScreening(found));
    }
  }
  return fail(findings);
}

function toScreening(found: Reason[]): Screening {
  let outcome: ScreeningOutcome = 'eligible';
  let earliest: number | undefined;
  const findings: Finding[] = [];
  for (const r of found) {
    // Stryker disable next-line EqualityOperator: at equal rank the outcome is the same one
    if (RANK[r.outcome] > RANK[outcome]) outcome = r.outcome;
    const params: Record<string, string> = { condition: r.condition, reason: r.reason, ...(r.extra ?? {}) };
    if (r.until !== undefined) {
      // A wait ending after 9999-12-31 has no date we may emit: the screening stands, its date is
      // left out with a DATE_OUT_OF_RANGE warning.
      if (dayInRange(r.until)) params.until = formatLocalDate(r.until);
      earliest = earliest === undefined ? r.until : Math.max(earliest, r.until);
    }
    findings.push(finding(CODE[r.outcome], r.outcome === 'ineligible' ? 'error' : 'warning', params));
  }
  const screening: Mutable<Screening> = { outcome, findings };
  if (earliest !== undefined) {
    if (dayInRange(earliest)) screening.earliestStart = formatLocalDate(earliest);
    else {
      findings.push(
        finding(
          'DATE_OUT_OF_RANGE',
          'warning',
          { path: 'earliestStart', value: formatLocalDate(earliest), min: MIN_LOCAL_DATE, max: MAX_LOCAL_DATE },
          { path: ['earliestStart'] },
        ),
      );
    }
  }
  return screening;
}

/**
 * Screens a client before session 1 against the protocol's rules (docs/defaults.md's eligibility table).
 *
 * Each condition that applies gives one finding with `params.condition`, and `params.until` for a
 * dated wait (the day the wait ends is the first allowed day; months roll forward: 31 August + 6
 * months = 1 March). `earliestStart` is the latest of the dated waits that apply; undated
 * deferrals (pregnancy, an active scalp condition) add none. Outcome precedence: `ineligible` >
 * `deferred` > `needsClearance` > `eligible`. Pass the result to {@link createPlan} to enforce it.
 *
 * @param intake - the client's intake, untrusted
 * @param options - the protocol, the moment of screening and the clinic's zone
 * @returns the screening
 *
 * @example
 * ```ts
 * import { screen, standardProtocol } from 'smp-protocol';
 * const out = screen({ dateOfBirth: '1990-05-14', isotretinoin: { lastDose: '2025-08-31' } },
 *   { protocol: standardProtocol, asOf: '2026-01-15T10:00:00Z', timeZone: 'Europe/London' });
 * out.ok && out.value; // { outcome: 'deferred', earliestStart: '2026-03-01', findings: [SCREENING_DEFERRED …] }
 * ```
 */
export function screen(intake: unknown, options: ScreenOptions): Outcome<Screening> {
  return guardedInput([intake, options] as const, ['', 'options'], (intake, options) => run(intake, options));
}
