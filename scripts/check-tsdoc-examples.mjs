#!/usr/bin/env node
// Compiles every TSDoc `@example` of the package's exported symbols, as a consumer would write it.
//
// Each fenced TypeScript block of an `@example` (on an exported declaration, one of its members, or
// a module comment) becomes a module in a scratch folder; all of them are type-checked in one `tsc`
// program in which the package's public names (`smp-protocol`, `smp-protocol/ical`, …) resolve to
// their entries in src/. An example must also show a result: it calls or reads something real, and
// a comment shows the value (`f(x); // → 3`, `out.ok; // true`), so a reader sees the result. A bare
// literal, a type annotation only, a `declare`d value only, or imports only are flagged.
//
//   node scripts/check-tsdoc-examples.mjs            one line per problem, a count; exit 1 on any problem
//   node scripts/check-tsdoc-examples.mjs --report   the same, always exit 0
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const report = process.argv.includes('--report');
const scratch = join(root, 'node_modules', '.cache', 'tsdoc-examples');
const packageName = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name;

// ---------------------------------------------------------------------------------------------
// The public names: tsconfig's paths, plus every subpath of package.json's exports whose built file
// comes from a tsup entry (so a new entry is checked without touching this script).

function publicNames() {
  const names = new Map();
  const tsconfig = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile).config ?? {};
  for (const [name, targets] of Object.entries(tsconfig.compilerOptions?.paths ?? {})) {
    if (Array.isArray(targets) && typeof targets[0] === 'string') names.set(name, resolve(root, targets[0]));
  }
  let tsup = '';
  try {
    tsup = readFileSync(join(root, 'tsup.config.ts'), 'utf8');
  } catch {
    // no tsup config: tsconfig's paths are the whole list
  }
  const entries = new Map();
  for (const m of tsup.matchAll(/['"]?([\w.-]+)['"]?\s*:\s*['"](src\/[^'"]+\.tsx?)['"]/g)) entries.set(m[1], m[2]);
  const exportsMap = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).exports ?? {};
  for (const [subpath, target] of Object.entries(exportsMap)) {
    const file = JSON.stringify(target).match(/\.\/dist\/([\w.-]+)\.(?:d\.)?c?[jt]s"/)?.[1];
    const source = file === undefined ? undefined : entries.get(file);
    if (source === undefined) continue;
    const name = subpath === '.' ? packageName : `${packageName}/${subpath.replace(/^\.\//, '')}`;
    if (!names.has(name)) names.set(name, resolve(root, source));
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// Finding the examples.

function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry) && !entry.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const hasExport = (node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** Every JSDoc node of an exported top-level declaration and of its members, and every module comment. */
function exportedDocs(sf) {
  const docs = [];
  const visit = (node) => {
    for (const doc of node.jsDoc ?? []) docs.push(doc);
    ts.forEachChild(node, visit);
  };
  for (const statement of sf.statements) {
    const exported = hasExport(statement) || ts.isExportDeclaration(statement) || ts.isExportAssignment(statement);
    if (exported) {
      visit(statement);
      continue;
    }
    // A module comment rides on the file's first statement, whatever it is.
    for (const doc of statement.jsDoc ?? []) {
      if ((doc.tags ?? []).some((t) => ['module', 'packageDocumentation'].includes(t.tagName.text))) docs.push(doc);
    }
  }
  return docs;
}

/**
 * The code blocks of one `@example` tag, each with the 1-based source line of its first code line.
 * A tag without a fence is one block (typedoc renders it as code).
 */
function exampleBlocks(sf, tag) {
  const text = sf.text.slice(tag.getStart(sf), tag.end);
  const firstLine = sf.getLineAndCharacterOfPosition(tag.getStart(sf)).line + 1;
  const lines = text.split('\n').map((line, i) => ({
    line: firstLine + i,
    text: (i === 0 ? line.replace(/^@example\b/, '') : line.replace(/^\s*\*\/?\s?/, '')).replace(/\s*\*\/\s*$/, ''),
  }));
  const blocks = [];
  let open;
  for (const l of lines.slice(1)) {
    const fence = l.text.match(/^\s*```\s*([\w-]*)/);
    if (fence && open === undefined) open = { lang: fence[1].toLowerCase(), line: l.line + 1, lines: [] };
    else if (fence && open !== undefined) {
      blocks.push(open);
      open = undefined;
    } else if (open !== undefined) open.lines.push(l.text);
  }
  if (blocks.length === 0 && open === undefined) {
    const body = lines.slice(1).filter((l) => l.text.trim() !== '');
    if (body.length > 0) blocks.push({ lang: 'ts', line: body[0].line, lines: lines.slice(lines.indexOf(body[0])).map((l) => l.text) });
  }
  return blocks
    .filter((b) => ['', 'ts', 'typescript', 'js', 'javascript', 'mts', 'tsx'].includes(b.lang))
    .map((b) => ({ line: b.line, code: b.lines.join('\n').replace(/\s+$/, '') }));
}

// ---------------------------------------------------------------------------------------------
// "Shows a result": the example calls or reads something real, and a comment shows the value.

function resultProblem(code) {
  const sf = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const body = sf.statements.filter((s) => !ts.isImportDeclaration(s) && !ts.isImportEqualsDeclaration(s));
  if (body.length === 0) return 'shows no result: imports only';
  const calls = (node) => {
    let found = false;
    const visit = (n) => {
      if (found) return;
      if (ts.isCallExpression(n) || ts.isNewExpression(n) || ts.isTaggedTemplateExpression(n)) found = true;
      else ts.forEachChild(n, visit);
    };
    visit(node);
    return found;
  };
  // Names bound by `declare const x: T`: a value the example makes up, so reading it shows nothing.
  const ambient = new Set(
    body
      .filter((s) => ts.isVariableStatement(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.DeclareKeyword))
      .flatMap((s) => s.declarationList.declarations.map((d) => d.name.getText(sf))),
  );
  // Whether an expression reads a real value: an identifier that is not made up (property names aside).
  const reads = (node) => {
    let found = false;
    const visit = (n) => {
      if (found) return;
      if (ts.isIdentifier(n)) {
        const parent = n.parent;
        const propertyName =
          parent !== undefined && (ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent)) && parent.name === n;
        if (!propertyName && !ambient.has(n.text) && n.text !== 'undefined') found = true;
      } else ts.forEachChild(n, visit);
    };
    visit(node);
    return found;
  };
  // A statement that does something to show: a call, or an expression statement that reads a real
  // value (`protocols.standard.id; // 'standard'`).
  const acting = body.filter((s) => calls(s) || (ts.isExpressionStatement(s) && reads(s.expression)));
  if (acting.length === 0) {
    const typesOnly = body.every(
      (s) =>
        ts.isTypeAliasDeclaration(s) ||
        ts.isInterfaceDeclaration(s) ||
        (ts.isVariableStatement(s) && s.declarationList.declarations.every((d) => d.type !== undefined)),
    );
    if (typesOnly) return 'shows no result: a type annotation only, nothing is called or read';
    const literal = body.every(
      (s) =>
        ts.isExpressionStatement(s) ||
        ts.isTypeAliasDeclaration(s) ||
        ts.isInterfaceDeclaration(s) ||
        (ts.isVariableStatement(s) && s.declarationList.declarations.every((d) => d.initializer === undefined || !calls(d))),
    );
    return literal
      ? 'shows no result: a bare literal or a made-up (declared) value, nothing is called or read'
      : 'shows no result: nothing is called or read';
  }
  // Comments, from the syntax tree (a scanner alone misreads template literals), with whether code
  // stands before them on their line.
  const lineOf = (pos) => sf.getLineAndCharacterOfPosition(pos).line;
  const comments = new Map();
  const collect = (node) => {
    for (const range of [...(ts.getLeadingCommentRanges(code, node.pos) ?? []), ...(ts.getTrailingCommentRanges(code, node.end) ?? [])]) {
      const lineStart = code.lastIndexOf('\n', range.pos - 1) + 1;
      comments.set(range.pos, {
        line: lineOf(range.pos),
        trailing: code.slice(lineStart, range.pos).trim() !== '',
        text: code.slice(range.pos, range.end).replace(/^\/[/*]\s*/, ''),
      });
    }
    ts.forEachChild(node, collect);
  };
  collect(sf);
  collect(sf.endOfFileToken);
  // A result is a comment after code on a line of an acting statement (`f(x); // → 3`,
  // `out.ok; // true`), or a comment line right after one (`toMermaid(p);` then `// stateDiagram-v2`).
  const shown = acting.some((s) => {
    const first = lineOf(s.getStart(sf));
    const last = lineOf(s.end);
    return [...comments.values()].some((c) => (c.trailing && c.line >= first && c.line <= last) || (!c.trailing && c.line === last + 1));
  });
  return shown ? undefined : 'shows no result: no comment shows what the call returns';
}

// ---------------------------------------------------------------------------------------------

const files = sourceFiles(join(root, 'src'));
const examples = [];
for (const path of files) {
  const sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const seen = new Set();
  for (const doc of exportedDocs(sf)) {
    if (seen.has(doc.pos)) continue;
    seen.add(doc.pos);
    for (const tag of doc.tags ?? []) {
      if (tag.tagName.text !== 'example') continue;
      const tagLine = sf.getLineAndCharacterOfPosition(tag.getStart(sf)).line + 1;
      const blocks = exampleBlocks(sf, tag);
      if (blocks.length === 0) examples.push({ file: relative(root, path), tagLine, line: tagLine, code: '' });
      for (const block of blocks) examples.push({ file: relative(root, path), tagLine, ...block });
    }
  }
}

rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
// Each example is a module of its own (`export {}`), so names never clash between examples.
examples.forEach((example, i) => {
  example.module = join(scratch, `example-${String(i).padStart(3, '0')}.ts`);
  writeFileSync(example.module, `${example.code}\nexport {};\n`);
});

const names = publicNames();
const base = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile).config?.compilerOptions ?? {};
const { options } = ts.convertCompilerOptionsFromJson(
  {
    ...base,
    // What a consumer's example may do that the library itself may not: declare a value to show it,
    // and run where Node's globals (console) exist.
    noUnusedLocals: false,
    noUnusedParameters: false,
    types: ['node'],
    noEmit: true,
    paths: Object.fromEntries([...names].map(([name, file]) => [name, [file]])),
  },
  root,
);
const program = ts.createProgram({ rootNames: examples.map((e) => e.module), options });
const byModule = new Map(examples.map((e) => [resolve(e.module), e]));

const problems = [];
for (const example of examples) {
  if (example.code.trim() === '') {
    problems.push({ file: example.file, line: example.tagLine, text: 'empty example: no TypeScript code block' });
    continue;
  }
  const problem = resultProblem(example.code);
  if (problem !== undefined) problems.push({ file: example.file, line: example.tagLine, text: problem });
}
const typeErrored = new Set();
for (const d of [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()]) {
  problems.push({ file: 'tsconfig', line: 0, text: ts.flattenDiagnosticMessageText(d.messageText, ' ') });
}
for (const sf of program.getRootFileNames().map((f) => program.getSourceFile(f))) {
  if (sf === undefined) continue;
  const example = byModule.get(resolve(sf.fileName));
  if (example === undefined) continue;
  for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
    const line = d.start === undefined ? 0 : sf.getLineAndCharacterOfPosition(d.start).line;
    typeErrored.add(example);
    problems.push({
      file: example.file,
      line: example.line + line,
      text: `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
    });
  }
}

problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
for (const p of problems) console.log(`${p.file}:${p.line}: ${p.text}`);
const noResult = problems.filter((p) => p.text.startsWith('shows no result') || p.text.startsWith('empty')).length;
const typeErrors = problems.length - noResult;
console.log(
  `${examples.length} examples in ${new Set(examples.map((e) => e.file)).size} files: ` +
    `${problems.length} problems (${typeErrors} type errors in ${typeErrored.size} examples, ${noResult} examples show no result)`,
);
rmSync(scratch, { recursive: true, force: true });
process.exit(problems.length > 0 && !report ? 1 : 0);
