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
 * import { standardProtocol } from 'smp-protocol';
 * import { toFhir, type FhirObservation } from 'smp-protocol/fhir';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const bundle = plan.ok ? toFhir(plan.value, { protocol: standardProtocol, asOf: '2026-03-24T09:00:00Z', patient: { reference: 'Patient/123' } }) : plan;
 * const resources = bundle.ok ? bundle.value.entry.map((e) => e.resource) : [];
 * const due = resources.find((r): r is FhirObservation => r.resourceType === 'Observation' && r.id === 'plan-1-s2-due');
 * due?.code.coding?.[0]; // { system: 'http://loinc.org', code: '30980-7', display: 'Date vaccine due' }
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
 * import { standardProtocol } from 'smp-protocol';
 * import { toPlanDefinition } from 'smp-protocol/fhir';
 * const pd = toPlanDefinition(standardProtocol);
 * pd.ok && pd.value.action?.[1]?.code?.[0]; // { text: 'density' }
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
 * import { standardProtocol } from 'smp-protocol';
 * import { toFhir, type FhirCarePlan } from 'smp-protocol/fhir';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const bundle = plan.ok ? toFhir(plan.value, { protocol: standardProtocol, asOf: '2026-03-24T09:00:00Z', patient: { reference: 'Patient/123' } }) : plan;
 * const resources = bundle.ok ? bundle.value.entry.map((e) => e.resource) : [];
 * const carePlan = resources.find((r): r is FhirCarePlan => r.resourceType === 'CarePlan');
 * carePlan?.identifier?.[0]; // { system: 'urn:smp-protocol:plan', value: 'plan-1' }
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
 * import { standardProtocol } from 'smp-protocol';
 * import { toFhir, type FhirCarePlan } from 'smp-protocol/fhir';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const bundle = plan.ok ? toFhir(plan.value, { protocol: standardProtocol, asOf: '2026-03-24T09:00:00Z', patient: { reference: 'Patient/123' } }) : plan;
 * const resources = bundle.ok ? bundle.value.entry.map((e) => e.resource) : [];
 * const carePlan = resources.find((r): r is FhirCarePlan => r.resourceType === 'CarePlan');
 * carePlan?.subject; // { reference: 'Patient/123' }
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
 * import { standardProtocol } from 'smp-protocol';
 * import { toFhir, type FhirAppointment } from 'smp-protocol/fhir';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const bundle = plan.ok ? toFhir(plan.value, { protocol: standardProtocol, asOf: '2026-03-24T09:00:00Z', patient: { reference: 'Patient/123' } }) : plan;
 * const resources = bundle.ok ? bundle.value.entry.map((e) => e.resource) : [];
 * const first = resources.find((r): r is FhirAppointment => r.resourceType === 'Appointment');
 * [first?.start, first?.end]; // ['2026-03-23T10:00:00+00:00', '2026-03-23T14:00:00+00:00']
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
 * import { standardProtocol } from 'smp-protocol';
 * import { toPlanDefinition } from 'smp-protocol/fhir';
 * const pd = toPlanDefinition(standardProtocol);
 * pd.ok && pd.value.action?.[1]?.relatedAction?.[0]?.offsetRange?.low;
 * // { value: 7, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' }
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
 * import { standardProtocol } from 'smp-protocol';
 * import { toPlanDefinition } from 'smp-protocol/fhir';
 * const pd = toPlanDefinition(standardProtocol);
 * pd.ok && pd.value.action?.[1]?.relatedAction?.[0]?.offsetRange?.high?.value; // 30
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
 * import { standardProtocol } from 'smp-protocol';
 * import { toPlanDefinition } from 'smp-protocol/fhir';
 * const pd = toPlanDefinition(standardProtocol);
 * pd.ok && pd.value.action?.[1]?.relatedAction?.[0]?.extension?.[0]?.extension?.[1]; // { url: 'minimumDays', valueInteger: 7 }
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
 * import { applyEvent, standardProtocol } from 'smp-protocol';
 * import { toFhir, type FhirCarePlan } from 'smp-protocol/fhir';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').build();
 * const closed = plan.ok ? applyEvent(plan.value, { id: 'e3', type: 'planClosed', at: '2026-03-24T09:00:00Z', reason: 'client moved abroad' }, { protocol: standardProtocol }) : plan;
 * const bundle = closed.ok ? toFhir(closed.value, { protocol: standardProtocol, asOf: '2026-03-24T09:00:00Z' }) : closed;
 * const carePlan = bundle.ok ? bundle.value.entry.map((e) => e.resource).find((r): r is FhirCarePlan => r.resourceType === 'CarePlan') : undefined;
 * carePlan?.note?.[0]; // { text: 'Closed on 2026-03-24T09:00:00Z: client moved abroad' }
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
 * import { standardProtocol } from 'smp-protocol';
 * import { toPlanDefinition } from 'smp-protocol/fhir';
 * const pd = toPlanDefinition(standardProtocol);
 * pd.ok && pd.value.action?.[0]?.title; // 'Hairline design and foundation'
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
 * const def: FhirPlanDefinition | undefined = pd.ok ? pd.value : undefined;
 * def?.url; // 'urn:smp-protocol:protocol:standard'
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
 * import { standardProtocol } from 'smp-protocol';
 * import { toFhir, type FhirCarePlan } from 'smp-protocol/fhir';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const bundle = plan.ok ? toFhir(plan.value, { protocol: standardProtocol, asOf: '2026-03-24T09:00:00Z', patient: { reference: 'Patient/123' } }) : plan;
 * const resources = bundle.ok ? bundle.value.entry.map((e) => e.resource) : [];
 * const carePlan = resources.find((r): r is FhirCarePlan => r.resourceType === 'CarePlan');
 * carePlan?.status; // 'active'
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
 * import { standardProtocol } from 'smp-protocol';
 * import { toFhir, type FhirServiceRequest } from 'smp-protocol/fhir';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const bundle = plan.ok ? toFhir(plan.value, { protocol: standardProtocol, asOf: '2026-03-24T09:00:00Z', patient: { reference: 'Patient/123' } }) : plan;
 * const resources = bundle.ok ? bundle.value.entry.map((e) => e.resource) : [];
 * const request = resources.find((r): r is FhirServiceRequest => r.resourceType === 'ServiceRequest');
 * request?.basedOn[0]?.reference; // 'CarePlan/plan-1'
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
 * import { standardProtocol } from 'smp-protocol';
 * import { toFhir, type FhirAppointment } from 'smp-protocol/fhir';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const bundle = plan.ok ? toFhir(plan.value, { protocol: standardProtocol, asOf: '2026-03-24T09:00:00Z', patient: { reference: 'Patient/123' } }) : plan;
 * const resources = bundle.ok ? bundle.value.entry.map((e) => e.resource) : [];
 * const appointments = resources.filter((r): r is FhirAppointment => r.resourceType === 'Appointment');
 * appointments.map((a) => a.status); // ['fulfilled', 'booked']
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
 * import { standardProtocol } from 'smp-protocol';
 * import { toFhir, type FhirProcedure } from 'smp-protocol/fhir';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const bundle = plan.ok ? toFhir(plan.value, { protocol: standardProtocol, asOf: '2026-03-24T09:00:00Z', patient: { reference: 'Patient/123' } }) : plan;
 * const resources = bundle.ok ? bundle.value.entry.map((e) => e.resource) : [];
 * const procedure = resources.find((r): r is FhirProcedure => r.resourceType === 'Procedure');
 * procedure?.performedPeriod; // { start: '2026-03-23T10:00:00+00:00', end: '2026-03-23T14:00:00+00:00' }
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
 * import { standardProtocol } from 'smp-protocol';
 * import { toFhir, type FhirObservation } from 'smp-protocol/fhir';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const bundle = plan.ok ? toFhir(plan.value, { protocol: standardProtocol, asOf: '2026-03-24T09:00:00Z', patient: { reference: 'Patient/123' } }) : plan;
 * const resources = bundle.ok ? bundle.value.entry.map((e) => e.resource) : [];
 * const due = resources.find((r): r is FhirObservation => r.resourceType === 'Observation' && r.id === 'plan-1-s2-due');
 * due?.valueDateTime; // '2026-04-02'
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
 * Any resource this entry writes.
 *
 * @example
 * ```ts
 * import { standardProtocol } from 'smp-protocol';
 * import { toFhir, type FhirResource } from 'smp-protocol/fhir';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const bundle = plan.ok ? toFhir(plan.value, { protocol: standardProtocol, asOf: '2026-03-24T09:00:00Z', patient: { reference: 'Patient/123' } }) : plan;
 * const resources = bundle.ok ? bundle.value.entry.map((e) => e.resource) : [];
 * const appointments = resources.filter((r: FhirResource) => r.resourceType === 'Appointment');
 * appointments.length; // 2
 * ```
 */
