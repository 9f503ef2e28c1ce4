/**
 * Treatment records: what a completed session records (zones, pigment, needle, checklist, notes),
 * the session checklist (`CHECKLIST_INCOMPLETE`: session 1 needs `hairlineAgreed`) and planned
 * zones never treated once the course is complete (`ZONE_NOT_TREATED`), as `evaluatePlan` reports them.
 */
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  createPlan,
  defineProtocol,
  evaluatePlan,
  formatFinding,
  parsePlan,
  protocols,
  scalpZones,
  standardProtocol,
  type Plan,
  type Protocol,
  type ScalpZone,
  type TreatmentRecord,
} from 'smp-protocol';
import { applyAll, codes, mustFail, mustOk } from '../support/plans.js';

const protocol = standardProtocol;
const ZONE = 'Europe/London';

function planWith(options: { zones?: ScalpZone[]; p?: Protocol } = {}): Plan {
  const input: Parameters<typeof createPlan>[0] = {
    id: 'plan-r',
    clientId: 'client-r',
    protocol: options.p ?? protocol,
    timeZone: ZONE,
    createdAt: '2026-03-01T09:00:00Z',
  };
  if (options.zones !== undefined) input.zones = options.zones;
  return mustOk(createPlan(input));
}

const STARTS = ['2026-03-23T10:00:00Z', '2026-04-02T10:00:00+01:00', '2026-04-20T10:00:00+01:00', '2026-05-08T10:00:00+01:00'];

/** Completes session `n` (a recorded fact) with an optional record. */
function done(n: number, record?: TreatmentRecord) {
  const start = STARTS[n - 1] ?? '';
  const at = new Date(Date.parse(start) + 5 * 3_600_000).toISOString();
  return record === undefined
    ? { id: `c${n}`, type: 'sessionCompleted', at, session: n, start }
    : { id: `c${n}`, type: 'sessionCompleted', at, session: n, start, record };
}

const asOf = '2026-06-01T09:00:00Z';

describe('the treatment record', () => {
  it('is kept on the completed session, and survives a JSON round trip', () => {
    const record: TreatmentRecord = {
      zones: ['hairline', 'temples'],
      pigment: 'Charcoal 2',
      needle: '3RL 0.25',
      checklist: { hairlineAgreed: true, photosTaken: true },
      notes: 'Client prefers a soft, slightly receded hairline.',
    };
    const plan = applyAll(planWith(), [done(1, record)]);
    expect(plan.sessions[0]?.completed).toEqual({ start: STARTS[0], end: '2026-03-23T14:00:00+00:00', record });
    expect(mustOk(parsePlan(JSON.parse(JSON.stringify(plan))))).toEqual(plan);
  });

  it('refuses an unknown zone or field in a record, at its path', () => {
    const bad = applyEvent(planWith(), { ...done(1), record: { zones: ['forehead'] } }, { protocol });
    expect(mustFail(bad)).toMatchObject([{ code: 'INVALID_INPUT', path: ['record', 'zones', 0] }]);
    const extra = applyEvent(planWith(), { ...done(1), record: { artist: 'Sam' } }, { protocol });
    expect(mustFail(extra)).toMatchObject([{ code: 'INVALID_INPUT', path: ['record'] }]);
  });

  it('lists the zones a record can name', () => {
    expect([...scalpZones]).toEqual(['hairline', 'temples', 'crown', 'midScalp', 'sides', 'back', 'scar']);
  });
});

