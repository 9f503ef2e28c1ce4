/**
 * Untrusted input for every entry point that takes it: parsePlan, createPlan, applyEvent, replay,
 * evaluatePlan, forecast, defineProtocol (and toInstant, localDateOf). Nothing may throw; each
 * problem is a finding with the right code and the path to it.
 */
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  createPlan,
  defineProtocol,
  evaluatePlan,
  forecast,
  localDateOf,
  parsePlan,
  replay,
  standardProtocol,
  toInstant,
  type Evaluation,
  type Finding,
  type Forecast,
  type Outcome,
  type Plan,
} from 'smp-protocol';
import { applyAll, mustFail, mustOk } from '../support/plans.js';

// The public signatures are typed; untrusted callers are not. Erase the types to call them as a
// JSON-fed back end would.
const parseAny = parsePlan as (input: unknown) => Outcome<Plan>;
const createAny = createPlan as unknown as (input: unknown) => Outcome<Plan>;
const applyAny = applyEvent as unknown as (plan: unknown, event: unknown, options: unknown) => Outcome<Plan>;
const replayAny = replay as unknown as (plan: unknown, events: unknown, options: unknown) => Outcome<Plan>;
const evaluateAny = evaluatePlan as unknown as (plan: unknown, options: unknown) => Outcome<Evaluation>;
const forecastAny = forecast as unknown as (plan: unknown, options: unknown) => Outcome<Forecast>;
const toInstantAny = toInstant as unknown as (local: unknown, zone: unknown) => Outcome<string>;
const localDateOfAny = localDateOf as unknown as (instant: unknown, zone: unknown) => Outcome<string>;

const protocol = standardProtocol;
const options = { protocol };
const readOptions = { protocol, asOf: '2026-03-01T09:00:00Z' };
const validEvent = { id: 'p1', type: 'planPaused', at: '2026-01-06T09:00:00Z', reason: 'client request' };