export type FhirResource = FhirPlanDefinition | FhirCarePlan | FhirServiceRequest | FhirAppointment | FhirProcedure | FhirObservation;

/**
 * A FHIR Bundle of the resources above (`collection`, or `transaction` with a PUT per entry).
 *
 * @example
 * ```ts
 * import { standardProtocol } from 'smp-protocol';
 * import { toFhir, type FhirBundle } from 'smp-protocol/fhir';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const bundle = plan.ok ? toFhir(plan.value, { protocol: standardProtocol, asOf: '2026-03-24T09:00:00Z', patient: { reference: 'Patient/123' } }) : plan;
 * const resources = bundle.ok ? bundle.value.entry.map((e) => e.resource) : [];
 * const b: FhirBundle | undefined = bundle.ok ? bundle.value : undefined;
 * b?.entry.slice(0, 3).map((e) => e.resource.resourceType); // ['PlanDefinition', 'CarePlan', 'ServiceRequest']
 * ```
 */
export interface FhirBundle {
  /** Always `Bundle`. */
  resourceType: 'Bundle';
  /** `collection`, or `transaction` to upsert every resource by id. */
  type: 'collection' | 'transaction';
  /** `asOf`, when given. */
  timestamp?: string;
  /** The resources, in order: PlanDefinition, CarePlan, ServiceRequests, Appointments, Procedures, Observations. Findings are never in the bundle: they are the outcome's. */
  entry: { resource: FhirResource; request?: { method: 'PUT'; url: string } }[];
}
