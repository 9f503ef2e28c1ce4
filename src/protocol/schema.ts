/**
 * The protocol as data: zod schemas and the types inferred from them.
 * @module
 */
import type { DeepReadonly } from '../schema/readonly.js';
import * as z from 'zod/mini';
import { once } from '../schema/once.js';
import { countField, idField, labelField, maxChars, maxItems, minChars, minItems, positiveInt, textField } from '../schema/fields.js';

/** The intake conditions a protocol can screen for. */
export const screeningConditions = [
  'underage',
  'hairTransplant',
  'scarNotHealed',
  'scarAge',
  'isotretinoin',
  'chemotherapy',
  'laserRemoval',
  'alopeciaAreata',
  'pregnant',
  'breastfeeding',
  'activeScalpConditions',
  'keloidHistory',
  'anticoagulants',
  'uncontrolledDiabetes',
  'uncontrolledBloodPressure',
  'heartCondition',
  'epilepsy',
] as const;

function build() {
  const dayCount = countField;

  /** Where a gap is measured from: the previous session, or a named earlier session. */
  const gapAnchorSchema = z.union([z.literal('previous'), z.strictObject({ session: positiveInt })]);

  const gapDays = {
    absoluteMinimumDays: dayCount,
    minimumDays: dayCount,
    earliestRecommendedDays: dayCount,
    latestRecommendedDays: dayCount,
    maximumDays: z.optional(dayCount),
  };

  /** A gap: five calendar-day counts from an anchor session (docs/design.md's spacing model). */
  const gapSchema = z.strictObject({ from: gapAnchorSchema, ...gapDays });
  /** The gap of an extra session, always from the previous session. */
  const extraGapSchema = z.strictObject(gapDays);

  /** Checklist items a session's treatment record must confirm (e.g. `hairlineAgreed`). */
  const checklistField = z.array(z.string().check(minChars(1), maxChars(64))).check(maxItems(20));

  /** One session of a protocol. */
  const protocolSessionSchema = z.strictObject({
    number: positiveInt,
    phase: labelField,
    title: labelField,
    purpose: textField,
    durationMinutes: z.int().check(z.minimum(1), z.maximum(1_440)),
    gaps: z.array(gapSchema).check(maxItems(20)),
    checklist: z.optional(checklistField),
  });

  const ruleId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/));

  /** An aftercare rule: from the end of each session (or of the final one), for days or hours. */
  const aftercareRuleSchema = z.strictObject({
    rule: ruleId,
    title: labelField,
    instruction: textField,
    days: z.optional(z.int().check(z.minimum(0), z.maximum(3_650))),
    hours: z.optional(z.number().check(z.minimum(0), z.maximum(24 * 3_650))),
    after: z.enum(['eachSession', 'finalSession']),
  });

  /** A preparation rule: a window before each session's start. */
  const preparationRuleSchema = z.strictObject({
    rule: ruleId,
    title: labelField,
    instruction: textField,
    fromHoursBefore: z.number().check(z.minimum(0), z.maximum(24 * 365)),
    untilHoursBefore: z.optional(z.number().check(z.minimum(0), z.maximum(24 * 365))),
  });

  /** What a screening condition leads to, and for how long. */
  const screeningRuleSchema = z.strictObject({
    outcome: z.enum(['deferred', 'needsClearance', 'ineligible']),
    /**
     * The wait, from the intake's date for the condition; the day it ends is the first allowed day.
     * Without `waitMonths` or `waitDays`, the condition applies (undated) for as long as it is declared.
     */
    waitMonths: z.optional(z.int().check(z.minimum(0), z.maximum(1_200))),
    waitDays: z.optional(z.int().check(z.minimum(0), z.maximum(36_500))),
    /** After the wait, a doctor's clearance is still required (chemotherapy). */
    clearanceAfterWait: z.optional(z.boolean()),
    /** Also deferred when a treatment is planned to start within this many days (chemotherapy). */
    plannedWithinDays: z.optional(z.int().check(z.minimum(0), z.maximum(3_650))),
    /** Why, in the clinic's words (English); findings carry the condition key for other locales. */
    reason: textField,
  });

  /** Screening: the minimum age, and a rule per condition (a condition without a rule is not screened). */
  const screeningSchema = z.strictObject({
    minimumAgeYears: z.int().check(z.minimum(0), z.maximum(120)),
    conditions: z.partialRecord(z.enum(screeningConditions), screeningRuleSchema),
  });

  /** A window in days after the last session. */
  const reviewSchema = z.strictObject({
    earliestDays: countField,
    recommendedDays: countField,
    latestDays: countField,
  });

  /** A window in months after the last session. */
  const maintenanceSchema = z.strictObject({
    earliestMonths: countField,
    recommendedMonths: countField,
    latestMonths: countField,
  });

  /** The protocol schema: sessions, extra sessions, and the booking policy. */
  const protocolSchema = z.strictObject({
    id: idField,
    version: positiveInt,
    name: labelField,
    description: z.optional(textField),
    sessions: z.array(protocolSessionSchema).check(minItems(1), maxItems(20)),
    extraSessions: z.strictObject({
      max: z.int().check(z.minimum(0), z.maximum(20)),
      phase: labelField,
      title: labelField,
      purpose: textField,
      durationMinutes: z.int().check(z.minimum(1), z.maximum(1_440)),
      gap: extraGapSchema,
    }),
    policy: z.strictObject({
      cancellationNoticeHours: z.number().check(z.minimum(0), z.maximum(24 * 90)),
      maxNoShows: z.optional(positiveInt),
    }),
    aftercare: z.optional(z.array(aftercareRuleSchema).check(maxItems(100))),
    preparation: z.optional(z.array(preparationRuleSchema).check(maxItems(100))),
    screening: z.optional(screeningSchema),
    review: z.optional(reviewSchema),
    maintenance: z.optional(maintenanceSchema),
  });
  return {
    gapAnchorSchema,
    gapSchema,
    extraGapSchema,
    protocolSessionSchema,
    aftercareRuleSchema,
    preparationRuleSchema,
    screeningRuleSchema,
    screeningSchema,
    reviewSchema,
    maintenanceSchema,
    protocolSchema,
  };
}

