/**
 * createPlan, exactly: what a plan keeps of a screening (each reason's condition, outcome and
 * date), the refusal of an ineligible screening (its reason and conditions), the planned zones
 * and the maintained course, and the refusals of inputs over the size limits or of the wrong shape.
 */
import { describe, expect, it } from 'vitest';
import { createPlan, standardProtocol, type CreatePlanInput } from 'smp-protocol';
import { mustFail, mustOk } from '../support/plans.js';

const input: CreatePlanInput = {
  id: 'plan-1',
  clientId: 'client-9',
  protocol: standardProtocol,
  timeZone: 'Europe/London',
  createdAt: '2026-01-05T09:00:00Z',
};
/** createPlan with input the types would not allow (it takes untrusted data). */
const createLoose = (value: unknown) => createPlan(value as CreatePlanInput);
const sessions = [
  { number: 1, phase: 'foundation', state: 'pending' },
  { number: 2, phase: 'density', state: 'pending' },
  { number: 3, phase: 'refinement', state: 'pending' },
];
const draft = {
  schemaVersion: 1,
  id: 'plan-1',
  clientId: 'client-9',
  protocol: { id: 'standard', version: 1 },
  timeZone: 'Europe/London',
  createdAt: '2026-01-05T09:00:00Z',
  status: 'draft',
  sessions,
  history: [],
  version: 0,
};

