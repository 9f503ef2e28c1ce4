/**
 * Preparation for a session at the start of the supported range: an item that would begin before
 * the first supported instant is refused with DATE_OUT_OF_RANGE, never written; so is aftercare
 * that would end after the last one. A session missed or cancelled has no care items.
 */
import { describe, expect, it } from 'vitest';
import { aftercare, applyEvent, createPlan, preparation, standardProtocol } from 'smp-protocol';
import { mustFail, mustOk } from '../support/plans.js';

const protocol = standardProtocol;

function bookedAt(start: string) {
  const plan = mustOk(createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: '1900-01-02T00:00:00Z' }));
  return mustOk(applyEvent(plan, { id: 'b1', type: 'sessionBooked', at: '1900-01-02T00:00:00Z', session: 1, start }, { protocol }));
}

describe('preparation at the start of the range', () => {
  it('refuses a session whose preparation would begin before 1900-01-02T00:00:00Z', () => {
    expect(
      mustFail(preparation(bookedAt('1900-01-02T10:00:00Z'), { protocol, session: 1 })).map((f) => [
        f.code,
        f.severity,
        f.params,
        f.session,
      ]),
    ).toEqual([
      [
        'DATE_OUT_OF_RANGE',
        'error',
        { path: 'session', value: '1900-01-02T10:00:00+00:00', min: '1900-01-02T00:00:00Z', max: '9999-12-30T23:59:59.999Z' },
        1,
      ],
    ]);
  });

  it('the first session whose 14-day no-hair-dye item fits starts on 1900-01-16T00:00:00Z; a second earlier is refused', () => {
    const items = mustOk(preparation(bookedAt('1900-01-16T00:00:00Z'), { protocol, session: 1 }));
    expect(items.map((i) => [i.rule, i.from, i.until])).toEqual([
      ['no-hair-dye', '1900-01-02T00:00:00+00:00', '1900-01-16T00:00:00+00:00'],
      ['no-blood-thinners', '1900-01-09T00:00:00+00:00', '1900-01-16T00:00:00+00:00'],
      ['no-tanning', '1900-01-09T00:00:00+00:00', '1900-01-16T00:00:00+00:00'],
      ['pause-minoxidil', '1900-01-09T00:00:00+00:00', '1900-01-16T00:00:00+00:00'],
      ['no-alcohol', '1900-01-14T00:00:00+00:00', '1900-01-16T00:00:00+00:00'],
      ['trim-with-clippers', '1900-01-14T00:00:00+00:00', '1900-01-15T00:00:00+00:00'],
      ['no-caffeine', '1900-01-15T00:00:00+00:00', '1900-01-16T00:00:00+00:00'],
    ]);
    expect(mustFail(preparation(bookedAt('1900-01-15T23:59:59Z'), { protocol, session: 1 })).map((f) => f.code)).toEqual([
      'DATE_OUT_OF_RANGE',
    ]);
  });
});

describe('aftercare at the end of the range', () => {
  it('refuses a session whose aftercare would end after 9999-12-30T23:59:59.999Z, naming its end', () => {
    const plan = mustOk(createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: '9999-12-01T00:00:00Z' }));
    const booked = mustOk(
      applyEvent(
        plan,
        { id: 'b1', type: 'sessionBooked', at: '9999-12-01T00:00:00Z', session: 1, start: '9999-12-20T10:00:00Z' },
        { protocol },
      ),
    );
    expect(mustFail(aftercare(booked, { protocol, session: 1 })).map((f) => [f.code, f.severity, f.params, f.session])).toEqual([
      [
        'DATE_OUT_OF_RANGE',
        'error',
        { path: 'session', value: '9999-12-20T14:00:00+00:00', min: '1900-01-02T00:00:00Z', max: '9999-12-30T23:59:59.999Z' },
        1,
      ],
    ]);
  });
});

describe('care for a session that did not happen', () => {
  it('a missed or cancelled session is SESSION_NOT_BOOKED (it keeps no booking)', () => {
    const plan = mustOk(createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: '2026-01-05T09:00:00Z' }));
    const booked = mustOk(
      applyEvent(
        plan,
        { id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:00:00Z', session: 1, start: '2026-01-12T10:00:00Z' },
        { protocol },
      ),
    );
    const missed = mustOk(applyEvent(booked, { id: 'm1', type: 'sessionMissed', at: '2026-01-12T11:00:00Z', session: 1 }, { protocol }));
    const cancelled = mustOk(
      applyEvent(booked, { id: 'x1', type: 'sessionCancelled', at: '2026-01-06T11:00:00Z', session: 1 }, { protocol }),
    );
    for (const p of [missed, cancelled]) {
      expect(mustFail(aftercare(p, { protocol, session: 1 })).map((f) => [f.code, f.params])).toEqual([
        ['SESSION_NOT_BOOKED', { session: 1, state: p.sessions[0]?.state }],
      ]);
      expect(mustFail(preparation(p, { protocol, session: 1 })).map((f) => f.code)).toEqual(['SESSION_NOT_BOOKED']);
    }
  });
});
