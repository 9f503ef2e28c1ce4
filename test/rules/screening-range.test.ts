// A screening wait that ends after 9999-12-31 has no date we may emit: the screening still defers,
// the date is left out, and a DATE_OUT_OF_RANGE warning says why.
import { describe, expect, it } from 'vitest';
import { localDateOf, screen, standardProtocol } from 'smp-protocol';
import { mustOk } from '../support/plans.js';

describe('screening dates past the supported range', () => {
  it('laser removal on 9999-12-31 (a 90-day wait): deferred, no earliestStart, DATE_OUT_OF_RANGE (warning) naming the date', () => {
    const out = mustOk(
      screen(
        { dateOfBirth: '1990-05-14', laserRemoval: { date: '9999-12-31' } },
        { protocol: standardProtocol, asOf: '2026-03-01T09:00:00Z', timeZone: 'Europe/London' },
      ),
    );
    expect(out.outcome).toBe('deferred');
    expect('earliestStart' in out).toBe(false);
    expect(out.findings.map((f) => [f.code, f.severity, f.params?.until, f.params?.value])).toEqual([
      ['SCREENING_DEFERRED', 'warning', undefined, undefined],
      ['DATE_OUT_OF_RANGE', 'warning', undefined, '10000-03-30'],
    ]);
    expect(out.findings[1]?.message).toBe(
      'earliestStart: "10000-03-30" is outside the supported range of local dates, 1900-01-01 to 9999-12-31.',
    );
  });

  it('a wait ending inside the range keeps its date', () => {
    const out = mustOk(
      screen(
        { dateOfBirth: '1990-05-14', laserRemoval: { date: '9999-09-30' } },
        { protocol: standardProtocol, asOf: '2026-03-01T09:00:00Z', timeZone: 'Europe/London' },
      ),
    );
    expect(out.earliestStart).toBe('9999-12-29'); // 90 days after the removal
    expect(mustOk(localDateOf('9999-12-30T12:00:00Z', 'UTC'))).toBe('9999-12-30');
  });
});
