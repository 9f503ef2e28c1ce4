// Exports bound their output by the input's meaning: a megabyte calendar name is ignored with a
// warning, not written; an unreadable option is INVALID_INPUT (unreadable) at its path.
import { describe, expect, it } from 'vitest';
import { standardProtocol } from 'smp-protocol';
import { toFhir } from 'smp-protocol/fhir';
import { toICalendar } from 'smp-protocol/ical';
import { mustFail, mustOk, newPlan } from '../support/plans.js';

describe('export options', () => {
  it('toICalendar ignores a name over 256 characters with a warning', () => {
    const out = toICalendar(newPlan(), { protocol: standardProtocol, name: 'a'.repeat(2 ** 20) });
    const ics = mustOk(out);
    expect(ics.length).toBeLessThan(2_000);
    expect(out.findings.map((f) => [f.code, f.severity, f.path])).toEqual([['INVALID_INPUT', 'warning', ['options', 'name']]]);
    expect(out.findings[0]?.message).toBe('options.name: is too long (at most 256 characters); ignored');
  });

  it('a getter that throws in the options of toICalendar and toFhir is INVALID_INPUT (unreadable)', () => {
    const hostile = (key: string): Record<string, unknown> =>
      Object.defineProperty({ protocol: standardProtocol }, key, {
        enumerable: true,
        get() {
          throw new Error('boom');
        },
      });
    const row = (f: { code: string; path?: readonly (string | number)[]; params?: Record<string, unknown> }) => [
      f.code,
      f.path,
      f.params?.problem,
    ];
    expect(mustFail(toICalendar(newPlan(), hostile('name') as never)).map(row)).toEqual([
      ['INVALID_INPUT', ['options', 'name'], 'unreadable'],
    ]);
    expect(mustFail(toFhir(newPlan(), hostile('transaction') as never)).map(row)).toEqual([
      ['INVALID_INPUT', ['options', 'transaction'], 'unreadable'],
    ]);
  });
});

describe('export options of the wrong kind', () => {
  it('a null-prototype object as options.timeZone is INVALID_TIME_ZONE (warning), not an internal error', () => {
    const zone = Object.assign(Object.create(null) as object, { a: 1 });
    const out = toICalendar(newPlan(), { protocol: standardProtocol, timeZone: zone as never });
    expect(out.ok).toBe(true);
    expect(out.findings.map((f) => [f.code, f.severity, f.path, f.params?.value])).toEqual([
      ['INVALID_TIME_ZONE', 'warning', ['options', 'timeZone'], '[object]'],
    ]);
  });
});
