// A forecast's earliest and recommended dates are what the forecast means: one past 9999-12-31 is
// refused with DATE_OUT_OF_RANGE, never written as a date our own parser refuses. pastDue and
// latest past it are left out (as far away as never).
import { describe, expect, it } from 'vitest';
import { forecast, standardProtocol, toInstant } from 'smp-protocol';
import { aPlan } from 'smp-protocol/testing';
import { mustOk } from '../support/plans.js';

describe('forecast dates past the supported range', () => {
  it('session 1 on 9999-12-24 in Pacific/Kiritimati: session 2 recommended on 10000-01-03 is refused, not emitted', () => {
    const plan = mustOk(aPlan().inZone('Pacific/Kiritimati').withSession(1, '9999-12-24T10:00').build());
    const out = forecast(plan, { protocol: standardProtocol, asOf: '9999-12-25T09:00:00Z' });
    expect(out.ok).toBe(false);
    expect(out.findings.map((f) => [f.code, f.severity, f.path, f.params])).toEqual([
      [
        'DATE_OUT_OF_RANGE',
        'error',
        ['sessions', 1, 'recommended'],
        { path: 'sessions[1].recommended', value: '10000-01-03', min: '1900-01-01', max: '9999-12-31' },
      ],
    ]);
    expect(out.findings[0]?.message).toBe(
      'sessions[1].recommended: "10000-01-03" is outside the supported range of local dates, 1900-01-01 to 9999-12-31.',
    );
  });

  it('an earliest date past the range is named before the recommended one', () => {
    const plan = mustOk(aPlan().inZone('Pacific/Kiritimati').withSession(1, '9999-12-29T10:00').build());
    const out = forecast(plan, { protocol: standardProtocol, asOf: '9999-12-29T22:00:00Z' });
    expect(out.findings.map((f) => [f.code, f.path, f.params?.value])).toEqual([
      ['DATE_OUT_OF_RANGE', ['sessions', 1, 'earliest'], '10000-01-05'],
    ]);
  });

  it('dates inside the range are emitted, each one a date our own parser accepts', () => {
    const plan = mustOk(aPlan().inZone('Pacific/Kiritimati').withSession(1, '9999-11-01T10:00').build());
    const out = mustOk(forecast(plan, { protocol: standardProtocol, asOf: '9999-11-02T09:00:00Z' }));
    expect(out.sessions.map((s) => [s.session, s.earliest, s.recommended, s.pastDue, s.latest])).toEqual([
      [1, undefined, undefined, undefined, undefined],
      [2, '9999-11-08', '9999-11-11', '9999-11-16', '9999-12-01'],
      // Session 3's latest would be 10000-01-06 (projected 9999-11-11 + 56 days): left out.
      [3, '9999-11-18', '9999-11-25', '9999-12-10', undefined],
    ]);
    for (const s of out.sessions)
      for (const d of [s.earliest, s.recommended, s.pastDue, s.latest])
        if (d !== undefined) expect(toInstant(`${d}T12:00`, 'UTC').ok).toBe(true);
  });
});
