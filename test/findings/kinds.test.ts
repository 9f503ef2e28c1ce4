import { describe, expect, it } from 'vitest';
import { findingCodes, findingKinds, httpStatusOf, type Finding, type FindingCode } from 'smp-protocol';

// A finding of any code, without params: what httpStatusOf reads is code and severity.
const error = (code: FindingCode): Finding => ({ code, severity: 'error', message: '' }) as Finding;

describe('findingKinds', () => {
  it('gives every code exactly one kind', () => {
    expect(Object.keys(findingKinds).sort()).toEqual([...findingCodes].sort());
    expect(Object.isFrozen(findingKinds)).toBe(true);
  });
});

describe('httpStatusOf', () => {
  it('is 200 for an ok outcome, whatever warnings ride along', () => {
    expect(httpStatusOf({ ok: true, value: 1, findings: [{ code: 'SPACING_LATE', severity: 'warning', message: '' }] })).toBe(200);
  });
  it.each([
    ['INVALID_INPUT', 400],
    ['SPACING_TOO_SOON', 422],
    ['VERSION_CONFLICT', 409],
    ['PLAN_NOT_FOUND', 404],
    ['UNAUTHORIZED', 401],
    ['PAYLOAD_TOO_LARGE', 413],
    ['INTERNAL_ERROR', 500],
    ['DATABASE_ERROR', 500],
  ] as const)('maps %s to %i', (code, status) => {
    expect(httpStatusOf({ ok: false, findings: [error(code)] })).toBe(status);
  });
  it('takes the worst error: input beats rule, internal beats everything; warnings do not count', () => {
    expect(httpStatusOf({ ok: false, findings: [error('SPACING_TOO_SOON'), error('INVALID_INSTANT')] })).toBe(400);
    expect(httpStatusOf({ ok: false, findings: [error('VERSION_CONFLICT'), error('SPACING_TOO_SOON')] })).toBe(409);
    expect(httpStatusOf({ ok: false, findings: [error('SPACING_TOO_SOON'), error('INTERNAL_ERROR')] })).toBe(500);
    expect(
      httpStatusOf({ ok: false, findings: [{ code: 'INTERNAL_ERROR', severity: 'warning', message: '' }, error('SPACING_TOO_SOON')] }),
    ).toBe(422);
  });
  it('is 500 for anything that is not an outcome, and never throws', () => {
    for (const junk of [null, undefined, 42, 'x', {}, { ok: false }, { ok: false, findings: [{ code: 'toString', severity: 'error' }] }]) {
      expect(httpStatusOf(junk as never)).toBe(500);
    }
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    expect(httpStatusOf(hostile as never)).toBe(500);
  });
});
