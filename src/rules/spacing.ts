/**
 * The spacing model (docs/design.md, adapted from CDSi): gaps of five calendar-day counts measured from
 * an anchor session, and what a date at `d` days from the anchor means for a booking, a recorded
 * session, and an evaluation. Day numbers in, findings out: no plan, no zone.
 * @module
 */
import type { Finding, Severity } from '../findings/codes.js';
import { finding } from '../findings/finding.js';
import type { Gap } from '../protocol/schema.js';
import type { SessionSpec } from '../protocol/session.js';
import { formatLocalDate } from '../time/civil.js';

/**
 * How a session's date relates to one of its gaps, from worst to best for the skin.
 *
 * @example
 * ```ts
 * import { evaluatePlan, standardProtocol } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-04T10:00').build();
 * const e = plan.ok ? evaluatePlan(plan.value, { protocol: standardProtocol, asOf: '2026-04-10T12:00:00Z' }) : plan;
 * e.ok && e.value.sessions[1]?.evaluation; // 'onTime'
 * ```
 */
export type SpacingEvaluation = 'tooSoon' | 'grace' | 'early' | 'onTime' | 'late' | 'lapsed';

/** Classifies `d` calendar days from the anchor against a gap. @internal */
export function classify(gap: Omit<Gap, 'from'>, d: number): SpacingEvaluation {
  if (d < gap.absoluteMinimumDays) return 'tooSoon';
  if (d < gap.minimumDays) return 'grace';
  if (d < gap.earliestRecommendedDays) return 'early';
  if (d <= gap.latestRecommendedDays) return 'onTime';
  if (gap.maximumDays === undefined || d <= gap.maximumDays) return 'late';
  return 'lapsed';
}

const RANK: Record<SpacingEvaluation, number> = { tooSoon: 0, grace: 1, lapsed: 2, late: 3, early: 4, onTime: 5 };

/** The worse of two evaluations (for a session with several gaps). @internal */
export function worse(a: SpacingEvaluation, b: SpacingEvaluation): SpacingEvaluation {
  // Stryker disable next-line EqualityOperator: equal ranks are the same evaluation
  return RANK[a] <= RANK[b] ? a : b;
}

/** Who asks: a booking (command), a recorded completion (fact), or an evaluation. @internal */
export type SpacingContext = 'booking' | 'completion' | 'evaluateCompleted' | 'evaluateBooked';

/** One gap measured for a session on `day`. @internal */
export interface GapMeasure {
  anchor: number;
  anchorDay: number;
  days: number;
  gap: Omit<Gap, 'from'>;
  evaluation: SpacingEvaluation;
}

/** Measures each gap of a session on local day `day` against its anchors' days (`dayOf`, undefined while pending); anchors still pending are returned apart. @internal */
export function measureGaps(
  spec: SessionSpec,
  day: number,
  dayOf: (n: number) => number | undefined,
): { measures: GapMeasure[]; pendingAnchors: number[] } {
  const measures: GapMeasure[] = [];
  const pendingAnchors: number[] = [];
  for (const { anchor, gap } of spec.gaps) {
    const anchorDay = dayOf(anchor);
    if (anchorDay === undefined) {
      pendingAnchors.push(anchor);
      continue;
    }
    const days = day - anchorDay;
    measures.push({ anchor, anchorDay, days, gap, evaluation: classify(gap, days) });
  }
  return { measures, pendingAnchors };
}

/** The finding (if any) for one measured gap, with the severity the asking context gives it. @internal */
export function spacingFinding(session: number, day: number, m: GapMeasure, context: SpacingContext): Finding | undefined {
  if (m.evaluation === 'onTime') return undefined;
  const { gap } = m;
  const params: Record<string, string | number> = {
    session,
    date: formatLocalDate(day),
    anchorSession: m.anchor,
    anchorDate: formatLocalDate(m.anchorDay),
    days: m.days,
    absoluteMinimumDays: gap.absoluteMinimumDays,
    minimumDays: gap.minimumDays,
    earliestRecommendedDays: gap.earliestRecommendedDays,
    latestRecommendedDays: gap.latestRecommendedDays,
    earliestDate: formatLocalDate(m.anchorDay + gap.minimumDays),
    recommendedDate: formatLocalDate(m.anchorDay + gap.earliestRecommendedDays),
    pastDueDate: formatLocalDate(m.anchorDay + gap.latestRecommendedDays + 1),
    kind: context === 'completion' || context === 'evaluateCompleted' ? 'completed' : 'booking',
  };
  if (gap.maximumDays !== undefined) {
    params.maximumDays = gap.maximumDays;
    params.latestDate = formatLocalDate(m.anchorDay + gap.maximumDays);
  }
  const fact = context === 'completion' || context === 'evaluateCompleted';
  let severity: Severity = 'warning';
  let code: Finding['code'];
  // Every evaluation but onTime (returned above) has its case: a new one would leave `code`
  // unassigned, which the type checker refuses.
  switch (m.evaluation) {
    case 'tooSoon':
      code = 'SPACING_TOO_SOON';
      severity = context === 'completion' ? 'warning' : 'error';
      break;
    case 'grace':
      code = fact ? 'SPACING_GRACE' : 'SPACING_BELOW_MINIMUM';
      severity = fact ? 'warning' : 'error';
      break;
    case 'early':
      code = 'SPACING_EARLY';
      break;
    case 'late':
      code = 'SPACING_LATE';
      break;
    case 'lapsed':
      code = 'SPACING_LAPSED';
      break;
  }
  return finding(code, severity, params, { session });
}
