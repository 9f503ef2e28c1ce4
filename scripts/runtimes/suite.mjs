// The body every runtime of the matrix runs: the whole conformance corpus through the public API,
// then a smoke of every entry the package exports. Plain ECMAScript: no `node:` import, no global
// beyond what Node, Deno, Bun, workerd and a browser all provide (Request, Response, console).
//
// The runtime's own runner imports the package (ESM or CJS, from node_modules, npm: specifiers or
// a bundle) and hands the modules over: `mods` maps entry names ('root', 'testing', 'ical', 'fhir',
// 'http', 'postgres', …) to module namespaces; `corpus` is `[{ file, cases }]`.

/** The corpus's relative dates are measured from this instant: fixed, so a run never depends on the day. */
export const CORPUS_AS_OF = '2026-06-15T09:00:00Z';

/**
 * Unwraps an Outcome (`{ ok, value, findings }`), passes a plain value through (the 0.1 readers and
 * exporters return plain values; 0.2 wraps them), and fails loudly on `{ ok: false }`.
 */
export function value(x, what = 'call') {
  if (x !== null && typeof x === 'object' && typeof x.ok === 'boolean' && Array.isArray(x.findings)) {
    if (x.ok) return x.value;
    throw new Error(`${what} refused: ${x.findings.map((f) => `${f.code}: ${f.message}`).join('; ')}`);
  }
  return x;
}

