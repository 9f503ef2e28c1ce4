/**
 * Findings of the store, rendered with the core's public message catalogue (this entry reaches
 * the core only through its package name).
 * @internal
 * @module
 */
import { english, type Finding, type FindingCode, type FindingParams, type Outcome, type Severity } from 'smp-protocol';

/** A finding with its English message. @internal */
export function finding(code: FindingCode, severity: Severity, params: FindingParams = {}, path?: (string | number)[]): Finding {
  // `code` is any code here: the finding pairs it with the params its caller built for it.
  const message = english[code]({ ...params, severity });
  return {
    code,
    severity,
    message,
    ...(path === undefined ? {} : { path }),
    ...(Object.keys(params).length > 0 ? { params } : {}),
  } as Finding;
}

/** A successful outcome. @internal */
export function ok<T>(value: T, findings: readonly Finding[] = []): Outcome<T> {
  return { ok: true, value, findings };
}

/** A refusal. @internal */
export function fail<T = never>(findings: readonly Finding[]): Outcome<T> {
  return { ok: false, findings };
}

/** The SQLSTATE of a driver error, if it has one. @internal */
export function sqlstateOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** `DATABASE_ERROR` for anything a driver threw: its SQLSTATE, or 08000 (connection exception) when it has none. @internal */
export function databaseError(error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return finding('DATABASE_ERROR', 'error', { sqlstate: sqlstateOf(error) ?? '08000', detail: detail.slice(0, 300) });
}

/** `INVALID_INPUT` at `path`. @internal */
export function inputError(path: (string | number)[], detail: string): Finding {
  return finding('INVALID_INPUT', 'error', { path: path.join('.'), detail }, path);
}
