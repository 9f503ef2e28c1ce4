/**
 * Aftercare and preparation timelines: exact instants for every default rule, calendar days
 * across DST changes (the same local time N days later), real hours, the final session, stable
 * ids, and a property test over random sessions, zones and protocols.
 *
 * numRuns (fc.assert): items never end before they start, 300.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aftercare,
  applyEvent,
  createPlan,
  defineProtocol,
  preparation,
  protocols,
  standardProtocol,
  type CareItem,
  type Plan,
  type Protocol,
} from 'smp-protocol';
import { applyAll, codes, mustFail, mustOk } from '../support/plans.js';
import { writtenInZone } from '../support/invariants.js';
import { writableCopy } from '../support/writable.js';

const protocol = standardProtocol;

function planIn(timeZone: string, createdAt: string, p: Protocol = protocol, id = 'plan-1'): Plan {
  return mustOk(createPlan({ id, clientId: 'client-1', protocol: p, timeZone, createdAt }));
}

/** A plan in `zone` with session 1 booked at `start` (booked a month or so before). */
function booked1(timeZone: string, start: string, p: Protocol = protocol): Plan {
  const at = new Date(Date.parse(start) - 20 * 86_400_000).toISOString();
  return applyAll(planIn(timeZone, at, p), [{ id: 'b1', type: 'sessionBooked', at, session: 1, start }], p);
}

/** rule → [from, until] */
function windows(items: readonly CareItem[]): Record<string, [string, string]> {
  return Object.fromEntries(items.map((i) => [i.rule, [i.from, i.until]]));
}

// Session 1 in Europe/London: 10:00–14:00 GMT on Monday 23 March 2026; the clocks go forward
// on Sunday 29 March, so every rule of 7 days or more ends in BST.
const LONDON_1 = '2026-03-23T10:00:00Z';
const london = (): Plan => booked1('Europe/London', LONDON_1);

