/**
 * `smp-protocol/ical`: a plan as an RFC 5545 calendar (`.ics`) for the client's calendar, the
 * clinic's, or Outlook. A separate entry: importing the root entry never loads it.
 *
 * @example
 * ```ts
 * import { toICalendar } from 'smp-protocol/ical';
 * ```
 * @module smp-protocol/ical
 */
export { toICalendar } from './calendar.js';
export type { ICalendarOptions, ICalendarReminder, ICalendarSettings } from './calendar.js';
