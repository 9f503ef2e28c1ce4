// The 0.2 call contract over every entry: each exported function that reads input answers junk
// with { ok: false, findings } (never a value that looks like a result, never a throw). The list
// is enumerated from the entries, so a new export without an Outcome fails here.
import { describe, expect, it } from 'vitest';
import * as root from 'smp-protocol';
import * as fhir from 'smp-protocol/fhir';
import * as ical from 'smp-protocol/ical';
import * as http from 'smp-protocol/http';
import * as postgres from 'smp-protocol/postgres';
import * as testing from 'smp-protocol/testing';

/** Exports that are data, not calls: catalogues, tables, schemas, protocols. */
const NOT_FUNCTIONS = new Set([
  'findingCodes',
  'findingKinds',
  'findingParamKeys',
  'english',
  'spanish',
  'standardProtocol',
  'protocols',
  'builtinProtocols',
  'eventTypes',
  'scalpZones',
  'planTransitions',
  'screeningConditions',
  'schemas',
  'conformanceCaseSchema',
]);

/**
 * Functions documented to return a plain value: a status code, message strings, and the testing
 * kit's fixed clock (junk gives a clock at the Unix epoch; it never throws: tested below).
 */
const PLAIN = new Set(['httpStatusOf', 'formatFinding', 'previewValue', 'fixedClock']);

/**
 * The testing kit's helpers that do not return an Outcome yet (0.2 follow-up): a fixed clock, the
 * plan builder (it takes no argument) and the fast-check arbitraries. Kept explicit so the list
 * can only shrink.
 */
const TESTING_PENDING = new Set(['aPlan', 'smpArbitraries']);

const JUNK: readonly unknown[] = [undefined, null, 42, 'junk', [], { hello: 'world' }];
/** Calls whose only argument is optional: called with nothing, they draw the default (toMermaid: the full machine). */
const OPTIONAL_ARGUMENT = new Set(['toMermaid']);

const entries = { 'smp-protocol': root, 'smp-protocol/ical': ical, 'smp-protocol/fhir': fhir, 'smp-protocol/testing': testing } as const;

describe('every exported function that reads input returns an Outcome', () => {
  for (const [entry, mod] of Object.entries(entries)) {
    const names = Object.keys(mod).sort();
    it(`${entry}: every export is classified`, () => {
      for (const name of names) {
        const value = (mod as Record<string, unknown>)[name];
        if (NOT_FUNCTIONS.has(name)) expect(typeof value, `${entry} ${name} is data`).not.toBe('function');
        else expect(typeof value, `${entry} ${name} is a function`).toBe('function');
      }
    });
    for (const name of names) {
      if (NOT_FUNCTIONS.has(name) || PLAIN.has(name) || TESTING_PENDING.has(name)) continue;
      it(`${entry}: ${name}(junk…) is { ok: false } with error findings`, () => {
        const fn = (mod as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
        for (const junk of JUNK) {
          if (junk === undefined && OPTIONAL_ARGUMENT.has(name)) continue;
          const out = fn(junk, junk, junk) as { ok?: unknown; findings?: unknown; value?: unknown };
          expect(out?.ok, `${name}(${JSON.stringify(junk)})`).toBe(false);
          expect('value' in out).toBe(false);
          expect(Array.isArray(out.findings) && out.findings.length > 0).toBe(true);
          expect((out.findings as { severity: string }[]).some((f) => f.severity === 'error')).toBe(true);
        }
      });
    }
  }

  it('fixedClock never throws: junk starts at the Unix epoch, junk moves and sets change nothing', () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    for (const junk of [
      ...JUNK,
      Symbol('x'),
      revoked.proxy,
      {
        [Symbol.toPrimitive]: () => {
          throw new Error('boom');
        },
      },
    ]) {
      const clock = testing.fixedClock(junk as never);
      expect(clock.now()).toBe('1970-01-01T00:00:00Z');
      expect(clock.advance(junk as never)).toBe('1970-01-01T00:00:00Z');
      expect(clock.set(junk as never)).toBe('1970-01-01T00:00:00Z');
    }
    const clock = testing.fixedClock('9999-12-30T00:00:00Z');
    expect(clock.advance({ days: 1e12 })).toBe('9999-12-31T23:59:59Z');
    expect(clock.advance({ days: Number.NaN, hours: 1 })).toBe('9999-12-31T23:59:59Z');
  });

  it('the plain-value exceptions keep their documented plain values', () => {
    expect(root.httpStatusOf({ ok: false, findings: [{ code: 'PLAN_ON_HOLD', severity: 'error', message: '' }] })).toBe(422);
    expect(root.formatFinding({ code: 'DUPLICATE_EVENT', severity: 'info', message: 'x', params: { eventId: 'e1' } }, 'es')).toContain(
      'e1',
    );
  });
});

