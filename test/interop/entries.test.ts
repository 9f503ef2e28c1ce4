// The entry points' boundaries (DESIGN.md, performance budget): the subpath entries reach the
// core only through its public name, so they share one copy of it at run time and never add to
// the root entry's bundle; the root entry's pictures never import a subpath.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}
function imports(file: string): string[] {
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  return [...code.matchAll(/^(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1] ?? '');
}

const SHARED = ['interop/arguments.ts', 'interop/bookings.ts', 'interop/instants.ts'];

describe('entry boundaries', () => {
  it('the ical and fhir entries import the core only as "smp-protocol", never a core module', () => {
    const subpath = [...files(join(src, 'interop/ical')), ...files(join(src, 'interop/fhir')), ...SHARED.map((f) => join(src, f))];
    expect(subpath.length).toBeGreaterThan(8);
    expect(subpath.flatMap(imports)).toEqual(expect.arrayContaining(['smp-protocol', './calendar.js', '../bookings.js']));
    for (const file of subpath) {
      for (const spec of imports(file)) {
        if (spec === 'smp-protocol') continue;
        expect(spec.startsWith('.'), `${relative(src, file)} imports ${spec}`).toBe(true);
        const target = relative(src, resolve(dirname(file), spec));
        expect(target.startsWith('interop/'), `${relative(src, file)} reaches ${target}`).toBe(true);
        expect(['interop/mermaid.js', 'interop/timeline-svg.js']).not.toContain(target);
      }
    }
  });

  it('the root entry exports the pictures but never loads a subpath entry', () => {
    const index = readFileSync(join(src, 'index.ts'), 'utf8');
    expect(index).toContain("from './interop/mermaid.js'");
    expect(index).toContain("from './interop/timeline-svg.js'");
    for (const file of [join(src, 'index.ts'), join(src, 'interop/mermaid.ts'), join(src, 'interop/timeline-svg.ts')]) {
      for (const spec of imports(file)) {
        expect(spec).not.toBe('smp-protocol');
        expect(spec).not.toMatch(/interop\/(ical|fhir)|\/(bookings|instants|arguments)\.js$/);
      }
    }
  });
});
