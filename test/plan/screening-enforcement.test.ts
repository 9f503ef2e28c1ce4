/**
 * A plan created with a screening enforces it: ineligible refuses the plan, a dated deferral
 * refuses booking session 1 before `earliestStart`, undated deferrals and clearances are warnings,
 * and the forecast's first date respects the screening.
 */
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  createPlan,
  defineProtocol,
  forecast,
  formatFinding,
  parsePlan,
  replay,
  screen,
  standardProtocol,
  type CreatePlanInput,
  type Plan,
  type Protocol,
  type Screening,
} from 'smp-protocol';
import { applyAll, codes, mustFail, mustOk } from '../support/plans.js';

const protocol = standardProtocol;
const ZONE = 'Europe/London';
const SCREENED_AT = '2026-01-15T10:00:00Z';
const ADULT = '1990-05-14';

function screening(intake: Record<string, unknown>, p: Protocol = protocol): Screening {
  return mustOk(screen({ dateOfBirth: ADULT, ...intake }, { protocol: p, asOf: SCREENED_AT, timeZone: ZONE }));
}

function planWith(s: Screening | undefined, extra: Partial<CreatePlanInput> = {}): Plan {
  const input: CreatePlanInput = { id: 'plan-s', clientId: 'client-s', protocol, timeZone: ZONE, createdAt: SCREENED_AT, ...extra };
  if (s !== undefined) input.screening = s;
  return mustOk(createPlan(input));
}

/** Isotretinoin until 2026-03-01 (2025-08-31 + 6 months). */
const isotretinoin = (): Screening => screening({ isotretinoin: { lastDose: '2025-08-31' } });

const book1 = (start: string, id = 'b1', at = '2026-01-15T11:00:00Z') => ({ id, type: 'sessionBooked', at, session: 1, start }) as const;

describe('createPlan with a screening', () => {
  it('refuses an ineligible screening: SCREENING_INELIGIBLE at path screening, with the reason and the condition', () => {
    const strict = mustOk(
      defineProtocol({
        ...JSON.parse(JSON.stringify(protocol)),
        id: 'no-keloid',
        screening: {
          ...protocol.screening,
          conditions: {
            ...protocol.screening?.conditions,
            keloidHistory: { outcome: 'ineligible', reason: 'we do not treat keloid-prone skin' },
          },
        },
      }),
    );
    const s = screening({ keloidHistory: true, pregnant: true }, strict);
    expect(s.outcome).toBe('ineligible');
    const f = mustFail(createPlan({ id: 'p', clientId: 'c', protocol: strict, timeZone: ZONE, createdAt: SCREENED_AT, screening: s }));
    expect(f).toEqual([
      {
        code: 'SCREENING_INELIGIBLE',
        severity: 'error',
        message: 'The client is not eligible for this treatment: we do not treat keloid-prone skin.',
        path: ['screening'],
        params: { reason: 'we do not treat keloid-prone skin', condition: 'keloidHistory' },
      },
    ]);
    // The condition lets another locale render the reason without the clinic's English text.
    const [refusal] = f;
    if (refusal === undefined) throw new Error('unreachable: one finding above');
    expect(formatFinding(refusal, 'es')).toBe('El cliente no es apto para este tratamiento: antecedentes de cicatrices queloides.');
  });

  it('refuses a screening given as plain JSON with outcome ineligible, whatever its findings', () => {
    const f = mustFail(
      createPlan({
        id: 'p',
        clientId: 'c',
        protocol,
        timeZone: ZONE,
        createdAt: SCREENED_AT,
        screening: { outcome: 'ineligible', findings: [] },
      }),
    );
    expect(f).toMatchObject([
      {
        code: 'SCREENING_INELIGIBLE',
        severity: 'error',
        path: ['screening'],
        params: { reason: 'the screening found the client ineligible' },
      },
    ]);
  });

  it('keeps what it needs of the screening: outcome, earliestStart and each reason', () => {
    const s = screening({ isotretinoin: { lastDose: '2025-08-31' }, pregnant: true, anticoagulants: true });
    expect(planWith(s).screening).toEqual({
      outcome: 'deferred',
      earliestStart: '2026-03-01',
      reasons: [
        { condition: 'isotretinoin', outcome: 'deferred', until: '2026-03-01' },
        { condition: 'pregnant', outcome: 'deferred' },
        { condition: 'anticoagulants', outcome: 'needsClearance' },
      ],
    });
  });

  it('refuses a malformed screening with a path', () => {
    const f = mustFail(
      createPlan({
        id: 'p',
        clientId: 'c',
        protocol,
        timeZone: ZONE,
        createdAt: SCREENED_AT,
        screening: { outcome: 'deferred', earliestStart: '2026-02-30', findings: [] },
      }),
    );
    expect(f).toMatchObject([{ code: 'INVALID_INPUT', path: ['screening', 'earliestStart'] }]);
    const g = mustFail(
      createPlan({
        id: 'p',
        clientId: 'c',
        protocol,
        timeZone: ZONE,
        createdAt: SCREENED_AT,
        screening: { outcome: 'maybe', findings: [] } as never,
      }),
    );
    expect(g).toMatchObject([{ code: 'INVALID_INPUT', path: ['screening', 'outcome'] }]);
  });

  it('an eligible screening changes nothing', () => {
    const plan = planWith(screening({}));
    expect(plan.screening).toEqual({ outcome: 'eligible', reasons: [] });
    const out = applyEvent(plan, book1('2026-01-20T10:00:00Z'), { protocol });
    expect(out.ok).toBe(true);
    expect(out.findings).toEqual([]);
  });
});

