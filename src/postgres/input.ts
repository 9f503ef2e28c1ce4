/**
 * The back end's untrusted arguments (a store method's input, event and options, a request body),
 * read once into plain data by the core's snapshot, with the core's size limits checked before
 * any value past them is read or copied: a 100,000-key object or a million-element array is
 * refused in the time it takes to count its keys, never walked, spread or serialised.
 * @internal
 * @module
 */
import { english, type Finding, previewValue } from 'smp-protocol';
import { snapshot, type SnapshotLimits } from '../schema/snapshot.js';

/**
 * The core's input limits (`inputLimits`): the longest array (50,000), the longest string
 * (2,000,000 characters), how deep the copy goes (64), values in all (250,000) and keys of one
 * object (20,000). A test checks they match the core's. @internal
 */
export const argumentLimits: SnapshotLimits = Object.freeze({
  maxArrayLength: 50_000,
  maxStringLength: 2_000_000,
  maxDepth: 64,
  maxNodes: 250_000,
  maxObjectKeys: 20_000,
});

/** Frozen values (the built-in protocols, plans this library built) are kept as they are. */
function frozen(value: object): boolean {
  try {
    return Object.isFrozen(value);
  } catch {
    // A Proxy whose traps throw: copy it, so the snapshot locates the throw.
    return false;
  }
}

function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * `value` read once into plain data under the core's limits, or the `INVALID_INPUT` finding
 * (`tooMany`, `tooLong`, `tooManyNodes` or `unreadable`) at its path under `name`. @internal
 */
export function readArgument(value: unknown, name: string): { ok: true; value: unknown } | { ok: false; finding: Finding } {
  const snap = snapshot(value, argumentLimits, frozen);
  if (snap.ok) return { ok: true, value: snap.value };
  const path = name === '' ? snap.path : [name, ...snap.path];
  const params = { ...snap.problem, path: pathText(path) };
  return {
    ok: false,
    finding: { code: 'INVALID_INPUT', severity: 'error', message: english.INVALID_INPUT({ ...params, severity: 'error' }), path, params },
  };
}

/** The most characters of a failure reason the outbox records. */
const MAX_REASON = 1_000;
/** A reason that is not a string is written as JSON when it is this small; otherwise by its kind. */
const reasonLimits: SnapshotLimits = Object.freeze({
  maxArrayLength: 1_000,
  maxStringLength: MAX_REASON,
  maxDepth: 16,
  maxNodes: 2_000,
  maxObjectKeys: 1_000,
});

/**
 * A failure reason as the text the outbox records (at most 1,000 characters), never refused: a
 * string is cut; a small JSON value is written as JSON; anything larger, unreadable or not JSON
 * (a million-element array, a Proxy, a bigint) by its kind (`[array of 1000000]`). @internal
 */
export function reasonText(reason: unknown): string | null {
  if (reason === undefined) return null;
  if (typeof reason === 'string') return reason.slice(0, MAX_REASON);
  const snap = snapshot(reason, reasonLimits, () => false);
  if (snap.ok) {
    try {
      const text = JSON.stringify(snap.value);
      if (typeof text === 'string') return text.slice(0, MAX_REASON);
    } catch {
      // A bigint somewhere, or a value kept as is whose toJSON throws: written by its kind.
    }
  }
  return previewValue(reason);
}
