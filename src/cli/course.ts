/**
 * A plan's course in words, as the demo prints it: one line per session with local dates
 * ("Session 2 (density): due from Mon 30 March 2026, best from Thu 2 April, …"). Shared by the
 * `plan` and `forecast` commands.
 * @internal
 * @module
 */
import { localDateOf, type Forecast, type Plan, type Protocol } from 'smp-protocol';
import { dayBefore, dayInWords, dueInWords, intervalIn } from './words.js';

/** The course's lines; with `withDue`, each open session also says where it stands as of the forecast. */
export function courseLines(plan: Plan, protocol: Protocol, forecast: Forecast, withDue: boolean): string[] {
  const lines: string[] = [];
  const zone = plan.timeZone;
  for (const s of plan.sessions) {
    const spec = protocol.sessions[s.number - 1];
    const head = `Session ${s.number} (${spec?.phase ?? s.phase})`;
    const done = s.state === 'completed' ? s.completed : undefined;
    if (done !== undefined) {
      lines.push(`${head}: done ${dayInWords(localDate(done.start, zone))}, ${intervalIn(done.start, done.end, zone)}`);
      continue;
    }
    if (s.state === 'booked' && s.booking !== undefined) {
      lines.push(`${head}: booked ${dayInWords(localDate(s.booking.start, zone))}, ${intervalIn(s.booking.start, s.booking.end, zone)}`);
      continue;
    }
    const f = forecast.sessions[s.number - 1];
    const due = withDue && f?.due !== undefined ? ` — ${dueInWords(f.due)}` : '';
    if (f?.earliest === undefined) lines.push(`${head}: not booked${due}`);
    else if (f.pastDue === undefined || f.recommended === undefined)
      lines.push(`${head}: can be booked from ${dayInWords(f.earliest)}${due}`);
    else {
      const from = f.earliest;
      lines.push(
        `${head}: due from ${dayInWords(from)}, best from ${dayInWords(f.recommended, from)}, past due after ${dayInWords(dayBefore(f.pastDue), from)}` +
          `${f.latest === undefined ? '' : `, latest ${dayInWords(f.latest, from)}`}${f.projected ? ' (projected)' : ''}${due}`,
      );
    }
  }
  const windows = [
    ['Review (included touch-up)', forecast.review],
    ['Maintenance touch-up', forecast.maintenance],
  ] as const;
  for (const [label, w] of windows) {
    if (w !== undefined)
      lines.push(
        `${label}: ${dayInWords(w.earliest)} to ${dayInWords(w.latest, w.earliest)}, recommended ${dayInWords(w.recommended, w.earliest)}`,
      );
  }
  return lines;
}

/** The local date of an instant in a zone (a parsed plan's instants and zone are valid). */
export function localDate(instant: string, timeZone: string): string {
  const date = localDateOf(instant, timeZone);
  return date.ok ? date.value : instant.slice(0, 10);
}
