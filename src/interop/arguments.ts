/**
 * The arguments every export reads: a plan, its protocol and a few options, checked through the
 * root entry's public API. An export always returns its document; problems go inside it.
 * @internal
 * @module
 */
import { defineProtocol, english, localDateOf, parsePlan, type Finding, type Plan, type Protocol } from 'smp-protocol';

/** The checked plan and protocol, or the findings that stop the export. */
export type ExportArguments = { ok: true; plan: Plan; protocol: Protocol; findings: Finding[] } | { ok: false; findings: Finding[] };

function prefixed(findings: readonly Finding[], prefix: (string | number)[]): Finding[] {
  return findings.map((f) => (f.path === undefined ? f : { ...f, path: [...prefix, ...f.path] }));
}

/** An `INVALID_INPUT` finding about an option. */
export function optionFinding(path: (string | number)[], detail: string, severity: Finding['severity'] = 'warning'): Finding {
  const where = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  const params = { path: where, problem: 'invalid', detail };
  return { code: 'INVALID_INPUT', severity, message: english.INVALID_INPUT(params), path, params };
}

/** An `INTERNAL_ERROR` finding for an unexpected exception (no export throws). */
export function internalError(error: unknown): Finding {
  const detail = (error instanceof Error ? `${error.name}: ${error.message}` : 'unknown failure').slice(0, 200);
  return { code: 'INTERNAL_ERROR', severity: 'error', message: english.INTERNAL_ERROR({ detail }), params: { detail } };
}

/** Checks the plan, `options.protocol` and that the plan follows that protocol. */
export function exportArguments(plan: unknown, options: unknown): ExportArguments {
  const planOut = parsePlan(plan);
  const rawProtocol = typeof options === 'object' && options !== null ? (options as { protocol?: unknown }).protocol : undefined;
  const protocolOut =
    rawProtocol === undefined
      ? { ok: false as const, findings: [optionFinding(['options', 'protocol'], 'a protocol is required (the one the plan follows)', 'error')] }
      : defineProtocol(rawProtocol);
  const findings = [
    ...(planOut.ok ? [] : prefixed(planOut.findings, ['plan'])),
    ...(protocolOut.ok ? [] : prefixed(protocolOut.findings, ['options', 'protocol'])),
  ];
  if (!planOut.ok || !protocolOut.ok) return { ok: false, findings };
  const p = planOut.value;
  const protocol = protocolOut.value;
  if (p.protocol.id !== protocol.id || p.protocol.version !== protocol.version) {
    const params = { planProtocol: p.protocol.id, planVersion: p.protocol.version, protocol: protocol.id, version: protocol.version };
    return { ok: false, findings: [{ code: 'PROTOCOL_MISMATCH', severity: 'error', message: english.PROTOCOL_MISMATCH(params), params }] };
  }
  return { ok: true, plan: p, protocol, findings: [] };
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
