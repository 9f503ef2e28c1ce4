/**
 * The built-in protocols, with the defaults listed in docs/defaults.md. They are data a clinic can copy and
 * change (see {@link defineProtocol}), never constants the code depends on.
 * @module
 */
import type { AftercareRule, Gap, PreparationRule, Protocol } from './schema.js';

type GapDays = Omit<Gap, 'from'>;

const standard12: GapDays = {
  absoluteMinimumDays: 5,
  minimumDays: 7,
  earliestRecommendedDays: 10,
  latestRecommendedDays: 14,
  maximumDays: 30,
};
const standard23: GapDays = {
  absoluteMinimumDays: 5,
  minimumDays: 7,
  earliestRecommendedDays: 14,
  latestRecommendedDays: 28,
  maximumDays: 56,
};
const scarGap: GapDays = {
  absoluteMinimumDays: 10,
  minimumDays: 14,
  earliestRecommendedDays: 21,
  latestRecommendedDays: 42,
  maximumDays: 84,
};

const policy = { cancellationNoticeHours: 48 };

const shavingRules: AftercareRule[] = [
  {
    rule: 'no-shaving',
    title: 'No shaving',
    instruction: 'Do not shave the treated area. From day 4 an electric foil shaver is fine; wait for a razor.',
    days: 4,
    after: 'eachSession',
  },
  {
    rule: 'no-razor',
    title: 'No razor',
    instruction: 'Use an electric foil shaver only; a razor is fine again from day 7.',
    days: 7,
    after: 'eachSession',
  },
];

function aftercareRules(options: { shaving: boolean }): AftercareRule[] {
  return [
    {
      rule: 'keep-dry',
      title: 'Keep the scalp dry',
      instruction: 'Keep the treated scalp dry: no washing, no rain, no heavy steam. Pat away any moisture gently.',
      days: 4,
      after: 'eachSession',
    },
    {
      rule: 'no-products',
      title: 'No lotions or products',
      instruction: 'Put no lotions, creams, oils or styling products on the treated scalp.',
      days: 4,
      after: 'eachSession',
    },
    ...(options.shaving ? shavingRules : []),
    {
      rule: 'no-shampoo',
      title: 'No shampoo',
      instruction: 'Do not shampoo the scalp; once it may be wet again, rinse with lukewarm water only.',
      days: 7,
      after: 'eachSession',
    },
    {
      rule: 'no-sweating',
      title: 'No heavy sweating or gym',
      instruction: 'Avoid the gym, running and anything that makes you sweat heavily.',
      days: 7,
      after: 'eachSession',
    },
    {
      rule: 'pause-minoxidil',
      title: 'Pause minoxidil',
      instruction: 'Do not apply minoxidil or other topical hair-loss treatments to the scalp.',
      days: 7,
      after: 'eachSession',
    },
    {
      rule: 'no-hair-dye',
      title: 'No hair dye',
      instruction: 'Do not dye or bleach your hair.',
      days: 14,
      after: 'eachSession',
    },
    {
      rule: 'avoid-sun',
      title: 'Avoid direct sun',
      instruction: 'Keep the scalp out of direct sun (wear a loose hat); afterwards use SPF 30+ on the scalp.',
      days: 28,
      after: 'eachSession',
    },
    {
      rule: 'no-swimming-sauna',
      title: 'No swimming, sauna or tanning',
      instruction: 'No swimming pools, sea, sauna, steam room, hot tub or tanning bed.',
      days: 28,
      after: 'finalSession',
    },
  ];
}

const preparation: PreparationRule[] = [
  {
    rule: 'no-hair-dye',
    title: 'No hair dye',
    instruction: 'Do not dye or bleach your hair in the two weeks before the session.',
    fromHoursBefore: 14 * 24,
  },
  {
    rule: 'no-blood-thinners',
    title: 'No over-the-counter blood thinners',
    instruction: 'Avoid aspirin, ibuprofen and other over-the-counter blood thinners. Never stop a prescribed medicine: ask your doctor.',
    fromHoursBefore: 7 * 24,
  },
  {
    rule: 'no-tanning',
    title: 'No tanning or sunburn',
    instruction: 'No sunbathing or tanning bed; arrive without sunburn on the scalp.',
    fromHoursBefore: 7 * 24,
  },
  {
    rule: 'pause-minoxidil',
    title: 'Pause minoxidil',
    instruction: 'Stop minoxidil and other topical hair-loss treatments on the scalp.',
    fromHoursBefore: 7 * 24,
  },
  {
    rule: 'no-alcohol',
    title: 'No alcohol',
    instruction: 'No alcohol: it thins the blood and makes the skin bleed more.',
    fromHoursBefore: 48,
  },
  {
    rule: 'trim-with-clippers',
    title: 'Trim with clippers',
    instruction: 'Trim your hair short with clippers, not a razor, between 48 and 24 hours before the session.',
    fromHoursBefore: 48,
    untilHoursBefore: 24,
  },
  {
    rule: 'no-caffeine',
    title: 'No caffeine',
    instruction: 'No coffee, energy drinks or other caffeine.',
    fromHoursBefore: 24,
  },
];

