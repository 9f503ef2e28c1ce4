// The back-end entries run in workerd, Deno and Bun: no `node:` module, and they reach the core
// only by its public names (one shared copy at run time, never a copy in their bundles).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
const imports = (file: string): string[] => {
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  return [...code.matchAll(/^(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1] ?? '');
};
const PUBLIC = ['smp-protocol', 'smp-protocol/ical', 'smp-protocol/fhir', 'smp-protocol/postgres', 'zod/mini'];
/**
 * The core's snapshot (reading untrusted input once, limits first) is dependency-free and shared
 * through one build chunk, as the exporters share it: the one core module a back-end entry may
 * import by path. The store's own modules are shared with the handler the same way.
 */
const SHARED: Record<string, readonly string[]> = {
  postgres: ['../schema/snapshot.js'],
  http: ['../schema/snapshot.js', '../postgres/input.js'],
};

describe('back-end entry boundaries', () => {
  for (const folder of ['postgres', 'http']) {
    it(`src/${folder} imports only public entries and its own modules, never node:`, () => {
      const list = files(join(src, folder));
      expect(list.length).toBeGreaterThanOrEqual(3);
      for (const file of list) {
        for (const spec of imports(file)) {
          expect(spec.startsWith('node:'), `${relative(src, file)} imports ${spec}`).toBe(false);
          if (PUBLIC.includes(spec) || SHARED[folder]?.includes(spec)) continue;
          expect(spec.startsWith('./'), `${relative(src, file)} imports ${spec}`).toBe(true);
        }
      }
    });
  }

  it('planChanges is core: no node:, no subpath entry', () => {
    for (const spec of imports(join(src, 'plan/changes.ts'))) {
      expect(spec.startsWith('node:')).toBe(false);
      expect(spec.startsWith('smp-protocol')).toBe(false);
      expect(spec).not.toMatch(/interop|http|postgres|cli/);
    }
  });
});
