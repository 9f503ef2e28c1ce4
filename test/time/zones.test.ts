/**
 * Time zones: DST weeks, local midnights, 30- and 45-minute offsets and a skipped day, through the
 * public API only (localDateOf, toInstant, and plans). luxon is the independent oracle of the
 * property tests; the tables hold exact values worked out by hand from the tz database.
 *
 * Property runs (fc.assert numRuns): localDateOf vs luxon 2,000; toInstant vs luxon 1,000;
 * calendar days through plans vs luxon 300.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import { applyEvent, createPlan, evaluatePlan, forecast, localDateOf, standardProtocol, toInstant, type Plan } from 'smp-protocol';
import { applyAll, codes, mustFail, mustOk } from '../support/plans.js';

const protocol = standardProtocol;

/** An instant `minutes` after `iso` (written in UTC; instants are compared by value). */
function shift(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
}

function planIn(timeZone: string, createdAt = '2011-01-01T00:00:00Z'): Plan {
  return mustOk(createPlan({ id: `plan-${timeZone}`, clientId: 'client-1', protocol, timeZone, createdAt }));
}

/** A plan whose session 1 was booked two weeks ahead and completed at `start` (4 hours), recorded an hour after it ended. */
function withSession1Completed(timeZone: string, start: string): Plan {
  return applyAll(planIn(timeZone), [
    { id: 'b1', type: 'sessionBooked', at: shift(start, -14 * 24 * 60), session: 1, start },
    { id: 'c1', type: 'sessionCompleted', at: shift(start, 5 * 60), session: 1 },
  ]);
}

const hours = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 3_600_000;

describe('localDateOf at local midnights and DST changes', () => {
  const cases: [zone: string, instant: string, expected: string][] = [
    // Europe/London: GMT → BST on 2026-03-29 at 01:00 GMT, back on 2026-10-25 at 01:00 GMT.
    ['Europe/London', '2026-03-28T23:59:59Z', '2026-03-28'],
    ['Europe/London', '2026-03-29T00:59:59Z', '2026-03-29'],
    ['Europe/London', '2026-03-29T22:59:59Z', '2026-03-29'],
    ['Europe/London', '2026-03-29T23:00:00Z', '2026-03-30'],
    ['Europe/London', '2026-10-24T22:59:59Z', '2026-10-24'],
    ['Europe/London', '2026-10-24T23:00:00Z', '2026-10-25'],
    ['Europe/London', '2026-10-25T00:30:00Z', '2026-10-25'],
    ['Europe/London', '2026-10-25T01:30:00Z', '2026-10-25'],
    ['Europe/London', '2026-10-25T23:59:59Z', '2026-10-25'],
    ['Europe/London', '2026-10-26T00:00:00Z', '2026-10-26'],
    ['Europe/London', '2026-03-29T02:30:00+02:00', '2026-03-29'],
    // America/New_York: EST → EDT on 2026-03-08, back on 2026-11-01.
    ['America/New_York', '2026-03-08T04:59:59Z', '2026-03-07'],
    ['America/New_York', '2026-03-08T05:00:00Z', '2026-03-08'],
    ['America/New_York', '2026-03-09T03:59:59Z', '2026-03-08'],
    ['America/New_York', '2026-03-09T04:00:00Z', '2026-03-09'],
    ['America/New_York', '2026-11-01T03:59:59Z', '2026-10-31'],
    ['America/New_York', '2026-11-01T04:00:00Z', '2026-11-01'],
    ['America/New_York', '2026-11-02T04:59:59Z', '2026-11-01'],
    ['America/New_York', '2026-11-02T05:00:00Z', '2026-11-02'],
    // America/Sao_Paulo 2018: local midnight skipped on 2018-11-04 (00:00 → 01:00), and on
    // 2018-02-18 midnight became 23:00 of the 17th again. No DST since 2019: -03:00 all year.
    ['America/Sao_Paulo', '2018-11-04T02:59:59Z', '2018-11-03'],
    ['America/Sao_Paulo', '2018-11-04T03:00:00Z', '2018-11-04'],
    ['America/Sao_Paulo', '2018-02-18T01:59:59Z', '2018-02-17'],
    ['America/Sao_Paulo', '2018-02-18T02:00:00Z', '2018-02-17'],
    ['America/Sao_Paulo', '2018-02-18T02:59:59Z', '2018-02-17'],
    ['America/Sao_Paulo', '2018-02-18T03:00:00Z', '2018-02-18'],
    ['America/Sao_Paulo', '2026-02-15T02:30:00Z', '2026-02-14'],
    ['America/Sao_Paulo', '2026-11-01T02:59:59Z', '2026-10-31'],
    ['America/Sao_Paulo', '2026-11-01T03:00:00Z', '2026-11-01'],
    // Australia/Lord_Howe: +11:00 → +10:30 on 2026-04-05, +10:30 → +11:00 on 2026-10-04.
    ['Australia/Lord_Howe', '2026-04-04T12:59:59Z', '2026-04-04'],
    ['Australia/Lord_Howe', '2026-04-04T13:00:00Z', '2026-04-05'],
    ['Australia/Lord_Howe', '2026-04-05T13:29:59Z', '2026-04-05'],
    ['Australia/Lord_Howe', '2026-04-05T13:30:00Z', '2026-04-06'],
    ['Australia/Lord_Howe', '2026-10-03T13:29:59Z', '2026-10-03'],
    ['Australia/Lord_Howe', '2026-10-03T13:30:00Z', '2026-10-04'],
    ['Australia/Lord_Howe', '2026-10-04T12:59:59Z', '2026-10-04'],
    ['Australia/Lord_Howe', '2026-10-04T13:00:00Z', '2026-10-05'],
    // Pacific/Chatham: +13:45 → +12:45 on 2026-04-05, back to +13:45 on 2026-09-27.
    ['Pacific/Chatham', '2026-04-04T10:14:59Z', '2026-04-04'],
    ['Pacific/Chatham', '2026-04-04T10:15:00Z', '2026-04-05'],
    ['Pacific/Chatham', '2026-04-05T11:14:59Z', '2026-04-05'],
    ['Pacific/Chatham', '2026-04-05T11:15:00Z', '2026-04-06'],
    ['Pacific/Chatham', '2026-09-26T11:14:59Z', '2026-09-26'],
    ['Pacific/Chatham', '2026-09-26T11:15:00Z', '2026-09-27'],
    ['Pacific/Chatham', '2026-09-27T10:14:59Z', '2026-09-27'],
    ['Pacific/Chatham', '2026-09-27T10:15:00Z', '2026-09-28'],
    ['Pacific/Chatham', '2026-03-22T23:30:00Z', '2026-03-23'],
    // Asia/Kathmandu: +05:45 (since 1986; +05:30 before).
    ['Asia/Kathmandu', '2026-03-22T18:14:59Z', '2026-03-22'],
    ['Asia/Kathmandu', '2026-03-22T18:15:00Z', '2026-03-23'],
    ['Asia/Kathmandu', '2026-03-22T23:59:59+05:45', '2026-03-22'],
    ['Asia/Kathmandu', '2026-03-23T00:00:00+05:45', '2026-03-23'],
    ['Asia/Kathmandu', '1985-06-01T18:29:59Z', '1985-06-01'],
    ['Asia/Kathmandu', '1985-06-01T18:30:00Z', '1985-06-02'],
    // Pacific/Apia skipped 2011-12-30: 23:59:59 on the 29th (-10:00) was followed by 00:00 on the 31st (+14:00).
    ['Pacific/Apia', '2011-12-29T09:59:59Z', '2011-12-28'],
    ['Pacific/Apia', '2011-12-29T10:00:00Z', '2011-12-29'],
    ['Pacific/Apia', '2011-12-30T09:59:59Z', '2011-12-29'],
    ['Pacific/Apia', '2011-12-30T10:00:00Z', '2011-12-31'],
    ['Pacific/Apia', '2011-12-31T09:59:59Z', '2011-12-31'],
    ['Pacific/Apia', '2011-12-31T10:00:00Z', '2012-01-01'],
  ];
  it.each(cases)('%s: %s is on %s', (zone, instant, expected) => {
    expect(localDateOf(instant, zone)).toEqual({ ok: true, value: expected, findings: [] });
  });
});