describe('aftercare of the standard protocol (Europe/London)', () => {
  it('gives every default rule of a session that is not the last one, from the end instant', () => {
    const items = mustOk(aftercare(london(), { protocol, session: 1 }));
    const from = '2026-03-23T14:00:00+00:00';
    expect(windows(items)).toEqual({
      'keep-dry': [from, '2026-03-27T14:00:00+00:00'],
      'no-products': [from, '2026-03-27T14:00:00+00:00'],
      'no-shaving': [from, '2026-03-27T14:00:00+00:00'],
      'no-razor': [from, '2026-03-30T14:00:00+01:00'],
      'no-shampoo': [from, '2026-03-30T14:00:00+01:00'],
      'no-sweating': [from, '2026-03-30T14:00:00+01:00'],
      'pause-minoxidil': [from, '2026-03-30T14:00:00+01:00'],
      'no-hair-dye': [from, '2026-04-06T14:00:00+01:00'],
      'avoid-sun': [from, '2026-04-20T14:00:00+01:00'],
    });
    // In the protocol's order, with its titles and instructions.
    expect(items.map((i) => i.rule)).toEqual((protocol.aftercare ?? []).filter((r) => r.after === 'eachSession').map((r) => r.rule));
    expect(items[4]).toEqual({
      id: 'plan-1/1/no-shampoo',
      rule: 'no-shampoo',
      title: 'No shampoo',
      instruction: 'Do not shampoo the scalp; once it may be wet again, rinse with lukewarm water only.',
      from,
      until: '2026-03-30T14:00:00+01:00',
    });
  });

  it('counts 7 days across the DST change as the same local time: 167 real hours here', () => {
    const item = mustOk(aftercare(london(), { protocol, session: 1 })).find((i) => i.rule === 'no-shampoo');
    expect(item?.until).toBe('2026-03-30T14:00:00+01:00');
    expect((Date.parse(item?.until ?? '') - Date.parse(item?.from ?? '')) / 3_600_000).toBe(167);
  });

  it('gives every default preparation rule, counted back in real hours from the start', () => {
    const items = mustOk(preparation(london(), { protocol, session: 1 }));
    const start = '2026-03-23T10:00:00+00:00';
    expect(windows(items)).toEqual({
      'no-hair-dye': ['2026-03-09T10:00:00+00:00', start],
      'no-blood-thinners': ['2026-03-16T10:00:00+00:00', start],
      'no-tanning': ['2026-03-16T10:00:00+00:00', start],
      'pause-minoxidil': ['2026-03-16T10:00:00+00:00', start],
      'no-alcohol': ['2026-03-21T10:00:00+00:00', start],
      'trim-with-clippers': ['2026-03-21T10:00:00+00:00', '2026-03-22T10:00:00+00:00'],
      'no-caffeine': ['2026-03-22T10:00:00+00:00', start],
    });
    expect(items.map((i) => i.id)).toEqual((protocol.preparation ?? []).map((r) => `plan-1/1/${r.rule}`));
    expect(items.find((i) => i.rule === 'no-blood-thinners')?.instruction).toContain('Never stop a prescribed medicine');
  });

  it('preparation across the DST change stays in real hours (the local time moves by an hour)', () => {
    // Session 2 at 10:00 BST on Thursday 2 April: 7 × 24 h before is 09:00 GMT on 26 March.
    const plan = applyAll(london(), [
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1 },
      { id: 'b2', type: 'sessionBooked', at: '2026-03-23T15:00:00Z', session: 2, start: '2026-04-02T10:00:00+01:00' },
    ]);
    const start = '2026-04-02T10:00:00+01:00';
    expect(windows(mustOk(preparation(plan, { protocol, session: 2 })))).toEqual({
      'no-hair-dye': ['2026-03-19T09:00:00+00:00', start],
      'no-blood-thinners': ['2026-03-26T09:00:00+00:00', start],
      'no-tanning': ['2026-03-26T09:00:00+00:00', start],
      'pause-minoxidil': ['2026-03-26T09:00:00+00:00', start],
      'no-alcohol': ['2026-03-31T10:00:00+01:00', start],
      'trim-with-clippers': ['2026-03-31T10:00:00+01:00', '2026-04-01T10:00:00+01:00'],
      'no-caffeine': ['2026-04-01T10:00:00+01:00', start],
    });
  });

  it('counts from the end of a completed session as recorded, not from the booking', () => {
    const plan = applyAll(london(), [
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T13:40:00Z', session: 1, end: '2026-03-23T13:30:00Z' },
    ]);
    const items = mustOk(aftercare(plan, { protocol, session: 1 }));
    expect(windows(items)['keep-dry']).toEqual(['2026-03-23T13:30:00+00:00', '2026-03-27T13:30:00+00:00']);
    expect(windows(items)['no-shampoo']).toEqual(['2026-03-23T13:30:00+00:00', '2026-03-30T13:30:00+01:00']);
    // Preparation of a completed session is counted from its recorded start.
    const late = applyAll(london(), [
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T15:00:00Z', session: 1, start: '2026-03-23T10:30:00Z' },
    ]);
    expect(windows(mustOk(preparation(late, { protocol, session: 1 })))['no-caffeine']).toEqual([
      '2026-03-22T10:30:00+00:00',
      '2026-03-23T10:30:00+00:00',
    ]);
  });

  it('writes instants in the plan zone with its offset, whatever offset the booking used', () => {
    const plan = booked1('Europe/London', '2026-03-23T19:00:00+09:00'); // 10:00 GMT
    const items = mustOk(aftercare(plan, { protocol, session: 1 }));
    expect(items[0]?.from).toBe('2026-03-23T14:00:00+00:00');
  });
});

