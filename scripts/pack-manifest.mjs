#!/usr/bin/env node
// The published package.json carries no `prepare`: in a clone, `prepare` builds the CLI on
// `npm install` (so `npm run demo` and `npx smp-protocol` work at once); a consumer's install must
// never run a build. npm packs package.json as it is on disk, so `prepack` strips the script and
// `postpack` puts the file back byte for byte.
//   node scripts/pack-manifest.mjs strip     package.json without scripts.prepare (original kept)
//   node scripts/pack-manifest.mjs restore   the original package.json back
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = join(root, 'package.json');
const kept = join(root, 'node_modules', '.cache', 'smp-protocol', 'package.json.orig');

const [action] = process.argv.slice(2);
if (action === 'strip') {
  const text = readFileSync(manifest, 'utf8');
  if (!existsSync(kept)) {
    mkdirSync(dirname(kept), { recursive: true });
    writeFileSync(kept, text);
  }
  const pkg = JSON.parse(text);
  if (pkg.scripts !== undefined) delete pkg.scripts.prepare;
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (action === 'restore') {
  if (existsSync(kept)) renameSync(kept, manifest);
} else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
