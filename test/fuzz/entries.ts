/**
 * The package's entries, discovered from its `exports` map, so a new entry (`/http`, `/postgres`)
 * is fuzzed as soon as it is exported. Imported by their public names: under `npm test` the vitest
 * aliases point them at src; under `npm run fuzz` (scripts/fuzz/vitest.config.ts) at dist.
 */
import { readFileSync } from 'node:fs';

/** Public specifiers of the code entries (`smp-protocol`, `smp-protocol/ical`, …), not data folders. */
export function entrySpecifiers(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    name: string;
    exports: Record<string, unknown>;
  };
  return Object.keys(pkg.exports)
    .filter((key) => !key.includes('*') && !key.endsWith('.json'))
    .map((key) => (key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`));
}

/** Imports every entry; an entry that cannot be imported is an error (add its alias to the vitest config). */
export async function loadEntries(): Promise<Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const specifier of entrySpecifiers()) {
    try {
      out[specifier] = (await import(/* @vite-ignore */ specifier)) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`cannot import ${specifier} (is it aliased in the vitest config?): ${String(error)}`);
    }
  }
  return out;
}