describe('aftercare in other zones', () => {
  it('America/New_York, clocks forward on 8 March: 7 days later is 17:00 EDT', () => {
    const items = windows(mustOk(aftercare(booked1('America/New_York', '2026-03-05T13:00:00-05:00'), { protocol, session: 1 })));
    expect(items['keep-dry']).toEqual(['2026-03-05T17:00:00-05:00', '2026-03-09T17:00:00-04:00']);
    expect(items['no-shampoo']).toEqual(['2026-03-05T17:00:00-05:00', '2026-03-12T17:00:00-04:00']);
    expect(items['avoid-sun']).toEqual(['2026-03-05T17:00:00-05:00', '2026-04-02T17:00:00-04:00']);
  });

  it('America/New_York, clocks back on 1 November: 7 days later is 17:00 EST (169 real hours)', () => {
    const items = windows(mustOk(aftercare(booked1('America/New_York', '2026-10-29T13:00:00-04:00'), { protocol, session: 1 })));
    expect(items['no-shampoo']).toEqual(['2026-10-29T17:00:00-04:00', '2026-11-05T17:00:00-05:00']);
    const [from, until] = items['no-shampoo'] ?? ['', ''];
    expect((Date.parse(until) - Date.parse(from)) / 3_600_000).toBe(169);
  });

  it('Australia/Lord_Howe, a 30-minute change on 5 April: 7 days later is 15:00 at +10:30', () => {
    const items = windows(mustOk(aftercare(booked1('Australia/Lord_Howe', '2026-04-01T11:00:00+11:00'), { protocol, session: 1 })));
    expect(items['keep-dry']).toEqual(['2026-04-01T15:00:00+11:00', '2026-04-05T15:00:00+10:30']);
    expect(items['no-shampoo']).toEqual(['2026-04-01T15:00:00+11:00', '2026-04-08T15:00:00+10:30']);
    const [from, until] = items['no-shampoo'] ?? ['', ''];
    expect((Date.parse(until) - Date.parse(from)) / 3_600_000).toBe(168.5);
  });

  it('Australia/Lord_Howe, forward 30 minutes on 4 October', () => {
    const items = windows(mustOk(aftercare(booked1('Australia/Lord_Howe', '2026-10-01T11:00:00+10:30'), { protocol, session: 1 })));
    expect(items['no-shampoo']).toEqual(['2026-10-01T15:00:00+10:30', '2026-10-08T15:00:00+11:00']);
  });

  it('a local end time the clocks skip on the target day moves forward past the gap', () => {
    // Ends 02:30 EST on 1 March; 02:30 on 8 March does not exist in New York, so 03:30 EDT.
    const items = windows(mustOk(aftercare(booked1('America/New_York', '2026-02-28T22:30:00-05:00'), { protocol, session: 1 })));
    expect(items['keep-dry']).toEqual(['2026-03-01T02:30:00-05:00', '2026-03-05T02:30:00-05:00']);
    expect(items['no-shampoo']).toEqual(['2026-03-01T02:30:00-05:00', '2026-03-08T03:30:00-04:00']);
  });

  it('a local end time that happens twice on the target day is the earlier instant', () => {
    // Ends 01:30 EDT on 25 October; 01:30 on 1 November happens twice: the EDT one.
    const items = windows(mustOk(aftercare(booked1('America/New_York', '2026-10-24T21:30:00-04:00'), { protocol, session: 1 })));
    expect(items['no-shampoo']).toEqual(['2026-10-25T01:30:00-04:00', '2026-11-01T01:30:00-04:00']);
  });
});

