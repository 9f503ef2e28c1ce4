/**
 * Local dates, clock times and states in words, as a clinic reads them: "Mon 30 March 2026",
 * "10:00–14:00 GMT", "on time". The CLI's human output only; `--json` keeps the raw values.
 * @internal
 * @module
 */
import type { Due, SessionState, SlotFit } from 'smp-protocol';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * A local date (`YYYY-MM-DD`) in words, "Mon 30 March 2026"; without the year ("Thu 2 April")
 * when it is the year of `sameYearAs`.
 */
export function dayInWords(localDate: string, sameYearAs?: string): string {
  const [y, m, d] = localDate.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined || !Number.isInteger(y + m + d)) return localDate;
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
  const year = sameYearAs !== undefined && sameYearAs.slice(0, 4) === localDate.slice(0, 4) ? '' : ` ${y}`;
  return `${weekday} ${d} ${MONTHS[m - 1] ?? ''}${year}`;
}

/** The local date before `localDate` ('2026-04-07' → '2026-04-06'). */
export function dayBefore(localDate: string): string {
  return new Date(Date.parse(`${localDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** An instant's wall-clock time in a zone: '2026-04-02T09:00:00Z' in Europe/London → '10:00 BST'. */
export function clockIn(instant: string, timeZone: string, withZone = true): string {
  const key = `${timeZone}|${withZone}`;
  let format = clocks.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(withZone ? { timeZoneName: 'short' } : {}),
    });
    clocks.set(key, format);
  }
  return format.format(new Date(instant));
}

/** A session's interval as clock times: "10:00–14:00 GMT". */
export function intervalIn(start: string, end: string, timeZone: string): string {
  return `${clockIn(start, timeZone, false)}–${clockIn(end, timeZone)}`;
}

/** Where a session stands, in words. */
export function dueInWords(due: Due): string {
  switch (due) {
    case 'notYet':
      return 'not due yet';
    case 'early':
      return 'bookable, before the best days';
    case 'due':
      return 'due now';
    case 'overdue':
      return 'overdue';
    case 'lapsed':
      return 'lapsed';
    default:
      return unreachable(due);
  }
}

/** A slot's fit with the healing window, in words. */
export function fitInWords(fit: SlotFit): string {
  switch (fit) {
    case 'onTime':
      return 'on time';
    case 'early':
      return 'early';
    case 'late':
      return 'late';
    case 'lapsed':
      return 'lapsed';
    default:
      return unreachable(fit);
  }
}

/** A session state, in words. */
export function stateInWords(state: SessionState): string {
  switch (state) {
    case 'pending':
      return 'not booked';
    case 'booked':
      return 'booked';
    case 'completed':
      return 'done';
    default:
      return unreachable(state);
  }
}

function unreachable(value: never): string {
  return String(value);
}
