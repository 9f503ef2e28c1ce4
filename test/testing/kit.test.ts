import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePlan, forecast, parsePlan, protocols, standardProtocol } from 'smp-protocol';
import { aPlan, fixedClock, smpArbitraries } from 'smp-protocol/testing';
import { mustOk } from '../support/plans.js';

describe('fixedClock', () => {
  it('starts at the given instant, in UTC, and moves only when told', () => {
    const clock = fixedClock('2026-03-23T10:00:00+01:00');
    expect(clock.now()).toBe('2026-03-23T09:00:00Z');
    expect(clock.now()).toBe('2026-03-23T09:00:00Z');
    expect(clock.advance({ days: 7, hours: 1, minutes: 30 })).toBe('2026-03-30T10:30:00Z');
    expect(clock.set('2026-12-01T00:00:00Z')).toBe('2026-12-01T00:00:00Z');
    expect(clock.set('not a date')).toBe('2026-12-01T00:00:00Z');
  });
});

describe('aPlan', () => {
  it('builds a plan from local wall-clock times in its zone, through the public API', () => {
    const out = aPlan().inZone('Europe/London').withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const plan = out.value;
    expect(plan.sessions.map((s) => s.state)).toEqual(['completed', 'booked', 'pending']);
    expect(plan.sessions[0]?.completed).toEqual({ start: '2026-03-23T10:00:00+00:00', end: '2026-03-23T14:00:00+00:00' });
    expect(plan.sessions[1]?.booking).toEqual({ start: '2026-04-02T10:00:00+01:00', end: '2026-04-02T13:00:00+01:00' });
    expect(plan.createdAt).toBe('2026-02-21T10:00:00Z');
    expect(parsePlan(JSON.parse(JSON.stringify(plan))).ok).toBe(true);
  });

  it('returns the refusal when a step breaks a rule', () => {
    const out = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-03-27T10:00').build();
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.findings.map((f) => f.code)).toEqual(['SPACING_TOO_SOON']);
  });

  it('takes a protocol, ids, metadata and raw events', () => {
    const out = aPlan()
      .withProtocol(protocols['scar-camouflage'])
      .withId('p-9', 'c-9')
      .createdAt('2026-01-01T00:00:00Z')
      .withMetadata({ crm: 7 })
      .withEvent({ type: 'planPaused', at: '2026-01-02T00:00:00Z', reason: 'scar still red' })
      .build();
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value).toMatchObject({
      id: 'p-9',
      clientId: 'c-9',
      status: 'onHold',
      protocol: { id: 'scar-camouflage' },
      metadata: { crm: 7 },
    });
  });

  it('refuses a session time the clocks skip', () => {
    const out = aPlan().inZone('America/New_York').withSession(1, '2026-03-08T02:30').build();
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.findings[0]?.code).toBe('NONEXISTENT_LOCAL_TIME');
  });
});

describe('smpArbitraries', () => {
  const arb = smpArbitraries(fc);

  // numRuns: 150 per property.
  it('generates valid protocols and plans that every reader handles', () => {
    fc.assert(
      fc.property(arb.plan(), ({ plan, protocol }) => {
        expect(parsePlan(JSON.parse(JSON.stringify(plan))).ok).toBe(true);
        const e = mustOk(evaluatePlan(plan, { protocol, asOf: '2026-06-01T00:00:00Z' }));
        expect(e.findings.filter((f) => f.code === 'PROTOCOL_MISMATCH')).toEqual([]);
        const f = mustOk(forecast(plan, { protocol, asOf: '2026-06-01T00:00:00Z' }));
        expect(f.sessions.length).toBe(plan.sessions.length);
        expect(plan.version).toBe(plan.history.length);
      }),
      { numRuns: 150, seed: 20261124 },
    );
  });

  it('generates event sequences with unique ids and known types', () => {
    fc.assert(
      fc.property(arb.eventSequence({ maxLength: 15 }), (events) => {
        expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
        for (const e of events) expect(typeof e.at).toBe('string');
      }),
      { numRuns: 150, seed: 20261124 },
    );
  });

  it('samples zones from the DST and odd-offset set', () => {
    const zones = new Set(fc.sample(arb.timeZone(), { numRuns: 200, seed: 1 }));
    expect(zones.has('Pacific/Chatham') || zones.has('Australia/Lord_Howe')).toBe(true);
    expect(fc.sample(arb.protocol(), { numRuns: 20, seed: 2 }).every((p) => p.sessions.length >= 1)).toBe(true);
    expect(standardProtocol.id).toBe('standard');
  });
});
