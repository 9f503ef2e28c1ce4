// The package's entry points: the one list. package.json `exports` and `typesVersions`, the
// tsconfig `paths`, typedoc's `entryPoints` are written from it (`npm run entries`); tsup's
// entries and vitest's aliases read it; scripts/check-package.mjs checks the packed files against
// it; test/interop/entries.test.ts fails when any of them disagrees with it.
// Adding a subpath entry: one line below, then `npm run entries`.

/** The package's name: subpath entries are `${PACKAGE}/${name}`. */
export const PACKAGE = 'smp-protocol';

/** Every library entry: `name` is the subpath (and dist/<name>.*), `source` its module. The root entry is `index`. */
export const entries = [
  { name: 'index', source: 'src/index.ts' },
  { name: 'testing', source: 'src/testing/index.ts' },
  { name: 'ical', source: 'src/interop/ical/index.ts' },
  { name: 'fhir', source: 'src/interop/fhir/index.ts' },
  { name: 'postgres', source: 'src/postgres/index.ts' },
  { name: 'http', source: 'src/http/index.ts' },
];

/** The command line: built apart (Node only, ESM), published as the `bin`. */
export const cliEntry = { name: 'cli', source: 'src/cli/index.ts' };

/** The name a consumer imports an entry by. */
export function importName(entry) {
  return entry.name === 'index' ? PACKAGE : `${PACKAGE}/${entry.name}`;
}

/** The package.json `exports` key of an entry. */
function exportKey(entry) {
  return entry.name === 'index' ? '.' : `./${entry.name}`;
}

/** The entries' part of package.json `exports` (other keys, such as `./schemas/*`, are kept as written). */
export function packageExports() {
  return Object.fromEntries(
    entries.map((e) => [
      exportKey(e),
      {
        import: { types: `./dist/${e.name}.d.ts`, default: `./dist/${e.name}.js` },
        require: { types: `./dist/${e.name}.d.cts`, default: `./dist/${e.name}.cjs` },
      },
    ]),
  );
}

/** package.json `typesVersions`: the subpaths for TypeScript's `node10` resolution. */
export function typesVersions() {
  return { '*': Object.fromEntries(entries.filter((e) => e.name !== 'index').map((e) => [e.name, [`./dist/${e.name}.d.cts`]])) };
}

/** tsconfig `paths`: each import name to its source. */
export function tsconfigPaths() {
  return Object.fromEntries(entries.map((e) => [importName(e), [`./${e.source}`]]));
}

/** typedoc `entryPoints`. */
export function typedocEntryPoints() {
  return entries.map((e) => e.source);
}

/** tsup's `entry` for the library build. */
export function tsupEntry() {
  return Object.fromEntries(entries.map((e) => [e.name, e.source]));
}

/** The built files every entry must have in the packed package (and the CLI's). */
export function distFiles() {
  return [...entries.flatMap((e) => ['js', 'cjs', 'd.ts', 'd.cts'].map((ext) => `dist/${e.name}.${ext}`)), `dist/${cliEntry.name}.js`];
}