const clearance = (reason: string) => ({ outcome: 'needsClearance' as const, reason });
const deferred = (reason: string) => ({ outcome: 'deferred' as const, reason });

const screening: NonNullable<Protocol['screening']> = {
  minimumAgeYears: 18,
  conditions: {
    underage: deferred('clients must be 18 or older'),
    hairTransplant: { outcome: 'deferred', waitMonths: 6, reason: 'a hair transplant needs 6 months to heal before SMP' },
    scarNotHealed: deferred('the scar must be healed, flat and no longer red'),
    scarAge: { outcome: 'deferred', waitMonths: 6, reason: 'a scar must be at least 6 months old' },
    isotretinoin: { outcome: 'deferred', waitMonths: 6, reason: 'isotretinoin leaves the skin fragile for 6 months after the last dose' },
    chemotherapy: {
      outcome: 'deferred',
      waitMonths: 6,
      clearanceAfterWait: true,
      plannedWithinDays: 28,
      reason: "6 months after the last chemotherapy treatment, and then a doctor's clearance; not within 4 weeks of a planned start",
    },
    laserRemoval: { outcome: 'deferred', waitDays: 90, reason: 'the skin needs 90 days after laser removal on the area' },
    alopeciaAreata: { outcome: 'deferred', waitMonths: 12, reason: 'alopecia areata must have been stable for 12 months' },
    pregnant: deferred('no treatment during pregnancy'),
    breastfeeding: deferred('no treatment while breastfeeding'),
    activeScalpConditions: deferred('the scalp must be clear of psoriasis, eczema, dermatitis, acne, infection, open wounds and sunburn'),
    keloidHistory: clearance('a history of keloid scarring'),
    anticoagulants: clearance('prescribed anticoagulants'),
    uncontrolledDiabetes: clearance('uncontrolled diabetes'),
    uncontrolledBloodPressure: clearance('uncontrolled blood pressure'),
    heartCondition: clearance('a heart condition'),
    epilepsy: clearance('epilepsy'),
  },
};

const review = { earliestDays: 21, recommendedDays: 30, latestDays: 56 };
const maintenance = { earliestMonths: 18, recommendedMonths: 36, latestMonths: 60 };
const care = { preparation, screening, review, maintenance };
// Long hair is parted, not cut: no clipper trim before a diffuse-thinning session.
const longHairCare = { ...care, preparation: preparation.filter((r) => r.rule !== 'trim-with-clippers') };

const extra = {
  phase: 'extra',
  title: 'Extra session',
  purpose:
    'Further pigment where the skin held too little: a strong immune response, scar tissue, or pigment that healed too light (about 1 client in 5).',
  durationMinutes: 120,
};

