/**
 * Validating a clinic's own protocol.
 * @module
 */
import type { Finding, Outcome } from '../findings/codes.js';
import { fail, ok } from '../findings/finding.js';
import { inputDetails } from '../findings/messages.js';
import { jsonProblem } from '../schema/fields.js';
import { inputFinding, issuesToFindings } from '../schema/issues.js';
import { deepFreeze } from './builtin.js';
import { protocolSchemas, type Gap, type Protocol } from './schema.js';
import { guardedInput, limitsFinding } from '../schema/limits.js';
import { markSealed } from '../schema/sealed.js';

/** Protocols this library validated (or built); frozen, so they cannot change afterwards. */
const trusted = new WeakSet<object>();
/** Outcomes for frozen inputs that were not ours (e.g. a caller's own frozen literal). */
const checked = new WeakMap<object, Outcome<Protocol>>();

const ORDER = ['absoluteMinimumDays', 'minimumDays', 'earliestRecommendedDays', 'latestRecommendedDays', 'maximumDays'] as const;

function gapOrderFindings(gap: Omit<Gap, 'from'>, path: (string | number)[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 1; i < ORDER.length; i++) {
    const field = ORDER[i] as (typeof ORDER)[number];
    const lower = ORDER[i - 1] as (typeof ORDER)[number];
    const value = gap[field];
    const lowerValue = gap[lower];
    if (value !== undefined && lowerValue !== undefined && value < lowerValue) {
      out.push(inputFinding([...path, field], inputDetails.gapOrder(field, value, lower, lowerValue)));
    }
  }
  return out;
}

function semanticFindings(p: Protocol): Finding[] {
  const out: Finding[] = [];
  p.sessions.forEach((s, i) => {
    if (s.number !== i + 1) out.push(inputFinding(['sessions', i, 'number'], inputDetails.sessionNumber(i + 1, s.number)));
    if (i === 0 && s.gaps.length > 0) out.push(inputFinding(['sessions', 0, 'gaps'], inputDetails.firstSessionGaps()));
    if (i > 0 && s.gaps.length === 0) out.push(inputFinding(['sessions', i, 'gaps'], inputDetails.missingGaps(i + 1)));
    s.gaps.forEach((g, j) => {
      const path = ['sessions', i, 'gaps', j];
      out.push(...gapOrderFindings(g, path));
      if (g.from !== 'previous' && (g.from.session >= i + 1 || g.from.session < 1)) {
        out.push(inputFinding([...path, 'from', 'session'], inputDetails.anchor(i + 1, g.from.session)));
      }
    });
  });
  out.push(...gapOrderFindings(p.extraSessions.gap, ['extraSessions', 'gap']));
  out.push(...careFindings(p));
  return out;
}

function windowOrder(values: [string, number][], path: (string | number)[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 1; i < values.length; i++) {
    const [field, value] = values[i] as [string, number];
    const [lower, lowerValue] = values[i - 1] as [string, number];
    if (value < lowerValue) out.push(inputFinding([...path, field], inputDetails.order(field, value, lower, lowerValue)));
  }
  return out;
}

function careFindings(p: Protocol): Finding[] {
  const out: Finding[] = [];
  const unique = (rules: readonly { rule: string }[], key: string): void => {
    const seen = new Set<string>();
    rules.forEach((r, i) => {
      if (seen.has(r.rule)) out.push(inputFinding([key, i, 'rule'], inputDetails.duplicateRule(r.rule)));
      seen.add(r.rule);
    });
  };
  if (p.aftercare !== undefined) {
    unique(p.aftercare, 'aftercare');
    p.aftercare.forEach((r, i) => {
      if ((r.days === undefined) === (r.hours === undefined)) out.push(inputFinding(['aftercare', i], inputDetails.daysOrHours()));
    });
  }
  if (p.preparation !== undefined) {
    unique(p.preparation, 'preparation');
    p.preparation.forEach((r, i) => {
      if (r.untilHoursBefore !== undefined && r.untilHoursBefore > r.fromHoursBefore) {
        out.push(
          inputFinding(
            ['preparation', i, 'untilHoursBefore'],
            inputDetails.order('fromHoursBefore', r.fromHoursBefore, 'untilHoursBefore', r.untilHoursBefore),
          ),
        );
      }
    });
  }
  if (p.review !== undefined) {
    const r = p.review;
    out.push(
      ...windowOrder(
        [
          ['earliestDays', r.earliestDays],
          ['recommendedDays', r.recommendedDays],
          ['latestDays', r.latestDays],
        ],
        ['review'],
      ),
    );
  }
  if (p.maintenance !== undefined) {
    const m = p.maintenance;
    out.push(
      ...windowOrder(
        [
          ['earliestMonths', m.earliestMonths],
          ['recommendedMonths', m.recommendedMonths],
          ['latestMonths', m.latestMonths],
        ],
        ['maintenance'],
      ),
    );
  }
  return out;
}

/**
 * Validates a protocol given as untrusted data (a clinic's own, or one read from JSON).
 *
 * Checks the shape, day counts in order (absolute minimum ≤ minimum ≤ earliest recommended ≤
 * latest recommended ≤ maximum), sessions numbered 1..n, at least one session, gaps only after
 * the first session, and anchors that name an earlier session. Each problem is a finding with the
 * path to it. The returned protocol is a frozen copy.
 *
 * @param input - anything; typically parsed JSON
 * @returns the frozen protocol, or findings that say what is wrong and where
 *
 * @example
 * ```ts
 * import { defineProtocol, standardProtocol } from 'smp-protocol';
 * const mine = defineProtocol({ ...standardProtocol, id: 'my-clinic', version: 3 });
 * mine.ok; // true
 * const bad = defineProtocol({ ...standardProtocol, sessions: [] });
 * bad.ok ? undefined : bad.findings[0]?.path; // ['sessions']
 * ```
 */
export function defineProtocol(input: unknown): Outcome<Protocol> {
  if (typeof input === 'object' && input !== null) {
    if (trusted.has(input)) return ok(input as Protocol);
    const cached = checked.get(input);
    if (cached !== undefined) return cached;
  }
  // Read once into plain data: a throwing getter or Proxy is INVALID_INPUT at its path.
  const outcome = guardedInput([input] as const, [''], (input) => validate(input));
  try {
    if (typeof input === 'object' && input !== null && Object.isFrozen(input)) checked.set(input, outcome);
  } catch {
    // A Proxy whose traps throw: its outcome (already a refusal) is simply not cached.
  }
  return outcome;
}

function validate(input: unknown): Outcome<Protocol> {
  const tooBig = limitsFinding(input);
  if (tooBig !== undefined) return fail([tooBig]);
  // zod drops a `__proto__` key (in `screening.conditions`, say) without a word: refuse it first.
  const raw = jsonProblem(input);
  if (raw?.detail === 'metadataKey') return fail([inputFinding(raw.path, inputDetails.metadataKey())]);
  const parsed = protocolSchemas().protocolSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return fail(issuesToFindings(parsed.error.issues));
  const problems = semanticFindings(parsed.data);
  if (problems.length > 0) return fail(problems);
  const frozen = deepFreeze(parsed.data);
  trusted.add(frozen);
  markSealed(frozen);
  return ok(frozen);
}
