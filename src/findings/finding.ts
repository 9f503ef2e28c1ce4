/**
 * Building findings and outcomes, and rendering them in a locale.
 * @module
 */
import type { Finding, FindingCode, FindingOf, FindingParams, Outcome, Severity } from './codes.js';
import type { FindingParamsByCode } from './params.js';
import { previewValue } from './preview.js';
import { english } from './messages.js';

/** One `FindingOf` per code of a union, so a finding built for several codes is still a `Finding`. */
type FindingFor<C> = C extends FindingCode ? FindingOf<C> : never;

type Extra = { session?: number | undefined; path?: (string | number)[] | undefined };

/**
 * Builds a finding whose message comes from the English catalogue. The first signature is the
 * default: params typed by the code. The second, loosely typed, is for call sites that build
 * params as a plain record (spacing, screening); they are checked by the params test instead.
 * @internal
 */
export function finding<C extends FindingCode>(
  code: C,
  severity: Severity,
  ...rest: Record<string, never> extends FindingParamsByCode[C]
    ? [params?: FindingParamsByCode[C], extra?: Extra]
    : [params: FindingParamsByCode[C], extra?: Extra]
): FindingFor<C>;
/** @internal */
export function finding(code: FindingCode, severity: Severity, params?: FindingParams, extra?: Extra): Finding;
export function finding(code: FindingCode, severity: Severity, params: FindingParams = {}, extra: Extra = {}): Finding {
  const rendered = english[code]({ ...params, severity });
  const f: {
    code: FindingCode;
    severity: Severity;
    message: string;
    session?: number;
    path?: (string | number)[];
    params?: FindingParams;
  } = {
    code,
    severity,
    message: rendered,
  };
  if (extra.session !== undefined) f.session = extra.session;
  if (extra.path !== undefined) f.path = extra.path;
  if (Object.keys(params).length > 0) f.params = params;
  // The params belong to `code` (the typed signature, or the params test for the loose one).
  return f as Finding;
}

/** A successful outcome. @internal */
export function ok<T>(value: T, findings: readonly Finding[] = []): Outcome<T> {
  return { ok: true, value, findings };
}

/** A refusal; `findings` holds at least one error. @internal */
export function fail<T = never>(findings: readonly Finding[]): Outcome<T> {
  return { ok: false, findings };
}

/** Whether any finding is an error. @internal */
export function hasError(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** Runs `body`; turns anything it throws into an `INTERNAL_ERROR` refusal, so no public call throws. @internal */
export function guarded<T>(body: () => Outcome<T>): Outcome<T> {
  try {
    return body();
  } catch (error) {
    return fail([internalError(error)]);
  }
}

/** The `INTERNAL_ERROR` finding for an unexpected exception. @internal */
export function internalError(error: unknown): Finding {
  let detail = 'unknown failure';
  try {
    if (error instanceof Error) detail = `${previewValue(error.name)}: ${String(error.message).slice(0, 200)}`;
  } catch {
    // An error whose name or message throws: keep 'unknown failure'.
  }
  return finding('INTERNAL_ERROR', 'error', { detail: detail.slice(0, 200) });
}
