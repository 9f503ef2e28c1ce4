/**
 * Size before walking: untrusted values are measured, iteratively and with an early exit, before
 * zod parses them, so a million-element array or a megabyte string is refused in microseconds
 * instead of being parsed in full and then refused.
 * @internal
 * @module
 */
import type { Finding, Outcome } from '../findings/codes.js';
import { internalError } from '../findings/finding.js';
import { inputDetails, type InputProblem } from '../findings/input.js';
import { inputFinding } from './issues.js';
import { isSealed } from './sealed.js';
import { guardedCall, type Boundary, type KeyHints } from './snapshot.js';

/**
 * The size limits checked before any parsing. Generous for real plans: a plan with 1,000 history
 * events and 100 KB of metadata uses about a fifth of `maxNodes`; each field's own limit
 * (4,000-character notes, 20 sessions, …) is still checked by the schema after this.
 */
export const inputLimits = Object.freeze({
  /** The longest array anywhere in the input. */
  maxArrayLength: 50_000,
  /**
   * The longest string anywhere in the input. Each field's own limit (256-character ids,
   * 4,000-character notes, 100 KB of metadata) is lower and is reported by the schema with its
   * own finding; this one only keeps multi-megabyte strings away from the parsers.
   */
  maxStringLength: 2_000_000,
  /**
   * How deep the walk looks (metadata may nest 32 levels inside a plan). Deeper values are not a
   * size problem in themselves: the schema refuses them at the first field whose shape they break
   * (the metadata check at depth 33), with a more precise path than a depth limit could give.
   */
  maxDepth: 64,
  /** Values in all: every object, array, string, number, boolean and null counts one. */
  maxNodes: 250_000,
  /**
   * The most keys of one object (100 KB of metadata holds at most about 16,000): checked on the
   * key list before any value is read.
   */
  maxObjectKeys: 20_000,
});

/** Which limit a value broke, where, and how many nodes the walk visited before it stopped. */
export interface LimitCheck {
  problem?: { limit: 'tooLong' | 'tooMany' | 'tooManyNodes'; max: number; actual?: number; path: (string | number)[] };
  visited: number;
}

interface Frame {
  value: unknown;
  depth: number;
  /** The parent frame and the key that leads here: paths are built only for a refusal. */
  parent: Frame | undefined;
  key: string | number;
}

function pathOf(frame: Frame): (string | number)[] {
  const path: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.parent !== undefined; f = f.parent) path.push(f.key);
  return path.reverse();
}

/**
 * Walks `value` without recursion, no deeper than `maxDepth`, and stops at the first limit it
 * breaks: an array too long (before its items are read), a string too long, or more values in all
 * than `maxNodes` (before the children that would pass it are read). Unreadable values
 * (a Proxy whose traps throw) end the walk without a problem: the parser answers for them.
 */
export function checkLimits(value: unknown, limits: typeof inputLimits = inputLimits): LimitCheck {
  const stack: Frame[] = [{ value, depth: 0, parent: undefined, key: '' }];
  let visited = 0;
  try {
    while (stack.length > 0) {
      // The loop condition proves the stack is not empty.
      const frame = stack.pop() as Frame;
      const v = frame.value;
      visited++;
      if (visited > limits.maxNodes) return { problem: { limit: 'tooManyNodes', max: limits.maxNodes, path: [] }, visited };
      if (typeof v === 'string') {
        if (v.length > limits.maxStringLength) {
          return { problem: { limit: 'tooLong', max: limits.maxStringLength, actual: v.length, path: pathOf(frame) }, visited };
        }
        continue;
      }
      if (typeof v !== 'object' || v === null) continue;
      // Not deeper: this also ends the walk of a cycle (the schema refuses the cycle itself).
      if (frame.depth >= limits.maxDepth) continue;
      const depth = frame.depth + 1;
      if (Array.isArray(v)) {
        const items = v as unknown[];
        if (items.length > limits.maxArrayLength) {
          return { problem: { limit: 'tooMany', max: limits.maxArrayLength, actual: items.length, path: pathOf(frame) }, visited };
        }
        // More children than nodes left: refuse now, without pushing them.
        if (visited + stack.length + items.length > limits.maxNodes) {
          return { problem: { limit: 'tooManyNodes', max: limits.maxNodes, path: [] }, visited };
        }
        for (let i = items.length - 1; i >= 0; i--) stack.push({ value: items[i], depth, parent: frame, key: i });
      } else {
        let keys = 0;
        for (const key in v) {
          if (!Object.hasOwn(v, key)) continue;
          if (++keys + visited + stack.length > limits.maxNodes) {
            return { problem: { limit: 'tooManyNodes', max: limits.maxNodes, path: [] }, visited };
          }
          stack.push({ value: (v as Record<string, unknown>)[key], depth, parent: frame, key });
        }
      }
    }
  } catch {
    // A hostile value (throwing getter or Proxy trap): not a size problem; the parser decides.
  }
  return { visited };
}

/** The `INVALID_INPUT` finding for a value over a size limit (paths under `prefix`), or `undefined`. */
export function limitsFinding(value: unknown, prefix: (string | number)[] = []): Finding | undefined {
  const { problem } = checkLimits(value);
  if (problem === undefined) return undefined;
  return inputFinding([...prefix, ...problem.path], inputDetails.limit(problem.limit, problem.max, problem.actual));
}

const keepAsIs = (value: object): boolean => isSealed(value) || Object.isFrozen(value);

/** The core's boundary: its limits, its sealed values, its findings. */
const coreBoundary: Boundary = {
  limits: inputLimits,
  // Sealed and frozen values (built-in protocols, a caller's frozen protocol) are kept as they are:
  // copying them would defeat defineProtocol's cache and cost hundreds of µs per call.
  keep: keepAsIs,
  refuse: (path, problem) => inputFinding(path, problem as InputProblem),
  internal: internalError,
};

/**
 * Runs a public call of the core on snapshots of its untrusted arguments: {@link guardedCall}
 * (the one guard, shared with the exporters) with the core's limits and findings; `hints` are the
 * key lists a fast reader of this call already read.
 */
export function guardedInput<A extends readonly unknown[], T>(
  args: A,
  names: readonly string[],
  body: (...args: A) => Outcome<T>,
  hints?: KeyHints,
): Outcome<T> {
  return guardedCall(args, names, coreBoundary, body, hints);
}
