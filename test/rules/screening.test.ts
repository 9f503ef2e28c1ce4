/**
 * Screening before session 1: every row of docs/defaults.md's eligibility table, the day before, the day
 * of and the day after each wait (the day a wait ends is the first allowed day), month arithmetic
 * that rolls forward, precedence, custom protocols, bad input and the zone of `asOf`.
 */
import { describe, expect, it } from 'vitest';
import {
  defineProtocol,
  screen,
  screeningConditions,
  standardProtocol,
  type Finding,
  type Protocol,
  type Screening,
  type ScreeningCondition,
} from 'smp-protocol';
import { codes, mustFail, mustOk } from '../support/plans.js';
import { writableCopy } from '../support/writable.js';

const ZONE = 'Europe/London';
const ADULT = '1990-05-14';

/** Noon UTC on a local date: the same date in Europe/London all year. */
const noon = (date: string): string => `${date}T12:00:00Z`;

function screenOn(intake: unknown, date: string, options: { protocol?: Protocol; timeZone?: string } = {}): Screening {
  return mustOk(screen(intake, { protocol: options.protocol ?? standardProtocol, asOf: noon(date), timeZone: options.timeZone ?? ZONE }));
}

/** A copy of the standard protocol with some screening rules replaced (and a name of its own). */
function withScreening(id: string, change: (s: NonNullable<Protocol['screening']>) => NonNullable<Protocol['screening']>): Protocol {
  const base = writableCopy(standardProtocol);
  if (base.screening === undefined) throw new Error('the standard protocol screens');
  return mustOk(defineProtocol({ ...base, id, screening: change(base.screening) }));
}

const reasonOf = (c: ScreeningCondition): string => {
  const r = standardProtocol.screening?.conditions[c]?.reason;
  if (r === undefined) throw new Error(`no rule for ${c}`);
  return r;
};