describe('rules in hours count real hours', () => {
  const hourly = mustOk(
    defineProtocol({
      ...JSON.parse(JSON.stringify(protocol)),
      id: 'hourly',
      aftercare: [
        { rule: 'keep-dry', title: 'Keep dry', instruction: 'Keep the scalp dry for 36 hours.', hours: 36, after: 'eachSession' },
        { rule: 'no-shampoo', title: 'No shampoo', instruction: 'No shampoo for 7 days.', days: 7, after: 'eachSession' },
        { rule: 'no-gym', title: 'No gym', instruction: 'No gym for a week of hours.', hours: 168, after: 'eachSession' },
        { rule: 'instant', title: 'Nothing', instruction: 'A rule of zero hours.', hours: 0, after: 'eachSession' },
        { rule: 'half-day', title: 'Half a day', instruction: 'Rest for 12.5 hours.', hours: 12.5, after: 'eachSession' },
      ],
      preparation: [
        { rule: 'no-alcohol', title: 'No alcohol', instruction: 'None for 72 hours.', fromHoursBefore: 72, untilHoursBefore: 1.5 },
      ],
    }),
  );

  it('36 hours from 14:00 GMT on Saturday 28 March is 03:00 BST on Monday (not 02:00)', () => {
    const plan = booked1('Europe/London', '2026-03-28T10:00:00Z', hourly);
    expect(windows(mustOk(aftercare(plan, { protocol: hourly, session: 1 })))).toEqual({
      'keep-dry': ['2026-03-28T14:00:00+00:00', '2026-03-30T03:00:00+01:00'],
      'no-shampoo': ['2026-03-28T14:00:00+00:00', '2026-04-04T14:00:00+01:00'],
      // 168 real hours are not 7 calendar days across the change: 15:00 BST.
      'no-gym': ['2026-03-28T14:00:00+00:00', '2026-04-04T15:00:00+01:00'],
      instant: ['2026-03-28T14:00:00+00:00', '2026-03-28T14:00:00+00:00'],
      'half-day': ['2026-03-28T14:00:00+00:00', '2026-03-29T03:30:00+01:00'],
    });
  });

  it('preparation from and until, in hours before the start', () => {
    const plan = booked1('Europe/London', '2026-03-30T10:00:00+01:00', hourly);
    expect(mustOk(preparation(plan, { protocol: hourly, session: 1 }))).toEqual([
      {
        id: 'plan-1/1/no-alcohol',
        rule: 'no-alcohol',
        title: 'No alcohol',
        instruction: 'None for 72 hours.',
        from: '2026-03-27T09:00:00+00:00',
        until: '2026-03-30T08:30:00+01:00',
      },
    ]);
  });

  it('fractional hours give valid instants, rounded to the millisecond', () => {
    const odd = mustOk(
      defineProtocol({
        ...JSON.parse(JSON.stringify(protocol)),
        id: 'odd-hours',
        aftercare: [{ rule: 'odd', title: 'Odd', instruction: 'An odd number of hours.', hours: 1.23456789, after: 'eachSession' }],
        preparation: [{ rule: 'seventh', title: 'Seventh', instruction: 'A seventh of an hour.', fromHoursBefore: 1 / 7 }],
      }),
    );
    const plan = booked1('Europe/London', '2026-03-10T10:00:00Z', odd);
    // 1.23456789 h = 4,444,444.404 ms; 1/7 h = 514,285.714 ms.
    expect(mustOk(aftercare(plan, { protocol: odd, session: 1 }))[0]?.until).toBe('2026-03-10T15:14:04.444+00:00');
    expect(mustOk(preparation(plan, { protocol: odd, session: 1 }))[0]?.from).toBe('2026-03-10T09:51:25.714+00:00');
  });

  it('a protocol without care rules gives empty timelines', () => {
    const bare = writableCopy(protocol);
    delete bare.aftercare;
    delete bare.preparation;
    const none = mustOk(defineProtocol({ ...bare, id: 'no-care' }));
    const plan = booked1('Europe/London', LONDON_1, none);
    expect(aftercare(plan, { protocol: none, session: 1 })).toEqual({ ok: true, value: [], findings: [] });
    expect(preparation(plan, { protocol: none, session: 1 })).toEqual({ ok: true, value: [], findings: [] });
  });
});

