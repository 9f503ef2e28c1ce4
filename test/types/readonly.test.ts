// The public types are deeply readonly: each forbidden write below is a compile error
// (`// @ts-expect-error` fails `tsc -p tsconfig.test.json` if a write ever compiles again). Plans and
// protocols are frozen too, so at run time their writes throw. Inputs built from plain, mutable
// literals still compile.
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  createPlan,
  evaluatePlan,
  findSlots,
  forecast,
  standardProtocol as protocol,
  type Availability,
  type CreatePlanInput,
  type Finding,
  type Gap,
  type Plan,
  type PlanEventInput,
  type Protocol,
} from 'smp-protocol';
import { mustOk } from '../support/plans.js';

const asOf = '2026-03-24T09:00:00Z';

function booked(): Plan {
  const plan = mustOk(createPlan({ id: 'p-ro', clientId: 'c-ro', protocol, timeZone: 'Europe/London', createdAt: '2026-03-02T09:00:00Z' }));
  return mustOk(
    applyEvent(
      plan,
      { id: 'e1', type: 'sessionBooked', at: '2026-03-02T09:30:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
      { protocol },
    ),
  );
}

/** Every write the types refuse. */
const writes = {
  plan: (plan: Plan) => {
    // @ts-expect-error a plan's fields are readonly
    plan.status = 'completed';
  },
  session: (plan: Plan) => {
    const session = plan.sessions[0];
    if (session === undefined) throw new Error('no session 1');
    // @ts-expect-error a session's state is readonly
    session.state = 'completed';
  },
  sessions: (plan: Plan) => {
    // @ts-expect-error the sessions are a readonly array
    plan.sessions.push({ number: 9, phase: 'extra', state: 'pending' });
  },
  history: (plan: Plan) => {
    const event = plan.history[0];
    if (event === undefined) throw new Error('no event');
    // @ts-expect-error a history event is readonly
    event.at = '2026-01-01T00:00:00Z';
  },
  gap: (p: Protocol) => {
    const gap: Gap | undefined = p.sessions[1]?.gaps[0];
    if (gap === undefined) throw new Error('no gap');
    // @ts-expect-error a protocol's gap is readonly
    gap.minimumDays = 1;
  },
  forecast: (plan: Plan) => {
    const f = mustOk(forecast(plan, { protocol, asOf }));
    const next = f.sessions[1];
    if (next === undefined) throw new Error('no session 2');
    // @ts-expect-error a forecast's dates are readonly
    next.earliest = '2026-01-01';
  },
  evaluation: (plan: Plan) => {
    const e = mustOk(evaluatePlan(plan, { protocol, asOf }));
    // @ts-expect-error an evaluation's sessions are a readonly array
    e.sessions.length = 0;
  },
  slot: (plan: Plan) => {
    const availability: Availability = { timeZone: 'Europe/London', weekly: [{ weekday: 4, open: '09:00', close: '18:00' }] };
    const out = findSlots(plan, { protocol, availability, asOf: '2026-03-30T09:00:00Z', session: 2, limit: 1 });
    const slot = mustOk(out)[0];
    if (slot === undefined) throw new Error('no slot');
    // @ts-expect-error a slot is readonly
    slot.start = '2026-04-02T09:00:00Z';
  },
  findingParams: (plan: Plan) => {
    const out = applyEvent(
      plan,
      { id: 'e2', type: 'sessionBooked', at: asOf, session: 2, start: '2026-03-29T10:00:00+01:00' },
      { protocol },
    );
    const f: Finding | undefined = out.findings[0];
    if (f === undefined || f.code !== 'SPACING_BELOW_MINIMUM' || f.params === undefined) throw new Error('no finding');
    // @ts-expect-error a finding's params are readonly
    f.params.days = 7;
  },
  findings: (plan: Plan) => {
    const out = forecast(plan, { protocol, asOf: 'tomorrow' });
    // @ts-expect-error an outcome's findings are a readonly array
    out.findings.pop();
  },
};

describe('deeply readonly public types', () => {
  const frozen = ['plan', 'session', 'sessions', 'history', 'gap'] as const;
  it.each(frozen)('%s: the write that does not compile throws on the frozen value', (name) => {
    const plan = booked();
    const run = writes[name] as (value: Plan | Protocol) => void;
    expect(() => run(name === 'gap' ? protocol : plan)).toThrow(TypeError);
  });

  it('still accepts inputs built from plain, mutable literals', () => {
    const mine = {
      from: 'previous' as const,
      absoluteMinimumDays: 5,
      minimumDays: 6,
      earliestRecommendedDays: 10,
      latestRecommendedDays: 14,
    };
    const gap: Gap = mine;
    mine.minimumDays = 7; // a mutable object is assignable to the readonly type, and stays mutable
    const input: CreatePlanInput = {
      id: 'p-lit',
      clientId: 'c-lit',
      protocol,
      timeZone: 'Europe/London',
      createdAt: '2026-03-02T09:00:00Z',
    };
    const event: PlanEventInput = {
      id: 'e1',
      type: 'sessionBooked',
      at: '2026-03-02T09:30:00Z',
      session: 1,
      start: '2026-03-23T10:00:00Z',
    };
    const weekly = [{ weekday: 2 as const, open: '09:00', close: '13:00' }];
    const availability: Availability = { timeZone: 'Europe/London', weekly };
    weekly.push({ weekday: 2, open: '14:00', close: '18:00' }); // the caller's own array stays theirs to change
    const plan = mustOk(createPlan(input));
    const out = mustOk(applyEvent(plan, event, { protocol }));
    expect([gap.minimumDays, out.sessions[0]?.state, availability.weekly.length]).toEqual([7, 'booked', 2]);
  });
});