describe('toInstant around DST changes', () => {
  const valid: [zone: string, local: string, expected: string][] = [
    ['Europe/London', '2026-03-29T00:59', '2026-03-29T00:59:00+00:00'],
    ['Europe/London', '2026-03-29T02:00', '2026-03-29T02:00:00+01:00'],
    ['Europe/London', '2026-10-25T00:59', '2026-10-25T00:59:00+01:00'],
    ['Europe/London', '2026-10-25T01:00', '2026-10-25T01:00:00+01:00'], // ambiguous: the earlier
    ['Europe/London', '2026-10-25T01:59:59', '2026-10-25T01:59:59+01:00'], // ambiguous: the earlier
    ['Europe/London', '2026-10-25T02:00', '2026-10-25T02:00:00+00:00'],
    ['America/New_York', '2026-03-08T01:59', '2026-03-08T01:59:00-05:00'],
    ['America/New_York', '2026-03-08T03:00', '2026-03-08T03:00:00-04:00'],
    ['America/New_York', '2026-11-01T00:00', '2026-11-01T00:00:00-04:00'],
    ['America/New_York', '2026-11-01T01:30', '2026-11-01T01:30:00-04:00'], // ambiguous
    ['America/New_York', '2026-11-01T02:00', '2026-11-01T02:00:00-05:00'],
    ['America/Sao_Paulo', '2018-11-03T23:59', '2018-11-03T23:59:00-03:00'],
    ['America/Sao_Paulo', '2018-11-04T01:00', '2018-11-04T01:00:00-02:00'],
    ['America/Sao_Paulo', '2018-02-17T22:59', '2018-02-17T22:59:00-02:00'],
    ['America/Sao_Paulo', '2018-02-17T23:00', '2018-02-17T23:00:00-02:00'], // ambiguous
    ['America/Sao_Paulo', '2018-02-17T23:59', '2018-02-17T23:59:00-02:00'], // ambiguous
    ['America/Sao_Paulo', '2018-02-18T00:00', '2018-02-18T00:00:00-03:00'],
    ['America/Sao_Paulo', '2026-11-01T00:00', '2026-11-01T00:00:00-03:00'], // skipped in 2018, not since 2019
    ['America/Sao_Paulo', '2026-02-14T23:30', '2026-02-14T23:30:00-03:00'],
    ['Australia/Lord_Howe', '2026-10-04T01:59', '2026-10-04T01:59:00+10:30'],
    ['Australia/Lord_Howe', '2026-10-04T02:30', '2026-10-04T02:30:00+11:00'],
    ['Australia/Lord_Howe', '2026-04-05T01:29', '2026-04-05T01:29:00+11:00'],
    ['Australia/Lord_Howe', '2026-04-05T01:30', '2026-04-05T01:30:00+11:00'], // ambiguous (30 minutes)
    ['Australia/Lord_Howe', '2026-04-05T01:59', '2026-04-05T01:59:00+11:00'], // ambiguous
    ['Australia/Lord_Howe', '2026-04-05T02:00', '2026-04-05T02:00:00+10:30'],
    ['Pacific/Chatham', '2026-09-27T02:44', '2026-09-27T02:44:00+12:45'],
    ['Pacific/Chatham', '2026-09-27T03:45', '2026-09-27T03:45:00+13:45'],
    ['Pacific/Chatham', '2026-04-05T02:45', '2026-04-05T02:45:00+13:45'], // ambiguous
    ['Pacific/Chatham', '2026-04-05T03:44', '2026-04-05T03:44:00+13:45'], // ambiguous
    ['Pacific/Chatham', '2026-04-05T03:45', '2026-04-05T03:45:00+12:45'],
    ['Asia/Kathmandu', '2026-03-23T00:00', '2026-03-23T00:00:00+05:45'],
    ['Asia/Kathmandu', '2026-03-22T23:59:59', '2026-03-22T23:59:59+05:45'],
    ['Pacific/Apia', '2011-12-29T23:59', '2011-12-29T23:59:00-10:00'],
    ['Pacific/Apia', '2011-12-31T00:00', '2011-12-31T00:00:00+14:00'],
    // Apia left DST on 2011-04-02 (-10:00 → -11:00 at 04:00): luxon's fromObject, which guesses
    // from today's offset (+13:00), used to call 04:00 skipped.
    ['Pacific/Apia', '2011-04-02T03:30', '2011-04-02T03:30:00-10:00'], // ambiguous
    ['Pacific/Apia', '2011-04-02T04:00', '2011-04-02T04:00:00-11:00'],
    ['Pacific/Apia', '2011-09-24T04:00', '2011-09-24T04:00:00-10:00'],
  ];
  it.each(valid)('%s: %s is %s', (zone, local, expected) => {
    expect(toInstant(local, zone)).toEqual({ ok: true, value: expected, findings: [] });
  });

  const skipped: [zone: string, local: string][] = [
    ['Europe/London', '2026-03-29T01:00'],
    ['Europe/London', '2026-03-29T01:30'],
    ['Europe/London', '2026-03-29T01:59:59'],
    ['America/New_York', '2026-03-08T02:00'],
    ['America/New_York', '2026-03-08T02:30'],
    ['America/Sao_Paulo', '2018-11-04T00:00'], // local midnight did not exist
    ['America/Sao_Paulo', '2018-11-04T00:59'],
    ['Australia/Lord_Howe', '2026-10-04T02:00'],
    ['Australia/Lord_Howe', '2026-10-04T02:29'],
    ['Pacific/Chatham', '2026-09-27T02:45'],
    ['Pacific/Chatham', '2026-09-27T03:44'],
    ['Pacific/Apia', '2011-12-30T00:00'], // the whole day was skipped
    ['Pacific/Apia', '2011-12-30T12:00'],
    ['Pacific/Apia', '2011-12-30T23:59'],
    ['Pacific/Apia', '2011-09-24T03:30'], // -11:00 → -10:00 at 03:00
  ];
  it.each(skipped)('%s: %s does not exist → NONEXISTENT_LOCAL_TIME', (zone, local) => {
    const out = toInstant(local, zone);
    const findings = mustFail(out);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'NONEXISTENT_LOCAL_TIME',
      severity: 'error',
      path: ['localDateTime'],
      params: { value: local, timeZone: zone },
    });
  });

  it('gives the same answers whatever the system clock says (it never reads it)', () => {
    const cases = [...valid.map(([zone, local]) => [zone, local] as const), ...skipped];
    const answers = (now: string): unknown[] => {
      vi.useFakeTimers({ now: Date.parse(now), toFake: ['Date'] });
      try {
        return cases.map(([zone, local]) => toInstant(local, zone));
      } finally {
        vi.useRealTimers();
      }
    };
    const in2011 = answers('2011-06-01T00:00:00Z');
    expect(answers('2040-01-01T00:00:00Z')).toEqual(in2011);
    expect(answers('1990-01-01T00:00:00Z')).toEqual(in2011);
  });

  it('refuses an unknown zone with INVALID_TIME_ZONE at path timeZone', () => {
    const findings = mustFail(toInstant('2026-03-23T10:00', 'Mars/Olympus_Mons'));
    expect(findings).toEqual([expect.objectContaining({ code: 'INVALID_TIME_ZONE', severity: 'error', path: ['timeZone'] })]);
    expect(mustFail(localDateOf('2026-03-23T10:00:00Z', 'Mars/Olympus_Mons'))[0]).toMatchObject({
      code: 'INVALID_TIME_ZONE',
      path: ['timeZone'],
    });
  });

  it('refuses hours, minutes and seconds out of range as INVALID_INSTANT (problem time), not as a DST gap', () => {
    for (const local of ['2026-03-23T24:00', '2026-03-23T10:60', '2026-03-23T10:00:60', '2026-03-23T25:00']) {
      const findings = mustFail(toInstant(local, 'Europe/London'));
      expect(findings).toEqual([
        expect.objectContaining({
          code: 'INVALID_INSTANT',
          path: ['localDateTime'],
          params: { path: 'localDateTime', value: local, problem: 'time', expected: 'localDateTime' },
        }),
      ]);
    }
  });

  it('refuses a date that does not exist as INVALID_INSTANT (problem date)', () => {
    expect(mustFail(toInstant('2026-02-29T10:00', 'Europe/London'))).toEqual([
      expect.objectContaining({
        code: 'INVALID_INSTANT',
        params: { path: 'localDateTime', value: '2026-02-29T10:00', problem: 'date', expected: 'localDateTime' },
      }),
    ]);
  });
});

