// Every TypeScript block of README.md and docs/*.md that declares a clinic's availability compiles
// as a consumer writes it: an annotated `const clinic: Availability = { weekly: [{ weekday: 2, … }] }`
// keeps its weekday literals (1 to 7) instead of widening them to `number`. Each block is its own
// module; a block without imports gets the package's names it uses imported from 'smp-protocol'.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

interface Block {
  page: string;
  line: number;
  code: string;
}

/** The fenced `ts` blocks of one page that declare an availability (a type annotation or opening hours). */
function availabilityBlocks(page: string): Block[] {
  const lines = readFileSync(join(root, page), 'utf8').split('\n');
  const blocks: Block[] = [];
  let open: Block | undefined;
  lines.forEach((text, i) => {
    if (open === undefined && /^```(ts|typescript)\s*$/.test(text)) open = { page, line: i + 2, code: '' };
    else if (open !== undefined && /^```\s*$/.test(text)) {
      if (/\bAvailability\b|\bweekly\s*:/.test(open.code)) blocks.push(open);
      open = undefined;
    } else if (open !== undefined) open.code += `${text}\n`;
  });
  return blocks;
}

/** The names `src/index.ts` exports (values and types), for the blocks that show no imports. */
function publicNames(): string[] {
  const index = readFileSync(join(root, 'src/index.ts'), 'utf8');
  const names = new Set<string>();
  for (const m of index.matchAll(/export (?:type )?\{([^}]*)\}/g)) {
    for (const part of (m[1] ?? '').split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name !== undefined && name !== '') names.add(name);
    }
  }
  return [...names];
}

const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const blocks = pages.flatMap(availabilityBlocks);

describe('availabilities in the docs', () => {
  it('finds the documented availabilities (the annotated one in docs/scheduling.md among them)', () => {
    expect(blocks.map((b) => b.page)).toContain('docs/scheduling.md');
    expect(blocks.some((b) => /const \w+: Availability = \{/.test(b.code) && /weekday: \d/.test(b.code))).toBe(true);
  });

  it('type-checks every block that declares one, with strict options, as a consumer writes it', () => {
    const scratch = join(root, 'node_modules', '.cache', 'availability-blocks');
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    const names = publicNames();
    const files = blocks.map((block, i) => {
      const used = block.code.includes('import ') ? [] : names.filter((n) => new RegExp(`\\b${n}\\b`).test(block.code));
      const head = used.length === 0 ? '' : `import { ${used.join(', ')} } from 'smp-protocol';\n`;
      const file = join(scratch, `block-${i}.ts`);
      writeFileSync(file, `${head}${block.code}export {};\n`);
      return { file, block, offset: head === '' ? 0 : 1 };
    });
    const paths: Record<string, string[]> = {};
    for (const entry of ['', '/testing', '/ical', '/fhir', '/postgres', '/http']) {
      const target = {
        '': 'src/index.ts',
        '/testing': 'src/testing/index.ts',
        '/ical': 'src/interop/ical/index.ts',
        '/fhir': 'src/interop/fhir/index.ts',
        '/postgres': 'src/postgres/index.ts',
        '/http': 'src/http/index.ts',
      }[entry];
      if (target !== undefined) paths[`smp-protocol${entry}`] = [join(root, target)];
    }
    const program = ts.createProgram(
      files.map((f) => f.file),
      {
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noEmit: true,
        skipLibCheck: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
        types: [],
        paths,
      },
    );
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName.startsWith(scratch))
      .map((d) => {
        const at = files.find((f) => f.file === d.file?.fileName);
        const line = d.file !== undefined && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
        return `${at?.block.page}:${(at?.block.line ?? 0) + line - (at?.offset ?? 0)}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
      });
    rmSync(scratch, { recursive: true, force: true });
    expect(problems).toEqual([]);
  }, 120_000);
});