/** A plan with a booking, its history and metadata: the shape a vendor stores. */
function storedPlan(): Plan {
  const created = mustOk(
    createPlan({
      id: 'plan-9',
      clientId: 'client-9',
      protocol,
      timeZone: 'Europe/London',
      createdAt: '2026-01-05T09:00:00Z',
      metadata: { crmId: 42, tags: ['vip'], nested: { a: [1, { b: null }] } },
    }),
  );
  return applyAll(created, [{ id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:05:00Z', session: 1, start: '2026-01-12T10:00:00Z' }]);
}

/** Plain JSON of the stored plan, to break one field at a time. */
function json(): Record<string, unknown> & { sessions: Record<string, unknown>[]; history: Record<string, unknown>[] } {
  return JSON.parse(JSON.stringify(storedPlan())) as ReturnType<typeof json>;
}

/** The one finding of a refusal, which must have this code and path. */
function only(outcome: Outcome<unknown>, code: string, path: (string | number)[] | undefined): Finding {
  const findings = mustFail(outcome);
  expect(findings).toHaveLength(1);
  const [f] = findings;
  expect(f?.code).toBe(code);
  expect(f?.severity).toBe('error');
  expect(f?.path).toEqual(path);
  return f as Finding;
}

/** Findings never echo a huge input back: messages and params stay short. */
function short(findings: readonly Finding[]): void {
  expect(JSON.stringify(findings).length).toBeLessThan(4_000);
}

function deepObject(levels: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let cursor = root;
  for (let i = 0; i < levels; i++) {
    const next: Record<string, unknown> = {};
    cursor.x = next;
    cursor = next;
  }
  return root;
}

function deepArray(levels: number): unknown[] {
  const root: unknown[] = [];
  let cursor = root;
  for (let i = 0; i < levels; i++) {
    const next: unknown[] = [];
    cursor.push(next);
    cursor = next;
  }
  return root;
}

/** A Proxy that throws on every trap: reading, listing, checking, even asking its prototype. */
function hostileProxy<T extends object>(target: T): T {
  const boom = (): never => {
    throw new Error('hostile proxy');
  };
  return new Proxy(target, {
    get: boom,
    set: boom,
    has: boom,
    ownKeys: boom,
    getOwnPropertyDescriptor: boom,
    getPrototypeOf: boom,
    setPrototypeOf: boom,
    isExtensible: boom,
    preventExtensions: boom,
    defineProperty: boom,
    deleteProperty: boom,
    apply: boom,
    construct: boom,
  });
}

describe('values that are not objects at all', () => {
  const junk: [label: string, value: unknown][] = [
    ['null', null],
    ['undefined', undefined],
    ['0', 0],
    ['42', 42],
    ['NaN', Number.NaN],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['an empty string', ''],
    ['a string', 'plan'],
    ['true', true],
    ['a symbol', Symbol('plan')],
    ['a bigint', 10n],
    ['a function', () => 1],
  ];
  const arrays: [label: string, value: unknown][] = [
    ['an empty array', []],
    ['an array', [1, 2]],
  ];

  it.each([...junk, ...arrays])('parsePlan(%s) → INVALID_INPUT at []', (_label, value) => {
    const f = only(parseAny(value), 'INVALID_INPUT', []);
    expect(f.params).toEqual({ path: '', problem: 'type', expected: 'plan', detail: 'must be a plan object.' });
  });

  it.each([...junk, ...arrays])('createPlan(%s) → INVALID_INPUT at []', (_label, value) => {
    only(createAny(value), 'INVALID_INPUT', []);
  });

  it.each([...junk, ...arrays])('applyEvent(plan, %s) → INVALID_INPUT at []', (_label, value) => {
    only(applyAny(storedPlan(), value, options), 'INVALID_INPUT', []);
  });

  it.each([...junk, ...arrays])('applyEvent(%s, event) → INVALID_INPUT at [plan]', (_label, value) => {
    only(applyAny(value, validEvent, options), 'INVALID_INPUT', ['plan']);
  });

  it.each([...junk, ...arrays])('applyEvent(plan, event, %s) → INVALID_INPUT under [options]', (_label, value) => {
    const f = only(
      applyAny(storedPlan(), validEvent, value),
      'INVALID_INPUT',
      Array.isArray(value) ? ['options', 'protocol'] : ['options'],
    );
    expect(f.path?.[0]).toBe('options');
  });

  it.each([...junk, ...arrays])('replay(%s, []) → INVALID_INPUT at [plan]', (_label, value) => {
    only(replayAny(value, [], options), 'INVALID_INPUT', ['plan']);
  });

  it.each(junk)('replay(plan, %s) → INVALID_INPUT at [events]', (_label, value) => {
    only(replayAny(storedPlan(), value, options), 'INVALID_INPUT', ['events']);
  });

  it('replay(plan, [1, 2]) → INVALID_INPUT at [0]; an array-like object is not an array', () => {
    only(replayAny(storedPlan(), [1, 2], options), 'INVALID_INPUT', [0]);
    only(replayAny(storedPlan(), { length: 1, 0: validEvent }, options), 'INVALID_INPUT', ['events']);
  });

  it.each([...junk, ...arrays])('evaluatePlan(%s) → no sessions, INVALID_INPUT at [plan]', (_label, value) => {
    const e = evaluateAny(value, readOptions);
    expect(e).toEqual({ ok: false, findings: [expect.objectContaining({ code: 'INVALID_INPUT', severity: 'error', path: ['plan'] })] });
  });

  it.each([...junk, ...arrays])('forecast(%s) → next null, INVALID_INPUT at [plan]', (_label, value) => {
    const f = forecastAny(value, readOptions);
    expect(f).toEqual({ ok: false, findings: [expect.objectContaining({ code: 'INVALID_INPUT', severity: 'error', path: ['plan'] })] });
  });

  it.each(junk)(
    'evaluatePlan and forecast with options %s → INVALID_INPUT at [options] and INVALID_INSTANT at [options, asOf]',
    (_label, value) => {
      const expected = [
        expect.objectContaining({ code: 'INVALID_INPUT', path: ['options'] }),
        expect.objectContaining({
          code: 'INVALID_INSTANT',
          path: ['options', 'asOf'],
          params: expect.objectContaining({ problem: 'format' }),
        }),
      ];
      expect(evaluateAny(storedPlan(), value)).toEqual({ ok: false, findings: expected });
      expect(forecastAny(storedPlan(), value)).toEqual({ ok: false, findings: expected });
    },
  );

  it.each([...junk, ...arrays])('defineProtocol(%s) → INVALID_INPUT at []', (_label, value) => {
    only(defineProtocol(value), 'INVALID_INPUT', []);
  });

  it.each(junk)('toInstant and localDateOf with %s → INVALID_INSTANT or INVALID_TIME_ZONE', (_label, value) => {
    only(toInstantAny(value, 'Europe/London'), 'INVALID_INSTANT', ['localDateTime']);
    only(toInstantAny('2026-03-23T10:00', value), 'INVALID_TIME_ZONE', ['timeZone']);
    only(localDateOfAny(value, 'Europe/London'), 'INVALID_INSTANT', ['instant']);
    only(localDateOfAny('2026-03-23T10:00:00Z', value), 'INVALID_TIME_ZONE', ['timeZone']);
  });
});

describe('objects that are not plain data', () => {
  class Client {
    id = 'plan-1';
  }
  const instances: [label: string, value: object][] = [
    ['a Date', new Date(0)],
    ['a Map', new Map([['id', 'plan-1']])],
    ['a RegExp', /plan/],
    ['a class instance', new Client()],
    ['a typed array', new Uint8Array(3)],
    ['an Error', new Error('plan')],
    ['a Promise', Promise.resolve(1)],
  ];
  it.each(instances)('%s is refused field by field (INVALID_INPUT), never thrown on', (_label, value) => {
    for (const out of [
      parseAny(value),
      createAny(value),
      applyAny(storedPlan(), value, options),
      defineProtocol(value) as Outcome<unknown>,
    ]) {
      const findings = mustFail(out);
      expect(findings.length).toBeGreaterThan(0);
      expect(new Set(findings.map((f) => f.code))).toEqual(new Set(['INVALID_INPUT']));
    }
  });
});

describe('plans with missing fields and wrong types', () => {
  const required = ['schemaVersion', 'id', 'clientId', 'protocol', 'timeZone', 'createdAt', 'status', 'sessions', 'history', 'version'];
  it.each(required)('a plan without %s → INVALID_INPUT at [%s]', (field) => {
    const plan = json();
    delete plan[field];
    const f = only(parseAny(plan), 'INVALID_INPUT', [field]);
    expect(f.message).toContain(field);
  });

  const wrongTypes: [field: string, value: unknown, path: (string | number)[], detail: string][] = [
    ['id', 42, ['id'], 'expected string, received a number.'],
    ['clientId', null, ['clientId'], 'expected string, received null.'],
    ['sessions', 'three', ['sessions'], 'expected array, received a string.'],
    ['history', {}, ['history'], 'expected array, received an object.'],
    ['version', '1', ['version'], 'expected number, received a string.'],
    ['version', Number.NaN, ['version'], 'expected number, received NaN.'],
    ['version', 1.5, ['version'], 'expected a whole number, received a number.'],
    ['metadata', [1, 2], ['metadata'], 'expected object, received an array.'],
    ['metadata', 'x', ['metadata'], 'expected object, received a string.'],
  ];
  it.each(wrongTypes)('%s = %j → INVALID_INPUT at %j', (field, value, path, detail) => {
    const plan = json();
    plan[field] = value;
    expect(only(parseAny(plan), 'INVALID_INPUT', path).params).toMatchObject({ path: path.join('.'), detail });
  });

  it('a wrong status names the allowed ones', () => {
    const plan = json();
    plan.status = 'paused';
    expect(only(parseAny(plan), 'INVALID_INPUT', ['status']).message).toContain('"onHold"');
  });

  it('nested problems carry the whole path', () => {
    const plan = json();
    (plan.sessions[0] as { booking: { end: unknown } }).booking.end = 1_767_000_000_000;
    only(parseAny(plan), 'INVALID_INPUT', ['sessions', 0, 'booking', 'end']);
    const plan2 = json();
    (plan2.history[0] as Record<string, unknown>).session = '1';
    only(parseAny(plan2), 'INVALID_INPUT', ['history', 0, 'session']);
  });

  it('a plan inconsistent with itself is refused where it is inconsistent', () => {
    const plan = json();
    plan.version = 5;
    only(parseAny(plan), 'INVALID_INPUT', ['version']);
    const drafted = json();
    drafted.status = 'draft';
    only(parseAny(drafted), 'INVALID_INPUT', ['status']);
    const repeated = json();
    repeated.history = [...repeated.history, ...repeated.history];
    repeated.version = 2;
    only(parseAny(repeated), 'INVALID_INPUT', ['history', 1, 'id']);
  });

  it('createPlan without a protocol, or with a broken one, points into protocol', () => {
    only(createAny({ id: 'p', clientId: 'c', timeZone: 'UTC', createdAt: '2026-01-01T00:00:00Z' }), 'INVALID_INPUT', ['protocol']);
    const bad = createAny({
      id: 'p',
      clientId: 'c',
      protocol: { ...protocol, version: 0 },
      timeZone: 'UTC',
      createdAt: '2026-01-01T00:00:00Z',
    });
    only(bad, 'INVALID_INPUT', ['protocol', 'version']);
  });

  it('createPlan reports every missing field at once', () => {
    const findings = mustFail(createAny({ id: 'p' }));
    expect(findings.map((f) => f.path)).toEqual([['clientId'], ['timeZone'], ['createdAt'], ['protocol']]);
  });

  it('events with wrong types and values are refused at the field', () => {
    const plan = storedPlan();
    const cases: [event: Record<string, unknown>, path: (string | number)[]][] = [
      [{ ...validEvent, type: 'sessionExploded' }, ['type']],
      [{ id: 'e', type: 'sessionBooked', at: '2026-01-06T09:00:00Z', session: 0, start: '2026-01-20T10:00:00Z' }, ['session']],
      [{ id: 'e', type: 'sessionBooked', at: '2026-01-06T09:00:00Z', session: 1.5, start: '2026-01-20T10:00:00Z' }, ['session']],
      [{ id: 'e', type: 'sessionBooked', at: '2026-01-06T09:00:00Z', session: '2', start: '2026-01-20T10:00:00Z' }, ['session']],
      [
        { id: 'e', type: 'sessionBooked', at: '2026-01-06T09:00:00Z', session: 2, start: '2026-01-20T10:00:00Z', durationMinutes: 0 },
        ['durationMinutes'],
      ],
      [{ ...validEvent, id: '' }, ['id']],
      [{ ...validEvent, id: 7 }, ['id']],
      [{ ...validEvent, note: 42 }, ['note']],
      [{ ...validEvent, until: '2026-02-30' }, ['until']],
      [
        { id: 'e', type: 'sessionCompleted', at: '2026-01-12T15:00:00Z', session: 1, record: { zones: ['forehead'] } },
        ['record', 'zones', 0],
      ],
    ];
    for (const [event, path] of cases) only(applyAny(plan, event, options), 'INVALID_INPUT', path);
    // A number that is no session of the plan is a rule, not a shape: UNKNOWN_SESSION.
    expect(
      mustFail(
        applyAny(plan, { id: 'e', type: 'sessionBooked', at: '2026-01-06T09:00:00Z', session: 9, start: '2026-01-20T10:00:00Z' }, options),
      ),
    ).toEqual([expect.objectContaining({ code: 'UNKNOWN_SESSION', session: 9, params: { session: 9, sessions: 3 } })]);
  });

  it('expectedVersion that is not a whole number ≥ 0 is INVALID_INPUT at [options, expectedVersion]', () => {
    for (const expectedVersion of [-1, 1.5, '1', null]) {
      only(applyAny(storedPlan(), validEvent, { protocol, expectedVersion }), 'INVALID_INPUT', ['options', 'expectedVersion']);
    }
  });
});

describe('impossible dates, instants without an offset, unknown zones', () => {
  it('2026-02-30T10:00:00Z is INVALID_INSTANT (problem date) wherever it appears', () => {
    const bad = '2026-02-30T10:00:00Z';
    const params = (path: string) => ({ path, value: bad, problem: 'date' });
    const created = json();
    created.createdAt = bad;
    expect(only(parseAny(created), 'INVALID_INSTANT', ['createdAt']).params).toEqual(params('createdAt'));
    const history = json();
    (history.history[0] as Record<string, unknown>).at = bad;
    expect(only(parseAny(history), 'INVALID_INSTANT', ['history', 0, 'at']).params).toEqual(params('history[0].at'));
    const booking = json();
    (booking.sessions[0] as { booking: { start: string } }).booking.start = bad;
    expect(only(parseAny(booking), 'INVALID_INSTANT', ['sessions', 0, 'booking', 'start']).params).toEqual(
      params('sessions[0].booking.start'),
    );
    expect(
      only(createAny({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: bad }), 'INVALID_INSTANT', ['createdAt']).params,
    ).toEqual(params('createdAt'));
    expect(only(applyAny(storedPlan(), { ...validEvent, at: bad }, options), 'INVALID_INSTANT', ['at']).params).toEqual(params('at'));
    expect(
      only(replayAny(storedPlan(), [validEvent, { id: 'r', type: 'planResumed', at: bad }], options), 'INVALID_INSTANT', [1, 'at']).params,
    ).toEqual(params('[1].at'));
    expect(evaluateAny(storedPlan(), { protocol, asOf: bad }).findings).toEqual([
      expect.objectContaining({ code: 'INVALID_INSTANT', path: ['options', 'asOf'], params: params('options.asOf') }),
    ]);
    expect(forecastAny(storedPlan(), { protocol, asOf: bad }).findings).toEqual([
      expect.objectContaining({ code: 'INVALID_INSTANT', path: ['options', 'asOf'], params: params('options.asOf') }),
    ]);
    expect(only(localDateOf(bad, 'UTC'), 'INVALID_INSTANT', ['instant']).params).toEqual(params('instant'));
  });

  it.each(['2025-02-29T10:00:00Z', '2026-04-31T10:00:00Z', '2026-13-01T10:00:00Z', '2026-00-10T10:00:00Z'])(
    '%s is INVALID_INSTANT (problem date)',
    (bad) => {
      expect(only(applyAny(storedPlan(), { ...validEvent, at: bad }, options), 'INVALID_INSTANT', ['at']).params?.problem).toBe('date');
    },
  );

  it.each(['2026-03-23T24:00:00Z', '2026-03-23T10:60:00Z', '2026-03-23T10:00:60Z'])('%s is INVALID_INSTANT (problem time)', (bad) => {
    expect(only(applyAny(storedPlan(), { ...validEvent, at: bad }, options), 'INVALID_INSTANT', ['at']).params?.problem).toBe('time');
  });

  it('2026-03-23T10:00 (no offset) is INVALID_INSTANT with problem offset', () => {
    const local = '2026-03-23T10:00';
    const created = json();
    created.createdAt = local;
    expect(only(parseAny(created), 'INVALID_INSTANT', ['createdAt']).params).toEqual({
      path: 'createdAt',
      value: local,
      problem: 'offset',
    });
    expect(only(applyAny(storedPlan(), { ...validEvent, at: local }, options), 'INVALID_INSTANT', ['at']).params?.problem).toBe('offset');
    expect(
      only(createAny({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: `${local}:00` }), 'INVALID_INSTANT', ['createdAt'])
        .params?.problem,
    ).toBe('offset');
    expect(forecastAny(storedPlan(), { protocol, asOf: local }).findings[0]?.params?.problem).toBe('offset');
    expect(only(localDateOf(local, 'UTC'), 'INVALID_INSTANT', ['instant']).params?.problem).toBe('offset');
  });

  it.each(['2026-03-23', '10:00', '2026-03-23T10:00:00+25:00', 'yesterday', '2026-03-23T10:00:00 Z', ' 2026-03-23T10:00:00Z'])(
    '%j is INVALID_INSTANT',
    (bad) => {
      only(applyAny(storedPlan(), { ...validEvent, at: bad }, options), 'INVALID_INSTANT', ['at']);
    },
  );

  it.each(['Mars/Olympus_Mons', 'Europe/Londn', '+01:00', 'GMT+1', '', 'Europe/London/', '../../etc/passwd'])(
    'zone %j is INVALID_TIME_ZONE at [timeZone]',
    (zone) => {
      const plan = json();
      plan.timeZone = zone;
      only(parseAny(plan), 'INVALID_TIME_ZONE', ['timeZone']);
      only(createAny({ id: 'p', clientId: 'c', protocol, timeZone: zone, createdAt: '2026-01-01T00:00:00Z' }), 'INVALID_TIME_ZONE', [
        'timeZone',
      ]);
      only(localDateOf('2026-03-23T10:00:00Z', zone), 'INVALID_TIME_ZONE', ['timeZone']);
    },
  );
});

describe('unknown fields and schema versions', () => {
  it('an unknown top-level field is INVALID_INPUT naming it', () => {
    const plan = { ...json(), colour: 'blue' };
    expect(only(parseAny(plan), 'INVALID_INPUT', []).params).toEqual({
      path: '',
      problem: 'unknownKeys',
      keys: '"colour"',
      detail: 'has unknown field "colour".',
    });
  });

  it('unknown fields in a session, an event, createPlan input and a protocol', () => {
    const plan = json();
    (plan.sessions[1] as Record<string, unknown>).artist = 'Sam';
    only(parseAny(plan), 'INVALID_INPUT', ['sessions', 1]);
    only(applyAny(storedPlan(), { ...validEvent, priority: 'high' }, options), 'INVALID_INPUT', []);
    only(
      createAny({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: '2026-01-01T00:00:00Z', owner: 'me' }),
      'INVALID_INPUT',
      [],
    );
    only(defineProtocol({ ...protocol, colour: 'blue' }), 'INVALID_INPUT', []);
    // A field of another event type is unknown for this one.
    only(applyAny(storedPlan(), { ...validEvent, session: 1 }, options), 'INVALID_INPUT', []);
  });

  it('schemaVersion 2 is UNSUPPORTED_SCHEMA_VERSION, whatever else the plan holds', () => {
    const f = only(parseAny({ ...json(), schemaVersion: 2 }), 'UNSUPPORTED_SCHEMA_VERSION', ['schemaVersion']);
    expect(f.params).toEqual({ found: 2, supported: 1 });
    // A future plan may have a different shape: the version is what matters.
    only(parseAny({ schemaVersion: 2, shape: 'unknown to v1' }), 'UNSUPPORTED_SCHEMA_VERSION', ['schemaVersion']);
    only(applyAny({ ...json(), schemaVersion: 2 }, validEvent, options), 'UNSUPPORTED_SCHEMA_VERSION', ['plan', 'schemaVersion']);
    expect(evaluateAny({ ...json(), schemaVersion: 2 }, readOptions).findings.map((x) => [x.code, x.path])).toEqual([
      ['UNSUPPORTED_SCHEMA_VERSION', ['plan', 'schemaVersion']],
    ]);
  });

  it('schemaVersion "1", 0 or missing is INVALID_INPUT at [schemaVersion]', () => {
    only(parseAny({ ...json(), schemaVersion: '1' }), 'INVALID_INPUT', ['schemaVersion']);
    const missing = json();
    delete missing.schemaVersion;
    only(parseAny(missing), 'INVALID_INPUT', ['schemaVersion']);
  });
});

describe('deep nesting', () => {
  it('an object nested 10,000 levels in metadata is refused at depth 33, not by a stack overflow', () => {
    const deep = deepObject(10_000);
    const expectedPath = ['metadata', ...Array.from({ length: 33 }, () => 'x')];
    only(parseAny({ ...json(), metadata: deep }), 'INVALID_INPUT', expectedPath);
    only(
      createAny({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: '2026-01-01T00:00:00Z', metadata: deep }),
      'INVALID_INPUT',
      expectedPath,
    );
    only(applyAny({ ...json(), metadata: deep }, validEvent, options), 'INVALID_INPUT', ['plan', ...expectedPath]);
    expect(forecastAny({ ...json(), metadata: deep }, readOptions).findings).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', path: ['plan', ...expectedPath] }),
    ]);
  });

  it('metadata nested 32 levels is still accepted', () => {
    const plan = parseAny({ ...json(), metadata: deepObject(31) });
    expect(plan.ok).toBe(true);
  });

  it('a 100,000-deep array as an event, in an event field, in replay, in a history, as a plan', () => {
    const deep = deepArray(100_000);
    only(applyAny(storedPlan(), deep, options), 'INVALID_INPUT', []);
    only(applyAny(storedPlan(), { ...validEvent, note: deep }, options), 'INVALID_INPUT', ['note']);
    only(
      applyAny(
        storedPlan(),
        { id: 'c1', type: 'sessionCompleted', at: '2026-01-12T15:00:00Z', session: 1, record: { zones: deep } },
        options,
      ),
      'INVALID_INPUT',
      ['record', 'zones', 0],
    );
    only(replayAny(storedPlan(), [deep], options), 'INVALID_INPUT', [0]);
    only(replayAny(storedPlan(), deep, options), 'INVALID_INPUT', [0]);
    only(parseAny({ ...json(), history: [deep], version: 1 }), 'INVALID_INPUT', ['history', 0]);
    only(parseAny(deep), 'INVALID_INPUT', []);
    only(defineProtocol({ ...protocol, sessions: deep }), 'INVALID_INPUT', ['sessions', 0]);
    only(parseAny({ ...json(), metadata: { deep } }), 'INVALID_INPUT', ['metadata', 'deep', ...Array.from({ length: 32 }, () => 0)]);
  });
});

describe('__proto__ keys (as JSON.parse makes them)', () => {
  const polluted = (): boolean => ({}).constructor !== Object || 'polluted' in {} || 'session' in {};

  it('in metadata: INVALID_INPUT at the key, and no prototype changes', () => {
    const top = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    only(parseAny({ ...json(), metadata: top }), 'INVALID_INPUT', ['metadata', '__proto__']);
    only(
      createAny({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: '2026-01-01T00:00:00Z', metadata: top }),
      'INVALID_INPUT',
      ['metadata', '__proto__'],
    );
    const nested = JSON.parse('{"crm": {"ids": [1, {"__proto__": {"polluted": true}}]}}') as unknown;
    only(parseAny({ ...json(), metadata: nested }), 'INVALID_INPUT', ['metadata', 'crm', 'ids', 1, '__proto__']);
    for (const key of ['constructor', 'prototype']) {
      only(parseAny({ ...json(), metadata: JSON.parse(`{"a": {"${key}": 1}}`) }), 'INVALID_INPUT', ['metadata', 'a', key]);
    }
    expect(polluted()).toBe(false);
  });

  it('in events and plans: an unknown field, and no prototype changes', () => {
    const event = JSON.parse(
      '{"__proto__": {"session": 1, "polluted": true}, "id": "x", "type": "planPaused", "reason": "r", "at": "2026-01-06T09:00:00Z"}',
    ) as unknown;
    expect(only(applyAny(storedPlan(), event, options), 'INVALID_INPUT', []).params?.detail).toBe('has unknown field "__proto__".');
    only(replayAny(storedPlan(), [event], options), 'INVALID_INPUT', [0]);
    const text = JSON.stringify(storedPlan()).replace('{', '{"__proto__":{"status":"completed"},');
    only(parseAny(JSON.parse(text)), 'INVALID_INPUT', []);
    expect(polluted()).toBe(false);
  });

  it('in a treatment record’s checklist: refused at the key, not dropped silently', () => {
    const text =
      '{"id":"c1","type":"sessionCompleted","at":"2026-01-12T15:00:00Z","session":1,"record":{"checklist":{"hairlineAgreed":true,"__proto__":true}}}';
    only(applyAny(storedPlan(), JSON.parse(text), options), 'INVALID_INPUT', ['record', 'checklist', '__proto__']);
    only(replayAny(storedPlan(), [validEvent, JSON.parse(text)], options), 'INVALID_INPUT', [1, 'record', 'checklist', '__proto__']);
    // The same record inside a stored plan: in its history and in the session's completion.
    const done = applyAll(storedPlan(), [
      { id: 'c1', type: 'sessionCompleted', at: '2026-01-12T15:00:00Z', session: 1, record: { checklist: { hairlineAgreed: true } } },
    ]);
    const stored = JSON.stringify(done).replaceAll('"hairlineAgreed":true', '"hairlineAgreed":true,"__proto__":{"polluted":true}');
    expect(mustFail(parseAny(JSON.parse(stored))).map((f) => [f.code, f.path])).toEqual([
      ['INVALID_INPUT', ['history', 1, 'record', 'checklist', '__proto__']],
      ['INVALID_INPUT', ['sessions', 0, 'completed', 'record', 'checklist', '__proto__']],
    ]);
    expect(polluted()).toBe(false);
  });
});

describe('megabyte strings', () => {
  const mega = 'x'.repeat(1 << 20);

  it('as ids: INVALID_INPUT (too long) at the id, without echoing it', () => {
    const plan = { ...json(), id: mega };
    short(mustFail(parseAny(plan)));
    only(parseAny(plan), 'INVALID_INPUT', ['id']);
    only(createAny({ id: 'p', clientId: mega, protocol, timeZone: 'UTC', createdAt: '2026-01-01T00:00:00Z' }), 'INVALID_INPUT', [
      'clientId',
    ]);
    only(applyAny(storedPlan(), { ...validEvent, id: mega }, options), 'INVALID_INPUT', ['id']);
    short(mustFail(applyAny(storedPlan(), { ...validEvent, id: mega }, options)));
  });

  it('as a note or reason: INVALID_INPUT (too long)', () => {
    only(applyAny(storedPlan(), { ...validEvent, note: mega }, options), 'INVALID_INPUT', ['note']);
    only(applyAny(storedPlan(), { ...validEvent, reason: mega }, options), 'INVALID_INPUT', ['reason']);
  });

  it('in metadata: INVALID_INPUT (too large) at [metadata]', () => {
    only(parseAny({ ...json(), metadata: { blob: mega } }), 'INVALID_INPUT', ['metadata']);
    only(
      createAny({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: '2026-01-01T00:00:00Z', metadata: { [mega]: 1 } }),
      'INVALID_INPUT',
      ['metadata'],
    );
    const many = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i]));
    only(parseAny({ ...json(), metadata: many }), 'INVALID_INPUT', ['metadata']);
  });

  it('as instants and zones: refused with a short preview', () => {
    for (const out of [
      applyAny(storedPlan(), { ...validEvent, at: mega }, options) as Outcome<unknown>,
      createAny({ id: 'p', clientId: 'c', protocol, timeZone: mega, createdAt: '2026-01-01T00:00:00Z' }),
      toInstantAny(mega, 'UTC'),
      localDateOfAny(mega, 'UTC'),
      localDateOfAny('2026-01-01T00:00:00Z', mega),
    ]) {
      short(mustFail(out));
    }
    only(applyAny(storedPlan(), { ...validEvent, at: mega }, options), 'INVALID_INSTANT', ['at']);
    const f = forecastAny(storedPlan(), { protocol, asOf: mega });
    expect(f.findings.map((x) => x.code)).toEqual(['INVALID_INSTANT']);
    short(f.findings);
  });
});

