/**
 * The protocol as data: zod schemas and the types inferred from them.
 * @module
 */
import * as z from 'zod/mini';
import { countField, idField, labelField, positiveInt, textField } from '../schema/fields.js';

const dayCount = countField;

/** Where a gap is measured from: the previous session, or a named earlier session. */
export const gapAnchorSchema = z.union([z.literal('previous'), z.strictObject({ session: positiveInt })]);

const gapDays = {
  absoluteMinimumDays: dayCount,
  minimumDays: dayCount,
  earliestRecommendedDays: dayCount,
  latestRecommendedDays: dayCount,
  maximumDays: z.optional(dayCount),
};

/** A gap: five calendar-day counts from an anchor session (DESIGN.md's spacing model). */
export const gapSchema = z.strictObject({ from: gapAnchorSchema, ...gapDays });
/** The gap of an extra session, always from the previous session. */
export const extraGapSchema = z.strictObject(gapDays);

/** One session of a protocol. */
export const protocolSessionSchema = z.strictObject({
  number: positiveInt,
  phase: labelField,
  title: labelField,
  purpose: textField,
  durationMinutes: z.int().check(z.minimum(1), z.maximum(1_440)),
  gaps: z.array(gapSchema).check(z.maxLength(20)),
});

/** The protocol schema: sessions, extra sessions, and the booking policy. */
export const protocolSchema = z.strictObject({
  id: idField,
  version: positiveInt,
  name: labelField,
  description: z.optional(textField),
  sessions: z.array(protocolSessionSchema).check(z.minLength(1), z.maxLength(20)),
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
});

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
export type Protocol = z.infer<typeof protocolSchema>;

/**
 * A gap between sessions, in calendar days from its anchor.
 *
 * @example
 * ```ts
 * import type { Gap } from 'smp-protocol';
 * const gap: Gap = { from: 'previous', absoluteMinimumDays: 5, minimumDays: 7,
 *   earliestRecommendedDays: 10, latestRecommendedDays: 14, maximumDays: 30 };
 * ```
 */
export type Gap = z.infer<typeof gapSchema>;

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
export type ProtocolSession = z.infer<typeof protocolSessionSchema>;
