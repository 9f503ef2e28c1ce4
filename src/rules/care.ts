/**
 * Aftercare and preparation timelines: what the client does between sessions, as dated items
 * a vendor can turn into reminders.
 * @module
 */
import { guardedInput } from '../schema/limits.js';
import type { Outcome } from '../findings/codes.js';
import { fail, finding, ok } from '../findings/finding.js';
import type { Plan } from '../schema/plan.js';
import type { Protocol } from '../protocol/schema.js';
import { readPlanCall, type ProtocolChoice } from '../protocol/call.js';
import { intOption } from '../schema/options.js';
import { formatInstant, parseInstant } from '../time/instant.js';
import { MAX_INSTANT, MIN_INSTANT, instantInRange } from '../time/range.js';
import { addCalendarDays } from '../time/wall-clock.js';
import { sessionInterval } from './session-days.js';

const HOUR = 3_600_000;

/** Real hours as whole milliseconds: a fractional hour (e.g. 1/7) must still give a valid instant. */
const hoursMs = (hours: number): number => Math.round(hours * HOUR);

/**
 * One aftercare or preparation item: a rule with its window as instants in the plan's zone.
 * The id (`planId/session/rule`) is stable, so a reminder can be updated when the session moves.
 *
 * @example
 * ```ts
 * import { aftercare, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').build(); // 10:00–14:00 Europe/London
 * const items = plan.ok ? aftercare(plan.value, { protocol: standardProtocol, session: 1 }) : plan;
 * items.ok && items.value[0]; // { id: 'plan-1/1/keep-dry', rule: 'keep-dry', title: 'Keep the scalp dry', instruction: 'Keep…',
 *                             //   from: '2026-03-23T14:00:00+00:00', until: '2026-03-27T14:00:00+00:00' }
 * ```
 */
export interface CareItem {
  /** `planId/session/rule`: stable across calls and reschedules. */
  readonly id: string;
  /** The protocol's rule id. */
  readonly rule: string;
  /** Short title. */
  readonly title: string;
  /** What the client does. */
  readonly instruction: string;
  /** When the item starts. */
  readonly from: string;
  /** When the item ends. */
  readonly until: string;
}

/**
 * Options of {@link aftercare} and {@link preparation}: the plan's protocol (or `protocols`), whose
 * `aftercare` and `preparation` rules apply, and the session number.
 *
 * @example
 * ```ts
 * import { aftercare, standardProtocol, type CareOptions } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const options: CareOptions = { protocol: standardProtocol, session: 1 };
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').build();
 * const items = plan.ok ? aftercare(plan.value, options) : plan;
 * items.ok && items.value[0]?.rule; // 'keep-dry'
 * ```
 */
export type CareOptions = ProtocolChoice & {
  /** The session number. */
  readonly session: number;
};

interface Target {
  plan: Plan;
  protocol: Protocol;
  session: number;
  start: number;
  end: number;
}

function target(planInput: unknown, options: unknown): Outcome<Target> {
  const read = readPlanCall(planInput, options, (findings) => intOption(options, 'session', 1, 99, undefined, findings));
  if (!read.ok) return read;
  const { plan, protocol, options: session } = read.value;
  const s = plan.sessions[session - 1];
  if (s === undefined) {
    return fail([finding('UNKNOWN_SESSION', 'error', { session, sessions: plan.sessions.length }, { session })]);
  }
  const iv = sessionInterval(s);
  if (iv === undefined) return fail([finding('SESSION_NOT_BOOKED', 'error', { session, state: s.state }, { session })]);
  return ok({ plan, protocol, session, start: parseInstant(iv.start), end: parseInstant(iv.end) });
}

