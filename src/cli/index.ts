/**
 * The `smp-protocol` command line. Node only; the one part of the package that reads the clock,
 * files and standard input. Each command lives in `commands/<name>.ts`; `table.ts` lists them.
 * @internal
 * @module
 */
import { readFileSync } from 'node:fs';
import { EXIT } from './exit.js';
import { CliError, colours } from './io.js';
import { commands } from './table.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: smp-protocol <command> [options]

Scalp micropigmentation course rules: plans, spacing, forecasts, screening, conformance.

Commands:
${lines.join('\n')}

Options:
  -h, --help     help for smp-protocol or a command (smp-protocol <command> --help)
  -v, --version  the version
  --json         one JSON document on stdout instead of text (every command but serve)

Exit codes: 0 fine; 1 the input breaks a rule or a case failed; 2 unreadable input or bad usage.`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '-v' || name === '--version') {
    process.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (command === undefined) throw new CliError(`unknown command "${name}"\n\n${usage()}`);
  return command.run(rest);
}

// A reader that stops early (`smp-protocol demo | head`) closes the pipe: stop quietly, as cat does.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const c = colours(process.stderr);
    if (error instanceof CliError) {
      process.stderr.write(`${c.red('smp-protocol:')} ${error.message}\n`);
      process.exitCode = error.code;
    } else {
      process.stderr.write(
        `${c.red('smp-protocol: unexpected error:')} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 70;
    }
  },
);
