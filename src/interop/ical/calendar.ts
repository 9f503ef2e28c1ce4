/**
 * A plan as an RFC 5545 calendar: one VEVENT per booked or completed session (and per cancelled
 * booking), stable UIDs, SEQUENCE from the plan's history, optional reminders and aftercare days.
 * @module
 */
import { aftercare, localDateOf, type Finding, type Outcome, type Plan, type Protocol, type ProtocolChoice } from 'smp-protocol';
import {
  exportArguments,
  exportBoundary,
  guardedCall,
  optionFinding,
  sessionPurpose,
  sessionTitle,
  zoneFinding,
} from '../common/arguments.js';
import { sequenceOf, sessionHistories, type SessionHistory } from '../common/bookings.js';
import { basicDateTime, instantMs, readInstant } from '../common/instants.js';
import { property, serialize, textProperty } from './content-line.js';
import { vtimezone, zonedDateTime, zoneOffset } from './vtimezone.js';

/**
 * A reminder (VALARM) before each booked session.
 *
 * @example
 * ```ts
 * import { standardProtocol } from 'smp-protocol';
 * import { toICalendar, type ICalendarReminder } from 'smp-protocol/ical';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const dayBefore: ICalendarReminder = { minutesBefore: 24 * 60, description: 'SMP session tomorrow' };
 * const ics = plan.ok ? toICalendar(plan.value, { protocol: standardProtocol, timeZone: 'Europe/London', reminders: [dayBefore] }) : plan;
 * ics.ok && ics.value.includes('TRIGGER:-P1D'); // true
 * ```
 */
export interface ICalendarReminder {
  /** Minutes before the session's start, 0 to 40,320 (four weeks). */
  minutesBefore: number;
  /** The reminder's text; default: the session's summary. */
  description?: string;
}

/**
 * Options of {@link toICalendar}.
 *
 * @example
 * ```ts
 * import { standardProtocol } from 'smp-protocol';
 * import { toICalendar, type ICalendarOptions } from 'smp-protocol/ical';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const options: ICalendarOptions = { protocol: standardProtocol, timeZone: 'Europe/London', domain: 'clinic.example', aftercare: true };
 * const ics = plan.ok ? toICalendar(plan.value, options) : plan;
 * ics.ok && ics.value.includes('UID:plan-1-s1-no-shampoo@clinic.example'); // true
 * ```
 */
export type ICalendarOptions = ProtocolChoice & ICalendarSettings;

/**
 * The calendar's own options, beside the protocol (its titles and durations; the same id and
 * version as the plan's).
 *
 * @example
 * ```ts
 * import { standardProtocol } from 'smp-protocol';
 * import { toICalendar, type ICalendarSettings } from 'smp-protocol/ical';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const settings: ICalendarSettings = { timeZone: 'Europe/London', domain: 'clinic.example' };
 * const ics = plan.ok ? toICalendar(plan.value, { protocol: standardProtocol, ...settings }) : plan;
 * ics.ok && ics.value.includes('DTSTART;TZID=Europe/London:20260402T100000'); // true
 * ```
 */
export interface ICalendarSettings {
  /**
   * Write times as local times in this IANA zone (`DTSTART;TZID=…`) with a matching VTIMEZONE,
   * usually `plan.timeZone`. Default: UTC (`…Z`), which every client reads correctly.
   */
  timeZone?: string;
  /** The right-hand side of every UID (`<plan id>-s<n>@<domain>`); use your clinic's domain. Default `smp-protocol`. */
  domain?: string;
  /** The calendar's name (NAME and X-WR-CALNAME). */
  name?: string;
  /** The LOCATION of every session: the clinic's address. */
  location?: string;
  /** Reminders (VALARM) before each booked session. */
  reminders?: readonly ICalendarReminder[];
  /** Add an all-day event per aftercare rule of each booked or completed session. Default `false`. */
  aftercare?: boolean;
  /**
   * Put staff-written text (the notes of booking events, cancellation reasons) in DESCRIPTION.
   * Default `false`: the file usually goes to the client, and notes may be clinical.
   */
  notes?: boolean;
}

const PRODID = '-//smp-protocol//iCalendar export//EN';
const MAX_REMINDER_MINUTES = 40_320;
const MS_PER_DAY = 86_400_000;

function header(name: string | undefined): string[] {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', property('PRODID', PRODID), 'CALSCALE:GREGORIAN'];
  if (name !== undefined && name !== '') lines.push(textProperty('NAME', name), textProperty('X-WR-CALNAME', name));
  return lines;
}

function utc(ms: number): string {
  return `${basicDateTime(ms)}Z`;
}

function trigger(minutes: number): string {
  if (minutes === 0) return 'PT0S';
  if (minutes % 1440 === 0) return `-P${minutes / 1440}D`;
  if (minutes % 60 === 0) return `-PT${minutes / 60}H`;
  return `-PT${minutes}M`;
}

function dateValue(localDate: string, plusDays = 0): string {
  const ms = Date.parse(`${localDate}T00:00:00Z`) + plusDays * MS_PER_DAY;
  return basicDateTime(ms).slice(0, 8);
}

