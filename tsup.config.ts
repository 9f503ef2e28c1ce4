import { defineConfig } from 'tsup';
import { cliEntry, tsupEntry } from './scripts/entries.mjs';

// Subpath entries (testing, ical, fhir, the CLI) import the root entry by its package name, so
// they share one copy of it at run time and never add to the root entry's bundle. The time kernel
// (src/time), which the exporters also use directly, goes into a shared chunk (`splitting`): the
// root entry and the subpaths load the same module, with the same zone caches, never a copy.
// tsup splits ESM natively; for CJS it runs its own (experimental) splitting pass, enabled here by
// the same flag, so `require('smp-protocol/ical')` shares the chunk with `require('smp-protocol')` too.
const external = ['zod', 'luxon', 'smp-protocol', 'fast-check', '@electric-sql/pglite', 'pg'];

export default defineConfig([
  {
    // The one list of entry points (scripts/entries.mjs).
    entry: tsupEntry(),
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
    splitting: true,
    external,
  },
  {
    // The command line: Node only, ESM, the one module that reads the clock, files and streams.
    entry: { [cliEntry.name]: cliEntry.source },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    external,
  },
]);