describe('the final session', () => {
  // A complete standard course in London: 23 March, 2 April, 16 April 2026.
  const course = (): Plan =>
    applyAll(london(), [
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1 },
      { id: 'b2', type: 'sessionBooked', at: '2026-03-23T15:00:00Z', session: 2, start: '2026-04-02T10:00:00+01:00' },
      { id: 'c2', type: 'sessionCompleted', at: '2026-04-02T13:00:00+01:00', session: 2 },
      { id: 'b3', type: 'sessionBooked', at: '2026-04-02T14:00:00+01:00', session: 3, start: '2026-04-16T10:00:00+01:00' },
    ]);
  const finalRule = (items: readonly CareItem[]): CareItem | undefined => items.find((i) => i.rule === 'no-swimming-sauna');

  it('adds no swimming, sauna or tanning for 28 days after the last session only', () => {
    const plan = course();
    expect(finalRule(mustOk(aftercare(plan, { protocol, session: 1 })))).toBeUndefined();
    expect(finalRule(mustOk(aftercare(plan, { protocol, session: 2 })))).toBeUndefined();
    expect(finalRule(mustOk(aftercare(plan, { protocol, session: 3 })))).toEqual({
      id: 'plan-1/3/no-swimming-sauna',
      rule: 'no-swimming-sauna',
      title: 'No swimming, sauna or tanning',
      instruction: 'No swimming pools, sea, sauna, steam room, hot tub or tanning bed.',
      from: '2026-04-16T13:00:00+01:00',
      until: '2026-05-14T13:00:00+01:00',
    });
    expect(
      mustOk(aftercare(plan, { protocol, session: 3 }))
        .map((i) => i.rule)
        .at(-1),
    ).toBe('no-swimming-sauna');
  });

  it('moves to the extra session when one is added (extras included)', () => {
    const withExtra = applyAll(course(), [
      { id: 'c3', type: 'sessionCompleted', at: '2026-04-16T13:00:00+01:00', session: 3 },
      { id: 'a4', type: 'sessionAdded', at: '2026-04-20T09:00:00+01:00', reason: 'crown healed light' },
    ]);
    expect(finalRule(mustOk(aftercare(withExtra, { protocol, session: 3 })))).toBeUndefined();
    expect(codes(mustFail(aftercare(withExtra, { protocol, session: 4 })))).toEqual(['SESSION_NOT_BOOKED']);
    const booked4 = applyAll(withExtra, [
      { id: 'b4', type: 'sessionBooked', at: '2026-04-20T09:05:00+01:00', session: 4, start: '2026-04-30T10:00:00+01:00' },
    ]);
    expect(finalRule(mustOk(aftercare(booked4, { protocol, session: 4 })))).toMatchObject({
      id: 'plan-1/4/no-swimming-sauna',
      from: '2026-04-30T12:00:00+01:00',
      until: '2026-05-28T12:00:00+01:00',
    });
  });

  it('the final rule of the touch-up protocol applies to its one session', () => {
    const p = protocols['touch-up'];
    const plan = booked1('Europe/London', '2029-04-20T10:00:00+01:00', p);
    expect(finalRule(mustOk(aftercare(plan, { protocol: p, session: 1 })))?.until).toBe('2029-05-18T12:00:00+01:00');
  });
});

describe('protocol variants', () => {
  it('diffuse thinning has no shaving rules (the hair is parted, not shaved); the others have them', () => {
    const p = protocols['diffuse-thinning'];
    const rules = mustOk(aftercare(booked1('Europe/London', LONDON_1, p), { protocol: p, session: 1 })).map((i) => i.rule);
    expect(rules).toEqual(['keep-dry', 'no-products', 'no-shampoo', 'no-sweating', 'pause-minoxidil', 'no-hair-dye', 'avoid-sun']);
    for (const id of ['standard', 'scar-camouflage', 'alopecia-areata', 'touch-up'] as const) {
      const q = protocols[id];
      const r = mustOk(aftercare(booked1('Europe/London', LONDON_1, q), { protocol: q, session: 1 })).map((i) => i.rule);
      expect(r).toEqual(expect.arrayContaining(['no-shaving', 'no-razor']));
    }
  });
});

describe('which sessions have items', () => {
  it('a pending session: SESSION_NOT_BOOKED', () => {
    const f = mustFail(aftercare(london(), { protocol, session: 2 }));
    expect(f).toEqual([
      {
        code: 'SESSION_NOT_BOOKED',
        severity: 'error',
        session: 2,
        message: 'Session 2 is not booked (it is pending).',
        params: { session: 2, state: 'pending' },
      },
    ]);
    expect(codes(mustFail(preparation(planIn('Europe/London', '2026-03-01T09:00:00Z'), { protocol, session: 1 })))).toEqual([
      'SESSION_NOT_BOOKED',
    ]);
  });

  it('a cancelled or missed session is pending again: SESSION_NOT_BOOKED', () => {
    const cancelled = applyAll(london(), [{ id: 'x1', type: 'sessionCancelled', at: '2026-03-10T09:00:00Z', session: 1 }]);
    expect(codes(mustFail(aftercare(cancelled, { protocol, session: 1 })))).toEqual(['SESSION_NOT_BOOKED']);
    const missed = applyAll(london(), [{ id: 'm1', type: 'sessionMissed', at: '2026-03-23T11:00:00Z', session: 1 }]);
    expect(codes(mustFail(preparation(missed, { protocol, session: 1 })))).toEqual(['SESSION_NOT_BOOKED']);
  });

  it('an unknown session: UNKNOWN_SESSION', () => {
    expect(mustFail(aftercare(london(), { protocol, session: 4 }))).toEqual([
      {
        code: 'UNKNOWN_SESSION',
        severity: 'error',
        session: 4,
        message: 'Session 4 is not in this plan, which has sessions 1 to 3.',
        params: { session: 4, sessions: 3 },
      },
    ]);
    expect(codes(mustFail(preparation(london(), { protocol, session: 99 })))).toEqual(['UNKNOWN_SESSION']);
  });

  it('a session number that is not one, another protocol, or a broken plan: findings, never a throw', () => {
    for (const session of [0, -1, 1.5, Number.NaN, '1']) {
      expect(mustFail(aftercare(london(), { protocol, session: session as number }))).toMatchObject([
        { code: 'INVALID_INPUT', path: ['options', 'session'] },
      ]);
    }
    expect(codes(mustFail(aftercare(london(), { protocol: protocols['scar-camouflage'], session: 1 })))).toEqual(['PROTOCOL_MISMATCH']);
    expect(mustFail(preparation({} as Plan, { protocol, session: 1 })).length).toBeGreaterThan(0);
    expect(() => aftercare(null as never, null as never)).not.toThrow();
    expect(aftercare(london(), undefined as never).ok).toBe(false);
  });

  it('accepts a plan read back from JSON', () => {
    const raw = JSON.parse(JSON.stringify(london())) as Plan;
    expect(mustOk(aftercare(raw, { protocol, session: 1 }))).toEqual(mustOk(aftercare(london(), { protocol, session: 1 })));
  });
});

