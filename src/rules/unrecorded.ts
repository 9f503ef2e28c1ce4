/**
 * Sessions nobody recorded: a booking whose end is before `asOf` with no completion, miss or
 * cancellation. The daily reconciliation list a clinic works through; such a session is never
 * counted as completed.
 * @internal
 * @module
 */
import type { Finding } from '../findings/codes.js';
import { finding } from '../findings/finding.js';
import type { Plan } from '../schema/plan.js';
import { formatLocalDate } from '../time/civil.js';
import { parseInstant } from '../time/instant.js';
import { localDayOf } from '../time/zone.js';

/** One `OUTCOME_NOT_RECORDED` warning per booking that ended before `asOfMs` and is still only booked. */
export function unrecordedOutcomes(plan: Plan, asOfMs: number): Finding[] {
  const out: Finding[] = [];
  const zone = plan.timeZone;
  const asOfDay = localDayOf(zone, asOfMs);
  for (const s of plan.sessions) {
    // Still only booked: a completed session keeps its booking, but its outcome is recorded.
    const booking = s.state === 'booked' ? s.booking : undefined;
    if (booking === undefined || parseInstant(booking.end) >= asOfMs) continue;
    const day = localDayOf(zone, parseInstant(booking.start));
    out.push(
      finding(
        'OUTCOME_NOT_RECORDED',
        'warning',
        { session: s.number, date: formatLocalDate(day), start: booking.start, daysSince: asOfDay - day },
        { session: s.number },
      ),
    );
  }
  return out;
}
