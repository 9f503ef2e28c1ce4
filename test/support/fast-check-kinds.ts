// This project has fast-check: the testing kit's arbitraries are fast-check's own (see ArbitraryKinds).
declare module 'smp-protocol/testing' {
  interface ArbitraryKinds<T> {
    fastCheck: import('fast-check').Arbitrary<T>;
  }
}
export {};
