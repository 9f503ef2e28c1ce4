import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { entries, importName } from './scripts/entries.mjs';

const file = (path: string): string => fileURLToPath(new URL(`./${path}`, import.meta.url));
const exact = (name: string): RegExp => new RegExp(`^${name.replace(/[/.-]/g, '\\$&')}$`);

export default defineConfig({
  resolve: {
    // Tests import the package by its public names; exact matches, so subpaths resolve to their own entries.
    // One alias per entry of the one list (scripts/entries.mjs).
    alias: entries.map((e) => ({
      find: exact(importName(e)),
      // SMP_BENCH=dist (benchmarks, after `npm run build`): the root entry is the built bundle, what a
      // consumer runs; vite's per-module transform of src adds 30–60 % to the µs-scale hot paths.
      replacement: e.name === 'index' && process.env.SMP_BENCH === 'dist' ? file('dist/index.js') : file(e.source),
    })),
  },
  test: {
    include: ['test/**/*.test.ts'],
    // A fixed fast-check seed unless a test names its own (FC_SEED explores others).
    setupFiles: ['test/support/seed.ts'],
    // The machine's TZ must never matter: run the suite in a zone far from every plan's zone, or in
    // the zone SMP_TEST_TZ names (the runtime matrix reruns the suite under several host zones).
    env: { TZ: process.env.SMP_TEST_TZ ?? 'Pacific/Kiritimati' },
    benchmark: { include: ['bench/**/*.bench.ts'] },
    // SMP_BENCH=dist: the built bundle runs as Node loads it, not through vite's per-module
    // transform (which turns every call between the entry and its chunks into a module getter).
    server: { deps: { external: process.env.SMP_BENCH === 'dist' ? [/\/dist\/[\w-]+\.js$/] : [] } },
  },
});
