// The course every batch benchmark draws its plans from (bench/core.bench.ts in vitest,
// bench/batch-node.mjs in a plain Node process): ten events, the same story for plan `i` with its
// dates spread over two years; a stage of the course is a prefix.

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** An instant in UTC, without zero milliseconds. */
export const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The course of plan `i` as ten events; a stage is a prefix. */
export function courseEvents(i) {
  const s1 = Date.UTC(2026, 0, 5, 9) + (i % 700) * DAY + (i % 8) * HOUR + (i % 97) * 60_000;
  return [
    { id: `e1-${i}`, type: 'sessionBooked', at: iso(s1 - 20 * DAY), session: 1, start: iso(s1 - 3 * DAY) },
    { id: `e2-${i}`, type: 'sessionRescheduled', at: iso(s1 - 19 * DAY), session: 1, start: iso(s1) },
    {
      id: `e3-${i}`,
      type: 'sessionCompleted',
      at: iso(s1 + 5 * HOUR),
      session: 1,
      record: { zones: ['hairline', 'temples'], pigment: 'P-2', checklist: { hairlineAgreed: true } },
    },
    { id: `e4-${i}`, type: 'sessionBooked', at: iso(s1 + DAY), session: 2, start: iso(s1 + 10 * DAY) },
    { id: `e5-${i}`, type: 'sessionCancelled', at: iso(s1 + 2 * DAY), session: 2, reason: 'client travelling' },
    { id: `e6-${i}`, type: 'sessionBooked', at: iso(s1 + 2 * DAY + 300_000), session: 2, start: iso(s1 + (10 + (i % 4)) * DAY) },
    { id: `e7-${i}`, type: 'sessionCompleted', at: iso(s1 + 14 * DAY), session: 2 },
    { id: `e8-${i}`, type: 'planPaused', at: iso(s1 + 15 * DAY), reason: 'mild irritation', until: iso(s1 + 28 * DAY).slice(0, 10) },
    { id: `e9-${i}`, type: 'planResumed', at: iso(s1 + 25 * DAY) },
    { id: `e10-${i}`, type: 'sessionBooked', at: iso(s1 + 25 * DAY + 600_000), session: 3, start: iso(s1 + 33 * DAY) },
  ];
}
