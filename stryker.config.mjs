// @ts-check
/**
 * Mutation testing (StrykerJS 9.6 with the vitest runner). `npm run mutate` mutates src/time,
 * src/rules, src/plan and src/schedule; narrow it with `npm run mutate -- --mutate 'src/time/**\/*.ts'`.
 * Not part of `npm test` (src/time alone: 30 min at concurrency 1 on a loaded two-core machine); see docs/quality.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  mutate: ['src/time/**/*.ts', 'src/rules/**/*.ts', 'src/plan/**/*.ts', 'src/schedule/**/*.ts'],
  // perTest coverage: each mutant runs only the tests that reach it.
  coverageAnalysis: 'perTest',
  // Type errors a mutant introduces are not behaviour; vitest does not type-check, so keep them out.
  checkers: [],
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['progress', 'clear-text', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // The machine is shared; raise it with --concurrency when you have the cores.
  concurrency: 2,
  timeoutMS: 20_000,
  timeoutFactor: 2,
  thresholds: { high: 95, break: null, low: 90 },
};