function threeSessions(gap12: GapDays, gap23: GapDays, notes: { foundation?: string; checklist?: false } = {}): Protocol['sessions'] {
  return [
    {
      number: 1,
      phase: 'foundation',
      title: 'Hairline design and foundation',
      purpose:
        notes.foundation ??
        'Design the hairline and agree it with the client, then lay a light, conservative base layer: you cannot go backwards.',
      durationMinutes: 240,
      gaps: [],
      ...(notes.checklist === false ? {} : { checklist: ['hairlineAgreed'] }),
    },
    {
      number: 2,
      phase: 'density',
      title: 'Density',
      purpose:
        "Take the client's feedback on the healed first layer, add most of the density and dimension, and adjust the hairline if needed.",
      durationMinutes: 180,
      gaps: [{ from: 'previous', ...gap12 }],
    },
    {
      number: 3,
      phase: 'refinement',
      title: 'Refinement',
      purpose: 'Add the remaining density, blend, match darkness and symmetry, and give areas that healed light more pigment.',
      durationMinutes: 180,
      gaps: [{ from: 'previous', ...gap23 }],
    },
  ];
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The standard three-session course: 1→2 5/7/10–14/30 days, 2→3 and an extra session
 * 5/7/14–28/56 days, up to 1 extra session, 48-hour cancellation notice.
 *
 * @example
 * ```ts
 * import { standardProtocol } from 'smp-protocol';
 * standardProtocol.sessions.map((s) => s.phase); // ['foundation', 'density', 'refinement']
 * ```
 */
export const standardProtocol: Protocol = deepFreeze({
  id: 'standard',
  version: 1,
  name: 'Standard SMP course',
  description: 'Three sessions (foundation, density, refinement) spaced so the skin heals and the pigment settles between them.',
  sessions: threeSessions(standard12, standard23),
  extraSessions: { max: 1, ...extra, gap: standard23 },
  policy,
  aftercare: aftercareRules({ shaving: true }),
  ...care,
});

/**
 * The built-in protocols by id: `standard`, `scar-camouflage`, `diffuse-thinning`,
 * `alopecia-areata` and `touch-up`. Frozen.
 *
 * @example
 * ```ts
 * import { protocols } from 'smp-protocol';
 * protocols['scar-camouflage'].sessions[1]?.gaps[0]?.minimumDays; // 14
 * ```
 */
export const protocols: {
  readonly standard: Protocol;
  readonly 'scar-camouflage': Protocol;
  readonly 'diffuse-thinning': Protocol;
  readonly 'alopecia-areata': Protocol;
  readonly 'touch-up': Protocol;
} = deepFreeze({
  standard: standardProtocol,
  'scar-camouflage': {
    id: 'scar-camouflage',
    version: 1,
    name: 'Scar camouflage',
    description:
      'Three sessions over scar tissue, which retains pigment unpredictably: longer gaps, and up to two extra sessions. The scar must be at least 6 months old, flat and not red.',
    sessions: threeSessions(scarGap, scarGap, {
      foundation:
        'Test how the scar tissue takes pigment with a light first layer that matches the surrounding follicles; agree the result the client wants.',
    }),
    extraSessions: { max: 2, ...extra, gap: scarGap },
    policy,
    aftercare: aftercareRules({ shaving: true }),
    ...care,
  },
  'diffuse-thinning': {
    id: 'diffuse-thinning',
    version: 1,
    name: 'Diffuse thinning (long hair)',
    description:
      'Three sessions that add density under longer hair, often for women; the hair is parted, not shaved. Every gap 5/7/10–14/30 days.',
    sessions: threeSessions(standard12, standard12, {
      foundation:
        'Map the thinning areas with the hair parted and lay a light, conservative base layer of density; there is no hairline to design.',
      checklist: false,
    }),
    extraSessions: { max: 1, ...extra, gap: standard12 },
    policy,
    aftercare: aftercareRules({ shaving: false }),
    ...longHairCare,
  },
  'alopecia-areata': {
    id: 'alopecia-areata',
    version: 1,
    name: 'Alopecia areata',
    description:
      'The standard course for a client whose alopecia areata has been stable for 12 months, with up to two extra sessions for patches that change.',
    sessions: threeSessions(standard12, standard23),
    extraSessions: { max: 2, ...extra, gap: standard23 },
    policy,
    aftercare: aftercareRules({ shaving: true }),
    ...care,
  },
  'touch-up': {
    id: 'touch-up',
    version: 1,
    name: 'Touch-up',
    description: 'One session that refreshes a completed course, with up to one extra session.',
    sessions: [
      {
        number: 1,
        phase: 'touchUp',
        title: 'Touch-up',
        purpose: 'Refresh pigment that has faded or shifted since the course, matching the healed result.',
        durationMinutes: 120,
        gaps: [],
      },
    ],
    extraSessions: { max: 1, ...extra, gap: standard12 },
    policy,
    aftercare: aftercareRules({ shaving: true }),
    ...care,
  },
});

/**
 * Every built-in protocol, as a frozen array: what `{ protocols }` takes for the common case
 * (add a clinic's own protocols, or other versions, to the list).
 *
 * @example
 * ```ts
 * import { builtinProtocols } from 'smp-protocol';
 * builtinProtocols.map((p) => `${p.id}@${p.version}`);
 * // ['standard@1', 'scar-camouflage@1', 'diffuse-thinning@1', 'alopecia-areata@1', 'touch-up@1']
 * ```
 */
export const builtinProtocols: readonly Protocol[] = Object.freeze([
  protocols.standard,
  protocols['scar-camouflage'],
  protocols['diffuse-thinning'],
  protocols['alopecia-areata'],
  protocols['touch-up'],
]);

export { deepFreeze };