function eq(actual, expected, label) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${label}: expected ${e}, got ${a}`);
}

function ok(condition, label) {
  if (!condition) throw new Error(label);
}

function pick(object, keys) {
  const out = {};
  for (const k of keys) out[k] = object?.[k];
  return out;
}

const README_EVENTS = [
  { id: 'evt-1', type: 'sessionBooked', at: '2026-03-02T09:30:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
  { id: 'evt-2', type: 'sessionCompleted', at: '2026-03-23T14:10:00Z', session: 1 },
];

/** The README's plan: session 1 booked and completed in Europe/London. */
function readmePlan(root) {
  const protocol = root.standardProtocol;
  let plan = value(
    root.createPlan({ id: 'plan-0042', clientId: 'client-0042', protocol, timeZone: 'Europe/London', createdAt: '2026-03-02T09:00:00Z' }),
    'createPlan',
  );
  for (const event of README_EVENTS)
    plan = value(root.applyEvent(plan, event, { protocol, expectedVersion: plan.version }), `applyEvent ${event.id}`);
  return { plan, protocol };
}

/** The built-in protocols as a list, whichever of the 0.1 record or the 0.2 list the package has. */
function protocolList(root) {
  if (Array.isArray(root.builtinProtocols)) return root.builtinProtocols;
  return Object.values(root.protocols);
}

// ---------------------------------------------------------------------------------------------
// Smokes, one list per entry. Each check throws on failure.

function rootChecks(root) {
  return [
    [
      'root: the README course forecasts session 2 on the documented dates',
      () => {
        const { plan, protocol } = readmePlan(root);
        const next = value(root.forecast(plan, { protocol, asOf: '2026-03-24T09:00:00Z' }), 'forecast').next;
        eq(
          pick(next, ['session', 'state', 'earliest', 'recommended', 'pastDue', 'latest', 'projected', 'due']),
          {
            session: 2,
            state: 'pending',
            earliest: '2026-03-30',
            recommended: '2026-04-02',
            pastDue: '2026-04-07',
            latest: '2026-04-22',
            projected: false,
            due: 'notYet',
          },
          'forecast next',
        );
      },
    ],
    [
      'root: a booking 6 days after session 1 is refused with SPACING_BELOW_MINIMUM',
      () => {
        const { plan, protocol } = readmePlan(root);
        const out = root.applyEvent(
          plan,
          { id: 'evt-3', type: 'sessionBooked', at: '2026-03-24T09:00:00Z', session: 2, start: '2026-03-29T10:00:00+01:00' },
          { protocol },
        );
        eq(out.ok, false, 'ok');
        eq(
          out.findings.map((f) => f.code),
          ['SPACING_BELOW_MINIMUM'],
          'codes',
        );
      },
    ],
    [
      'root: evaluatePlan, replay and parsePlan agree on the plan',
      () => {
        const { plan, protocol } = readmePlan(root);
        const evaluation = value(root.evaluatePlan(plan, { protocol, asOf: '2026-03-24T09:00:00Z' }), 'evaluatePlan');
        eq(evaluation.status, 'active', 'status');
        eq(
          evaluation.sessions.map((s) => s.state),
          ['completed', 'pending', 'pending'],
          'session states',
        );
        const initial = value(
          root.createPlan({
            id: 'plan-0042',
            clientId: 'client-0042',
            protocol,
            timeZone: 'Europe/London',
            createdAt: '2026-03-02T09:00:00Z',
          }),
          'createPlan',
        );
        eq(value(root.replay(initial, plan.history, { protocol }), 'replay'), plan, 'replay');
        eq(value(root.parsePlan(JSON.parse(JSON.stringify(plan))), 'parsePlan'), plan, 'parsePlan');
      },
    ],
    [
      'root: malformed input is an INVALID_INPUT finding, not a throw',
      () => {
        const { plan, protocol } = readmePlan(root);
        const out = root.applyEvent(plan, 42, { protocol });
        eq([out.ok, out.findings.map((f) => f.code)], [false, ['INVALID_INPUT']], 'outcome');
        eq(root.parsePlan('{').ok, false, 'parsePlan of garbage');
      },
    ],
    [
      'root: Intl zones — a wall time skipped by DST is NONEXISTENT_LOCAL_TIME; a late UTC evening is the next local date',
      () => {
        eq(
          root.toInstant('2026-03-29T01:30', 'Europe/London').findings.map((f) => f.code),
          ['NONEXISTENT_LOCAL_TIME'],
          'toInstant',
        );
        eq(value(root.localDateOf('2026-03-29T23:30:00Z', 'Europe/London')), '2026-03-30', 'localDateOf');
        eq(value(root.localDateOf('2026-04-05T11:30:00Z', 'Pacific/Chatham')), '2026-04-06', 'localDateOf Chatham');
      },
    ],
    [
      'root: screening defers isotretinoin to 2026-03-20',
      () => {
        const s = value(
          root.screen(
            { dateOfBirth: '1988-11-04', isotretinoin: { lastDose: '2025-09-20' } },
            { protocol: root.standardProtocol, asOf: '2026-03-02T09:00:00Z', timeZone: 'Europe/London' },
          ),
          'screen',
        );
        eq([s.outcome, s.earliestStart], ['deferred', '2026-03-20'], 'screening');
      },
    ],
    [
      'root: pictures — toTimelineSvg is 800 px wide, toMermaid a state diagram',
      () => {
        const { plan, protocol } = readmePlan(root);
        const svg = value(root.toTimelineSvg(plan, { protocol, asOf: '2026-03-24T09:00:00Z' }), 'toTimelineSvg');
        ok(svg.startsWith('<svg') && svg.includes('width="800"'), `timeline: ${svg.slice(0, 80)}`);
        ok(value(root.toMermaid(protocol), 'toMermaid').startsWith('stateDiagram-v2'), 'mermaid');
      },
    ],
    [
      'root: findingKinds and httpStatusOf',
      () => {
        eq(root.findingKinds.SPACING_TOO_SOON, 'rule', 'kind');
        eq(root.httpStatusOf({ ok: false, findings: [{ code: 'INVALID_INPUT', severity: 'error', message: '' }] }), 400, 'status');
      },
    ],
  ];
}

function testingChecks(testing) {
  return [
    [
      'testing: aPlan builds a plan from local wall times',
      () => {
        const plan = value(
          testing.aPlan().inZone('Europe/London').withSession(1, '2026-03-23T10:00').withSession(2, '2026-04-02T10:00', 'booked').build(),
          'aPlan',
        );
        eq(
          plan.sessions.map((s) => [s.state, s.booking?.start ?? null]),
          [
            ['completed', '2026-03-23T10:00:00+00:00'],
            ['booked', '2026-04-02T10:00:00+01:00'],
            ['pending', null],
          ],
          'sessions',
        );
      },
    ],
    [
      'testing: fixedClock moves only when told',
      () => {
        const clock = testing.fixedClock('2026-03-24T09:00:00Z');
        eq(clock.now(), '2026-03-24T09:00:00Z', 'now');
        clock.advance({ days: 10 });
        eq(clock.now(), '2026-04-03T09:00:00Z', 'advanced');
      },
    ],
  ];
}

function icalChecks(root, ical) {
  return [
    [
      'ical: toICalendar gives one VEVENT per booked or completed session',
      () => {
        const { plan, protocol } = readmePlan(root);
        const text = value(ical.toICalendar(plan, { protocol }), 'toICalendar');
        ok(text.startsWith('BEGIN:VCALENDAR') && text.trimEnd().endsWith('END:VCALENDAR'), 'calendar frame');
        eq(text.split('BEGIN:VEVENT').length - 1, 1, 'VEVENT count');
        ok(/DTSTART[^\r\n]*:20260323T/.test(text), 'DTSTART of session 1');
      },
    ],
  ];
}

function fhirChecks(root, fhir) {
  return [
    [
      'fhir: toFhir gives a Bundle with a CarePlan; toPlanDefinition a PlanDefinition',
      () => {
        const { plan, protocol } = readmePlan(root);
        const bundle = value(fhir.toFhir(plan, { protocol, asOf: '2026-03-24T09:00:00Z' }), 'toFhir');
        eq(bundle.resourceType, 'Bundle', 'resourceType');
        ok(
          bundle.entry.some((e) => e.resource.resourceType === 'CarePlan'),
          'a CarePlan entry',
        );
        eq(value(fhir.toPlanDefinition(protocol), 'toPlanDefinition').resourceType, 'PlanDefinition', 'PlanDefinition');
      },
    ],
  ];
}

/**
 * A store in memory with the shape of `smp-protocol/postgres`'s (`createPlan`, `load`, `append`, the
 * outbox calls), built on the core: for runtimes where PGlite cannot load (workerd, the browser).
 */
export function memoryStore(root) {
  const plans = new Map();
  const find = (ref) => protocolList(root).find((p) => p.id === ref?.id && (ref.version === undefined || p.version === ref.version));
  const notFound = (id) => ({ ok: false, findings: [{ code: 'PLAN_NOT_FOUND', severity: 'error', message: `No plan ${id}.` }] });
  return {
    async createPlan(input) {
      const protocol = find(input?.protocol) ?? input?.protocol;
      const out = root.createPlan({ ...input, protocol });
      if (out.ok) plans.set(out.value.id, out.value);
      return out;
    },
    async load(id) {
      return plans.has(id) ? { ok: true, value: plans.get(id), findings: [] } : notFound(id);
    },
    async append(id, event, options = {}) {
      const plan = plans.get(id);
      if (plan === undefined) return notFound(id);
      const out = root.applyEvent(plan, event, { protocol: find(plan.protocol), ...options });
      if (out.ok) plans.set(id, out.value);
      return out;
    },
    async claimOutbox() {
      return { ok: true, value: [], findings: [] };
    },
    async completeOutbox() {
      return { ok: true, value: undefined, findings: [] };
    },
    async failOutbox() {
      return { ok: true, value: undefined, findings: [] };
    },
  };
}

async function body(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function httpChecks(root, mods, options) {
  return [
    [
      `http: create a plan, book, complete and forecast through Requests (${options.pglite ? 'store: smp-protocol/postgres on PGlite' : 'store: in memory'})`,
      async () => {
        let store;
        if (options.pglite && mods.postgres) {
          const client = await options.pglite();
          if (typeof mods.postgres.migrate === 'function') value(await mods.postgres.migrate(client), 'migrate');
          store = await mods.postgres.createStore({ client, protocols: protocolList(root), now: () => new Date('2026-03-02T09:00:00Z') });
        } else {
          store = memoryStore(root);
        }
        const handler = mods.http.createHandler({
          store,
          protocols: protocolList(root),
          authorize: () => true,
          now: () => new Date('2026-03-02T09:00:00Z'),
        });
        const call = async (method, path, json, headers = {}) => {
          const init = { method, headers: { 'content-type': 'application/json', ...headers } };
          if (json !== undefined) init.body = JSON.stringify(json);
          const response = await handler(new Request(`http://127.0.0.1${path}`, init));
          return { status: response.status, etag: response.headers.get('etag'), body: await body(response) };
        };
        const created = await call('POST', '/plans', {
          id: 'plan-0042',
          clientId: 'client-0042',
          protocol: { id: root.standardProtocol.id, version: root.standardProtocol.version },
          timeZone: 'Europe/London',
          createdAt: '2026-03-02T09:00:00Z',
        });
        eq(created.status, 201, `POST /plans (${JSON.stringify(created.body).slice(0, 300)})`);
        const booked = await call('POST', '/plans/plan-0042/events', README_EVENTS[0], { 'if-match': '"0"' });
        ok(booked.status === 200 || booked.status === 201, `booking: status ${booked.status} ${JSON.stringify(booked.body).slice(0, 300)}`);
        eq(booked.etag, '"1"', 'ETag after the booking');
        const completed = await call('POST', '/plans/plan-0042/events', README_EVENTS[1]);
        ok(completed.status === 200 || completed.status === 201, `completion: status ${completed.status}`);
        const f = await call('GET', '/plans/plan-0042/forecast?asOf=2026-03-24T09:00:00Z');
        eq(f.status, 200, 'forecast status');
        const next = f.body?.next ?? f.body?.value?.next ?? f.body?.forecast?.next;
        eq(
          pick(next, ['session', 'earliest', 'recommended']),
          { session: 2, earliest: '2026-03-30', recommended: '2026-04-02' },
          'forecast next',
        );
        const tooSoon = await call('POST', '/plans/plan-0042/events', {
          id: 'evt-3',
          type: 'sessionBooked',
          at: '2026-03-24T09:00:00Z',
          session: 2,
          start: '2026-03-29T10:00:00+01:00',
        });
        eq(tooSoon.status, 422, 'a refused booking');
        eq((await call('GET', '/plans/nope')).status, 404, 'an unknown plan');
      },
    ],
  ];
}

