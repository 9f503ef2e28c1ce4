/**
 * A plan as a FHIR R4 Bundle: its protocol (PlanDefinition), the course (CarePlan), each session
 * (ServiceRequest), each booking (Appointment), each completed session (Procedure) and the
 * forecast dates (Observations coded with LOINC).
 * @module
 */
import { forecast, type Finding, type Outcome, type Plan, type Protocol, type ProtocolChoice } from 'smp-protocol';
import { exportArguments, exportBoundary, guardedCall, optionFinding, sessionTitle } from '../common/arguments.js';
import { sessionHistories, type Booking, type SessionHistory } from '../common/bookings.js';
import { fullInstant, readInstant } from '../common/instants.js';
import { CLIENT_SYSTEM, PLAN_SYSTEM, canonicalUrl, fhirId, ref } from './names.js';
import { planDefinition } from './plan-definition.js';
import type {
  FhirAppointment,
  FhirBundle,
  FhirCarePlan,
  FhirCodeableConcept,
  FhirObservation,
  FhirProcedure,
  FhirReference,
  FhirResource,
  FhirServiceRequest,
} from './types.js';

/**
 * Options of {@link toFhir}.
 *
 * @example
 * ```ts
 * import { standardProtocol } from 'smp-protocol';
 * import { toFhir, type FhirOptions } from 'smp-protocol/fhir';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const options: FhirOptions = { protocol: standardProtocol, asOf: '2026-03-24T09:00:00Z',
 *   patient: { reference: 'Patient/123' }, transaction: true };
 * const bundle = plan.ok ? toFhir(plan.value, options) : plan;
 * bundle.ok && bundle.value.entry.length; // 16
 * ```
 */
export type FhirOptions = ProtocolChoice & FhirSettings;

/**
 * The bundle's own options, beside the protocol (or `protocols`) the plan follows.
 *
 * @example
 * ```ts
 * import { standardProtocol } from 'smp-protocol';
 * import { toFhir, type FhirSettings } from 'smp-protocol/fhir';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const settings: FhirSettings = { asOf: '2026-03-24T09:00:00Z', transaction: true };
 * const bundle = plan.ok ? toFhir(plan.value, { protocol: standardProtocol, ...settings }) : plan;
 * bundle.ok && bundle.value.type; // 'transaction'
 * ```
 */
export interface FhirSettings {
  /** The moment of the forecast: with it, the bundle holds the forecast Observations. */
  asOf?: string;
  /**
   * The client in your EHR, e.g. `{ reference: 'Patient/123' }`. Default: a logical reference by
   * identifier, `{ type: 'Patient', identifier: { system: 'urn:smp-protocol:client', value: clientId } }`.
   */
  patient?: FhirReference;
  /** Where your PlanDefinitions live (see {@link PlanDefinitionOptions}). */
  canonicalBase?: string;
  /** A `transaction` bundle with a PUT per resource (an idempotent upsert by id) instead of a `collection`. */
  transaction?: boolean;
}

/** LOINC codes of the immunization-forecast dates, reused for SMP sessions. */
const FORECAST_CODES = [
  {
    key: 'earliest',
    field: 'earliest',
    code: '30981-5',
    display: 'Earliest date to give',
    meaning: 'earliest date the session may be booked',
  },
  { key: 'due', field: 'recommended', code: '30980-7', display: 'Date vaccine due', meaning: 'recommended from' },
  { key: 'overdue', field: 'pastDue', code: '59778-1', display: 'Date when overdue for immunization', meaning: 'overdue from' },
  {
    key: 'latest',
    field: 'latest',
    code: '59777-3',
    display: 'Latest date to give immunization',
    meaning: 'latest date before the gap lapses',
  },
] as const;

const STATUS: Record<Plan['status'], FhirCarePlan['status']> = {
  draft: 'draft',
  active: 'active',
  onHold: 'on-hold',
  completed: 'completed',
  closed: 'revoked',
};

function instant(text: string): string {
  return fullInstant(text) ?? text;
}

function sessionCode(protocol: Protocol, plan: Plan, n: number): FhirCodeableConcept {
  const phase = plan.sessions[n - 1]?.phase ?? '';
  return { text: `Scalp micropigmentation session ${n} of ${plan.sessions.length}: ${sessionTitle(protocol, n)} (${phase})` };
}

