/**
 * Rendering findings in a locale. Its own module, so that the core functions, which build findings
 * in English, do not bundle the other locales.
 * @module
 */
import type { Finding, FindingParams } from './codes.js';
import { spanish } from './es.js';
import { english, type MessageCatalogue } from './messages.js';
import { findingParamKeys } from './params.js';

/** How many characters of each param a message may use. */
const MAX_PARAM_LENGTH = 1_000;

/**
 * Every param name any code declares: the keys read from an untrusted `params` for a code the
 * table does not know (a catalogue of your own with codes of its own). A fixed list, so the work
 * is bounded by the catalogue, never by the input: enumerating the keys of a 100,000-key object
 * or a million-element array would cost more than the whole render.
 */
const ALL_PARAM_NAMES: readonly string[] = [...new Set(Object.values(findingParamKeys).flatMap((keys) => Object.keys(keys)))].filter(
  (key) => key !== '__proto__',
);

/** Reads `key` of an untrusted object as an own data property; `undefined` if absent or unreadable. */
function own(x: unknown, key: string): unknown {
  try {
    if (x === null || (typeof x !== 'object' && typeof x !== 'function')) return undefined;
    const d = Object.getOwnPropertyDescriptor(x, key);
    return d !== undefined && 'value' in d ? d.value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A bounded copy of untrusted params: the names `code` declares only (every declared name for a
 * code the table does not know), read as own data properties, string and number values only,
 * each string cut to 1,000 characters. An array is no params at all (it is never walked).
 */
function boundedParams(code: string, params: unknown): FindingParams {
  const out: FindingParams = {};
  try {
    if (params === null || typeof params !== 'object' || Array.isArray(params)) return out;
  } catch {
    // A revoked Proxy: no params.
    return out;
  }
  const declared = Object.hasOwn(findingParamKeys, code)
    ? Object.keys(findingParamKeys[code as keyof typeof findingParamKeys])
    : ALL_PARAM_NAMES;
  for (const key of declared) {
    if (key === '__proto__') continue;
    const value = own(params, key);
    if (typeof value === 'number') out[key] = value;
    else if (typeof value === 'string') out[key] = value.length > MAX_PARAM_LENGTH ? `${value.slice(0, MAX_PARAM_LENGTH - 1)}…` : value;
  }
  return out;
}

/**
 * Renders a finding's message in a locale, or with a catalogue of your own. Never throws: the
 * code is looked up as an own key of the catalogue only; a code it does not know, a renderer that
 * throws or returns no string, or something that is not a finding at all gives the finding's own
 * `message` (or `''`). Only the param names the catalogue declares are read (never the keys of
 * `params` itself), each cut to 1,000 characters, so params of any size render in microseconds.
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
 * formatFinding({ code: 'toString', severity: 'error', message: 'kept' } as never); // 'kept'
 * ```
 */
export function formatFinding(finding: Finding, locale: 'en' | 'es' | MessageCatalogue = 'en'): string {
  const fallback = (): string => {
    const message = own(finding, 'message');
    return typeof message === 'string' ? message : '';
  };
  try {
    const catalogue: unknown = locale === 'en' ? english : locale === 'es' ? spanish : locale;
    const code = own(finding, 'code');
    if (typeof code !== 'string') return fallback();
    const render = own(catalogue, code);
    if (typeof render !== 'function') return fallback();
    const severity = own(finding, 'severity');
    const params = boundedParams(code, own(finding, 'params'));
    if (typeof severity === 'string') params.severity = severity;
    const out: unknown = render.call(catalogue, params);
    return typeof out === 'string' ? out : fallback();
  } catch {
    try {
      return fallback();
    } catch {
      return '';
    }
  }
}
