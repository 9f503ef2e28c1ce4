/**
 * The one safe way to quote an untrusted value in a message.
 * @module
 */

/** Longest preview, in characters. */
const MAX_PREVIEW = 60;

const clip = (s: string): string => (s.length > MAX_PREVIEW ? `${s.slice(0, MAX_PREVIEW - 3)}...` : s);

/**
 * A short, printable preview of any value, for messages: never throws, never recurses, at most
 * 60 characters. Strings are shown as they are (cut at 60 characters); numbers, booleans,
 * `null`, `undefined`, bigints and symbols by their value; everything else by its kind only
 * (`[array of 3]`, `[object]`, `[function]`), so a Proxy with throwing traps, a null-prototype
 * object or a 20,000-deep array costs nothing and says nothing it should not.
 *
 * @param value - anything, from anyone
 * @returns at most 60 characters
 *
 * @example
 * ```ts
 * import { previewValue } from 'smp-protocol';
 * previewValue('2026-03-23T10:00');      // '2026-03-23T10:00'
 * previewValue(Object.create(null));     // '[object]'
 * previewValue([[1], 2, 3]);             // '[array of 3]'
 * previewValue(10n);                     // '10n'
 * ```
 */
export function previewValue(value: unknown): string {
  try {
    switch (typeof value) {
      case 'string':
        return clip(value);
      case 'number':
      case 'boolean':
        return String(value);
      case 'bigint':
        return clip(`${value.toString()}n`);
      case 'undefined':
        return 'undefined';
      case 'symbol':
        return clip(value.description === undefined ? 'Symbol()' : `Symbol(${value.description})`);
      case 'function':
        return '[function]';
      default:
        if (value === null) return 'null';
        // Array.isArray throws only for a revoked Proxy; the catch below answers for it.
        return Array.isArray(value) ? `[array of ${(value as unknown[]).length}]` : '[object]';
    }
  } catch {
    return '[unreadable value]';
  }
}
