/**
 * The vitest config Stryker runs: the main config (aliases, TZ) with only the unit tests of the
 * mutated folders. Including the whole suite would make every mutant "static" (the CLI, the
 * conformance corpus and the interop tests import everything) and run every test for each one.
 * Property tests are left out: they are slow per mutant and the unit tests name the behaviour.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['test/time/**/*.test.ts', 'test/rules/**/*.test.ts', 'test/plan/**/*.test.ts', 'test/schedule/**/*.test.ts'],
      exclude: ['**/*.property.test.ts', '**/node_modules/**'],
    },
  }),
);
