/**
 * Deeply readonly types: the library freezes every plan, protocol and value it returns, so their
 * types say so, and a write such as `plan.sessions[0].state = 'completed'` does not compile.
 * @module
 */

/**
 * `T` with every property readonly and every array a `readonly` array, all the way down (functions
 * are left as they are). A plain, mutable object is still assignable to it, so inputs built from
 * literals need no change.
 *
 * @example
 * ```ts
 * import type { DeepReadonly } from 'smp-protocol';
 * const frozen: DeepReadonly<{ sessions: { state: string }[] }> = { sessions: [{ state: 'booked' }] };
 * frozen.sessions[0]?.state; // 'booked' (and `frozen.sessions[0].state = 'x'` does not compile)
 * ```
 */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * A deeply readonly type with its own properties writable again (its parts stay readonly): the
 * twin the internals fill in, key by key, before they freeze the value. @internal
 */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
