/**
 * What screen says about an input it cannot screen: an intake that is not an object, and a
 * protocol named among `protocols` without its `{ id, version }`, each with its exact words.
 */
import { describe, expect, it } from 'vitest';
import { protocols, screen, standardProtocol, type Intake } from 'smp-protocol';

const options = { protocol: standardProtocol, asOf: '2026-01-15T10:00:00Z', timeZone: 'Europe/London' };

describe('screen refuses what is not an intake', () => {
  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'x'],
    ['a number', 42],
    ['undefined', undefined],
  ])('%s: INVALID_INPUT at the input itself, asking for an intake object', (_name, intake) => {
    expect(screen(intake as unknown as Intake, options)).toEqual({
      ok: false,
      findings: [
        {
          code: 'INVALID_INPUT',
          severity: 'error',
          message: 'The input: must be an intake object with at least dateOfBirth.',
          path: [],
          params: { problem: 'type', expected: 'intake', path: '', detail: 'must be an intake object with at least dateOfBirth.' },
        },
      ],
    });
  });
});

describe('screen among protocols', () => {
  it('a protocol given by name only: INVALID_INPUT asking for its { id, version }', () => {
    const out = screen({ dateOfBirth: '1990-01-01' }, { ...options, protocols: Object.values(protocols), protocol: 'standard' } as never);
    expect(out).toEqual({
      ok: false,
      findings: [
        {
          code: 'INVALID_INPUT',
          severity: 'error',
          message: 'options.protocol: is required (the { id, version } of the protocol to screen for, among protocols).',
          path: ['options', 'protocol'],
          params: {
            problem: 'required',
            expected: 'the { id, version } of the protocol to screen for, among protocols',
            path: 'options.protocol',
            detail: 'is required (the { id, version } of the protocol to screen for, among protocols).',
          },
        },
      ],
    });
  });

  it('an intake with a bad field and a bad zone: both refused, the options first', () => {
    const out = screen({ dateOfBirth: '1990-13-01' }, { ...options, timeZone: 'Mars/Olympus' });
    expect(out.ok).toBe(false);
    expect(out.findings.map((f) => [f.code, f.path])).toEqual([
      ['INVALID_TIME_ZONE', ['options', 'timeZone']],
      ['INVALID_INPUT', ['dateOfBirth']],
    ]);
  });
});

describe('screen with an unreadable argument', () => {
  function throwingAt(value: Record<string, unknown>, key: string): Record<string, unknown> {
    const copy = { ...value };
    Object.defineProperty(copy, key, {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    return copy;
  }

  it('an intake field that throws: INVALID_INPUT (unreadable) at the field', () => {
    const out = screen(throwingAt({ dateOfBirth: '1990-01-01' }, 'dateOfBirth') as Intake, options);
    expect(out.findings.map((f) => [f.code, f.path, f.params?.problem])).toEqual([['INVALID_INPUT', ['dateOfBirth'], 'unreadable']]);
  });

  it('an option that throws: INVALID_INPUT (unreadable) at options.<field>', () => {
    const out = screen({ dateOfBirth: '1990-01-01' }, throwingAt(options, 'asOf') as typeof options);
    expect(out.findings.map((f) => [f.code, f.path, f.params?.problem])).toEqual([['INVALID_INPUT', ['options', 'asOf'], 'unreadable']]);
  });
});

describe('a screening wait past the supported dates', () => {
  it('the DATE_OUT_OF_RANGE warning names earliestStart as its path', () => {
    const out = screen({ dateOfBirth: '1990-05-14', laserRemoval: { date: '9999-12-31' } }, options);
    expect(out.ok && out.value.findings[1]).toEqual({
      code: 'DATE_OUT_OF_RANGE',
      severity: 'warning',
      message: 'earliestStart: "10000-03-30" is outside the supported range of local dates, 1900-01-01 to 9999-12-31.',
      path: ['earliestStart'],
      params: { path: 'earliestStart', value: '10000-03-30', min: '1900-01-01', max: '9999-12-31' },
    });
  });
});