function appointment(b: Booking, plan: Plan, protocol: Protocol, requestId: string, patient: FhirReference): FhirAppointment {
  const a: FhirAppointment = {
    resourceType: 'Appointment',
    id: fhirId(`${plan.id}-s${b.session}-b${b.index}`),
    status: b.status,
    basedOn: [ref('ServiceRequest', requestId)],
    description: `Scalp micropigmentation: session ${b.session} of ${plan.sessions.length} (${sessionTitle(protocol, b.session)})`,
    start: instant(b.start),
    end: instant(b.end),
    created: instant(b.bookedAt),
    participant: [{ actor: patient, required: 'required', status: 'accepted' }],
  };
  const start = readInstant(b.start)?.ms;
  const end = readInstant(b.end)?.ms;
  if (start !== undefined && end !== undefined && end > start) a.minutesDuration = Math.round((end - start) / 60_000);
  if (b.status === 'cancelled') {
    a.cancelationReason = {
      text: b.closedWithPlan === true ? `The course was closed: ${b.cancelReason ?? ''}`.trim() : (b.cancelReason ?? 'Cancelled'),
    };
  }
  if (b.note !== undefined && b.note !== '') a.comment = b.note;
  return a;
}

function procedure(
  h: SessionHistory,
  plan: Plan,
  protocol: Protocol,
  requestId: string,
  patient: FhirReference,
): FhirProcedure | undefined {
  const done = h.completed;
  if (done === undefined) return undefined;
  const p: FhirProcedure = {
    resourceType: 'Procedure',
    id: fhirId(`${plan.id}-s${h.session}-procedure`),
    basedOn: [ref('ServiceRequest', requestId)],
    status: 'completed',
    code: sessionCode(protocol, plan, h.session),
    subject: patient,
    performedPeriod: { start: instant(done.start), end: instant(done.end) },
  };
  const r = done.record;
  if (r?.zones !== undefined && r.zones.length > 0) p.bodySite = r.zones.map((z) => ({ text: `scalp: ${z}` }));
  const used: FhirCodeableConcept[] = [];
  if (r?.pigment !== undefined) used.push({ text: `pigment: ${r.pigment}` });
  if (r?.needle !== undefined) used.push({ text: `needle: ${r.needle}` });
  if (used.length > 0) p.usedCode = used;
  const notes: string[] = [];
  if (r?.notes !== undefined && r.notes !== '') notes.push(r.notes);
  if (r?.checklist !== undefined && Object.keys(r.checklist).length > 0) {
    notes.push(
      `Checklist: ${Object.entries(r.checklist)
        .map(([k, v]) => `${k} ${v ? 'yes' : 'no'}`)
        .join(', ')}`,
    );
  }
  if (done.note !== undefined && done.note !== '') notes.push(done.note);
  if (notes.length > 0) p.note = notes.map((text) => ({ text }));
  return p;
}

function observations(plan: Plan, protocol: Protocol, asOf: string, patient: FhirReference, findings: Finding[]): FhirObservation[] {
  if (plan.status === 'completed' || plan.status === 'closed') return [];
  const out: FhirObservation[] = [];
  const f = forecast(plan, { protocol, asOf });
  if (!f.ok) {
    findings.push(...f.findings);
    return out;
  }
  findings.push(...f.findings);
  for (const s of f.value.sessions) {
    if (s.state === 'completed') continue;
    for (const c of FORECAST_CODES) {
      const value = s[c.field];
      if (value === undefined) continue;
      out.push({
        resourceType: 'Observation',
        id: fhirId(`${plan.id}-s${s.session}-${c.key}`),
        basedOn: [ref('ServiceRequest', fhirId(`${plan.id}-s${s.session}`))],
        status: s.projected ? 'preliminary' : 'final',
        code: { coding: [{ system: 'http://loinc.org', code: c.code, display: c.display }], text: `Session ${s.session}: ${c.meaning}` },
        subject: patient,
        effectiveDateTime: instant(asOf),
        valueDateTime: value,
      });
    }
  }
  return out;
}

