// A deep copy the tests may edit: the library's public types are deeply readonly (its values are
// frozen), but a JSON copy is a fresh, mutable object.
export type Writable<T> = T extends (...args: never[]) => unknown ? T : T extends object ? { -readonly [K in keyof T]: Writable<T[K]> } : T;

/** A mutable deep copy of a JSON value. */
export function writableCopy<T>(value: T): Writable<T> {
  return JSON.parse(JSON.stringify(value)) as Writable<T>;
}
