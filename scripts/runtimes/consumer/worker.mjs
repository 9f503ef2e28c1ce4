// workerd: bundled by esbuild with --platform=neutral and run by `workerd test`. PGlite does not
// load in workerd (no WebAssembly compiled from bytes at run time), so the handler smoke runs on a
// store in memory with the same shape.
import { corpus } from './corpus.mjs';
import { mods } from './mods.mjs';
import { runSuite } from './suite.mjs';

export default {
  async test() {
    const result = await runSuite(mods, corpus, { label: 'workerd' });
    if (result.failed > 0) throw new Error(`workerd: ${result.failed} failed`);
  },
};