describe('cycles', () => {
  function cyclic(): Record<string, unknown> {
    const o: Record<string, unknown> = { a: 1 };
    o.self = o;
    return o;
  }

  it('cyclic metadata is INVALID_INPUT at the back reference', () => {
    only(parseAny({ ...json(), metadata: cyclic() }), 'INVALID_INPUT', ['metadata', 'self']);
    only(
      createAny({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: '2026-01-01T00:00:00Z', metadata: cyclic() }),
      'INVALID_INPUT',
      ['metadata', 'self'],
    );
    const list: unknown[] = [1];
    list.push({ back: list });
    only(parseAny({ ...json(), metadata: { list } }), 'INVALID_INPUT', ['metadata', 'list', 1, 'back']);
  });

  it('a shared (not cyclic) object in metadata is refused too: metadata must be a tree', () => {
    const shared = { n: 1 };
    expect(parseAny({ ...json(), metadata: { a: shared, b: shared } }).ok).toBe(false);
  });

  it('cyclic plans, events, protocols and event lists are refused without recursion', () => {
    const plan = json();
    plan.self = plan;
    only(parseAny(plan), 'INVALID_INPUT', []);
    const event: Record<string, unknown> = { ...validEvent };
    event.self = event;
    only(applyAny(storedPlan(), event, options), 'INVALID_INPUT', []);
    const record: Record<string, unknown> = {};
    record.checklist = record;
    expect(applyAny(storedPlan(), { id: 'c1', type: 'sessionCompleted', at: '2026-01-12T15:00:00Z', session: 1, record }, options).ok).toBe(
      false,
    );
    const sessions: unknown[] = [];
    sessions.push(sessions);
    only(defineProtocol({ ...protocol, sessions }), 'INVALID_INPUT', ['sessions', 0]);
    const events: unknown[] = [validEvent];
    events.push(events);
    only(replayAny(storedPlan(), events, options), 'INVALID_INPUT', [1]);
  });
});