describe('a dated deferral', () => {
  it('refuses booking session 1 the day before earliestStart: SCREENING_DEFERRED (error)', () => {
    const f = mustFail(applyEvent(planWith(isotretinoin()), book1('2026-02-28T10:00:00Z'), { protocol }));
    expect(f).toEqual([
      {
        code: 'SCREENING_DEFERRED',
        severity: 'error',
        session: 1,
        message: 'Session 1 cannot be on 2026-02-28: treatment is deferred until 2026-03-01 (recent isotretinoin).',
        params: { session: 1, date: '2026-02-28', until: '2026-03-01', condition: 'isotretinoin', reason: 'recent isotretinoin' },
      },
    ]);
  });

  it('refuses the last minute of the day before, accepts the first minute of earliestStart (local dates in the plan zone)', () => {
    const plan = planWith(isotretinoin());
    expect(codes(mustFail(applyEvent(plan, book1('2026-02-28T23:59:00Z'), { protocol })))).toEqual(['SCREENING_DEFERRED']);
    const out = applyEvent(plan, book1('2026-03-01T00:00:00Z'), { protocol });
    expect(out.ok).toBe(true);
    expect(out.findings).toEqual([]);
  });

  it('accepts session 1 on earliestStart and after it, with no finding', () => {
    for (const start of ['2026-03-01T10:00:00Z', '2026-03-02T10:00:00Z', '2026-06-01T09:00:00+01:00']) {
      const out = applyEvent(planWith(isotretinoin()), book1(start), { protocol });
      expect(out.ok).toBe(true);
      expect(out.findings).toEqual([]);
    }
  });

  it("judges the booking's local date in the plan's zone", () => {
    // 2026-02-28T23:30Z is 1 March 00:30 in Berlin: allowed there, refused in London.
    const berlin = planWith(isotretinoin(), { timeZone: 'Europe/Berlin' });
    expect(applyEvent(berlin, book1('2026-02-28T23:30:00Z'), { protocol }).ok).toBe(true);
    expect(applyEvent(planWith(isotretinoin()), book1('2026-02-28T23:30:00Z'), { protocol }).ok).toBe(false);
  });

  it('refuses moving session 1 before earliestStart, accepts moving it within the allowed dates', () => {
    const plan = applyAll(planWith(isotretinoin()), [book1('2026-03-05T10:00:00Z')]);
    const early = mustFail(
      applyEvent(
        plan,
        { id: 'r1', type: 'sessionRescheduled', at: '2026-01-16T09:00:00Z', session: 1, start: '2026-02-20T10:00:00Z' },
        { protocol },
      ),
    );
    expect(early).toMatchObject([{ code: 'SCREENING_DEFERRED', severity: 'error', params: { date: '2026-02-20', until: '2026-03-01' } }]);
    const later = applyEvent(
      plan,
      { id: 'r1', type: 'sessionRescheduled', at: '2026-01-16T09:00:00Z', session: 1, start: '2026-03-01T10:00:00Z' },
      { protocol },
    );
    expect(later.ok).toBe(true);
  });

  it('records session 1 completed before earliestStart (a fact) with a SCREENING_DEFERRED warning', () => {
    const out = applyEvent(
      planWith(isotretinoin()),
      { id: 'c1', type: 'sessionCompleted', at: '2026-02-20T15:00:00Z', session: 1, start: '2026-02-20T10:00:00Z' },
      { protocol },
    );
    const plan = mustOk(out);
    expect(plan.sessions[0]?.state).toBe('completed');
    expect(out.findings).toMatchObject([
      { code: 'SCREENING_DEFERRED', severity: 'warning', session: 1, params: { date: '2026-02-20', until: '2026-03-01' } },
    ]);
  });

  it('takes the latest of several dated waits, names the dated conditions, and warns about the undated ones', () => {
    const s = screening({ isotretinoin: { lastDose: '2025-08-31' }, laserRemoval: { date: '2026-01-01' }, pregnant: true });
    expect(s.earliestStart).toBe('2026-04-01');
    const refused = mustFail(applyEvent(planWith(s), book1('2026-03-31T10:00:00Z'), { protocol }));
    expect(refused).toMatchObject([
      { code: 'SCREENING_DEFERRED', severity: 'error', params: { until: '2026-04-01', condition: 'isotretinoin, laserRemoval' } },
    ]);
    expect(refused[0]?.message).toBe(
      'Session 1 cannot be on 2026-03-31: treatment is deferred until 2026-04-01 (recent isotretinoin; recent laser removal on the area).',
    );
    const out = applyEvent(planWith(s), book1('2026-04-01T10:00:00+01:00'), { protocol });
    expect(out.ok).toBe(true);
    expect(out.findings).toMatchObject([{ code: 'SCREENING_DEFERRED', severity: 'warning', params: { condition: 'pregnant' } }]);
  });

  it('does not concern later sessions', () => {
    const plan = applyAll(planWith(isotretinoin()), [
      book1('2026-03-02T10:00:00Z'),
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-02T14:00:00Z', session: 1 },
    ]);
    const out = applyEvent(
      plan,
      { id: 'b2', type: 'sessionBooked', at: '2026-03-02T15:00:00Z', session: 2, start: '2026-03-12T10:00:00Z' },
      { protocol },
    );
    expect(out.ok).toBe(true);
    expect(out.findings).toEqual([]);
  });
});

