/**
 * The CLI's commands. Each one parses its own arguments, prints to stdout (results) and stderr
 * (errors), and returns an exit code.
 * @internal
 * @module
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import * as z from 'zod/mini';
import {
  applyEvent,
  createPlan,
  defineProtocol,
  evaluatePlan,
  findSlots,
  forecast,
  localDateOf,
  parsePlan,
  proposeSchedule,
  protocols,
  replay,
  schemas,
  screen,
  toInstant,
  toMermaid,
  toTimelineSvg,
  findingKinds,
  type Availability,
  type Evaluation,
  type Finding,
  type Forecast,
  type Plan,
  type Protocol,
} from 'smp-protocol';
import { toFhir, toPlanDefinition } from 'smp-protocol/fhir';
import { toICalendar, type ICalendarOptions } from 'smp-protocol/ical';
import { conformanceCaseSchema, runConformanceCase, type ConformanceResult } from 'smp-protocol/testing';
import { runDemo } from './demo.js';
import { serve } from './serve.js';
import { CliError, colours, EXIT, now, readJson } from './io.js';

/** A command: its usage text and its run function. */
export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${usage}`);
  }
}

async function loadProtocol(spec: string | undefined, fallbackId: string): Promise<Protocol> {
  const id = spec ?? fallbackId;
  const builtIn = (protocols as Record<string, Protocol>)[id];
  if (builtIn !== undefined) return builtIn;
  if (spec === undefined) throw new CliError(`protocol "${id}" is not built in; pass --protocol <file>`);
  const outcome = defineProtocol(await readJson(spec));
  if (!outcome.ok) throw new CliError(`${spec} is not a valid protocol:\n${describe(outcome.findings)}`);
  return outcome.value;
}

function describe(findings: readonly Finding[]): string {
  const c = colours(process.stderr);
  return findings
    .map((f) => {
      const tag = f.severity === 'error' ? c.red('error') : f.severity === 'warning' ? c.yellow('warning') : c.dim('info');
      return `  ${tag} ${f.code}: ${f.message}`;
    })
    .join('\n');
}

function printFindings(findings: readonly Finding[]): void {
  const c = colours(process.stdout);
  for (const f of findings) {
    const tag = f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.dim('info   ');
    out(`${tag} ${f.code}${f.session === undefined ? '' : ` (session ${f.session})`}: ${f.message}`);
  }
}

/** Findings on stderr, for the commands whose stdout is a document (ics, fhir, timeline). */
function warnFindings(findings: readonly Finding[]): void {
  for (const f of findings) process.stderr.write(`${f.severity} ${f.code}${f.session === undefined ? '' : ` (session ${f.session})`}: ${f.message}\n`);
}

function instantOption(value: string | undefined, name: string): string {
  if (value === undefined) return now();
  if (!/[Zz]$|[+-]\d{2}:\d{2}$/.test(value)) throw new CliError(`--${name} needs an instant with an offset, e.g. 2026-03-23T10:00:00Z`);
  if (!localDateOf(value, 'UTC').ok) throw new CliError(`--${name}: ${JSON.stringify(value)} is not a valid instant`);
  return value;
}

async function planFile(path: string | undefined, usage: string): Promise<Plan> {
  if (path === undefined) throw new CliError(`missing <plan.json>\n\n${usage}`);
  const parsed = parsePlan(await readJson(path));
  if (!parsed.ok) throw new CliError(`${path} is not a valid plan:\n${describe(parsed.findings)}`, EXIT.rule);
  return parsed.value;
}

/** The exit code an Outcome calls for: 0 ok, 2 when an error is about unreadable input, else 1 (a rule). */
function exitOf(outcome: { ok: boolean; findings: readonly Finding[] }): number {
  if (outcome.ok) return EXIT.ok;
  return outcome.findings.some((f) => f.severity === 'error' && findingKinds[f.code] === 'input') ? EXIT.usage : EXIT.rule;
}

function courseLines(plan: Plan, protocol: Protocol, f: Forecast): string[] {
  const lines: string[] = [];
  for (const s of plan.sessions) {
    const spec = protocol.sessions[s.number - 1];
    const title = spec === undefined ? `${protocol.extraSessions.title} (${protocol.extraSessions.durationMinutes} min)` : `${spec.title} (${spec.durationMinutes} min)`;
    lines.push(`Session ${s.number} · ${s.phase} · ${title} — ${s.state}`);
    const iv = s.completed ?? s.booking;
    if (iv !== undefined) lines.push(`    ${s.state === 'completed' ? 'done' : 'booked'} ${iv.start} – ${iv.end}`);
    const sf = f.sessions[s.number - 1];
    if (sf !== undefined && (s.state === 'pending' || s.number > 1) && s.state !== 'completed' && sf.earliest !== undefined) {
      lines.push(
        sf.pastDue === undefined
          ? `    from ${sf.earliest}`
          : `    earliest ${sf.earliest} · recommended ${sf.recommended} · past due ${sf.pastDue} · latest ${sf.latest ?? '—'}${sf.projected ? ' (projected)' : ''} · ${sf.due}`,
      );
    }
  }
  return lines;
}

const PLAN_USAGE = `Usage: smp-protocol plan --start <YYYY-MM-DDTHH:mm> --zone <IANA zone> [--protocol <id|file>] [--id <plan id>] [--client <client id>] [--json]