describe('ids are stable', () => {
  it('planId/session/rule, the same on every call and unique within a timeline', () => {
    const a = mustOk(aftercare(london(), { protocol, session: 1 }));
    const b = mustOk(aftercare(london(), { protocol, session: 1 }));
    expect(a).toEqual(b);
    expect(a.map((i) => i.id)).toEqual(a.map((i) => `plan-1/1/${i.rule}`));
    expect(new Set(a.map((i) => i.id)).size).toBe(a.length);
    const other = mustOk(aftercare(booked1Other(), { protocol, session: 1 }));
    expect(other[0]?.id).toBe('plan-77/1/keep-dry');
  });

  it('items keep their ids and move with the session when it is rescheduled', () => {
    const before = mustOk(aftercare(london(), { protocol, session: 1 }));
    const moved = applyAll(london(), [
      { id: 'r1', type: 'sessionRescheduled', at: '2026-03-10T09:00:00Z', session: 1, start: '2026-03-30T10:00:00+01:00' },
    ]);
    const after = mustOk(aftercare(moved, { protocol, session: 1 }));
    expect(after.map((i) => i.id)).toEqual(before.map((i) => i.id));
    expect(windows(after)['no-shampoo']).toEqual(['2026-03-30T14:00:00+01:00', '2026-04-06T14:00:00+01:00']);
    const prepBefore = mustOk(preparation(london(), { protocol, session: 1 }));
    const prepAfter = mustOk(preparation(moved, { protocol, session: 1 }));
    expect(prepAfter.map((i) => i.id)).toEqual(prepBefore.map((i) => i.id));
    expect(windows(prepAfter)['no-alcohol']).toEqual(['2026-03-28T09:00:00+00:00', '2026-03-30T10:00:00+01:00']);
  });

  it('an aftercare rule and a preparation rule may share a rule id (e.g. no-hair-dye): the timeline says which', () => {
    const a = mustOk(aftercare(london(), { protocol, session: 1 })).find((i) => i.rule === 'no-hair-dye');
    const p = mustOk(preparation(london(), { protocol, session: 1 })).find((i) => i.rule === 'no-hair-dye');
    expect(a?.id).toBe('plan-1/1/no-hair-dye');
    expect(p?.id).toBe('plan-1/1/no-hair-dye');
    expect(a?.from).not.toBe(p?.from);
  });
});