/**
 * DST weeks: session 1 at 10:00 local on day D, session 2 exactly seven calendar days later at
 * 10:00 local: the gap is 7 calendar days (= minimumDays) whatever the number of hours.
 */
interface DstWeek {
  name: string;
  zone: string;
  /** Session 1 at 10:00 local on D. */
  session1: string;
  /** D + 6 at 23:30 local. */
  day6Late: string;
  /** D + 7 at 00:30 local. */
  day7Early: string;
  /** D + 7 at 10:00 local. */
  day7: string;
  /** Real hours from session1 to day7. */
  hours: number;
  d: string;
  d7: string;
}

const dstWeeks: DstWeek[] = [
  {
    name: 'London spring forward',
    zone: 'Europe/London',
    session1: '2026-03-28T10:00:00+00:00',
    day6Late: '2026-04-03T23:30:00+01:00',
    day7Early: '2026-04-04T00:30:00+01:00',
    day7: '2026-04-04T10:00:00+01:00',
    hours: 167,
    d: '2026-03-28',
    d7: '2026-04-04',
  },
  {
    name: 'London fall back',
    zone: 'Europe/London',
    session1: '2026-10-24T10:00:00+01:00',
    day6Late: '2026-10-30T23:30:00+00:00',
    day7Early: '2026-10-31T00:30:00+00:00',
    day7: '2026-10-31T10:00:00+00:00',
    hours: 169,
    d: '2026-10-24',
    d7: '2026-10-31',
  },
  {
    name: 'New York spring forward',
    zone: 'America/New_York',
    session1: '2026-03-07T10:00:00-05:00',
    day6Late: '2026-03-13T23:30:00-04:00',
    day7Early: '2026-03-14T00:30:00-04:00',
    day7: '2026-03-14T10:00:00-04:00',
    hours: 167,
    d: '2026-03-07',
    d7: '2026-03-14',
  },
  {
    name: 'New York fall back',
    zone: 'America/New_York',
    session1: '2026-10-31T10:00:00-04:00',
    day6Late: '2026-11-06T23:30:00-05:00',
    day7Early: '2026-11-07T00:30:00-05:00',
    day7: '2026-11-07T10:00:00-05:00',
    hours: 169,
    d: '2026-10-31',
    d7: '2026-11-07',
  },
  {
    name: 'São Paulo spring forward at midnight (2018)',
    zone: 'America/Sao_Paulo',
    session1: '2018-11-03T10:00:00-03:00',
    day6Late: '2018-11-09T23:30:00-02:00',
    day7Early: '2018-11-10T00:30:00-02:00',
    day7: '2018-11-10T10:00:00-02:00',
    hours: 167,
    d: '2018-11-03',
    d7: '2018-11-10',
  },
  {
    name: 'São Paulo fall back at midnight (2018)',
    zone: 'America/Sao_Paulo',
    session1: '2018-02-17T10:00:00-02:00',
    day6Late: '2018-02-23T23:30:00-03:00',
    day7Early: '2018-02-24T00:30:00-03:00',
    day7: '2018-02-24T10:00:00-03:00',
    hours: 169,
    d: '2018-02-17',
    d7: '2018-02-24',
  },
  {
    name: 'São Paulo without DST (2026)',
    zone: 'America/Sao_Paulo',
    session1: '2026-10-31T10:00:00-03:00',
    day6Late: '2026-11-06T23:30:00-03:00',
    day7Early: '2026-11-07T00:30:00-03:00',
    day7: '2026-11-07T10:00:00-03:00',
    hours: 168,
    d: '2026-10-31',
    d7: '2026-11-07',
  },
  {
    name: 'Lord Howe back 30 minutes',
    zone: 'Australia/Lord_Howe',
    session1: '2026-04-04T10:00:00+11:00',
    day6Late: '2026-04-10T23:30:00+10:30',
    day7Early: '2026-04-11T00:30:00+10:30',
    day7: '2026-04-11T10:00:00+10:30',
    hours: 168.5,
    d: '2026-04-04',
    d7: '2026-04-11',
  },
  {
    name: 'Lord Howe forward 30 minutes',
    zone: 'Australia/Lord_Howe',
    session1: '2026-10-03T10:00:00+10:30',
    day6Late: '2026-10-09T23:30:00+11:00',
    day7Early: '2026-10-10T00:30:00+11:00',
    day7: '2026-10-10T10:00:00+11:00',
    hours: 167.5,
    d: '2026-10-03',
    d7: '2026-10-10',
  },
  {
    name: 'Chatham fall back (+13:45 → +12:45)',
    zone: 'Pacific/Chatham',
    session1: '2026-04-04T10:00:00+13:45',
    day6Late: '2026-04-10T23:30:00+12:45',
    day7Early: '2026-04-11T00:30:00+12:45',
    day7: '2026-04-11T10:00:00+12:45',
    hours: 169,
    d: '2026-04-04',
    d7: '2026-04-11',
  },
  {
    name: 'Chatham spring forward (+12:45 → +13:45)',
    zone: 'Pacific/Chatham',
    session1: '2026-09-26T10:00:00+12:45',
    day6Late: '2026-10-02T23:30:00+13:45',
    day7Early: '2026-10-03T00:30:00+13:45',
    day7: '2026-10-03T10:00:00+13:45',
    hours: 167,
    d: '2026-09-26',
    d7: '2026-10-03',
  },
  {
    name: 'Kathmandu (+05:45, no DST)',
    zone: 'Asia/Kathmandu',
    session1: '2026-03-21T10:00:00+05:45',
    day6Late: '2026-03-27T23:30:00+05:45',
    day7Early: '2026-03-28T00:30:00+05:45',
    day7: '2026-03-28T10:00:00+05:45',
    hours: 168,
    d: '2026-03-21',
    d7: '2026-03-28',
  },
  // 2011-12-30 never happened in Apia; the dates still count 26 → 2 as seven calendar days (DESIGN: local dates).
  {
    name: 'Apia across the skipped 2011-12-30',
    zone: 'Pacific/Apia',
    session1: '2011-12-26T10:00:00-10:00',
    day6Late: '2012-01-01T23:30:00+14:00',
    day7Early: '2012-01-02T00:30:00+14:00',
    day7: '2012-01-02T10:00:00+14:00',
    hours: 144,
    d: '2011-12-26',
    d7: '2012-01-02',
  },
];

