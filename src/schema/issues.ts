/**
 * zod issues turned into findings with paths. zod's own messages are not used: `zod/mini` ships
 * no locale by default, and our findings say what was expected in our words.
 * @internal
 * @module
 */
import type * as z from 'zod/mini';
import type { Finding, FindingCode } from '../findings/codes.js';
import { finding } from '../findings/finding.js';
import { inputDetailEn, type InputProblem } from '../findings/input.js';
import { inputDetails } from '../findings/messages.js';
import { previewValue } from '../findings/preview.js';
import { jsonProblem } from './fields.js';

type Issue = z.core.$ZodIssue;
type Path = (string | number)[];

/** `history[3].start` for `['history', 3, 'start']`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out;
}

/** What was received, as a stable token (`null`, `array`, `nothing`, `NaN`, `object`, `string`, …); never throws. */
export function receivedToken(input: unknown): string {
  if (input === null) return 'null';
  if (input === undefined) return 'nothing';
  if (typeof input === 'number' && Number.isNaN(input)) return 'NaN';
  try {
    if (Array.isArray(input)) return 'array';
  } catch {
    // A revoked Proxy: it is an object.
  }
  return typeof input;
}

function toPath(path: readonly PropertyKey[]): Path {
  return path.map((p) => (typeof p === 'number' ? p : String(p)));
}

/** One `INVALID_INPUT` finding at `path`, with the problem's structured params. */
export function inputFinding(path: Path, problem: InputProblem): Finding {
  const params = { ...problem, path: formatPath(path) };
  // `detail`, the English wording, stays for 0.1 callers that read it; locales word the structured params.
  return finding('INVALID_INPUT', 'error', { ...params, detail: inputDetailEn(params) }, { path });
}

function describe(issue: Issue): InputProblem {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? inputDetails.required(issue.expected)
        : inputDetails.type(issue.expected, receivedToken(issue.input));
    case 'too_small':
      return inputDetails.tooSmall(issue.origin, Number(issue.minimum));
    case 'too_big':
      return inputDetails.tooBig(issue.origin, Number(issue.maximum));
    case 'unrecognized_keys':
      return inputDetails.unrecognizedKeys(issue.keys.map((k) => JSON.stringify(k)).join(', '));
    case 'invalid_value':
      return inputDetails.invalidValue(issue.values.map((x) => JSON.stringify(x)).join(', '));
    case 'invalid_union':
      return inputDetails.invalidUnion(
        issue.discriminator ?? '',
        'options' in issue && issue.options !== undefined ? issue.options.map((x) => JSON.stringify(x)).join(', ') : '',
      );
    case 'invalid_format':
      return inputDetails.format(issue.format);
    case 'not_multiple_of':
      return inputDetails.notInteger();
    default:
      return inputDetails.unexpected('is not valid.');
  }
}

/** Findings for zod issues, each with the path prefixed by `prefix`. */
export function issuesToFindings(issues: readonly Issue[], prefix: Path = []): Finding[] {
  const out: Finding[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...toPath(issue.path)];
    if (issue.code === 'custom' && issue.params !== undefined && typeof issue.params.finding === 'string') {
      const code = issue.params.finding as FindingCode;
      const value = previewValue(issue.params.value ?? '');
      if (code === 'INVALID_INPUT') {
        const key = String(issue.params.detail);
        const problem =
          key === 'localDate' || key === 'openTime' || key === 'closeTime'
            ? inputDetails[key](value)
            : inputDetails.unexpected('is not valid.');
        out.push(inputFinding(path, problem));
      } else {
        const params: Record<string, string> = { path: formatPath(path), value };
        for (const key of ['problem', 'min', 'max'] as const) {
          const extra: unknown = issue.params[key];
          if (typeof extra === 'string') params[key] = extra;
        }
        out.push(finding(code, 'error', params, { path }));
      }
    } else if (issue.code === 'invalid_union' && issue.discriminator === undefined && issue.errors.length > 0) {
      // A plain union: report the closest branch (fewest issues) rather than "matches nothing".
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      out.push(...issuesToFindings(best, path));
    } else {
      out.push(inputFinding(path, describe(issue)));
    }
  }
  return out;
}

/** The finding for raw metadata that is not plain, bounded JSON, or `undefined` when it is. */
export function metadataFinding(value: unknown): Finding | undefined {
  if (value === undefined) return undefined;
  const problem = jsonProblem(value);
  if (problem === undefined) return undefined;
  return inputFinding(['metadata', ...problem.path], inputDetails[problem.detail]());
}
