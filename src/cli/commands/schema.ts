/** `smp-protocol schema`: the JSON Schemas we publish. @internal @module */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { schemas } from 'smp-protocol';
import { conformanceCaseSchema } from 'smp-protocol/testing';
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { CliError } from '../io.js';
import { emit, help } from '../print.js';

const USAGE = `Usage: smp-protocol schema <name> [--json]
       smp-protocol schema --write <dir> [--json]

Prints the JSON Schema (draft 2020-12) of: plan, event, protocol, intake, availability,
conformance-case, conformance-file. --write writes them all as <dir>/<name>.json (with --json,
the list of files written).`;

/** The JSON Schemas we publish, by name. */
export function jsonSchemas(): Record<string, unknown> {
  const file = z.strictObject({
    $schema: z.optional(z.string()),
    description: z.optional(z.string()),
    cases: z.array(conformanceCaseSchema),
  });
  const named: Record<string, z.core.$ZodType> = {
    plan: schemas.plan,
    event: schemas.event,
    protocol: schemas.protocol,
    intake: schemas.intake,
    availability: schemas.availability,
    'conformance-case': conformanceCaseSchema,
    'conformance-file': file,
  };
  const result: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(named)) {
    result[name] = {
      $id: `urn:smp-protocol:schema:${name}`,
      title: `smp-protocol ${name}`,
      ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }),
    };
  }
  return result;
}

/** The `schema` command. */
export const schema: Command = {
  summary: 'print a JSON Schema (plan, event, protocol, intake, availability, …)',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = readArgs(args, { write: { type: 'string' } }, USAGE);
    if (values.help === true) return help(USAGE);
    const all = jsonSchemas();
    if (values.write !== undefined) {
      await mkdir(values.write, { recursive: true });
      const written: string[] = [];
      for (const [name, s] of Object.entries(all)) {
        const path = join(values.write, `${name}.json`);
        await writeFile(path, `${JSON.stringify(s, null, 2)}\n`);
        written.push(path);
      }
      return emit(
        { verdict: { ok: true, findings: [] }, json: { written }, lines: [`wrote ${written.length} schemas to ${values.write}`] },
        values.json === true,
      );
    }
    const name = positionals[0];
    if (name === undefined) throw new CliError(`missing <name>\n\n${USAGE}`);
    const found = Object.hasOwn(all, name) ? all[name] : undefined;
    if (found === undefined) throw new CliError(`unknown schema "${name}"; one of: ${Object.keys(all).join(', ')}`);
    // The schema is JSON already: --json prints the same document.
    return emit({ verdict: { ok: true, findings: [] }, json: found, document: JSON.stringify(found, null, 2) }, values.json === true);
  },
};
