/**
 * The zod schemas behind every type, for callers who validate or generate JSON Schema themselves.
 * @module
 */
import { planSchemas } from './schema/plan.js';
import { protocolSchemas } from './protocol/schema.js';
import { intakeSchemas } from './rules/screening.js';
import { availabilitySchemas } from './schedule/availability.js';

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
  readonly plan: ReturnType<typeof planSchemas>['planSchema'];
  readonly event: ReturnType<typeof planSchemas>['eventSchema'];
  readonly protocol: ReturnType<typeof protocolSchemas>['protocolSchema'];
  readonly gap: ReturnType<typeof protocolSchemas>['gapSchema'];
  readonly planSession: ReturnType<typeof planSchemas>['planSessionSchema'];
  readonly protocolSession: ReturnType<typeof protocolSchemas>['protocolSessionSchema'];
  readonly treatmentRecord: ReturnType<typeof planSchemas>['treatmentRecordSchema'];
  readonly intake: ReturnType<typeof intakeSchemas>['intakeSchema'];
  readonly availability: ReturnType<typeof availabilitySchemas>['availabilitySchema'];
} = Object.freeze({
  // Getters: a schema is built the first time someone asks for it, never at import.
  get plan() {
    return planSchemas().planSchema;
  },
  get event() {
    return planSchemas().eventSchema;
  },
  get protocol() {
    return protocolSchemas().protocolSchema;
  },
  get gap() {
    return protocolSchemas().gapSchema;
  },
  get planSession() {
    return planSchemas().planSessionSchema;
  },
  get protocolSession() {
    return protocolSchemas().protocolSessionSchema;
  },
  get treatmentRecord() {
    return planSchemas().treatmentRecordSchema;
  },
  get intake() {
    return intakeSchemas().intakeSchema;
  },
  get availability() {
    return availabilitySchemas().availabilitySchema;
  },
});