describe('CHECKLIST_INCOMPLETE', () => {
  it('warns when session 1 is completed without hairlineAgreed', () => {
    const e = mustOk(evaluatePlan(applyAll(planWith(), [done(1)]), { protocol, asOf }));
    expect(e.sessions[0]?.findings).toEqual([
      {
        code: 'CHECKLIST_INCOMPLETE',
        severity: 'warning',
        session: 1,
        message: 'Session 1 was completed without a hairline agreed with the client.',
        params: { session: 1, item: 'hairlineAgreed' },
      },
    ]);
    // A session-level finding, not a plan-level one.
    expect(e.findings).toEqual([]);
  });

  it('warns when hairlineAgreed is false, or the record has no checklist', () => {
    for (const record of [{ checklist: { hairlineAgreed: false } }, { zones: ['hairline'] as ScalpZone[] }, {}]) {
      const e = mustOk(evaluatePlan(applyAll(planWith(), [done(1, record)]), { protocol, asOf }));
      expect(codes(e.sessions[0]?.findings ?? [])).toEqual(['CHECKLIST_INCOMPLETE']);
    }
  });

  it('is silent when the hairline was agreed', () => {
    const e = mustOk(evaluatePlan(applyAll(planWith(), [done(1, { checklist: { hairlineAgreed: true } })]), { protocol, asOf }));
    expect(e.sessions[0]?.findings).toEqual([]);
  });

  it('judges completed sessions only: a booked session 1 has nothing to confirm yet', () => {
    const booked = applyAll(planWith(), [{ id: 'b1', type: 'sessionBooked', at: '2026-03-01T09:05:00Z', session: 1, start: STARTS[0] }]);
    expect(mustOk(evaluatePlan(booked, { protocol, asOf: '2026-03-02T09:00:00Z' })).sessions[0]?.findings).toEqual([]);
  });

  it('is not reported by applyEvent (a completed session is a fact): only by evaluatePlan', () => {
    const out = applyEvent(planWith(), done(1), { protocol });
    expect(out.ok).toBe(true);
    expect(codes(out.findings)).not.toContain('CHECKLIST_INCOMPLETE');
  });

  it('sessions 2 and 3 and extra sessions have no checklist in the standard protocol', () => {
    const plan = applyAll(planWith(), [
      done(1, { checklist: { hairlineAgreed: true } }),
      done(2),
      done(3),
      { id: 'a4', type: 'sessionAdded', at: '2026-04-21T09:00:00Z', reason: 'crown healed light' },
      done(4),
    ]);
    const e = mustOk(evaluatePlan(plan, { protocol, asOf }));
    for (const s of e.sessions) expect(codes(s.findings)).not.toContain('CHECKLIST_INCOMPLETE');
  });

  it('diffuse thinning has no hairline to agree: no checklist', () => {
    const p = protocols['diffuse-thinning'];
    const e = mustOk(evaluatePlan(applyAll(planWith({ p }), [done(1)], p), { protocol: p, asOf }));
    expect(e.sessions[0]?.findings).toEqual([]);
  });

  it("follows the protocol's own checklist, one finding per missing item", () => {
    const base = JSON.parse(JSON.stringify(protocol)) as Protocol;
    const p = mustOk(
      defineProtocol({
        ...base,
        id: 'photo-clinic',
        sessions: base.sessions.map((s) => (s.number === 2 ? { ...s, checklist: ['photosTaken', 'densityAgreed'] } : s)),
      }),
    );
    const plan = applyAll(
      planWith({ p }),
      [done(1, { checklist: { hairlineAgreed: true } }), done(2, { checklist: { densityAgreed: true } })],
      p,
    );
    expect(mustOk(evaluatePlan(plan, { protocol: p, asOf })).sessions[1]?.findings).toEqual([
      {
        code: 'CHECKLIST_INCOMPLETE',
        severity: 'warning',
        session: 2,
        message: 'Session 2 was completed without the checklist item "photosTaken".',
        params: { session: 2, item: 'photosTaken' },
      },
    ]);
  });

  it('renders in Spanish', () => {
    const f = mustOk(evaluatePlan(applyAll(planWith(), [done(1)]), { protocol, asOf })).sessions[0]?.findings[0];
    if (f === undefined) throw new Error('expected a finding');
    expect(formatFinding(f, 'es')).toBe('La sesión 1 se realizó sin una línea frontal acordada con el cliente.');
  });
});

