/** `smp-protocol timeline`: the plan as an SVG timeline, or the state machine as Mermaid. @internal @module */
import { toMermaid, toTimelineSvg } from 'smp-protocol';
import { instantOption, readArgs } from '../args.js';
import type { Command } from '../command.js';
import { loadProtocol, planFile } from '../load.js';
import { emit, help } from '../print.js';

const USAGE = `Usage: smp-protocol timeline <plan.json|-> [--as-of <instant>] [--protocol <id|file>] [--json]
       smp-protocol timeline --mermaid [--protocol <id|file>] [--json]

The plan as a self-contained SVG timeline on stdout (sessions, recommended windows, healing and
aftercare, today's line), or the plan state machine as a Mermaid diagram.
--json prints the Outcome { ok, value: the SVG or Mermaid text, findings }.`;

/** The `timeline` command. */
export const timeline: Command = {
  summary: 'the plan as an SVG timeline (or the state machine as Mermaid)',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = readArgs(
      args,
      { protocol: { type: 'string' }, 'as-of': { type: 'string' }, mermaid: { type: 'boolean' } },
      USAGE,
    );
    if (values.help === true) return help(USAGE);
    const json = values.json === true;
    if (values.mermaid === true) {
      const diagram = toMermaid(await loadProtocol(values.protocol, 'standard'));
      return emit({ verdict: diagram, json: diagram, ...(diagram.ok ? { document: diagram.value } : {}) }, json);
    }
    const asOf = instantOption(values['as-of'], 'as-of');
    const p = await planFile(positionals[0], USAGE);
    const protocol = await loadProtocol(values.protocol, p.protocol.id);
    const svg = toTimelineSvg(p, { protocol, asOf });
    return emit({ verdict: svg, json: svg, ...(svg.ok ? { document: svg.value } : {}) }, json);
  },
};
