import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { 'smp-protocol': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // The machine's TZ must never matter: run the suite in a zone far from every plan's zone.
    env: { TZ: 'Pacific/Kiritimati' },
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
