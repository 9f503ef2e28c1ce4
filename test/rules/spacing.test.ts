import { describe, expect, it } from 'vitest';
import { applyEvent, defineProtocol, evaluatePlan, standardProtocol, type Plan, type Protocol } from 'smp-protocol';
import { applyAll, codes, mustFail, mustOk, newPlan } from '../support/plans.js';

const protocol = standardProtocol;

/** Session 1 completed on 2026-01-12 (Europe/London, GMT), 10:00–14:00. */
function afterSession1(): Plan {
  return applyAll(newPlan(), [
    { id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:00:00Z', session: 1, start: '2026-01-12T10:00:00Z' },
    { id: 'c1', type: 'sessionCompleted', at: '2026-01-12T14:00:00Z', session: 1 },
  ]);
}

/** Sessions 1 and 2 completed on 2026-01-12 and 2026-01-22 (on time). */
function afterSession2(): Plan {
  return applyAll(afterSession1(), [
    { id: 'b2', type: 'sessionBooked', at: '2026-01-12T15:00:00Z', session: 2, start: '2026-01-22T10:00:00Z' },
    { id: 'c2', type: 'sessionCompleted', at: '2026-01-22T13:00:00Z', session: 2 },
  ]);
}

type Evaluation = 'tooSoon' | 'grace' | 'early' | 'onTime' | 'late' | 'lapsed';
interface Row {
  d: number;
  date: string;
  evaluation: Evaluation;
}

interface GapCase {
  name: string;
  session: number;
  anchorDate: string;
  plan: () => Plan;
  /** absoluteMinimum, minimum, earliestRecommended, latestRecommended, maximum */
  counts: [number, number, number, number, number];
  rows: Row[];
}

const cases: GapCase[] = [
  {
    name: 'gap 1→2 (5/7/10–14/30)',
    session: 2,
    anchorDate: '2026-01-12',
    plan: afterSession1,
    counts: [5, 7, 10, 14, 30],
    rows: [
      { d: 4, date: '2026-01-16', evaluation: 'tooSoon' },
      { d: 5, date: '2026-01-17', evaluation: 'grace' },
      { d: 6, date: '2026-01-18', evaluation: 'grace' },
      { d: 7, date: '2026-01-19', evaluation: 'early' },
      { d: 9, date: '2026-01-21', evaluation: 'early' },
      { d: 10, date: '2026-01-22', evaluation: 'onTime' },
      { d: 14, date: '2026-01-26', evaluation: 'onTime' },
      { d: 15, date: '2026-01-27', evaluation: 'late' },
      { d: 30, date: '2026-02-11', evaluation: 'late' },
      { d: 31, date: '2026-02-12', evaluation: 'lapsed' },
    ],
  },
  {
    name: 'gap 2→3 (5/7/14–28/56)',
    session: 3,
    anchorDate: '2026-01-22',
    plan: afterSession2,
    counts: [5, 7, 14, 28, 56],
    rows: [
      { d: 4, date: '2026-01-26', evaluation: 'tooSoon' },
      { d: 5, date: '2026-01-27', evaluation: 'grace' },
      { d: 6, date: '2026-01-28', evaluation: 'grace' },
      { d: 7, date: '2026-01-29', evaluation: 'early' },
      { d: 13, date: '2026-02-04', evaluation: 'early' },
      { d: 14, date: '2026-02-05', evaluation: 'onTime' },
      { d: 28, date: '2026-02-19', evaluation: 'onTime' },
      { d: 29, date: '2026-02-20', evaluation: 'late' },
      { d: 56, date: '2026-03-19', evaluation: 'late' },
      { d: 57, date: '2026-03-20', evaluation: 'lapsed' },
    ],
  },
];

const bookingCode: Record<Evaluation, { code: string; severity: 'error' | 'warning' } | undefined> = {
  tooSoon: { code: 'SPACING_TOO_SOON', severity: 'error' },
  grace: { code: 'SPACING_BELOW_MINIMUM', severity: 'error' },
  early: { code: 'SPACING_EARLY', severity: 'warning' },
  onTime: undefined,
  late: { code: 'SPACING_LATE', severity: 'warning' },
  lapsed: { code: 'SPACING_LAPSED', severity: 'warning' },
};

const completionCode: Record<Evaluation, string | undefined> = {
  tooSoon: 'SPACING_TOO_SOON',
  grace: 'SPACING_GRACE',
  early: 'SPACING_EARLY',
  onTime: undefined,
  late: 'SPACING_LATE',
  lapsed: 'SPACING_LAPSED',
};

/** Adds calendar days to a YYYY-MM-DD date (pure arithmetic on UTC dates; no machine zone). */
function plusDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function spacingParams(c: GapCase, row: Row, kind: 'booking' | 'completed'): Record<string, string | number> {
  const [absoluteMinimumDays, minimumDays, earliestRecommendedDays, latestRecommendedDays, maximumDays] = c.counts;
  return {
    session: c.session,
    date: row.date,
    anchorSession: c.session - 1,
    anchorDate: c.anchorDate,
    days: row.d,
    absoluteMinimumDays,
    minimumDays,
    earliestRecommendedDays,
    latestRecommendedDays,
    maximumDays,
    earliestDate: plusDays(c.anchorDate, minimumDays),
    recommendedDate: plusDays(c.anchorDate, earliestRecommendedDays),
    pastDueDate: plusDays(c.anchorDate, latestRecommendedDays + 1),
    latestDate: plusDays(c.anchorDate, maximumDays),
    kind,
  };
}

describe('the table rows are the boundaries they claim to be', () => {
  for (const c of cases) {
    it(`${c.name}: each row's date is d days after ${c.anchorDate}`, () => {
      const [a, m, er, lr, max] = c.counts;
      expect(c.rows.map((r) => r.d)).toEqual([a - 1, a, m - 1, m, er - 1, er, lr, lr + 1, max, max + 1]);
      for (const r of c.rows) expect(plusDays(c.anchorDate, r.d)).toBe(r.date);
    });
  }
});

describe('spacing of a booking (a command: refused below the minimum)', () => {
  for (const c of cases) {
    describe(c.name, () => {
      for (const row of c.rows) {
        const expected = bookingCode[row.evaluation];
        const verdict =
          expected === undefined
            ? 'accepts without a spacing finding'
            : expected.severity === 'error'
              ? `refuses with ${expected.code}`
              : `accepts with a ${expected.code} warning`;
        it(`${verdict} a booking of session ${c.session} ${row.d} days after session ${c.session - 1}`, () => {
          const plan = c.plan();
          const event = {
            id: `book-${c.session}-${row.d}`,
            type: 'sessionBooked',
            at: `${c.anchorDate}T15:00:00Z`,
            session: c.session,
            start: `${row.date}T10:00:00Z`,
          };
          const out = applyEvent(plan, event, { protocol });
          if (expected === undefined) {
            expect(out).toMatchObject({ ok: true, findings: [] });
          } else {
            expect(out.ok).toBe(expected.severity === 'warning');
            expect(out.findings).toHaveLength(1);
            const f = out.findings[0];
            expect(f).toMatchObject({ code: expected.code, severity: expected.severity, session: c.session });
            expect(f?.params).toEqual(spacingParams(c, row, 'booking'));
          }
          if (out.ok) {
            const s = out.value.sessions[c.session - 1];
            expect(s?.state).toBe('booked');
            expect(s?.booking?.start).toBe(`${row.date}T10:00:00Z`);
            // The booked session is evaluated on its booked date.
            const e = mustOk(evaluatePlan(out.value, { protocol, asOf: `${c.anchorDate}T15:00:00Z` }));
            expect(e.sessions[c.session - 1]).toMatchObject({
              session: c.session,
              state: 'booked',
              evaluation: row.evaluation,
              daysFromAnchor: row.d,
            });
          } else {
            expect(plan.sessions[c.session - 1]?.state).toBe('pending');
          }
        });
      }
    });
  }
});

describe('spacing of a completed session (a fact: always recorded, then evaluated)', () => {
  for (const c of cases) {
    describe(c.name, () => {
      for (const row of c.rows) {
        const code = completionCode[row.evaluation];
        it(`records session ${c.session} completed ${row.d} days after session ${c.session - 1} as ${row.evaluation}`, () => {
          const plan = c.plan();
          const out = applyEvent(
            plan,
            {
              id: `done-${c.session}-${row.d}`,
              type: 'sessionCompleted',
              at: `${row.date}T15:00:00Z`,
              session: c.session,
              start: `${row.date}T10:00:00Z`,
            },
            { protocol },
          );
          const next = mustOk(out);
          expect(next.sessions[c.session - 1]).toMatchObject({
            state: 'completed',
            completed: { start: `${row.date}T10:00:00Z`, end: `${row.date}T13:00:00+00:00` },
          });
          if (code === undefined) {
            expect(out.findings).toEqual([]);
          } else {
            expect(out.findings).toHaveLength(1);
            // applyEvent records a fact: even SPACING_TOO_SOON is a warning here.
            expect(out.findings[0]).toMatchObject({ code, severity: 'warning', session: c.session });
            expect(out.findings[0]?.params).toEqual(spacingParams(c, row, 'completed'));
          }

          const e = mustOk(evaluatePlan(next, { protocol, asOf: '2026-04-01T12:00:00Z' }));
          const se = e.sessions[c.session - 1];
          expect(se).toMatchObject({ session: c.session, state: 'completed', evaluation: row.evaluation, daysFromAnchor: row.d });
          if (code === undefined) {
            expect(se?.findings).toEqual([]);
          } else {
            // evaluatePlan: a tooSoon session is not valid (error); the others count (warning).
            const severity = row.evaluation === 'tooSoon' ? 'error' : 'warning';
            expect(se?.findings.map((f) => [f.code, f.severity])).toEqual([[code, severity]]);
            expect(se?.findings[0]?.params).toEqual(spacingParams(c, row, 'completed'));
          }
        });
      }
    });
  }
});

describe('spacing messages and params', () => {
  it('refuses a booking 6 days after session 1 with the exact docs/design.md message', () => {
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T15:00:00Z', session: 1 },
    ]);
    const findings = mustFail(
      applyEvent(
        plan,
        { id: 'b2', type: 'sessionBooked', at: '2026-03-24T09:00:00Z', session: 2, start: '2026-03-29T10:00:00+01:00' },
        { protocol },
      ),
    );
    expect(findings).toEqual([
      {
        code: 'SPACING_BELOW_MINIMUM',
        severity: 'error',
        session: 2,
        message:
          'Session 2 on 2026-03-29 would be 6 days after session 1 (2026-03-23); the protocol needs at least 7 days for the skin to heal.',
        params: {
          session: 2,
          date: '2026-03-29',
          anchorSession: 1,
          anchorDate: '2026-03-23',
          days: 6,
          absoluteMinimumDays: 5,
          minimumDays: 7,
          earliestRecommendedDays: 10,
          latestRecommendedDays: 14,
          maximumDays: 30,
          earliestDate: '2026-03-30',
          recommendedDate: '2026-04-02',
          pastDueDate: '2026-04-07',
          latestDate: '2026-04-22',
          kind: 'booking',
        },
      },
    ]);
  });

  it('explains a booking below the absolute minimum', () => {
    const findings = mustFail(
      applyEvent(
        afterSession1(),
        { id: 'b2', type: 'sessionBooked', at: '2026-01-13T09:00:00Z', session: 2, start: '2026-01-16T10:00:00Z' },
        { protocol },
      ),
    );
    expect(findings[0]?.message).toBe(
      'Session 2 on 2026-01-16 would be 4 days after session 1 (2026-01-12); the protocol needs at least 7 days for the skin to heal, and never fewer than 5 days.',
    );
  });

  it('explains each completed-session finding in the past tense', () => {
    const message = (start: string): string | undefined =>
      applyEvent(afterSession1(), { id: 'c2', type: 'sessionCompleted', at: '2026-03-01T00:00:00Z', session: 2, start }, { protocol })
        .findings[0]?.message;
    expect(message('2026-01-16T10:00:00Z')).toBe(
      "Session 2 on 2026-01-16 was 4 days after session 1 (2026-01-12); the protocol's absolute minimum is 5 days, so the session does not count and may need repeating.",
    );
    expect(message('2026-01-18T10:00:00Z')).toBe(
      'Session 2 on 2026-01-18 was 6 days after session 1 (2026-01-12): fewer than the 7 days the protocol asks for, but within its 5 days grace, so it counts.',
    );
    expect(message('2026-01-19T10:00:00Z')).toBe(
      'Session 2 on 2026-01-19 was 7 days after session 1 (2026-01-12): allowed, but earlier than the recommended 10 days (from 2026-01-22).',
    );
    expect(message('2026-01-27T10:00:00Z')).toBe(
      'Session 2 on 2026-01-27 was 15 days after session 1 (2026-01-12): later than the recommended 14 days (past due from 2026-01-27).',
    );
    expect(message('2026-02-12T10:00:00Z')).toBe(
      "Session 2 on 2026-02-12 was 31 days after session 1 (2026-01-12): more than the protocol's maximum of 30 days (the latest date was 2026-02-11); re-assess the client before going on.",
    );
  });

  it('explains an early booking in the conditional', () => {
    const out = applyEvent(
      afterSession1(),
      { id: 'b2', type: 'sessionBooked', at: '2026-01-13T09:00:00Z', session: 2, start: '2026-01-19T10:00:00Z' },
      { protocol },
    );
    expect(out.findings[0]?.message).toBe(
      'Session 2 on 2026-01-19 would be 7 days after session 1 (2026-01-12): allowed, but earlier than the recommended 10 days (from 2026-01-22).',
    );
  });
});

