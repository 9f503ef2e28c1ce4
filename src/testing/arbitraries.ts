/**
 * fast-check arbitraries for protocols, plans and event sequences. fast-check is an optional peer
 * dependency: pass your own `fc` in, so importing this module never requires it.
 * @module
 */
import { applyEvent, createPlan, defineProtocol, protocols, type Plan, type PlanEvent, type Protocol } from 'smp-protocol';

/**
 * The part of a fast-check arbitrary the kit relies on: `map`. Declared here, not imported, so that
 * the kit's declarations type-check in a project without fast-check installed.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import type { ArbitraryLike } from 'smp-protocol/testing';
 * const days: ArbitraryLike<number> = fc.integer({ min: 0, max: 7 });
 * days.map((n) => n * 2); // an arbitrary of even numbers from 0 to 14
 * ```
 */
export interface ArbitraryLike<T> {
  /** A new arbitrary whose values are `mapper` of this one's. */
  map<U>(mapper: (value: T) => U): ArbitraryLike<U>;
}

/**
 * What the arbitraries use of fast-check (fast-check 3 and 4 both fit): the default export
 * (`import fc from 'fast-check'`) and the namespace (`import * as fc from 'fast-check'`). A
 * structural type of our own, so the kit's declarations never name the `fast-check` module.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { smpArbitraries, type FastCheckLike } from 'smp-protocol/testing';
 * const mine: FastCheckLike = fc;
 * typeof mine.integer; // 'function'
 * ```
 */
export interface FastCheckLike {
  /** Arrays of values of `arb`. */
  array<T>(arb: ArbitraryLike<T>, constraints?: { minLength?: number; maxLength?: number }): ArbitraryLike<T[]>;
  /** Always `value`. */
  constant<const T>(value: T): ArbitraryLike<T>;
  /** One of `values`. */
  constantFrom<const T>(...values: T[]): ArbitraryLike<T>;
  /** Integers from `min` to `max`. */
  integer(constraints?: { min?: number; max?: number }): ArbitraryLike<number>;
  /** A value of one of `arbs`. */
  oneof<A extends ArbitraryLike<unknown>[]>(...arbs: A): ArbitraryLike<A[number] extends ArbitraryLike<infer T> ? T : never>;
  /** A value of `arb`, or `nil`. */
  option<T, N>(arb: ArbitraryLike<T>, constraints: { nil: N }): ArbitraryLike<T | N>;
  /** Records with a value of each arbitrary of `model`. */
  record<T>(model: { [K in keyof T]: ArbitraryLike<T[K]> }): ArbitraryLike<T>;
}

/**
 * Where a project that has fast-check says which arbitrary type the kit's arbitraries are. The kit
 * cannot name the `fast-check` module in its declarations (they must type-check without it), so
 * its arbitraries are {@link ArbitraryLike} until the project adds, once (in any `.ts` file):
 *
 * ```ts
 * declare module 'smp-protocol/testing' {
 *   interface ArbitraryKinds<T> { fastCheck: import('fast-check').Arbitrary<T> }
 * }
 * ```
 *
 * after which `arb.plan()` is an `fc.Arbitrary<{ plan: Plan; protocol: Protocol }>` for
 * `fc.property`, `fc.sample` and the rest. At run time they are always fast-check's own arbitraries.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { smpArbitraries, type ArbitraryKinds } from 'smp-protocol/testing';
 * const zone: ArbitraryKinds<string>['like'] = smpArbitraries(fc).timeZone();
 * fc.sample(zone as fc.Arbitrary<string>, { numRuns: 1, seed: 1 }).length; // 1
 * ```
 */
export interface ArbitraryKinds<T> {
  /** The structural arbitrary, always present. */
  like: ArbitraryLike<T>;
}

/**
 * The type of the kit's arbitraries of `T`: fast-check's `Arbitrary<T>` once declared in
 * {@link ArbitraryKinds}, else {@link ArbitraryLike}.
 *
 * @example
 * ```ts
 * import type { ArbitraryOf } from 'smp-protocol/testing';
 * declare const zones: ArbitraryOf<string>;
 * zones.map((zone) => zone.length); // an arbitrary of numbers
 * ```
 */
export type ArbitraryOf<T> = ArbitraryKinds<T> extends { fastCheck: infer A } ? A : ArbitraryLike<T>;

/**
 * The arbitraries {@link smpArbitraries} builds (see {@link ArbitraryKinds} for their type).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { smpArbitraries } from 'smp-protocol/testing';
 * declare module 'smp-protocol/testing' {
 *   interface ArbitraryKinds<T> { fastCheck: import('fast-check').Arbitrary<T> }
 * }
 * const arb = smpArbitraries(fc);
 * fc.sample(arb.timeZone(), 3); // e.g. ['Europe/London', 'Pacific/Chatham', 'UTC']
 * ```
 */
export interface SmpArbitraries {
  /** IANA zones, DST and odd offsets first-class. */
  timeZone(): ArbitraryOf<string>;
  /** The built-in protocols and valid variations of them (other day counts, extras, policy). */
  protocol(): ArbitraryOf<Protocol>;
  /** Event sequences for a plan of `protocol` (valid and invalid commands, facts, repeats). */
  eventSequence(options?: { maxLength?: number; base?: string }): ArbitraryOf<PlanEvent[]>;
  /** Plans built by applying a random event sequence; refused events are skipped. */
  plan(options?: { protocol?: Protocol; maxEvents?: number }): ArbitraryOf<{ plan: Plan; protocol: Protocol }>;
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
 * declare module 'smp-protocol/testing' {
 *   interface ArbitraryKinds<T> { fastCheck: import('fast-check').Arbitrary<T> }
 * }
 * const arb = smpArbitraries(fc);
 * fc.assert(fc.property(arb.plan(), ({ plan, protocol }) => {
 *   forecast(plan, { protocol, asOf: '2026-06-01T00:00:00Z' }); // never throws
 * }));
 * ```
 */
export function smpArbitraries(fc: FastCheckLike): SmpArbitraries {
  const builtIn = Object.values(protocols) as Protocol[];
  const timeZone = (): ArbitraryLike<string> => fc.constantFrom(...ZONES);
  const protocol = (): ArbitraryLike<Protocol> =>
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
          const gap = {
            absoluteMinimumDays: absMin,
            minimumDays: absMin + a,
            earliestRecommendedDays: absMin + a + b,
            latestRecommendedDays: absMin + a + b + c,
            maximumDays: absMin + a + b + c + d,
          };
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
  const eventSequence = (options: { maxLength?: number; base?: string } = {}): ArbitraryLike<PlanEvent[]> => {
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
        const created = createPlan({
          id: 'arb-plan',
          clientId: 'arb-client',
          protocol: p,
          timeZone: zone,
          createdAt: iso(Date.parse('2026-03-01T09:00:00Z') - DAY),
        });
        if (!created.ok) throw new Error(created.findings.map((f) => f.message).join('; '));
        let current = created.value;
        for (const e of events) {
          const out = applyEvent(current, e, { protocol: p });
          if (out.ok) current = out.value;
        }
        return { plan: current, protocol: p };
      });
  const built = { timeZone, protocol, eventSequence, plan };
  // Each arbitrary above was made by the caller's `fc`, so it is fast-check's own arbitrary: the
  // cast only restores the type the project declared in ArbitraryKinds, which FastCheckLike forgets.
  return built as unknown as SmpArbitraries;
}