/** The protocol's zod schemas, built on first use (never at import). @internal */
export const protocolSchemas: () => ReturnType<typeof build> = once(build);
type ProtocolSchemas = ReturnType<typeof build>;

/**
 * A protocol: the sessions of a course, the gaps between them, extra sessions and policy.
 *
 * @example
 * ```ts
 * import { standardProtocol, type Protocol } from 'smp-protocol';
 * const p: Protocol = standardProtocol;
 * p.sessions[1]?.gaps[0]?.minimumDays; // 7
 * ```
 */
export type Protocol = DeepReadonly<z.infer<ProtocolSchemas['protocolSchema']>>;

/**
 * A gap between sessions, in calendar days from its anchor.
 *
 * @example
 * ```ts
 * import { standardProtocol } from 'smp-protocol';
 * standardProtocol.sessions[1]?.gaps[0];
 * // { from: 'previous', absoluteMinimumDays: 5, minimumDays: 7, earliestRecommendedDays: 10, latestRecommendedDays: 14, maximumDays: 30 }
 * ```
 */
export type Gap = DeepReadonly<z.infer<ProtocolSchemas['gapSchema']>>;

/**
 * One session as a protocol defines it.
 *
 * @example
 * ```ts
 * import { standardProtocol, type ProtocolSession } from 'smp-protocol';
 * const first: ProtocolSession | undefined = standardProtocol.sessions[0];
 * first?.phase; // 'foundation'
 * ```
 */
export type ProtocolSession = DeepReadonly<z.infer<ProtocolSchemas['protocolSessionSchema']>>;

/**
 * An aftercare rule of a protocol.
 *
 * @example
 * ```ts
 * import { standardProtocol } from 'smp-protocol';
 * standardProtocol.aftercare?.[0];
 * // { rule: 'keep-dry', title: 'Keep the scalp dry', instruction: 'Keep the treated scalp dry…', days: 4, after: 'eachSession' }
 * ```
 */
export type AftercareRule = DeepReadonly<z.infer<ProtocolSchemas['aftercareRuleSchema']>>;

/**
 * A preparation rule of a protocol.
 *
 * @example
 * ```ts
 * import { standardProtocol } from 'smp-protocol';
 * standardProtocol.preparation?.[0];
 * // { rule: 'no-hair-dye', title: 'No hair dye', instruction: 'Do not dye or bleach your hair…', fromHoursBefore: 336 }
 * ```
 */
export type PreparationRule = DeepReadonly<z.infer<ProtocolSchemas['preparationRuleSchema']>>;

/**
 * A screening rule for one condition.
 *
 * @example
 * ```ts
 * import { standardProtocol } from 'smp-protocol';
 * standardProtocol.screening?.conditions?.isotretinoin;
 * // { outcome: 'deferred', waitMonths: 6, reason: 'isotretinoin leaves the skin fragile for 6 months after the last dose' }
 * ```
 */
export type ScreeningRule = DeepReadonly<z.infer<ProtocolSchemas['screeningRuleSchema']>>;

/**
 * A condition a protocol can screen for.
 *
 * @example
 * ```ts
 * import { screeningConditions } from 'smp-protocol';
 * screeningConditions.includes('isotretinoin'); // true
 * screeningConditions.length; // 17
 * ```
 */
export type ScreeningCondition = (typeof screeningConditions)[number];
