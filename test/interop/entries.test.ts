// The entry points' boundaries (performance budget): the subpath entries reach the core only
// through its public name, so they share one copy of it at run time and never add to the root
// entry's bundle; the root entry's pictures never import a subpath. The one exception is the time
// kernel (src/time), which the exporters use directly: the build puts it in a chunk that the root
// entry and the subpaths import alike, so a subpath never carries its own copy (checked on dist).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  cliEntry,
  distFiles,
  entries,
  importName,
  packageExports,
  tsupEntry,
  typedocEntryPoints,
  typesVersions,
} from '../../scripts/entries.mjs';
import { generated, stale } from '../../scripts/write-entries.mjs';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}
function imports(file: string): string[] {
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  return [...code.matchAll(/^(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1] ?? '');
}

const SHARED = ['interop/common/arguments.ts', 'interop/common/bookings.ts', 'interop/common/instants.ts'];
const dist = resolve(src, '../dist');

/** Every src/time module `file` reaches through relative imports (the kernel's own closure). */
function kernelClosure(file: string, seen = new Set<string>()): Set<string> {
  for (const spec of imports(file)) {
    if (!spec.startsWith('.')) continue;
    const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
    if (seen.has(target)) continue;
    seen.add(target);
    kernelClosure(target, seen);
  }
  return seen;
}

/** `import … from './chunk-….js'` (ESM) or `require('./chunk-….cjs')` (CJS) in a built file. */
function chunksOf(code: string): string[] {
  return [...code.matchAll(/(?:from\s*|require\()['"]\.\/(chunk-[\w-]+\.c?js)['"]/g)].map((m) => m[1] ?? '');
}
/** The source modules bundled into a built file (tsup/esbuild writes `// src/…` before each). */
function sourcesOf(code: string): string[] {
  return [...code.matchAll(/^\/\/ (src\/[\w/.-]+\.ts)$/gm)].map((m) => m[1] ?? '');
}

describe('entry boundaries', () => {
  it('the ical and fhir entries import the core only as "smp-protocol", never a core module', () => {
    const subpath = [...files(join(src, 'interop/ical')), ...files(join(src, 'interop/fhir')), ...SHARED.map((f) => join(src, f))];
    expect(subpath.length).toBeGreaterThan(8);
    expect(subpath.flatMap(imports)).toEqual(expect.arrayContaining(['smp-protocol', './calendar.js', '../common/bookings.js']));
    for (const file of subpath) {
      for (const spec of imports(file)) {
        if (spec === 'smp-protocol') continue;
        expect(spec.startsWith('.'), `${relative(src, file)} imports ${spec}`).toBe(true);
        const target = relative(src, resolve(dirname(file), spec));
        if (target.startsWith('time/')) continue; // the kernel: a shared chunk, checked below
        if (target === 'schema/snapshot.js') continue; // the boundary snapshot and guard: dependency-free, in the kernel chunk
        expect(target.startsWith('interop/'), `${relative(src, file)} reaches ${target}`).toBe(true);
        expect(['pictures/mermaid.js', 'pictures/timeline-svg.js']).not.toContain(target);
      }
    }
  });

  it('the root entry exports the pictures but never loads a subpath entry', () => {
    const index = readFileSync(join(src, 'index.ts'), 'utf8');
    expect(index).toContain("from './pictures/mermaid.js'");
    expect(index).toContain("from './pictures/timeline-svg.js'");
    for (const file of [join(src, 'index.ts'), join(src, 'pictures/mermaid.ts'), join(src, 'pictures/timeline-svg.ts')]) {
      for (const spec of imports(file)) {
        expect(spec).not.toBe('smp-protocol');
        expect(spec).not.toMatch(/interop\/(ical|fhir)|\/(bookings|instants|arguments)\.js$/);
      }
    }
  });

  it('the exporters reach the time kernel only, and the kernel they reach stays inside src/time', () => {
    const subpath = [...files(join(src, 'interop/ical')), ...files(join(src, 'interop/fhir')), ...SHARED.map((f) => join(src, f))];
    const kernel = subpath.flatMap((file) =>
      imports(file)
        .filter((spec) => relative(src, resolve(dirname(file), spec)).startsWith('time/'))
        .map((spec) => resolve(dirname(file), spec).replace(/\.js$/, '.ts')),
    );
    // vtimezone.ts takes its offsets and transitions from the kernel, instants.ts its parser.
    expect(kernel.map((f) => relative(src, f))).toEqual(expect.arrayContaining(['time/zone.ts', 'time/instant.ts', 'time/civil.ts']));
    for (const file of kernel) {
      for (const reached of kernelClosure(file))
        expect(relative(src, reached), `${relative(src, file)} pulls ${relative(src, reached)}`).toMatch(/^time\//);
    }
  });

  it.skipIf(!existsSync(join(dist, 'index.js')))(
    'built: subpaths share the root entry’s kernel chunk and carry no copy of it; the root pulls no subpath code',
    () => {
      for (const ext of ['js', 'cjs']) {
        const root = readFileSync(join(dist, `index.${ext}`), 'utf8');
        const rootChunks = chunksOf(root);
        const kernelChunk = rootChunks.find((c) => sourcesOf(readFileSync(join(dist, c), 'utf8')).includes('src/time/zone.ts'));
        expect(kernelChunk, `index.${ext} imports the kernel chunk`).toBeDefined();
        // The root entry and every chunk it loads contain no subpath code.
        for (const code of [root, ...rootChunks.map((c) => readFileSync(join(dist, c), 'utf8'))]) {
          expect(
            sourcesOf(code).filter(
              (m) => m.startsWith('src/interop/ical') || m.startsWith('src/interop/fhir') || SHARED.includes(m.slice(4)),
            ),
          ).toEqual([]);
          expect(code).not.toMatch(/['"]\.\/(ical|fhir|testing)\.c?js['"]/);
        }
        // No module is both in the root entry and in a chunk it shares (one copy, imported).
        const kernel = new Set(sourcesOf(readFileSync(join(dist, kernelChunk ?? ''), 'utf8')));
        expect(kernel.size).toBeGreaterThanOrEqual(3);
        const shared = new Set(rootChunks.flatMap((c) => sourcesOf(readFileSync(join(dist, c), 'utf8'))));
        // The boundary snapshot and guard are in a chunk the root shares: one copy for every entry.
        expect(shared.has('src/schema/snapshot.ts')).toBe(true);
        expect(sourcesOf(root).filter((m) => shared.has(m))).toEqual([]);
        for (const entry of ['ical', 'fhir']) {
          const code = readFileSync(join(dist, `${entry}.${ext}`), 'utf8');
          const loaded = [
            code,
            ...chunksOf(code)
              .filter((c) => !rootChunks.includes(c))
              .map((c) => readFileSync(join(dist, c), 'utf8')),
          ];
          expect(chunksOf(code), `${entry}.${ext} imports the kernel chunk`).toContain(kernelChunk);
          for (const part of loaded) {
            // No copy of the kernel or of any core module (the boundary snapshot included, which
            // lives in a chunk the root shares): only interop code, the rest by import.
            expect(sourcesOf(part).filter((m) => !m.startsWith('src/interop/'))).toEqual([]);
          }
        }
      }
    },
  );
});

describe('one list of entry points (scripts/entries.mjs)', () => {
  const root = resolve(src, '..');
  const json = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;

  it('package.json, typedoc.json and both tsconfigs are what `npm run entries` writes from the list', () => {
    expect(stale()).toEqual([]);
    // And the list is what the package ships: the root entry and every subpath, each with its module.
    expect(entries.map((e) => importName(e))).toEqual([
      'smp-protocol',
      'smp-protocol/testing',
      'smp-protocol/ical',
      'smp-protocol/fhir',
      'smp-protocol/postgres',
      'smp-protocol/http',
    ]);
    for (const e of entries) expect(existsSync(join(root, e.source)), e.source).toBe(true);
  });

  it('a file out of line with the list is named', () => {
    const typedoc = json('typedoc.json');
    const update = generated.find((g) => g.file === 'typedoc.json')?.update;
    expect((update?.({ ...typedoc, entryPoints: ['src/index.ts'] }) as { entryPoints: unknown }).entryPoints).toEqual(typedocEntryPoints());
    const pkg = json('package.json');
    expect(Object.keys(pkg.exports as object)).toEqual([
      ...Object.keys(packageExports()),
      './package.json',
      './schemas/*',
      './conformance/*',
      './sql/*',
    ]);
    expect(pkg.typesVersions).toEqual(typesVersions());
  });

  it('tsup builds each entry of the list, and vitest aliases each import name to its module', async () => {
    const tsup = (await import('../../tsup.config.js')).default as unknown as readonly { entry: Record<string, string> }[];
    expect(tsup[0]?.entry).toEqual(tsupEntry());
    expect(tsup[1]?.entry).toEqual({ [cliEntry.name]: cliEntry.source });
    const vitest = (await import('../../vitest.config.js')).default as { resolve: { alias: { find: RegExp; replacement: string }[] } };
    const aliases = vitest.resolve.alias;
    expect(aliases.length).toBe(entries.length);
    for (const e of entries) {
      const alias = aliases.find((a) => a.find.test(importName(e)));
      expect(alias?.replacement, importName(e)).toBe(join(root, e.source));
    }
    // Exact matches: `smp-protocol` does not swallow `smp-protocol/ical`.
    expect(aliases.filter((a) => a.find.test('smp-protocol/ical'))).toHaveLength(1);
  });

  it('check-package reads the packed files from the list', () => {
    const script = readFileSync(join(root, 'scripts/check-package.mjs'), 'utf8');
    expect(script).toContain("import { distFiles } from './entries.mjs';");
    expect(distFiles()).toEqual(expect.arrayContaining(['dist/index.d.ts', 'dist/http.d.cts', 'dist/testing.cjs', 'dist/cli.js']));
    expect(distFiles()).toHaveLength(entries.length * 4 + 1);
  });
});
