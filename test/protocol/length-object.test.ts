/**
 * An object whose `length` is an object where an array or a string belongs: zod's length checks
 * read `.length` and threw (INTERNAL_ERROR). Every schema's length checks look at strings and
 * arrays only, so these are INVALID_INPUT at the field.
 */
import { describe, expect, it } from 'vitest';
import { createPlan, defineProtocol, screen, standardProtocol } from 'smp-protocol';
import { mustFail } from '../support/plans.js';

const weird = { length: { toString: null } };
const at = (findings: readonly { code: string; path?: readonly (string | number)[] }[]) => findings.map((f) => [f.code, f.path]);

describe('an object with an object length is a finding at its field', () => {
  it('defineProtocol: sessions, a session’s gaps, aftercare, a checklist, a title', () => {
    const base = JSON.parse(JSON.stringify(standardProtocol)) as Record<string, unknown> & { sessions: Record<string, unknown>[] };
    expect(at(mustFail(defineProtocol({ ...base, sessions: weird })))).toEqual([['INVALID_INPUT', ['sessions']]]);
    expect(at(mustFail(defineProtocol({ ...base, aftercare: weird })))).toEqual([['INVALID_INPUT', ['aftercare']]]);
    const sessions = base.sessions.map((s, i) => (i === 1 ? { ...s, gaps: weird } : s));
    expect(at(mustFail(defineProtocol({ ...base, sessions })))).toEqual([['INVALID_INPUT', ['sessions', 1, 'gaps']]]);
    const titled = base.sessions.map((s, i) => (i === 0 ? { ...s, title: weird } : s));
    expect(at(mustFail(defineProtocol({ ...base, sessions: titled })))).toEqual([['INVALID_INPUT', ['sessions', 0, 'title']]]);
  });

  it('createPlan: the screening’s findings', () => {
    const out = createPlan({
      id: 'p',
      clientId: 'c',
      protocol: standardProtocol,
      timeZone: 'Europe/London',
      createdAt: '2026-01-05T09:00:00Z',
      screening: { outcome: 'eligible', findings: weird as never },
    });
    expect(at(mustFail(out))).toEqual([['INVALID_INPUT', ['screening', 'findings']]]);
  });

  it('screen: the active scalp conditions', () => {
    const out = screen({ activeScalpConditions: weird }, { protocol: standardProtocol, asOf: '2026-01-05T09:00:00Z', timeZone: 'UTC' });
    expect(mustFail(out).map((f) => f.code)).not.toContain('INTERNAL_ERROR');
    expect(at(mustFail(out))).toContainEqual(['INVALID_INPUT', ['activeScalpConditions']]);
  });
});
