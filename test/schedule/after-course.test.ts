/**
 * After the course: the review window (days) and the maintenance window (months, rolling forward)
 * from the local date of the last completed session, once the plan is completed; and a touch-up
 * plan that names the course it maintains.
 */
import { describe, expect, it } from 'vitest';
import {
  createPlan,
  defineProtocol,
  forecast,
  parsePlan,
  protocols,
  replay,
  standardProtocol,
  type Plan,
  type Protocol,
} from 'smp-protocol';
import { applyAll, mustFail, mustOk } from '../support/plans.js';
import { writableCopy } from '../support/writable.js';

const protocol = standardProtocol;

function newPlan(timeZone: string, createdAt: string, p: Protocol = protocol, extra: { id?: string; maintains?: string } = {}): Plan {
  const input: Parameters<typeof createPlan>[0] = { id: extra.id ?? 'plan-1', clientId: 'client-1', protocol: p, timeZone, createdAt };
  if (extra.maintains !== undefined) input.maintains = extra.maintains;
  return mustOk(createPlan(input));
}

/** Completes session `n` at `start` (a recorded fact, no booking needed), recorded an hour after it ends. */
const done = (n: number, start: string) =>
  ({ id: `c${n}`, type: 'sessionCompleted', at: new Date(Date.parse(start) + 5 * 3_600_000).toISOString(), session: n, start }) as const;

/** A course in `zone` with the three sessions completed at the given instants. */
function course(starts: [string, string, string], timeZone = 'Europe/London', p: Protocol = protocol): Plan {
  const created = new Date(Date.parse(starts[0]) - 7 * 86_400_000).toISOString();
  return applyAll(
    newPlan(timeZone, created, p),
    starts.map((s, i) => done(i + 1, s)),
    p,
  );
}

/** Last session on Monday 20 April 2026 in London. */
const april = (): Plan => course(['2026-03-23T10:00:00Z', '2026-04-02T10:00:00+01:00', '2026-04-20T10:00:00+01:00']);

