/**
 * The one argument reader of the CLI: every command declares its options, and gets `--help` and
 * `--json` for free. Bad usage is a {@link CliError} (exit 2) that ends with the command's usage.
 * @internal
 * @module
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { localDateOf } from 'smp-protocol';
import { CliError, now } from './io.js';

/** The options a command declares (node:util's `parseArgs` shapes). */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

const common = { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' } } as const;

/** Reads a command's arguments against its options (plus `--help` and `--json`). */
export function readArgs<T extends OptionSpec>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options: { ...options, ...common }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  }
}

/** An instant option (`--as-of`): with an offset, valid; the clock when absent. */
export function instantOption(value: string | undefined, name: string): string {
  if (value === undefined) return now();
  if (!/[Zz]$|[+-]\d{2}:\d{2}$/.test(value)) throw new CliError(`--${name} needs an instant with an offset, e.g. 2026-03-23T10:00:00Z`);
  if (!localDateOf(value, 'UTC').ok) throw new CliError(`--${name}: ${JSON.stringify(value)} is not a valid instant`);
  return value;
}

/** A whole-number option ≥ `min`, or undefined when absent. */
export function wholeOption(value: string | undefined, name: string, min = 1): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min)
    throw new CliError(`--${name} takes a whole number ≥ ${min}, got ${JSON.stringify(value)}`);
  return n;
}
