import { describe, expect, it } from 'vitest';
import { defineProtocol, protocols, standardProtocol, type Gap, type Protocol } from 'smp-protocol';
import { mustOk } from '../support/plans.js';

type Days = Omit<Gap, 'from'>;
const days = (a: number, m: number, er: number, lr: number, max: number): Days => ({
  absoluteMinimumDays: a,
  minimumDays: m,
  earliestRecommendedDays: er,
  latestRecommendedDays: lr,
  maximumDays: max,
});

const STANDARD_12 = days(5, 7, 10, 14, 30);
const STANDARD_23 = days(5, 7, 14, 28, 56);
const SCAR = days(10, 14, 21, 42, 84);

/** The shape of a three-session course: phases, durations and the gap of sessions 2 and 3. */
function expectThreeSessions(p: Protocol, gap12: Days, gap23: Days): void {
  expect(p.sessions.map((s) => s.number)).toEqual([1, 2, 3]);
  expect(p.sessions.map((s) => s.phase)).toEqual(['foundation', 'density', 'refinement']);
  expect(p.sessions.map((s) => s.durationMinutes)).toEqual([240, 180, 180]);
  expect(p.sessions[0]?.gaps).toEqual([]);
  expect(p.sessions[1]?.gaps).toEqual([{ from: 'previous', ...gap12 }]);
  expect(p.sessions[2]?.gaps).toEqual([{ from: 'previous', ...gap23 }]);
}

describe('built-in protocols', () => {
  it('lists exactly the five variants of docs/defaults.md by id', () => {
    expect(Object.keys(protocols).sort()).toEqual(
      ['alopecia-areata', 'diffuse-thinning', 'scar-camouflage', 'standard', 'touch-up'].sort(),
    );
    for (const [id, p] of Object.entries(protocols)) {
      expect(p.id).toBe(id);
      expect(p.version).toBe(1);
    }
  });

  it('standard: three sessions, 1→2 5/7/10–14/30, 2→3 5/7/14–28/56, one extra with the 2→3 gap', () => {
    expect(protocols.standard).toBe(standardProtocol);
    expectThreeSessions(standardProtocol, STANDARD_12, STANDARD_23);
    expect(standardProtocol.extraSessions).toMatchObject({ max: 1, phase: 'extra', durationMinutes: 120, gap: STANDARD_23 });
    expect(standardProtocol.policy).toEqual({ cancellationNoticeHours: 48 });
  });

  it('scar-camouflage: every gap 10/14/21–42/84, up to two extras', () => {
    const p = protocols['scar-camouflage'];
    expectThreeSessions(p, SCAR, SCAR);
    expect(p.extraSessions).toMatchObject({ max: 2, phase: 'extra', durationMinutes: 120, gap: SCAR });
    expect(p.policy).toEqual({ cancellationNoticeHours: 48 });
  });

  it('diffuse-thinning: every gap 5/7/10–14/30, one extra', () => {
    const p = protocols['diffuse-thinning'];
    expectThreeSessions(p, STANDARD_12, STANDARD_12);
    expect(p.extraSessions).toMatchObject({ max: 1, phase: 'extra', durationMinutes: 120, gap: STANDARD_12 });
    expect(p.policy).toEqual({ cancellationNoticeHours: 48 });
  });

  it('alopecia-areata: the standard gaps with up to two extras', () => {
    const p = protocols['alopecia-areata'];
    expectThreeSessions(p, STANDARD_12, STANDARD_23);
    expect(p.extraSessions).toMatchObject({ max: 2, phase: 'extra', durationMinutes: 120, gap: STANDARD_23 });
    expect(p.policy).toEqual({ cancellationNoticeHours: 48 });
  });

  it('touch-up: one touchUp session without gaps, one extra at 5/7/10–14/30', () => {
    const p = protocols['touch-up'];
    expect(p.sessions).toHaveLength(1);
    expect(p.sessions[0]).toMatchObject({ number: 1, phase: 'touchUp', durationMinutes: 120, gaps: [] });
    expect(p.extraSessions).toMatchObject({ max: 1, phase: 'extra', durationMinutes: 120, gap: STANDARD_12 });
    expect(p.policy).toEqual({ cancellationNoticeHours: 48 });
  });

  it('gives no built-in protocol a no-show limit', () => {
    for (const p of Object.values(protocols)) expect(p.policy.maxNoShows).toBeUndefined();
  });

  it('freezes every protocol deeply, and the map of protocols', () => {
    expect(Object.isFrozen(protocols)).toBe(true);
    for (const p of Object.values(protocols)) {
      expect(Object.isFrozen(p)).toBe(true);
      expect(Object.isFrozen(p.sessions)).toBe(true);
      expect(Object.isFrozen(p.policy)).toBe(true);
      expect(Object.isFrozen(p.extraSessions)).toBe(true);
      expect(Object.isFrozen(p.extraSessions.gap)).toBe(true);
      for (const s of p.sessions) {
        expect(Object.isFrozen(s)).toBe(true);
        expect(Object.isFrozen(s.gaps)).toBe(true);
        for (const g of s.gaps) expect(Object.isFrozen(g)).toBe(true);
      }
    }
  });

  it('refuses to be changed: writing a gap throws in strict mode and leaves the value', () => {
    const gap = standardProtocol.sessions[1]?.gaps[0] as Gap;
    expect(() => {
      (gap as { minimumDays: number }).minimumDays = 1;
    }).toThrow(TypeError);
    expect(gap.minimumDays).toBe(7);
    expect(() => {
      (standardProtocol.sessions as Protocol['sessions'][number][]).push(standardProtocol.sessions[0] as Protocol['sessions'][number]);
    }).toThrow(TypeError);
    expect(standardProtocol.sessions).toHaveLength(3);
  });

  it('passes its own validation: defineProtocol accepts every built-in protocol unchanged', () => {
    for (const p of Object.values(protocols)) {
      const defined = mustOk(defineProtocol(p));
      expect(defined).toEqual(p);
    }
  });

  it('is plain JSON data: a JSON round trip gives an equal, valid protocol', () => {
    for (const p of Object.values(protocols)) {
      const copy: unknown = JSON.parse(JSON.stringify(p));
      expect(copy).toEqual(p);
      expect(mustOk(defineProtocol(copy))).toEqual(p);
    }
  });
});
