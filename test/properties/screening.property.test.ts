/**
 * Property tests of screening: a client with several conditions is screened as the combination of
 * the same client with each condition alone. Random intakes (every dated condition, flags, a date
 * of birth from 10 to 60 years back), random protocols (waits in months and days, outcomes), random
 * zones and moments.
 *
 * numRuns (fc.assert): (a) earliestStart never earlier than any single wait, 300;
 * (b) each wait ends where an independent month arithmetic says, 300.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { defineProtocol, screen, standardProtocol, type Intake, type Protocol, type Screening, type ScreeningRule } from 'smp-protocol';
import { localDate, plusDays } from '../support/invariants.js';
import type { Writable } from '../support/writable.js';

const TIMEOUT = 60_000;
const ZONES = ['Europe/London', 'Pacific/Auckland', 'America/New_York', 'Pacific/Kiritimati', 'Asia/Kathmandu', 'UTC'];
const RANK: Record<Screening['outcome'], number> = { eligible: 0, needsClearance: 1, deferred: 2, ineligible: 3 };

function mustScreen(intake: unknown, protocol: Protocol, asOf: string, timeZone: string): Screening {
  const out = screen(intake, { protocol, asOf, timeZone });
  if (!out.ok) throw new Error(`screen refused: ${out.findings.map((f) => f.message).join('; ')}`);
  return out.value;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries.

const DATED = ['hairTransplant', 'scarAge', 'isotretinoin', 'chemotherapy', 'laserRemoval', 'alopeciaAreata'] as const;
type Dated = (typeof DATED)[number];

const ruleArb: fc.Arbitrary<Omit<ScreeningRule, 'reason'>> = fc
  .record({
    outcome: fc.constantFrom('deferred', 'deferred', 'needsClearance', 'ineligible'),
    waitMonths: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    waitDays: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
  })
  .map(({ outcome, waitMonths, waitDays }) => {
    const r: Writable<Omit<ScreeningRule, 'reason'>> = { outcome };
    if (waitMonths !== undefined) r.waitMonths = waitMonths;
    if (waitDays !== undefined) r.waitDays = waitDays;
    return r;
  });

const protocolArb: fc.Arbitrary<Protocol> = fc.oneof(
  fc.constant(standardProtocol),
  fc
    .record({
      minimumAgeYears: fc.integer({ min: 16, max: 21 }),
      rules: fc.record(Object.fromEntries(DATED.map((c) => [c, ruleArb])) as Record<Dated, typeof ruleArb>),
    })
    .map(({ minimumAgeYears, rules }) => {
      const base = JSON.parse(JSON.stringify(standardProtocol)) as Protocol;
      const conditions = { ...base.screening?.conditions };
      for (const c of DATED) conditions[c] = { ...conditions[c], ...rules[c], reason: `custom ${c}` };
      const out = defineProtocol({ ...base, id: 'random-screening', screening: { minimumAgeYears, conditions } });
      if (!out.ok) throw new Error(JSON.stringify(out.findings));
      return out.value;
    }),
);

/** A day offset from asOf's local date, biased towards the recent past where waits run. */
const offset = fc.oneof(fc.integer({ min: -800, max: 60 }), fc.integer({ min: -200, max: 0 }));