function booked1Other(): Plan {
  return applyAll(planIn('Europe/London', '2026-03-01T09:00:00Z', protocol, 'plan-77'), [
    { id: 'b1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: LONDON_1 },
  ]);
}

// -------------------------------------------------------------------------------------------
// Property: items never end before they start.

const ZONES = [
  'Europe/London',
  'America/New_York',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kathmandu',
  'Pacific/Apia',
  'America/Sao_Paulo',
  'UTC',
];
/** Around DST changes of several zones, and Apia's skipped day (30 December 2011). */
const BASES = [
  '2026-03-20T09:00:00Z',
  '2026-09-25T09:00:00Z',
  '2026-10-28T21:00:00Z',
  '2026-03-30T21:00:00Z',
  '2011-12-25T00:00:00Z',
  '2018-10-28T12:00:00Z',
];

const ruleId = fc.integer({ min: 0, max: 9 }).map((n) => `rule-${n}`);
const aftercareRule = fc.record({
  rule: ruleId,
  days: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
  hours: fc.option(fc.double({ min: 0, max: 2000, noNaN: true }), { nil: undefined }),
  final: fc.boolean(),
});
const preparationRule = fc
  .record({
    rule: ruleId,
    a: fc.double({ min: 0, max: 24 * 60, noNaN: true }),
    b: fc.option(fc.double({ min: 0, max: 24 * 60, noNaN: true }), { nil: undefined }),
  })
  .map(({ rule, a, b }) =>
    b === undefined ? { rule, fromHoursBefore: a } : { rule, fromHoursBefore: Math.max(a, b), untilHoursBefore: Math.min(a, b) },
  );

const protocolArb = fc.oneof(
  fc.constantFrom<Protocol>(...Object.values(protocols)),
  fc
    .record({
      aftercare: fc.uniqueArray(aftercareRule, { selector: (r) => r.rule, maxLength: 6 }),
      preparation: fc.uniqueArray(preparationRule, { selector: (r) => r.rule, maxLength: 6 }),
    })
    .map(({ aftercare: after, preparation: prep }) => {
      const base = writableCopy(standardProtocol);
      return mustOk(
        defineProtocol({
          ...base,
          id: 'random-care',
          aftercare: after.map((r) => ({
            rule: r.rule,
            title: r.rule,
            instruction: `Follow ${r.rule}.`,
            // Exactly one of days or hours.
            ...(r.days !== undefined || r.hours === undefined ? { days: r.days ?? 0 } : { hours: r.hours }),
            after: r.final ? 'finalSession' : 'eachSession',
          })),
          preparation: prep.map((r) => ({ ...r, title: r.rule, instruction: `Follow ${r.rule}.` })),
        }),
      );
    }),
);

describe('property: care items never end before they start', () => {
  it('for random sessions (booked or completed), zones and protocols', () => {
    fc.assert(
      fc.property(
        protocolArb,
        fc.constantFrom(...ZONES),
        fc.constantFrom(...BASES),
        fc.integer({ min: 0, max: 60 * 24 * 40 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 600 }),
        (p, zone, base, minutes, complete, length) => {
          const start = new Date(Date.parse(base) + minutes * 60_000).toISOString();
          let plan = booked1(zone, start, p);
          if (complete) {
            const end = new Date(Date.parse(start) + length * 60_000).toISOString();
            const out = applyEvent(plan, { id: 'c1', type: 'sessionCompleted', at: end, session: 1, end }, { protocol: p });
            plan = mustOk(out);
          }
          const session = plan.sessions[0];
          const iv = session?.state === 'completed' ? session.completed : session?.booking;
          if (iv === undefined) throw new Error('unreachable: session 1 is booked or completed');
          const after = mustOk(aftercare(plan, { protocol: p, session: 1 }));
          const prep = mustOk(preparation(plan, { protocol: p, session: 1 }));
          for (const item of [...after, ...prep]) {
            expect(Date.parse(item.until)).toBeGreaterThanOrEqual(Date.parse(item.from));
            // Written in the plan's zone with its offset, no zero milliseconds.
            expect(item.from).toBe(writtenInZone(Date.parse(item.from), zone));
            expect(item.until).toBe(writtenInZone(Date.parse(item.until), zone));
            expect(item.id).toBe(`plan-1/1/${item.rule}`);
          }
          for (const item of after) expect(Date.parse(item.from)).toBe(Date.parse(iv.end));
          for (const item of prep) expect(Date.parse(item.until)).toBeLessThanOrEqual(Date.parse(iv.start));
          // Session 1 is the last only in a one-session protocol.
          const finals = (p.aftercare ?? []).filter((r) => r.after === 'finalSession').length;
          const expected = (p.aftercare ?? []).length - (plan.sessions.length === 1 ? 0 : finals);
          expect(after).toHaveLength(expected);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
