import { describe, expect, it } from 'vitest';
import { createPlan, parsePlan, protocols, standardProtocol, type CreatePlanInput, type Plan } from 'smp-protocol';
import { codes, mustFail, mustOk } from '../support/plans.js';
import { writableCopy } from '../support/writable.js';

const input: CreatePlanInput = {
  id: 'plan-1',
  clientId: 'client-9',
  protocol: standardProtocol,
  timeZone: 'Europe/London',
  createdAt: '2026-01-05T09:00:00Z',
};

/** Calls createPlan with input the types would not allow (createPlan takes untrusted data). */
function createLoose(value: unknown): ReturnType<typeof createPlan> {
  return createPlan(value as CreatePlanInput);
}

describe('createPlan', () => {
  it('creates a draft plan: every session pending, empty history, version 0, schemaVersion 1', () => {
    const out = createPlan(input);
    expect(out.findings).toEqual([]);
    expect(mustOk(out)).toEqual({
      schemaVersion: 1,
      id: 'plan-1',
      clientId: 'client-9',
      protocol: { id: 'standard', version: 1 },
      timeZone: 'Europe/London',
      createdAt: '2026-01-05T09:00:00Z',
      status: 'draft',
      sessions: [
        { number: 1, phase: 'foundation', state: 'pending' },
        { number: 2, phase: 'density', state: 'pending' },
        { number: 3, phase: 'refinement', state: 'pending' },
      ],
      history: [],
      version: 0,
    });
  });

  it('keeps createdAt as given (an instant with an offset is stored, not normalised)', () => {
    const plan = mustOk(createPlan({ ...input, createdAt: '2026-07-05T10:00:00+01:00' }));
    expect(plan.createdAt).toBe('2026-07-05T10:00:00+01:00');
  });

  it('creates a one-session touch-up plan', () => {
    const plan = mustOk(createPlan({ ...input, protocol: protocols['touch-up'] }));
    expect(plan.protocol).toEqual({ id: 'touch-up', version: 1 });
    expect(plan.sessions).toEqual([{ number: 1, phase: 'touchUp', state: 'pending' }]);
  });

  it('records the id and version of a custom protocol', () => {
    const custom = { ...writableCopy(standardProtocol), id: 'clinic-7', version: 4 };
    expect(mustOk(createPlan({ ...input, protocol: custom })).protocol).toEqual({ id: 'clinic-7', version: 4 });
  });

  it('keeps metadata as a frozen copy that the caller can no longer change', () => {
    const metadata = { crmId: 42, tags: ['vip'], nested: { a: null } };
    const plan = mustOk(createPlan({ ...input, metadata }));
    metadata.tags.push('changed');
    expect(plan.metadata).toEqual({ crmId: 42, tags: ['vip'], nested: { a: null } });
    expect(Object.isFrozen(plan.metadata)).toBe(true);
    expect(Object.isFrozen(plan.metadata?.tags)).toBe(true);
  });

  it('returns a frozen plan that parsePlan accepts as it is', () => {
    const plan = mustOk(createPlan(input));
    expect(Object.isFrozen(plan)).toBe(true);
    expect(Object.isFrozen(plan.sessions)).toBe(true);
    expect(Object.isFrozen(plan.sessions[0])).toBe(true);
    expect(Object.isFrozen(plan.history)).toBe(true);
    expect(mustOk(parsePlan(JSON.parse(JSON.stringify(plan))))).toEqual(plan);
  });

  it('refuses an unknown time zone: INVALID_TIME_ZONE at ["timeZone"]', () => {
    expect(mustFail(createPlan({ ...input, timeZone: 'Mars/Olympus' }))).toEqual([
      {
        code: 'INVALID_TIME_ZONE',
        severity: 'error',
        path: ['timeZone'],
        message:
          'timeZone: "Mars/Olympus" is not an IANA time-zone name known to this platform; use a name such as "Europe/London" or "America/New_York".',
        params: { path: 'timeZone', value: 'Mars/Olympus' },
      },
    ]);
  });

  it('refuses an offset or an abbreviation as a time zone', () => {
    for (const timeZone of ['+01:00', 'GMT+1 ', '', 'Europe/London/Extra', 'europe/atlantis']) {
      const findings = mustFail(createPlan({ ...input, timeZone }));
      expect(findings.map((f) => [f.code, f.path])).toEqual([['INVALID_TIME_ZONE', ['timeZone']]]);
    }
  });

  it('refuses createdAt without an offset: INVALID_INSTANT (offset)', () => {
    expect(mustFail(createPlan({ ...input, createdAt: '2026-01-05T09:00:00' }))).toEqual([
      {
        code: 'INVALID_INSTANT',
        severity: 'error',
        path: ['createdAt'],
        message:
          'createdAt: "2026-01-05T09:00:00" is not a valid instant: it has no offset, so it does not name one instant; add "Z" or an offset such as "+01:00".',
        params: { path: 'createdAt', value: '2026-01-05T09:00:00', problem: 'offset' },
      },
    ]);
  });

  it('refuses impossible dates and times and non-ISO text as createdAt', () => {
    const problem = (createdAt: string): unknown[] =>
      mustFail(createPlan({ ...input, createdAt })).map((f) => [f.code, f.path, f.params?.problem]);
    expect(problem('2026-02-30T09:00:00Z')).toEqual([['INVALID_INSTANT', ['createdAt'], 'date']]);
    expect(problem('2026-01-05T24:30:00Z')).toEqual([['INVALID_INSTANT', ['createdAt'], 'time']]);
    expect(problem('5 January 2026')).toEqual([['INVALID_INSTANT', ['createdAt'], 'format']]);
    expect(problem('2026-01-05T09:00:00+25:00')).toEqual([['INVALID_INSTANT', ['createdAt'], 'offset']]);
  });

  it('puts the findings of an invalid protocol under ["protocol", …], with the message naming the same place', () => {
    const bad = writableCopy(standardProtocol);
    const gap = bad.sessions[1]?.gaps[0];
    if (gap !== undefined) gap.minimumDays = 4;
    const findings = mustFail(createPlan({ ...input, protocol: bad }));
    expect(findings.map((f) => [f.code, f.path, f.params?.path])).toEqual([
      ['INVALID_INPUT', ['protocol', 'sessions', 1, 'gaps', 0, 'minimumDays'], 'protocol.sessions[1].gaps[0].minimumDays'],
    ]);
    expect(findings[0]?.message.startsWith('protocol.sessions[1].gaps[0].minimumDays: minimumDays (4) must not be less than')).toBe(true);
  });

  it('puts shape errors of the protocol under ["protocol", …] too', () => {
    const findings = mustFail(createLoose({ ...input, protocol: { id: 'x' } }));
    expect(findings.map((f) => f.path)).toEqual([
      ['protocol', 'version'],
      ['protocol', 'name'],
      ['protocol', 'sessions'],
      ['protocol', 'extraSessions'],
      ['protocol', 'policy'],
    ]);
  });

  it('refuses a missing protocol at ["protocol"]', () => {
    const { protocol: _omitted, ...rest } = input;
    expect(mustFail(createLoose(rest))).toEqual([
      {
        code: 'INVALID_INPUT',
        severity: 'error',
        path: ['protocol'],
        message: 'protocol: is required (a protocol).',
        params: { path: 'protocol', problem: 'required', expected: 'protocol', detail: 'is required (a protocol).' },
      },
    ]);
  });

  it('reports every problem at once', () => {
    const findings = mustFail(createLoose({ ...input, id: '', timeZone: 'Nowhere/Land', createdAt: 'now' }));
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['INVALID_INPUT', ['id']],
      ['INVALID_TIME_ZONE', ['timeZone']],
      ['INVALID_INSTANT', ['createdAt']],
    ]);
  });

  it('refuses unknown fields and metadata that is not JSON', () => {
    expect(mustFail(createLoose({ ...input, colour: 'blue' })).map((f) => [f.path, f.params?.detail])).toEqual([
      [[], 'has unknown field "colour".'],
    ]);
    expect(mustFail(createLoose({ ...input, metadata: { when: new Date(0) } })).map((f) => f.path)).toEqual([['metadata', 'when']]);
    expect(mustFail(createLoose({ ...input, metadata: { n: Number.POSITIVE_INFINITY } })).map((f) => f.path)).toEqual([['metadata', 'n']]);
  });

  it('never throws for junk', () => {
    for (const junk of [
      undefined,
      null,
      0,
      'plan',
      [],
      [input],
      { ...input, sessions: 'x' },
      { id: 1, clientId: {}, protocol: [], timeZone: 5, createdAt: null },
    ]) {
      let out: ReturnType<typeof createPlan> | undefined;
      expect(() => {
        out = createLoose(junk);
      }).not.toThrow();
      if (out === undefined) throw new Error('unreachable');
      const findings = mustFail(out);
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.every((f) => f.severity === 'error')).toBe(true);
    }
    expect(codes(mustFail(createLoose(null)))).toEqual(['INVALID_INPUT']);
    expect(mustFail(createLoose(null))[0]?.path).toEqual([]);
  });

  it('gives the plans it creates the status draft, whatever protocol', () => {
    const plans: Plan[] = Object.values(protocols).map((p) => mustOk(createPlan({ ...input, protocol: p })));
    expect(plans.map((p) => [p.protocol.id, p.status, p.sessions.length])).toEqual([
      ['standard', 'draft', 3],
      ['scar-camouflage', 'draft', 3],
      ['diffuse-thinning', 'draft', 3],
      ['alopecia-areata', 'draft', 3],
      ['touch-up', 'draft', 1],
    ]);
  });
});
