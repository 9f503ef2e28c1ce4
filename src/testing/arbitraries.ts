/**
 * fast-check arbitraries for protocols, plans and event sequences. fast-check is an optional peer
 * dependency: pass your own `fc` in, so importing this module never requires it.
 * @module
 */
import type * as FastCheck from 'fast-check';
import { applyEvent, createPlan, defineProtocol, protocols, type Plan, type PlanEvent, type Protocol } from 'smp-protocol';

/**
 * What the arbitraries use of fast-check: the default export (`import fc from 'fast-check'`) and
 * the namespace (`import * as fc from 'fast-check'`) both fit.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { smpArbitraries, type FastCheckLike } from 'smp-protocol/testing';
 * const mine: FastCheckLike = fc;
 * fc.sample(smpArbitraries(mine).timeZone(), { numRuns: 2, seed: 1 }); // ['UTC', 'America/Sao_Paulo']
 * ```
 */
export type FastCheckLike = Pick<typeof FastCheck, 'array' | 'constant' | 'constantFrom' | 'integer' | 'oneof' | 'option' | 'record'>;

/**
 * The arbitraries {@link smpArbitraries} builds.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { smpArbitraries } from 'smp-protocol/testing';
 * const arb = smpArbitraries(fc);
 * fc.sample(arb.timeZone(), 3); // e.g. ['Europe/London', 'Pacific/Chatham', 'UTC']
 * ```
 */
export interface SmpArbitraries {
  /** IANA zones, DST and odd offsets first-class. */
  timeZone(): FastCheck.Arbitrary<string>;
  /** The built-in protocols and valid variations of them (other day counts, extras, policy). */
  protocol(): FastCheck.Arbitrary<Protocol>;
  /** Event sequences for a plan of `protocol` (valid and invalid commands, facts, repeats). */
  eventSequence(options?: { maxLength?: number; base?: string }): FastCheck.Arbitrary<PlanEvent[]>;
  /** Plans built by applying a random event sequence; refused events are skipped. */
  plan(options?: { protocol?: Protocol; maxEvents?: number }): FastCheck.Arbitrary<{ plan: Plan; protocol: Protocol }>;
}

const ZONES = [
  'Europe/London',
  'America/New_York',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kathmandu',
  'Pacific/Apia',
  'UTC',
];
const DAY = 86_400_000;

function iso(ms: number): string {
  const text = new Date(ms).toISOString();
  return text.endsWith('.000Z') ? `${text.slice(0, -5)}Z` : text;
}

/**
 * Builds the arbitraries with the caller's fast-check.
 *
 * @param fc - the fast-check module
 * @returns the arbitraries
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { forecast } from 'smp-protocol';
 * import { smpArbitraries } from 'smp-protocol/testing';
 * const arb = smpArbitraries(fc);
 * fc.assert(fc.property(arb.plan(), ({ plan, protocol }) => {
 *   forecast(plan, { protocol, asOf: '2026-06-01T00:00:00Z' }); // never throws
 * }));
 * ```
 */
export function smpArbitraries(fc: FastCheckLike): SmpArbitraries {
  const builtIn = Object.values(protocols) as Protocol[];
  const timeZone = (): FastCheck.Arbitrary<string> => fc.constantFrom(...ZONES);
  const protocol = (): FastCheck.Arbitrary<Protocol> =>
    fc.oneof(
      fc.constantFrom(...builtIn),
      fc
        .record({
          base: fc.constantFrom(...builtIn),
          absMin: fc.integer({ min: 0, max: 10 }),
          extra: fc.integer({ min: 0, max: 3 }),
          spread: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 4, maxLength: 4 }),
          maxNoShows: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
        })
        .map(({ base, absMin, extra, spread, maxNoShows }) => {
          const [a = 0, b = 0, c = 0, d = 0] = spread;
          const gap = { absoluteMinimumDays: absMin, minimumDays: absMin + a, earliestRecommendedDays: absMin + a + b, latestRecommendedDays: absMin + a + b + c, maximumDays: absMin + a + b + c + d };
          const out = defineProtocol({
            ...base,
            id: `${base.id}-variant`,
            sessions: base.sessions.map((s) => ({ ...s, gaps: s.gaps.map((g) => ({ ...g, ...gap })) })),
            extraSessions: { ...base.extraSessions, max: extra, gap },
            policy: maxNoShows === undefined ? { ...base.policy } : { ...base.policy, maxNoShows },
          });
          return out.ok ? out.value : base;
        }),
    );
  const eventSequence = (options: { maxLength?: number; base?: string } = {}): FastCheck.Arbitrary<PlanEvent[]> => {
    const base = Date.parse(options.base ?? '2026-03-01T09:00:00Z');
    const instant = fc.integer({ min: 0, max: 120 * 24 * 4 }).map((quarterHours) => iso(base + quarterHours * 15 * 60_000));
    const session = fc.integer({ min: 1, max: 5 });
    const one = fc.oneof(
      fc.record({ type: fc.constant('sessionBooked' as const), at: instant, session, start: instant }),
      fc.record({ type: fc.constant('sessionRescheduled' as const), at: instant, session, start: instant }),
      fc.record({ type: fc.constant('sessionCancelled' as const), at: instant, session }),
      fc.record({ type: fc.constant('sessionMissed' as const), at: instant, session }),
      fc.record({ type: fc.constant('sessionCompleted' as const), at: instant, session }),
      fc.record({ type: fc.constant('sessionAdded' as const), at: instant, reason: fc.constant('needs more pigment') }),
      fc.record({ type: fc.constant('planPaused' as const), at: instant, reason: fc.constant('client request') }),
      fc.record({ type: fc.constant('planResumed' as const), at: instant }),
      fc.record({ type: fc.constant('planClosed' as const), at: instant, reason: fc.constant('moved away') }),
    );
    return fc
      .array(one, { maxLength: options.maxLength ?? 20 })
      .map((events) => events.map((e, i) => ({ id: `arb-${i}`, ...e }) as PlanEvent));
  };
  const plan = (options: { protocol?: Protocol; maxEvents?: number } = {}) =>
    fc
      .record({
        protocol: options.protocol === undefined ? protocol() : fc.constant(options.protocol),
        zone: timeZone(),
        events: eventSequence({ maxLength: options.maxEvents ?? 20 }),
      })
      .map(({ protocol: p, zone, events }) => {
        const created = createPlan({ id: 'arb-plan', clientId: 'arb-client', protocol: p, timeZone: zone, createdAt: iso(Date.parse('2026-03-01T09:00:00Z') - DAY) });
        if (!created.ok) throw new Error(created.findings.map((f) => f.message).join('; '));
        let current = created.value;
        for (const e of events) {
          const out = applyEvent(current, e, { protocol: p });
          if (out.ok) current = out.value;
        }
        return { plan: current, protocol: p };
      });
  return { timeZone, protocol, eventSequence, plan };
}
