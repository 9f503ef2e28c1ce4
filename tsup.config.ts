import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
  splitting: false,
  // Subpath entries (ical, fhir, testing, the CLI) import the root entry by its package name, so
  // they share one copy of it at run time and never add to the root entry's bundle.
  external: ['zod', 'luxon', 'smp-protocol'],
});
