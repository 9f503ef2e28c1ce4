/**
 * The supported range: local dates 1900-01-01 to 9999-12-31, instants 1900-01-02T00:00:00Z to
 * 9999-12-30T23:59:59.999Z. What leaves it is refused with DATE_OUT_OF_RANGE ({ path, value, min,
 * max }); nothing the library writes is refused by its own parser.
 */
import { describe, expect, it } from 'vitest';
import {
  aftercare,
  applyEvent,
  createPlan,
  findSlots,
  localDateOf,
  parsePlan,
  replay,
  standardProtocol,
  toInstant,
  type Plan,
} from 'smp-protocol';
import { mustOk } from '../support/plans.js';

const protocol = standardProtocol;

function plan(timeZone: string, createdAt: string): Plan {
  return mustOk(createPlan({ id: 'p', clientId: 'c', protocol, timeZone, createdAt }));
}

const INSTANTS = { min: '1900-01-02T00:00:00Z', max: '9999-12-30T23:59:59.999Z' };

describe('instants at the top of the range', () => {
  it('refuses a booking at 9999-12-31T20:00:00Z in Pacific/Kiritimati (its end would be 10000-01-01 local)', () => {
    const p = plan('Pacific/Kiritimati', '9999-12-01T00:00:00Z');
    const r = applyEvent(
      p,
      { id: 'b1', type: 'sessionBooked', at: '9999-12-01T00:00:00Z', session: 1, start: '9999-12-31T20:00:00Z' },
      { protocol },
    );
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => [f.code, f.params])).toEqual([
      ['DATE_OUT_OF_RANGE', { path: 'start', value: '9999-12-31T20:00:00Z', ...INSTANTS }],
    ]);
  });

  it('refuses a booking whose end would pass the last instant, and the plan it keeps still parses', () => {
    const p = plan('Pacific/Kiritimati', '9999-12-01T00:00:00Z');
    const r = applyEvent(
      p,
      { id: 'b1', type: 'sessionBooked', at: '9999-12-01T00:00:00Z', session: 1, start: '9999-12-30T22:00:00Z' },
      { protocol },
    );
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.code)).toEqual(['DATE_OUT_OF_RANGE']);
    expect(r.findings[0]?.path).toEqual(['start']);
  });

  it('accepts a booking ending at the last hours of the range, and parsePlan accepts what it wrote', () => {
    const p = plan('Pacific/Kiritimati', '9999-12-01T00:00:00Z');
    const booked = mustOk(
      applyEvent(
        p,
        { id: 'b1', type: 'sessionBooked', at: '9999-12-01T00:00:00Z', session: 1, start: '9999-12-30T06:00:00Z' },
        { protocol },
      ),
    );
    expect(booked.sessions[0]?.booking).toEqual({ start: '9999-12-30T06:00:00Z', end: '9999-12-31T00:00:00+14:00' });
    expect(parsePlan(JSON.parse(JSON.stringify(booked))).ok).toBe(true);
    // Aftercare from that end would run past the range: refused, not written.
    const care = aftercare(booked, { protocol, session: 1 });
    expect(care.ok).toBe(false);
    expect(care.findings.map((f) => f.code)).toEqual(['DATE_OUT_OF_RANGE']);
  });

  it('9999-12-31T23:59:59Z then complete: DATE_OUT_OF_RANGE, never INTERNAL_ERROR, in applyEvent and replay', () => {
    const p = plan('UTC', '9999-12-01T00:00:00Z');
    const book = { id: 'b1', type: 'sessionBooked', at: '9999-12-01T00:00:00Z', session: 1, start: '9999-12-31T23:59:59Z' };
    const complete = { id: 'c1', type: 'sessionCompleted', at: '9999-12-31T23:59:59Z', session: 1, start: '9999-12-31T23:59:59Z' };
    const booked = applyEvent(p, book, { protocol });
    expect(booked.findings.map((f) => f.code)).toEqual(['DATE_OUT_OF_RANGE']);
    const completed = applyEvent(p, complete, { protocol });
    expect(completed.ok).toBe(false);
    expect(completed.findings.map((f) => f.code)).toContain('DATE_OUT_OF_RANGE');
    expect(completed.findings.map((f) => f.code)).not.toContain('INTERNAL_ERROR');
    const replayed = replay(p, [book, complete], { protocol });
    expect(replayed.ok).toBe(false);
    expect(replayed.findings.map((f) => f.code)).toContain('DATE_OUT_OF_RANGE');
    expect(replayed.findings.map((f) => f.code)).not.toContain('INTERNAL_ERROR');
  });

  it('parsePlan refuses a stored instant past the range with DATE_OUT_OF_RANGE at its path', () => {
    const p = plan('UTC', '2026-03-01T00:00:00Z');
    const stored = { ...JSON.parse(JSON.stringify(p)), createdAt: '9999-12-31T12:00:00Z' };
    const r = parsePlan(stored);
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => [f.code, f.path, f.params?.min, f.params?.max])).toEqual([
      ['DATE_OUT_OF_RANGE', ['createdAt'], INSTANTS.min, INSTANTS.max],
    ]);
  });
});