describe('createPlan keeps what the screening found', () => {
  it('each screening reason: its condition (or "unspecified", at most 256 characters), its outcome, a real date', () => {
    const plan = mustOk(
      createLoose({
        ...input,
        screening: {
          outcome: 'deferred',
          earliestStart: '2026-03-01',
          findings: [
            { code: 'SCREENING_DEFERRED', params: { condition: 'isotretinoin', until: '2026-03-01' } },
            { code: 'SCREENING_DEFERRED', params: { until: '2026-02-30' } },
            { code: 'SCREENING_CLEARANCE_REQUIRED', params: { condition: '', until: 5 } },
            { code: 'SCREENING_INELIGIBLE', params: { condition: 'x'.repeat(300) } },
            { code: 'SCREENING_DEFERRED', params: { condition: 7 } },
            { code: 'SCREENING_DEFERRED' },
            { code: 'SCREENING_INFO', params: { condition: 'not a reason' } },
          ],
        },
      }),
    );
    expect(plan).toEqual({
      ...draft,
      screening: {
        outcome: 'deferred',
        reasons: [
          { condition: 'isotretinoin', outcome: 'deferred', until: '2026-03-01' },
          { condition: 'unspecified', outcome: 'deferred' },
          { condition: 'unspecified', outcome: 'needsClearance' },
          { condition: 'x'.repeat(256), outcome: 'ineligible' },
          { condition: '7', outcome: 'deferred' },
          { condition: 'unspecified', outcome: 'deferred' },
        ],
        earliestStart: '2026-03-01',
      },
    });
    expect(Object.isFrozen(plan.screening)).toBe(true);
    expect(Object.isFrozen(plan.screening?.reasons)).toBe(true);
    expect(Object.isFrozen(plan.screening?.reasons[0])).toBe(true);
  });

  it('an eligible screening with no reasons and no date', () => {
    const screening = mustOk(createLoose({ ...input, screening: { outcome: 'eligible', findings: [] } })).screening;
    expect(screening).toEqual({ outcome: 'eligible', reasons: [] });
    expect(Object.keys(screening ?? {})).toEqual(['outcome', 'reasons']);
  });

  it('refuses an ineligible screening with every reason (or the condition) and every condition', () => {
    const findings = mustFail(
      createLoose({
        ...input,
        screening: {
          outcome: 'ineligible',
          findings: [
            { code: 'SCREENING_INELIGIBLE', params: { condition: 'keloid' } },
            { code: 'SCREENING_INELIGIBLE', params: { reason: 'r2', condition: 'c2' } },
            { code: 'SCREENING_INELIGIBLE', params: { reason: 'r3' } },
            { code: 'SCREENING_INELIGIBLE' },
            { code: 'SCREENING_DEFERRED', params: { reason: 'not this', condition: 'nor this' } },
          ],
        },
      }),
    );
    expect(findings).toEqual([
      {
        code: 'SCREENING_INELIGIBLE',
        severity: 'error',
        message: 'The client is not eligible for this treatment: keloid; r2; r3.',
        path: ['screening'],
        params: { reason: 'keloid; r2; r3', condition: 'keloid, c2' },
      },
    ]);
  });

  it('an ineligible screening with no reason: a default reason and no condition', () => {
    for (const found of [
      [],
      [{ code: 'SCREENING_INELIGIBLE' }],
      [{ code: 'SCREENING_INELIGIBLE', params: { reason: '', condition: '' } }],
    ]) {
      expect(mustFail(createLoose({ ...input, screening: { outcome: 'ineligible', findings: found } }))).toEqual([
        {
          code: 'SCREENING_INELIGIBLE',
          severity: 'error',
          message: 'The client is not eligible for this treatment: the screening found the client ineligible.',
          path: ['screening'],
          params: { reason: 'the screening found the client ineligible' },
        },
      ]);
    }
  });

  it('refuses a screening of the wrong shape: at most 50 findings, no unknown field, params of strings and numbers', () => {
    const refused = (screening: unknown) => mustFail(createLoose({ ...input, screening })).map((f) => [f.path, f.params?.problem]);
    expect(refused({ outcome: 'eligible', findings: new Array(51).fill({ code: 'X' }) })).toEqual([[['screening', 'findings'], 'tooBig']]);
    expect(
      mustOk(createLoose({ ...input, screening: { outcome: 'eligible', findings: new Array(50).fill({ code: 'X' }) } })).screening,
    ).toEqual({
      outcome: 'eligible',
      reasons: [],
    });
    expect(refused({ outcome: 'eligible', findings: [], extra: 1 })).toEqual([[['screening'], 'unknownKeys']]);
    expect(refused({ outcome: 'eligible', findings: [{ code: 'X', params: { a: true } }] })).toEqual([
      [['screening', 'findings', 0, 'params', 'a'], 'type'],
    ]);
    expect(refused({ outcome: 'maybe', findings: [] })).toEqual([[['screening', 'outcome'], 'notOneOf']]);
    expect(refused({ outcome: 'deferred', earliestStart: '2026-02-30', findings: [] }).map(([p]) => p)).toEqual([
      ['screening', 'earliestStart'],
    ]);
    // A finding may carry other fields (a finding from screen() has a message and a severity).
    expect(
      mustOk(createLoose({ ...input, screening: { outcome: 'eligible', findings: [{ code: 'X', more: 1 }] } })).screening?.reasons,
    ).toEqual([]);
  });
});

describe('createPlan: the input as a whole', () => {
  it('refuses anything but an object with one finding at the root', () => {
    for (const value of [null, 'plan', 7, [input]]) {
      expect(mustFail(createLoose(value))).toEqual([
        {
          code: 'INVALID_INPUT',
          severity: 'error',
          message: 'The input: must be an object with id, clientId, protocol, timeZone and createdAt.',
          path: [],
          params: {
            problem: 'type',
            expected: 'planInput',
            path: '',
            detail: 'must be an object with id, clientId, protocol, timeZone and createdAt.',
          },
        },
      ]);
    }
  });

  it('names the type received for a field of the wrong type', () => {
    expect(mustFail(createLoose({ ...input, clientId: 5 }))).toEqual([
      {
        code: 'INVALID_INPUT',
        severity: 'error',
        message: 'clientId: expected string, received a number.',
        path: ['clientId'],
        params: {
          problem: 'type',
          expected: 'string',
          received: 'number',
          path: 'clientId',
          detail: 'expected string, received a number.',
        },
      },
    ]);
  });

  it('refuses an input over the size limits at the path inside it', () => {
    expect(mustFail(createLoose({ ...input, metadata: { x: 'x'.repeat(2_000_001) } })).map((f) => [f.path, f.params?.problem])).toEqual([
      [['metadata', 'x'], 'tooLong'],
    ]);
  });

  it('accepts a screening of each outcome but ineligible', () => {
    for (const outcome of ['eligible', 'deferred', 'needsClearance'] as const) {
      expect(mustOk(createLoose({ ...input, screening: { outcome, findings: [] } })).screening).toEqual({ outcome, reasons: [] });
    }
  });
});