The proposed course: session 1 booked at --start (local time in --zone), and the window of every
later session from it. Protocols: ${Object.keys(protocols).join(', ')}, or a JSON file.`;

const plan: Command = {
  summary: 'the proposed course from a first session',
  usage: PLAN_USAGE,
  async run(args) {
    const { values } = parse(args, { start: { type: 'string' }, zone: { type: 'string' }, protocol: { type: 'string' }, id: { type: 'string' }, client: { type: 'string' }, json: { type: 'boolean' } }, PLAN_USAGE);
    if (values.help === true) return help(PLAN_USAGE);
    if (values.start === undefined || values.zone === undefined) throw new CliError(`plan needs --start and --zone\n\n${PLAN_USAGE}`);
    const protocol = await loadProtocol(values.protocol, 'standard');
    const start = toInstant(values.start, values.zone);
    if (!start.ok) throw new CliError(describe(start.findings));
    const created = createPlan({ id: values.id ?? 'plan-1', clientId: values.client ?? 'client-1', protocol, timeZone: values.zone, createdAt: start.value });
    if (!created.ok) throw new CliError(describe(created.findings));
    const booked = applyEvent(created.value, { id: 'plan-session-1', type: 'sessionBooked', at: start.value, session: 1, start: start.value }, { protocol });
    if (!booked.ok) throw new CliError(describe(booked.findings));
    const projected = forecast(booked.value, { protocol, asOf: start.value });
    if (!projected.ok) throw new CliError(describe(projected.findings), EXIT.rule);
    if (values.json === true) {
      out(JSON.stringify({ plan: booked.value, forecast: projected.value }, null, 2));
      return EXIT.ok;
    }
    out(`${protocol.name} (${protocol.id} v${protocol.version}) in ${values.zone}`);
    for (const line of courseLines(booked.value, protocol, projected.value)) out(line);
    return EXIT.ok;
  },
};

const VALIDATE_USAGE = `Usage: smp-protocol validate <plan.json|-> [--protocol <id|file>] [--as-of <instant>] [--json]

