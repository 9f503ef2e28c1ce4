import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests import the package by its public names; exact matches, so subpaths resolve to their own entries.
    alias: [
      // SMP_BENCH=dist (benchmarks, after `npm run build`): the root entry is the built bundle, what a
      // consumer runs; vite's per-module transform of src adds 30–60 % to the µs-scale hot paths.
      {
        find: /^smp-protocol$/,
        replacement:
          process.env.SMP_BENCH === 'dist' ? fileURLToPath(new URL('./dist/index.js', import.meta.url)) : src('index.ts'),
      },
      { find: /^smp-protocol\/testing$/, replacement: src('testing/index.ts') },
      { find: /^smp-protocol\/ical$/, replacement: src('interop/ical/index.ts') },
      { find: /^smp-protocol\/fhir$/, replacement: src('interop/fhir/index.ts') },
      { find: /^smp-protocol\/postgres$/, replacement: src('postgres/index.ts') },
      { find: /^smp-protocol\/http$/, replacement: src('http/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // The machine's TZ must never matter: run the suite in a zone far from every plan's zone, or in
    // the zone SMP_TEST_TZ names (the runtime matrix reruns the suite under several host zones).
    env: { TZ: process.env.SMP_TEST_TZ ?? 'Pacific/Kiritimati' },
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
