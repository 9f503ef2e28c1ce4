/**
 * A small protocol for exact-value tests of the plan folder: two sessions, one preparation item,
 * one aftercare item, review and maintenance windows, and one extra session. Short enough that a
 * test can write out every reminder and calendar entry a plan calls for.
 */
import { defineProtocol, type Protocol } from 'smp-protocol';

const outcome = defineProtocol({
  id: 'mini',
  version: 1,
  name: 'Mini',
  sessions: [
    { number: 1, phase: 'base', title: 'Base', purpose: 'Base.', durationMinutes: 60, gaps: [] },
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
  ],
  extraSessions: {
    max: 1,
    phase: 'extra',
    title: 'Extra',
    purpose: 'More pigment.',
    durationMinutes: 30,
    gap: { absoluteMinimumDays: 0, minimumDays: 0, earliestRecommendedDays: 1, latestRecommendedDays: 3 },
  },
  policy: { cancellationNoticeHours: 24 },
  preparation: [{ rule: 'no-alcohol', title: 'No alcohol', instruction: 'None.', fromHoursBefore: 48, untilHoursBefore: 2 }],
  aftercare: [{ rule: 'keep-dry', title: 'Keep dry', instruction: 'Dry.', days: 3, after: 'eachSession' }],
  review: { earliestDays: 21, recommendedDays: 30, latestDays: 56 },
  maintenance: { earliestMonths: 18, recommendedMonths: 36, latestMonths: 60 },
});
if (!outcome.ok) throw new Error(`mini protocol refused: ${JSON.stringify(outcome.findings)}`);

/** The protocol `mini` v1. */
export const mini: Protocol = outcome.value;

/** `mini` under another id and version, optionally without the review or maintenance window, or with another title for session 1. */
export function miniVariant(
  id: string,
  version: number,
  recalls: 'none' | 'review' | 'maintenance' | 'both' = 'both',
  firstTitle = 'Base',
): Protocol {
  const { review, maintenance, sessions, ...rest } = mini;
  const out = defineProtocol({
    ...rest,
    sessions: sessions.map((s) => (s.number === 1 ? { ...s, title: firstTitle } : s)),
    id,
    version,
    ...(recalls === 'review' || recalls === 'both' ? { review } : {}),
    ...(recalls === 'maintenance' || recalls === 'both' ? { maintenance } : {}),
  });
  if (!out.ok) throw new Error(`mini variant refused: ${JSON.stringify(out.findings)}`);
  return out.value;
}
