/**
 * Screening against one protocol out of a list: `options.protocols` with `options.protocol` as the
 * `{ id, version }` to screen for.
 */
import { describe, expect, it } from 'vitest';
import { protocols, screen, standardProtocol } from 'smp-protocol';
import { mustFail, mustOk } from '../support/plans.js';

const intake = { dateOfBirth: '1990-05-14' };
const when = { asOf: '2026-03-23T12:00:00Z', timeZone: 'Europe/London' };
const list = Object.values(protocols);

describe('screen with options.protocols', () => {
  it('screens for the protocol named by { id, version }', () => {
    const named = { id: standardProtocol.id, version: standardProtocol.version };
    expect(mustOk(screen(intake, { ...when, protocols: list, protocol: named }))).toEqual(
      mustOk(screen(intake, { ...when, protocol: standardProtocol })),
    );
  });

  it.each([
    ['no protocol', undefined],
    ['a protocol name only', 'standard'],
    ['no version', { id: standardProtocol.id }],
    ['a version as text', { id: standardProtocol.id, version: String(standardProtocol.version) }],
    ['no id', { version: standardProtocol.version }],
    ['null', null],
  ])('refuses %s as INVALID_INPUT at options.protocol', (_, protocol) => {
    expect(mustFail(screen(intake, { ...when, protocols: list, protocol } as never)).map((f) => [f.code, f.path])).toEqual([
      ['INVALID_INPUT', ['options', 'protocol']],
    ]);
  });

  it('refuses an { id, version } that is not in the list', () => {
    const findings = mustFail(screen(intake, { ...when, protocols: list, protocol: { id: standardProtocol.id, version: 999 } }));
    expect(findings.map((f) => f.code)).toEqual(['PROTOCOL_MISMATCH']);
  });
});
