/**
 * Building findings and outcomes, and rendering them in a locale.
 * @module
 */
import type { Finding, FindingCode, FindingParams, Outcome, Severity } from './codes.js';
import { spanish } from './es.js';
import { english, type MessageCatalogue } from './messages.js';

/** Builds a finding whose message comes from the English catalogue. @internal */
export function finding(
  code: FindingCode,
  severity: Severity,
  params: FindingParams = {},
  extra: { session?: number | undefined; path?: (string | number)[] | undefined } = {},
): Finding {
  const rendered = english[code]({ ...params, severity });
  const f: Finding = { code, severity, message: rendered };
  if (extra.session !== undefined) f.session = extra.session;
  if (extra.path !== undefined) f.path = extra.path;
  if (Object.keys(params).length > 0) f.params = params;
  return f;
}

/** A successful outcome. @internal */
export function ok<T>(value: T, findings: Finding[] = []): Outcome<T> {
  return { ok: true, value, findings };
}

/** A refusal; `findings` holds at least one error. @internal */
export function fail<T = never>(findings: Finding[]): Outcome<T> {
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
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown failure';
  return finding('INTERNAL_ERROR', 'error', { detail: detail.slice(0, 200) });
}

/**
 * Renders a finding's message in a locale, or with a catalogue of your own.
 *
 * @param finding - any finding returned by this library
 * @param locale - `'en'` (the default), `'es'`, or a complete {@link MessageCatalogue} of your own
 * @returns the message, rendered from the finding's `code` and `params`
 *
 * @example
 * ```ts
 * import { formatFinding, english } from 'smp-protocol';
 * const f = { code: 'NO_SHOW', severity: 'warning', message: '', params: { session: 2, start: '2026-04-02T10:00:00+01:00', count: 1 } } as const;
 * formatFinding(f, { ...english, NO_SHOW: (p) => `Missed session ${p.session}` }); // 'Missed session 2'
 * ```
 */
export function formatFinding(finding: Finding, locale: 'en' | 'es' | MessageCatalogue = 'en'): string {
  const catalogue = locale === 'en' ? english : locale === 'es' ? spanish : locale;
  try {
    const render = catalogue[finding.code];
    return typeof render === 'function' ? render({ ...(finding.params ?? {}), severity: finding.severity }) : englishMessage(finding);
  } catch {
    return englishMessage(finding);
  }
}

/** The finding's own message; '' for something that is not a finding at all (untyped callers): never throw. */
function englishMessage(finding: unknown): string {
  const message = (finding as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message : '';
}
