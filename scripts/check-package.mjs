#!/usr/bin/env node
// Build checks on the packed package, as a vendor installs it:
//   1. npm pack, and the file list is what `files` promises (no src, tests or maps of tests);
//   2. publint (strict) and arethetypeswrong on the tarball;
//   3. a fresh project installs the tarball and uses it from ESM, from CJS and from TypeScript
//      (moduleResolution node16 and bundler), a strict consumer (skipLibCheck false) of every entry
//      with and without fast-check, and the demo flow works.
// Offline except for the npm registry (zod, luxon); npm's cache makes repeated runs fast.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { distFiles } from './entries.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const packDir = join(root, '.pack');
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
let failed = false;
const fail = (msg) => {
  console.error(`✗ ${msg}`);
  failed = true;
};
const pass = (msg) => console.log(`✓ ${msg}`);

// 1. pack
rmSync(packDir, { recursive: true, force: true });
mkdirSync(packDir);
// --ignore-scripts: the build already ran, and its output would corrupt the JSON. So the manifest
// step that `prepack`/`postpack` run on a real pack (scripts/pack-manifest.mjs) runs here by hand.
const manifestStep = (action) => run(process.execPath, [join(root, 'scripts', 'pack-manifest.mjs'), action]);
let packed;
manifestStep('strip');
try {
  [packed] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir]));
} finally {
  manifestStep('restore');
}
const tarball = join(packDir, packed.filename);
// The packed package.json runs nothing on a consumer's install: no `prepare` (it builds in a clone
// only), no install hooks.
const packedManifest = JSON.parse(run('tar', ['-xOzf', tarball, 'package/package.json']));
const hooks = ['prepare', 'preinstall', 'install', 'postinstall'].filter((s) => packedManifest.scripts?.[s] !== undefined);
if (hooks.length > 0) fail(`the packed package.json carries scripts that run on a consumer's install: ${hooks.join(', ')}`);
else pass('the packed package.json carries no prepare or install script');
if (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts?.prepare === undefined)
  fail('package.json lost its prepare script after packing');
