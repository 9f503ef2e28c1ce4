/**
 * The one printer of the CLI. A command hands over a {@link Report}; this module writes it, human
 * or `--json`, and returns the exit code {@link exitOf} decides. Rules, the same for every command:
 * - `--json`: one JSON document on stdout, whatever the outcome (0, 1, or 2 for findings about
 *   the input); nothing else on stdout. Bad usage and unreadable files end before any result:
 *   a message on stderr only.
 * - human: the result on stdout, then its findings; when stdout carries a document (an .ics file,
 *   an SVG, a FHIR Bundle), the findings go to stderr so the document stays clean; when the input
 *   could not be read (exit 2), the findings go to stderr and stdout stays empty.
 * @internal
 * @module
 */
import type { Finding } from 'smp-protocol';
import { type ExitCode, EXIT, exitOf, type Verdict } from './exit.js';
import { colours } from './io.js';

/** What a command produced, before it is printed. */
export interface Report {
  /** The Outcome's verdict: decides the exit code. */
  verdict: Verdict;
  /** What `--json` prints. */
  json: unknown;
  /** The human result, line by line (stdout). */
  lines?: readonly string[];
  /** Human lines after the findings (a summary). */
  footer?: readonly string[];
  /** A document for stdout (iCalendar, SVG, JSON, Mermaid): findings then go to stderr. */
  document?: string;
}

/** Writes one line to stdout. */
export function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Findings as lines: `error   SPACING_TOO_SOON (session 2): …`, coloured on a terminal. */
export function findingLines(findings: readonly Finding[], stream: NodeJS.WriteStream): string[] {
  const c = colours(stream);
  return findings.map((f) => {
    const tag = f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.dim('info   ');
    return `${tag} ${f.code}${f.session === undefined ? '' : ` (session ${f.session})`}: ${f.message}`;
  });
}

/** Prints a report (human, or JSON with `json`) and returns its exit code. */
export function emit(report: Report, json: boolean): ExitCode {
  const code = exitOf(report.verdict);
  const findings = report.verdict.findings;
  if (json) {
    out(JSON.stringify(report.json, null, 2));
    return code;
  }
  if (code === EXIT.usage) {
    for (const line of findingLines(findings, process.stderr)) process.stderr.write(`${line}\n`);
    return code;
  }
  if (report.document !== undefined) {
    process.stdout.write(report.document.endsWith('\n') ? report.document : `${report.document}\n`);
    for (const line of findingLines(findings, process.stderr)) process.stderr.write(`${line}\n`);
    return code;
  }
  for (const line of report.lines ?? []) out(line);
  for (const line of findingLines(findings, process.stdout)) out(line);
  for (const line of report.footer ?? []) out(line);
  return code;
}

/** Prints a command's usage (`--help`): exit 0. */
export function help(usage: string): ExitCode {
  out(usage);
  return EXIT.ok;
}
