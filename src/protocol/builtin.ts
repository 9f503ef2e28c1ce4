/**
 * The built-in protocols, with the defaults of DOMAIN.md. They are data a clinic can copy and
 * change (see {@link defineProtocol}), never constants the code depends on.
 * @module
 */
import type { Gap, Protocol } from './schema.js';

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

const extra = {
  phase: 'extra',
  title: 'Extra session',
  purpose:
    'Further pigment where the skin held too little: a strong immune response, scar tissue, or pigment that healed too light (about 1 client in 5).',
  durationMinutes: 120,
};

function threeSessions(gap12: GapDays, gap23: GapDays, notes: { foundation?: string } = {}): Protocol['sessions'] {
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
      purpose:
        'Add the remaining density, blend, match darkness and symmetry, and give areas that healed light more pigment.',
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
  description:
    'Three sessions (foundation, density, refinement) spaced so the skin heals and the pigment settles between them.',
  sessions: threeSessions(standard12, standard23),
  extraSessions: { max: 1, ...extra, gap: standard23 },
  policy,
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
    }),
    extraSessions: { max: 1, ...extra, gap: standard12 },
    policy,
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
  },
});

export { deepFreeze };
