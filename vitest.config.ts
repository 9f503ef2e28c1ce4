import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests import the package by its public names; exact matches, so subpaths resolve to their own entries.
    alias: [
      { find: /^smp-protocol$/, replacement: src('index.ts') },
      { find: /^smp-protocol\/testing$/, replacement: src('testing/index.ts') },
      { find: /^smp-protocol\/ical$/, replacement: src('interop/ical/index.ts') },
      { find: /^smp-protocol\/fhir$/, replacement: src('interop/fhir/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // The machine's TZ must never matter: run the suite in a zone far from every plan's zone.
    env: { TZ: 'Pacific/Kiritimati' },
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