describe('createPlan: zones, maintained course, metadata', () => {
  it('keeps the planned zones once each, in their first order, and the course it maintains', () => {
    const plan = mustOk(createLoose({ ...input, zones: ['crown', 'hairline', 'crown'], maintains: 'plan-0' }));
    expect(plan).toEqual({ ...draft, plannedZones: ['crown', 'hairline'], maintains: 'plan-0' });
    expect(Object.isFrozen(plan.plannedZones)).toBe(true);
    expect(mustOk(createLoose({ ...input, zones: [] })).plannedZones).toEqual([]);
  });

  it('refuses more zones than there are, an unknown zone, and a bad maintained id', () => {
    const refused = (extra: Record<string, unknown>) =>
      mustFail(createLoose({ ...input, ...extra })).map((f) => [f.path, f.params?.problem]);
    expect(refused({ zones: ['crown', 'hairline', 'crown', 'temples', 'sides', 'back', 'scar', 'midScalp'] })).toEqual([
      [['zones'], 'tooBig'],
    ]);
    expect(refused({ zones: ['beard'] })).toEqual([[['zones', 0], 'notOneOf']]);
    expect(refused({ maintains: '' })).toEqual([[['maintains'], 'tooSmall']]);
  });

  it('refuses metadata that is not a JSON object', () => {
    expect(mustFail(createLoose({ ...input, metadata: 5 }))).toEqual([
      {
        code: 'INVALID_INPUT',
        severity: 'error',
        message: 'metadata: expected object, received a number.',
        path: ['metadata'],
        params: {
          problem: 'type',
          expected: 'object',
          received: 'number',
          path: 'metadata',
          detail: 'expected object, received a number.',
        },
      },
    ]);
    expect(mustFail(createLoose({ ...input, metadata: [1] })).map((f) => [f.path, f.params?.received])).toEqual([[['metadata'], 'array']]);
  });

  it('a metadata problem is the only finding, reported before the other fields are read', () => {
    expect(mustFail(createLoose({ ...input, id: '', metadata: { n: Number.NaN } })).map((f) => f.path)).toEqual([['metadata', 'n']]);
  });

  it('refuses an input over the size limits, even one frozen by the caller', () => {
    const findings = mustFail(createLoose(Object.freeze({ ...input, zones: new Array(50_001).fill('crown') })));
    expect(findings).toEqual([
      {
        code: 'INVALID_INPUT',
        severity: 'error',
        message: 'zones: has too many items (at most 50000; it has 50001).',
        path: ['zones'],
        params: {
          problem: 'tooMany',
          limit: 50000,
          actual: 50001,
          path: 'zones',
          detail: 'has too many items (at most 50000; it has 50001).',
        },
      },
    ]);
  });

  it('refuses a protocol given as undefined like a missing one, and a protocol that is not one with its findings', () => {
    expect(mustFail(createLoose({ ...input, protocol: undefined })).map((f) => [f.path, f.params?.problem])).toEqual([
      [['protocol'], 'required'],
    ]);
    // The other fields' problems come first, the protocol's after them.
    expect(mustFail(createLoose({ ...input, id: '', protocol: 'standard' })).map((f) => f.path?.[0])).toEqual(['id', 'protocol']);
  });
});
