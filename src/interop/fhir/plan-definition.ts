/**
 * A protocol as a FHIR R4 PlanDefinition: one action per session, each gap as a related action
 * whose `offsetRange` runs from the gap's minimum to its maximum, in days.
 * @module
 */
import { defineProtocol, type Outcome, type Protocol } from 'smp-protocol';
import { exportBoundary, guardedCall } from '../common/arguments.js';
import { GAP_EXTENSION, canonicalUrl, computableName, days, planDefinitionId } from './names.js';
import type { FhirExtension, FhirPlanDefinition, FhirPlanDefinitionAction } from './types.js';

/**
 * Options of {@link toPlanDefinition}.
 *
 * @example
 * ```ts
 * import { standardProtocol } from 'smp-protocol';
 * import { toPlanDefinition, type PlanDefinitionOptions } from 'smp-protocol/fhir';
 * const options: PlanDefinitionOptions = { canonicalBase: 'https://fhir.clinic.example' };
 * const pd = toPlanDefinition(standardProtocol, options);
 * pd.ok && pd.value.url; // 'https://fhir.clinic.example/PlanDefinition/standard-v1'
 * ```
 */
export interface PlanDefinitionOptions {
  /**
   * Where your PlanDefinitions live: the canonical URL becomes
   * `<canonicalBase>/PlanDefinition/<protocol id>-v<version>`. Default:
   * `urn:smp-protocol:protocol:<protocol id>`, versioned by `version`.
   */
  canonicalBase?: string;
}

type Gap = Protocol['sessions'][number]['gaps'][number];
type GapDays = Omit<Gap, 'from'>;

function gapExtension(gap: GapDays): FhirExtension[] {
  const counts: [string, number | undefined][] = [
    ['absoluteMinimumDays', gap.absoluteMinimumDays],
    ['minimumDays', gap.minimumDays],
    ['earliestRecommendedDays', gap.earliestRecommendedDays],
    ['latestRecommendedDays', gap.latestRecommendedDays],
    ['maximumDays', gap.maximumDays],
  ];
  const extension: FhirExtension[] = [];
  for (const [url, value] of counts) if (value !== undefined) extension.push({ url, valueInteger: value });
  return [{ url: GAP_EXTENSION, extension }];
}

function related(anchor: number, gap: GapDays): NonNullable<FhirPlanDefinitionAction['relatedAction']>[number] {
  const offsetRange =
    gap.maximumDays === undefined ? { low: days(gap.minimumDays) } : { low: days(gap.minimumDays), high: days(gap.maximumDays) };
  return { actionId: `session-${anchor}`, relationship: 'after-start', offsetRange, extension: gapExtension(gap) };
}

/** The PlanDefinition of a valid protocol. @internal */
export function planDefinition(protocol: Protocol, canonicalBase: string | undefined): FhirPlanDefinition {
  const action: FhirPlanDefinitionAction[] = protocol.sessions.map((s) => {
    const a: FhirPlanDefinitionAction = {
      id: `session-${s.number}`,
      prefix: String(s.number),
      title: s.title,
      description: s.purpose,
      code: [{ text: s.phase }],
      timingTiming: { repeat: { duration: s.durationMinutes, durationUnit: 'min' } },
      requiredBehavior: 'must',
      cardinalityBehavior: 'single',
    };
    if (s.gaps.length > 0)
      a.relatedAction = s.gaps.map(({ from, ...gap }) => related(from === 'previous' ? s.number - 1 : from.session, gap));
    return a;
  });
  const extra = protocol.extraSessions;
  const last = protocol.sessions.at(-1);
  if (extra.max > 0 && last !== undefined) {
    action.push({
      id: 'extra',
      prefix: 'extra',
      title: extra.title,
      description: `${extra.purpose} Up to ${extra.max}, each measured from the session before it.`,
      code: [{ text: extra.phase }],
      timingTiming: { repeat: { duration: extra.durationMinutes, durationUnit: 'min' } },
      requiredBehavior: 'could',
      cardinalityBehavior: extra.max > 1 ? 'multiple' : 'single',
      relatedAction: [related(last.number, extra.gap)],
    });
  }
  const pd: FhirPlanDefinition = {
    resourceType: 'PlanDefinition',
    id: planDefinitionId(protocol),
    url: canonicalUrl(protocol, canonicalBase),
    version: String(protocol.version),
    name: computableName(protocol.id),
    title: protocol.name,
    type: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/plan-definition-type', code: 'clinical-protocol', display: 'Clinical Protocol' },
      ],
    },
    status: 'active',
    action,
  };
  if (protocol.description !== undefined && protocol.description !== '') pd.description = protocol.description;
  return pd;
}

/**
 * A protocol as a FHIR R4 PlanDefinition (`type: clinical-protocol`), for the clinic's EHR.
 *
 * One action per session (`session-<n>`: title, purpose, phase, duration) and one for the extra
 * sessions if the protocol allows any (`extra`, `requiredBehavior: could`). Each gap is a
 * `relatedAction` to its anchor session, `after-start`, whose `offsetRange` runs from the gap's
 * `minimumDays` (bookable) to its `maximumDays` (lapsed after), in days; all five day counts are
 * kept in the extension `urn:smp-protocol:extension:gap`.
 *
 * Never throws: an invalid protocol refuses the call with its findings (`ok: false`).
 *
 * @param protocol - the protocol
 * @param options - where its canonical URL lives
 * @returns the PlanDefinition, or the protocol's findings
 *
 * @example
 * ```ts
 * import { standardProtocol } from 'smp-protocol';
 * import { toPlanDefinition } from 'smp-protocol/fhir';
 * const pd = toPlanDefinition(standardProtocol);
 * pd.ok && pd.value; // { resourceType: 'PlanDefinition', id: 'standard-v1', url: 'urn:smp-protocol:protocol:standard', version: '1', …,
 * //   action: [{ id: 'session-1', … }, { id: 'session-2', relatedAction: [{ actionId: 'session-1',
 * //     relationship: 'after-start', offsetRange: { low: { value: 7, … }, high: { value: 30, … } }, … }] }, …] }
 * ```
 */
export function toPlanDefinition(protocol: Protocol, options: PlanDefinitionOptions = {}): Outcome<FhirPlanDefinition> {
  return guardedCall([protocol, options] as const, ['', 'options'], exportBoundary, (protocol, options) => {
    const out = defineProtocol(protocol);
    if (!out.ok) return out;
    const base =
      typeof options === 'object' && options !== null && typeof options.canonicalBase === 'string' ? options.canonicalBase : undefined;
    return { ok: true, value: planDefinition(out.value, base), findings: [] };
  });
}