describe('ZONE_NOT_TREATED', () => {
  const agreed = { checklist: { hairlineAgreed: true } };

  it('warns, once the course is complete, about each planned zone no session treated', () => {
    const plan = applyAll(planWith({ zones: ['hairline', 'crown', 'temples'] }), [
      done(1, { ...agreed, zones: ['hairline'] }),
      done(2, { zones: ['hairline', 'temples'] }),
      done(3, { zones: ['temples'] }),
    ]);
    expect(plan.status).toBe('completed');
    expect(mustOk(evaluatePlan(plan, { protocol, asOf })).findings).toEqual([
      {
        code: 'ZONE_NOT_TREATED',
        severity: 'warning',
        message: 'Zone "crown" was planned for treatment, but no completed session treated it.',
        params: { zone: 'crown' },
      },
    ]);
  });

  it('is silent while the course is still running', () => {
    const plan = applyAll(planWith({ zones: ['hairline', 'crown'] }), [done(1, { ...agreed, zones: ['hairline'] }), done(2)]);
    expect(plan.status).toBe('active');
    expect(mustOk(evaluatePlan(plan, { protocol, asOf })).findings).toEqual([]);
  });

  it('is silent when every planned zone was treated, or when no zones were planned', () => {
    const all = applyAll(planWith({ zones: ['hairline', 'crown'] }), [
      done(1, { ...agreed, zones: ['hairline'] }),
      done(2, { zones: ['crown'] }),
      done(3),
    ]);
    expect(mustOk(evaluatePlan(all, { protocol, asOf })).findings).toEqual([]);
    const unplanned = applyAll(planWith(), [done(1, agreed), done(2), done(3)]);
    expect(mustOk(evaluatePlan(unplanned, { protocol, asOf })).findings).toEqual([]);
  });

  it('one finding per zone, in the planned order, when no record names any zone', () => {
    const plan = applyAll(planWith({ zones: ['sides', 'back'] }), [done(1, agreed), done(2), done(3)]);
    expect(mustOk(evaluatePlan(plan, { protocol, asOf })).findings.map((f) => [f.code, f.params?.zone])).toEqual([
      ['ZONE_NOT_TREATED', 'sides'],
      ['ZONE_NOT_TREATED', 'back'],
    ]);
  });

  it('counts an extra session: reopened, silent; completed with the zone, still silent', () => {
    const three = applyAll(planWith({ zones: ['hairline', 'crown'] }), [done(1, { ...agreed, zones: ['hairline'] }), done(2), done(3)]);
    expect(codes(mustOk(evaluatePlan(three, { protocol, asOf })).findings)).toEqual(['ZONE_NOT_TREATED']);
    const reopened = applyAll(three, [{ id: 'a4', type: 'sessionAdded', at: '2026-04-21T09:00:00Z', reason: 'crown not yet done' }]);
    expect(mustOk(evaluatePlan(reopened, { protocol, asOf })).findings).toEqual([]);
    const four = applyAll(reopened, [done(4, { zones: ['crown'] })]);
    expect(mustOk(evaluatePlan(four, { protocol, asOf })).findings).toEqual([]);
  });

  it('keeps the planned zones once each, through events and a JSON round trip', () => {
    const plan = planWith({ zones: ['crown', 'hairline', 'crown'] });
    expect(plan.plannedZones).toEqual(['crown', 'hairline']);
    const later = applyAll(plan, [done(1, agreed)]);
    expect(later.plannedZones).toEqual(['crown', 'hairline']);
    expect(mustOk(parsePlan(JSON.parse(JSON.stringify(later))))).toEqual(later);
  });

  it('refuses an unknown planned zone at createPlan, at its path', () => {
    const f = mustFail(
      createPlan({
        id: 'p',
        clientId: 'c',
        protocol,
        timeZone: ZONE,
        createdAt: '2026-03-01T09:00:00Z',
        zones: ['hairline', 'forehead' as ScalpZone],
      }),
    );
    expect(f).toMatchObject([{ code: 'INVALID_INPUT', path: ['zones', 1] }]);
  });

  it('renders the zone in Spanish', () => {
    const plan = applyAll(planWith({ zones: ['crown'] }), [done(1, agreed), done(2), done(3)]);
    const f = mustOk(evaluatePlan(plan, { protocol, asOf })).findings[0];
    if (f === undefined) throw new Error('expected a finding');
    expect(formatFinding(f, 'es')).toBe('La zona «coronilla» estaba prevista, pero ninguna sesión realizada la trató.');
  });
});
