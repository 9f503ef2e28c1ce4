// The CLI as a user runs it: the built binary, spawned, with its stdout, stderr and exit code.
// Needs `npm run build` first (npm test builds before it runs the unit tests).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEvent, createPlan, standardProtocol, type Plan } from 'smp-protocol';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'smp-cli-'));

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function must(p: ReturnType<typeof applyEvent>): Plan {
  if (!p.ok) throw new Error(p.findings.map((f) => f.message).join('; '));
  return p.value;
}

let plan: Plan;
beforeAll(() => {
  const created = createPlan({
    id: 'cli-plan',
    clientId: 'c',
    protocol: standardProtocol,
    timeZone: 'Europe/London',
    createdAt: '2026-03-01T09:00:00Z',
  });
  if (!created.ok) throw new Error('createPlan failed');
  plan = created.value;
  for (const e of [
    { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
    { id: 'e2', type: 'sessionCompleted', at: '2026-03-23T15:00:00Z', session: 1 },
  ]) {
    plan = must(applyEvent(plan, e, { protocol: standardProtocol }));
  }
});

// Each test spawns node a few times: on a loaded 2-core machine that takes seconds, not vitest's 5.
describe('smp-protocol CLI', { timeout: 60_000 }, () => {
  it('prints usage and exits 2 without a command, 0 with --help', () => {
    const none = cli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('Usage: smp-protocol <command>');
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['demo', 'plan', 'validate', 'forecast', 'screen', 'slots', 'schema', 'conformance', 'ics', 'fhir', 'timeline'])
      expect(help.stdout).toContain(`  ${name}`);
  });

  it('prints the package version', () => {
    const r = cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('refuses an unknown command on stderr with exit 2', () => {
    const r = cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
    expect(r.stdout).toBe('');
  });

  it.each(['demo', 'plan', 'validate', 'forecast', 'screen', 'slots', 'schema', 'conformance', 'ics', 'fhir', 'timeline', 'serve'])(
    '%s --help prints its usage and exits 0',
    (name) => {
      const r = cli([name, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: smp-protocol ${name}`);
    },
  );

  it('prints one JSON document with --json on every command, with the exit code of its outcome', () => {
    const path = file('json-plan.json', plan);
    const avail = file('json-avail.json', {
      timeZone: 'Europe/London',
      weekly: [4].map((weekday) => ({ weekday, open: '09:00', close: '17:00' })),
    });
    const closed = file('json-closed.json', { timeZone: 'Europe/London', weekly: [] });
    const intake = file('json-intake.json', { dateOfBirth: '1990-05-14', isotretinoin: { lastDose: '2025-08-31' } });
    const asOf = ['--as-of', '2026-03-24T09:00:00Z'];
    const runs: [string[], number, (json: unknown) => void][] = [
      [['demo'], 0, (j) => expect(j).toMatchObject({ id: 'plan-0042', status: 'completed' })],
      [
        ['plan', '--start', '2026-03-23T10:00', '--zone', 'Europe/London'],
        0,
        (j) => expect(j).toMatchObject({ id: 'plan-1', status: 'active' }),
      ],
      [
        ['plan', '--start', '2026-03-29T01:30', '--zone', 'Europe/London'],
        2,
        (j) => expect(j).toMatchObject({ ok: false, findings: [{ code: 'NONEXISTENT_LOCAL_TIME' }] }),
      ],
      [
        ['validate', path, ...asOf],
        0,
        (j) => expect(j).toMatchObject({ valid: true, evaluation: { sessions: [{ session: 1 }, { session: 2 }, { session: 3 }] } }),
      ],
      [['forecast', path, ...asOf], 0, (j) => expect(j).toMatchObject({ next: { session: 2, due: 'notYet' } })],
      [
        ['screen', intake, '--zone', 'Europe/London', '--as-of', '2026-01-15T10:00:00Z'],
        1,
        (j) => expect(j).toMatchObject({ outcome: 'deferred', earliestStart: '2026-03-01' }),
      ],
      [
        ['slots', path, '--availability', avail, ...asOf, '--limit', '1'],
        0,
        (j) => expect(j).toMatchObject({ ok: true, value: [{ session: 2, localDate: '2026-04-02', fit: 'onTime' }] }),
      ],
      [
        ['slots', path, '--availability', closed, ...asOf],
        1,
        (j) => expect(j).toMatchObject({ ok: false, findings: [{ code: 'NO_SLOT_AVAILABLE' }] }),
      ],
      [
        ['slots', path, '--availability', avail, ...asOf, '--propose'],
        0,
        (j) => expect(j).toMatchObject({ ok: true, value: { sessions: [{ session: 2 }, { session: 3 }] } }),
      ],
      [['schema', 'plan'], 0, (j) => expect(j).toMatchObject({ $id: 'urn:smp-protocol:schema:plan' })],
      [['schema', '--write', join(dir, 'schemas')], 0, (j) => expect((j as { written: string[] }).written).toHaveLength(7)],
      [['conformance', '--as-of', '2026-06-15T09:00:00Z'], 0, (j) => expect(j).toMatchObject({ asOf: '2026-06-15T09:00:00Z', failed: 0 })],
      [['ics', path], 0, (j) => expect((j as { value: string }).value.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)],
      [['fhir', path], 0, (j) => expect(j).toMatchObject({ ok: true, value: { resourceType: 'Bundle' } })],
      [['fhir', '--plan-definition'], 0, (j) => expect(j).toMatchObject({ ok: true, value: { resourceType: 'PlanDefinition' } })],
      [['timeline', path, ...asOf], 0, (j) => expect((j as { value: string }).value.startsWith('<svg')).toBe(true)],
      [['timeline', '--mermaid'], 0, (j) => expect((j as { value: string }).value.startsWith('stateDiagram-v2')).toBe(true)],
    ];
    for (const [args, code, check] of runs) {
      const r = cli([...args, '--json']);
      expect({ args, code: r.code }).toEqual({ args, code });
      check(JSON.parse(r.stdout));
    }
  });

  it('stops quietly when the reader closes the pipe early', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" demo | head -n 1`], { encoding: 'utf8' });
    expect(r.stdout).toBe('smp-protocol demo: Standard SMP course (protocol "standard" v1)\n');
    expect(r.stderr).toBe('');
  });

  describe('plan', () => {
    it('proposes the course from a first session in local dates and words', () => {
      const r = cli(['plan', '--start', '2026-03-23T10:00', '--zone', 'Europe/London']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout.split('\n')).toEqual([
        'Standard SMP course (standard v1), clinic time zone Europe/London',
        'Session 1 (foundation): booked Mon 23 March 2026, 10:00–14:00 GMT',
        'Session 2 (density): due from Mon 30 March 2026, best from Thu 2 April, past due after Mon 6 April, latest Wed 22 April',
        'Session 3 (refinement): due from Thu 9 April 2026, best from Thu 16 April, past due after Thu 30 April, latest Thu 28 May (projected)',
        '',
      ]);
    });

    it('writes the plan itself with --json, a file that validate accepts (stdin round trip)', () => {
      const r = cli([
        'plan',
        '--start',
        '2026-03-23T10:00',
        '--zone',
        'Europe/London',
        '--protocol',
        'scar-camouflage',
        '--id',
        'p-7',
        '--client',
        'c-7',
        '--json',
      ]);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout) as Plan;
      expect(json).toMatchObject({
        schemaVersion: 1,
        id: 'p-7',
        clientId: 'c-7',
        protocol: { id: 'scar-camouflage', version: 1 },
        timeZone: 'Europe/London',
        status: 'active',
        version: 1,
      });
      expect(json.sessions[0]).toMatchObject({ number: 1, state: 'booked', booking: { start: '2026-03-23T10:00:00+00:00' } });
      const checked = cli(['validate', '-', '--as-of', '2026-03-23T09:00:00Z'], r.stdout);
      expect(checked.stdout).toBe('-: valid\n');
      expect(checked.code).toBe(0);
      const stored = file('planned.json', r.stdout);
      const forecast = cli(['forecast', stored, '--as-of', '2026-03-23T09:00:00Z', '--json']);
      expect(forecast.code).toBe(0);
      expect(JSON.parse(forecast.stdout)).toMatchObject({
        next: { session: 1 },
        sessions: [{ session: 1 }, { session: 2, earliest: '2026-04-06' }, { session: 3 }],
      });
    });

    it('lists the built-in protocols for an unknown --protocol, with exit 2', () => {
      const r = cli(['plan', '--start', '2026-03-23T10:00', '--zone', 'Europe/London', '--protocol', 'standrad']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        'smp-protocol: unknown protocol "standrad": not a built-in id nor a file. Built-in protocols: standard, scar-camouflage, diffuse-thinning, alopecia-areata, touch-up\n',
      );
    });

    it('refuses a local time skipped by DST, an unknown zone and missing arguments with exit 2', () => {
      const skipped = cli(['plan', '--start', '2026-03-29T01:30', '--zone', 'Europe/London']);
      expect(skipped.code).toBe(2);
      expect(skipped.stdout).toBe('');
      expect(skipped.stderr).toContain('NONEXISTENT_LOCAL_TIME');
      const zone = cli(['plan', '--start', '2026-03-23T10:00', '--zone', 'Mars/Olympus']);
      expect(zone.code).toBe(2);
      expect(zone.stderr).toContain('INVALID_TIME_ZONE');
      const missing = cli(['plan', '--zone', 'Europe/London']);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('plan needs --start and --zone');
      const unknown = cli(['plan', '--start', '2026-03-23T10:00', '--zone', 'Europe/London', '--bogus']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain("Unknown option '--bogus'");
    });
  });

  describe('validate', () => {
    it('accepts a valid plan with exit 0, from a file and from stdin', () => {
      const path = file('plan.json', plan);
      const r = cli(['validate', path, '--as-of', '2026-03-24T09:00:00Z']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('valid');
      const stdin = cli(['validate', '-', '--as-of', '2026-03-24T09:00:00Z', '--json'], JSON.stringify(plan));
      expect(stdin.code).toBe(0);
      expect(JSON.parse(stdin.stdout)).toMatchObject({ valid: true });
    });

    it('shows a booking nobody recorded (OUTCOME_NOT_RECORDED) as a warning, with exit 0', () => {
      const booked2 = must(
        applyEvent(
          plan,
          { id: 'e-b2', type: 'sessionBooked', at: '2026-03-24T09:00:00Z', session: 2, start: '2026-04-02T10:00:00+01:00' },
          { protocol: standardProtocol },
        ),
      );
      const r = cli(['validate', file('unrecorded.json', booked2), '--as-of', '2026-04-10T09:00:00Z']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('OUTCOME_NOT_RECORDED (session 2): Session 2 was booked for 2026-04-02, 8 days ago');
    });

    it('exits 1 for a plan that breaks a rule: a session 2 completed 3 days after session 1', () => {
      const early = must(
        applyEvent(
          plan,
          { id: 'e3', type: 'sessionCompleted', at: '2026-03-26T15:00:00Z', session: 2, start: '2026-03-26T10:00:00Z' },
          { protocol: standardProtocol },
        ),
      );
      const r = cli(['validate', file('early.json', early), '--as-of', '2026-03-27T09:00:00Z']);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('SPACING_TOO_SOON');
    });

    it('exits 1 for a plan edited by hand so its sessions no longer follow from its history', () => {
      const edited = JSON.parse(JSON.stringify(plan)) as { sessions: { completed?: { start: string } }[] };
      const first = edited.sessions[0];
      if (first?.completed !== undefined) first.completed.start = '2026-03-22T10:00:00Z';
      const r = cli(['validate', file('edited.json', edited), '--as-of', '2026-03-24T09:00:00Z']);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('do not follow from its history');
    });

    it('exits 1 for a plan with a bad shape, 2 for bad JSON and for a missing file', () => {
      const shape = cli(['validate', file('shape.json', { ...plan, timeZone: 'Nowhere/Land' })]);
      expect(shape.code).toBe(1);
      expect(shape.stdout).toContain('INVALID_TIME_ZONE');
      const json = cli(['validate', file('bad.json', '{ "schemaVersion": 1, ')]);
      expect(json.code).toBe(2);
      expect(json.stderr).toContain('is not valid JSON');
      const missing = cli(['validate', join(dir, 'nope.json')]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('no such file');
      const none = cli(['validate']);
      expect(none.code).toBe(2);
      expect(none.stderr).toContain('missing <plan.json>');
    });
  });

  describe('forecast', () => {
    it('prints the windows as of --as-of, and JSON with --json', () => {
      const path = file('forecast.json', plan);
      const r = cli(['forecast', path, '--as-of', '2026-03-24T09:00:00Z']);
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')).toEqual([
        'Plan cli-plan (active) as of 09:00 GMT on Tue 24 March 2026',
        'Session 1 (foundation): done Mon 23 March 2026, 10:00–14:00 GMT',
        'Session 2 (density): due from Mon 30 March 2026, best from Thu 2 April, past due after Mon 6 April, latest Wed 22 April — not due yet',
        'Session 3 (refinement): due from Thu 9 April 2026, best from Thu 16 April, past due after Thu 30 April, latest Thu 28 May (projected) — not due yet',
        '',
      ]);
      const json = cli(['forecast', path, '--as-of', '2026-04-03T09:00:00Z', '--json']);
      expect(JSON.parse(json.stdout)).toMatchObject({ next: { session: 2, due: 'due' } });
    });

    it('refuses an --as-of without an offset with exit 2', () => {
      const r = cli(['forecast', file('f2.json', plan), '--as-of', '2026-03-24T09:00']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--as-of needs an instant with an offset');
    });
  });

  describe('screen', () => {
    it('defers a client on isotretinoin until the wait ends, with exit 1', () => {
      const r = cli([
        'screen',
        file('intake.json', { dateOfBirth: '1990-05-14', isotretinoin: { lastDose: '2025-08-31' } }),
        '--zone',
        'Europe/London',
        '--as-of',
        '2026-01-15T10:00:00Z',
      ]);
      expect(r.code).toBe(1);
      expect(r.stdout.split('\n')[0]).toBe('deferred — earliest start Sun 1 March 2026 (2026-03-01)');
      expect(r.stdout).toContain('SCREENING_DEFERRED');
    });

    it('passes an eligible client with exit 0 and refuses a bad intake with exit 2', () => {
      const ok = cli([
        'screen',
        file('ok.json', { dateOfBirth: '1990-05-14' }),
        '--zone',
        'Europe/London',
        '--as-of',
        '2026-01-15T10:00:00Z',
        '--json',
      ]);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.stdout)).toEqual({ outcome: 'eligible', findings: [] });
      const bad = cli([
        'screen',
        file('bad-intake.json', { dateOfBirth: '1990-02-30' }),
        '--zone',
        'Europe/London',
        '--as-of',
        '2026-01-15T10:00:00Z',
      ]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('dateOfBirth');
    });
  });

  describe('schema', () => {
    it('prints each JSON Schema, draft 2020-12', () => {
      for (const name of ['plan', 'event', 'protocol', 'intake']) {
        const r = cli(['schema', name]);
        expect(r.code).toBe(0);
        const schema = JSON.parse(r.stdout) as { $schema: string; $id: string };
        expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
        expect(schema.$id).toBe(`urn:smp-protocol:schema:${name}`);
      }
    });

    it('refuses an unknown schema with exit 2', () => {
      const r = cli(['schema', 'nonsense']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('unknown schema "nonsense"');
    });
  });

  describe('conformance', () => {
    it('runs the shipped corpus and ends with the summary line', () => {
      const r = cli(['conformance', '--as-of', '2026-06-15T09:00:00Z']);
      const last = r.stdout.trim().split('\n').at(-1) ?? '';
      expect(last).toMatch(/^\d+ passed, 0 failed$/);
      expect(Number(last.split(' ')[0])).toBeGreaterThanOrEqual(60);
      expect(r.code).toBe(0);
    });

    it('reports a failing case with Fail, its differences and exit 1', () => {
      const caseDir = mkdtempSync(join(tmpdir(), 'smp-corpus-'));
      writeFileSync(
        join(caseDir, 'wrong.json'),
        JSON.stringify({
          cases: [
            {
              id: 'deliberately-wrong',
              description: 'expects session 2 to be bookable 3 days after session 1',
              testType: 'boundaryProbe',
              protocol: 'standard',
              timeZone: 'Europe/London',
              events: [
                { type: 'sessionBooked', at: { days: -20, time: '09:00' }, session: 1, start: { days: -10, time: '10:00' } },
                { type: 'sessionCompleted', at: { days: -10, time: '15:00' }, session: 1 },
              ],
              probeEvent: { type: 'sessionBooked', at: { days: 0, time: '09:00' }, session: 2, start: { days: -7, time: '10:00' } },
              expected: { probe: { ok: true } },
              changedIn: '0.1.0',
            },
          ],
        }),
      );
      const r = cli(['conformance', caseDir, '--as-of', '2026-06-15T09:00:00Z']);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('Fail wrong.json deliberately-wrong');
      expect(r.stdout.trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
    });

    it('refuses a directory that does not exist with exit 2', () => {
      const r = cli(['conformance', join(dir, 'no-such-dir')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('cannot read the directory');
    });
  });

  describe('ics, fhir and timeline', () => {
    it('writes the plan as an iCalendar file, in UTC by default and with a VTIMEZONE under --tzid', () => {
      const path = file('ics.json', plan);
      const utc = cli(['ics', path]);
      expect(utc.code).toBe(0);
      expect(utc.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(utc.stdout).toContain('UID:cli-plan-s1@smp-protocol');
      expect(utc.stdout).toContain('DTSTART:20260323T100000Z');
      const local = cli(['ics', path, '--tzid', '--reminder', '1440', '--domain', 'clinic.example']);
      expect(local.code).toBe(0);
      expect(local.stdout).toContain('BEGIN:VTIMEZONE');
      expect(local.stdout).toContain('DTSTART;TZID=Europe/London:20260323T100000');
      expect(local.stdout).toContain('UID:cli-plan-s1@clinic.example');
      const bad = cli(['ics', path, '--reminder', 'soon']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--reminder takes whole minutes');
    });

    it('writes a FHIR R4 bundle, with forecast Observations under --as-of, and the PlanDefinition alone', () => {
      const path = file('fhir.json', plan);
      const r = cli(['fhir', path, '--as-of', '2026-03-24T09:00:00Z']);
      expect(r.code).toBe(0);
      const bundle = JSON.parse(r.stdout) as {
        resourceType: string;
        entry: { resource: { resourceType: string; code?: { coding?: { code: string }[] } } }[];
      };
      expect(bundle.resourceType).toBe('Bundle');
      const types = bundle.entry.map((e) => e.resource.resourceType);
      expect(types).toContain('CarePlan');
      expect(types).toContain('Procedure');
      expect(bundle.entry.some((e) => e.resource.code?.coding?.some((c) => c.code === '30980-7'))).toBe(true);
      const pd = cli(['fhir', '--plan-definition', '--protocol', 'scar-camouflage']);
      expect(pd.code).toBe(0);
      expect(JSON.parse(pd.stdout)).toMatchObject({ resourceType: 'PlanDefinition' });
    });

    it('draws the timeline as SVG and the state machine as Mermaid', () => {
      const svg = cli(['timeline', file('svg.json', plan), '--as-of', '2026-03-24T09:00:00Z']);
      expect(svg.code).toBe(0);
      expect(svg.stdout.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg.stdout).toContain('<title');
      const mermaid = cli(['timeline', '--mermaid']);
      expect(mermaid.code).toBe(0);
      expect(mermaid.stdout.startsWith('stateDiagram-v2')).toBe(true);
    });
  });

  describe('demo and slots', () => {
    it('prints the demo course with its refusal, and the final plan with --json', () => {
      const r = cli(['demo']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(
        'refused SPACING_BELOW_MINIMUM: Session 2 on 2026-03-29 would be 6 days after session 1 (2026-03-23); the protocol needs at least 7 days for the skin to heal.',
      );
      expect(r.stdout).toContain('SCREENING_DEFERRED');
      expect(r.stdout).toContain('Proposed course');
      const json = cli(['demo', '--json']);
      expect(JSON.parse(json.stdout)).toMatchObject({ id: 'plan-0042', status: 'completed', version: 6 });
    });

    const availability = {
      timeZone: 'Europe/London',
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '17:00' })),
      horizonDays: 60,
    };

    it('lists slots for the next session, best first, and proposes the whole course', () => {
      const planPath = file('slots-plan.json', plan);
      const avail = file('availability.json', availability);
      const r = cli(['slots', planPath, '--availability', avail, '--as-of', '2026-03-24T09:00:00Z', '--limit', '3', '--json']);
      expect(r.code).toBe(0);
      const found = JSON.parse(r.stdout) as { ok: boolean; value: { session: number; localDate: string; fit: string }[] };
      expect(found.ok).toBe(true);
      expect(found.value).toHaveLength(3);
      expect(found.value[0]).toMatchObject({ session: 2, localDate: '2026-04-02', fit: 'onTime' });
      const list = cli(['slots', planPath, '--availability', avail, '--as-of', '2026-03-24T09:00:00Z', '--limit', '2']);
      expect(list.code).toBe(0);
      expect(list.stdout.split('\n')).toEqual([
        'Session 2: Thu 2 April 2026, 09:00–12:00 BST · on time, 10 days after session 1',
        'Session 2: Thu 2 April 2026, 09:30–12:30 BST · on time, 10 days after session 1',
        '',
      ]);
      const text = cli(['slots', planPath, '--availability', avail, '--as-of', '2026-03-24T09:00:00Z', '--propose']);
      expect(text.code).toBe(0);
      expect(text.stdout.split('\n')).toEqual([
        'Session 2: Thu 2 April 2026, 09:00–12:00 BST · on time, 10 days after session 1',
        'Session 3: Thu 16 April 2026, 09:00–12:00 BST · on time, 14 days after session 2',
        '',
      ]);
    });

    it('exits 1 with NO_SLOT_AVAILABLE when the clinic is closed, and 2 for a bad availability file', () => {
      const planPath = file('slots-plan2.json', plan);
      const closed = file('closed.json', { ...availability, weekly: [] });
      const none = cli(['slots', planPath, '--availability', closed, '--as-of', '2026-03-24T09:00:00Z']);
      expect(none.code).toBe(1);
      expect(none.stdout).toContain('NO_SLOT_AVAILABLE');
      const bad = cli([
        'slots',
        planPath,
        '--availability',
        file('bad-avail.json', { timeZone: 'Nowhere/Land', weekly: [] }),
        '--as-of',
        '2026-03-24T09:00:00Z',
      ]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('INVALID_TIME_ZONE');
      const missing = cli(['slots', planPath]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('slots needs --availability');
    });
  });
});
