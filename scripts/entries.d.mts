// Types of scripts/entries.mjs, for the TypeScript configs (tsup, vitest) and tests that read it.
export interface Entry {
  readonly name: string;
  readonly source: string;
}
export declare const PACKAGE: string;
export declare const entries: readonly Entry[];
export declare const cliEntry: Entry;
export declare function importName(entry: Entry): string;
export declare function packageExports(): Record<string, unknown>;
export declare function typesVersions(): { '*': Record<string, string[]> };
export declare function tsconfigPaths(): Record<string, string[]>;
export declare function typedocEntryPoints(): string[];
export declare function tsupEntry(): Record<string, string>;
export declare function distFiles(): string[];
