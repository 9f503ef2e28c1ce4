// smp-protocol/fhir: every resource checked by a FHIR R4 validator (Medplum's validateResource
// over HL7's R4 definitions, plus required value-set bindings), then by its meaning.
import type * as R4 from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineProtocol, protocols, type Plan } from 'smp-protocol';
import {
  toFhir,
  toPlanDefinition,
  type FhirAppointment,
  type FhirBundle,
  type FhirCarePlan,
  type FhirObservation,
  type FhirPlanDefinition,
  type FhirProcedure,
  type FhirResource,
  type FhirServiceRequest,
} from 'smp-protocol/fhir';
import { mustFail, mustOk } from '../support/plans.js';
import { at, demoPlan, fresh, play, protocol } from './demo-plan.js';
import { FHIR_ID, FHIR_LOAD_TIMEOUT, fhirProblems, loadFhirDefinitions } from './fhir-validator.js';

// HL7's definitions load once, before any test, with their own timeout.
beforeAll(loadFhirDefinitions, FHIR_LOAD_TIMEOUT);

function resources<T extends FhirResource['resourceType']>(b: FhirBundle, type: T): Extract<FhirResource, { resourceType: T }>[] {
  return b.entry.map((e) => e.resource).filter((r): r is Extract<FhirResource, { resourceType: T }> => r.resourceType === type);
}
function one<T extends FhirResource['resourceType']>(b: FhirBundle, type: T): Extract<FhirResource, { resourceType: T }> {
  const [r, ...rest] = resources(b, type);
  if (r === undefined || rest.length > 0) expect.fail(`expected one ${type}`);
  return r;
}
function expectValid(resource: { resourceType: string }): void {
  expect(fhirProblems(resource)).toEqual([]);
}

const asOf = at('2026-03-24T09:00');
const afterSession1 = (): Plan =>
  play(fresh(), [
    { type: 'sessionBooked', at: at('2026-03-02T09:30'), session: 1, start: at('2026-03-23T10:00') },
    {
      type: 'sessionCompleted',
      at: at('2026-03-23T14:10'),
      session: 1,
      record: {
        zones: ['hairline', 'temples'],
        pigment: 'Carbon 3',
        needle: '3RL 0.18',
        notes: 'Light base; client happy',
        checklist: { hairlineAgreed: true, photos: false },
      },
    },
  ]);

describe('the validator is not vacuous', () => {
  it('finds a wrong status nested in a bundle, a broken invariant and a wrong reference target', () => {
    const b = mustOk(toFhir(demoPlan(), { protocol }));
    const broken = JSON.parse(JSON.stringify(b)) as { entry: { resource: Record<string, unknown> }[] };
    const appointment = broken.entry.find((e) => e.resource.resourceType === 'Appointment')?.resource;
    if (appointment === undefined) expect.fail('no Appointment');
    appointment.status = 'done';
    appointment.basedOn = [{ reference: 'CarePlan/plan-0042' }];
    delete appointment.end;
    const problems = fhirProblems(broken as never).join('\n');
    expect(problems).toMatch(/status: "done" is not in http:\/\/hl7\.org\/fhir\/ValueSet\/appointmentstatus/);
    expect(problems).toMatch(/app-2/);
    expect(problems).toMatch(/Invalid reference/);
  });
});

