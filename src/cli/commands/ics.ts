/** `smp-protocol ics`: the plan as an iCalendar file. @internal @module */
import { toICalendar, type ICalendarOptions } from 'smp-protocol/ical';
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { CliError } from '../io.js';
import { loadProtocol, planFile } from '../load.js';
import { emit, help } from '../print.js';

const USAGE = `Usage: smp-protocol ics <plan.json|-> [--protocol <id|file>] [--tzid] [--domain <domain>] [--name <text>]
                        [--location <text>] [--reminder <minutes>]… [--aftercare] [--notes] [--json]

The plan as an RFC 5545 calendar on stdout: one event per booked or completed session, with stable
UIDs. Times in UTC unless --tzid (local times in the plan's zone, with its VTIMEZONE).
--json prints the Outcome { ok, value: the calendar text, findings }.`;

/** The `ics` command. */
export const ics: Command = {
  summary: 'the plan as an iCalendar file (.ics)',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = readArgs(
      args,
      {
        protocol: { type: 'string' },
        tzid: { type: 'boolean' },
        domain: { type: 'string' },
        name: { type: 'string' },
        location: { type: 'string' },
        reminder: { type: 'string', multiple: true },
        aftercare: { type: 'boolean' },
        notes: { type: 'boolean' },
      },
      USAGE,
    );
    if (values.help === true) return help(USAGE);
    const reminders = (values.reminder ?? []).map((m) => {
      const minutes = Number(m);
      if (m.trim() === '' || !Number.isInteger(minutes) || minutes < 0)
        throw new CliError(`--reminder takes whole minutes before the session, got ${JSON.stringify(m)}`);
      return { minutesBefore: minutes };
    });
    const p = await planFile(positionals[0], USAGE);
    const protocol = await loadProtocol(values.protocol, p.protocol.id);
    const options: ICalendarOptions = { protocol };
    if (values.tzid === true) options.timeZone = p.timeZone;
    if (values.domain !== undefined) options.domain = values.domain;
    if (values.name !== undefined) options.name = values.name;
    if (values.location !== undefined) options.location = values.location;
    if (values.aftercare === true) options.aftercare = true;
    if (values.notes === true) options.notes = true;
    if (reminders.length > 0) options.reminders = reminders;
    const calendar = toICalendar(p, options);
    // An .ics file ends with CRLF: the printer writes it as it is.
    return emit({ verdict: calendar, json: calendar, ...(calendar.ok ? { document: calendar.value } : {}) }, values.json === true);
  },
};