interface Settings {
  zone: string | undefined;
  domain: string;
  name: string | undefined;
  location: string | undefined;
  reminders: { minutesBefore: number; description?: string }[];
  aftercare: boolean;
  notes: boolean;
}

/** The longest `name`, `domain` or `location` written into a calendar. */
const MAX_TEXT_OPTION = 256;

function readSettings(options: ICalendarOptions, findings: Finding[]): Settings {
  const text = (key: 'domain' | 'name' | 'location'): string | undefined => {
    const v: unknown = options[key];
    if (v === undefined) return undefined;
    // A calendar's name, domain or location is a line of text: a megabyte of it is refused, not written.
    if (typeof v === 'string' && v.length <= MAX_TEXT_OPTION) return v;
    findings.push(
      optionFinding(
        ['options', key],
        typeof v === 'string' ? `is too long (at most ${MAX_TEXT_OPTION} characters); ignored` : 'must be a string; ignored',
      ),
    );
    return undefined;
  };
  let zone: string | undefined;
  if (options.timeZone !== undefined) {
    const problem = zoneFinding(options.timeZone, ['options', 'timeZone']);
    if (problem === undefined) zone = options.timeZone;
    else findings.push(problem);
  }
  const reminders: Settings['reminders'] = [];
  const raw: unknown = options.reminders;
  if (Array.isArray(raw)) {
    raw.forEach((r: unknown, i) => {
      const m = typeof r === 'object' && r !== null ? (r as { minutesBefore?: unknown }).minutesBefore : undefined;
      const d = typeof r === 'object' && r !== null ? (r as { description?: unknown }).description : undefined;
      if (typeof m !== 'number' || !Number.isInteger(m) || m < 0 || m > MAX_REMINDER_MINUTES) {
        findings.push(
          optionFinding(
            ['options', 'reminders', i, 'minutesBefore'],
            `must be a whole number of minutes from 0 to ${MAX_REMINDER_MINUTES}; this reminder is left out`,
          ),
        );
        return;
      }
      reminders.push(typeof d === 'string' && d !== '' ? { minutesBefore: m, description: d } : { minutesBefore: m });
    });
  } else if (raw !== undefined) {
    findings.push(optionFinding(['options', 'reminders'], 'must be an array of { minutesBefore }; ignored'));
  }
  return {
    zone,
    domain: text('domain') ?? 'smp-protocol',
    name: text('name'),
    location: text('location'),
    reminders,
    aftercare: options.aftercare === true,
    notes: options.notes === true,
  };
}

/** Writes DATE-TIME properties, in UTC or in the chosen zone, and remembers the span for VTIMEZONE. */
class Clock {
  first = Number.POSITIVE_INFINITY;
  last = Number.NEGATIVE_INFINITY;
  zoned = false;
  constructor(private readonly zone: string | undefined) {}

  dateTime(name: string, instant: string): string {
    const ms = instantMs(instant);
    if (this.zone !== undefined) {
      const local = zonedDateTime(this.zone, ms);
      if (local !== undefined) {
        this.zoned = true;
        this.first = Math.min(this.first, ms);
        this.last = Math.max(this.last, ms);
        return property(name, local, { TZID: this.zone });
      }
    }
    return property(name, utc(ms));
  }
}

function summary(protocol: Protocol, plan: Plan, n: number): string {
  return `Scalp micropigmentation: session ${n} of ${plan.sessions.length} (${sessionTitle(protocol, n)})`;
}

function sessionEvent(h: SessionHistory, plan: Plan, protocol: Protocol, s: Settings, clock: Clock): string[] {
  const first = h.revisions[0];
  const last = h.revisions.at(-1);
  if (first === undefined || last === undefined) return [];
  const booking = h.bookings.at(-1);
  const interval = h.completed ?? booking;
  if (interval === undefined) return [];
  const cancelled = h.completed === undefined && booking?.status === 'cancelled';
  const missed = h.completed === undefined && booking?.status === 'noshow';
  const title = summary(protocol, plan, h.session);
  const description: string[] = [];
  if (h.completed !== undefined) description.push('Completed.');
  else if (cancelled) description.push(booking?.closedWithPlan === true ? 'Cancelled: the course was closed.' : 'Cancelled.');
  else if (missed) description.push('Missed (no-show).');
  description.push(sessionPurpose(protocol, h.session));
  if (s.notes) {
    if (cancelled && booking?.cancelReason !== undefined) description.push(`Reason: ${booking.cancelReason}`);
    const note = h.completed?.note ?? booking?.note;
    if (note !== undefined) description.push(`Note: ${note}`);
  }
  const lines = [
    'BEGIN:VEVENT',
    textProperty('UID', `${plan.id}-s${h.session}@${s.domain}`),
    property('DTSTAMP', utc(instantMs(last.at))),
    property('CREATED', utc(instantMs(first.at))),
    property('LAST-MODIFIED', utc(instantMs(last.at))),
    property('SEQUENCE', String(sequenceOf(h))),
    clock.dateTime('DTSTART', interval.start),
    clock.dateTime('DTEND', interval.end),
    textProperty('SUMMARY', title),
    textProperty('DESCRIPTION', description.join('\n')),
  ];
  if (s.location !== undefined) lines.push(textProperty('LOCATION', s.location));
  lines.push(property('STATUS', cancelled ? 'CANCELLED' : 'CONFIRMED'));
  if (h.state === 'booked') {
    for (const r of s.reminders) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        textProperty('DESCRIPTION', r.description ?? title),
        property('TRIGGER', trigger(r.minutesBefore)),
        'END:VALARM',
      );
    }
  }
  lines.push('END:VEVENT');
  return lines;
}