describe('objects that throw when read', () => {
  // Input whose reading throws is the caller's problem: INVALID_INPUT (unreadable) where reading threw.
  const UNREADABLE = (path: (string | number)[]): unknown[] => [
    expect.objectContaining({ code: 'INVALID_INPUT', severity: 'error', path, params: expect.objectContaining({ problem: 'unreadable' }) }),
  ];

  it('a Proxy that throws on every trap: every entry point refuses it (INVALID_INPUT, unreadable), none throws', () => {
    const evil = hostileProxy({});
    const plan = storedPlan();
    expect(mustFail(parseAny(evil))).toEqual(UNREADABLE([]));
    expect(mustFail(createAny(evil))).toEqual(UNREADABLE([]));
    expect(mustFail(applyAny(plan, evil, options))).toEqual(UNREADABLE([]));
    expect(mustFail(applyAny(evil, validEvent, options))).toEqual(UNREADABLE(['plan']));
    expect(mustFail(applyAny(plan, validEvent, evil))).toEqual(UNREADABLE(['options']));
    expect(mustFail(applyAny(plan, validEvent, { protocol: evil }))).toEqual(UNREADABLE(['options', 'protocol']));
    expect(mustFail(replayAny(evil, [], options))).toEqual(UNREADABLE(['plan']));
    expect(mustFail(replayAny(plan, [evil], options))).toEqual(UNREADABLE([0]));
    expect(mustFail(replayAny(plan, hostileProxy([]), options))).toEqual(UNREADABLE(['events']));
    expect(mustFail(replayAny(plan, [], evil))).toEqual(UNREADABLE(['options']));
    expect(evaluateAny(evil, readOptions)).toEqual({ ok: false, findings: UNREADABLE(['plan']) });
    expect(evaluateAny(plan, evil)).toEqual({ ok: false, findings: UNREADABLE(['options']) });
    expect(forecastAny(evil, readOptions)).toEqual({ ok: false, findings: UNREADABLE(['plan']) });
    expect(mustFail(forecastAny(plan, { protocol, asOf: evil }))).toEqual(UNREADABLE(['options', 'asOf']));
    expect(mustFail(defineProtocol(evil))).toEqual(UNREADABLE([]));
    expect(mustFail(toInstantAny(evil, evil))).toEqual(UNREADABLE(['localDateTime']));
    expect(mustFail(localDateOfAny(evil, evil))).toEqual(UNREADABLE(['instant']));
  });

  it('a Proxy inside the input (metadata, an event field, a protocol session) is refused at its path', () => {
    const evil = hostileProxy({});
    expect(mustFail(parseAny({ ...json(), metadata: evil }))).toEqual(UNREADABLE(['metadata']));
    expect(mustFail(parseAny({ ...json(), metadata: { inner: evil } }))).toEqual(UNREADABLE(['metadata', 'inner']));
    expect(mustFail(applyAny(storedPlan(), { ...validEvent, reason: evil }, options))).toEqual(UNREADABLE(['reason']));
    expect(mustFail(defineProtocol({ ...protocol, sessions: [evil] }))).toEqual(UNREADABLE(['sessions', 0]));
    expect(mustFail(createAny({ id: 'p', clientId: 'c', protocol, timeZone: evil, createdAt: '2026-01-01T00:00:00Z' }))).toEqual(
      UNREADABLE(['timeZone']),
    );
  });

  it('a getter that throws, in a plan or in metadata', () => {
    const plan = json();
    Object.defineProperty(plan, 'status', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    expect(mustFail(parseAny(plan))).toEqual(UNREADABLE(['status']));
    const metadata = {};
    Object.defineProperty(metadata, 'x', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    expect(mustFail(createAny({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: '2026-01-01T00:00:00Z', metadata }))).toEqual(
      UNREADABLE(['metadata', 'x']),
    );
  });

  it('metadata that is not plain JSON names the value', () => {
    const cases: [metadata: Record<string, unknown>, path: (string | number)[]][] = [
      [{ d: new Date(0) }, ['metadata', 'd']],
      [{ u: undefined }, ['metadata', 'u']],
      [{ n: Number.NaN }, ['metadata', 'n']],
      [{ i: Number.POSITIVE_INFINITY }, ['metadata', 'i']],
      [{ f: () => 1 }, ['metadata', 'f']],
      [{ b: 1n }, ['metadata', 'b']],
      [{ m: new Map() }, ['metadata', 'm']],
      [{ toJSON: () => ({}) }, ['metadata', 'toJSON']],
    ];
    for (const [metadata, path] of cases) only(parseAny({ ...json(), metadata }), 'INVALID_INPUT', path);
  });
});

describe('metadata survives every round trip exactly', () => {
  const metadata = {
    crmId: 42,
    ratio: 0.1,
    big: 1e21,
    negative: -7,
    flags: [true, false, null],
    nested: { deeper: { deepest: ['a', { b: [] }] }, empty: {} },
    text: 'Ünïcødé ✓ — 日本語 — emoji 🧑🏽‍🦲 — "quotes" \\ backslash \n newline',
    '': 'empty key',
    'with.dot': 1,
    '10': 'numeric key',
    toString: 'not a function',
    hasOwnProperty: 'still data',
  };

  it('createPlan → events → JSON → parsePlan keeps metadata byte for byte', () => {
    const created = mustOk(
      createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'Pacific/Chatham', createdAt: '2026-01-01T00:00:00Z', metadata }),
    );
    expect(created.metadata).toStrictEqual(metadata);
    expect(JSON.stringify(created.metadata)).toBe(JSON.stringify(metadata));
    const plan = applyAll(created, [
      { id: 'b1', type: 'sessionBooked', at: '2026-01-02T00:00:00Z', session: 1, start: '2026-01-10T10:00:00+13:00' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-01-10T15:00:00+13:00', session: 1 },
      { id: 'p1', type: 'planPaused', at: '2026-01-11T00:00:00Z', reason: 'travel', until: '2026-02-01' },
    ]);
    expect(plan.metadata).toStrictEqual(metadata);
    const stored = JSON.stringify(plan);
    const parsed = mustOk(parsePlan(JSON.parse(stored)));
    expect(parsed).toStrictEqual(plan);
    expect(JSON.stringify(parsed.metadata)).toBe(JSON.stringify(metadata));
    // A second round trip is byte-for-byte stable.
    const again = mustOk(parsePlan(JSON.parse(JSON.stringify(parsed))));
    expect(JSON.stringify(again)).toBe(JSON.stringify(parsed));
    // And replay keeps it.
    const rebuilt = mustOk(replay(created, [...plan.history], options));
    expect(rebuilt.metadata).toStrictEqual(metadata);
  });

  it('a caller mutating its metadata afterwards does not change the plan', () => {
    const mine = { crm: { id: 1 }, tags: ['a'] };
    const plan = mustOk(
      createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: '2026-01-01T00:00:00Z', metadata: mine }),
    );
    mine.crm.id = 2;
    mine.tags.push('b');
    expect(plan.metadata).toStrictEqual({ crm: { id: 1 }, tags: ['a'] });
    const parsedInput = JSON.parse(JSON.stringify(plan)) as { metadata: { crm: { id: number } } };
    const parsed = mustOk(parseAny(parsedInput));
    parsedInput.metadata.crm.id = 3;
    expect(parsed.metadata).toStrictEqual({ crm: { id: 1 }, tags: ['a'] });
  });

  it('metadata with a null prototype is plain JSON too', () => {
    const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1, b: [1] });
    const parsed = mustOk(parseAny({ ...json(), metadata: nullProto }));
    expect(JSON.stringify(parsed.metadata)).toBe('{"a":1,"b":[1]}');
  });
});

describe('a stored plan keeps the invariants applyEvent keeps', () => {
  it('refuses a booking edited to end before it starts, and a completion that ends before it starts', () => {
    const stored = JSON.parse(JSON.stringify(storedPlan())) as {
      sessions: { booking?: { start: string; end: string }; completed?: { start: string; end: string } }[];
    };
    const s1 = stored.sessions[0];
    if (s1?.booking === undefined) expect.fail('the stored plan books session 1');
    const broken = structuredClone(stored);
    const b = broken.sessions[0]?.booking;
    if (b === undefined) expect.fail('unreachable');
    b.end = new Date(Date.parse(b.start) - 86_400_000).toISOString();
    expect(mustFail(parsePlan(broken))).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', path: ['sessions', 0, 'booking', 'end'] }),
    ]);
    // and applyEvent does not go on with it
    expect(mustFail(applyEvent(broken as never, validEvent, options)).map((f) => [f.code, f.path])).toEqual([
      ['INVALID_INPUT', ['plan', 'sessions', 0, 'booking', 'end']],
    ]);
  });
});
