/** `smp-protocol fhir`: the plan as a FHIR R4 Bundle. @internal @module */
import { toFhir, toPlanDefinition } from 'smp-protocol/fhir';
import { instantOption, readArgs } from '../args.js';
import type { Command } from '../command.js';
import { loadProtocol, planFile } from '../load.js';
import { emit, help } from '../print.js';

const USAGE = `Usage: smp-protocol fhir <plan.json|-> [--protocol <id|file>] [--as-of <instant>] [--transaction] [--json]
       smp-protocol fhir --plan-definition [--protocol <id|file>] [--json]

The plan as a FHIR R4 Bundle (CarePlan, Appointments, Procedures, the protocol's PlanDefinition,
and the forecast as Observations when --as-of is given), or the protocol alone as a PlanDefinition.
--json prints the Outcome { ok, value: the resource, findings }.`;

/** The `fhir` command. */
export const fhir: Command = {
  summary: 'the plan as a FHIR R4 Bundle',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = readArgs(
      args,
      {
        protocol: { type: 'string' },
        'as-of': { type: 'string' },
        transaction: { type: 'boolean' },
        'plan-definition': { type: 'boolean' },
      },
      USAGE,
    );
    if (values.help === true) return help(USAGE);
    const json = values.json === true;
    if (values['plan-definition'] === true) {
      const resource = toPlanDefinition(await loadProtocol(values.protocol, 'standard'));
      return emit(
        { verdict: resource, json: resource, ...(resource.ok ? { document: JSON.stringify(resource.value, null, 2) } : {}) },
        json,
      );
    }
    const p = await planFile(positionals[0], USAGE);
    const protocol = await loadProtocol(values.protocol, p.protocol.id);
    const options: Parameters<typeof toFhir>[1] = { protocol };
    if (values['as-of'] !== undefined) options.asOf = instantOption(values['as-of'], 'as-of');
    if (values.transaction === true) options.transaction = true;
    const bundle = toFhir(p, options);
    return emit({ verdict: bundle, json: bundle, ...(bundle.ok ? { document: JSON.stringify(bundle.value, null, 2) } : {}) }, json);
  },
};