Checks a stored plan: its shape, that its sessions follow from its history under its protocol, and
the evaluation of every session. Exit 0 when nothing is an error, 1 when the plan breaks a rule,
2 for unreadable input or bad usage.`;

/** JSON with sorted keys: equal for equal data, whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** The plan a stored plan started from: same identity, nothing booked, empty history. */
function initialOf(p: Plan, protocol: Protocol) {
  const { hold: _h, closure: _c, notBefore: _n, ...rest } = p;
  return parsePlan({
    ...rest,
    status: 'draft',
    sessions: protocol.sessions.map((s) => ({ number: s.number, phase: s.phase, state: 'pending' })),
    history: [],
    version: 0,
  });
}

const validate: Command = {
  summary: 'check a plan; exit 1 when it breaks a rule',
  usage: VALIDATE_USAGE,
  async run(args) {
    const { values, positionals } = parse(args, { protocol: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' } }, VALIDATE_USAGE);
    if (values.help === true) return help(VALIDATE_USAGE);
    const path = positionals[0];
    if (path === undefined) throw new CliError(`missing <plan.json>\n\n${VALIDATE_USAGE}`);
    const asOf = instantOption(values['as-of'], 'as-of');
    const input = await readJson(path);
    const parsed = parsePlan(input);
    const findings: Finding[] = parsed.ok ? [] : [...parsed.findings];
    let evaluation: Evaluation | undefined;
    if (parsed.ok) {
      const protocol = await loadProtocol(values.protocol, parsed.value.protocol.id);
      const initial = initialOf(parsed.value, protocol);
      if (initial.ok) {
        const rebuilt = replay(initial.value, parsed.value.history, { protocol });
        if (!rebuilt.ok) findings.push(...rebuilt.findings.map((f) => ({ ...f, path: ['history', ...(f.path ?? [])] })));
        else if (canonical(rebuilt.value) !== canonical(parsed.value)) {
          findings.push({
            code: 'INVALID_INPUT',
            severity: 'error',
            message: "The plan's sessions and status do not follow from its history: it was edited by hand or by another tool.",
            path: ['sessions'],
          });
        }
      }
      const evaluated = evaluatePlan(parsed.value, { protocol, asOf });
      if (evaluated.ok) {
        evaluation = evaluated.value;
        findings.push(...evaluated.value.findings, ...evaluated.value.sessions.flatMap((s) => s.findings));
      } else findings.push(...evaluated.findings);
    }
    const valid = !findings.some((f) => f.severity === 'error');
    if (values.json === true) out(JSON.stringify({ valid, findings, evaluation }, null, 2));
    else {
      printFindings(findings);
      out(valid ? `${path}: valid${findings.length > 0 ? ` (${findings.length} warning${findings.length === 1 ? '' : 's'})` : ''}` : `${path}: breaks ${findings.filter((f) => f.severity === 'error').length} rule(s)`);
    }
    return valid ? EXIT.ok : EXIT.rule;
  },
};

const FORECAST_USAGE = `Usage: smp-protocol forecast <plan.json|-> [--as-of <instant>] [--protocol <id|file>] [--json]

When each session that is not completed may, should and must happen, as of --as-of (default: now).`;

const forecastCommand: Command = {
  summary: 'when each next session is due',
  usage: FORECAST_USAGE,
  async run(args) {
    const { values, positionals } = parse(args, { protocol: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' } }, FORECAST_USAGE);
    if (values.help === true) return help(FORECAST_USAGE);
    const asOf = instantOption(values['as-of'], 'as-of');
    const p = await planFile(positionals[0], FORECAST_USAGE);
    const protocol = await loadProtocol(values.protocol, p.protocol.id);
    const outcome = forecast(p, { protocol, asOf });
    if (values.json === true) out(JSON.stringify(outcome.ok ? outcome.value : { findings: outcome.findings }, null, 2));
    else if (outcome.ok) {
      const f = outcome.value;
      out(`Plan ${p.id} (${p.status}) as of ${asOf}`);
      for (const line of courseLines(p, protocol, f)) out(line);
      if (f.review !== undefined) out(`Review ${f.review.earliest} – ${f.review.latest} (recommended ${f.review.recommended})`);
      if (f.maintenance !== undefined) out(`Maintenance ${f.maintenance.earliest} – ${f.maintenance.latest} (recommended ${f.maintenance.recommended})`);
      printFindings(outcome.findings);
    } else printFindings(outcome.findings);
    return exitOf(outcome);
  },
};

const SCREEN_USAGE = `Usage: smp-protocol screen <intake.json|-> --zone <IANA zone> [--as-of <instant>] [--protocol <id|file>] [--json]

Screens a client before session 1: eligible, deferred (with the earliest start), needsClearance
or ineligible, with one finding per reason. Exit 0 when eligible, 1 otherwise.`;

const screenCommand: Command = {
  summary: 'screen a client before session 1',
  usage: SCREEN_USAGE,
  async run(args) {
    const { values, positionals } = parse(args, { protocol: { type: 'string' }, zone: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' } }, SCREEN_USAGE);
    if (values.help === true) return help(SCREEN_USAGE);
    const path = positionals[0];
    if (path === undefined || values.zone === undefined) throw new CliError(`screen needs <intake.json> and --zone\n\n${SCREEN_USAGE}`);
    const asOf = instantOption(values['as-of'], 'as-of');
    const protocol = await loadProtocol(values.protocol, 'standard');
    const result = screen(await readJson(path), { protocol, asOf, timeZone: values.zone });
    if (!result.ok) throw new CliError(`${path} is not a valid intake:\n${describe(result.findings)}`);
    if (values.json === true) out(JSON.stringify(result.value, null, 2));
    else {
      out(`${result.value.outcome}${result.value.earliestStart === undefined ? '' : ` — earliest start ${result.value.earliestStart}`}`);
      printFindings(result.value.findings);
    }
    return result.value.outcome === 'eligible' ? EXIT.ok : EXIT.rule;
  },
};

/** The JSON Schemas we publish, by name. */
export function jsonSchemas(): Record<string, unknown> {
  const file = z.strictObject({ $schema: z.optional(z.string()), description: z.optional(z.string()), cases: z.array(conformanceCaseSchema) });
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

const SCHEMA_USAGE = `Usage: smp-protocol schema <name>
       smp-protocol schema --write <dir>