describe('a valid call is ok', () => {
  const plan = root.createPlan({
    id: 'p',
    clientId: 'c',
    protocol: root.standardProtocol,
    timeZone: 'Europe/London',
    createdAt: '2026-03-01T09:00:00Z',
  });
  it.each([
    [
      'evaluatePlan',
      () => root.evaluatePlan(plan.ok ? plan.value : (null as never), { protocols: root.builtinProtocols, asOf: '2026-03-02T09:00:00Z' }),
    ],
    [
      'forecast',
      () => root.forecast(plan.ok ? plan.value : (null as never), { protocols: root.builtinProtocols, asOf: '2026-03-02T09:00:00Z' }),
    ],
    ['toMermaid', () => root.toMermaid()],
    [
      'toTimelineSvg',
      () => root.toTimelineSvg(plan.ok ? plan.value : (null as never), { protocols: root.builtinProtocols, asOf: '2026-03-02T09:00:00Z' }),
    ],
    ['toICalendar', () => ical.toICalendar(plan.ok ? plan.value : (null as never), { protocols: root.builtinProtocols })],
    ['toFhir', () => fhir.toFhir(plan.ok ? plan.value : (null as never), { protocols: root.builtinProtocols })],
    ['toPlanDefinition', () => fhir.toPlanDefinition(root.standardProtocol)],
    ['protocolFor', () => root.protocolFor(plan.ok ? plan.value : (null as never), { protocols: root.builtinProtocols })],
    ['createRules', () => root.createRules({ protocols: root.builtinProtocols })],
  ])('%s', (_name, call) => {
    const out = call();
    expect(out.ok).toBe(true);
    expect(out.findings).toEqual([]);
  });
});

describe('the back-end entries (smp-protocol/http, smp-protocol/postgres)', () => {
  /** Each export, classified: factories return their object, async calls resolve to an Outcome. */
  const BACKEND: Record<string, Record<string, 'factory' | 'async' | 'plain' | 'data'>> = {
    'smp-protocol/postgres': { createStore: 'factory', migrate: 'async', schemaVersion: 'data' },
    'smp-protocol/http': { createHandler: 'factory', openApiDocument: 'plain' },
  };
  const modules: Record<string, Record<string, unknown>> = { 'smp-protocol/postgres': postgres, 'smp-protocol/http': http };

  it('every export of each back-end entry is classified', () => {
    for (const [entry, mod] of Object.entries(modules))
      expect(Object.keys(mod).sort(), entry).toEqual(Object.keys(BACKEND[entry] ?? {}).sort());
  });

  it('createStore(junk) returns a store whose every method answers INVALID_INPUT naming the option', async () => {
    const cases: [unknown, string[]][] = [
      [undefined, ['options']],
      [null, ['options']],
      [42, ['options']],
      ['junk', ['options']],
      [[], ['options', 'client']],
      [{ hello: 'world' }, ['options', 'client']],
      [{ client: { query: async () => ({ rows: [] }) }, protocols: 'all' }, ['options', 'protocols']],
      [
        new Proxy(
          {},
          {
            get: () => {
              throw new Error('boom');
            },
          },
        ),
        ['options'],
      ],
    ];
    for (const [junk, path] of cases) {
      const store = postgres.createStore(junk as never);
      const calls = [
        store.createPlan({}),
        store.load('p'),
        store.append('p', {}),
        store.claimOutbox('w'),
        store.completeOutbox('j'),
        store.failOutbox('j'),
      ];
      for (const out of await Promise.all(calls)) {
        expect(out.ok).toBe(false);
        expect(out.findings.map((f) => [f.code, f.severity, f.path])).toEqual([['INVALID_INPUT', 'error', path]]);
      }
    }
  });

  it('createHandler(junk) returns a handler answering every request 500 with { findings }', async () => {
    for (const junk of [
      ...JUNK,
      { store: {}, protocols: [], authorize: () => true },
      { store: { createPlan() {}, load() {}, append() {} }, protocols: null, authorize: () => true },
    ]) {
      const handler = http.createHandler(junk as never);
      const response = await handler(new Request('http://clinic.example/plans/p'));
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as { findings: { code: string; path: string[] }[] };
      expect(body.findings.map((f) => f.code)).toEqual(['INVALID_INPUT']);
      expect(body.findings[0]?.path[0]).toBe('options');
    }
  });

  it('migrate(junk) resolves to { ok: false } with an error, never rejects', async () => {
    for (const junk of JUNK) {
      const out = await postgres.migrate(junk as never);
      expect(out.ok, String(junk)).toBe(false);
      expect(out.findings.some((f) => f.severity === 'error')).toBe(true);
    }
  });
});
