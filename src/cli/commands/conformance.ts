/** `smp-protocol conformance`: runs the conformance corpus. @internal @module */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runConformanceCase, type ConformanceResult } from 'smp-protocol/testing';
import { instantOption, readArgs } from '../args.js';
import type { Command } from '../command.js';
import { CliError, colours, readJson } from '../io.js';
import { emit, help } from '../print.js';

const USAGE = `Usage: smp-protocol conformance [dir] [--as-of <instant>] [--json]

Runs the conformance corpus (default: the one shipped in the package) and prints Pass or Fail per
case, then "N passed, M failed". Relative dates are measured from --as-of (default: now).
Exit 0 when every case passes, 1 otherwise. --json prints { asOf, passed, failed, results }.`;

function casesOf(content: unknown): unknown[] {
  if (Array.isArray(content)) return content;
  if (typeof content === 'object' && content !== null && 'cases' in content && Array.isArray(content.cases)) return content.cases;
  return [content];
}

/** The `conformance` command. */
export const conformance: Command = {
  summary: 'run the conformance corpus',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = readArgs(args, { 'as-of': { type: 'string' } }, USAGE);
    if (values.help === true) return help(USAGE);
    const asOf = instantOption(values['as-of'], 'as-of');
    // dist/cli.js sits beside the package's conformance/ folder.
    const dir = positionals[0] ?? fileURLToPath(new URL('../conformance/', import.meta.url));
    let files: string[];
    try {
      files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
    } catch {
      throw new CliError(`cannot read the directory ${dir}`);
    }
    if (files.length === 0) throw new CliError(`no .json files in ${dir}`);
    const results: (ConformanceResult & { file: string })[] = [];
    for (const file of files) {
      for (const c of casesOf(await readJson(join(dir, file)))) {
        const r = runConformanceCase(c, { asOf });
        results.push(
          r.ok ? { file, ...r.value } : { file, id: '(invalid case)', passed: false, failures: r.findings.map((f) => f.message) },
        );
      }
    }
    const passed = results.filter((r) => r.passed).length;
    const failed = results.length - passed;
    const c = colours(process.stdout);
    const lines = results.flatMap((r) => [
      `${r.passed ? c.green('Pass') : c.red('Fail')} ${r.file} ${r.id}`,
      ...r.failures.map((f) => `       ${f}`),
    ]);
    return emit(
      {
        verdict: { ok: failed === 0, findings: [] },
        json: { asOf, passed, failed, results },
        lines: [...lines, `${passed} passed, ${failed} failed`],
      },
      values.json === true,
    );
  },
};