function carePlan(
  plan: Plan,
  protocol: Protocol,
  canonical: string,
  patient: FhirReference,
  histories: readonly SessionHistory[],
): FhirCarePlan {
  const cp: FhirCarePlan = {
    resourceType: 'CarePlan',
    id: fhirId(plan.id),
    identifier: [{ system: PLAN_SYSTEM, value: plan.id }],
    instantiatesCanonical: [canonical],
    status: STATUS[plan.status],
    intent: 'plan',
    title: protocol.name,
    subject: patient,
    created: instant(plan.createdAt),
    activity: histories.map((h) => {
      const activity: FhirCarePlan['activity'][number] = { reference: ref('ServiceRequest', fhirId(`${plan.id}-s${h.session}`)) };
      const outcomes = h.bookings.map((b) => ref('Appointment', fhirId(`${plan.id}-s${h.session}-b${b.index}`)));
      if (h.completed !== undefined) outcomes.push(ref('Procedure', fhirId(`${plan.id}-s${h.session}-procedure`)));
      if (outcomes.length > 0) activity.outcomeReference = outcomes;
      return activity;
    }),
  };
  const starts = plan.sessions.flatMap((s) => {
    const iv = s.completed ?? s.booking;
    return iv === undefined ? [] : [iv.start];
  });
  const first = starts.sort((a, b) => (readInstant(a)?.ms ?? 0) - (readInstant(b)?.ms ?? 0))[0];
  const lastDone = plan.sessions.at(-1)?.completed;
  if (first !== undefined) {
    cp.period =
      plan.status === 'completed' && lastDone !== undefined
        ? { start: instant(first), end: instant(lastDone.end) }
        : { start: instant(first) };
  }
  const notes: string[] = [];
  if (plan.hold !== undefined)
    notes.push(
      `On hold since ${plan.hold.since}: ${plan.hold.reason}${plan.hold.until === undefined ? '' : ` (until ${plan.hold.until})`}`,
    );
  if (plan.closure !== undefined) notes.push(`Closed on ${plan.closure.at}: ${plan.closure.reason}`);
  if (notes.length > 0) cp.note = notes.map((text) => ({ text }));
  return cp;
}

function serviceRequest(h: SessionHistory, plan: Plan, protocol: Protocol, canonical: string, patient: FhirReference): FhirServiceRequest {
  const status: FhirServiceRequest['status'] =
    h.state === 'completed' ? 'completed' : STATUS[plan.status] === 'completed' ? 'active' : STATUS[plan.status];
  return {
    resourceType: 'ServiceRequest',
    id: fhirId(`${plan.id}-s${h.session}`),
    status,
    intent: 'plan',
    instantiatesCanonical: [canonical],
    basedOn: [ref('CarePlan', fhirId(plan.id))],
    code: sessionCode(protocol, plan, h.session),
    subject: patient,
    authoredOn: instant(plan.createdAt),
  };
}

function readPatient(options: FhirOptions, plan: Plan, findings: Finding[]): FhirReference {
  const fallback: FhirReference = { type: 'Patient', identifier: { system: CLIENT_SYSTEM, value: plan.clientId } };
  const p: unknown = options.patient;
  if (p === undefined) return fallback;
  const r = p as { reference?: unknown; identifier?: unknown };
  if (
    typeof p === 'object' &&
    p !== null &&
    (typeof r.reference === 'string' || (typeof r.identifier === 'object' && r.identifier !== null))
  ) {
    return JSON.parse(JSON.stringify(p)) as FhirReference;
  }
  findings.push(optionFinding(['options', 'patient'], 'must be a FHIR Reference with a reference or an identifier; the client id is used'));
  return fallback;
}

function bundle(resources: readonly FhirResource[], transaction: boolean, timestamp: string | undefined): FhirBundle {
  const b: FhirBundle = {
    resourceType: 'Bundle',
    type: transaction ? 'transaction' : 'collection',
    entry: resources.map((resource) =>
      transaction ? { resource, request: { method: 'PUT' as const, url: `${resource.resourceType}/${resource.id}` } } : { resource },
    ),
  };
  if (timestamp !== undefined) b.timestamp = timestamp;
  return b;
}

