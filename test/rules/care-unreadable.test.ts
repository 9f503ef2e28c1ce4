/**
 * aftercare and preparation refuse an argument whose reading throws at its path, under the
 * argument's name (`plan` or `options`): never an exception, never a path without its argument.
 */
import { describe, expect, it } from 'vitest';
import { aftercare, preparation, standardProtocol, type CareOptions, type Plan } from 'smp-protocol';
import { aPlan } from 'smp-protocol/testing';
import { mustOk } from '../support/plans.js';

const plan = mustOk(aPlan().withSession(1, '2026-03-23T10:00').build());

function throwingAt<T extends object>(value: T, key: string): T {
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  Object.defineProperty(copy, key, {
    enumerable: true,
    get() {
      throw new Error('no');
    },
  });
  return copy as T;
}

const outcomes = (out: {
  ok: boolean;
  findings: readonly { code: string; path?: readonly (string | number)[]; params?: Record<string, unknown> }[];
}) => out.findings.map((f) => [f.code, f.path, f.params?.problem]);

describe.each([
  ['aftercare', aftercare],
  ['preparation', preparation],
] as const)('%s with an unreadable argument', (_name, call) => {
  it('a plan field that throws: INVALID_INPUT (unreadable) at plan.<field>', () => {
    const out = call(throwingAt(plan, 'timeZone') as Plan, { protocol: standardProtocol, session: 1 });
    expect(out.ok).toBe(false);
    expect(outcomes(out)).toEqual([['INVALID_INPUT', ['plan', 'timeZone'], 'unreadable']]);
  });

  it('an option that throws: INVALID_INPUT (unreadable) at options.<field>', () => {
    const out = call(plan, throwingAt({ protocol: standardProtocol, session: 1 }, 'session') as CareOptions);
    expect(out.ok).toBe(false);
    expect(outcomes(out)).toEqual([['INVALID_INPUT', ['options', 'session'], 'unreadable']]);
  });
});
