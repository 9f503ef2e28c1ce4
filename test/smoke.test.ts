import { describe, expect, it } from 'vitest';
import { forecast, standardProtocol } from 'smp-protocol';
import { applyAll, newPlan } from './support/plans.js';
import { mustOk } from './support/plans.js';

describe('smoke', () => {
  it('forecasts session 2 from a completed session 1 in Europe/London', () => {
    const plan = applyAll(newPlan(), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T15:00:00Z', session: 1 },
    ]);
    const f = mustOk(forecast(plan, { protocol: standardProtocol, asOf: '2026-03-24T09:00:00Z' }));
    expect(f.next).toMatchObject({
      session: 2,
      earliest: '2026-03-30',
      recommended: '2026-04-02',
      pastDue: '2026-04-07',
      latest: '2026-04-22',
      due: 'notYet',
    });
  });
});
