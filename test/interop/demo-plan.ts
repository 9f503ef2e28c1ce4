/**
 * The demo course (`smp-protocol demo`, src/cli/demo.ts) built through the public API, and variations of it the
 * export tests need: a reschedule, a cancellation and a new booking, a no-show, a closed plan.
 */
import { applyEvent, createPlan, forecast, standardProtocol as protocol, toInstant, type Plan } from 'smp-protocol';
import { mustOk } from '../support/plans.js';

export const zone = 'Europe/London';

/** A local wall-clock time in Europe/London as an instant. */
export function at(local: string, timeZone = zone): string {
  return mustOk(toInstant(local, timeZone));
}

/** A fresh plan in `timeZone`. */
export function fresh(id = 'plan-0042', timeZone = zone): Plan {
  return mustOk(createPlan({ id, clientId: 'client-0042', protocol, timeZone, createdAt: at('2026-03-02T09:00', timeZone) }));
}

/** Applies events (ids generated) in order; every one must be accepted. */
export function play(plan: Plan, events: Record<string, unknown>[], prefix = 'evt'): Plan {
  let p = plan;
  for (const e of events) p = mustOk(applyEvent(p, { id: `${prefix}-${p.version + 1}`, ...e }, { protocol }));
  return p;
}

/** The demo: session 1 on 23 Mar 2026, session 2 on 2 Apr (after the clocks change), session 3 booked. */
export function demoPlan(): Plan {
  let plan = play(fresh(), [
    { type: 'sessionBooked', at: at('2026-03-02T09:30'), session: 1, start: at('2026-03-23T10:00') },
    {
      type: 'sessionCompleted',
      at: at('2026-03-23T14:10'),
      session: 1,
      record: { zones: ['hairline', 'temples'], checklist: { hairlineAgreed: true } },
    },
    { type: 'sessionBooked', at: at('2026-03-23T14:25'), session: 2, start: at('2026-04-02T10:00') },
    { type: 'sessionCompleted', at: at('2026-04-02T13:05'), session: 2 },
  ]);
  const next = mustOk(forecast(plan, { protocol, asOf: at('2026-04-02T13:10') })).next;
  plan = play(plan, [{ type: 'sessionBooked', at: at('2026-04-02T13:10'), session: 3, start: at(`${next?.recommended ?? ''}T10:00`) }]);
  return plan;
}

export { protocol };
