/**
 * The FHIR R4 shapes this entry writes: each a strict subset of the resource as `@types/fhir`
 * (`fhir/r4`) declares it, so a value of these types is assignable to those (a test checks it).
 * They are declared here, not imported, so that using `smp-protocol/fhir` needs no type package.
 * @module
 */

/**
 * A code from a code system.
 *
 * @example
 * ```ts
 * import type { FhirCoding } from 'smp-protocol/fhir';
 * const c: FhirCoding = { system: 'http://loinc.org', code: '30980-7', display: 'Date vaccine due' };
 * ```
 */
export interface FhirCoding {
  /** The code system's URI. */
  system?: string;
  /** The code. */
  code?: string;
  /** Its human-readable name. */
  display?: string;
}

/**
 * Codes and/or text for one concept.
 *
 * @example
 * ```ts
 * import type { FhirCodeableConcept } from 'smp-protocol/fhir';
 * const c: FhirCodeableConcept = { text: 'Density' };
 * ```
 */
export interface FhirCodeableConcept {
  /** Codes for the concept. */
  coding?: FhirCoding[];
  /** Plain text. */
  text?: string;
}

/**
 * A business identifier.
 *
 * @example
 * ```ts
 * import type { FhirIdentifier } from 'smp-protocol/fhir';
 * const id: FhirIdentifier = { system: 'urn:smp-protocol:plan', value: 'plan-0042' };
 * ```
 */
export interface FhirIdentifier {
  /** The namespace of the value. */
  system?: string;
  /** The value. */
  value?: string;
}

/**
 * A reference to another resource, by literal reference (`Patient/123`) or by identifier.
 *
 * @example
 * ```ts
 * import type { FhirReference } from 'smp-protocol/fhir';
 * const patient: FhirReference = { reference: 'Patient/123' };
 * ```
 */
export interface FhirReference {
  /** `Type/id`, or an absolute URL. */
  reference?: string;
  /** The target's resource type. */
  type?: string;
  /** A logical reference, when the target's id is not known. */
  identifier?: FhirIdentifier;
  /** Text for the target. */
  display?: string;
}

/**
 * A start and an end (dateTime).
 *
 * @example
 * ```ts
 * import type { FhirPeriod } from 'smp-protocol/fhir';
 * const p: FhirPeriod = { start: '2026-03-23T10:00:00+00:00', end: '2026-03-23T14:00:00+00:00' };
 * ```
 */
export interface FhirPeriod {
  /** Start, inclusive. */
  start?: string;
  /** End, inclusive. */
  end?: string;
}

/**
 * An amount of time in UCUM units (`d` for days).
 *
 * @example
 * ```ts
 * import type { FhirDuration } from 'smp-protocol/fhir';
 * const week: FhirDuration = { value: 7, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' };
 * ```
 */
export interface FhirDuration {
  /** The amount. */
  value?: number;
  /** The unit, for people. */
  unit?: string;
  /** `http://unitsofmeasure.org`. */
  system?: string;
  /** The UCUM code. */
  code?: string;
}

/**
 * A range of durations (`low` to `high`, either may be open).
 *
 * @example
 * ```ts
 * import type { FhirRange } from 'smp-protocol/fhir';
 * const r: FhirRange = { low: { value: 7, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' } };
 * ```
 */
export interface FhirRange {
  /** The lower bound. */
  low?: FhirDuration;
  /** The upper bound. */
  high?: FhirDuration;
}

/**
 * An extension: a value this library defines beyond the base resource.
 *
 * @example
 * ```ts
 * import type { FhirExtension } from 'smp-protocol/fhir';
 * const e: FhirExtension = { url: 'minimumDays', valueInteger: 7 };
 * ```
 */
export interface FhirExtension {
  /** What the extension means. */
  url: string;
  /** Its value, for a whole number. */
  valueInteger?: number;
  /** Nested extensions, for a complex extension. */
  extension?: FhirExtension[];
}

/**
 * A note.
 *
 * @example
 * ```ts
 * import type { FhirAnnotation } from 'smp-protocol/fhir';
 * const n: FhirAnnotation = { text: 'Closed: client moved abroad' };
 * ```
 */
export interface FhirAnnotation {
  /** The note's text. */
  text: string;
}

/**
 * One step of a PlanDefinition: a session of the protocol, with its gaps as related actions.
 *
 * @example
 * ```ts
 * import type { FhirPlanDefinitionAction } from 'smp-protocol/fhir';
 * const a: FhirPlanDefinitionAction = { id: 'session-1', title: 'Foundation', description: '…' };
 * ```
 */
