/**
 * The field schemas every other schema is built from: bounded text, instants, local dates,
 * zones and JSON metadata. Bounds keep megabyte strings and runaway arrays out at the boundary.
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import { previewValue as preview } from '../findings/preview.js';
import { parseLocalDate } from '../time/civil.js';
import { parseInstantDetailed } from '../time/instant.js';
import { MAX_INSTANT, MAX_LOCAL_DATE, MIN_INSTANT, MIN_LOCAL_DATE, localDateOutOfRange } from '../time/range.js';
import { isValidTimeZone } from '../time/zone.js';

/** Longest identifier (plan, client, event, protocol ids). */
export const MAX_ID = 256;
/** Longest free text (notes, reasons, titles). */
export const MAX_TEXT = 4_000;

// zod runs a length check on any value that has a `length` (also after the type check failed),
// so an object whose `length` is itself an object made it throw (INTERNAL_ERROR) instead of
// refusing the value. These checks look at strings and arrays only; the type check refuses the rest.
const isString = (payload: { value: unknown }): boolean => typeof payload.value === 'string';
const isArray = (payload: { value: unknown }): boolean => Array.isArray(payload.value);

function only<C extends { _zod: { def: { when?: ((payload: never) => boolean) | undefined } } }>(
  check: C,
  when: (payload: { value: unknown }) => boolean,
): C {
  check._zod.def.when = when;
  return check;
}

/** At most `max` characters (strings only). */
export const maxChars = (max: number) => only(z.maxLength(max), isString);
/** At least `min` characters (strings only). */
export const minChars = (min: number) => only(z.minLength(min), isString);
/** At most `max` items (arrays only). */
export const maxItems = (max: number) => only(z.maxLength(max), isArray);
/** At least `min` items (arrays only). */
export const minItems = (min: number) => only(z.minLength(min), isArray);

/** An identifier: 1 to 256 characters. */
export const idField = z.string().check(minChars(1), maxChars(MAX_ID));
/** Free text up to 4,000 characters. */
export const textField = z.string().check(maxChars(MAX_TEXT));
/** A short label (phase, title) up to 256 characters, not empty. */
export const labelField = z.string().check(minChars(1), maxChars(MAX_ID));

/** A positive whole number. */
export const positiveInt = z.int().check(z.minimum(1));
/** A whole number ≥ 0. */
export const countField = z.int().check(z.minimum(0));

// The JSON Schema metadata of the three fields below is registered with
// `.register(z.globalRegistry, …)`, not added as a `z.meta()` check: z.compile cannot compile a
// `meta` check, so each field would run as a runtime island inside the compiled plan parser
// (parsePlan about twice as slow). Same metadata, same JSON Schema.

/** An ISO 8601 instant with an offset or `Z` (the pattern is for JSON Schema; the parser checks the calendar). */
export const instantField = z
  .string()
  .check(
    z.superRefine((value: string, ctx) => {
      const r = parseInstantDetailed(value);
      if (r === 'range') {
        ctx.addIssue({
          code: 'custom',
          message: 'instant out of range',
          input: value,
          params: { finding: 'DATE_OUT_OF_RANGE', value: preview(value), min: MIN_INSTANT, max: MAX_INSTANT },
        });
      } else if (typeof r !== 'number') {
        ctx.addIssue({
          code: 'custom',
          message: 'invalid instant',
          input: value,
          params: { finding: 'INVALID_INSTANT', problem: r, value: preview(value) },
        });
      }
    }),
    // The pattern is for JSON Schema only: at run time the parser above gives the precise finding.
  )
  .register(z.globalRegistry, {
    description: 'An ISO 8601 instant with an offset or Z, e.g. 2026-03-23T10:00:00+00:00.',
    pattern: '^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}(:\\d{2}([.,]\\d{1,9})?)?([Zz]|[+-]\\d{2}:\\d{2})$',
  });

