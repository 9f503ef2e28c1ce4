/**
 * Configure once, call plainly: {@link createRules} takes the protocols (and a locale) once and
 * returns the library's calls without the repeated options, as ts-fsrs's `fsrs(params)` does.
 * The free functions stay; each method is one of them with `protocols` filled in.
 * @module
 */
import { guardedInput } from './schema/limits.js';
import type { Finding, Outcome } from './findings/codes.js';
import { fail, ok } from './findings/finding.js';
import { formatFinding } from './findings/format.js';
import type { MessageCatalogue } from './findings/messages.js';
import { applyEvent } from './plan/apply.js';
import { createPlan, type CreatePlanInput } from './plan/create.js';
import { replay } from './plan/replay.js';
import type { Plan, PlanEventInput } from './schema/plan.js';
import { defineProtocol } from './protocol/define.js';
import type { Protocol } from './protocol/schema.js';
import { aftercare, preparation, type CareItem, type CareOptions } from './rules/care.js';
import { evaluatePlan, type Evaluation, type ReadOptions } from './rules/evaluate.js';
import { screen, type Screening, type ScreenOptions } from './rules/screening.js';
import { forecast, type Forecast } from './rules/forecast.js';
import {
  proposeReschedule,
  proposeSchedule,
  type ProposeRescheduleOptions,
  type ProposeScheduleOptions,
  type RescheduleProposal,
  type ScheduleProposal,
} from './schedule/proposals.js';
import { findSlots, type FindSlotsOptions, type Slot } from './schedule/slots.js';
import { protocolFor, resolveProtocol, type ProtocolRef } from './protocol/call.js';
import { inputFinding } from './schema/issues.js';
import { prefixed } from './schema/options.js';
import { inputDetails } from './findings/messages.js';
import { toTimelineSvg } from './pictures/timeline-svg.js';

/**
 * What {@link createRules} takes: the protocols plans may follow (e.g. {@link builtinProtocols}
 * plus a clinic's own, several versions of one) and the locale of every returned finding's message.
 *
 * @example
 * ```ts
 * import { builtinProtocols, createRules, type RulesOptions } from 'smp-protocol';
 * const options: RulesOptions = { protocols: builtinProtocols, locale: 'es' };
 * const rules = createRules(options);
 * rules.ok; // true
 * ```
 */
export interface RulesOptions {
  /** The protocols; each plan's is found by its id and version. */
  readonly protocols: readonly Protocol[];
  /** `'en'` (default), `'es'`, or a catalogue of your own: messages of returned findings. */
  readonly locale?: 'en' | 'es' | MessageCatalogue;
}

/**
 * The library's calls, configured once with the protocols and the locale.
 *
 * @example
 * ```ts
 * import { builtinProtocols, createRules } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const rules = createRules({ protocols: builtinProtocols });
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-04T10:00').build();
 * const f = rules.ok && plan.ok ? rules.value.forecast(plan.value, { asOf: '2026-04-05T09:00:00Z' }) : undefined;
 * f?.ok && f.value.next?.recommended; // '2026-04-18'
 * ```
 */
