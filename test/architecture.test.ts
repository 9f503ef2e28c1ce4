// The import graph runs one way. Every folder of src has a rank; a module may import from its own
// folder or from a folder of lower rank, never from one above it (static, type-only and dynamic
// imports alike, and `export … from`). The subpath entries reach the core by its public name,
// `smp-protocol`, which counts as the top-level modules' rank.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** Ground first. `(top)` is a module directly under src (index.ts, schemas.ts, rules-facade.ts). */
const ORDER: readonly (readonly string[])[] = [
  ['findings'],
  ['time'],
  ['schema'],
  ['protocol'],
  ['rules'],
  ['plan'],
  ['schedule'],
  ['pictures'],
  ['(top)'],
  ['interop', 'testing', 'http', 'postgres'],
  ['cli'],
];
const RANK = new Map(ORDER.flatMap((folders, rank) => folders.map((f) => [f, rank] as const)));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

/** Every module specifier of a file: `import … from`, `import type`, `export … from`, `import('…')`, bare `import '…'`. */
function specifiers(code: string): string[] {
  const stripped = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = [
    ...stripped.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm),
    ...stripped.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...stripped.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return found.map((m) => m[1] ?? '');
}

/** The folder a module belongs to: its first directory under src, or `(top)`. */
function folderOf(file: string): string {
  const parts = relative(src, file).split(sep);
  return parts.length > 1 ? (parts[0] ?? '(top)') : '(top)';
}

/** The folder an import lands in, or undefined for a package outside this one. */
function targetFolder(file: string, spec: string): string | undefined {
  if (spec === 'smp-protocol') return '(top)';
  if (spec.startsWith('smp-protocol/')) return spec.slice('smp-protocol/'.length) === 'testing' ? 'testing' : 'interop';
  if (!spec.startsWith('.')) return undefined;
  return folderOf(resolve(dirname(file), spec));
}

describe('architecture: imports run one way', () => {
  const all = files(src);

  it('every folder of src has a rank', () => {
    expect(all.length).toBeGreaterThan(50);
    const unranked = [...new Set(all.map(folderOf))].filter((f) => !RANK.has(f));
    expect(unranked).toEqual([]);
  });

  it('no module imports from a folder above its own', () => {
    const upward: string[] = [];
    for (const file of all) {
      const from = folderOf(file);
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        const to = targetFolder(file, spec);
        if (to === undefined || to === from) continue;
        const a = RANK.get(from) ?? -1;
        const b = RANK.get(to) ?? Number.POSITIVE_INFINITY;
        if (b > a) upward.push(`${relative(src, file)} imports ${spec} (${from} → ${to}, upward)`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('the parser sees every kind of import, so an upward one cannot hide', () => {
    const code = [
      "import { a } from '../plan/apply.js';",
      "import type { B } from '../plan/schema.js';",
      "export { c } from './c.js';",
      "export type { D } from './d.js';",
      "import {\n  e,\n  type F,\n} from '../rules/e.js';",
      "const g = await import('../schedule/g.js');",
      "import '../side.js';",
      "// import { h } from '../commented.js';",
    ].join('\n');
    expect(specifiers(code)).toEqual([
      '../plan/apply.js',
      '../plan/schema.js',
      './c.js',
      './d.js',
      '../rules/e.js',
      '../side.js',
      '../schedule/g.js',
    ]);
  });

  it('names the offending import: a rule that imported the reducer would fail', () => {
    const file = join(src, 'rules', 'booking.ts');
    const to = targetFolder(file, '../plan/apply.js');
    expect(to).toBe('plan');
    expect((RANK.get(to ?? '') ?? 0) > (RANK.get('rules') ?? 0)).toBe(true);
  });
});
