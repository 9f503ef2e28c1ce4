/**
 * applyEvent's `expectedVersion` option: anything but a whole number ≥ 0 is refused with one exact
 * finding at options.expectedVersion, before the version is compared.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, standardProtocol, type ApplyEventOptions } from 'smp-protocol';
import { mustFail, newPlan } from '../support/plans.js';

describe('expectedVersion', () => {
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