export interface Rules {
  /** The configured protocols (validated, frozen). */
  readonly protocols: readonly Protocol[];
  /** The protocol a plan follows, by its id and version. */
  protocolFor(plan: Plan): Outcome<Protocol>;
  /** {@link createPlan}, with the protocol named by `{ id, version }` among the configured ones. */
  createPlan(input: Omit<CreatePlanInput, 'protocol'> & { readonly protocol: ProtocolRef }): Outcome<Plan>;
  /** {@link applyEvent}, with the plan's protocol found among the configured ones. */
  applyEvent(plan: Plan, event: PlanEventInput, options?: { readonly expectedVersion?: number }): Outcome<Plan>;
  /** {@link applyEvent} for an untrusted event (e.g. a request body). */
  applyUntrustedEvent(plan: Plan, event: unknown, options?: { readonly expectedVersion?: number }): Outcome<Plan>;
  /** {@link replay}. */
  replay(initial: Plan, events: readonly unknown[]): Outcome<Plan>;
  /** {@link evaluatePlan}. */
  evaluatePlan(plan: Plan, options: Omit<ReadOptions, 'protocol' | 'protocols'>): Outcome<Evaluation>;
  /** {@link forecast}. */
  forecast(plan: Plan, options: Omit<ReadOptions, 'protocol' | 'protocols'>): Outcome<Forecast>;
  /** {@link findSlots}. */
  findSlots(plan: Plan, options: Omit<FindSlotsOptions, 'protocol' | 'protocols'>): Outcome<Slot[]>;
  /** {@link proposeSchedule}. */
  proposeSchedule(plan: Plan, options: Omit<ProposeScheduleOptions, 'protocol' | 'protocols'>): Outcome<ScheduleProposal>;
  /** {@link proposeReschedule}. */
  proposeReschedule(plan: Plan, options: Omit<ProposeRescheduleOptions, 'protocol' | 'protocols'>): Outcome<RescheduleProposal>;
  /** {@link aftercare}. */
  aftercare(plan: Plan, options: Omit<CareOptions, 'protocol' | 'protocols'>): Outcome<CareItem[]>;
  /** {@link preparation}. */
  preparation(plan: Plan, options: Omit<CareOptions, 'protocol' | 'protocols'>): Outcome<CareItem[]>;
  /** {@link screen}, for the protocol named by `{ id, version }`. */
  screen(intake: unknown, options: Omit<ScreenOptions, 'protocol' | 'protocols'> & { readonly protocol: ProtocolRef }): Outcome<Screening>;
  /** {@link toTimelineSvg}. */
  toTimelineSvg(plan: Plan, options: Omit<ReadOptions, 'protocol' | 'protocols'>): Outcome<string>;
}

type Locale = NonNullable<RulesOptions['locale']>;

function localized(findings: readonly Finding[], locale: Locale): Finding[] {
  return locale === 'en' ? [...findings] : findings.map((f) => ({ ...f, message: formatFinding(f, locale) }));
}

/** The Outcome with every finding's message in the locale, those inside an evaluation or forecast too. */
function inLocale<T>(out: Outcome<T>, locale: Locale): Outcome<T> {
  if (locale === 'en') return out;
  if (!out.ok) return fail(localized(out.findings, locale));
  const value = out.value as unknown;
  let next = out.value;
  if (typeof value === 'object' && value !== null && Array.isArray((value as { findings?: unknown }).findings)) {
    const v = value as { findings: Finding[]; sessions?: unknown };
    const copy: Record<string, unknown> = { ...v, findings: localized(v.findings, locale) };
    if (Array.isArray(v.sessions)) {
      copy.sessions = v.sessions.map((s: unknown) =>
        typeof s === 'object' && s !== null && Array.isArray((s as { findings?: unknown }).findings)
          ? { ...s, findings: localized((s as { findings: Finding[] }).findings, locale) }
          : s,
      );
    }
    // The same shape with its messages rewritten: T is unchanged.
    next = copy as T;
  }
  return ok(next, localized(out.findings, locale));
}

/**
 * Configures the library once: the protocols (each plan's is found by its id and version) and
 * the locale of returned messages. The methods are the free functions without the repeated
 * `protocol`/`protocols` option; the free functions stay.
 *
 * @param options - the protocols, and optionally the locale (`'en'`, `'es'` or a catalogue)
 * @returns the configured calls, or the findings of an invalid protocol (under `protocols[i]`)
 *
 * @example
 * ```ts
 * import { builtinProtocols, createRules } from 'smp-protocol';
 * const rules = createRules({ protocols: builtinProtocols, locale: 'es' });
 * if (!rules.ok) throw new Error('invalid protocols');
 * const plan = rules.value.createPlan({ id: 'p1', clientId: 'c1', protocol: { id: 'standard', version: 1 },
 *   timeZone: 'Europe/Madrid', createdAt: '2026-03-01T09:00:00Z' });
 * plan.ok && rules.value.forecast(plan.value, { asOf: '2026-03-01T09:00:00Z' }).ok; // true
 * ```
 */
