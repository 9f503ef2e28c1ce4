/**
 * Reading the `options` argument of a public call, untrusted: each reader returns the value or
 * pushes a finding whose path starts with `options`.
 * @internal
 * @module
 */
import type { Finding } from '../findings/codes.js';
import { finding } from '../findings/finding.js';
import { english, inputDetails } from '../findings/messages.js';
import { previewValue } from '../findings/preview.js';
import { parseInstantDetailed } from '../time/instant.js';
import { MAX_INSTANT, MIN_INSTANT } from '../time/range.js';
import { isValidTimeZone } from '../time/zone.js';
import { formatPath, inputFinding } from './issues.js';

/** Findings with every path prefixed (for arguments other than the main input); the `path` param
 * and the message follow, so they name the same place as `path`. */
export function prefixed(findings: readonly Finding[], prefix: readonly (string | number)[]): Finding[] {
  return findings.map((f) => {
    if (f.path === undefined) return f;
    const path = [...prefix, ...f.path];
    if (typeof f.params?.path !== 'string') return { ...f, path };
    const params = { ...f.params, path: formatPath(path) };
    // Same code, same params but the path: still that code's params (the spread loses the pairing).
    return { ...f, path, params, message: english[f.code]({ ...params, severity: f.severity }) } as Finding;
  });
}

const preview = previewValue;

/** `options[key]`, or undefined when `options` is not an object. */
export function option(options: unknown, key: string): unknown {
  return typeof options === 'object' && options !== null ? (options as Record<string, unknown>)[key] : undefined;
}

/** An instant option as epoch ms, or `NaN` with an `INVALID_INSTANT` finding. */
export function instantOption(options: unknown, key: string, findings: Finding[]): number {
  const value = option(options, key);
  const ms = typeof value === 'string' ? parseInstantDetailed(value) : 'format';
  if (typeof ms === 'number') return ms;
  const path = ['options', key];
  if (ms === 'range') {
    findings.push(
      finding(
        'DATE_OUT_OF_RANGE',
        'error',
        { path: formatPath(path), value: preview(value), min: MIN_INSTANT, max: MAX_INSTANT },
        { path },
      ),
    );
  } else {
    findings.push(finding('INVALID_INSTANT', 'error', { path: formatPath(path), value: preview(value), problem: ms }, { path }));
  }
  return Number.NaN;
}

/** An IANA zone option, or `undefined` with an `INVALID_TIME_ZONE` finding. */
export function timeZoneOption(options: unknown, key: string, findings: Finding[]): string | undefined {
  const value = option(options, key);
  if (isValidTimeZone(value)) return value;
  const path = ['options', key];
  findings.push(finding('INVALID_TIME_ZONE', 'error', { path: formatPath(path), value: preview(value) }, { path }));
  return undefined;
}

/** A whole-number option within [min, max], its default when absent, or `NaN` with a finding. */
export function intOption(
  options: unknown,
  key: string,
  min: number,
  max: number,
  fallback: number | undefined,
  findings: Finding[],
): number {
  const value = option(options, key);
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  findings.push(
    inputFinding(
      ['options', key],
      value === undefined
        ? inputDetails.required(`a whole number from ${min} to ${max}`)
        : inputDetails.notObject(`a whole number from ${min} to ${max}`),
    ),
  );
  return Number.NaN;
}