describe('undated deferrals and clearances are warnings', () => {
  it('pregnancy: booking session 1 accepted with a SCREENING_DEFERRED warning', () => {
    const out = applyEvent(planWith(screening({ pregnant: true })), book1('2026-01-20T10:00:00Z'), { protocol });
    expect(out.ok).toBe(true);
    expect(out.findings).toEqual([
      {
        code: 'SCREENING_DEFERRED',
        severity: 'warning',
        session: 1,
        message: 'Treatment is deferred: pregnancy.',
        params: { session: 1, condition: 'pregnant', reason: 'pregnancy' },
      },
    ]);
  });

  it('needsClearance: booking session 1 accepted with a SCREENING_CLEARANCE_REQUIRED warning per reason', () => {
    const out = applyEvent(planWith(screening({ anticoagulants: true, epilepsy: true })), book1('2026-01-20T10:00:00Z'), { protocol });
    expect(out.ok).toBe(true);
    expect(out.findings).toEqual([
      {
        code: 'SCREENING_CLEARANCE_REQUIRED',
        severity: 'warning',
        session: 1,
        message: "A doctor's clearance is required before treatment: prescribed anticoagulants.",
        params: { session: 1, condition: 'anticoagulants', reason: 'prescribed anticoagulants' },
      },
      {
        code: 'SCREENING_CLEARANCE_REQUIRED',
        severity: 'warning',
        session: 1,
        message: "A doctor's clearance is required before treatment: epilepsy.",
        params: { session: 1, condition: 'epilepsy', reason: 'epilepsy' },
      },
    ]);
  });

  it('chemotherapy: refused during the wait; after it, accepted with the clearance warning', () => {
    const s = screening({ chemotherapy: { lastTreatment: '2025-10-15' } });
    expect(s).toMatchObject({ outcome: 'deferred', earliestStart: '2026-04-15' });
    const plan = planWith(s);
    expect(codes(mustFail(applyEvent(plan, book1('2026-04-14T10:00:00+01:00'), { protocol })))).toEqual(['SCREENING_DEFERRED']);
    const out = applyEvent(plan, book1('2026-04-15T10:00:00+01:00'), { protocol });
    expect(out.ok).toBe(true);
    expect(out.findings.map((f) => [f.code, f.severity, f.params?.condition])).toEqual([
      ['SCREENING_CLEARANCE_REQUIRED', 'warning', 'chemotherapy'],
    ]);
  });

  it('warns again when session 1 is completed', () => {
    const plan = applyAll(planWith(screening({ heartCondition: true })), [book1('2026-01-20T10:00:00Z')]);
    const out = applyEvent(plan, { id: 'c1', type: 'sessionCompleted', at: '2026-01-20T14:00:00Z', session: 1 }, { protocol });
    expect(out.findings.map((f) => [f.code, f.severity])).toEqual([['SCREENING_CLEARANCE_REQUIRED', 'warning']]);
  });
});

