/**
 * The arguments every export reads: a plan, its protocol and a few options, checked through the
 * root entry's public API. A broken call is refused (an Outcome with errors), never a document.
 * @internal
 * @module
 */
import { english, localDateOf, parsePlan, protocolFor, type Finding, type Outcome, type Plan, type Protocol, type ProtocolChoice } from 'smp-protocol';

/** The checked plan and protocol, or the findings that stop the export. */
export type ExportArguments = { ok: true; plan: Plan; protocol: Protocol } | { ok: false; findings: readonly Finding[] };

/** An `INVALID_INPUT` finding about an option. */
export function optionFinding(path: (string | number)[], detail: string, severity: Finding['severity'] = 'warning'): Finding {
  const where = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  const params = { path: where, problem: 'invalid', detail };
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

/** Runs an export; anything it throws becomes an `INTERNAL_ERROR` refusal (no export throws). */
export function guardedExport<T>(body: () => Outcome<T>): Outcome<T> {
  try {
    return body();
  } catch (error) {
    return { ok: false, findings: [internalError(error)] };
  }
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
  const params = { path: where, value: typeof zone === 'string' ? zone.slice(0, 60) : String(zone) };
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
