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
  const created = createPlan({ id: 'cli-plan', clientId: 'c', protocol: standardProtocol, timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
  if (!created.ok) throw new Error('createPlan failed');
  plan = created.value;
  for (const e of [
    { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
    { id: 'e2', type: 'sessionCompleted', at: '2026-03-23T15:00:00Z', session: 1 },
  ]) {
    plan = must(applyEvent(plan, e, { protocol: standardProtocol }));
  }
});

describe('smp-protocol CLI', () => {
  it('prints usage and exits 2 without a command, 0 with --help', () => {
    const none = cli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('Usage: smp-protocol <command>');
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['demo', 'plan', 'validate', 'forecast', 'screen', 'slots', 'schema', 'conformance', 'ics', 'fhir', 'timeline']) expect(help.stdout).toContain(`  ${name}`);
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

  it.each(['demo', 'plan', 'validate', 'forecast', 'screen', 'slots', 'schema', 'conformance', 'ics', 'fhir', 'timeline'])('%s --help prints its usage and exits 0', (name) => {
    const r = cli([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: smp-protocol ${name}`);
  });

  describe('plan', () => {
    it('proposes the course from a first session in the clinic zone', () => {
      const r = cli(['plan', '--start', '2026-03-23T10:00', '--zone', 'Europe/London']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('booked 2026-03-23T10:00:00+00:00 – 2026-03-23T14:00:00+00:00');
      expect(r.stdout).toContain('earliest 2026-03-30 · recommended 2026-04-02 · past due 2026-04-07 · latest 2026-04-22');
      expect(r.stdout).toContain('earliest 2026-04-09 · recommended 2026-04-16 · past due 2026-05-01 · latest 2026-05-28 (projected)');
    });

    it('prints JSON with --json', () => {
      const r = cli(['plan', '--start', '2026-03-23T10:00', '--zone', 'Europe/London', '--protocol', 'scar-camouflage', '--json']);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout) as { plan: Plan; forecast: { next: { session: number }; sessions: { earliest?: string }[] } };
      expect(json.plan.protocol).toEqual({ id: 'scar-camouflage', version: 1 });
      expect(json.forecast.sessions[1]?.earliest).toBe('2026-04-06');
    });

    it('refuses a local time skipped by DST, an unknown zone and missing arguments with exit 2', () => {
      const skipped = cli(['plan', '--start', '2026-03-29T01:30', '--zone', 'Europe/London']);
      expect(skipped.code).toBe(2);
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
      const booked2 = must(applyEvent(plan, { id: 'e-b2', type: 'sessionBooked', at: '2026-03-24T09:00:00Z', session: 2, start: '2026-04-02T10:00:00+01:00' }, { protocol: standardProtocol }));
      const r = cli(['validate', file('unrecorded.json', booked2), '--as-of', '2026-04-10T09:00:00Z']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('OUTCOME_NOT_RECORDED (session 2): Session 2 was booked for 2026-04-02, 8 days ago');
    });

    it('exits 1 for a plan that breaks a rule: a session 2 completed 3 days after session 1', () => {
      const early = must(applyEvent(plan, { id: 'e3', type: 'sessionCompleted', at: '2026-03-26T15:00:00Z', session: 2, start: '2026-03-26T10:00:00Z' }, { protocol: standardProtocol }));
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
      expect(r.stdout).toContain('earliest 2026-03-30 · recommended 2026-04-02 · past due 2026-04-07 · latest 2026-04-22 · notYet');
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
      const r = cli(['screen', file('intake.json', { dateOfBirth: '1990-05-14', isotretinoin: { lastDose: '2025-08-31' } }), '--zone', 'Europe/London', '--as-of', '2026-01-15T10:00:00Z']);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('deferred — earliest start 2026-03-01');
      expect(r.stdout).toContain('SCREENING_DEFERRED');
    });

    it('passes an eligible client with exit 0 and refuses a bad intake with exit 2', () => {
      const ok = cli(['screen', file('ok.json', { dateOfBirth: '1990-05-14' }), '--zone', 'Europe/London', '--as-of', '2026-01-15T10:00:00Z', '--json']);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.stdout)).toEqual({ outcome: 'eligible', findings: [] });
      const bad = cli(['screen', file('bad-intake.json', { dateOfBirth: '1990-02-30' }), '--zone', 'Europe/London', '--as-of', '2026-01-15T10:00:00Z']);
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
      const bundle = JSON.parse(r.stdout) as { resourceType: string; entry: { resource: { resourceType: string; code?: { coding?: { code: string }[] } } }[] };
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
      expect(r.stdout).toContain('refused SPACING_BELOW_MINIMUM: Session 2 on 2026-03-29 would be 6 days after session 1 (2026-03-23); the protocol needs at least 7 days for the skin to heal.');
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
      const text = cli(['slots', planPath, '--availability', avail, '--as-of', '2026-03-24T09:00:00Z', '--propose']);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('Session 2: ');
      expect(text.stdout).toContain('Session 3: ');
    });

    it('exits 1 with NO_SLOT_AVAILABLE when the clinic is closed, and 2 for a bad availability file', () => {
      const planPath = file('slots-plan2.json', plan);
      const closed = file('closed.json', { ...availability, weekly: [] });
      const none = cli(['slots', planPath, '--availability', closed, '--as-of', '2026-03-24T09:00:00Z']);
      expect(none.code).toBe(1);
      expect(none.stdout).toContain('NO_SLOT_AVAILABLE');
      const bad = cli(['slots', planPath, '--availability', file('bad-avail.json', { timeZone: 'Nowhere/Land', weekly: [] }), '--as-of', '2026-03-24T09:00:00Z']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('INVALID_TIME_ZONE');
      const missing = cli(['slots', planPath]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('slots needs --availability');
    });
  });
});