describe('localDateOf stays inside 1900-01-01 … 9999-12-31', () => {
  it('9999-12-31T23:59:59-18:00 in UTC would be 10000-01-01: refused', () => {
    const r = localDateOf('9999-12-31T23:59:59-18:00', 'UTC');
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => [f.code, f.params])).toEqual([
      ['DATE_OUT_OF_RANGE', { path: 'instant', value: '9999-12-31T23:59:59-18:00', ...INSTANTS }],
    ]);
  });

  it('1000-01-01T00:00:00+18:00 in Pacific/Chatham would be 0999-12-31: refused', () => {
    const r = localDateOf('1000-01-01T00:00:00+18:00', 'Pacific/Chatham');
    expect(r.findings.map((f) => f.code)).toEqual(['DATE_OUT_OF_RANGE']);
  });

  it('the first and last instants give the first and last days in the widest zones', () => {
    expect(localDateOf('1900-01-02T00:00:00Z', 'Etc/GMT+12')).toEqual({ ok: true, value: '1900-01-01', findings: [] });
    expect(localDateOf('9999-12-30T23:59:59Z', 'Pacific/Kiritimati')).toEqual({ ok: true, value: '9999-12-31', findings: [] });
    expect(localDateOf('1900-01-01T23:59:59Z', 'UTC').findings.map((f) => f.code)).toEqual(['DATE_OUT_OF_RANGE']);
    expect(localDateOf('9999-12-31T00:00:00Z', 'UTC').findings.map((f) => f.code)).toEqual(['DATE_OUT_OF_RANGE']);
  });

  it('toInstant refuses a wall time whose instant leaves the range', () => {
    expect(toInstant('9999-12-31T10:00', 'UTC').findings.map((f) => f.code)).toEqual(['DATE_OUT_OF_RANGE']);
    expect(toInstant('9999-12-31T10:00', 'Pacific/Kiritimati')).toEqual({ ok: true, value: '9999-12-31T10:00:00+14:00', findings: [] });
    expect(toInstant('1899-12-31T10:00', 'UTC').findings.map((f) => f.code)).toEqual(['DATE_OUT_OF_RANGE']);
  });
});

describe('computed dates never leave the range', () => {
  it('findSlots near the end of the range offers nothing past 9999-12-28 and never an unparseable instant', () => {
    const p = plan('UTC', '9999-12-20T00:00:00Z');
    const r = findSlots(p, {
      protocol,
      asOf: '9999-12-20T00:00:00Z',
      availability: {
        timeZone: 'UTC',
        weekly: ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, open: '09:00', close: '17:00' })),
        horizonDays: 90,
      },
      limit: 100,
    });
    const slots = mustOk(r);
    expect(slots.length).toBeGreaterThan(0);
    const last = slots
      .map((s) => s.localDate)
      .sort()
      .at(-1);
    expect(last).toBe('9999-12-28');
    for (const s of slots) expect(localDateOf(s.end, 'UTC').ok).toBe(true);
  });
});
