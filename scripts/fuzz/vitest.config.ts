/**
 * `npm run fuzz`: the fuzz test against the built package (dist), with 10⁶ inputs. Every entry of
 * the exports map is aliased to its built ESM file, so a new entry needs nothing here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  name: string;
  exports: Record<string, string | { import?: { default?: string } }>;
};

const alias = Object.entries(pkg.exports)
  .filter(([key, value]) => !key.includes('*') && !key.endsWith('.json') && typeof value === 'object')
  .map(([key, value]) => {
    const file = typeof value === 'object' ? value.import?.default : undefined;
    if (file === undefined) throw new Error(`exports["${key}"] has no import.default`);
    const name = key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`;
    return { find: new RegExp(`^${name.replace(/[/.-]/g, '\\$&')}$`), replacement: fileURLToPath(new URL(file, root)) };
  });

export default defineConfig({
  root: fileURLToPath(root),
  resolve: { alias },
  test: {
    include: ['test/fuzz/fuzz.test.ts'],
    env: { TZ: 'Pacific/Kiritimati', FUZZ_INPUTS: process.env.FUZZ_INPUTS ?? '1000000' },
    testTimeout: 3_600_000,
  },
});
