// Node (CommonJS): every entry of the package loaded with require(); the suite itself is shared ESM.
const { corpus } = require('./corpus.cjs');
const { mods } = require('./mods.cjs');

const label = process.argv[2] ?? 'cjs';
// Which copy of the package this runtime loaded: the packed one, never the repository's src.
const from = require.resolve('smp-protocol');
console.log(`${label}: smp-protocol from ${from}`);
if (!from.includes('/node_modules/smp-protocol/dist/')) {
  console.log(`FAIL ${label}: smp-protocol resolved to ${from}, not the packed package\n0 passed, 1 failed`);
  process.exit(1);
}
import('./suite.mjs').then(async ({ runSuite }) => {
  const pglite = async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    return new PGlite();
  };
  const result = await runSuite(mods, corpus, { label, pglite: mods.postgres ? pglite : undefined });
  process.exit(result.failed > 0 ? 1 : 0);
});