/** All-day events for the aftercare rules of a booked or completed session. */
function aftercareEvents(h: SessionHistory, plan: Plan, protocol: Protocol, s: Settings): string[] {
  if (h.state === 'pending') return [];
  const items = aftercare(plan, { protocol, session: h.session });
  const last = h.revisions.at(-1);
  if (!items.ok || last === undefined) return [];
  const lines: string[] = [];
  for (const item of items.value) {
    const from = localDateOf(item.from, plan.timeZone);
    const until = localDateOf(item.until, plan.timeZone);
    const untilMs = readInstant(item.until)?.ms;
    if (!from.ok || !until.ok || untilMs === undefined) continue;
    const wall = basicDateTime(untilMs, zoneOffset(plan.timeZone, untilMs));
    const untilText = `${until.value} ${wall.slice(9, 11)}:${wall.slice(11, 13)}`;
    lines.push(
      'BEGIN:VEVENT',
      textProperty('UID', `${plan.id}-s${h.session}-${item.rule}@${s.domain}`),
      property('DTSTAMP', utc(instantMs(last.at))),
      property('SEQUENCE', String(sequenceOf(h))),
      property('DTSTART', dateValue(from.value), { VALUE: 'DATE' }),
      // DTEND of an all-day event is exclusive: the rule's last day is included.
      property('DTEND', dateValue(until.value, 1), { VALUE: 'DATE' }),
      textProperty('SUMMARY', `Aftercare: ${item.title}`),
      textProperty('DESCRIPTION', `${item.instruction}\nUntil ${untilText} (${plan.timeZone}), after session ${h.session}.`),
      property('TRANSP', 'TRANSPARENT'),
      textProperty('CATEGORIES', 'Aftercare'),
      textProperty('RELATED-TO', `${plan.id}-s${h.session}@${s.domain}`),
      'END:VEVENT',
    );
  }
  return lines;
}

/**
 * The plan as an RFC 5545 calendar (`.ics`), for the client's calendar or the clinic's.
 *
 * One VEVENT per session that was ever booked or completed, with the UID
 * `<plan id>-s<n>@<domain>` (stable across calls, so a re-imported file updates the event) and a
 * SEQUENCE counting the changes of its time or status in the plan's history (the same plan always
 * gives the same file). A cancelled booking, or a booking left when the plan was closed, is
 * `STATUS:CANCELLED`; a completed session shows its recorded times. Times are UTC unless
 * `timeZone` asks for local times, which come with a VTIMEZONE built from the platform's zone data.
 * Lines are folded at 75 octets; text is escaped.
 *
 * Never throws: an invalid plan, a missing protocol or one that does not match the plan refuse
 * the call (`ok: false`); an invalid option is left out with a warning in `findings`. The
 * calendar text never carries findings.
 *
 * @param plan - the plan
 * @param options - its protocol (or `protocols`), and the calendar's options
 * @returns the calendar text (CRLF line endings) with warnings, or the findings that refuse it
 *
 * @example
 * ```ts
 * import { standardProtocol } from 'smp-protocol';
 * import { toICalendar } from 'smp-protocol/ical';
 * import { aPlan } from 'smp-protocol/testing';
 * const plan = aPlan().withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build();
 * const ics = plan.ok ? toICalendar(plan.value, { protocol: standardProtocol, timeZone: 'Europe/London', domain: 'clinic.example' }) : plan;
 * ics.ok && ics.value; // BEGIN:VCALENDAR … UID:plan-1-s2@clinic.example … DTSTART;TZID=Europe/London:20260402T100000 …
 * ```
 */
export function toICalendar(plan: Plan, options: ICalendarOptions): Outcome<string> {
  return guardedCall([plan, options] as const, ['plan', 'options'], exportBoundary, (plan, options) => {
    const args = exportArguments(plan, options);
    if (!args.ok) return args;
    const findings: Finding[] = [];
    const s = readSettings(options, findings);
    const clock = new Clock(s.zone);
    const events: string[] = [];
    for (const h of sessionHistories(args.plan, args.protocol)) {
      events.push(...sessionEvent(h, args.plan, args.protocol, s, clock));
      if (s.aftercare) events.push(...aftercareEvents(h, args.plan, args.protocol, s));
    }
    const timezone = clock.zoned && s.zone !== undefined ? vtimezone(s.zone, clock.first, clock.last) : [];
    return { ok: true, value: serialize([...header(s.name), ...timezone, ...events, 'END:VCALENDAR']), findings };
  });
}
