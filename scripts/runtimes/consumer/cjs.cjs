// Node (CommonJS): every entry of the package loaded with require(); the suite itself is shared ESM.
const { corpus } = require('./corpus.cjs');
const { mods } = require('./mods.cjs');

const label = process.argv[2] ?? 'cjs';
import('./suite.mjs').then(async ({ runSuite }) => {
  const pglite = async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    return new PGlite();
  };
  const result = await runSuite(mods, corpus, { label, pglite: mods.postgres ? pglite : undefined });
  process.exit(result.failed > 0 ? 1 : 0);
});
