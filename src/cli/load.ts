/**
 * Reading the CLI's inputs: a protocol (a built-in id or a JSON file) and a stored plan.
 * @internal
 * @module
 */
import { access } from 'node:fs/promises';
import { defineProtocol, parsePlan, protocols, type Plan, type Protocol } from 'smp-protocol';
import { CliError, readJson } from './io.js';
import { findingLines } from './print.js';
import { exitOf } from './exit.js';

/** The built-in protocols' ids, for messages and usage texts. */
export const protocolIds: readonly string[] = Object.keys(protocols);

function builtIn(id: string): Protocol | undefined {
  return Object.hasOwn(protocols, id) ? (protocols as Readonly<Record<string, Protocol>>)[id] : undefined;
}

/** Findings as an indented block, for an error message on stderr. */
export function describe(findings: Parameters<typeof findingLines>[0]): string {
  return findingLines(findings, process.stderr)
    .map((line) => `  ${line}`)
    .join('\n');
}

/**
 * The protocol `--protocol` names: a built-in id, else a protocol JSON file; `fallbackId` (the
 * plan's own protocol, or `standard`) without the option. An unknown id lists the valid ones.
 */
export async function loadProtocol(spec: string | undefined, fallbackId: string): Promise<Protocol> {
  const id = spec ?? fallbackId;
  const known = builtIn(id);
  if (known !== undefined) return known;
  const exists =
    spec !== undefined &&
    (await access(spec).then(
      () => true,
      () => false,
    ));
  if (!exists) {
    const what =
      spec === undefined
        ? `the plan's protocol "${id}" is not built in; pass --protocol <file>`
        : `unknown protocol "${id}": not a built-in id nor a file`;
    throw new CliError(`${what}. Built-in protocols: ${protocolIds.join(', ')}`);
  }
  const outcome = defineProtocol(await readJson(spec));
  if (!outcome.ok) throw new CliError(`${spec} is not a valid protocol:\n${describe(outcome.findings)}`);
  return outcome.value;
}

/** Reads a stored plan (a file or `-`); a plan that does not parse breaks a rule (exit 1). */
export async function planFile(path: string | undefined, usage: string): Promise<Plan> {
  if (path === undefined) throw new CliError(`missing <plan.json>\n\n${usage}`);
  const parsed = parsePlan(await readJson(path));
  if (!parsed.ok)
    throw new CliError(
      `${path} is not a valid plan:\n${describe(parsed.findings)}`,
      exitOf({ ok: false, findings: parsed.findings, judgesInput: true }),
    );
  return parsed.value;
}
