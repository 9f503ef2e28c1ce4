/**
 * Reading untrusted input once into plain data, without recursion and with size limits checked
 * before values are read, and the one guard every public call runs its arguments through
 * ({@link guardedCall}). Dependency-free at run time, so the subpath entries (which reach the core
 * only through its public name) share it: the build puts it in the chunk of the time kernel.
 * @internal
 * @module
 */
import type { Finding, Outcome } from '../findings/codes.js';

/** The size limits the snapshot checks (the core's `inputLimits`). */
export interface SnapshotLimits {
  readonly maxArrayLength: number;
  readonly maxStringLength: number;
  readonly maxDepth: number;
  readonly maxNodes: number;
  readonly maxObjectKeys: number;
}

/**
 * Key lists of large objects already read in this call (by a fast reader that then gave up, or an
 * earlier snapshot), so the snapshot does not enumerate them again: enumerating 100,000 keys costs
 * ~20 ms. Scoped to one call (the caller makes one per call), so no list outlives the moment it
 * was read.
 */
export interface KeyHints {
  keys?: Map<object, readonly string[]>;
}

/** Lists of more keys than this are remembered in the call's {@link KeyHints}. */
const HINTED_KEYS = 64;

/** `Object.keys(value)`, or the list this call already read; a long list is remembered. */
export function keysOf(value: object, hints: KeyHints | undefined): readonly string[] {
  const known = hints?.keys?.get(value);
  if (known !== undefined) return known;
  const keys = Object.keys(value);
  if (hints !== undefined && keys.length > HINTED_KEYS) {
    if (hints.keys === undefined) hints.keys = new Map();
    hints.keys.set(value, keys);
  }
  return keys;
}

/** Why a snapshot failed: reading threw, or a size limit (with its limit and actual size). */
export type SnapshotProblem =
  | { readonly problem: 'unreadable' }
  | { readonly problem: 'tooLong' | 'tooMany'; readonly limit: number; readonly actual: number }
  | { readonly problem: 'tooManyNodes'; readonly limit: number };

/** A snapshot of untrusted input as plain data, or the path where reading it threw. */
export type Snapshot =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly path: (string | number)[]; readonly problem: SnapshotProblem };

interface CopyFrame {
  value: unknown;
  depth: number;
  parent: CopyFrame | undefined;
  key: string | number;
  /** Where the copy goes: the parent copy and the key. */
  into: Record<string | number, unknown>;
  /** Whether `keep` accepted this value (asked once, when the frame is made: a Proxy sees one trap call). */
  kept: boolean;
}

/** The copies made so far, keyed by the object copied: one pair inline, a Map from the second on. */
interface Copies {
  firstFrom: object | undefined;
  firstTo: object | undefined;
  more: Map<object, object> | undefined;
}

function copyOf(copies: Copies, v: object): object | undefined {
  if (copies.firstFrom === v) return copies.firstTo;
  return copies.more?.get(v);
}

function remember(copies: Copies, from: object, to: object): void {
  if (copies.firstFrom === undefined) {
    copies.firstFrom = from;
    copies.firstTo = to;
  } else {
    if (copies.more === undefined) copies.more = new Map<object, object>();
    copies.more.set(from, to);
  }
}

/** Sets `key` on a fresh copy: `__proto__` as an own key (as JSON.parse makes it), never a prototype. */
function put(into: Record<string | number, unknown>, key: string | number, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(into, key, { value, writable: true, enumerable: true, configurable: true });
  else into[key] = value;
}

/**
 * Reads untrusted input **once** into plain data, without recursion: plain objects (also
 * null-prototype ones) and arrays are copied, everything else is kept as is (strings, numbers,
 * dates, values `keep` accepts (what this library sealed), values deeper than `maxDepth`). A getter or Proxy trap that
 * throws gives the path where reading failed; a size limit broken gives its problem and path
 * before the values past it are read. Everything downstream then reads the snapshot, never the
 * caller's objects. Values are visited depth first (an array's items in order, an object's values last key first),
 * and each limit is checked as it is met, so the first problem in that order is the one reported. An object whose values are all
 * leaves (primitives and kept objects: the usual options object, an event, a booking) is copied
 * in place, without a frame per value; the order of reads, checks and findings is the same.
 */
