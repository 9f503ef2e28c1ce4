// createRules: protocols and locale configured once; the methods are the free functions without
// the repeated options.
import { describe, expect, it } from 'vitest';
import { applyEvent, builtinProtocols, createRules, defineProtocol, forecast, standardProtocol, type PlanEventInput } from 'smp-protocol';
import { mustFail, mustOk } from '../support/plans.js';

const created = { id: 'p1', clientId: 'c1', timeZone: 'Europe/Madrid', createdAt: '2026-03-01T09:00:00Z' } as const;
const book1: PlanEventInput = {
  id: 'e1',
  type: 'sessionBooked',
  at: '2026-03-01T09:05:00Z',
  session: 1,
  start: '2026-03-23T10:00:00+01:00',
};

describe('createRules', () => {
  it('gives the same answers as the free functions, finding each plan its protocol', () => {
    const rules = mustOk(createRules({ protocols: builtinProtocols }));
    const plan = mustOk(rules.createPlan({ ...created, protocol: { id: 'standard', version: 1 } }));
    const booked = mustOk(rules.applyEvent(plan, book1));
    expect(booked).toEqual(mustOk(applyEvent(plan, book1, { protocol: standardProtocol })));
    expect(rules.forecast(booked, { asOf: '2026-03-24T09:00:00Z' })).toEqual(
      forecast(booked, { protocol: standardProtocol, asOf: '2026-03-24T09:00:00Z' }),
    );
  });

  it('picks by version among two versions of one protocol', () => {
    const v2 = mustOk(
      defineProtocol({
        ...JSON.parse(JSON.stringify(standardProtocol)),
        version: 2,
        sessions: standardProtocol.sessions.map((s) => ({ ...s, durationMinutes: 60 })),
      }),
    );
    const rules = mustOk(createRules({ protocols: [standardProtocol, v2] }));
    const onV1 = mustOk(rules.applyEvent(mustOk(rules.createPlan({ ...created, protocol: { id: 'standard', version: 1 } })), book1));
    const onV2 = mustOk(rules.applyEvent(mustOk(rules.createPlan({ ...created, protocol: { id: 'standard', version: 2 } })), book1));
    expect(onV1.sessions[0]?.booking?.end).toBe('2026-03-23T14:00:00+01:00');
    expect(onV2.sessions[0]?.booking?.end).toBe('2026-03-23T11:00:00+01:00');
    expect(mustFail(rules.createPlan({ ...created, protocol: { id: 'standard', version: 3 } })).map((f) => f.code)).toEqual([
      'PROTOCOL_MISMATCH',
    ]);
  });

  it("renders returned findings in Spanish with locale 'es'", () => {
    const rules = mustOk(createRules({ protocols: builtinProtocols, locale: 'es' }));
    const plan = mustOk(rules.applyEvent(mustOk(rules.createPlan({ ...created, protocol: { id: 'standard', version: 1 } })), book1));
    const again = rules.applyEvent(plan, { ...book1, id: 'e2' });
    expect(mustFail(again)).toEqual([
      expect.objectContaining({
        code: 'SESSION_ALREADY_BOOKED',
        message: 'La sesión 1 ya está reservada para el 2026-03-23; cámbiela de fecha.',
      }),
    ]);
  });

  it('refuses junk protocols with findings under options.protocols', () => {
    const out = mustFail(createRules({ protocols: [standardProtocol, { id: 'x' } as never] }));
    expect(out.every((f) => f.path?.slice(0, 3).join('.') === 'options.protocols.1')).toBe(true);
  });
});

describe('types that tell the truth', () => {
  it('a misspelt event type does not compile', () => {
    const rules = mustOk(createRules({ protocols: builtinProtocols }));
    const plan = mustOk(rules.createPlan({ ...created, protocol: { id: 'standard', version: 1 } }));
    // @ts-expect-error 'sessionBook' is not an event type
    const typo = applyEvent(
      plan,
      { id: 'e1', type: 'sessionBook', at: '2026-03-01T09:05:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
      { protocol: standardProtocol },
    );
    expect(mustFail(typo).map((f) => f.code)).toEqual(['INVALID_INPUT']);
    const body: unknown = JSON.parse(
      '{"id":"e1","type":"sessionBooked","at":"2026-03-01T09:05:00Z","session":1,"start":"2026-03-23T10:00:00Z"}',
    );
    expect(applyEvent(plan, body, { protocols: builtinProtocols }).ok).toBe(true);
  });
});
