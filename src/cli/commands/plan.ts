/** `smp-protocol plan`: the proposed course from a first session. @internal @module */
import { applyEvent, createPlan, forecast, toInstant } from 'smp-protocol';
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { courseLines } from '../course.js';
import { CliError } from '../io.js';
import { loadProtocol, protocolIds } from '../load.js';
import { emit, help } from '../print.js';

const USAGE = `Usage: smp-protocol plan --start <YYYY-MM-DDTHH:mm> --zone <IANA zone> [--protocol <id|file>] [--id <plan id>] [--client <client id>] [--json]

The proposed course: session 1 booked at --start (local time in --zone), and the window of every
later session from it, in local dates. Protocols: ${protocolIds.join(', ')}, or a JSON file.
--json writes the plan itself (session 1 booked), a plan file that validate, forecast, slots, ics,
fhir and timeline read: smp-protocol plan … --json > plan.json`;

/** The `plan` command. */
export const plan: Command = {
  summary: 'the proposed course from a first session',
  usage: USAGE,
  async run(args) {
    const { values } = readArgs(
      args,
      {
        start: { type: 'string' },
        zone: { type: 'string' },
        protocol: { type: 'string' },
        id: { type: 'string' },
        client: { type: 'string' },
      },
      USAGE,
    );
    if (values.help === true) return help(USAGE);
    if (values.start === undefined || values.zone === undefined) throw new CliError(`plan needs --start and --zone\n\n${USAGE}`);
    const protocol = await loadProtocol(values.protocol, 'standard');
    const json = values.json === true;
    const start = toInstant(values.start, values.zone);
    if (!start.ok) return emit({ verdict: start, json: start }, json);
    const created = createPlan({
      id: values.id ?? 'plan-1',
      clientId: values.client ?? 'client-1',
      protocol,
      timeZone: values.zone,
      createdAt: start.value,
    });
    if (!created.ok) return emit({ verdict: created, json: created }, json);
    const booked = applyEvent(
      created.value,
      { id: 'plan-session-1', type: 'sessionBooked', at: start.value, session: 1, start: start.value },
      { protocol },
    );
    if (!booked.ok) return emit({ verdict: booked, json: booked }, json);
    const projected = forecast(booked.value, { protocol, asOf: start.value });
    if (!projected.ok) return emit({ verdict: projected, json: projected }, json);
    return emit(
      {
        verdict: { ok: true, findings: [...booked.findings, ...projected.value.findings] },
        json: booked.value,
        lines: [
          `${protocol.name} (${protocol.id} v${protocol.version}), clinic time zone ${values.zone}`,
          ...courseLines(booked.value, protocol, projected.value, false),
        ],
      },
      json,
    );
  },
};