describe('spacing counts calendar days in the plan zone', () => {
  it('counts local dates, not UTC dates: Pacific/Auckland 23:00 to 01:00 six UTC days later is 7 days', () => {
    // 2026-03-23T10:00Z is 23:00 on 23 March in Auckland (+13); 2026-03-29T12:00Z is 01:00 on 30 March.
    const plan = applyAll(newPlan({ timeZone: 'Pacific/Auckland' }), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-01T00:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1 },
    ]);
    const out = applyEvent(
      plan,
      { id: 'b2', type: 'sessionBooked', at: '2026-03-24T00:00:00Z', session: 2, start: '2026-03-29T12:00:00Z' },
      { protocol },
    );
    expect(out.ok).toBe(true);
    expect(out.findings.map((f) => [f.code, f.params?.date, f.params?.anchorDate, f.params?.days])).toEqual([
      ['SPACING_EARLY', '2026-03-30', '2026-03-23', 7],
    ]);
  });

  it('counts a week across the spring DST change as 7 days, though it is only 166 hours', () => {
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T15:00:00Z', session: 1 },
    ]);
    const out = applyEvent(
      plan,
      { id: 'b2', type: 'sessionBooked', at: '2026-03-24T09:00:00Z', session: 2, start: '2026-03-30T09:00:00+01:00' },
      { protocol },
    );
    expect(out.ok).toBe(true);
    expect(out.findings.map((f) => [f.code, f.params?.days])).toEqual([['SPACING_EARLY', 7]]);
  });

  it('counts a late-evening booking by its local date in America/New_York', () => {
    // Session 1 on 2026-01-12 at 10:00 EST; 2026-01-19T03:00Z is 22:00 on 18 January in New York: 6 days.
    const plan = applyAll(newPlan({ timeZone: 'America/New_York' }), [
      { id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:00:00Z', session: 1, start: '2026-01-12T15:00:00Z' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-01-12T20:00:00Z', session: 1 },
    ]);
    const findings = mustFail(
      applyEvent(
        plan,
        { id: 'b2', type: 'sessionBooked', at: '2026-01-13T09:00:00Z', session: 2, start: '2026-01-19T03:00:00Z' },
        { protocol },
      ),
    );
    expect(findings.map((f) => [f.code, f.params?.date, f.params?.days])).toEqual([['SPACING_BELOW_MINIMUM', '2026-01-18', 6]]);
  });
});