Prints the JSON Schema (draft 2020-12) of: plan, event, protocol, intake, availability,
conformance-case, conformance-file. --write writes them all as <dir>/<name>.json.`;

const schemaCommand: Command = {
  summary: 'print a JSON Schema (plan, event, protocol, intake, availability, …)',
  usage: SCHEMA_USAGE,
  async run(args) {
    const { values, positionals } = parse(args, { write: { type: 'string' } }, SCHEMA_USAGE);
    if (values.help === true) return help(SCHEMA_USAGE);
    const all = jsonSchemas();
    if (values.write !== undefined) {
      const { mkdir, writeFile } = await import('node:fs/promises');
      await mkdir(values.write, { recursive: true });
      for (const [name, schema] of Object.entries(all)) await writeFile(join(values.write, `${name}.json`), `${JSON.stringify(schema, null, 2)}\n`);
      out(`wrote ${Object.keys(all).length} schemas to ${values.write}`);
      return EXIT.ok;
    }
    const name = positionals[0];
    if (name === undefined) throw new CliError(`missing <name>\n\n${SCHEMA_USAGE}`);
    const schema = all[name];
    if (schema === undefined) throw new CliError(`unknown schema "${name}"; one of: ${Object.keys(all).join(', ')}`);
    out(JSON.stringify(schema, null, 2));
    return EXIT.ok;
  },
};

const CONFORMANCE_USAGE = `Usage: smp-protocol conformance [dir] [--as-of <instant>] [--json]

Runs the conformance corpus (default: the one shipped in the package) and prints Pass or Fail per
case, then "N passed, M failed". Relative dates are measured from --as-of (default: now).
Exit 0 when every case passes, 1 otherwise.`;

const conformance: Command = {
  summary: 'run the conformance corpus',
  usage: CONFORMANCE_USAGE,
  async run(args) {
    const { values, positionals } = parse(args, { 'as-of': { type: 'string' }, json: { type: 'boolean' } }, CONFORMANCE_USAGE);
    if (values.help === true) return help(CONFORMANCE_USAGE);
    const asOf = instantOption(values['as-of'], 'as-of');
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
      const content = (await readJson(join(dir, file))) as { cases?: unknown };
      const cases = Array.isArray(content.cases) ? content.cases : Array.isArray(content) ? content : [content];
      for (const c of cases as unknown[]) {
        const r = runConformanceCase(c, { asOf });
        results.push(r.ok ? { file, ...r.value } : { file, id: '(invalid case)', passed: false, failures: r.findings.map((f) => f.message) });
      }
    }
    const passed = results.filter((r) => r.passed).length;
    const failed = results.length - passed;
    if (values.json === true) out(JSON.stringify({ asOf, passed, failed, results }, null, 2));
    else {
      const c = colours(process.stdout);
      for (const r of results) {
        out(`${r.passed ? c.green('Pass') : c.red('Fail')} ${r.file} ${r.id}`);
        for (const f of r.failures) out(`       ${f}`);
      }
      out(`${passed} passed, ${failed} failed`);
    }
    return failed === 0 ? EXIT.ok : EXIT.rule;
  },
};

const SLOTS_USAGE = `Usage: smp-protocol slots <plan.json|-> --availability <availability.json> [--as-of <instant>]
                          [--session <n>] [--limit <n>] [--propose] [--json]