function genericChecks(name, mod) {
  return [[`${name}: the entry loads and exports something`, () => ok(Object.keys(mod).length > 0, `${name} exports nothing`)]];
}

/**
 * Runs the corpus and the smokes; prints one line per failure and ends with "N passed, M failed".
 * `options.pglite`: an async factory of a PGlite client, where the runtime can load PGlite.
 * `options.label`: printed before the count. `options.log`: defaults to console.log.
 */
export async function runSuite(mods, corpus, options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  const label = options.label ? `${options.label}: ` : '';
  let passed = 0;
  let failed = 0;
  const failures = [];
  const fail = (line) => {
    failed += 1;
    failures.push(line);
    log(`FAIL ${label}${line}`);
  };

  // The corpus: every case of every file, through smp-protocol/testing's runner.
  const { runConformanceCase } = mods.testing ?? {};
  if (typeof runConformanceCase !== 'function') fail('smp-protocol/testing does not export runConformanceCase');
  else {
    let cases = 0;
    for (const { file, cases: list } of corpus) {
      for (const c of list) {
        cases += 1;
        let result;
        try {
          // An Outcome: a case the runner cannot read is refused with findings.
          const out = runConformanceCase(c, { asOf: CORPUS_AS_OF });
          result = out.ok ? out.value : { id: c?.id, passed: false, failures: out.findings.map((f) => `${f.code}: ${f.message}`) };
        } catch (error) {
          result = { id: c?.id, passed: false, failures: [`threw ${error?.message ?? error}`] };
        }
        if (result.passed) passed += 1;
        else fail(`conformance ${file} ${result.id}: ${result.failures.join(' | ')}`);
      }
    }
    if (cases === 0) fail('the conformance corpus is empty');
  }

  if (options.corpusOnly !== true) {
    const checks = [];
    const known = new Set(['root', 'testing', 'ical', 'fhir', 'http', 'postgres']);
    if (mods.root) checks.push(...rootChecks(mods.root));
    else fail('the root entry did not load');
    if (mods.testing) checks.push(...testingChecks(mods.testing));
    if (mods.ical) checks.push(...icalChecks(mods.root, mods.ical));
    if (mods.fhir) checks.push(...fhirChecks(mods.root, mods.fhir));
    if (mods.http) checks.push(...httpChecks(mods.root, mods, options));
    else fail('smp-protocol/http did not load: the handler smoke could not run');
    for (const [name, mod] of Object.entries(mods)) if (!known.has(name)) checks.push(...genericChecks(name, mod));
    for (const [name, check] of checks) {
      try {
        await check();
        passed += 1;
      } catch (error) {
        fail(`${name}: ${error?.message ?? error}`);
      }
    }
  }
  log(`${label}${passed} passed, ${failed} failed`);
  return { passed, failed, failures };
}