const scenarioArb = fc.record({
  protocol: protocolArb,
  zone: fc.constantFrom(...ZONES),
  asOfMs: fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2035-12-31T00:00:00Z') }),
  ageDays: fc.integer({ min: 10 * 365, max: 60 * 365 }),
  hairTransplant: fc.option(offset, { nil: undefined }),
  scar: fc.option(fc.record({ since: offset, healed: fc.boolean() }), { nil: undefined }),
  isotretinoin: fc.option(offset, { nil: undefined }),
  chemotherapy: fc.option(
    fc.record({ last: fc.option(offset, { nil: undefined }), planned: fc.option(fc.integer({ min: -30, max: 90 }), { nil: undefined }) }),
    {
      nil: undefined,
    },
  ),
  laserRemoval: fc.option(offset, { nil: undefined }),
  alopeciaAreata: fc.option(offset, { nil: undefined }),
  flags: fc.subarray([
    'pregnant',
    'breastfeeding',
    'keloidHistory',
    'anticoagulants',
    'uncontrolledDiabetes',
    'uncontrolledBloodPressure',
    'heartCondition',
    'epilepsy',
  ] as const),
  active: fc.boolean(),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function intakeOf(s: Scenario, today: string): Intake {
  const at = (days: number): string => plusDays(today, days);
  const intake: Intake = { dateOfBirth: at(-s.ageDays) };
  if (s.hairTransplant !== undefined) intake.hairTransplant = { date: at(s.hairTransplant) };
  if (s.scar !== undefined) intake.scar = { since: at(s.scar.since), healed: s.scar.healed };
  if (s.isotretinoin !== undefined) intake.isotretinoin = { lastDose: at(s.isotretinoin) };
  if (s.chemotherapy !== undefined) {
    const c: NonNullable<Intake['chemotherapy']> = {};
    if (s.chemotherapy.last !== undefined) c.lastTreatment = at(s.chemotherapy.last);
    if (s.chemotherapy.planned !== undefined) c.plannedStart = at(s.chemotherapy.planned);
    intake.chemotherapy = c;
  }
  if (s.laserRemoval !== undefined) intake.laserRemoval = { date: at(s.laserRemoval) };
  if (s.alopeciaAreata !== undefined) intake.alopeciaAreata = { stableSince: at(s.alopeciaAreata) };
  for (const f of s.flags) intake[f] = true;
  if (s.active) intake.activeScalpConditions = ['eczema'];
  return intake;
}

/** The same client with each declared condition alone (the date of birth always). */
function singles(intake: Intake): Intake[] {
  const out: Intake[] = [{ dateOfBirth: intake.dateOfBirth }];
  for (const [key, value] of Object.entries(intake)) {
    if (key === 'dateOfBirth' || value === undefined) continue;
    out.push({ dateOfBirth: intake.dateOfBirth, [key]: value } as Intake);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// An independent month arithmetic (luxon clamps 31 Aug + 6 months to 28 Feb; the rule rolls forward).

function addMonthsRollingForward(date: string, months: number): string {
  const d = DateTime.fromISO(date, { zone: 'utc' });
  const clamped = d.plus({ months });
  return (clamped.day === d.day ? clamped : clamped.plus({ days: 1 })).toISODate() ?? 'invalid';
}

function expectedEnd(rule: ScreeningRule, from: string): string {
  const afterMonths = rule.waitMonths === undefined ? from : addMonthsRollingForward(from, rule.waitMonths);
  return rule.waitDays === undefined ? afterMonths : plusDays(afterMonths, rule.waitDays);
}

describe('screening properties', () => {
  it(
    '(a) earliestStart is never earlier than any single wait that applies: it is the latest of them, and the outcome the most restrictive',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          const asOf = new Date(s.asOfMs).toISOString();
          const today = localDate(asOf, s.zone);
          const intake = intakeOf(s, today);
          const all = mustScreen(intake, s.protocol, asOf, s.zone);
          const parts = singles(intake).map((one) => mustScreen(one, s.protocol, asOf, s.zone));

          let latest: string | undefined;
          for (const part of parts) {
            if (part.earliestStart === undefined) continue;
            expect(all.earliestStart).toBeDefined();
            expect((all.earliestStart ?? '') >= part.earliestStart).toBe(true);
            if (latest === undefined || part.earliestStart > latest) latest = part.earliestStart;
          }
          expect(all.earliestStart).toBe(latest);
          if (all.earliestStart !== undefined) expect(all.earliestStart > today).toBe(true);

          // The most restrictive outcome wins.
          expect(RANK[all.outcome]).toBe(Math.max(...parts.map((p) => RANK[p.outcome])));
          // One finding per reason: the combination has each single's findings, the date of birth's once.
          const dob = parts[0]?.findings.length ?? 0;
          expect(all.findings.length).toBe(parts.reduce((n, p) => n + p.findings.length, 0) - dob * (parts.length - 1));
          const key = (f: Screening['findings'][number]): string => JSON.stringify([f.code, f.params]);
          expect(all.findings.map(key).sort()).toEqual([...new Set(parts.flatMap((p) => p.findings.map(key)))].sort());
          // earliestStart is the latest `until` of the findings.
          const untils = all.findings.map((f) => f.params?.until).filter((u): u is string => typeof u === 'string');
          expect(all.earliestStart).toBe(untils.length === 0 ? undefined : untils.sort().at(-1));
        }),
        { numRuns: 300 },
      );
    },
    TIMEOUT,
  );

  it(
    '(b) each wait that applies ends where an independent month arithmetic says, and only waits still running apply',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          const asOf = new Date(s.asOfMs).toISOString();
          const today = localDate(asOf, s.zone);
          const intake = intakeOf(s, today);
          const rules = s.protocol.screening?.conditions ?? {};
          const dated: [string, string | undefined][] = [
            ['hairTransplant', intake.hairTransplant?.date],
            ['scarAge', intake.scar?.since],
            ['isotretinoin', intake.isotretinoin?.lastDose],
            ['chemotherapy', intake.chemotherapy?.lastTreatment],
            ['laserRemoval', intake.laserRemoval?.date],
            ['alopeciaAreata', intake.alopeciaAreata?.stableSince],
          ];
          const all = mustScreen(intake, s.protocol, asOf, s.zone);
          for (const [condition, from] of dated) {
            const rule = rules[condition as Dated];
            if (rule === undefined || from === undefined) continue;
            const found = all.findings.filter((f) => f.params?.condition === condition && f.params.until !== undefined);
            if (rule.waitMonths === undefined && rule.waitDays === undefined) {
              // No wait: the condition applies undated.
              expect(found).toEqual([]);
              continue;
            }
            const end = expectedEnd(rule, from);
            if (end > today) {
              expect(found.map((f) => f.params?.until)).toEqual([end]);
            } else {
              expect(found).toEqual([]);
            }
          }
          // The 18th (or minimum-age) birthday, rolling forward from 29 February.
          const years = s.protocol.screening?.minimumAgeYears ?? 18;
          const birthday = addMonthsRollingForward(intake.dateOfBirth, years * 12);
          const underage = all.findings.find((f) => f.params?.condition === 'underage');
          expect(underage?.params?.until).toBe(birthday > today ? birthday : undefined);
        }),
        { numRuns: 300 },
      );
    },
    TIMEOUT,
  );
});
