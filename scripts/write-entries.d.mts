// Types of scripts/write-entries.mjs, for test/interop/entries.test.ts.
export declare const generated: readonly { readonly file: string; update(json: unknown): unknown }[];
export declare function stale(): string[];