export function snapshot(value: unknown, limits: SnapshotLimits, keepAsIs: (value: object) => boolean, hints?: KeyHints): Snapshot {
  const keep = (v: object): boolean => {
    try {
      return keepAsIs(v);
    } catch {
      // A Proxy whose traps throw: copy it, so the walk locates the throw.
      return false;
    }
  };
  if (typeof value !== 'object' || value === null || keep(value)) return { ok: true, value };
  const root: Record<string, unknown> = { value: undefined };
  const stack: CopyFrame[] = [{ value, depth: 0, parent: undefined, key: 'value', into: root, kept: false }];
  let visited = 0;
  const copies: Copies = { firstFrom: undefined, firstTo: undefined, more: undefined };
  let at: CopyFrame | undefined;
  let key: string | number | undefined;
  try {
    while (stack.length > 0) {
      // The loop condition proves the stack is not empty.
      const frame = stack.pop() as CopyFrame;
      at = frame;
      key = undefined;
      const v = frame.value;
      if (++visited > limits.maxNodes) return tooBig({ problem: 'tooManyNodes', limit: limits.maxNodes }, []);
      if (typeof v === 'string' && v.length > limits.maxStringLength) {
        return tooBig({ problem: 'tooLong', limit: limits.maxStringLength, actual: v.length }, pathOfCopy(frame));
      }
      // `keep` was asked when the frame was made (or before the walk, for the root): once per value.
      if (typeof v !== 'object' || v === null || frame.depth >= limits.maxDepth || frame.kept) {
        frame.into[frame.key] = v;
        continue;
      }
      // A value met again (shared or cyclic) gets the same copy: the copy has the input's shape.
      const seen = copyOf(copies, v);
      if (seen !== undefined) {
        frame.into[frame.key] = seen;
        continue;
      }
      const depth = frame.depth + 1;
      let copy: Record<string | number, unknown>;
      let keys: readonly (string | number)[] | undefined;
      let values: unknown[];
      if (Array.isArray(v)) {
        const items = v as unknown[];
        const length = items.length;
        if (length > limits.maxArrayLength)
          return tooBig({ problem: 'tooMany', limit: limits.maxArrayLength, actual: length }, pathOfCopy(frame));
        if (visited + stack.length + length > limits.maxNodes) return tooBig({ problem: 'tooManyNodes', limit: limits.maxNodes }, []);
        copy = new Array<unknown>(length) as unknown as Record<number, unknown>;
        frame.into[frame.key] = copy;
        remember(copies, v, copy);
        values = new Array<unknown>(length);
        // Last item first, as before: an array of throwing getters reports the same index.
        for (let i = length - 1; i >= 0; i--) {
          key = i;
          values[i] = items[i];
        }
      } else {
        const proto: unknown = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) {
          frame.into[frame.key] = v;
          continue;
        }
        copy = proto === null ? (Object.create(null) as Record<string, unknown>) : {};
        frame.into[frame.key] = copy;
        remember(copies, v, copy);
        const names = keysOf(v, hints);
        if (names.length > limits.maxObjectKeys)
          return tooBig({ problem: 'tooMany', limit: limits.maxObjectKeys, actual: names.length }, pathOfCopy(frame));
        if (visited + stack.length + names.length > limits.maxNodes) return tooBig({ problem: 'tooManyNodes', limit: limits.maxNodes }, []);
        keys = names;
        values = new Array<unknown>(names.length);
        for (let i = 0; i < names.length; i++) {
          const k = names[i] as string;
          key = k;
          values[i] = (v as Record<string, unknown>)[k];
          put(copy, k, undefined);
        }
      }
      key = undefined;
      // Which values are leaves: primitives, and objects kept as they are (or met deeper than maxDepth).
      const count = values.length;
      let leaves = true;
      const kept: boolean[] = new Array<boolean>(count);
      for (let i = 0; i < count; i++) {
        const child = values[i];
        const leaf = typeof child !== 'object' || child === null || depth >= limits.maxDepth || keep(child);
        kept[i] = leaf;
        if (!leaf) leaves = false;
      }
      // Frames are popped last pushed first: an array's items in order, an object's values last key
      // first (as the walk always did, so the first problem reported is the same).
      const forward = keys === undefined;
      if (leaves) {
        // What the frames would do next, in the same order: each value counted, a long string refused.
        for (let j = 0; j < count; j++) {
          const i = forward ? j : count - 1 - j;
          const child = values[i];
          const k = keys === undefined ? i : (keys[i] as string);
          if (++visited > limits.maxNodes) return tooBig({ problem: 'tooManyNodes', limit: limits.maxNodes }, []);
          if (typeof child === 'string' && child.length > limits.maxStringLength) {
            const path = pathOfCopy(frame);
            path.push(k);
            return tooBig({ problem: 'tooLong', limit: limits.maxStringLength, actual: child.length }, path);
          }
          copy[k] = child;
        }
        continue;
      }
      for (let j = 0; j < count; j++) {
        const i = forward ? count - 1 - j : j;
        const k = keys === undefined ? i : (keys[i] as string);
        stack.push({ value: values[i], depth, parent: frame, key: k, into: copy, kept: kept[i] === true });
      }
    }
  } catch {
    const path = at === undefined ? [] : pathOfCopy(at);
    if (key !== undefined) path.push(key);
    return { ok: false, path, problem: { problem: 'unreadable' } };
  }
  return { ok: true, value: root.value };
}