/**
 * A plan as a FHIR R4 Bundle for the clinic's EHR.
 *
 * - the protocol as a **PlanDefinition** (see {@link toPlanDefinition});
 * - the plan as a **CarePlan**: status draft, active, on-hold (onHold), completed, or revoked
 *   (closed); `instantiatesCanonical` names the PlanDefinition's `url|version`;
 * - each session as a **ServiceRequest** (`basedOn` the CarePlan), the stable link that R4 allows
 *   from an Appointment (`Appointment.basedOn` may only name a ServiceRequest);
 * - each booking as an **Appointment** (booked, fulfilled, cancelled, noshow), `basedOn` its session;
 *   a booking left when the plan was closed is cancelled;
 * - each completed session as a **Procedure** (times, zones, pigment, needle, notes);
 * - with `asOf`, each forecast date of each session not completed as an **Observation** coded with
 *   LOINC: earliest 30981-5, due (recommended) 30980-7, overdue (past due) 59778-1, latest 59777-3.
 *
 * Ids are stable (`<plan id>-s<n>-b<k>`…; characters FHIR does not allow become `-` plus a hash),
 * so a `transaction` bundle of PUTs updates the same resources each time.
 *
 * Never throws: an invalid plan, a missing or mismatched protocol or an invalid `asOf` refuse the
 * call (`ok: false`); an unusable `patient` falls back to the client id with a warning, and the
 * forecast's findings (e.g. `PLAN_ON_HOLD`, information) ride along in `findings`.
 *
 * @param plan - the plan
 * @param options - its protocol, the forecast moment, the patient reference, the bundle type
 * @returns the Bundle with warnings, or the findings that refuse it
 *
 * @example
 * ```ts
 * import { standardProtocol } from 'smp-protocol';
 * import { toFhir } from 'smp-protocol/fhir';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const bundle = plan.ok ? toFhir(plan.value, { protocol: standardProtocol, asOf: '2026-03-24T09:00:00Z' }) : plan;
 * bundle.ok && bundle.value.entry.map((e) => e.resource.resourceType);
 * // ['PlanDefinition', 'CarePlan', 'ServiceRequest', 'ServiceRequest', 'ServiceRequest', 'Appointment', 'Appointment', 'Procedure', 'Observation', …]
 * ```
 */
export function toFhir(plan: Plan, options: FhirOptions): Outcome<FhirBundle> {
  return guardedCall([plan, options] as const, ['plan', 'options'], exportBoundary, (plan, options) => {
    const args = exportArguments(plan, options);
    if (!args.ok) return args;
    const { plan: p, protocol } = args;
    const findings: Finding[] = [];
    const rawAsOf: unknown = options.asOf;
    const asOf = rawAsOf === undefined ? undefined : typeof rawAsOf === 'string' ? fullInstant(rawAsOf) : undefined;
    if (rawAsOf !== undefined && asOf === undefined) {
      return { ok: false, findings: [optionFinding(['options', 'asOf'], 'must be an ISO 8601 instant with an offset', 'error')] };
    }
    const transaction = options.transaction === true;
    const canonicalBase = typeof options.canonicalBase === 'string' ? options.canonicalBase : undefined;
    const pd = planDefinition(protocol, canonicalBase);
    const canonical = `${canonicalUrl(protocol, canonicalBase)}|${protocol.version}`;
    const patient = readPatient(options, p, findings);
    const histories = sessionHistories(p, protocol);
    const requests = histories.map((h) => serviceRequest(h, p, protocol, canonical, patient));
    const appointments = histories.flatMap((h) =>
      h.bookings.map((b) => appointment(b, p, protocol, fhirId(`${p.id}-s${h.session}`), patient)),
    );
    const procedures = histories.flatMap((h) => procedure(h, p, protocol, fhirId(`${p.id}-s${h.session}`), patient) ?? []);
    const forecasts = asOf === undefined ? [] : observations(p, protocol, asOf, patient, findings);
    const resources: FhirResource[] = [
      pd,
      carePlan(p, protocol, canonical, patient, histories),
      ...requests,
      ...appointments,
      ...procedures,
      ...forecasts,
    ];
    return { ok: true, value: bundle(resources, transaction, asOf), findings };
  });
}