describe('the standard protocol screens every condition of the eligibility table', () => {
  it('has a rule for every condition the intake can carry', () => {
    expect(Object.keys(standardProtocol.screening?.conditions ?? {}).sort()).toEqual([...screeningConditions].sort());
    expect(standardProtocol.screening?.minimumAgeYears).toBe(18);
  });

  it('finds an adult with nothing to declare eligible, with no earliestStart', () => {
    const s = screenOn({ dateOfBirth: ADULT }, '2026-01-15');
    expect(s).toEqual({ outcome: 'eligible', findings: [] });
    expect('earliestStart' in s).toBe(false);
  });

  it('ignores conditions declared absent (false, empty list)', () => {
    const s = screenOn(
      {
        dateOfBirth: ADULT,
        pregnant: false,
        breastfeeding: false,
        activeScalpConditions: [],
        keloidHistory: false,
        anticoagulants: false,
        uncontrolledDiabetes: false,
        uncontrolledBloodPressure: false,
        heartCondition: false,
        epilepsy: false,
        scar: { since: '2020-01-01', healed: true },
      },
      '2026-01-15',
    );
    expect(s).toEqual({ outcome: 'eligible', findings: [] });
  });

  // Dated rows: [condition, intake, the day the wait ends (the first allowed day)].
  const dated: [ScreeningCondition, Record<string, unknown>, string][] = [
    ['underage', { dateOfBirth: '2008-06-15' }, '2026-06-15'],
    ['hairTransplant', { dateOfBirth: ADULT, hairTransplant: { date: '2025-12-10' } }, '2026-06-10'],
    ['scarAge', { dateOfBirth: ADULT, scar: { since: '2025-11-20', healed: true } }, '2026-05-20'],
    ['isotretinoin', { dateOfBirth: ADULT, isotretinoin: { lastDose: '2025-09-30' } }, '2026-03-30'],
    ['laserRemoval', { dateOfBirth: ADULT, laserRemoval: { date: '2026-01-01' } }, '2026-04-01'],
    ['alopeciaAreata', { dateOfBirth: ADULT, alopeciaAreata: { stableSince: '2025-07-31' } }, '2026-07-31'],
  ];

  describe.each(dated)('%s: a dated wait', (condition, intake, ends) => {
    const dayBefore = new Date(Date.parse(`${ends}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const dayAfter = new Date(Date.parse(`${ends}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

    it(`defers on the day before the wait ends (${dayBefore}), until ${ends}`, () => {
      const s = screenOn(intake, dayBefore);
      expect(s.outcome).toBe('deferred');
      expect(s.earliestStart).toBe(ends);
      expect(s.findings).toHaveLength(1);
      expect(s.findings[0]).toMatchObject({
        code: 'SCREENING_DEFERRED',
        severity: 'warning',
        params: { condition, reason: reasonOf(condition), until: ends },
      });
      expect(s.findings[0]?.message).toBe(`Treatment is deferred until ${ends}: ${reasonOf(condition)}.`);
    });

    it(`is eligible on the day the wait ends (${ends}): the first allowed day`, () => {
      expect(screenOn(intake, ends)).toEqual({ outcome: 'eligible', findings: [] });
    });

    it(`is eligible on the day after (${dayAfter})`, () => {
      expect(screenOn(intake, dayAfter)).toEqual({ outcome: 'eligible', findings: [] });
    });
  });

  it('defers a hair transplant exactly 6 months (clinics use 6–12), a laser removal exactly 90 days', () => {
    expect(screenOn({ dateOfBirth: ADULT, hairTransplant: { date: '2026-01-15' } }, '2026-01-15').earliestStart).toBe('2026-07-15');
    expect(screenOn({ dateOfBirth: ADULT, laserRemoval: { date: '2026-01-15' } }, '2026-01-15').earliestStart).toBe('2026-04-15');
  });

  it('defers a scar that is not healed, flat and pale, with no date, whatever its age', () => {
    const s = screenOn({ dateOfBirth: ADULT, scar: { since: '2015-01-01', healed: false } }, '2026-01-15');
    expect(s).toEqual({
      outcome: 'deferred',
      findings: [
        {
          code: 'SCREENING_DEFERRED',
          severity: 'warning',
          message: `Treatment is deferred: ${reasonOf('scarNotHealed')}.`,
          params: { condition: 'scarNotHealed', reason: reasonOf('scarNotHealed') },
        },
      ],
    });
  });

  it('gives a young, unhealed scar two reasons: not healed (undated) and too recent (dated)', () => {
    const s = screenOn({ dateOfBirth: ADULT, scar: { since: '2025-12-01', healed: false } }, '2026-01-15');
    expect(s.outcome).toBe('deferred');
    expect(s.earliestStart).toBe('2026-06-01');
    expect(s.findings.map((f) => [f.code, f.params?.condition, f.params?.until])).toEqual([
      ['SCREENING_DEFERRED', 'scarNotHealed', undefined],
      ['SCREENING_DEFERRED', 'scarAge', '2026-06-01'],
    ]);
  });

  // Undated rows: deferred while they last, or a doctor's clearance.
  const undated: [ScreeningCondition, Record<string, unknown>, 'deferred' | 'needsClearance'][] = [
    ['pregnant', { pregnant: true }, 'deferred'],
    ['breastfeeding', { breastfeeding: true }, 'deferred'],
    ['activeScalpConditions', { activeScalpConditions: ['psoriasis'] }, 'deferred'],
    ['keloidHistory', { keloidHistory: true }, 'needsClearance'],
    ['anticoagulants', { anticoagulants: true }, 'needsClearance'],
    ['uncontrolledDiabetes', { uncontrolledDiabetes: true }, 'needsClearance'],
    ['uncontrolledBloodPressure', { uncontrolledBloodPressure: true }, 'needsClearance'],
    ['heartCondition', { heartCondition: true }, 'needsClearance'],
    ['epilepsy', { epilepsy: true }, 'needsClearance'],
  ];

  it.each(undated)('%s: %s, with no date (it adds no earliestStart)', (condition, declared, outcome) => {
    const s = screenOn({ dateOfBirth: ADULT, ...declared }, '2026-01-15');
    expect(s.outcome).toBe(outcome);
    expect('earliestStart' in s).toBe(false);
    expect(s.findings).toHaveLength(1);
    const f = s.findings[0];
    expect(f?.code).toBe(outcome === 'deferred' ? 'SCREENING_DEFERRED' : 'SCREENING_CLEARANCE_REQUIRED');
    expect(f?.severity).toBe('warning');
    expect(f?.params).toMatchObject({ condition, reason: reasonOf(condition) });
    expect(f?.params?.until).toBeUndefined();
    expect(f?.message).toBe(
      outcome === 'deferred'
        ? `Treatment is deferred: ${reasonOf(condition)}.`
        : `A doctor's clearance is required before treatment: ${reasonOf(condition)}.`,
    );
  });

  it('names the active scalp conditions in the finding', () => {
    const s = screenOn({ dateOfBirth: ADULT, activeScalpConditions: ['psoriasis', 'sunburn'] }, '2026-01-15');
    expect(s.findings[0]?.params).toEqual({
      condition: 'activeScalpConditions',
      reason: reasonOf('activeScalpConditions'),
      conditions: 'psoriasis, sunburn',
    });
  });
});

describe('month arithmetic rolls forward', () => {
  it('isotretinoin: 2025-08-31 + 6 months = 2026-03-01 (there is no 31 February)', () => {
    const s = screenOn({ dateOfBirth: ADULT, isotretinoin: { lastDose: '2025-08-31' } }, '2026-01-15');
    expect(s).toEqual({
      outcome: 'deferred',
      earliestStart: '2026-03-01',
      findings: [
        {
          code: 'SCREENING_DEFERRED',
          severity: 'warning',
          message: 'Treatment is deferred until 2026-03-01: isotretinoin leaves the skin fragile for 6 months after the last dose.',
          params: {
            condition: 'isotretinoin',
            reason: 'isotretinoin leaves the skin fragile for 6 months after the last dose',
            until: '2026-03-01',
          },
        },
      ],
    });
    expect(screenOn({ dateOfBirth: ADULT, isotretinoin: { lastDose: '2025-08-31' } }, '2026-02-28').outcome).toBe('deferred');
    expect(screenOn({ dateOfBirth: ADULT, isotretinoin: { lastDose: '2025-08-31' } }, '2026-03-01').outcome).toBe('eligible');
  });

  it('alopecia areata stable since 29 February 2028: + 12 months = 1 March 2029', () => {
    const intake = { dateOfBirth: ADULT, alopeciaAreata: { stableSince: '2028-02-29' } };
    expect(screenOn(intake, '2029-02-28').earliestStart).toBe('2029-03-01');
    expect(screenOn(intake, '2029-03-01').outcome).toBe('eligible');
  });

  it('a hair transplant on 29, 30 or 31 August 2025 waits until 1 March 2026; on 28 August, until 28 February', () => {
    for (const date of ['2025-08-29', '2025-08-30', '2025-08-31']) {
      expect(screenOn({ dateOfBirth: ADULT, hairTransplant: { date } }, '2026-01-15').earliestStart).toBe('2026-03-01');
    }
    expect(screenOn({ dateOfBirth: ADULT, hairTransplant: { date: '2025-08-28' } }, '2026-01-15').earliestStart).toBe('2026-02-28');
    // In a leap year the 29th exists.
    expect(screenOn({ dateOfBirth: ADULT, hairTransplant: { date: '2027-08-31' } }, '2027-09-15').earliestStart).toBe('2028-03-01');
    expect(screenOn({ dateOfBirth: ADULT, hairTransplant: { date: '2027-08-29' } }, '2027-09-15').earliestStart).toBe('2028-02-29');
  });

  it('a custom 1-month wait from 31 January ends on 1 March; months come before days', () => {
    const p = withScreening('one-month', (s) => ({
      ...s,
      conditions: {
        ...s.conditions,
        hairTransplant: { outcome: 'deferred', waitMonths: 1, reason: 'one month' },
        laserRemoval: { outcome: 'deferred', waitMonths: 1, waitDays: 10, reason: 'one month and ten days' },
      },
    }));
    expect(screenOn({ dateOfBirth: ADULT, hairTransplant: { date: '2026-01-31' } }, '2026-02-01', { protocol: p }).earliestStart).toBe(
      '2026-03-01',
    );
    // 31 January + 1 month = 1 March, + 10 days = 11 March (10 days first would give 10 March).
    expect(screenOn({ dateOfBirth: ADULT, laserRemoval: { date: '2026-01-31' } }, '2026-02-01', { protocol: p }).earliestStart).toBe(
      '2026-03-11',
    );
  });
});

describe('the 18th birthday', () => {
  it('is the first allowed day', () => {
    expect(screenOn({ dateOfBirth: '2008-01-15' }, '2026-01-14')).toMatchObject({ outcome: 'deferred', earliestStart: '2026-01-15' });
    expect(screenOn({ dateOfBirth: '2008-01-15' }, '2026-01-15')).toEqual({ outcome: 'eligible', findings: [] });
  });

  it('of a client born on 29 February 2008 is 1 March 2026 (not a leap year)', () => {
    const born = { dateOfBirth: '2008-02-29' };
    const before = screenOn(born, '2026-02-28');
    expect(before).toEqual({
      outcome: 'deferred',
      earliestStart: '2026-03-01',
      findings: [
        {
          code: 'SCREENING_DEFERRED',
          severity: 'warning',
          message: 'Treatment is deferred until 2026-03-01: clients must be 18 or older.',
          params: { condition: 'underage', reason: 'clients must be 18 or older', until: '2026-03-01' },
        },
      ],
    });
    expect(screenOn(born, '2026-03-01').outcome).toBe('eligible');
    expect(screenOn(born, '2026-03-02').outcome).toBe('eligible');
  });

  it('of a child is years away; a client born in the future is deferred too', () => {
    expect(screenOn({ dateOfBirth: '2020-07-04' }, '2026-01-15').earliestStart).toBe('2038-07-04');
    expect(screenOn({ dateOfBirth: '2027-01-01' }, '2026-01-15').earliestStart).toBe('2045-01-01');
  });

  it("follows the protocol's minimum age", () => {
    const p = withScreening('twenty-one', (s) => ({ ...s, minimumAgeYears: 21 }));
    expect(screenOn({ dateOfBirth: '2004-06-01' }, '2025-05-31', { protocol: p }).earliestStart).toBe('2025-06-01');
    expect(screenOn({ dateOfBirth: '2004-06-01' }, '2025-05-31').outcome).toBe('eligible');
  });
});

describe('chemotherapy', () => {
  const chemo = (c: Record<string, string>): Record<string, unknown> => ({ dateOfBirth: ADULT, chemotherapy: c });
  const reason = reasonOf('chemotherapy');

  it('in the past: deferred 6 months after the last treatment, and a clearance required', () => {
    const s = screenOn(chemo({ lastTreatment: '2025-10-15' }), '2026-04-14');
    expect(s).toEqual({
      outcome: 'deferred',
      earliestStart: '2026-04-15',
      findings: [
        {
          code: 'SCREENING_DEFERRED',
          severity: 'warning',
          message: `Treatment is deferred until 2026-04-15: ${reason}.`,
          params: { condition: 'chemotherapy', reason, until: '2026-04-15' },
        },
        {
          code: 'SCREENING_CLEARANCE_REQUIRED',
          severity: 'warning',
          message: `A doctor's clearance is required before treatment: ${reason}.`,
          params: { condition: 'chemotherapy', reason },
        },
      ],
    });
  });

  it('from the day the wait ends: no longer deferred, but the clearance is still required', () => {
    for (const date of ['2026-04-15', '2026-04-16', '2030-01-01']) {
      const s = screenOn(chemo({ lastTreatment: '2025-10-15' }), date);
      expect(s.outcome).toBe('needsClearance');
      expect('earliestStart' in s).toBe(false);
      expect(s.findings.map((f) => [f.code, f.params?.condition])).toEqual([['SCREENING_CLEARANCE_REQUIRED', 'chemotherapy']]);
    }
  });

  it('planned within 4 weeks: deferred (undated), up to and including day 28', () => {
    for (const plannedStart of ['2026-01-15', '2026-01-16', '2026-02-12']) {
      const s = screenOn(chemo({ plannedStart }), '2026-01-15');
      expect(s.outcome).toBe('deferred');
      expect('earliestStart' in s).toBe(false);
      expect(s.findings).toEqual([
        {
          code: 'SCREENING_DEFERRED',
          severity: 'warning',
          message: `Treatment is deferred: ${reason}.`,
          params: { condition: 'chemotherapy', reason, plannedStart },
        },
      ]);
    }
  });

  it('planned later than 4 weeks: not deferred (day 29 and beyond)', () => {
    expect(screenOn(chemo({ plannedStart: '2026-02-13' }), '2026-01-15')).toEqual({ outcome: 'eligible', findings: [] });
    expect(screenOn(chemo({ plannedStart: '2026-09-01' }), '2026-01-15')).toEqual({ outcome: 'eligible', findings: [] });
  });

  it('a planned start that has already passed still defers (treatment is under way)', () => {
    expect(screenOn(chemo({ plannedStart: '2026-01-01' }), '2026-01-15').outcome).toBe('deferred');
  });

  it('past and planned soon: three reasons, one finding each', () => {
    const s = screenOn(chemo({ lastTreatment: '2025-12-01', plannedStart: '2026-02-01' }), '2026-01-15');
    expect(s.outcome).toBe('deferred');
    expect(s.earliestStart).toBe('2026-06-01');
    expect(s.findings.map((f) => [f.code, f.params?.until ?? f.params?.plannedStart ?? null])).toEqual([
      ['SCREENING_DEFERRED', '2026-06-01'],
      ['SCREENING_DEFERRED', '2026-02-01'],
      ['SCREENING_CLEARANCE_REQUIRED', null],
    ]);
  });

  it('an empty chemotherapy record declares nothing', () => {
    expect(screenOn(chemo({}), '2026-01-15')).toEqual({ outcome: 'eligible', findings: [] });
  });
});

describe('several reasons at once', () => {
  const many = {
    dateOfBirth: ADULT,
    hairTransplant: { date: '2025-12-10' }, // until 2026-06-10
    isotretinoin: { lastDose: '2025-08-31' }, // until 2026-03-01
    laserRemoval: { date: '2026-01-01' }, // until 2026-04-01
    pregnant: true,
    anticoagulants: true,
    epilepsy: true,
  };

  it('gives one finding per reason, in the table order, and the latest dated wait as earliestStart', () => {
    const s = screenOn(many, '2026-01-15');
    expect(s.outcome).toBe('deferred');
    expect(s.earliestStart).toBe('2026-06-10');
    expect(s.findings.map((f) => [f.code, f.params?.condition, f.params?.until ?? null])).toEqual([
      ['SCREENING_DEFERRED', 'hairTransplant', '2026-06-10'],
      ['SCREENING_DEFERRED', 'isotretinoin', '2026-03-01'],
      ['SCREENING_DEFERRED', 'laserRemoval', '2026-04-01'],
      ['SCREENING_DEFERRED', 'pregnant', null],
      ['SCREENING_CLEARANCE_REQUIRED', 'anticoagulants', null],
      ['SCREENING_CLEARANCE_REQUIRED', 'epilepsy', null],
    ]);
  });

  it('drops each dated wait from the day it ends: earliestStart is the latest still running', () => {
    const s = screenOn(many, '2026-03-01');
    expect(s.earliestStart).toBe('2026-06-10');
    expect(s.findings.map((f) => f.params?.condition)).toEqual([
      'hairTransplant',
      'laserRemoval',
      'pregnant',
      'anticoagulants',
      'epilepsy',
    ]);
    const later = screenOn(many, '2026-06-10');
    // Only the undated deferral and the clearances remain: still deferred, with no date.
    expect(later.outcome).toBe('deferred');
    expect('earliestStart' in later).toBe(false);
    expect(codes(later.findings)).toEqual(['SCREENING_DEFERRED', 'SCREENING_CLEARANCE_REQUIRED', 'SCREENING_CLEARANCE_REQUIRED']);
  });

  it('precedence: deferred > needsClearance > eligible', () => {
    expect(screenOn({ dateOfBirth: ADULT, epilepsy: true }, '2026-01-15').outcome).toBe('needsClearance');
    expect(screenOn({ dateOfBirth: ADULT, epilepsy: true, breastfeeding: true }, '2026-01-15').outcome).toBe('deferred');
    expect(screenOn({ dateOfBirth: ADULT, epilepsy: true, laserRemoval: { date: '2026-01-10' } }, '2026-01-15')).toMatchObject({
      outcome: 'deferred',
      earliestStart: '2026-04-10',
    });
  });

  it('precedence: ineligible > deferred, and the dated waits still give earliestStart', () => {
    const p = withScreening('no-keloid', (s) => ({
      ...s,
      conditions: { ...s.conditions, keloidHistory: { outcome: 'ineligible', reason: 'we do not treat keloid-prone skin' } },
    }));
    const s = screenOn(
      { dateOfBirth: ADULT, keloidHistory: true, pregnant: true, isotretinoin: { lastDose: '2025-12-01' } },
      '2026-01-15',
      {
        protocol: p,
      },
    );
    expect(s.outcome).toBe('ineligible');
    expect(s.earliestStart).toBe('2026-06-01');
    expect(s.findings.map((f) => [f.code, f.severity, f.params?.condition])).toEqual([
      ['SCREENING_DEFERRED', 'warning', 'isotretinoin'],
      ['SCREENING_DEFERRED', 'warning', 'pregnant'],
      ['SCREENING_INELIGIBLE', 'error', 'keloidHistory'],
    ]);
    expect(s.findings[2]?.message).toBe('The client is not eligible for this treatment: we do not treat keloid-prone skin.');
  });
});

describe('screening rules are data', () => {
  it('a protocol whose rule makes a condition ineligible gives outcome ineligible', () => {
    const p = withScreening('no-transplants', (s) => ({
      ...s,
      conditions: { ...s.conditions, hairTransplant: { outcome: 'ineligible', reason: 'this clinic does not treat over transplants' } },
    }));
    const s = screenOn({ dateOfBirth: ADULT, hairTransplant: { date: '2020-01-01' } }, '2026-01-15', { protocol: p });
    // No wait on the rule: the condition applies for as long as it is declared, with no end date.
    expect(s).toEqual({
      outcome: 'ineligible',
      findings: [
        {
          code: 'SCREENING_INELIGIBLE',
          severity: 'error',
          message: 'The client is not eligible for this treatment: this clinic does not treat over transplants.',
          params: { condition: 'hairTransplant', reason: 'this clinic does not treat over transplants' },
        },
      ],
    });
    // An undated condition made ineligible works the same way.
    const q = withScreening('no-epilepsy', (x) => ({
      ...x,
      conditions: { ...x.conditions, epilepsy: { outcome: 'ineligible', reason: 'not with epilepsy' } },
    }));
    expect(screenOn({ dateOfBirth: ADULT, epilepsy: true }, '2026-01-15', { protocol: q }).outcome).toBe('ineligible');
    expect(screenOn({ dateOfBirth: ADULT, epilepsy: false }, '2026-01-15', { protocol: q }).outcome).toBe('eligible');
  });

  it('a dated condition whose rule has no wait applies undated; an explicit zero wait ends on the date itself', () => {
    const p = withScreening('laser-rules', (x) => ({
      ...x,
      conditions: {
        ...x.conditions,
        laserRemoval: { outcome: 'deferred', reason: 'ask us after any laser removal' },
        hairTransplant: { outcome: 'deferred', waitDays: 0, reason: 'not before the transplant' },
      },
    }));
    const laser = screenOn({ dateOfBirth: ADULT, laserRemoval: { date: '2015-01-01' } }, '2026-01-15', { protocol: p });
    expect(laser.outcome).toBe('deferred');
    expect('earliestStart' in laser).toBe(false);
    // A transplant planned for 1 February defers until then; from that day the zero wait is over.
    expect(screenOn({ dateOfBirth: ADULT, hairTransplant: { date: '2026-02-01' } }, '2026-01-15', { protocol: p }).earliestStart).toBe(
      '2026-02-01',
    );
    expect(screenOn({ dateOfBirth: ADULT, hairTransplant: { date: '2026-02-01' } }, '2026-02-01', { protocol: p }).outcome).toBe(
      'eligible',
    );
  });

  it('a dated ineligible rule applies while its wait runs and not after', () => {
    const p = withScreening('strict-isotretinoin', (s) => ({
      ...s,
      conditions: { ...s.conditions, isotretinoin: { outcome: 'ineligible', waitMonths: 12, reason: 'isotretinoin within a year' } },
    }));
    const intake = { dateOfBirth: ADULT, isotretinoin: { lastDose: '2025-06-01' } };
    expect(screenOn(intake, '2026-05-31', { protocol: p })).toMatchObject({ outcome: 'ineligible', earliestStart: '2026-06-01' });
    expect(screenOn(intake, '2026-06-01', { protocol: p })).toEqual({ outcome: 'eligible', findings: [] });
  });

  it('a longer wait (isotretinoin 12 months, the option DOMAIN mentions) moves earliestStart', () => {
    const p = withScreening('isotretinoin-12', (s) => ({
      ...s,
      conditions: { ...s.conditions, isotretinoin: { outcome: 'deferred', waitMonths: 12, reason: 'a year after the last dose' } },
    }));
    expect(screenOn({ dateOfBirth: ADULT, isotretinoin: { lastDose: '2025-08-31' } }, '2026-01-15', { protocol: p }).earliestStart).toBe(
      '2026-08-31',
    );
  });

  it('a condition without a rule is not screened; a protocol without screening finds everyone eligible', () => {
    const p = withScreening('no-epilepsy-rule', (s) => {
      const { epilepsy: _dropped, ...rest } = s.conditions;
      return { ...s, conditions: rest };
    });
    expect(screenOn({ dateOfBirth: ADULT, epilepsy: true }, '2026-01-15', { protocol: p })).toEqual({ outcome: 'eligible', findings: [] });
    const base = writableCopy(standardProtocol);
    delete base.screening;
    const none = mustOk(defineProtocol({ ...base, id: 'no-screening' }));
    expect(screenOn({ dateOfBirth: '2020-01-01', pregnant: true }, '2026-01-15', { protocol: none })).toEqual({
      outcome: 'eligible',
      findings: [],
    });
  });

  it('a needsClearance rule that becomes deferred changes the outcome', () => {
    const p = withScreening('anticoagulants-deferred', (s) => ({
      ...s,
      conditions: { ...s.conditions, anticoagulants: { outcome: 'deferred', reason: 'not while on anticoagulants' } },
    }));
    expect(screenOn({ dateOfBirth: ADULT, anticoagulants: true }, '2026-01-15', { protocol: p }).outcome).toBe('deferred');
  });
});

describe('the asOf local date is taken in the given zone', () => {
  // 2026-02-28T12:00Z is 12:00 on 28 February in London, 01:00 on 1 March in Auckland (NZDT, +13).
  const asOf = '2026-02-28T12:00:00Z';

  it('the 18th birthday on 1 March: deferred in London, eligible in Auckland', () => {
    const born = { dateOfBirth: '2008-03-01' };
    expect(mustOk(screen(born, { protocol: standardProtocol, asOf, timeZone: 'Europe/London' }))).toMatchObject({
      outcome: 'deferred',
      earliestStart: '2026-03-01',
    });
    expect(mustOk(screen(born, { protocol: standardProtocol, asOf, timeZone: 'Pacific/Auckland' }))).toEqual({
      outcome: 'eligible',
      findings: [],
    });
  });

  it('isotretinoin ending 1 March: deferred in London, eligible in Auckland', () => {
    const intake = { dateOfBirth: ADULT, isotretinoin: { lastDose: '2025-08-31' } };
    expect(mustOk(screen(intake, { protocol: standardProtocol, asOf, timeZone: 'Europe/London' })).outcome).toBe('deferred');
    expect(mustOk(screen(intake, { protocol: standardProtocol, asOf, timeZone: 'Pacific/Auckland' })).outcome).toBe('eligible');
  });

  it('the offset written in asOf does not matter, only the instant and the zone', () => {
    const intake = { dateOfBirth: '2008-03-01' };
    const same = '2026-02-28T02:00:00-10:00';
    expect(mustOk(screen(intake, { protocol: standardProtocol, asOf: same, timeZone: 'Pacific/Auckland' })).outcome).toBe('eligible');
    expect(mustOk(screen(intake, { protocol: standardProtocol, asOf: same, timeZone: 'Europe/London' })).outcome).toBe('deferred');
  });
});

describe('bad input is an answer, never a throw', () => {
  const options = { protocol: standardProtocol, asOf: '2026-01-15T10:00:00Z', timeZone: ZONE };
  const pathsOf = (findings: readonly Finding[]): (readonly (string | number)[])[] => findings.map((f) => f.path ?? ['<none>']);

  it('a missing dateOfBirth', () => {
    const f = mustFail(screen({ pregnant: true }, options));
    expect(f).toEqual([
      {
        code: 'INVALID_INPUT',
        severity: 'error',
        message: 'dateOfBirth: is required (string).',
        path: ['dateOfBirth'],
        params: { path: 'dateOfBirth', problem: 'required', expected: 'string', detail: 'is required (string).' },
      },
    ]);
  });

  it('a date that does not exist (2026-02-30), at its path, also inside a condition', () => {
    const top = mustFail(screen({ dateOfBirth: '2026-02-30' }, options));
    expect(top.map((f) => [f.code, f.path])).toEqual([['INVALID_INPUT', ['dateOfBirth']]]);
    expect(top[0]?.message).toBe('dateOfBirth: "2026-02-30" is not a calendar date in the form YYYY-MM-DD.');
    const nested = mustFail(screen({ dateOfBirth: ADULT, isotretinoin: { lastDose: '2025-02-29' } }, options));
    expect(pathsOf(nested)).toEqual([['isotretinoin', 'lastDose']]);
    const format = mustFail(screen({ dateOfBirth: '14/05/1990' }, options));
    expect(pathsOf(format)).toEqual([['dateOfBirth']]);
  });

  it('unknown fields, at the top and inside a condition', () => {
    const top = mustFail(screen({ dateOfBirth: ADULT, smoker: true }, options));
    expect(top).toHaveLength(1);
    expect(top[0]).toMatchObject({ code: 'INVALID_INPUT', path: [] });
    expect(top[0]?.message).toContain('"smoker"');
    const nested = mustFail(screen({ dateOfBirth: ADULT, hairTransplant: { date: '2025-01-01', grafts: 3000 } }, options));
    expect(nested[0]).toMatchObject({ code: 'INVALID_INPUT', path: ['hairTransplant'] });
    expect(nested[0]?.message).toContain('"grafts"');
  });

  it('wrong types, at their paths', () => {
    const f = mustFail(
      screen({ dateOfBirth: ADULT, pregnant: 'yes', activeScalpConditions: 'psoriasis', scar: { since: '2020-01-01' } }, options),
    );
    expect(f.every((x) => x.code === 'INVALID_INPUT' && x.severity === 'error')).toBe(true);
    expect(pathsOf(f)).toEqual(expect.arrayContaining([['pregnant'], ['activeScalpConditions'], ['scar', 'healed']]));
  });

  it('a bad zone: INVALID_TIME_ZONE at options.timeZone', () => {
    const f = mustFail(screen({ dateOfBirth: ADULT }, { ...options, timeZone: 'Mars/Olympus' }));
    expect(f).toEqual([
      {
        code: 'INVALID_TIME_ZONE',
        severity: 'error',
        message:
          'options.timeZone: "Mars/Olympus" is not an IANA time-zone name known to this platform; use a name such as "Europe/London" or "America/New_York".',
        path: ['options', 'timeZone'],
        params: { path: 'options.timeZone', value: 'Mars/Olympus' },
      },
    ]);
  });

  it('a bad asOf: INVALID_INSTANT at options.asOf (no offset, impossible date, not a string)', () => {
    for (const [asOf, problem] of [
      ['2026-01-15T10:00:00', 'offset'],
      ['2026-02-30T10:00:00Z', 'date'],
      ['yesterday', 'format'],
      [1_768_471_200_000, 'format'],
    ] as const) {
      const f = mustFail(screen({ dateOfBirth: ADULT }, { ...options, asOf: asOf as string }));
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ code: 'INVALID_INSTANT', path: ['options', 'asOf'], params: { problem } });
    }
  });

  it('reports every problem at once: options and intake', () => {
    const f = mustFail(
      screen({ dateOfBirth: '2026-02-30', smoker: true }, { protocol: standardProtocol, asOf: 'bad', timeZone: 'Nowhere' }),
    );
    expect(codes(f)).toEqual(['INVALID_TIME_ZONE', 'INVALID_INSTANT', 'INVALID_INPUT', 'INVALID_INPUT']);
    for (const x of f) expect(x.path).toBeDefined();
  });

  it('a missing or invalid protocol', () => {
    const missing = mustFail(screen({ dateOfBirth: ADULT }, { asOf: options.asOf, timeZone: ZONE } as never));
    expect(missing).toMatchObject([{ code: 'INVALID_INPUT', path: ['options', 'protocol'] }]);
    const broken = mustFail(screen({ dateOfBirth: ADULT }, { ...options, protocol: { ...standardProtocol, sessions: [] } }));
    expect(broken[0]).toMatchObject({ code: 'INVALID_INPUT', path: ['options', 'protocol', 'sessions'] });
  });

  it('anything at all: null, a string, an array, a hostile proxy, no options', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    for (const intake of [null, undefined, 'intake', 42, [], [{ dateOfBirth: ADULT }], hostile]) {
      const out = screen(intake, options);
      expect(out.ok).toBe(false);
      expect(out.findings.length).toBeGreaterThan(0);
      for (const f of out.findings) expect(f.severity).toBe('error');
    }
    expect(() => screen({ dateOfBirth: ADULT }, undefined as never)).not.toThrow();
    expect(screen({ dateOfBirth: ADULT }, null as never).ok).toBe(false);
  });
});