/** A `YYYY-MM-DD` calendar date that exists. */
export const localDateField = z
  .string()
  .check(
    z.superRefine((value: string, ctx) => {
      if (parseLocalDate(value) === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'invalid local date',
          input: value,
          params: { finding: 'INVALID_INPUT', detail: 'localDate', value: preview(value) },
        });
      } else if (localDateOutOfRange(value)) {
        ctx.addIssue({
          code: 'custom',
          message: 'local date out of range',
          input: value,
          params: { finding: 'DATE_OUT_OF_RANGE', value, min: MIN_LOCAL_DATE, max: MAX_LOCAL_DATE },
        });
      }
    }),
  )
  .register(z.globalRegistry, { description: "A calendar date, YYYY-MM-DD, in the plan's time zone.", pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** An IANA time-zone name the platform knows. */
export const timeZoneField = z
  .string()
  .check(
    z.superRefine((value: string, ctx) => {
      if (!isValidTimeZone(value)) {
        ctx.addIssue({
          code: 'custom',
          message: 'invalid time zone',
          input: value,
          params: { finding: 'INVALID_TIME_ZONE', value: preview(value) },
        });
      }
    }),
  )
  .register(z.globalRegistry, { description: 'An IANA time-zone name, e.g. Europe/London.' });

/** Kinds of metadata problems (keys of the message catalogue's input details). */
export type MetadataProblem =
  | 'metadataDepth'
  | 'metadataSize'
  | 'metadataCycle'
  | 'metadataNumber'
  | 'metadataObject'
  | 'metadataKey'
  | 'metadataType';

const MAX_METADATA_DEPTH = 32;
const MAX_METADATA_SIZE = 100_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Why a metadata value is not plain JSON, with the path to it, or `undefined` when it is. */
export function jsonProblem(value: unknown): { path: (string | number)[]; detail: MetadataProblem } | undefined {
  let budget = MAX_METADATA_SIZE;
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    // The loop condition proves the stack is not empty.
    const { value: v, path } = stack.pop() as { value: unknown; path: (string | number)[] };
    if (path.length > MAX_METADATA_DEPTH) return { path, detail: 'metadataDepth' };
    if (v === null || typeof v === 'boolean') {
      budget -= 4;
    } else if (typeof v === 'string') {
      budget -= v.length + 2;
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return { path, detail: 'metadataNumber' };
      // What it costs in JSON, so that "about 100 KB of JSON" is what it says.
      budget -= String(v).length;
    } else if (typeof v === 'object') {
      if (seen.has(v)) return { path, detail: 'metadataCycle' };
      seen.add(v);
      if (Array.isArray(v)) {
        // Every item costs at least 2 below: an array that cannot fit is refused before it is walked.
        if (2 * v.length > budget) return { path: [], detail: 'metadataSize' };
        budget -= 2;
        for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
      } else {
        const proto = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) return { path, detail: 'metadataObject' };
        for (const key of Object.keys(v)) {
          if (FORBIDDEN_KEYS.has(key)) return { path: [...path, key], detail: 'metadataKey' };
          budget -= key.length + 3;
          stack.push({ value: (v as Record<string, unknown>)[key], path: [...path, key] });
        }
      }
    } else {
      return { path, detail: 'metadataType' };
    }
    if (budget < 0) return { path: [], detail: 'metadataSize' };
  }
  return undefined;
}

/**
 * Vendor data, a JSON object of your own, kept as given through every round trip. The shape is checked by
 * zod; {@link jsonProblem} checks the raw value first (depth, size, cycles, `__proto__` keys),
 * because copying a `__proto__` key into a new object would change its prototype.
 */
export const metadataField = z.record(z.string(), z.unknown());

/** A deep, frozen copy of validated JSON, so no caller's later mutation reaches a plan. */
export function frozenJsonCopy<T>(value: T): T {
  const copy = JSON.parse(JSON.stringify(value)) as T;
  const stack: unknown[] = [copy];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'object' && v !== null) {
      Object.freeze(v);
      stack.push(...Object.values(v));
    }
  }
  return copy;
}