describe('toFhir: the demo course', () => {
  const bundle = mustOk(toFhir(demoPlan(), { protocol, asOf: at('2026-04-02T13:10') }));

  it('passes the FHIR R4 validator as a bundle and resource by resource', () => {
    expectValid(bundle);
    for (const { resource } of bundle.entry) expectValid(resource);
    expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual([
      'PlanDefinition',
      'CarePlan',
      'ServiceRequest',
      'ServiceRequest',
      'ServiceRequest',
      'Appointment',
      'Appointment',
      'Appointment',
      'Procedure',
      'Procedure',
      'Observation',
      'Observation',
      'Observation',
      'Observation',
    ]);
  });

  it('gives every resource a valid, unique, stable id', () => {
    const ids = bundle.entry.map((e) => `${e.resource.resourceType}/${e.resource.id}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of bundle.entry) expect(e.resource.id).toMatch(FHIR_ID);
    expect(mustOk(toFhir(demoPlan(), { protocol, asOf: at('2026-04-02T13:10') }))).toEqual(bundle);
  });

  it('links CarePlan → ServiceRequest per session → Appointment and Procedure, and instantiates the PlanDefinition', () => {
    const pd = one(bundle, 'PlanDefinition');
    const cp = one(bundle, 'CarePlan');
    expect(cp.instantiatesCanonical).toEqual([`${pd.url}|${pd.version}`]);
    expect(cp.identifier).toEqual([{ system: 'urn:smp-protocol:plan', value: 'plan-0042' }]);
    expect(cp.status).toBe('active');
    const requests = resources(bundle, 'ServiceRequest');
    expect(cp.activity.map((a) => a.reference.reference)).toEqual(requests.map((r) => `ServiceRequest/${r.id}`));
    for (const r of requests) {
      expect(r.basedOn).toEqual([{ reference: `CarePlan/${cp.id}` }]);
      expect(r.instantiatesCanonical).toEqual(cp.instantiatesCanonical);
    }
    expect(requests.map((r) => r.status)).toEqual(['completed', 'completed', 'active']);
    const byRequest = (type: 'Appointment' | 'Procedure', n: number): string[] =>
      resources(bundle, type)
        .filter((x) => x.basedOn[0]?.reference === `ServiceRequest/plan-0042-s${n}`)
        .map((x) => `${x.resourceType}/${x.id}`);
    for (const [i, a] of cp.activity.entries()) {
      expect(a.outcomeReference?.map((o) => o.reference)).toEqual([...byRequest('Appointment', i + 1), ...byRequest('Procedure', i + 1)]);
    }
    expect(cp.period).toEqual({ start: '2026-03-23T10:00:00+00:00' });
  });

  it('writes bookings as Appointments: fulfilled once completed, booked while ahead', () => {
    const appointments = resources(bundle, 'Appointment');
    expect(appointments.map((a) => [a.id, a.status])).toEqual([
      ['plan-0042-s1-b1', 'fulfilled'],
      ['plan-0042-s2-b1', 'fulfilled'],
      ['plan-0042-s3-b1', 'booked'],
    ]);
    const s2 = appointments[1];
    expect(s2).toMatchObject({
      start: '2026-04-02T10:00:00+01:00',
      end: '2026-04-02T13:00:00+01:00',
      minutesDuration: 180,
      created: '2026-03-23T14:25:00+00:00',
      description: 'Scalp micropigmentation: session 2 of 3 (Density)',
      participant: [
        {
          actor: { type: 'Patient', identifier: { system: 'urn:smp-protocol:client', value: 'client-0042' } },
          required: 'required',
          status: 'accepted',
        },
      ],
    });
  });
});

describe('toFhir: statuses', () => {
  const booked = play(fresh(), [{ type: 'sessionBooked', at: at('2026-03-02T09:30'), session: 1, start: at('2026-03-23T10:00') }]);

  it('maps plan statuses to CarePlan statuses: draft, active, on-hold, completed, revoked', () => {
    const cases: [Plan, FhirCarePlan['status']][] = [
      [fresh(), 'draft'],
      [booked, 'active'],
      [play(booked, [{ type: 'planPaused', at: at('2026-03-03T09:00'), reason: 'adverse reaction' }]), 'on-hold'],
      [play(demoPlan(), [{ type: 'sessionCompleted', at: at('2026-04-16T13:30'), session: 3 }]), 'completed'],
      [play(booked, [{ type: 'planClosed', at: at('2026-03-05T09:00'), reason: 'client moved abroad' }]), 'revoked'],
    ];
    for (const [plan, status] of cases) {
      const b = mustOk(toFhir(plan, { protocol, asOf }));
      expectValid(b);
      expect(one(b, 'CarePlan').status).toBe(status);
    }
  });

  it('writes every booking a session had: cancelled, no-show, rebooked; and a booking the closure left is cancelled', () => {
    const history = play(booked, [
      { type: 'sessionCancelled', at: at('2026-03-10T09:00'), session: 1, reason: 'flu' },
      { type: 'sessionBooked', at: at('2026-03-11T09:00'), session: 1, start: at('2026-03-24T10:00'), note: 'Prefers mornings' },
      { type: 'sessionMissed', at: at('2026-03-24T11:00'), session: 1 },
      { type: 'sessionBooked', at: at('2026-03-24T12:00'), session: 1, start: at('2026-03-31T10:00') },
      { type: 'planClosed', at: at('2026-03-25T09:00'), reason: 'client moved abroad' },
    ]);
    const b = mustOk(toFhir(history, { protocol }));
    expectValid(b);
    const appointments = resources(b, 'Appointment');
    expect(
      appointments.map((a): [string, FhirAppointment['status'], string | undefined] => [a.id, a.status, a.cancelationReason?.text]),
    ).toEqual([
      ['plan-0042-s1-b1', 'cancelled', 'flu'],
      ['plan-0042-s1-b2', 'noshow', undefined],
      ['plan-0042-s1-b3', 'cancelled', 'The course was closed: client moved abroad'],
    ]);
    expect(appointments[1]?.comment).toBe('Prefers mornings');
    expect(appointments[1]?.start).toBe('2026-03-24T10:00:00+00:00');
    expect(one(b, 'CarePlan').note).toEqual([{ text: `Closed on ${at('2026-03-25T09:00')}: client moved abroad` }]);
    expect(resources(b, 'ServiceRequest').map((r) => r.status)).toEqual(['revoked', 'revoked', 'revoked']);
  });

  it('writes an extra session like the others, and validates', () => {
    const extra = play(demoPlan(), [
      { type: 'sessionCompleted', at: at('2026-04-16T13:30'), session: 3 },
      { type: 'sessionAdded', at: at('2026-04-16T13:40'), reason: 'pigment healed light' },
      { type: 'sessionBooked', at: at('2026-04-16T13:45'), session: 4, start: at('2026-05-07T10:00') },
    ]);
    const b = mustOk(toFhir(extra, { protocol, asOf: at('2026-04-17T09:00') }));
    expectValid(b);
    expect(one(b, 'CarePlan').activity).toHaveLength(4);
    expect(resources(b, 'ServiceRequest')[3]?.code.text).toBe('Scalp micropigmentation session 4 of 4: Extra session (extra)');
    expect(resources(b, 'Appointment').at(-1)).toMatchObject({ id: 'plan-0042-s4-b1', status: 'booked', minutesDuration: 120 });
  });

  it('writes a completed session as a Procedure with its treatment record', () => {
    const b = mustOk(toFhir(afterSession1(), { protocol }));
    expectValid(b);
    const p: FhirProcedure = one(b, 'Procedure');
    expect(p).toMatchObject({
      status: 'completed',
      basedOn: [{ reference: 'ServiceRequest/plan-0042-s1' }],
      performedPeriod: { start: '2026-03-23T10:00:00+00:00', end: '2026-03-23T14:00:00+00:00' },
      bodySite: [{ text: 'scalp: hairline' }, { text: 'scalp: temples' }],
      usedCode: [{ text: 'pigment: Carbon 3' }, { text: 'needle: 3RL 0.18' }],
      note: [{ text: 'Light base; client happy' }, { text: 'Checklist: hairlineAgreed yes, photos no' }],
    });
  });
});

describe('toFhir: the forecast as LOINC-coded Observations', () => {
  it('writes earliest (30981-5), due (30980-7), overdue (59778-1) and latest (59777-3) for each open session', () => {
    const b = mustOk(toFhir(afterSession1(), { protocol, asOf }));
    expectValid(b);
    expect(b.timestamp).toBe('2026-03-24T09:00:00+00:00');
    const obs = resources(b, 'Observation');
    const rows = obs.map((o: FhirObservation) => [o.basedOn[0]?.reference, o.code.coding?.[0]?.code, o.valueDateTime, o.status]);
    expect(rows.slice(0, 4)).toEqual([
      ['ServiceRequest/plan-0042-s2', '30981-5', '2026-03-30', 'final'],
      ['ServiceRequest/plan-0042-s2', '30980-7', '2026-04-02', 'final'],
      ['ServiceRequest/plan-0042-s2', '59778-1', '2026-04-07', 'final'],
      ['ServiceRequest/plan-0042-s2', '59777-3', '2026-04-22', 'final'],
    ]);
    // Session 3 rests on session 2's projected date.
    expect(rows.slice(4).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['ServiceRequest/plan-0042-s3', '30981-5', 'preliminary'],
      ['ServiceRequest/plan-0042-s3', '30980-7', 'preliminary'],
      ['ServiceRequest/plan-0042-s3', '59778-1', 'preliminary'],
      ['ServiceRequest/plan-0042-s3', '59777-3', 'preliminary'],
    ]);
    for (const o of obs) {
      expect(o.code.coding?.[0]?.system).toBe('http://loinc.org');
      expect(o.effectiveDateTime).toBe('2026-03-24T09:00:00+00:00');
    }
  });

  it('writes no forecast without asOf, nor for a completed or closed plan', () => {
    expect(resources(mustOk(toFhir(afterSession1(), { protocol })), 'Observation')).toHaveLength(0);
    const closed = play(afterSession1(), [{ type: 'planClosed', at: at('2026-03-25T09:00'), reason: 'two sessions were enough' }]);
    expect(resources(mustOk(toFhir(closed, { protocol, asOf })), 'Observation')).toHaveLength(0);
  });

  it('reports a plan on hold as information in the Outcome, not inside the bundle', () => {
    const held = play(afterSession1(), [{ type: 'planPaused', at: at('2026-03-24T08:00'), reason: 'adverse reaction' }]);
    const out = toFhir(held, { protocol, asOf });
    const b = mustOk(out);
    expectValid(b);
    expect(out.findings.map((f) => [f.severity, f.code])).toEqual([['info', 'PLAN_ON_HOLD']]);
    expect(b.entry.map((e) => e.resource.resourceType)).not.toContain('OperationOutcome');
  });
});

describe('toPlanDefinition: the protocol', () => {
  const pd = mustOk(toPlanDefinition(protocol));

  it('passes the validator', () => {
    expectValid(pd);
    for (const p of Object.values(protocols)) expectValid(mustOk(toPlanDefinition(p)));
  });

  it('writes each gap as relatedAction.offsetRange from minimum to maximum days, all five counts in the extension', () => {
    expect(pd).toMatchObject({
      id: 'standard-v1',
      url: 'urn:smp-protocol:protocol:standard',
      version: '1',
      name: 'Standard',
      status: 'active',
    });
    const gaps = pd.action.map((a) =>
      a.relatedAction?.map((r) => [
        a.id,
        r.actionId,
        r.relationship,
        r.offsetRange.low?.value,
        r.offsetRange.high?.value,
        r.offsetRange.low?.code,
      ]),
    );
    expect(gaps).toEqual([
      undefined,
      [['session-2', 'session-1', 'after-start', 7, 30, 'd']],
      [['session-3', 'session-2', 'after-start', 7, 56, 'd']],
      [['extra', 'session-3', 'after-start', 7, 56, 'd']],
    ]);
    const counts = pd.action[1]?.relatedAction?.[0]?.extension?.[0];
    expect(counts).toEqual({
      url: 'urn:smp-protocol:extension:gap',
      extension: [
        { url: 'absoluteMinimumDays', valueInteger: 5 },
        { url: 'minimumDays', valueInteger: 7 },
        { url: 'earliestRecommendedDays', valueInteger: 10 },
        { url: 'latestRecommendedDays', valueInteger: 14 },
        { url: 'maximumDays', valueInteger: 30 },
      ],
    });
    expect(pd.action.map((a) => [a.id, a.timingTiming?.repeat.duration, a.requiredBehavior])).toEqual([
      ['session-1', 240, 'must'],
      ['session-2', 180, 'must'],
      ['session-3', 180, 'must'],
      ['extra', 120, 'could'],
    ]);
  });

  it('names anchors other than the previous session, and leaves extras out when none are allowed', () => {
    const custom = mustOk(
      defineProtocol({
        ...protocol,
        id: 'custom_anchor',
        extraSessions: { ...protocol.extraSessions, max: 0 },
        sessions: protocol.sessions.map((s) =>
          s.number === 3
            ? {
                ...s,
                gaps: [
                  ...s.gaps,
                  {
                    from: { session: 1 },
                    absoluteMinimumDays: 20,
                    minimumDays: 21,
                    earliestRecommendedDays: 28,
                    latestRecommendedDays: 42,
                  },
                ],
              }
            : s,
        ),
      }),
    );
    const def = mustOk(toPlanDefinition(custom, { canonicalBase: 'https://fhir.clinic.example/' }));
    expectValid(def);
    if (def.resourceType !== 'PlanDefinition') expect.fail('valid protocol');
    expect(def.url).toBe(`https://fhir.clinic.example/PlanDefinition/custom-anchor-v1-${def.id.slice(-8)}`);
    expect(def.name).toBe('CustomAnchor');
    expect(def.action.map((a) => a.id)).toEqual(['session-1', 'session-2', 'session-3']);
    expect(def.action[2]?.relatedAction?.map((r) => [r.actionId, r.offsetRange.low?.value, r.offsetRange.high])).toEqual([
      ['session-2', 7, { value: 56, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' }],
      ['session-1', 21, undefined],
    ]);
  });
});

describe('toFhir: options, ids and types', () => {
  it('writes a transaction bundle with a PUT per resource', () => {
    const b = mustOk(
      toFhir(demoPlan(), { protocol, asOf: at('2026-04-02T13:10'), transaction: true, patient: { reference: 'Patient/123' } }),
    );
    expectValid(b);
    expect(b.type).toBe('transaction');
    for (const e of b.entry) expect(e.request).toEqual({ method: 'PUT', url: `${e.resource.resourceType}/${e.resource.id}` });
    expect(one(b, 'CarePlan').subject).toEqual({ reference: 'Patient/123' });
  });

  it('turns ids FHIR does not allow into valid, distinct, stable ones and keeps the original as an identifier', () => {
    const a = mustOk(toFhir(fresh('plan_0042/α'), { protocol }));
    const b = mustOk(toFhir(fresh('plan_0042/β'), { protocol }));
    expectValid(a);
    const idA = one(a, 'CarePlan').id;
    expect(idA).toMatch(FHIR_ID);
    expect(idA).not.toBe(one(b, 'CarePlan').id);
    expect(idA).toBe(one(mustOk(toFhir(fresh('plan_0042/α'), { protocol })), 'CarePlan').id);
    expect(one(a, 'CarePlan').identifier[0]?.value).toBe('plan_0042/α');
    const long = mustOk(toFhir(fresh('p'.repeat(200)), { protocol }));
    expectValid(long);
  });

  it('refuses input it cannot export (ok: false, no bundle), and never throws', () => {
    for (const [plan, options, code] of [
      [{ not: 'a plan' }, { protocol }, 'INVALID_INPUT'],
      [demoPlan(), { protocol: { ...protocol, version: 99 } }, 'PROTOCOL_MISMATCH'],
      [demoPlan(), {}, 'INVALID_INPUT'],
      [null, null, 'INVALID_INPUT'],
      [demoPlan(), { protocol, asOf: 'tomorrow' }, 'INVALID_INPUT'],
    ] as const) {
      const out = toFhir(plan as never, options as never);
      expect(out.ok).toBe(false);
      expect(out.findings.map((f) => f.code)).toContain(code);
      expect(out.findings.every((f) => f.severity === 'error')).toBe(true);
    }
    expect(mustFail(toPlanDefinition({ id: '' } as never)).length).toBeGreaterThan(0);
    const warned = toFhir(demoPlan(), { protocol, patient: 'Patient/1' as never });
    expectValid(mustOk(warned));
    expect(warned.findings.map((f) => [f.severity, f.code, f.path])).toEqual([['warning', 'INVALID_INPUT', ['options', 'patient']]]);
  });

  it('returns values assignable to the @types/fhir R4 types', () => {
    // Checked by the compiler (npm run typecheck): these assignments fail to compile otherwise.
    const bundle: R4.Bundle = mustOk(toFhir(demoPlan(), { protocol, asOf }));
    const pd: R4.PlanDefinition | R4.OperationOutcome = mustOk(toPlanDefinition(protocol));
    const typed: [FhirPlanDefinition, FhirCarePlan, FhirServiceRequest, FhirAppointment, FhirProcedure, FhirObservation] | undefined =
      undefined;
    const asR4: [R4.PlanDefinition, R4.CarePlan, R4.ServiceRequest, R4.Appointment, R4.Procedure, R4.Observation] | undefined = typed;
    expect(bundle.resourceType).toBe('Bundle');
    expect(pd.resourceType).toBe('PlanDefinition');
    expect(asR4).toBeUndefined();
  });
});