export interface FhirPlanDefinitionAction {
  /** `session-<n>`, or `extra` for the optional extra sessions. */
  id: string;
  /** `1`, `2`, … or `extra`. */
  prefix?: string;
  /** The session's title. */
  title: string;
  /** The session's purpose. */
  description: string;
  /** The session's phase (`foundation`, `density`, …) as text. */
  code?: FhirCodeableConcept[];
  /** How long the session lasts. */
  timingTiming?: { repeat: { duration: number; durationUnit: 'min' } };
  /** `must` for the course's sessions, `could` for extras. */
  requiredBehavior?: 'must' | 'could';
  /** `single`, or `multiple` for extras allowed more than once. */
  cardinalityBehavior?: 'single' | 'multiple';
  /** One per gap: the anchor session, and the days from it in `offsetRange`. */
  relatedAction?: {
    actionId: string;
    relationship: 'after-start';
    /** From the gap's `minimumDays` (bookable) to its `maximumDays` (lapsed after), in days. */
    offsetRange: FhirRange;
    /** All five day counts of the gap. */
    extension?: FhirExtension[];
  }[];
}

/**
 * A protocol as a FHIR PlanDefinition (`type: clinical-protocol`).
 *
 * @example
 * ```ts
 * import { standardProtocol } from 'smp-protocol';
 * import { toPlanDefinition, type FhirPlanDefinition } from 'smp-protocol/fhir';
 * const pd = toPlanDefinition(standardProtocol);
 * const def: FhirPlanDefinition | undefined = pd.resourceType === 'PlanDefinition' ? pd : undefined;
 * ```
 */
export interface FhirPlanDefinition {
  /** Always `PlanDefinition`. */
  resourceType: 'PlanDefinition';
  /** `<protocol id>-v<version>`, as a FHIR id. */
  id: string;
  /** The canonical URL that CarePlans instantiate. */
  url: string;
  /** The protocol's version. */
  version: string;
  /** A computable name (`Standard`, `ScarCamouflage`). */
  name: string;
  /** The protocol's name. */
  title: string;
  /** `clinical-protocol`. */
  type: FhirCodeableConcept;
  /** `active`. */
  status: 'draft' | 'active' | 'retired' | 'unknown';
  /** The protocol's description. */
  description?: string;
  /** One action per session, then one for extra sessions if the protocol allows any. */
  action: FhirPlanDefinitionAction[];
}

/**
 * The course as a FHIR CarePlan.
 *
 * @example
 * ```ts
 * import type { FhirCarePlan } from 'smp-protocol/fhir';
 * declare const carePlan: FhirCarePlan;
 * carePlan.status; // 'active'
 * ```
 */
export interface FhirCarePlan {
  /** Always `CarePlan`. */
  resourceType: 'CarePlan';
  /** The plan's id, as a FHIR id. */
  id: string;
  /** The plan's own id, unchanged. */
  identifier: FhirIdentifier[];
  /** The PlanDefinition's `url|version`. */
  instantiatesCanonical: string[];
  /** draft, active, on-hold (onHold), completed, revoked (closed). */
  status: 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed';
  /** `plan`. */
  intent: 'plan';
  /** The protocol's name. */
  title: string;
  /** The client. */
  subject: FhirReference;
  /** When the plan was created. */
  created: string;
  /** From the first session's start; to the last session's end once completed. */
  period?: FhirPeriod;
  /** One per session: its ServiceRequest, and what came of it (appointments, the procedure). */
  activity: { reference: FhirReference; outcomeReference?: FhirReference[] }[];
  /** Why the plan is on hold or closed. */
  note?: FhirAnnotation[];
}

/**
 * One session of the course, requested: what appointments and the procedure are based on.
 *
 * @example
 * ```ts
 * import type { FhirServiceRequest } from 'smp-protocol/fhir';
 * declare const request: FhirServiceRequest;
 * request.basedOn[0]?.reference; // 'CarePlan/plan-0042'
 * ```
 */
export interface FhirServiceRequest {
  /** Always `ServiceRequest`. */
  resourceType: 'ServiceRequest';
  /** `<plan id>-s<n>`. */
  id: string;
  /** completed for a completed session; otherwise follows the plan (draft, active, on-hold, revoked). */
  status: 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed';
  /** `plan`. */
  intent: 'plan';
  /** The PlanDefinition's `url|version`. */
  instantiatesCanonical: string[];
  /** The CarePlan. */
  basedOn: FhirReference[];
  /** The session's title and phase. */
  code: FhirCodeableConcept;
  /** The client. */
  subject: FhirReference;
  /** When the plan was created. */
  authoredOn: string;
}

/**
 * One booking of a session as a FHIR Appointment.
 *
 * @example
 * ```ts
 * import type { FhirAppointment } from 'smp-protocol/fhir';
 * declare const appointment: FhirAppointment;
 * appointment.status; // 'booked' | 'fulfilled' | 'cancelled' | 'noshow'
 * ```
 */
