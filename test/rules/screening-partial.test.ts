/**
 * A protocol screens only the conditions it has a rule for: an intake declaring the others is
 * eligible under it, and each rule applies alone (a chemotherapy rule with a clearance after the
 * wait, a rule without a wait).
 */
import { describe, expect, it } from 'vitest';
import { defineProtocol, screen, standardProtocol, type Protocol } from 'smp-protocol';
import { mustOk } from '../support/plans.js';

const when = { asOf: '2026-01-15T10:00:00Z', timeZone: 'Europe/London' };

function withScreening(screening: Protocol['screening']): Protocol {
  return mustOk(defineProtocol({ ...standardProtocol, id: 'partial-screening', screening }));
}

const everything = {
  dateOfBirth: '1990-05-14',
  hairTransplant: { date: '2025-12-01' },
  scar: { since: '2025-12-01', healed: false },
  isotretinoin: { lastDose: '2025-12-01' },
  chemotherapy: { lastTreatment: '2025-12-01', plannedStart: '2026-01-20' },
  laserRemoval: { date: '2025-12-01' },
  alopeciaAreata: { stableSince: '2025-12-01' },
  activeScalpConditions: ['psoriasis'],
};

describe('screening under a protocol with few rules', () => {
  it('a protocol that screens only pregnancy finds a client declaring every other condition eligible', () => {
    const protocol = withScreening({
      minimumAgeYears: 18,
      conditions: { pregnant: { outcome: 'deferred', reason: 'no treatment during pregnancy' } },
    });
    expect(mustOk(screen(everything, { ...when, protocol }))).toEqual({ outcome: 'eligible', findings: [] });
  });

  it('a chemotherapy rule alone: the dated wait, the planned start and the clearance, each once', () => {
    const protocol = withScreening({
      minimumAgeYears: 18,
      conditions: { chemotherapy: { outcome: 'deferred', waitDays: 60, clearanceAfterWait: true, plannedWithinDays: 10, reason: 'chemo' } },
    });
    const out = mustOk(screen(everything, { ...when, protocol }));
    expect(out.outcome).toBe('deferred');
    expect(out.earliestStart).toBe('2026-01-30');
    expect(out.findings.map((f) => [f.code, f.severity, f.params])).toEqual([
      ['SCREENING_DEFERRED', 'warning', { condition: 'chemotherapy', reason: 'chemo', until: '2026-01-30' }],
      ['SCREENING_DEFERRED', 'warning', { condition: 'chemotherapy', reason: 'chemo', plannedStart: '2026-01-20' }],
      ['SCREENING_CLEARANCE_REQUIRED', 'warning', { condition: 'chemotherapy', reason: 'chemo' }],
    ]);
  });

  it('a clearance after the wait is still required once the wait is over, and not without a last treatment', () => {
    const protocol = withScreening({
      minimumAgeYears: 18,
      conditions: { chemotherapy: { outcome: 'deferred', waitDays: 30, clearanceAfterWait: true, reason: 'chemo' } },
    });
    const over = mustOk(screen({ dateOfBirth: '1990-05-14', chemotherapy: { lastTreatment: '2025-12-01' } }, { ...when, protocol }));
    expect(over.findings.map((f) => [f.code, f.params])).toEqual([
      ['SCREENING_CLEARANCE_REQUIRED', { condition: 'chemotherapy', reason: 'chemo' }],
    ]);
    const planned = mustOk(screen({ dateOfBirth: '1990-05-14', chemotherapy: { plannedStart: '2026-06-01' } }, { ...when, protocol }));
    expect(planned).toEqual({ outcome: 'eligible', findings: [] });
  });

  it('a rule without a wait applies for as long as it is declared, with no date', () => {
    const protocol = withScreening({
      minimumAgeYears: 18,
      conditions: { hairTransplant: { outcome: 'ineligible', reason: 'no SMP after a transplant here' } },
    });
    const out = mustOk(screen({ dateOfBirth: '1990-05-14', hairTransplant: { date: '2000-01-01' } }, { ...when, protocol }));
    expect(out).toEqual({
      outcome: 'ineligible',
      findings: [
        expect.objectContaining({
          code: 'SCREENING_INELIGIBLE',
          severity: 'error',
          params: { condition: 'hairTransplant', reason: 'no SMP after a transplant here' },
        }),
      ],
    });
  });

  it('a chemotherapy rule without a clearance: only the wait', () => {
    const protocol = withScreening({
      minimumAgeYears: 18,
      conditions: { chemotherapy: { outcome: 'deferred', waitDays: 60, reason: 'chemo' } },
    });
    const out = mustOk(screen({ dateOfBirth: '1990-05-14', chemotherapy: { lastTreatment: '2025-12-01' } }, { ...when, protocol }));
    expect(out.findings.map((f) => [f.code, f.params])).toEqual([
      ['SCREENING_DEFERRED', { condition: 'chemotherapy', reason: 'chemo', until: '2026-01-30' }],
    ]);
  });

  it('the standard rule with a last treatment and no planned start: the wait and the clearance, no planned-start deferral', () => {
    const out = mustOk(
      screen({ dateOfBirth: '1990-05-14', chemotherapy: { lastTreatment: '2025-12-01' } }, { ...when, protocol: standardProtocol }),
    );
    expect(out.findings.map((f) => [f.code, f.params?.condition, f.params?.until, f.params?.plannedStart])).toEqual([
      ['SCREENING_DEFERRED', 'chemotherapy', '2026-06-01', undefined],
      ['SCREENING_CLEARANCE_REQUIRED', 'chemotherapy', undefined, undefined],
    ]);
    expect(out.findings.map((f) => Object.keys(f.params ?? {}))).toEqual([
      ['condition', 'reason', 'until'],
      ['condition', 'reason'],
    ]);
  });
});