Free slots for the next (or the named) session that fit both the healing window and the clinic's
calendar, best first; --propose gives one slot per remaining session (the whole course).
Exit 0 with slots, 1 when none fits within the horizon (NO_SLOT_AVAILABLE).`;

const slots: Command = {
  summary: 'free slots that fit the healing window and the clinic calendar',
  usage: SLOTS_USAGE,
  async run(args) {
    const { values, positionals } = parse(
      args,
      { availability: { type: 'string' }, 'as-of': { type: 'string' }, session: { type: 'string' }, limit: { type: 'string' }, propose: { type: 'boolean' }, protocol: { type: 'string' }, json: { type: 'boolean' } },
      SLOTS_USAGE,
    );
    if (values.help === true) return help(SLOTS_USAGE);
    if (values.availability === undefined) throw new CliError(`slots needs --availability <file>\n\n${SLOTS_USAGE}`);
    const asOf = instantOption(values['as-of'], 'as-of');
    const p = await planFile(positionals[0], SLOTS_USAGE);
    const protocol = await loadProtocol(values.protocol, p.protocol.id);
    const availability = await readJson(values.availability);
    const whole = (name: string, value: string | undefined): number | undefined => {
      if (value === undefined) return undefined;
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new CliError(`--${name} takes a whole number ≥ 1, got ${JSON.stringify(value)}`);
      return n;
    };
    const c = colours(process.stdout);
    if (values.propose === true) {
      const proposal = proposeSchedule(p, { protocol, availability: availability as Availability, asOf });
      if (values.json === true) out(JSON.stringify(proposal, null, 2));
      else if (proposal.ok) {
        for (const s of proposal.value.sessions) out(`Session ${s.session}: ${s.start} – ${s.end} (${s.localDate}, ${s.fit}${s.resource === undefined ? '' : `, ${s.resource}`})`);
        printFindings(proposal.findings);
      } else printFindings(proposal.findings);
      if (!proposal.ok && proposal.findings.some((f) => f.code.startsWith('INVALID'))) throw new CliError(describe(proposal.findings));
      return proposal.ok ? EXIT.ok : EXIT.rule;
    }
    const session = whole('session', values.session);
    const limit = whole('limit', values.limit);
    const options: Parameters<typeof findSlots>[1] = {
      protocol,
      availability: availability as Availability,
      asOf,
      ...(session === undefined ? {} : { session }),
      ...(limit === undefined ? {} : { limit }),
    };
    const found = findSlots(p, options);
    if (!found.ok && found.findings.some((f) => f.code.startsWith('INVALID'))) throw new CliError(describe(found.findings));
    if (values.json === true) out(JSON.stringify(found, null, 2));
    else if (found.ok) {
      for (const s of found.value) {
        out(`${c.bold(s.localDate)} ${s.start} – ${s.end} · session ${s.session} · ${s.fit}${s.daysFromAnchor === undefined ? '' : ` · day ${s.daysFromAnchor}`}${s.resource === undefined ? '' : ` · ${s.resource}`}`);
      }
      printFindings(found.findings);
    } else printFindings(found.findings);
    return found.ok ? EXIT.ok : EXIT.rule;
  },
};

const ICS_USAGE = `Usage: smp-protocol ics <plan.json|-> [--protocol <id|file>] [--tzid] [--domain <domain>] [--name <text>]
                        [--location <text>] [--reminder <minutes>]… [--aftercare] [--notes]

