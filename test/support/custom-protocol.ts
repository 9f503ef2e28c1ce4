/**
 * A custom protocol for the property tests: a named anchor (session 3 counts from session 1 as
 * well as from session 2), no maximum on one gap, and two extra sessions.
 */
import { defineProtocol, standardProtocol, type Protocol } from 'smp-protocol';

const outcome = defineProtocol({
  id: 'custom-anchors',
  version: 2,
  name: 'Custom anchors',
  sessions: [
    { number: 1, phase: 'base', title: 'Base', purpose: 'Base layer.', durationMinutes: 60, gaps: [] },
    {
      number: 2,
      phase: 'density',
      title: 'Density',
      purpose: 'Density.',
      durationMinutes: 90,
      gaps: [
        { from: 'previous', absoluteMinimumDays: 2, minimumDays: 3, earliestRecommendedDays: 5, latestRecommendedDays: 8, maximumDays: 12 },
      ],
    },
    {
      number: 3,
      phase: 'blend',
      title: 'Blend',
      purpose: 'Blend.',
      durationMinutes: 45,
      gaps: [
        { from: 'previous', absoluteMinimumDays: 1, minimumDays: 2, earliestRecommendedDays: 4, latestRecommendedDays: 6 },
        {
          from: { session: 1 },
          absoluteMinimumDays: 6,
          minimumDays: 8,
          earliestRecommendedDays: 10,
          latestRecommendedDays: 14,
          maximumDays: 20,
        },
      ],
    },
  ],
  extraSessions: {
    max: 2,
    phase: 'extra',
    title: 'Extra',
    purpose: 'More pigment.',
    durationMinutes: 30,
    gap: { absoluteMinimumDays: 0, minimumDays: 0, earliestRecommendedDays: 1, latestRecommendedDays: 3 },
  },
  policy: { cancellationNoticeHours: 24, maxNoShows: 2 },
});
if (!outcome.ok) throw new Error(`custom protocol refused: ${JSON.stringify(outcome.findings)}`);

/** The protocol `custom-anchors` v2. */
export const customAnchors: Protocol = outcome.value;

/** The standard protocol with session 3 measured from session 2 and also from session 1 (the same gap). */
export const twoAnchors: Protocol = (() => {
  const out = defineProtocol({
    ...standardProtocol,
    id: 'two-anchors',
    sessions: standardProtocol.sessions.map((s) =>
      s.number === 3 ? { ...s, gaps: [...s.gaps, { ...(s.gaps[0] as (typeof s.gaps)[number]), from: { session: 1 } }] } : s,
    ),
  });
  if (!out.ok) throw new Error('two-anchors protocol refused');
  return out.value;
})();
