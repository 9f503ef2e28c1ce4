/**
 * Values this library built and froze (plans, protocols): the boundary snapshot keeps them as
 * they are, so a trusted plan costs one lookup, not a copy.
 * @internal
 * @module
 */
const sealed = new WeakSet<object>();

/** Remembers `value` as built and frozen by this library. @internal */
export function markSealed(value: object): void {
  sealed.add(value);
}

/** Whether `value` was built and frozen by this library. @internal */
export function isSealed(value: unknown): boolean {
  return typeof value === 'object' && value !== null && sealed.has(value);
}
