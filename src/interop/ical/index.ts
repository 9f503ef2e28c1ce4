/**
 * `smp-protocol/ical`: a plan as an RFC 5545 calendar (`.ics`) for the client's calendar, the
 * clinic's, or Outlook. A separate entry: importing the root entry never loads it.
 *
 * @example
 * ```ts
 * import { standardProtocol } from 'smp-protocol';
 * import { toICalendar } from 'smp-protocol/ical';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const ics = plan.ok ? toICalendar(plan.value, { protocol: standardProtocol, timeZone: 'Europe/London', domain: 'clinic.example' }) : plan;
 * ics.ok && ics.value.split('\r\n').filter((l) => l.startsWith('UID:')); // ['UID:plan-1-s1@clinic.example', 'UID:plan-1-s2@clinic.example']
 * ```
 * @module smp-protocol/ical
 */
export { toICalendar } from './calendar.js';
export type { ICalendarOptions, ICalendarReminder, ICalendarSettings } from './calendar.js';
