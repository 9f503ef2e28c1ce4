/** `smp-protocol demo`: the worked course plan. @internal @module */
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { runDemo } from '../demo.js';
import { EXIT } from '../exit.js';
import { out, help } from '../print.js';

const USAGE = `Usage: smp-protocol demo [--json]

A real course plan from the built-in protocol, as a clinic reads it: screening, each session's
phase and window, a booking refused for spacing, aftercare across a DST change, the windows after
the course, and a whole course proposed against a sample calendar. --json prints the first
client's final plan instead.`;

/** The `demo` command. */
export const demo: Command = {
  summary: 'a worked course plan, printed as a clinic reads it',
  usage: USAGE,
  async run(args) {
    const { values } = readArgs(args, {}, USAGE);
    if (values.help === true) return help(USAGE);
    if (values.json === true) {
      out(
        JSON.stringify(
          runDemo(() => {}),
          null,
          2,
        ),
      );
      return EXIT.ok;
    }
    runDemo(out);
    return EXIT.ok;
  },
};