function tooBig(problem: SnapshotProblem, path: (string | number)[]): Snapshot {
  return { ok: false, path, problem };
}

function pathOfCopy(frame: CopyFrame): (string | number)[] {
  const path: (string | number)[] = [];
  for (let f: CopyFrame | undefined = frame; f?.parent !== undefined; f = f.parent) path.push(f.key);
  return path.reverse();
}

/**
 * How a boundary words its refusals and what it keeps: the core passes its own finding builders;
 * a subpath entry, which reaches the core only through its public name, passes the same findings
 * built from the public message catalogue.
 */
export interface Boundary {
  /** The size limits (the core's `inputLimits`). */
  readonly limits: SnapshotLimits;
  /** Values kept as they are, not copied (what this library built and froze). */
  readonly keep: (value: object) => boolean;
  /** `INVALID_INPUT` for an argument that could not be read, or broke a size limit, at `path`. */
  readonly refuse: (path: (string | number)[], problem: SnapshotProblem) => Finding;
  /** `INTERNAL_ERROR` for anything else thrown. */
  readonly internal: (error: unknown) => Finding;
}

/**
 * Runs a public call on snapshots of its untrusted arguments (see {@link snapshot}): an argument
 * whose reading throws is refused at its path (`unreadable`) under the argument's name (`''` for
 * none), one over a size limit with that limit; anything else thrown is an `INTERNAL_ERROR`
 * refusal, so no public call throws. The one guard of the core (`guardedInput`) and the exporters.
 */
export function guardedCall<A extends readonly unknown[], T>(
  args: A,
  names: readonly string[],
  boundary: Boundary,
  body: (...args: A) => Outcome<T>,
  hints?: KeyHints,
): Outcome<T> {
  const copies: unknown[] = [];
  for (let i = 0; i < args.length; i++) {
    const snap = snapshot(args[i], boundary.limits, boundary.keep, hints);
    if (!snap.ok) {
      const name = names[i] ?? '';
      return { ok: false, findings: [boundary.refuse(name === '' ? snap.path : [name, ...snap.path], snap.problem)] };
    }
    copies.push(snap.value);
  }
  try {
    // The copies have the arguments' shapes: plain data read from them.
    return body(...(copies as unknown as A));
  } catch (error) {
    return { ok: false, findings: [boundary.internal(error)] };
  }
}
