// The README's example, run as written, so that what it promises stays true.
import { describe, expect, it } from 'vitest';
import { applyEvent, createPlan, forecast, standardProtocol as protocol, type Plan } from 'smp-protocol';
import { mustOk } from './support/plans.js';

describe('README example', () => {
  it('books and completes session 1, forecasts session 2 and refuses it 6 days later with the documented message', () => {
    const created = createPlan({
      id: 'plan-0042',
      clientId: 'client-0042',
      protocol,
      timeZone: 'Europe/London',
      createdAt: '2026-03-02T09:00:00Z',
    });
    if (!created.ok) throw new Error(created.findings[0]?.message);
    let plan: Plan = created.value;
    for (const event of [
      { id: 'evt-1', type: 'sessionBooked', at: '2026-03-02T09:30:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
      { id: 'evt-2', type: 'sessionCompleted', at: '2026-03-23T14:10:00Z', session: 1 },
    ]) {
      const out = applyEvent(plan, event, { protocol, expectedVersion: plan.version });
      expect(out.ok).toBe(true);
      if (out.ok) plan = out.value;
    }
    expect(mustOk(forecast(plan, { protocol, asOf: '2026-03-24T09:00:00Z' })).next).toEqual({
      session: 2,
      state: 'pending',
      earliest: '2026-03-30',
      recommended: '2026-04-02',
      pastDue: '2026-04-07',
      latest: '2026-04-22',
      projected: false,
      due: 'notYet',
    });
    const tooSoon = applyEvent(
      plan,
      { id: 'evt-3', type: 'sessionBooked', at: '2026-03-24T09:00:00Z', session: 2, start: '2026-03-29T10:00:00+01:00' },
      { protocol },
    );
    expect(tooSoon.ok).toBe(false);
    expect(tooSoon.findings[0]?.message).toBe(
      'Session 2 on 2026-03-29 would be 6 days after session 1 (2026-03-23); the protocol needs at least 7 days for the skin to heal.',
    );
  });
});