describe('spacing across DST weeks counts calendar days in the plan zone', () => {
  it.each(dstWeeks)('$name: session 2 seven calendar days later is accepted ($hours hours)', (w) => {
    expect(hours(w.session1, w.day7)).toBe(w.hours);
    const plan = withSession1Completed(w.zone, w.session1);
    const at = shift(w.session1, 5 * 60);
    const out = applyEvent(plan, { id: 'b2', type: 'sessionBooked', at, session: 2, start: w.day7 }, { protocol });
    const booked = mustOk(out);
    expect(booked.sessions[1]?.state).toBe('booked');
    expect(booked.sessions[1]?.booking?.start).toBe(w.day7);
    // 7 = minimumDays < earliestRecommendedDays 10: accepted, early.
    expect(codes(out.findings)).toEqual(['SPACING_EARLY']);
    expect(out.findings[0]?.params).toMatchObject({ days: 7, date: w.d7, anchorDate: w.d, minimumDays: 7 });
    const evaluation = mustOk(evaluatePlan(booked, { protocol, asOf: at }));
    expect(evaluation.sessions[1]).toMatchObject({ evaluation: 'early', daysFromAnchor: 7 });
  });

  it.each(dstWeeks)('$name: 23:30 on day 6 is refused, 00:30 on day 7 is accepted', (w) => {
    const plan = withSession1Completed(w.zone, w.session1);
    const at = shift(w.session1, 5 * 60);
    const late6 = applyEvent(plan, { id: 'b2', type: 'sessionBooked', at, session: 2, start: w.day6Late }, { protocol });
    const refused = mustFail(late6);
    expect(codes(refused)).toEqual(['SPACING_BELOW_MINIMUM']);
    expect(refused[0]?.params).toMatchObject({ days: 6, minimumDays: 7, anchorDate: w.d, earliestDate: w.d7 });
    const early7 = applyEvent(plan, { id: 'b2', type: 'sessionBooked', at, session: 2, start: w.day7Early }, { protocol });
    mustOk(early7);
    expect(early7.findings[0]?.params).toMatchObject({ days: 7, date: w.d7 });
    // One hour of real time apart, one calendar day apart.
    expect(hours(w.day6Late, w.day7Early)).toBe(1);
  });

  it.each(dstWeeks)('$name: a completed session 1 day late by the calendar is graded by calendar days', (w) => {
    // Session 2 completed (a fact) at 23:30 on day 6: 6 days, grace (absoluteMinimum 5 ≤ 6 < minimum 7).
    const plan = withSession1Completed(w.zone, w.session1);
    const done = applyEvent(
      plan,
      { id: 'c2', type: 'sessionCompleted', at: shift(w.day6Late, 4 * 60), session: 2, start: w.day6Late },
      { protocol },
    );
    const p = mustOk(done);
    expect(codes(done.findings)).toEqual(['SPACING_GRACE']);
    expect(mustOk(evaluatePlan(p, { protocol, asOf: shift(w.day6Late, 24 * 60) })).sessions[1]).toMatchObject({
      evaluation: 'grace',
      daysFromAnchor: 6,
    });
  });
});

