/**
 * applyEvent's `expectedVersion` option: anything but a whole number ≥ 0 is refused with one exact
 * finding at options.expectedVersion, before the version is compared.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, standardProtocol, type ApplyEventOptions } from 'smp-protocol';
import { mustFail, mustOk, newPlan } from '../support/plans.js';

describe('expectedVersion', () => {
  it('0 is a version: a new plan at 0 takes the event, at 1 it is a conflict', () => {
    const plan = newPlan();
    const ev = { id: 'h1', type: 'planPaused', at: '2026-03-02T09:00:00Z', reason: 'travel' };
    expect(mustOk(applyEvent(plan, ev, { protocol: standardProtocol, expectedVersion: 0 })).version).toBe(1);
    expect(mustFail(applyEvent(plan, ev, { protocol: standardProtocol, expectedVersion: 1 })).map((f) => [f.code, f.params])).toEqual([
      ['VERSION_CONFLICT', { expected: 1, actual: 0 }],
    ]);
  });

  it('refuses a string, a fraction, a negative number and NaN with the same finding', () => {
    const plan = newPlan();
    for (const expectedVersion of ['0', 0.5, -1, Number.NaN, null, true]) {
      const options = { protocol: standardProtocol, expectedVersion } as unknown as ApplyEventOptions;
      expect(mustFail(applyEvent(plan, { id: 'h1', type: 'planResumed', at: '2026-03-02T09:00:00Z' }, options))).toEqual([
        {
          code: 'INVALID_INPUT',
          severity: 'error',
          message: 'options.expectedVersion: must be a whole number ≥ 0.',
          path: ['options', 'expectedVersion'],
          params: {
            problem: 'type',
            expected: 'wholeNumber',
            minimum: 0,
            path: 'options.expectedVersion',
            detail: 'must be a whole number ≥ 0.',
          },
        },
      ]);
    }
  });
});
