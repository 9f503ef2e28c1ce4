/** `smp-protocol slots`: free slots that fit healing and the clinic's calendar. @internal @module */
import { findSlots, parseAvailability, proposeSchedule, type FindSlotsOptions, type Slot } from 'smp-protocol';
import { instantOption, readArgs, wholeOption } from '../args.js';
import type { Command } from '../command.js';
import { CliError, readJson } from '../io.js';
import { loadProtocol, planFile } from '../load.js';
import { emit, help } from '../print.js';
import { dayInWords, fitInWords, intervalIn } from '../words.js';

const USAGE = `Usage: smp-protocol slots <plan.json|-> --availability <availability.json> [--as-of <instant>]
                          [--session <n>] [--limit <n>] [--propose] [--protocol <id|file>] [--json]

Free slots for the next (or the named) session that fit both the healing window and the clinic's
calendar, best first, in the clinic's local time; --propose gives one slot per remaining session
(the whole course). Exit 0 with slots, 1 when none fits within the horizon (NO_SLOT_AVAILABLE),
2 for unreadable input. --json prints the Outcome: { ok, value, findings }.`;

function slotWords(s: Slot, timeZone: string): string {
  const gap = s.daysFromAnchor === undefined ? '' : `, ${s.daysFromAnchor} days after session ${s.session - 1}`;
  return `${dayInWords(s.localDate)}, ${intervalIn(s.start, s.end, timeZone)} · ${fitInWords(s.fit)}${gap}${s.resource === undefined ? '' : ` · ${s.resource}`}`;
}

/** The `slots` command. */
export const slots: Command = {
  summary: 'free slots that fit the healing window and the clinic calendar',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = readArgs(
      args,
      {
        availability: { type: 'string' },
        'as-of': { type: 'string' },
        session: { type: 'string' },
        limit: { type: 'string' },
        propose: { type: 'boolean' },
        protocol: { type: 'string' },
      },
      USAGE,
    );
    if (values.help === true) return help(USAGE);
    if (values.availability === undefined) throw new CliError(`slots needs --availability <file>\n\n${USAGE}`);
    const json = values.json === true;
    const asOf = instantOption(values['as-of'], 'as-of');
    const session = wholeOption(values.session, 'session');
    const limit = wholeOption(values.limit, 'limit');
    const p = await planFile(positionals[0], USAGE);
    const protocol = await loadProtocol(values.protocol, p.protocol.id);
    const availability = parseAvailability(await readJson(values.availability));
    if (!availability.ok) return emit({ verdict: availability, json: availability }, json);
    const zone = availability.value.timeZone;
    if (values.propose === true) {
      const proposal = proposeSchedule(p, { protocol, availability: availability.value, asOf });
      const lines = proposal.ok ? proposal.value.sessions.map((s) => `Session ${s.session}: ${slotWords(s, zone)}`) : [];
      return emit({ verdict: proposal, json: proposal, lines }, json);
    }
    const options: FindSlotsOptions = {
      protocol,
      availability: availability.value,
      asOf,
      ...(session === undefined ? {} : { session }),
      ...(limit === undefined ? {} : { limit }),
    };
    const found = findSlots(p, options);
    const lines = found.ok ? found.value.map((s) => `Session ${s.session}: ${slotWords(s, zone)}`) : [];
    return emit({ verdict: found, json: found, lines }, json);
  },
};