describe('review and maintenance windows of a completed course', () => {
  it('last session 2026-04-20: review 2026-05-11 / 2026-05-20 / 2026-06-15, maintenance 18 / 36 / 60 months', () => {
    const plan = april();
    expect(plan.status).toBe('completed');
    const f = mustOk(forecast(plan, { protocol, asOf: '2026-04-21T09:00:00+01:00' }));
    expect(f.review).toEqual({ earliest: '2026-05-11', recommended: '2026-05-20', latest: '2026-06-15' });
    expect(f.maintenance).toEqual({ earliest: '2027-10-20', recommended: '2029-04-20', latest: '2031-04-20' });
    expect(f.next).toBeNull();
    expect(f.findings).toEqual([]);
  });

  it('does not depend on asOf', () => {
    const plan = april();
    const a = mustOk(forecast(plan, { protocol, asOf: '2026-04-21T09:00:00Z' }));
    const b = mustOk(forecast(plan, { protocol, asOf: '2031-12-31T09:00:00Z' }));
    expect(b.review).toEqual(a.review);
    expect(b.maintenance).toEqual(a.maintenance);
  });

  it('maintenance from a 31st rolls forward: 31 March 2026 + 18 months = 1 October 2027', () => {
    const f = mustOk(
      forecast(course(['2026-03-03T10:00:00Z', '2026-03-13T10:00:00Z', '2026-03-31T10:00:00+01:00']), {
        protocol,
        asOf: '2026-04-01T09:00:00Z',
      }),
    );
    expect(f.review).toEqual({ earliest: '2026-04-21', recommended: '2026-04-30', latest: '2026-05-26' });
    expect(f.maintenance).toEqual({ earliest: '2027-10-01', recommended: '2029-03-31', latest: '2031-03-31' });
  });

  it('maintenance from 29 February 2028 rolls forward to 1 March in years without one', () => {
    const f = mustOk(
      forecast(course(['2028-01-31T10:00:00Z', '2028-02-14T10:00:00Z', '2028-02-29T10:00:00Z']), {
        protocol,
        asOf: '2028-03-01T09:00:00Z',
      }),
    );
    expect(f.review).toEqual({ earliest: '2028-03-21', recommended: '2028-03-30', latest: '2028-04-25' });
    expect(f.maintenance).toEqual({ earliest: '2029-08-29', recommended: '2031-03-01', latest: '2033-03-01' });
  });

  it('a custom maintenance of 6 / 12 / 18 months from 31 August: 1 March, 31 August, 1 March', () => {
    const p = mustOk(
      defineProtocol({
        ...JSON.parse(JSON.stringify(protocol)),
        id: 'yearly-touch-up',
        review: { earliestDays: 14, recommendedDays: 28, latestDays: 90 },
        maintenance: { earliestMonths: 6, recommendedMonths: 12, latestMonths: 18 },
      }),
    );
    const f = mustOk(
      forecast(course(['2026-08-03T10:00:00Z', '2026-08-13T10:00:00Z', '2026-08-31T10:00:00Z'], 'Europe/London', p), {
        protocol: p,
        asOf: '2026-09-01T09:00:00Z',
      }),
    );
    expect(f.review).toEqual({ earliest: '2026-09-14', recommended: '2026-09-28', latest: '2026-11-29' });
    expect(f.maintenance).toEqual({ earliest: '2027-03-01', recommended: '2027-08-31', latest: '2028-03-01' });
  });

  it("counts from the last session's local date in the plan's zone", () => {
    // 22:00 UTC on 19 April is 10:00 on 20 April in Auckland (NZST, +12).
    const plan = course(['2026-03-22T22:00:00Z', '2026-04-01T22:00:00Z', '2026-04-19T22:00:00Z'], 'Pacific/Auckland');
    const f = mustOk(forecast(plan, { protocol, asOf: '2026-04-20T09:00:00Z' }));
    expect(f.review).toEqual({ earliest: '2026-05-11', recommended: '2026-05-20', latest: '2026-06-15' });
    expect(f.maintenance?.recommended).toBe('2029-04-20');
    // The same instants in London: 19 April.
    const london = course(['2026-03-22T22:00:00Z', '2026-04-01T22:00:00Z', '2026-04-19T22:00:00Z']);
    expect(mustOk(forecast(london, { protocol, asOf: '2026-04-20T09:00:00Z' })).review?.recommended).toBe('2026-05-19');
  });

  it('a protocol without review or maintenance gives none', () => {
    const bare = writableCopy(protocol);
    delete bare.review;
    delete bare.maintenance;
    const p = mustOk(defineProtocol({ ...bare, id: 'no-after-course' }));
    const f = mustOk(
      forecast(course(['2026-03-23T10:00:00Z', '2026-04-02T10:00:00+01:00', '2026-04-20T10:00:00+01:00'], 'Europe/London', p), {
        protocol: p,
        asOf: '2026-04-21T09:00:00Z',
      }),
    );
    expect('review' in f).toBe(false);
    expect('maintenance' in f).toBe(false);
  });
});