const files = packed.files.map((f) => f.path);
const stray = files.filter(
  (f) =>
    !/^(dist\/|sql\/[^/]+\.sql$|schemas\/[^/]+\.json$|conformance\/[^/]+\.json$|docs\/[^/]+\.md$|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/.test(
      f,
    ),
);
if (stray.length > 0) fail(`unexpected files in the package: ${stray.join(', ')}`);
// Every entry of the one list (scripts/entries.mjs), built for ESM and CJS with types, and the CLI.
for (const needed of [
  ...distFiles(),
  'sql/001-init.sql',
  'schemas/openapi.json',
  'schemas/plan.json',
  'schemas/event.json',
  'schemas/protocol.json',
  'schemas/intake.json',
  'README.md',
  'LICENSE',
]) {
  if (!files.includes(needed)) fail(`missing from the package: ${needed}`);
}
pass(`packed ${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(1)} KB`);

// 2. publint and arethetypeswrong
const bytes = readFileSync(tarball);
const { messages, pkg } = await publint({
  strict: true,
  pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
});
for (const m of messages) fail(`publint ${m.type}: ${formatMessage(m, pkg)}`);
if (messages.length === 0) pass('publint --strict: no issues');
try {
  run(join(root, 'node_modules/.bin/attw'), [tarball, '--format', 'ascii', '--no-color', '--profile', 'strict']);
  pass('arethetypeswrong: no problems (node10, node16 CJS and ESM, bundler)');
} catch (error) {
  fail(`arethetypeswrong:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
}

// 3. a fresh consumer project
const consumer = mkdtempSync(join(tmpdir(), 'smp-consumer-'));
try {
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball], { cwd: consumer });
  const flow = `
    const out = m.createPlan({ id: 'p', clientId: 'c', protocol: m.standardProtocol, timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
    if (!out.ok) throw new Error('createPlan failed');
    const booked = m.applyEvent(out.value, { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' }, { protocol: m.standardProtocol });
    if (!booked.ok || booked.value.sessions[0].booking.end !== '2026-03-23T14:00:00+00:00') throw new Error('applyEvent failed');
    const f = m.forecast(booked.value, { protocols: m.builtinProtocols, asOf: '2026-03-02T00:00:00Z' });
    if (!f.ok || f.value.next.session !== 1) throw new Error('forecast failed');
    if (m.forecast(booked.value, { protocol: m.standardProtocol, asOf: 'tomorrow' }).ok !== false) throw new Error('forecast accepted tomorrow');
    console.log('ok');`;
  writeFileSync(join(consumer, 'esm.mjs'), `import * as m from 'smp-protocol';\n${flow}`);
  writeFileSync(join(consumer, 'cjs.cjs'), `const m = require('smp-protocol');\n${flow}`);
  for (const file of ['esm.mjs', 'cjs.cjs']) {
    const out = run(process.execPath, [file], { cwd: consumer }).trim();
    if (out === 'ok') pass(`fresh project: ${file.endsWith('.cjs') ? 'require' : 'import'} works`);
    else fail(`fresh project: ${file} printed ${out}`);
  }
  // The export entries, from ESM and CJS: each loads the root entry by name, so a plan built by the
  // root entry is the one they read (one shared copy).
  const exportsFlow = `
    const out = m.createPlan({ id: 'p', clientId: 'c', protocol: m.standardProtocol, timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
    const booked = m.applyEvent(out.value, { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' }, { protocol: m.standardProtocol });
    const icsOut = ical.toICalendar(booked.value, { protocol: m.standardProtocol, timeZone: 'Europe/London' });
    const ics = icsOut.ok ? icsOut.value : '';
    if (!ics.includes('UID:p-s1@smp-protocol') || !ics.includes('DTSTART;TZID=Europe/London:20260323T100000') || !ics.includes('BEGIN:VTIMEZONE')) throw new Error('toICalendar failed');
    const bundleOut = fhir.toFhir(booked.value, { protocol: m.standardProtocol, asOf: '2026-03-02T00:00:00Z' });
    if (!bundleOut.ok) throw new Error('toFhir refused');
    const types = bundleOut.value.entry.map((e) => e.resource.resourceType);
    if (!types.includes('CarePlan') || !types.includes('Appointment') || types.includes('OperationOutcome')) throw new Error('toFhir failed: ' + types.join());
    const pd = fhir.toPlanDefinition(m.standardProtocol);
    if (!pd.ok || pd.value.resourceType !== 'PlanDefinition') throw new Error('toPlanDefinition failed');
    const svg = m.toTimelineSvg(booked.value, { protocol: m.standardProtocol, asOf: '2026-03-02T00:00:00Z' });
    const mermaid = m.toMermaid();
    if (!svg.ok || !svg.value.startsWith('<svg') || !mermaid.ok || !mermaid.value.startsWith('stateDiagram-v2')) throw new Error('pictures failed');
    console.log('ok');`;
  writeFileSync(
    join(consumer, 'exports.mjs'),
    `import * as m from 'smp-protocol';\nimport * as ical from 'smp-protocol/ical';\nimport * as fhir from 'smp-protocol/fhir';\n${exportsFlow}`,
  );
  writeFileSync(
    join(consumer, 'exports.cjs'),
    `const m = require('smp-protocol');\nconst ical = require('smp-protocol/ical');\nconst fhir = require('smp-protocol/fhir');\n${exportsFlow}`,
  );
  for (const file of ['exports.mjs', 'exports.cjs']) {
    const out = run(process.execPath, [file], { cwd: consumer }).trim();
    if (out === 'ok')
      pass(`fresh project: smp-protocol/ical and smp-protocol/fhir by ${file.endsWith('.cjs') ? 'require' : 'import'} work`);
    else fail(`fresh project: ${file} printed ${out}`);
  }
  writeFileSync(
    join(consumer, 'use.ts'),
    `import { applyEvent, builtinProtocols, createPlan, forecast, standardProtocol, type Finding, type Plan, type Forecast } from 'smp-protocol';
     const out = createPlan({ id: 'p', clientId: 'c', protocol: standardProtocol, timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
     if (out.ok) {
       const plan: Plan = out.value;
       const first = plan.sessions[0];
       // @ts-expect-error the published types are deeply readonly, as the values are frozen
       if (first !== undefined) first.state = 'completed';
       const next = applyEvent(plan, { id: 'e', type: 'planResumed', at: '2026-03-01T09:00:00Z' }, { protocol: standardProtocol });
       const findings: readonly Finding[] = next.findings;
       const f = forecast(plan, { protocols: builtinProtocols, asOf: '2026-03-01T09:00:00Z' });
       const value: Forecast | undefined = f.ok ? f.value : undefined;
       console.log(findings.length, value?.next?.session);
       // @ts-expect-error a misspelt event type does not compile
       applyEvent(plan, { id: 'e', type: 'sessionBook', at: '2026-03-01T09:00:00Z' }, { protocol: standardProtocol });
     }
     // @ts-expect-error the status union is closed
     const bad: Plan['status'] = 'paused';
     void bad;
     import { toICalendar, type ICalendarOptions } from 'smp-protocol/ical';
     import { toFhir, type FhirBundle, type FhirCarePlan } from 'smp-protocol/fhir';
     const icsOptions: ICalendarOptions = { protocol: standardProtocol, reminders: [{ minutesBefore: 60 }] };
     if (out.ok) {
       const icsOut = toICalendar(out.value, icsOptions);
       const ics: string = icsOut.ok ? icsOut.value : '';
       const bundleOut = toFhir(out.value, { protocol: standardProtocol });
       if (!bundleOut.ok) throw new Error('refused');
       const bundle: FhirBundle = bundleOut.value;
       const carePlan = bundle.entry.find((e): e is { resource: FhirCarePlan } => e.resource.resourceType === 'CarePlan');
       console.log(ics.length, carePlan?.resource.status);
     }\n`,
  );
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  for (const [module, resolution] of [
    ['node16', 'node16'],
    ['esnext', 'bundler'],
  ]) {
    try {
      run(
        process.execPath,
        [
          tsc,
          '--noEmit',
          '--strict',
          '--skipLibCheck',
          'false',
          '--module',
          module,
          '--moduleResolution',
          resolution,
          '--target',
          'es2022',
          '--types',
          'node',
          '--typeRoots',
          join(root, 'node_modules/@types'),
          'use.ts',
        ],
        { cwd: consumer },
      );
      pass(`fresh project: TypeScript (${resolution}) type-checks against the published .d.ts`);
    } catch (error) {
      fail(`fresh project: TypeScript (${resolution}):\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
  }
  // A strict consumer (skipLibCheck false) that imports every entry type-checks against the
  // published declarations, first without fast-check (an optional peer: the kit's .d.ts must not
  // need it), then with it installed and the kit's arbitraries typed as fast-check's own.
  const entries = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).exports)
    .filter((k) => k === '.' || !/[*]|package\.json$/.test(k))
    .map((k) => (k === '.' ? 'smp-protocol' : `smp-protocol/${k.slice(2)}`));
  const strictBody = `${entries.map((e, i) => `import * as entry${i} from '${e}';`).join('\n')}
     import type { Plan, Protocol } from 'smp-protocol';
     import { smpArbitraries, type FastCheckLike } from 'smp-protocol/testing';
     console.log(${entries.map((_, i) => `Object.keys(entry${i}).length`).join(' + ')});
     export function arbitraries(fc: FastCheckLike) {
       const plan = smpArbitraries(fc).plan();
       return plan.map(({ plan, protocol }: { plan: Plan; protocol: Protocol }) => [plan.id, protocol.id]);
     }\n`;
  const withFastCheck = `${strictBody}
     import fc from 'fast-check';
     declare module 'smp-protocol/testing' {
       interface ArbitraryKinds<T> { fastCheck: import('fast-check').Arbitrary<T> }
     }
     fc.assert(fc.property(smpArbitraries(fc).plan({ maxEvents: 3 }), ({ plan }) => plan.version >= 0), { numRuns: 5 });\n`;
  const strictCheck = (file, label) => {
    for (const [module, resolution] of [
      ['node16', 'node16'],
      ['esnext', 'bundler'],
    ]) {
      try {
        run(
          process.execPath,
          [
            tsc,
            '--noEmit',
            '--strict',
            '--skipLibCheck',
            'false',
            '--exactOptionalPropertyTypes',
            '--module',
            module,
            '--moduleResolution',
            resolution,
            '--target',
            'es2022',
            '--types',
            'node',
            '--typeRoots',
            join(root, 'node_modules/@types'),
            file,
          ],
          { cwd: consumer },
        );
        pass(
          `fresh project: a strict consumer (skipLibCheck false, ${resolution}) importing ${entries.length} entries type-checks ${label}`,
        );
      } catch (error) {
        fail(`fresh project: strict consumer (${resolution}) ${label}:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
      }
    }
  };
  writeFileSync(join(consumer, 'strict.mts'), strictBody);
  if (readdirSync(join(consumer, 'node_modules')).includes('fast-check')) fail('fresh project: fast-check was installed with the package');
  strictCheck('strict.mts', 'without fast-check installed');
  const fastCheckVersion = JSON.parse(readFileSync(join(root, 'node_modules/fast-check/package.json'), 'utf8')).version;
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', `fast-check@${fastCheckVersion}`], {
    cwd: consumer,
  });
  writeFileSync(join(consumer, 'strict-fc.mts'), withFastCheck);
  strictCheck('strict-fc.mts', `with fast-check ${fastCheckVersion} installed`);
  const property = run(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import fc from 'fast-check'; import { smpArbitraries } from 'smp-protocol/testing'; fc.assert(fc.property(smpArbitraries(fc).plan({ maxEvents: 3 }), ({ plan }) => plan.version >= 0), { numRuns: 5 }); console.log('ok');`,
    ],
    { cwd: consumer },
  ).trim();
  if (property === 'ok') pass('fresh project: smpArbitraries(fc) runs a property with the installed fast-check');
  else fail(`fresh project: the property printed ${property}`);
  // The testing kit, the schemas and the CLI, as an integrator uses them.
  writeFileSync(
    join(consumer, 'kit.mjs'),
    `import { aPlan } from 'smp-protocol/testing';
     import { createRequire } from 'node:module';
     const out = aPlan().inZone('Europe/London').withSession(1, '2026-03-23T10:00').build();
     if (!out.ok || out.value.status !== 'active') throw new Error('aPlan failed');
     const schema = createRequire(import.meta.url)('smp-protocol/schemas/plan.json');
     if (schema.$schema !== 'https://json-schema.org/draft/2020-12/schema') throw new Error('schema');
     console.log('ok');`,
  );
  const kit = run(process.execPath, ['kit.mjs'], { cwd: consumer }).trim();
  if (kit === 'ok') pass('fresh project: smp-protocol/testing and smp-protocol/schemas/plan.json load');
  else fail(`fresh project: kit.mjs printed ${kit}`);
  const bin = join(consumer, 'node_modules', '.bin', 'smp-protocol');
  const version = run(bin, ['--version'], { cwd: consumer }).trim();
  if (version === packed.version) pass(`fresh project: smp-protocol --version prints ${version}`);
  else fail(`fresh project: smp-protocol --version printed ${version}`);
  try {
    const conformance = run(bin, ['conformance', '--as-of', '2026-06-15T09:00:00Z'], { cwd: consumer }).trim().split('\n').at(-1);
    const m = /^(\d+) passed, 0 failed$/.exec(conformance ?? '');
    if (m !== null && Number(m[1]) >= 60) pass(`fresh project: npx smp-protocol conformance: ${conformance}`);
    else fail(`fresh project: smp-protocol conformance ended with ${conformance}`);
  } catch (error) {
    fail(
      `fresh project: smp-protocol conformance failed:\n${(error.stdout ?? '')
        .split('\n')
        .filter((l) => l.startsWith('Fail') || l.includes('passed'))
        .join('\n')}`,
    );
  }
  const installed = readdirSync(join(consumer, 'node_modules')).filter((d) => !d.startsWith('.'));
  pass(`fresh project installs: ${installed.join(', ')}`);
} finally {
  rmSync(consumer, { recursive: true, force: true });
}

if (failed) process.exit(1);