describe('a booking that spans a DST change keeps its real length and is written with the new offset', () => {
  const spans: [zone: string, start: string, end: string][] = [
    ['Europe/London', '2026-03-29T00:30:00+00:00', '2026-03-29T05:30:00+01:00'],
    ['Europe/London', '2026-03-29T00:30:00Z', '2026-03-29T05:30:00+01:00'],
    ['Europe/London', '2026-10-25T00:30:00+01:00', '2026-10-25T03:30:00+00:00'],
    ['America/New_York', '2026-03-08T00:00:00-05:00', '2026-03-08T05:00:00-04:00'],
    ['America/New_York', '2026-11-01T00:00:00-04:00', '2026-11-01T03:00:00-05:00'],
    ['America/Sao_Paulo', '2018-11-03T22:00:00-03:00', '2018-11-04T03:00:00-02:00'],
    ['America/Sao_Paulo', '2018-02-17T22:00:00-02:00', '2018-02-18T01:00:00-03:00'],
    ['Australia/Lord_Howe', '2026-10-04T00:00:00+10:30', '2026-10-04T04:30:00+11:00'],
    ['Australia/Lord_Howe', '2026-04-05T00:00:00+11:00', '2026-04-05T03:30:00+10:30'],
    ['Pacific/Chatham', '2026-09-27T01:00:00+12:45', '2026-09-27T06:00:00+13:45'],
    ['Pacific/Chatham', '2026-04-05T01:00:00+13:45', '2026-04-05T04:00:00+12:45'],
    ['Asia/Kathmandu', '2026-03-22T22:00:00+05:45', '2026-03-23T02:00:00+05:45'],
    ['Pacific/Apia', '2011-12-29T22:00:00-10:00', '2011-12-31T02:00:00+14:00'],
  ];
  it.each(spans)('%s: 240 minutes from %s end at %s', (zone, start, end) => {
    expect(hours(start, end)).toBe(4);
    const plan = applyAll(planIn(zone), [{ id: 'b1', type: 'sessionBooked', at: shift(start, -7 * 24 * 60), session: 1, start }]);
    expect(plan.sessions[0]?.booking).toEqual({ start, end });
    // Completed without start or end: the booking's interval is the record.
    const done = applyAll(plan, [{ id: 'c1', type: 'sessionCompleted', at: shift(start, 6 * 60), session: 1 }]);
    expect(done.sessions[0]?.completed).toEqual({ start, end });
  });

  it('a reschedule onto the DST night keeps the booked length (Europe/London)', () => {
    const plan = applyAll(planIn('Europe/London'), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-21T10:00:00Z', durationMinutes: 150 },
      { id: 'r1', type: 'sessionRescheduled', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-29T00:30:00+00:00' },
    ]);
    expect(plan.sessions[0]?.booking).toEqual({ start: '2026-03-29T00:30:00+00:00', end: '2026-03-29T04:00:00+01:00' });
  });

  it('a completion cut short at `at` is written in the plan zone (Pacific/Chatham)', () => {
    const plan = applyAll(planIn('Pacific/Chatham'), [
      { id: 'b1', type: 'sessionBooked', at: '2026-09-01T00:00:00Z', session: 1, start: '2026-09-27T01:00:00+12:45' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-09-26T14:30:00Z', session: 1 },
    ]);
    // Booked end 16:15Z; `at` 14:30Z = 04:15 +13:45 is earlier, so the end is `at`.
    expect(plan.sessions[0]?.completed).toEqual({ start: '2026-09-27T01:00:00+12:45', end: '2026-09-27T04:15:00+13:45' });
  });
});

describe('forecast dates are local dates in the plan zone', () => {
  const cases: {
    zone: string;
    /** Session 1 at a local time whose UTC date differs from its local date. */
    start: string;
    s2: [string, string, string, string];
    s3: [string, string, string, string];
    asOf: string;
  }[] = [
    {
      zone: 'Europe/London',
      start: '2026-10-24T00:30:00+01:00',
      s2: ['2026-10-31', '2026-11-03', '2026-11-08', '2026-11-23'],
      s3: ['2026-11-10', '2026-11-17', '2026-12-02', '2026-12-29'],
      asOf: '2026-10-25T12:00:00Z',
    },
    {
      zone: 'America/New_York',
      start: '2026-03-07T23:30:00-05:00',
      s2: ['2026-03-14', '2026-03-17', '2026-03-22', '2026-04-06'],
      s3: ['2026-03-24', '2026-03-31', '2026-04-15', '2026-05-12'],
      asOf: '2026-03-08T12:00:00Z',
    },
    {
      zone: 'America/Sao_Paulo',
      start: '2018-11-03T23:30:00-03:00',
      s2: ['2018-11-10', '2018-11-13', '2018-11-18', '2018-12-03'],
      s3: ['2018-11-20', '2018-11-27', '2018-12-12', '2019-01-08'],
      asOf: '2018-11-04T12:00:00Z',
    },
    {
      zone: 'America/Sao_Paulo',
      start: '2026-10-31T22:30:00-03:00',
      s2: ['2026-11-07', '2026-11-10', '2026-11-15', '2026-11-30'],
      s3: ['2026-11-17', '2026-11-24', '2026-12-09', '2027-01-05'],
      asOf: '2026-11-01T12:00:00Z',
    },
    {
      zone: 'Australia/Lord_Howe',
      start: '2026-10-03T00:30:00+10:30',
      s2: ['2026-10-10', '2026-10-13', '2026-10-18', '2026-11-02'],
      s3: ['2026-10-20', '2026-10-27', '2026-11-11', '2026-12-08'],
      asOf: '2026-10-03T12:00:00Z',
    },
    {
      zone: 'Pacific/Chatham',
      start: '2026-09-26T00:30:00+12:45',
      s2: ['2026-10-03', '2026-10-06', '2026-10-11', '2026-10-26'],
      s3: ['2026-10-13', '2026-10-20', '2026-11-04', '2026-12-01'],
      asOf: '2026-09-26T12:00:00Z',
    },
    {
      zone: 'Asia/Kathmandu',
      start: '2026-03-23T00:30:00+05:45',
      s2: ['2026-03-30', '2026-04-02', '2026-04-07', '2026-04-22'],
      s3: ['2026-04-09', '2026-04-16', '2026-05-01', '2026-05-28'],
      asOf: '2026-03-23T12:00:00Z',
    },
    {
      zone: 'Pacific/Apia',
      start: '2011-12-26T20:00:00-10:00',
      s2: ['2012-01-02', '2012-01-05', '2012-01-10', '2012-01-25'],
      s3: ['2012-01-12', '2012-01-19', '2012-02-03', '2012-03-01'],
      asOf: '2011-12-27T12:00:00Z',
    },
  ];
  it.each(cases)('$zone: session 1 at $start', ({ zone, start, s2, s3, asOf }) => {
    const plan = withSession1Completed(zone, start);
    const f = mustOk(forecast(plan, { protocol, asOf }));
    expect(f.findings).toEqual([]);
    const [earliest, recommended, pastDue, latest] = s2;
    expect(f.next).toEqual({ session: 2, state: 'pending', earliest, recommended, pastDue, latest, projected: false, due: 'notYet' });
    expect(f.sessions[2]).toEqual({
      session: 3,
      state: 'pending',
      earliest: s3[0],
      recommended: s3[1],
      pastDue: s3[2],
      latest: s3[3],
      projected: true,
      due: 'notYet',
    });
  });

  it.each(cases)('$zone: `due` turns on the local date of asOf, not the UTC date', ({ zone, start, s2 }) => {
    const plan = withSession1Completed(zone, start);
    const [earliest, recommended] = s2;
    const midnight = mustOk(toInstant(`${earliest}T00:00`, zone));
    const before = shift(midnight, -1);
    expect(mustOk(localDateOf(midnight, zone))).toBe(earliest);
    expect(mustOk(forecast(plan, { protocol, asOf: before })).next?.due).toBe('notYet');
    expect(mustOk(forecast(plan, { protocol, asOf: midnight })).next?.due).toBe('early');
    const recommendedMidnight = mustOk(toInstant(`${recommended}T00:00`, zone));
    expect(mustOk(forecast(plan, { protocol, asOf: shift(recommendedMidnight, -1) })).next?.due).toBe('early');
    expect(mustOk(forecast(plan, { protocol, asOf: recommendedMidnight })).next?.due).toBe('due');
  });

  it('a pending session 1 is due from asOf’s local date (Pacific/Chatham, UTC date behind)', () => {
    const f = mustOk(forecast(planIn('Pacific/Chatham'), { protocol, asOf: '2026-03-22T23:30:00Z' }));
    expect(f.next).toEqual({
      session: 1,
      state: 'pending',
      earliest: '2026-03-23',
      recommended: '2026-03-23',
      projected: false,
      due: 'due',
    });
  });

  it('a pending session 1 is due from asOf’s local date (America/New_York, UTC date ahead)', () => {
    const f = mustOk(forecast(planIn('America/New_York'), { protocol, asOf: '2026-03-08T03:30:00Z' }));
    expect(f.next).toMatchObject({ session: 1, earliest: '2026-03-07', recommended: '2026-03-07', due: 'due' });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties against luxon.

const oracleZones = [
  'Europe/London',
  'America/New_York',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kathmandu',
  'Pacific/Apia',
  'UTC',
  'Asia/Tokyo',
  'America/St_Johns',
  'Europe/Dublin',
  'Africa/Casablanca',
] as const;

const MIN_MS = Date.UTC(1970, 0, 1);
const MAX_MS = Date.UTC(2100, 11, 31, 23, 59, 59);

/** Instants of DST changes and the Apia skip, to bias the generators towards them. */
const transitions = [
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:00:00Z',
  '2026-03-08T07:00:00Z',
  '2026-11-01T06:00:00Z',
  '2018-11-04T03:00:00Z',
  '2018-02-18T02:00:00Z',
  '2026-04-04T15:00:00Z',
  '2026-10-03T15:30:00Z',
  '2026-04-04T14:00:00Z',
  '2026-09-26T14:00:00Z',
  '2011-12-30T10:00:00Z',
  '2026-03-08T05:30:00Z',
  '2026-11-01T04:30:00Z',
  '2026-02-15T02:00:00Z',
  '2026-03-22T02:00:00Z',
  '1986-01-01T00:00:00Z',
  '2011-04-02T14:00:00Z',
  '2011-09-24T14:00:00Z',
  '2019-02-17T02:00:00Z',
  '2021-04-03T14:00:00Z',
].map((s) => Date.parse(s));

const instantMs = fc.oneof(
  fc.integer({ min: MIN_MS, max: MAX_MS }),
  fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -26 * 3_600_000, max: 26 * 3_600_000 })).map(([t, d]) => t + d),
);

/** How the instant is spelled: UTC `Z`, or an unrelated fixed offset. */
const spelling = fc.constantFrom('Z', 'UTC+5:45', 'UTC-3', 'UTC+14', 'UTC-10', 'UTC+1');

function spell(ms: number, style: string): string {
  if (style === 'Z') return new Date(ms).toISOString();
  return DateTime.fromMillis(ms, { zone: style }).toISO() ?? '';
}

function luxonDate(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISODate() ?? '';
}

function luxonDays(fromDate: string, toDate: string): number {
  return DateTime.fromISO(toDate, { zone: 'utc' }).diff(DateTime.fromISO(fromDate, { zone: 'utc' }), 'days').days;
}

describe('properties against luxon', () => {
  it('localDateOf agrees with luxon for instants 1970–2100 in every zone', () => {
    fc.assert(
      fc.property(instantMs, fc.constantFrom(...oracleZones), spelling, (ms, zone, style) => {
        const out = localDateOf(spell(ms, style), zone);
        expect(out).toEqual({ ok: true, value: luxonDate(ms, zone), findings: [] });
      }),
      { numRuns: 2_000 },
    );
  });

  it('toInstant gives the earliest instant with the wall time, or NONEXISTENT_LOCAL_TIME for none', () => {
    fc.assert(
      fc.property(instantMs, fc.constantFrom(...oracleZones), fc.integer({ min: -90, max: 90 }), (ms, zone, nudgeMinutes) => {
        // A wall time near the instant's (nudged so that some fall in DST gaps).
        const wall = DateTime.fromMillis(ms + nudgeMinutes * 60_000, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
        const asUtc = DateTime.fromISO(wall, { zone: 'utc' }).toMillis();
        const candidates = [-26, 0, 26]
          .map((h) => DateTime.fromMillis(ms + h * 3_600_000, { zone }).offset)
          .map((offset) => asUtc - offset * 60_000)
          .filter((t) => DateTime.fromMillis(t, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss") === wall);
        const out = toInstant(wall, zone);
        if (candidates.length === 0) {
          expect(codes(mustFail(out))).toEqual(['NONEXISTENT_LOCAL_TIME']);
          return;
        }
        const expected = Math.min(...candidates);
        const value = mustOk(out);
        expect(Date.parse(value)).toBe(expected);
        const offset = DateTime.fromMillis(expected, { zone }).toFormat('ZZ');
        expect(value).toBe(`${wall}${offset}`);
      }),
      { numRuns: 1_000 },
    );
  });

  it('calendar days between two completed sessions match luxon in every zone', () => {
    const DAY = 86_400_000;
    fc.assert(
      fc.property(
        fc.constantFrom(...oracleZones),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }).map((ms) => Math.floor(ms / 60_000) * 60_000),
        fc.oneof(fc.integer({ min: 5 * 60, max: 3 * 24 * 60 }), fc.integer({ min: 3 * 24 * 60, max: 200 * 24 * 60 })),
        (zone, a, gapMinutes) => {
          const b = a + 5 * 3_600_000 + gapMinutes * 60_000;
          const startA = new Date(a).toISOString();
          const startB = new Date(b).toISOString();
          const plan = applyAll(planIn(zone), [
            { id: 'c1', type: 'sessionCompleted', at: new Date(a + 4 * 3_600_000).toISOString(), session: 1, start: startA },
            { id: 'c2', type: 'sessionCompleted', at: new Date(b + DAY).toISOString(), session: 2, start: startB },
          ]);
          const days = luxonDays(luxonDate(a, zone), luxonDate(b, zone));
          const e = mustOk(evaluatePlan(plan, { protocol, asOf: new Date(b + DAY).toISOString() }));
          expect(e.sessions[1]?.daysFromAnchor).toBe(days);
          const classes =
            days < 5 ? 'tooSoon' : days < 7 ? 'grace' : days < 10 ? 'early' : days <= 14 ? 'onTime' : days <= 30 ? 'late' : 'lapsed';
          expect(e.sessions[1]?.evaluation).toBe(classes);
        },
      ),
      { numRuns: 300 },
    );
  });
});
