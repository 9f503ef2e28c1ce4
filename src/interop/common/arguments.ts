/**
 * The arguments every export reads: a plan, its protocol and a few options, checked through the
 * root entry's public API. A broken call is refused (an Outcome with errors), never a document.
 * @internal
 * @module
 */
import {
  english,
  localDateOf,
  previewValue,
  parsePlan,
  protocolFor,
  type Finding,
  type Plan,
  type Protocol,
  type ProtocolChoice,
} from 'smp-protocol';
import { guardedCall, type Boundary } from '../../schema/snapshot.js';

/** The checked plan and protocol, or the findings that stop the export. */
export type ExportArguments = { ok: true; plan: Plan; protocol: Protocol } | { ok: false; findings: readonly Finding[] };

/** An `INVALID_INPUT` finding about an option. */
export function optionFinding(path: (string | number)[], detail: string, severity: Finding['severity'] = 'warning'): Finding {
  const params = { path: pathText(path), problem: 'invalid', detail };
  return { code: 'INVALID_INPUT', severity, message: english.INVALID_INPUT(params), path, params };
}

/**
 * The plan and its protocol, through the root entry's one reader ({@link protocolFor}: the plan
 * parsed, `protocol` or `protocols` matched on the plan's id and version).
 */
export function exportArguments(plan: unknown, options: unknown): ExportArguments {
  // protocolFor reads untrusted arguments; its parameter types are for typed callers.
  const out = protocolFor(plan as Plan, options as ProtocolChoice);
  if (!out.ok) return out;
  const parsed = parsePlan(plan);
  return parsed.ok ? { ok: true, plan: parsed.value, protocol: out.value } : parsed;
}

/** The core's input limits (`inputLimits`), for the snapshot of an export's arguments. */
const exportLimits = { maxArrayLength: 50_000, maxStringLength: 2_000_000, maxDepth: 64, maxNodes: 250_000, maxObjectKeys: 20_000 };

/** Frozen values (plans and protocols this library built) are kept as they are, not copied. */
function frozen(value: object): boolean {
  try {
    return Object.isFrozen(value);
  } catch {
    // A Proxy whose traps throw: copy it, so the snapshot locates the throw.
    return false;
  }
}

/**
 * The exporters' boundary for the one guard ({@link guardedCall}, shared with the core): the
 * core's limits, frozen values kept, and the core's findings built from the public catalogue — a
 * throwing getter or Proxy is `INVALID_INPUT` with the `unreadable` token at its path, a size limit
 * is refused before the values past it are read, anything else thrown is `INTERNAL_ERROR`.
 */
export const exportBoundary: Boundary = {
  limits: exportLimits,
  keep: frozen,
  refuse: (path, problem) => {
    const params = { ...problem, path: pathText(path) };
    return { code: 'INVALID_INPUT', severity: 'error', message: english.INVALID_INPUT(params), path, params };
  },
  internal: (error) => internalError(error),
};

export { guardedCall };

function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** An `INTERNAL_ERROR` finding for an unexpected exception, worded as the root entry words it (a
 * subpath entry reaches the core only through its public name, so it cannot share the core's). */
export function internalError(error: unknown): Finding {
  const detail = (error instanceof Error ? `${error.name}: ${error.message}` : 'unknown failure').slice(0, 200);
  return { code: 'INTERNAL_ERROR', severity: 'error', message: english.INTERNAL_ERROR({ detail }), params: { detail } };
}

/** Whether `zone` is an IANA zone this platform knows; a finding about `path` otherwise. */
export function zoneFinding(zone: unknown, path: (string | number)[], severity: Finding['severity'] = 'warning'): Finding | undefined {
  if (typeof zone === 'string' && localDateOf('2000-01-01T00:00:00Z', zone).ok) return undefined;
  const where = path.join('.');
  // Never String(zone): a null-prototype object or a throwing toString would throw here.
  const params = { path: where, value: typeof zone === 'string' ? zone.slice(0, 60) : previewValue(zone) };
  return { code: 'INVALID_TIME_ZONE', severity, message: english.INVALID_TIME_ZONE(params), path, params };
}

/** The session's title in the protocol (extras use `extraSessions.title`). */
export function sessionTitle(protocol: Protocol, number: number): string {
  return protocol.sessions[number - 1]?.title ?? protocol.extraSessions.title;
}

/** The session's purpose in the protocol. */
export function sessionPurpose(protocol: Protocol, number: number): string {
  return protocol.sessions[number - 1]?.purpose ?? protocol.extraSessions.purpose;
}
