/**
 * Build-on-first-use, for the zod schemas: building them at import would cost every cold start
 * (a serverless function that never parses a plan included) about half of the import time.
 * @internal
 * @module
 */

/** A function that builds its value on the first call and returns the same value after. */
export function once<T>(build: () => T): () => T {
  let built = false;
  let value: T | undefined;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    // `built` is true, so `value` holds what `build` returned.
    return value as T;
  };
}
