/**
 * The CLI's contact with the outside: files, standard input, the clock, colours.
 * @internal
 * @module
 */
import { readFile } from 'node:fs/promises';
import { EXIT } from './exit.js';

/** An error that ends the command with a message on stderr and an exit code (2 unless told). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.usage,
  ) {
    super(message);
  }
}

/** The one read of the clock in the whole package. */
export function now(): string {
  return new Date().toISOString();
}

/** Reads a file (or standard input for `-`) as text. */
export async function readText(path: string): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new CliError(`cannot read ${path}: ${reason}`);
  }
}

/** Reads and parses a JSON file (or `-`). */
export async function readJson(path: string): Promise<unknown> {
  const text = await readText(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${path === '-' ? 'standard input' : path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Whether to colour a stream: only a TTY, and never with NO_COLOR set (https://no-color.org). */
export function colours(stream: NodeJS.WriteStream): {
  red: (s: string) => string;
  yellow: (s: string) => string;
  green: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
} {
  const on = stream.isTTY === true && (process.env.NO_COLOR ?? '') === '';
  const wrap = (open: number, close: number) => (s: string) => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}
