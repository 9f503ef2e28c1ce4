/** `smp-protocol validate`: checks a stored plan. @internal @module */
import { evaluatePlan, parsePlan, replay, type Evaluation, type Finding, type Plan, type Protocol } from 'smp-protocol';
import { instantOption, readArgs } from '../args.js';
import type { Command } from '../command.js';
import { CliError, readJson } from '../io.js';
import { loadProtocol } from '../load.js';
import { emit, help } from '../print.js';

const USAGE = `Usage: smp-protocol validate <plan.json|-> [--protocol <id|file>] [--as-of <instant>] [--json]

Checks a stored plan: its shape, that its sessions follow from its history under its protocol, and
the evaluation of every session. Exit 0 when nothing is an error, 1 when the plan breaks a rule,
2 for unreadable input or bad usage. --json prints { valid, findings, evaluation }.`;

/** JSON with sorted keys: equal for equal data, whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
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

/** The `validate` command. */
export const validate: Command = {
  summary: 'check a plan; exit 1 when it breaks a rule',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = readArgs(args, { protocol: { type: 'string' }, 'as-of': { type: 'string' } }, USAGE);
    if (values.help === true) return help(USAGE);
    const path = positionals[0];
    if (path === undefined) throw new CliError(`missing <plan.json>\n\n${USAGE}`);
    const asOf = instantOption(values['as-of'], 'as-of');
    const parsed = parsePlan(await readJson(path));
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
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;
    const summary = valid
      ? `${path}: valid${warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}`
      : `${path}: breaks ${errors} rule${errors === 1 ? '' : 's'}`;
    // The plan is what validate judges: a plan with a bad shape breaks a rule (1), it is not unreadable input (2).
    return emit(
      { verdict: { ok: valid, findings, judgesInput: true }, json: { valid, findings, evaluation }, footer: [summary] },
      values.json === true,
    );
  },
};