export interface FhirAppointment {
  /** Always `Appointment`. */
  resourceType: 'Appointment';
  /** `<plan id>-s<n>-b<k>`: the k-th booking of session n. */
  id: string;
  /** booked, fulfilled (completed), cancelled (or left when the plan was closed), noshow. */
  status: 'booked' | 'fulfilled' | 'cancelled' | 'noshow';
  /** Why it was cancelled. */
  cancelationReason?: FhirCodeableConcept;
  /** The session's ServiceRequest. */
  basedOn: FhirReference[];
  /** `Scalp micropigmentation: session 2 of 3 (Density)`. */
  description: string;
  /** Start (instant). */
  start: string;
  /** End (instant). */
  end: string;
  /** Its length in minutes. */
  minutesDuration?: number;
  /** When it was booked. */
  created: string;
  /** The booking's note. */
  comment?: string;
  /** The client, accepted. */
  participant: { actor: FhirReference; required: 'required'; status: 'accepted' }[];
}

/**
 * A completed session as a FHIR Procedure.
 *
 * @example
 * ```ts
 * import type { FhirProcedure } from 'smp-protocol/fhir';
 * declare const procedure: FhirProcedure;
 * procedure.performedPeriod; // { start: '2026-03-23T10:00:00+00:00', end: '2026-03-23T14:00:00+00:00' }
 * ```
 */
export interface FhirProcedure {
  /** Always `Procedure`. */
  resourceType: 'Procedure';
  /** `<plan id>-s<n>-procedure`. */
  id: string;
  /** The session's ServiceRequest. */
  basedOn: FhirReference[];
  /** `completed`. */
  status: 'completed';
  /** The session's title and phase. */
  code: FhirCodeableConcept;
  /** The client. */
  subject: FhirReference;
  /** When it was done. */
  performedPeriod: FhirPeriod;
  /** Scalp zones treated. */
  bodySite?: FhirCodeableConcept[];
  /** Pigment and needle. */
  usedCode?: FhirCodeableConcept[];
  /** The record's notes and checklist. */
  note?: FhirAnnotation[];
}

/**
 * One forecast date of a session as a FHIR Observation, coded with LOINC: earliest (30981-5),
 * due (30980-7), overdue (59778-1) or latest (59777-3).
 *
 * @example
 * ```ts
 * import type { FhirObservation } from 'smp-protocol/fhir';
 * declare const due: FhirObservation;
 * due.valueDateTime; // '2026-04-02'
 * ```
 */
export interface FhirObservation {
  /** Always `Observation`. */
  resourceType: 'Observation';
  /** `<plan id>-s<n>-<earliest|due|overdue|latest>`. */
  id: string;
  /** The session's ServiceRequest. */
  basedOn: FhirReference[];
  /** `final`, or `preliminary` when the date rests on a projected anchor. */
  status: 'final' | 'preliminary';
  /** The LOINC code and what it means here. */
  code: FhirCodeableConcept;
  /** The client. */
  subject: FhirReference;
  /** `asOf`: the moment the forecast is for. */
  effectiveDateTime: string;
  /** The date (a local date in the plan's zone). */
  valueDateTime: string;
}

/**
 * Findings as a FHIR OperationOutcome: why an export is empty, or what it left out.
 *
 * @example
 * ```ts
 * import type { FhirOperationOutcome } from 'smp-protocol/fhir';
 * declare const outcome: FhirOperationOutcome;
 * outcome.issue[0]?.details.coding[0]?.code; // e.g. 'PROTOCOL_MISMATCH'
 * ```
 */
export interface FhirOperationOutcome {
  /** Always `OperationOutcome`. */
  resourceType: 'OperationOutcome';
  /** An id for the entry. */
  id: string;
  /** One issue per finding. */
  issue: {
    severity: 'error' | 'warning' | 'information';
    code: 'invalid' | 'business-rule' | 'exception' | 'informational';
    /** The finding's code (system `urn:smp-protocol:finding`) and message. */
    details: { coding: FhirCoding[]; text: string };
    /** Where in the input, when the finding has a path. */
    diagnostics?: string;
  }[];
}

/**
 * Any resource this entry writes.
 *
 * @example
 * ```ts
 * import type { FhirResource } from 'smp-protocol/fhir';
 * const isAppointment = (r: FhirResource) => r.resourceType === 'Appointment';
 * ```
 */
export type FhirResource =
  | FhirPlanDefinition
  | FhirCarePlan
  | FhirServiceRequest
  | FhirAppointment
  | FhirProcedure
  | FhirObservation
  | FhirOperationOutcome;

/**
 * A FHIR Bundle of the resources above (`collection`, or `transaction` with a PUT per entry).
 *
 * @example
 * ```ts
 * import type { FhirBundle } from 'smp-protocol/fhir';
 * declare const bundle: FhirBundle;
 * bundle.entry.map((e) => e.resource.resourceType); // ['PlanDefinition', 'CarePlan', 'ServiceRequest', …]
 * ```
 */
export interface FhirBundle {
  /** Always `Bundle`. */
  resourceType: 'Bundle';
  /** `collection`, or `transaction` to upsert every resource by id. */
  type: 'collection' | 'transaction';
  /** `asOf`, when given. */
  timestamp?: string;
  /** The resources, in order: PlanDefinition, CarePlan, ServiceRequests, Appointments, Procedures, Observations, OperationOutcome. */
  entry: { resource: FhirResource; request?: { method: 'PUT'; url: string } }[];
}
