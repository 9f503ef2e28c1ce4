/**
 * `smp-protocol/fhir`: protocols and plans as FHIR R4 resources for the clinic's EHR: a
 * PlanDefinition, a CarePlan, ServiceRequests, Appointments, Procedures and forecast
 * Observations, in a Bundle. A separate entry: importing the root entry never loads it.
 *
 * @example
 * ```ts
 * import { standardProtocol } from 'smp-protocol';
 * import { toPlanDefinition } from 'smp-protocol/fhir';
 * const pd = toPlanDefinition(standardProtocol);
 * pd.ok && pd.value.resourceType; // 'PlanDefinition'
 * ```
 * @module smp-protocol/fhir
 */
export { toFhir } from './bundle.js';
export type { FhirOptions, FhirSettings } from './bundle.js';
export { toPlanDefinition } from './plan-definition.js';
export type { PlanDefinitionOptions } from './plan-definition.js';
export type {
  FhirAnnotation,
  FhirAppointment,
  FhirBundle,
  FhirCarePlan,
  FhirCodeableConcept,
  FhirCoding,
  FhirDuration,
  FhirExtension,
  FhirIdentifier,
  FhirObservation,
  FhirPeriod,
  FhirPlanDefinition,
  FhirPlanDefinitionAction,
  FhirProcedure,
  FhirRange,
  FhirReference,
  FhirResource,
  FhirServiceRequest,
} from './types.js';
