// `npm run entries`: writes the files generated from scripts/entries.mjs (package.json `exports`
// and `typesVersions`, typedoc.json `entryPoints`, the tsconfig `paths`). `--check` writes nothing
// and exits 1 naming each file that disagrees with the list.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageExports, tsconfigPaths, typedocEntryPoints, typesVersions } from './entries.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Each generated file: its path and how to bring its JSON in line with the list. */
export const generated = [
  {
    file: 'package.json',
    update(json) {
      const others = Object.fromEntries(
        Object.entries(json.exports ?? {}).filter(([k]) => !k.startsWith('.') || k === './package.json' || k.includes('*')),
      );
      const exportsMap = { ...packageExports(), ...others };
      const next = {};
      // Keep the key order of package.json; typesVersions and exports in place.
      for (const [k, v] of Object.entries(json)) next[k] = k === 'exports' ? exportsMap : k === 'typesVersions' ? typesVersions() : v;
      return next;
    },
  },
  { file: 'typedoc.json', update: (json) => ({ ...json, entryPoints: typedocEntryPoints() }) },
  { file: 'tsconfig.json', update: (json) => ({ ...json, compilerOptions: { ...json.compilerOptions, paths: tsconfigPaths() } }) },
  { file: 'tsconfig.test.json', update: (json) => ({ ...json, compilerOptions: { ...json.compilerOptions, paths: tsconfigPaths() } }) },
];

/** The files whose content differs from what the list generates. */
export function stale() {
  return generated
    .filter(({ file, update }) => {
      const text = readFileSync(join(root, file), 'utf8');
      return `${JSON.stringify(update(JSON.parse(text)), null, 2)}\n` !== text;
    })
    .map((g) => g.file);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const bad = stale();
    if (bad.length > 0) {
      console.error(`out of date with scripts/entries.mjs (run npm run entries): ${bad.join(', ')}`);
      process.exit(1);
    }
  } else {
    for (const { file, update } of generated) {
      const text = readFileSync(join(root, file), 'utf8');
      const out = `${JSON.stringify(update(JSON.parse(text)), null, 2)}\n`;
      if (out !== text) {
        writeFileSync(join(root, file), out);
        console.log(`wrote ${file}`);
      }
    }
  }
}