describe('spacing from a booked anchor', () => {
  const bookedSession1 = (): Plan =>
    applyAll(newPlan(), [{ id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:00:00Z', session: 1, start: '2026-01-12T10:00:00Z' }]);

  it('measures a booking of session 2 from session 1 booked date', () => {
    const findings = mustFail(
      applyEvent(
        bookedSession1(),
        { id: 'b2', type: 'sessionBooked', at: '2026-01-05T09:10:00Z', session: 2, start: '2026-01-18T10:00:00Z' },
        { protocol },
      ),
    );
    expect(findings.map((f) => [f.code, f.params?.anchorDate, f.params?.days])).toEqual([['SPACING_BELOW_MINIMUM', '2026-01-12', 6]]);
  });

  it('accepts session 2 on time from session 1 booked date', () => {
    const out = applyEvent(
      bookedSession1(),
      { id: 'b2', type: 'sessionBooked', at: '2026-01-05T09:10:00Z', session: 2, start: '2026-01-22T10:00:00Z' },
      { protocol },
    );
    expect(out.ok).toBe(true);
    expect(out.findings).toEqual([]);
  });
});

describe('several gaps on one session', () => {
  function twoAnchorProtocol(): Protocol {
    const base = JSON.parse(JSON.stringify(standardProtocol)) as Protocol;
    const session3 = base.sessions[2];
    if (session3 === undefined) throw new Error('unreachable');
    const withAnchor = {
      ...base,
      id: 'two-anchors',
      sessions: [
        base.sessions[0],
        base.sessions[1],
        {
          ...session3,
          gaps: [
            ...session3.gaps,
            {
              from: { session: 1 },
              absoluteMinimumDays: 20,
              minimumDays: 24,
              earliestRecommendedDays: 28,
              latestRecommendedDays: 42,
              maximumDays: 90,
            },
          ],
        },
      ],
    };
    return mustOk(defineProtocol(withAnchor));
  }

  it('refuses a booking that suits the previous session but not the gap from session 1', () => {
    const p = twoAnchorProtocol();
    const plan = applyAll(
      newPlan({ protocol: p }),
      [
        { id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:00:00Z', session: 1, start: '2026-01-12T10:00:00Z' },
        { id: 'c1', type: 'sessionCompleted', at: '2026-01-12T14:00:00Z', session: 1 },
        { id: 'b2', type: 'sessionBooked', at: '2026-01-12T15:00:00Z', session: 2, start: '2026-01-19T10:00:00Z' },
        { id: 'c2', type: 'sessionCompleted', at: '2026-01-19T13:00:00Z', session: 2 },
      ],
      p,
    );
    // 2026-02-02: 14 days after session 2 (on time), 21 days after session 1 (below its minimum of 24).
    const findings = mustFail(
      applyEvent(
        plan,
        { id: 'b3', type: 'sessionBooked', at: '2026-01-20T09:00:00Z', session: 3, start: '2026-02-02T10:00:00Z' },
        { protocol: p },
      ),
    );
    expect(findings.map((f) => [f.code, f.params?.anchorSession, f.params?.days, f.params?.minimumDays])).toEqual([
      ['SPACING_BELOW_MINIMUM', 1, 21, 24],
    ]);
    // 2026-02-05 is 24 days after session 1 (early) and 17 after session 2 (on time).
    const out = applyEvent(
      plan,
      { id: 'b3', type: 'sessionBooked', at: '2026-01-20T09:00:00Z', session: 3, start: '2026-02-05T10:00:00Z' },
      { protocol: p },
    );
    expect(out.ok).toBe(true);
    expect(codes(out.findings)).toEqual(['SPACING_EARLY']);
    expect(out.findings[0]?.params?.anchorSession).toBe(1);
    if (!out.ok) return;
    // The evaluation is the worse of the two gaps; daysFromAnchor is measured from the first gap's anchor.
    const e = mustOk(evaluatePlan(out.value, { protocol: p, asOf: '2026-01-20T09:00:00Z' }));
    expect(e.sessions[2]).toMatchObject({ evaluation: 'early', daysFromAnchor: 17 });
  });
});
