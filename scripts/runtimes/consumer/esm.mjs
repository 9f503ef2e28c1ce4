// Node (ESM), Deno and Bun: the package as the runtime resolves it (node_modules, or an import map
// of npm: specifiers for Deno), the corpus through JSON imports of the package's conformance files.
import { corpus } from './corpus.mjs';
import { mods } from './mods.mjs';
import { runSuite } from './suite.mjs';

const isDeno = typeof globalThis.Deno !== 'undefined';
const args = isDeno ? globalThis.Deno.args : globalThis.process.argv.slice(2);
const label = args[0] ?? 'esm';
// PGlite where the runtime loads it (Node, Deno, Bun): the smp-protocol/postgres store then runs on it.
const pglite = async () => {
  const { PGlite } = await import('@electric-sql/pglite');
  return new PGlite();
};
// Which copy of the package this runtime loaded: the packed one, never the repository's src.
const from = import.meta.resolve('smp-protocol');
console.log(`${label}: smp-protocol from ${from}`);
if (!/\/(node_modules\/smp-protocol|package)\/dist\//.test(from)) {
  console.log(`FAIL ${label}: smp-protocol resolved to ${from}, not the packed package`);
  console.log('0 passed, 1 failed');
  if (isDeno) globalThis.Deno.exit(1);
  else globalThis.process.exit(1);
}
const result = await runSuite(mods, corpus, { label, pglite: mods.postgres ? pglite : undefined });
if (result.failed > 0) {
  if (isDeno) globalThis.Deno.exit(1);
  else globalThis.process.exit(1);
}
