/**
 * Reading untrusted input once into plain data, without recursion and with size limits checked
 * before values are read. Dependency-free, so the subpath entries (which reach the core only
 * through its public name) share it.
 * @internal
 * @module
 */

/** The size limits the snapshot checks (the core's `inputLimits`). */
export interface SnapshotLimits {
  readonly maxArrayLength: number;
  readonly maxStringLength: number;
  readonly maxDepth: number;
  readonly maxNodes: number;
  readonly maxObjectKeys: number;
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
}

/**
 * Reads untrusted input **once** into plain data, without recursion: plain objects (also
 * null-prototype ones) and arrays are copied, everything else is kept as is (strings, numbers,
 * dates, values `keep` accepts (what this library sealed), values deeper than `maxDepth`). A getter or Proxy trap that
 * throws gives the path where reading failed; a size limit broken  gives its
 * problem and path before the values past it are read. Everything downstream then reads the snapshot, never the caller's objects.
 */
export function snapshot(value: unknown, limits: SnapshotLimits, keepAsIs: (value: object) => boolean): Snapshot {
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
  const stack: CopyFrame[] = [{ value, depth: 0, parent: undefined, key: 'value', into: root }];
  let visited = 0;
  const copies = new Map<object, object>();
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
      if (typeof v !== 'object' || v === null || frame.depth >= limits.maxDepth || keep(v)) {
        frame.into[frame.key] = v;
        continue;
      }
      // A value met again (shared or cyclic) gets the same copy: the copy has the input's shape.
      const seen = copies.get(v);
      if (seen !== undefined) {
        frame.into[frame.key] = seen;
        continue;
      }
      const depth = frame.depth + 1;
      if (Array.isArray(v)) {
        const items = v as unknown[];
        const length = items.length;
        if (length > limits.maxArrayLength)
          return tooBig({ problem: 'tooMany', limit: limits.maxArrayLength, actual: length }, pathOfCopy(frame));
        if (visited + stack.length + length > limits.maxNodes) return tooBig({ problem: 'tooManyNodes', limit: limits.maxNodes }, []);
        const copy: unknown[] = new Array<unknown>(length);
        frame.into[frame.key] = copy;
        copies.set(v, copy);
        for (let i = length - 1; i >= 0; i--) {
          key = i;
          stack.push({ value: items[i], depth, parent: frame, key: i, into: copy as unknown as Record<number, unknown> });
        }
        continue;
      }
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) {
        frame.into[frame.key] = v;
        continue;
      }
      const copy: Record<string, unknown> = proto === null ? (Object.create(null) as Record<string, unknown>) : {};
      frame.into[frame.key] = copy;
      copies.set(v, copy);
      const keys = Object.keys(v);
      if (keys.length > limits.maxObjectKeys)
        return tooBig({ problem: 'tooMany', limit: limits.maxObjectKeys, actual: keys.length }, pathOfCopy(frame));
      if (visited + stack.length + keys.length > limits.maxNodes) return tooBig({ problem: 'tooManyNodes', limit: limits.maxNodes }, []);
      for (const k of keys) {
        key = k;
        const child = (v as Record<string, unknown>)[k];
        // `__proto__` as an own key stays an own key (as JSON.parse makes it), never a prototype.
        Object.defineProperty(copy, k, { value: undefined, writable: true, enumerable: true, configurable: true });
        stack.push({ value: child, depth, parent: frame, key: k, into: copy });
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
