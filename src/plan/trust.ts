/**
 * Plans this library built are frozen and remembered, so that readers skip re-validating them;
 * anything else passed as a `Plan` is parsed first, because "typed" input may still be raw JSON.
 * @internal
 * @module
 */
import type { Finding, Outcome } from '../findings/codes.js';
import { fail, finding } from '../findings/finding.js';
import { defineProtocol } from '../protocol/define.js';
import type { Protocol } from '../protocol/schema.js';
import { formatPath, inputFinding } from '../schema/issues.js';
import { english, inputDetails } from '../findings/messages.js';
import type { Plan } from './schema.js';

const trustedPlans = new WeakSet<object>();

/** Freezes a plan built by this library (its own objects; events and sessions are frozen when built) and trusts it. */
export function sealPlan(plan: Plan): Plan {
  Object.freeze(plan.sessions);
  Object.freeze(plan.history);
  Object.freeze(plan);
  trustedPlans.add(plan);
  return plan;
}

/** Whether `value` is a plan this library built. */
export function isTrustedPlan(value: unknown): value is Plan {
  return typeof value === 'object' && value !== null && trustedPlans.has(value);
}

/** Findings with every path prefixed (for arguments other than the main input); the `path` param
 * and the message follow, so they name the same place as `path`. */
export function prefixed(findings: readonly Finding[], prefix: (string | number)[]): Finding[] {
  return findings.map((f) => {
    if (f.path === undefined) return f;
    const path = [...prefix, ...f.path];
    if (typeof f.params?.path !== 'string') return { ...f, path };
    const params = { ...f.params, path: formatPath(path) };
    // Same code, same params but the path: still that code's params (the spread loses the pairing).
    return { ...f, path, params, message: english[f.code]({ ...params, severity: f.severity }) } as Finding;
  });
}

/** The protocol from a call's options, validated (cached for frozen protocols). */
export function protocolOption(options: unknown): Outcome<Protocol> {
  if (typeof options !== 'object' || options === null) {
    return fail([inputFinding(['options'], inputDetails.notObject('an object with a protocol'))]);
  }
  const protocol = (options as { protocol?: unknown }).protocol;
  if (protocol === undefined) return fail([inputFinding(['options', 'protocol'], inputDetails.required('a protocol'))]);
  const out = defineProtocol(protocol);
  return out.ok ? out : fail(prefixed(out.findings, ['options', 'protocol']));
}

/** `PROTOCOL_MISMATCH` when the plan was made for another protocol id or version. */
export function protocolMismatch(plan: Plan, protocol: Protocol, severity: 'error' = 'error'): Finding | undefined {
  if (plan.protocol.id === protocol.id && plan.protocol.version === protocol.version) return undefined;
  return finding('PROTOCOL_MISMATCH', severity, {
    planProtocol: plan.protocol.id,
    planVersion: plan.protocol.version,
    protocol: protocol.id,
    version: protocol.version,
  });
}