The plan as an RFC 5545 calendar on stdout: one event per booked or completed session, with stable
UIDs. Times in UTC unless --tzid (local times in the plan's zone, with its VTIMEZONE).`;

const ics: Command = {
  summary: 'the plan as an iCalendar file (.ics)',
  usage: ICS_USAGE,
  async run(args) {
    const { values, positionals } = parse(
      args,
      {
        protocol: { type: 'string' },
        tzid: { type: 'boolean' },
        domain: { type: 'string' },
        name: { type: 'string' },
        location: { type: 'string' },
        reminder: { type: 'string', multiple: true },
        aftercare: { type: 'boolean' },
        notes: { type: 'boolean' },
      },
      ICS_USAGE,
    );
    if (values.help === true) return help(ICS_USAGE);
    const p = await planFile(positionals[0], ICS_USAGE);
    const protocol = await loadProtocol(values.protocol, p.protocol.id);
    const options: ICalendarOptions = { protocol };
    if (values.tzid === true) options.timeZone = p.timeZone;
    if (values.domain !== undefined) options.domain = values.domain;
    if (values.name !== undefined) options.name = values.name;
    if (values.location !== undefined) options.location = values.location;
    if (values.aftercare === true) options.aftercare = true;
    if (values.notes === true) options.notes = true;
    if (values.reminder !== undefined) {
      options.reminders = values.reminder.map((m) => {
        const minutes = Number(m);
        if (!Number.isInteger(minutes) || minutes < 0) throw new CliError(`--reminder takes whole minutes before the session, got ${JSON.stringify(m)}`);
        return { minutesBefore: minutes };
      });
    }
    const calendar = toICalendar(p, options);
    if (calendar.ok) process.stdout.write(calendar.value);
    warnFindings(calendar.findings);
    return exitOf(calendar);
  },
};

const FHIR_USAGE = `Usage: smp-protocol fhir <plan.json|-> [--protocol <id|file>] [--as-of <instant>] [--transaction]
       smp-protocol fhir --plan-definition [--protocol <id|file>]

The plan as a FHIR R4 Bundle (CarePlan, Appointments, Procedures, the protocol's PlanDefinition,
and the forecast as Observations when --as-of is given), or the protocol alone as a PlanDefinition.`;

const fhir: Command = {
  summary: 'the plan as a FHIR R4 Bundle',
  usage: FHIR_USAGE,
  async run(args) {
    const { values, positionals } = parse(
      args,
      { protocol: { type: 'string' }, 'as-of': { type: 'string' }, transaction: { type: 'boolean' }, 'plan-definition': { type: 'boolean' } },
      FHIR_USAGE,
    );
    if (values.help === true) return help(FHIR_USAGE);
    if (values['plan-definition'] === true) {
      const resource = toPlanDefinition(await loadProtocol(values.protocol, 'standard'));
      if (resource.ok) out(JSON.stringify(resource.value, null, 2));
      warnFindings(resource.findings);
      return exitOf(resource);
    }
    const p = await planFile(positionals[0], FHIR_USAGE);
    const protocol = await loadProtocol(values.protocol, p.protocol.id);
    const options: Parameters<typeof toFhir>[1] = { protocol };
    if (values['as-of'] !== undefined) options.asOf = instantOption(values['as-of'], 'as-of');
    if (values.transaction === true) options.transaction = true;
    const bundle = toFhir(p, options);
    if (bundle.ok) out(JSON.stringify(bundle.value, null, 2));
    warnFindings(bundle.findings);
    return exitOf(bundle);
  },
};

const TIMELINE_USAGE = `Usage: smp-protocol timeline <plan.json|-> [--as-of <instant>] [--protocol <id|file>]
       smp-protocol timeline --mermaid [--protocol <id|file>]

The plan as a self-contained SVG timeline on stdout (sessions, recommended windows, healing and
aftercare, today's line), or the plan state machine as a Mermaid diagram.`;

const timeline: Command = {
  summary: 'the plan as an SVG timeline (or the state machine as Mermaid)',
  usage: TIMELINE_USAGE,
  async run(args) {
    const { values, positionals } = parse(args, { protocol: { type: 'string' }, 'as-of': { type: 'string' }, mermaid: { type: 'boolean' } }, TIMELINE_USAGE);
    if (values.help === true) return help(TIMELINE_USAGE);
    if (values.mermaid === true) {
      const diagram = toMermaid(await loadProtocol(values.protocol, 'standard'));
      if (diagram.ok) out(diagram.value);
      warnFindings(diagram.findings);
      return exitOf(diagram);
    }
    const asOf = instantOption(values['as-of'], 'as-of');
    const p = await planFile(positionals[0], TIMELINE_USAGE);
    const protocol = await loadProtocol(values.protocol, p.protocol.id);
    const svg = toTimelineSvg(p, { protocol, asOf });
    if (svg.ok) out(svg.value);
    warnFindings(svg.findings);
    return exitOf(svg);
  },
};

const DEMO_USAGE = `Usage: smp-protocol demo [--json]

A real course plan from the built-in protocol, as a clinic reads it: screening, each session's
phase and window, a booking refused for spacing, aftercare across a DST change, the windows after
the course, and a whole course proposed against a sample calendar. --json prints the first
client's final plan instead.`;

const demo: Command = {
  summary: 'a worked course plan, printed as a clinic reads it',
  usage: DEMO_USAGE,
  async run(args) {
    const { values } = parse(args, { json: { type: 'boolean' } }, DEMO_USAGE);
    if (values.help === true) return help(DEMO_USAGE);
    if (values.json === true) {
      out(JSON.stringify(runDemo(() => {}), null, 2));
      return EXIT.ok;
    }
    runDemo(out);
    return EXIT.ok;
  },
};

function help(usage: string): number {
  out(usage);
  return EXIT.ok;
}

/** Every command by name. */
export const commands: Record<string, Command> = {
  demo,
  plan,
  validate,
  forecast: forecastCommand,
  screen: screenCommand,
  slots,
  schema: schemaCommand,
  conformance,
  ics,
  fhir,
  timeline,
  serve,
};
