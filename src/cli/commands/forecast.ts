/** `smp-protocol forecast`: when each next session is due. @internal @module */
import { forecast as forecastOf } from 'smp-protocol';
import { instantOption, readArgs } from '../args.js';
import type { Command } from '../command.js';
import { courseLines, localDate } from '../course.js';
import { loadProtocol, planFile } from '../load.js';
import { emit, help } from '../print.js';
import { clockIn, dayInWords } from '../words.js';

const USAGE = `Usage: smp-protocol forecast <plan.json|-> [--as-of <instant>] [--protocol <id|file>] [--json]

When each session of a stored plan can be booked, is best booked and is past due, in local dates
in the plan's time zone, and where it stands as of --as-of (default: now). --json prints the
Forecast (or { findings } when it cannot be made).`;

/** The `forecast` command. */
export const forecast: Command = {
  summary: 'when each next session is due',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = readArgs(args, { protocol: { type: 'string' }, 'as-of': { type: 'string' } }, USAGE);
    if (values.help === true) return help(USAGE);
    const asOf = instantOption(values['as-of'], 'as-of');
    const p = await planFile(positionals[0], USAGE);
    const protocol = await loadProtocol(values.protocol, p.protocol.id);
    const outcome = forecastOf(p, { protocol, asOf });
    if (!outcome.ok) return emit({ verdict: outcome, json: { findings: outcome.findings } }, values.json === true);
    const f = outcome.value;
    const head = `Plan ${p.id} (${p.status}) as of ${clockIn(asOf, p.timeZone)} on ${dayInWords(localDate(asOf, p.timeZone))}`;
    return emit(
      { verdict: { ok: true, findings: f.findings }, json: f, lines: [head, ...courseLines(p, protocol, f, true)] },
      values.json === true,
    );
  },
};
