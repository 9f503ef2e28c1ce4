import { describe, expect, it } from 'vitest';
import { defineProtocol, forecast, protocols, standardProtocol, type Plan, type Protocol } from 'smp-protocol';
import { applyAll, mustFail, mustOk, newPlan } from '../support/plans.js';
import { writableCopy } from '../support/writable.js';

const protocol = standardProtocol;

const BOOK1 = { id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:00:00Z', session: 1, start: '2026-01-12T10:00:00Z' } as const;
const DONE1 = { id: 'c1', type: 'sessionCompleted', at: '2026-01-12T14:00:00Z', session: 1 } as const;
const BOOK2 = { id: 'b2', type: 'sessionBooked', at: '2026-01-12T15:00:00Z', session: 2, start: '2026-01-22T10:00:00Z' } as const;
const DONE2 = { id: 'c2', type: 'sessionCompleted', at: '2026-01-22T13:00:00Z', session: 2 } as const;
const BOOK3 = { id: 'b3', type: 'sessionBooked', at: '2026-01-22T14:00:00Z', session: 3, start: '2026-02-05T10:00:00Z' } as const;
const DONE3 = { id: 'c3', type: 'sessionCompleted', at: '2026-02-05T13:00:00Z', session: 3 } as const;

const done1 = (): Plan => applyAll(newPlan(), [BOOK1, DONE1]);

describe('forecast from a completed anchor', () => {
  it('gives session 2 earliest = A+7, recommended = A+10, pastDue = A+15, latest = A+30', () => {
    const f = mustOk(forecast(done1(), { protocol, asOf: '2026-01-13T09:00:00Z' }));
    expect(f.findings).toEqual([]);
    expect(f.sessions).toEqual([
      { session: 1, state: 'completed', projected: false },
      {
        session: 2,
        state: 'pending',
        earliest: '2026-01-19',
        recommended: '2026-01-22',
        pastDue: '2026-01-27',
        latest: '2026-02-11',
        projected: false,
        due: 'notYet',
      },
      // Projected from session 2's recommended date (2026-01-22) with the 2→3 gap 7/14/28+1/56.
      {
        session: 3,
        state: 'pending',
        earliest: '2026-01-29',
        recommended: '2026-02-05',
        pastDue: '2026-02-20',
        latest: '2026-03-19',
        projected: true,
        due: 'notYet',
      },
    ]);
    expect(f.next).toEqual(f.sessions[1]);
  });

  it('gives session 3 dates from session 2 completed date with the 2→3 gap', () => {
    const plan = applyAll(done1(), [BOOK2, DONE2]);
    const f = mustOk(forecast(plan, { protocol, asOf: '2026-01-23T09:00:00Z' }));
    expect(f.next).toEqual({
      session: 3,
      state: 'pending',
      earliest: '2026-01-29',
      recommended: '2026-02-05',
      pastDue: '2026-02-20',
      latest: '2026-03-19',
      projected: false,
      due: 'notYet',
    });
  });

  it('measures from the completed date, not the booked one', () => {
    // Booked for 2026-01-12 but done on 2026-01-14.
    const plan = applyAll(newPlan(), [
      BOOK1,
      { id: 'c1', type: 'sessionCompleted', at: '2026-01-14T15:00:00Z', session: 1, start: '2026-01-14T10:00:00Z' },
    ]);
    const f = mustOk(forecast(plan, { protocol, asOf: '2026-01-15T09:00:00Z' }));
    expect(f.next).toMatchObject({
      session: 2,
      earliest: '2026-01-21',
      recommended: '2026-01-24',
      pastDue: '2026-01-29',
      latest: '2026-02-13',
    });
  });

  it('forecasts in the plan zone: a session at 23:30 in Auckland counts from its local date', () => {
    // 2026-01-12T10:30Z is 23:30 on 12 January in Auckland (+13).
    const plan = applyAll(newPlan({ timeZone: 'Pacific/Auckland' }), [
      {
        id: 'c1',
        type: 'sessionCompleted',
        at: '2026-01-12T11:00:00Z',
        session: 1,
        start: '2026-01-12T10:30:00Z',
        end: '2026-01-12T11:00:00Z',
      },
    ]);
    // asOf 2026-01-18T11:30Z is 00:30 on 19 January in Auckland: session 2's earliest day.
    const f = mustOk(forecast(plan, { protocol, asOf: '2026-01-18T11:30:00Z' }));
    expect(f.next).toMatchObject({
      session: 2,
      earliest: '2026-01-19',
      recommended: '2026-01-22',
      pastDue: '2026-01-27',
      latest: '2026-02-11',
      due: 'early',
    });
  });
});

describe('forecast from a booked anchor', () => {
  it('gives session 2 dates from session 1 booked date, not projected', () => {
    const plan = applyAll(newPlan(), [BOOK1]);
    const f = mustOk(forecast(plan, { protocol, asOf: '2026-01-05T10:00:00Z' }));
    expect(f.sessions[0]).toEqual({
      session: 1,
      state: 'booked',
      earliest: '2026-01-05',
      recommended: '2026-01-05',
      projected: false,
      due: 'due',
    });
    expect(f.sessions[1]).toEqual({
      session: 2,
      state: 'pending',
      earliest: '2026-01-19',
      recommended: '2026-01-22',
      pastDue: '2026-01-27',
      latest: '2026-02-11',
      projected: false,
      due: 'notYet',
    });
    expect(f.next).toEqual(f.sessions[0]);
  });

  it('gives session 3 dates from session 2 booked date', () => {
    const plan = applyAll(done1(), [BOOK2]);
    const f = mustOk(forecast(plan, { protocol, asOf: '2026-01-13T09:00:00Z' }));
    expect(f.sessions[2]).toEqual({
      session: 3,
      state: 'pending',
      earliest: '2026-01-29',
      recommended: '2026-02-05',
      pastDue: '2026-02-20',
      latest: '2026-03-19',
      projected: false,
      due: 'notYet',
    });
    expect(f.next).toMatchObject({ session: 2, state: 'booked', earliest: '2026-01-19', recommended: '2026-01-22', projected: false });
  });
});

describe('projected forecasts', () => {
  it('projects every session of a draft plan from asOf local date', () => {
    const f = mustOk(forecast(newPlan(), { protocol, asOf: '2026-01-05T09:00:00Z' }));
    expect(f.sessions).toEqual([
      { session: 1, state: 'pending', earliest: '2026-01-05', recommended: '2026-01-05', projected: false, due: 'due' },
      {
        session: 2,
        state: 'pending',
        earliest: '2026-01-12',
        recommended: '2026-01-15',
        pastDue: '2026-01-20',
        latest: '2026-02-04',
        projected: true,
        due: 'notYet',
      },
      {
        session: 3,
        state: 'pending',
        earliest: '2026-01-22',
        recommended: '2026-01-29',
        pastDue: '2026-02-13',
        latest: '2026-03-12',
        projected: true,
        due: 'notYet',
      },
    ]);
    expect(f.next).toEqual(f.sessions[0]);
  });

  it('uses asOf local date, not its UTC date, for a pending session 1', () => {
    // 2026-01-05T23:30-05:00 is 04:30 on 6 January in London.
    const f = mustOk(forecast(newPlan(), { protocol, asOf: '2026-01-05T23:30:00-05:00' }));
    expect(f.next).toEqual({
      session: 1,
      state: 'pending',
      earliest: '2026-01-06',
      recommended: '2026-01-06',
      projected: false,
      due: 'due',
    });
  });

  it('never projects from a date before asOf: A = asOf local date once the anchor recommended date has passed', () => {
    // Session 2 was recommended from 2026-01-22; on 2026-03-01 it is still pending.
    const f = mustOk(forecast(done1(), { protocol, asOf: '2026-03-01T09:00:00Z' }));
    expect(f.sessions[1]).toMatchObject({ session: 2, due: 'lapsed', projected: false });
    expect(f.sessions[2]).toEqual({
      session: 3,
      state: 'pending',
      earliest: '2026-03-08',
      recommended: '2026-03-15',
      pastDue: '2026-03-30',
      latest: '2026-04-26',
      projected: true,
      due: 'notYet',
    });
  });

  it('projects from a pending session 1 after a no-show, even with session 2 still booked', () => {
    const plan = applyAll(newPlan(), [
      BOOK1,
      { ...BOOK2, at: '2026-01-05T09:05:00Z' },
      { id: 'm1', type: 'sessionMissed', at: '2026-01-12T11:00:00Z', session: 1 },
    ]);
    const f = mustOk(forecast(plan, { protocol, asOf: '2026-01-12T12:00:00Z' }));
    expect(f.sessions[0]).toEqual({
      session: 1,
      state: 'pending',
      earliest: '2026-01-12',
      recommended: '2026-01-12',
      projected: false,
      due: 'due',
    });
    expect(f.sessions[1]).toEqual({
      session: 2,
      state: 'booked',
      earliest: '2026-01-19',
      recommended: '2026-01-22',
      pastDue: '2026-01-27',
      latest: '2026-02-11',
      projected: true,
      due: 'notYet',
    });
  });
});

describe('due as of asOf, at the exact boundary days (session 2 after session 1 on 2026-01-12)', () => {
  const rows: [string, string][] = [
    ['2026-01-18T23:59:59Z', 'notYet'],
    ['2026-01-19T00:00:00Z', 'early'],
    ['2026-01-21T23:59:59Z', 'early'],
    ['2026-01-22T00:00:00Z', 'due'],
    ['2026-01-26T23:59:59Z', 'due'],
    ['2026-01-27T00:00:00Z', 'overdue'],
    ['2026-02-11T23:59:59Z', 'overdue'],
    ['2026-02-12T00:00:00Z', 'lapsed'],
  ];
  for (const [asOf, due] of rows) {
    it(`is ${due} as of ${asOf}`, () => {
      const f = mustOk(forecast(done1(), { protocol, asOf }));
      expect(f.next?.session).toBe(2);
      expect(f.next?.due).toBe(due);
    });
  }

  it('uses the plan zone day: 23:30 UTC on 18 January is already 19 January in Europe/Helsinki', () => {
    const plan = applyAll(newPlan({ timeZone: 'Europe/Helsinki' }), [
      { id: 'c1', type: 'sessionCompleted', at: '2026-01-12T14:00:00Z', session: 1, start: '2026-01-12T08:00:00Z' },
    ]);
    expect(mustOk(forecast(plan, { protocol, asOf: '2026-01-18T21:59:59Z' })).next?.due).toBe('notYet');
    expect(mustOk(forecast(plan, { protocol, asOf: '2026-01-18T22:00:00Z' })).next?.due).toBe('early');
  });

  it('is never lapsed without a maximum: overdue stays overdue', () => {
    const p = writableCopy(standardProtocol);
    const g = p.sessions[1]?.gaps[0];
    if (g !== undefined) delete g.maximumDays;
    const open = mustOk(defineProtocol({ ...p, id: 'open-ended' }));
    const plan = applyAll(newPlan({ protocol: open }), [BOOK1, DONE1], open);
    const f = mustOk(forecast(plan, { protocol: open, asOf: '2027-01-01T09:00:00Z' }));
    expect(f.next).toEqual({
      session: 2,
      state: 'pending',
      earliest: '2026-01-19',
      recommended: '2026-01-22',
      pastDue: '2026-01-27',
      projected: false,
      due: 'overdue',
    });
  });
});

describe('next', () => {
  it('is null for a completed plan', () => {
    const plan = applyAll(newPlan(), [BOOK1, DONE1, BOOK2, DONE2, BOOK3, DONE3]);
    const f = mustOk(forecast(plan, { protocol, asOf: '2026-02-06T09:00:00Z' }));
    expect(f.next).toBeNull();
    expect(f.sessions).toEqual([
      { session: 1, state: 'completed', projected: false },
      { session: 2, state: 'completed', projected: false },
      { session: 3, state: 'completed', projected: false },
    ]);
    expect(f.findings).toEqual([]);
  });

  it('is null for a closed plan, though sessions remain', () => {
    const plan = applyAll(done1(), [{ id: 'x', type: 'planClosed', at: '2026-01-13T09:00:00Z', reason: 'moved abroad' }]);
    const f = mustOk(forecast(plan, { protocol, asOf: '2026-01-13T09:00:00Z' }));
    expect(f.next).toBeNull();
    expect(f.sessions[1]).toMatchObject({ session: 2, earliest: '2026-01-19' });
  });

  it('is the extra session once one is added to a completed plan, measured from session 3', () => {
    const plan = applyAll(newPlan(), [
      BOOK1,
      DONE1,
      BOOK2,
      DONE2,
      BOOK3,
      DONE3,
      { id: 'a1', type: 'sessionAdded', at: '2026-02-06T09:00:00Z', reason: 'pigment healed light' },
    ]);
    const f = mustOk(forecast(plan, { protocol, asOf: '2026-02-06T09:00:00Z' }));
    expect(f.next).toEqual({
      session: 4,
      state: 'pending',
      earliest: '2026-02-12',
      recommended: '2026-02-19',
      pastDue: '2026-03-06',
      latest: '2026-04-02',
      projected: false,
      due: 'notYet',
    });
  });

  it('is still given for a plan on hold, with a PLAN_ON_HOLD info finding', () => {
    const plan = applyAll(done1(), [{ id: 'p', type: 'planPaused', at: '2026-01-13T09:00:00Z', reason: 'sunburn' }]);
    const f = mustOk(forecast(plan, { protocol, asOf: '2026-01-14T09:00:00Z' }));
    expect(f.next).toMatchObject({ session: 2, earliest: '2026-01-19' });
    expect(f.findings).toEqual([
      {
        code: 'PLAN_ON_HOLD',
        severity: 'info',
        message: 'The plan is on hold since 2026-01-13 (sunburn); resume it before booking or changing sessions.',
        params: { reason: 'sunburn', since: '2026-01-13' },
      },
    ]);
  });
});

describe('a pause with until', () => {
  it('moves a pending session 1 to until', () => {
    const plan = applyAll(newPlan(), [
      { id: 'p', type: 'planPaused', at: '2026-01-06T09:00:00Z', reason: 'isotretinoin', until: '2026-02-01' },
    ]);
    const f = mustOk(forecast(plan, { protocol, asOf: '2026-01-06T09:00:00Z' }));
    expect(f.next).toEqual({
      session: 1,
      state: 'pending',
      earliest: '2026-02-01',
      recommended: '2026-02-01',
      projected: false,
      due: 'notYet',
    });
    // Later sessions are projected from the moved recommended date.
    expect(f.sessions[1]).toMatchObject({ earliest: '2026-02-08', recommended: '2026-02-11', projected: true });
  });

  it('moves earliest and recommended to until, keeps pastDue and latest, and holds after resuming', () => {
    const plan = applyAll(done1(), [
      { id: 'p', type: 'planPaused', at: '2026-01-13T09:00:00Z', reason: 'infection', until: '2026-02-01' },
      { id: 'r', type: 'planResumed', at: '2026-01-20T09:00:00Z' },
    ]);
    expect(plan.status).toBe('active');
    const f = mustOk(forecast(plan, { protocol, asOf: '2026-01-20T09:00:00Z' }));
    expect(f.next).toEqual({
      session: 2,
      state: 'pending',
      earliest: '2026-02-01',
      recommended: '2026-02-01',
      pastDue: '2026-01-27',
      latest: '2026-02-11',
      projected: false,
      due: 'notYet',
    });
    expect(f.findings).toEqual([]);
  });

  it('changes nothing when until is before the healing window', () => {
    const plan = applyAll(done1(), [{ id: 'p', type: 'planPaused', at: '2026-01-13T09:00:00Z', reason: 'travel', until: '2026-01-15' }]);
    const f = mustOk(forecast(plan, { protocol, asOf: '2026-01-13T09:00:00Z' }));
    expect(f.next).toMatchObject({ earliest: '2026-01-19', recommended: '2026-01-22', pastDue: '2026-01-27', latest: '2026-02-11' });
  });
});

describe('several gaps on one session', () => {
  it('takes each date as the latest over the gaps', () => {
    const p = writableCopy(standardProtocol);
    const s3 = p.sessions[2];
    if (s3 === undefined) throw new Error('unreachable');
    s3.gaps = [
      ...s3.gaps,
      {
        from: { session: 1 },
        absoluteMinimumDays: 20,
        minimumDays: 30,
        earliestRecommendedDays: 31,
        latestRecommendedDays: 32,
        maximumDays: 40,
      },
    ];
    const two = mustOk(defineProtocol({ ...p, id: 'two-anchors' }));
    const plan = applyAll(newPlan({ protocol: two }), [BOOK1, DONE1, BOOK2, DONE2], two);
    const f = mustOk(forecast(plan, { protocol: two, asOf: '2026-01-23T09:00:00Z' }));
    // From session 2 (2026-01-22): 01-29, 02-05, 02-20, 03-19. From session 1 (2026-01-12): 02-11, 02-12, 02-14, 02-21.
    expect(f.next).toEqual({
      session: 3,
      state: 'pending',
      earliest: '2026-02-11',
      recommended: '2026-02-12',
      pastDue: '2026-02-20',
      latest: '2026-03-19',
      projected: false,
      due: 'notYet',
    });
  });
});

describe('forecast refuses a broken call: it never looks like a finished course', () => {
  it('refuses another protocol: PROTOCOL_MISMATCH, and no dates', () => {
    const f = forecast(done1(), { protocol: protocols['scar-camouflage'], asOf: '2026-01-13T09:00:00Z' });
    expect(f).toEqual({
      ok: false,
      findings: [
        {
          code: 'PROTOCOL_MISMATCH',
          severity: 'error',
          message: 'The plan follows protocol standard version 1, but protocol scar-camouflage version 1 was given.',
          params: { planProtocol: 'standard', planVersion: 1, protocol: 'scar-camouflage', version: 1 },
        },
      ],
    });
  });

  it('refuses an asOf without an offset: INVALID_INSTANT at options.asOf', () => {
    const f = forecast(done1(), { protocol, asOf: '2026-01-13T09:00:00' });
    expect(f).toEqual({
      ok: false,
      findings: [
        {
          code: 'INVALID_INSTANT',
          severity: 'error',
          path: ['options', 'asOf'],
          message:
            'options.asOf: "2026-01-13T09:00:00" is not a valid instant: it has no offset, so it does not name one instant; add "Z" or an offset such as "+01:00".',
          params: { path: 'options.asOf', value: '2026-01-13T09:00:00', problem: 'offset' },
        },
      ],
    });
  });

  it("refuses 'tomorrow', an impossible date and a non-string asOf", () => {
    expect(mustFail(forecast(done1(), { protocol, asOf: 'tomorrow' })).map((f) => [f.code, f.params?.problem])).toEqual([
      ['INVALID_INSTANT', 'format'],
    ]);
    expect(mustFail(forecast(done1(), { protocol, asOf: '2026-02-30T09:00:00Z' })).map((f) => [f.code, f.params?.problem])).toEqual([
      ['INVALID_INSTANT', 'date'],
    ]);
    const bad = mustFail(forecast(done1(), { protocol, asOf: 12 as unknown as string }));
    expect(bad.map((f) => [f.code, f.path, f.params?.problem])).toEqual([['INVALID_INSTANT', ['options', 'asOf'], 'format']]);
  });

  it('refuses a missing protocol with INVALID_INPUT at options.protocol', () => {
    const f = mustFail(forecast(done1(), { asOf: '2026-01-13T09:00:00Z' } as unknown as { protocol: Protocol; asOf: string }));
    expect(f.map((x) => [x.code, x.path])).toEqual([['INVALID_INPUT', ['options', 'protocol']]]);
  });

  it('refuses junk instead of a plan with findings under plan', () => {
    const f = mustFail(forecast({ hello: 'world' } as unknown as Plan, { protocol, asOf: '2026-01-13T09:00:00Z' }));
    expect(f.length).toBeGreaterThan(0);
    for (const x of f) {
      expect(x.severity).toBe('error');
      expect(x.path?.[0]).toBe('plan');
    }
    expect(forecast(null as unknown as Plan, null as unknown as { protocol: Protocol; asOf: string }).ok).toBe(false);
  });
});
