/**
 * The zod schemas behind every type, for callers who validate or generate JSON Schema themselves.
 * @module
 */
import { eventSchema, planSchema, planSessionSchema, treatmentRecordSchema } from '../plan/schema.js';
import { gapSchema, protocolSchema, protocolSessionSchema } from '../protocol/schema.js';
import { intakeSchema } from '../rules/screening.js';
import { availabilitySchema } from '../schedule/availability.js';

/**
 * The zod (v4, `zod/mini`) schemas: `plan`, `event`, `protocol`, `gap`, `planSession`,
 * `protocolSession`, `treatmentRecord`, `intake`, `availability`. Parsing with them checks shape only; {@link parsePlan},
 * {@link defineProtocol} and {@link parseAvailability} also check the rules across fields.
 *
 * @example
 * ```ts
 * import { schemas } from 'smp-protocol';
 * import * as z from 'zod/mini';
 * const jsonSchema = z.toJSONSchema(schemas.plan);
 * schemas.event.safeParse({ type: 'planResumed' }).success; // false: id and at are required
 * ```
 */
export const schemas: {
  readonly plan: typeof planSchema;
  readonly event: typeof eventSchema;
  readonly protocol: typeof protocolSchema;
  readonly gap: typeof gapSchema;
  readonly planSession: typeof planSessionSchema;
  readonly protocolSession: typeof protocolSessionSchema;
  readonly treatmentRecord: typeof treatmentRecordSchema;
  readonly intake: typeof intakeSchema;
  readonly availability: typeof availabilitySchema;
} = Object.freeze({
  plan: planSchema,
  event: eventSchema,
  protocol: protocolSchema,
  gap: gapSchema,
  planSession: planSessionSchema,
  protocolSession: protocolSessionSchema,
  treatmentRecord: treatmentRecordSchema,
  intake: intakeSchema,
  availability: availabilitySchema,
});