describe("the forecast's session 1", () => {
  it('earliest = earliestStart while asOf is before it (due notYet)', () => {
    const f = mustOk(forecast(planWith(isotretinoin()), { protocol, asOf: SCREENED_AT }));
    expect(f.next).toEqual({
      session: 1,
      state: 'pending',
      earliest: '2026-03-01',
      recommended: '2026-03-01',
      projected: false,
      due: 'notYet',
    });
  });

  it("earliest = asOf's local date once earliestStart has passed (the maximum of the two)", () => {
    const plan = planWith(isotretinoin());
    expect(mustOk(forecast(plan, { protocol, asOf: '2026-03-01T08:00:00Z' })).next).toMatchObject({ earliest: '2026-03-01', due: 'due' });
    expect(mustOk(forecast(plan, { protocol, asOf: '2026-03-10T08:00:00Z' })).next).toMatchObject({
      earliest: '2026-03-10',
      recommended: '2026-03-10',
      due: 'due',
    });
  });

  it('projects later sessions from the deferred session 1', () => {
    const f = mustOk(forecast(planWith(isotretinoin()), { protocol, asOf: SCREENED_AT }));
    // Session 2 from 2026-03-01 with the 1→2 gap 7 / 10 / 14+1 / 30.
    expect(f.sessions[1]).toEqual({
      session: 2,
      state: 'pending',
      earliest: '2026-03-08',
      recommended: '2026-03-11',
      pastDue: '2026-03-16',
      latest: '2026-03-31',
      projected: true,
      due: 'notYet',
    });
  });

  it('undated deferrals and clearances do not move the forecast', () => {
    for (const s of [screening({ pregnant: true }), screening({ epilepsy: true })]) {
      expect(mustOk(forecast(planWith(s), { protocol, asOf: SCREENED_AT })).next).toMatchObject({ earliest: '2026-01-15', due: 'due' });
    }
  });

  it("a pause's later until wins over earliestStart, and earliestStart over an earlier until", () => {
    const paused = (until: string): Plan =>
      applyAll(planWith(isotretinoin()), [
        { id: 'p1', type: 'planPaused', at: '2026-01-16T09:00:00Z', reason: 'client request', until },
        { id: 'r1', type: 'planResumed', at: '2026-01-17T09:00:00Z' },
      ]);
    expect(mustOk(forecast(paused('2026-03-20'), { protocol, asOf: SCREENED_AT })).next?.earliest).toBe('2026-03-20');
    expect(mustOk(forecast(paused('2026-02-01'), { protocol, asOf: SCREENED_AT })).next?.earliest).toBe('2026-03-01');
  });
});

describe('the screening stays with the plan', () => {
  const events = [
    book1('2026-03-02T10:00:00Z'),
    { id: 'c1', type: 'sessionCompleted', at: '2026-03-02T14:00:00Z', session: 1 },
    { id: 'b2', type: 'sessionBooked', at: '2026-03-02T15:00:00Z', session: 2, start: '2026-03-12T10:00:00Z' },
    { id: 'x2', type: 'sessionCancelled', at: '2026-03-03T15:00:00Z', session: 2 },
  ];

  it('survives later events unchanged', () => {
    const initial = planWith(isotretinoin());
    const plan = applyAll(initial, events);
    expect(plan.screening).toEqual(initial.screening);
    expect(plan.version).toBe(4);
  });

  it('survives a parsePlan JSON round trip, and is still enforced afterwards', () => {
    const initial = planWith(isotretinoin());
    const parsed = mustOk(parsePlan(JSON.parse(JSON.stringify(initial))));
    expect(parsed).toEqual(initial);
    expect(parsed.screening).toEqual({
      outcome: 'deferred',
      earliestStart: '2026-03-01',
      reasons: [{ condition: 'isotretinoin', outcome: 'deferred', until: '2026-03-01' }],
    });
    expect(codes(mustFail(applyEvent(parsed, book1('2026-02-28T10:00:00Z'), { protocol })))).toEqual(['SCREENING_DEFERRED']);
    const later = applyAll(initial, events);
    expect(mustOk(parsePlan(JSON.parse(JSON.stringify(later))))).toEqual(later);
  });

  it('is replayed from the initial plan', () => {
    const initial = planWith(isotretinoin());
    const plan = applyAll(initial, events);
    expect(mustOk(replay(initial, plan.history, { protocol }))).toEqual(plan);
    // Replaying the same history onto an unscreened plan keeps no screening.
    const bare = planWith(undefined);
    expect(mustOk(replay(bare, plan.history, { protocol })).screening).toBeUndefined();
  });

  it('a parsed plan with an invalid screening is refused at its path', () => {
    const raw = JSON.parse(JSON.stringify(planWith(isotretinoin()))) as Record<string, unknown>;
    raw.screening = { outcome: 'deferred', earliestStart: '2026-02-30', reasons: [] };
    expect(mustFail(parsePlan(raw))).toMatchObject([{ code: 'INVALID_INPUT', path: ['screening', 'earliestStart'] }]);
  });
});
