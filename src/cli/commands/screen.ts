/** `smp-protocol screen`: screening before session 1. @internal @module */
import { screen as screenIntake } from 'smp-protocol';
import { instantOption, readArgs } from '../args.js';
import type { Command } from '../command.js';
import { CliError, readJson } from '../io.js';
import { loadProtocol } from '../load.js';
import { emit, help } from '../print.js';
import { dayInWords } from '../words.js';

const USAGE = `Usage: smp-protocol screen <intake.json|-> --zone <IANA zone> [--as-of <instant>] [--protocol <id|file>] [--json]

Screens a client before session 1: eligible, deferred (with the earliest start), needsClearance
or ineligible, with one finding per reason. Exit 0 when eligible, 1 otherwise, 2 for an intake
that cannot be read. --json prints the Screening.`;

/** The `screen` command. */
export const screen: Command = {
  summary: 'screen a client before session 1',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = readArgs(
      args,
      { protocol: { type: 'string' }, zone: { type: 'string' }, 'as-of': { type: 'string' } },
      USAGE,
    );
    if (values.help === true) return help(USAGE);
    const path = positionals[0];
    if (path === undefined || values.zone === undefined) throw new CliError(`screen needs <intake.json> and --zone\n\n${USAGE}`);
    const asOf = instantOption(values['as-of'], 'as-of');
    const protocol = await loadProtocol(values.protocol, 'standard');
    const result = screenIntake(await readJson(path), { protocol, asOf, timeZone: values.zone });
    if (!result.ok) return emit({ verdict: result, json: { findings: result.findings } }, values.json === true);
    const s = result.value;
    return emit(
      {
        verdict: { ok: s.outcome === 'eligible', findings: s.findings },
        json: s,
        lines: [
          `${s.outcome}${s.earliestStart === undefined ? '' : ` — earliest start ${dayInWords(s.earliestStart)} (${s.earliestStart})`}`,
        ],
      },
      values.json === true,
    );
  },
};
