/**
 * The vitest config Stryker runs: the main config (aliases, TZ) with only the unit tests of the
 * mutated folders. Including the whole suite would make every mutant "static" (the CLI, the
 * conformance corpus and the interop tests import everything) and run every test for each one.
 * Property tests are left out: they are slow per mutant and the unit tests name the behaviour.
 *
 * `include` and `exclude` are set after the merge: `mergeConfig` concatenates arrays, so merging
 * them would add these globs to the main config's `test/**\/*.test.ts` and run the whole suite
 * (the fuzz slice, the CLI, the store) for every mutant.
 *
 * `isolate: false`: the test files of one run share one module graph, so the library is imported
 * once per mutant instead of once per test file (the 24 files: 12 s instead of 65 s on the shared
 * machine). Each mutant still gets fresh modules: the vitest runner starts a new worker for every
 * run, so the time kernel's caches (zone offsets, parsed instants) never carry a value computed
 * under one mutant into the run of another.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

const config = mergeConfig(base, defineConfig({}));
config.test = {
  ...config.test,
  include: ['test/time/**/*.test.ts', 'test/rules/**/*.test.ts', 'test/plan/**/*.test.ts', 'test/schedule/**/*.test.ts'],
  exclude: ['**/*.property.test.ts', '**/node_modules/**'],
  isolate: false,
};

export default config;