describe('the windows exist only once the plan is completed', () => {
  const start = (): Plan => newPlan('Europe/London', '2026-03-16T09:00:00Z');
  const asOf = '2026-04-21T09:00:00Z';
  const absent = (plan: Plan, p: Protocol = protocol): void => {
    const f = mustOk(forecast(plan, { protocol: p, asOf }));
    expect('review' in f).toBe(false);
    expect('maintenance' in f).toBe(false);
  };

  it('absent for a draft plan and for an active one, even with the last session booked', () => {
    absent(start());
    const two = applyAll(start(), [done(1, '2026-03-23T10:00:00Z'), done(2, '2026-04-02T10:00:00+01:00')]);
    expect(two.status).toBe('active');
    absent(two);
    const booked3 = applyAll(two, [
      { id: 'b3', type: 'sessionBooked', at: '2026-04-02T16:00:00+01:00', session: 3, start: '2026-04-20T10:00:00+01:00' },
    ]);
    absent(booked3);
  });

  it('absent for a plan closed early (two sessions were enough)', () => {
    const closed = applyAll(start(), [
      done(1, '2026-03-23T10:00:00Z'),
      done(2, '2026-04-02T10:00:00+01:00'),
      { id: 'x', type: 'planClosed', at: '2026-04-03T09:00:00+01:00', reason: 'two sessions were enough' },
    ]);
    expect(closed.status).toBe('closed');
    absent(closed);
  });

  it('absent again when an extra session reopens the plan; back, from the extra session, once it is completed', () => {
    const reopened = applyAll(april(), [{ id: 'a4', type: 'sessionAdded', at: '2026-04-22T09:00:00+01:00', reason: 'crown healed light' }]);
    expect(reopened.status).toBe('active');
    absent(reopened);
    expect(mustOk(forecast(reopened, { protocol, asOf })).next?.session).toBe(4);
    const finished = applyAll(reopened, [done(4, '2026-05-08T10:00:00+01:00')]);
    expect(finished.status).toBe('completed');
    const f = mustOk(forecast(finished, { protocol, asOf: '2026-05-09T09:00:00Z' }));
    expect(f.review).toEqual({ earliest: '2026-05-29', recommended: '2026-06-07', latest: '2026-07-03' });
    expect(f.maintenance).toEqual({ earliest: '2027-11-08', recommended: '2029-05-08', latest: '2031-05-08' });
  });

  it('absent on a protocol mismatch (the forecast is refused instead)', () => {
    const f = forecast(april(), { protocol: protocols['scar-camouflage'], asOf });
    expect(f.ok).toBe(false);
    expect(f.findings.map((x) => x.code)).toEqual(['PROTOCOL_MISMATCH']);
    expect('value' in f).toBe(false);
  });
});

describe('a touch-up plan maintains a completed course', () => {
  const touchUp = protocols['touch-up'];

  it('records the id of the course it maintains, and keeps it through events, replay and JSON', () => {
    const initial = newPlan('Europe/London', '2029-03-01T09:00:00Z', touchUp, { id: 'plan-1-touch-up', maintains: 'plan-1' });
    expect(initial.maintains).toBe('plan-1');
    const plan = applyAll(
      initial,
      [
        { id: 'b1', type: 'sessionBooked', at: '2029-03-01T09:05:00Z', session: 1, start: '2029-04-20T10:00:00+01:00' },
        { id: 'c1', type: 'sessionCompleted', at: '2029-04-20T12:00:00+01:00', session: 1 },
      ],
      touchUp,
    );
    expect(plan.maintains).toBe('plan-1');
    expect(plan.status).toBe('completed');
    expect(mustOk(parsePlan(JSON.parse(JSON.stringify(plan))))).toEqual(plan);
    expect(mustOk(replay(initial, plan.history, { protocol: touchUp }))).toEqual(plan);
    // The touch-up has its own review and the next maintenance, from its own session.
    const f = mustOk(forecast(plan, { protocol: touchUp, asOf: '2029-04-21T09:00:00Z' }));
    expect(f.review).toEqual({ earliest: '2029-05-11', recommended: '2029-05-20', latest: '2029-06-15' });
    expect(f.maintenance).toEqual({ earliest: '2030-10-20', recommended: '2032-04-20', latest: '2034-04-20' });
  });

  it('the maintenance window of the course is where the touch-up belongs', () => {
    const m = mustOk(forecast(april(), { protocol, asOf: '2026-04-21T09:00:00Z' })).maintenance;
    const touchUpDate = '2029-04-20';
    expect(m !== undefined && m.earliest <= touchUpDate && touchUpDate <= m.latest).toBe(true);
  });

  it('refuses a maintains that is not an id', () => {
    for (const maintains of ['', 42, null]) {
      const f = mustFail(
        createPlan({
          id: 'p',
          clientId: 'c',
          protocol: touchUp,
          timeZone: 'Europe/London',
          createdAt: '2029-03-01T09:00:00Z',
          maintains: maintains as string,
        }),
      );
      expect(f).toMatchObject([{ code: 'INVALID_INPUT', path: ['maintains'] }]);
    }
  });

  it('a plan without maintains has none', () => {
    expect('maintains' in newPlan('Europe/London', '2029-03-01T09:00:00Z', touchUp)).toBe(false);
  });
});