export function createRules(options: RulesOptions): Outcome<Rules> {
  return guardedInput([options] as const, ['options'], (options) => {
    const list: unknown = typeof options === 'object' && options !== null ? (options as { protocols?: unknown }).protocols : undefined;
    const locale: unknown = typeof options === 'object' && options !== null ? (options as { locale?: unknown }).locale : undefined;
    const findings: Finding[] = [];
    if (!Array.isArray(list) || list.length === 0 || list.length > 100) {
      return fail([inputFinding(['options', 'protocols'], inputDetails.notObject('an array of 1 to 100 protocols'))]);
    }
    const protocols: Protocol[] = [];
    list.forEach((raw: unknown, i) => {
      const out = defineProtocol(raw);
      if (out.ok) protocols.push(out.value);
      else findings.push(...prefixed(out.findings, ['options', 'protocols', i]));
    });
    const lang: Locale =
      locale === undefined || locale === 'en'
        ? 'en'
        : locale === 'es'
          ? 'es'
          : typeof locale === 'object' && locale !== null
            ? (locale as MessageCatalogue)
            : 'en';
    if (locale !== undefined && locale !== 'en' && locale !== 'es' && (typeof locale !== 'object' || locale === null)) {
      findings.push(inputFinding(['options', 'locale'], inputDetails.notObject("'en', 'es' or a message catalogue")));
    }
    if (findings.length > 0) return fail(findings);
    Object.freeze(protocols);
    const choice = { protocols } as const;
    const find = (ref: unknown): Outcome<Protocol> =>
      typeof ref === 'object' && ref !== null
        ? resolveProtocol({ id: String((ref as { id?: unknown }).id), version: Number((ref as { version?: unknown }).version) }, choice)
        : resolveProtocol({ id: '?', version: Number.NaN }, choice);
    const rules: Rules = {
      protocols,
      protocolFor: (plan) => inLocale(protocolFor(plan, choice), lang),
      createPlan: (input) => {
        const protocol = find(typeof input === 'object' && input !== null ? input.protocol : undefined);
        return inLocale(protocol.ok ? createPlan({ ...input, protocol: protocol.value }) : protocol, lang);
      },
      applyEvent: (plan, event, o = {}) => inLocale(applyEvent(plan, event, { ...o, ...choice }), lang),
      applyUntrustedEvent: (plan, event, o = {}) => inLocale(applyEvent(plan, event, { ...o, ...choice }), lang),
      replay: (initial, events) => inLocale(replay(initial, events, choice), lang),
      evaluatePlan: (plan, o) => inLocale(evaluatePlan(plan, { ...o, ...choice }), lang),
      forecast: (plan, o) => inLocale(forecast(plan, { ...o, ...choice }), lang),
      findSlots: (plan, o) => inLocale(findSlots(plan, { ...o, ...choice }), lang),
      proposeSchedule: (plan, o) => inLocale(proposeSchedule(plan, { ...o, ...choice }), lang),
      proposeReschedule: (plan, o) => inLocale(proposeReschedule(plan, { ...o, ...choice }), lang),
      aftercare: (plan, o) => inLocale(aftercare(plan, { ...o, ...choice }), lang),
      preparation: (plan, o) => inLocale(preparation(plan, { ...o, ...choice }), lang),
      screen: (intake, o) => inLocale(screen(intake, { ...o, ...choice }), lang),
      toTimelineSvg: (plan, o) => inLocale(toTimelineSvg(plan, { ...o, ...choice }), lang),
    };
    return ok(Object.freeze(rules));
  });
}
