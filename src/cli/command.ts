/**
 * The shape of a CLI command: a one-line summary for the command list, its usage (`--help`), and
 * its run function, which returns the exit code.
 * @internal
 * @module
 */

/** A command of the `smp-protocol` CLI. */
export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}