/**
 * The aftercare timeline of a booked or completed session: each of the protocol's rules from the
 * session's end. `days` are calendar days in the plan's zone (the same local time N days later,
 * whatever DST does); `hours` are real hours. Rules `after: 'finalSession'` (no swimming or sauna
 * for 28 days) apply only to the plan's last session, extras included.
 *
 * @param plan - the plan
 * @param options - the protocol and the session number
 * @returns the items, in the protocol's order
 *
 * @example
 * ```ts
 * import { aftercare, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').build(); // completed 10:00–14:00 Europe/London
 * const items = plan.ok ? aftercare(plan.value, { protocol: standardProtocol, session: 1 }) : plan;
 * items.ok && items.value.find((i) => i.rule === 'no-shampoo');
 * // { id: 'plan-1/1/no-shampoo', from: '2026-03-23T14:00:00+00:00', until: '2026-03-30T14:00:00+01:00', … }
 * ```
 */
export function aftercare(plan: Plan, options: CareOptions): Outcome<CareItem[]> {
  return guardedInput([plan, options] as const, ['plan', 'options'], (plan, options) => {
    const t = target(plan, options);
    if (!t.ok) return t;
    const { plan: p, protocol, session, end } = t.value;
    const final = session === p.sessions.length;
    const zone = p.timeZone;
    const from = formatInstant(end, zone);
    const items: CareItem[] = [];
    for (const rule of protocol.aftercare ?? []) {
      if (rule.after === 'finalSession' && !final) continue;
      const until = rule.days !== undefined ? addCalendarDays(end, rule.days, zone) : end + hoursMs(rule.hours ?? 0);
      if (!instantInRange(until)) {
        return fail([
          finding(
            'DATE_OUT_OF_RANGE',
            'error',
            { path: 'session', value: formatInstant(end, zone), min: MIN_INSTANT, max: MAX_INSTANT },
            { session },
          ),
        ]);
      }
      items.push({
        id: `${p.id}/${session}/${rule.rule}`,
        rule: rule.rule,
        title: rule.title,
        instruction: rule.instruction,
        from,
        until: formatInstant(until, zone),
      });
    }
    return ok(items);
  });
}

/**
 * The preparation timeline of a booked or completed session: each of the protocol's rules from
 * `fromHoursBefore` to `untilHoursBefore` (default 0: the start) real hours before the start.
 *
 * @param plan - the plan
 * @param options - the protocol and the session number
 * @returns the items, in the protocol's order
 *
 * @example
 * ```ts
 * import { preparation, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build(); // Europe/London
 * const items = plan.ok ? preparation(plan.value, { protocol: standardProtocol, session: 2 }) : plan;
 * items.ok && items.value.find((i) => i.rule === 'no-alcohol');
 * // { id: 'plan-1/2/no-alcohol', from: '2026-03-31T10:00:00+01:00', until: '2026-04-02T10:00:00+01:00', … }
 * ```
 */
export function preparation(plan: Plan, options: CareOptions): Outcome<CareItem[]> {
  return guardedInput([plan, options] as const, ['plan', 'options'], (plan, options) => {
    const t = target(plan, options);
    if (!t.ok) return t;
    const { plan: p, protocol, session, start } = t.value;
    const zone = p.timeZone;
    const earliest = Math.min(start, ...(protocol.preparation ?? []).map((rule) => start - hoursMs(rule.fromHoursBefore)));
    if (!instantInRange(earliest)) {
      return fail([
        finding(
          'DATE_OUT_OF_RANGE',
          'error',
          { path: 'session', value: formatInstant(start, zone), min: MIN_INSTANT, max: MAX_INSTANT },
          { session },
        ),
      ]);
    }
    return ok(
      (protocol.preparation ?? []).map((rule) => ({
        id: `${p.id}/${session}/${rule.rule}`,
        rule: rule.rule,
        title: rule.title,
        instruction: rule.instruction,
        from: formatInstant(start - hoursMs(rule.fromHoursBefore), zone),
        until: formatInstant(start - hoursMs(rule.untilHoursBefore ?? 0), zone),
      })),
    );
  });
}
