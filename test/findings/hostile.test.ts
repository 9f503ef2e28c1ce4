import { describe, expect, it } from 'vitest';
import { english, formatFinding, forecast, previewValue, spanish, standardProtocol, toInstant, type Finding } from 'smp-protocol';
import { mustFail, newPlan } from '../support/plans.js';

const throwing = (): object =>
  new Proxy(
    {},
    {
      get() {
        throw new Error('get trap');
      },
      has() {
        throw new Error('has trap');
      },
      ownKeys() {
        throw new Error('ownKeys trap');
      },
      getOwnPropertyDescriptor() {
        throw new Error('descriptor trap');
      },
      getPrototypeOf() {
        throw new Error('prototype trap');
      },
    },
  );

function deepArray(depth: number): unknown[] {
  let v: unknown[] = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

describe('previewValue', () => {
  it('quotes strings, numbers and the like as they are, cut at 60 characters', () => {
    expect(previewValue('2026-03-23T10:00')).toBe('2026-03-23T10:00');
    expect(previewValue('x'.repeat(100))).toBe(`${'x'.repeat(57)}...`);
    expect(previewValue(42)).toBe('42');
    expect(previewValue(false)).toBe('false');
    expect(previewValue(null)).toBe('null');
    expect(previewValue(undefined)).toBe('undefined');
    expect(previewValue(10n)).toBe('10n');
    expect(previewValue(Symbol('s'))).toBe('Symbol(s)');
    expect(previewValue(() => 1)).toBe('[function]');
  });

  it('names objects by kind only: null-prototype objects, Proxies with throwing traps, deep arrays', () => {
    expect(previewValue(Object.create(null))).toBe('[object]');
    expect(previewValue(throwing())).toBe('[object]');
    expect(previewValue(deepArray(20_000))).toBe('[array of 1]');
    expect(previewValue([1, 2, 3])).toBe('[array of 3]');
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(previewValue(proxy)).toBe('[unreadable value]');
  });
});

describe('hostile values where a string is expected give a finding, not INTERNAL_ERROR', () => {
  it('toInstant with a null-prototype object or a 20,000-deep array', () => {
    for (const bad of [Object.create(null) as unknown, deepArray(20_000)]) {
      const findings = mustFail(toInstant(bad as string, 'UTC'));
      expect(findings.map((f) => [f.code, f.params?.problem])).toEqual([['INVALID_INSTANT', 'format']]);
      expect(findings[0]?.message).toContain('is not a valid local date-time');
    }
    expect(mustFail(toInstant('2026-03-23T10:00', Object.create(null) as string)).map((f) => f.code)).toEqual(['INVALID_TIME_ZONE']);
  });

  it('forecast with asOf a null-prototype object or a deep array', () => {
    const plan = newPlan();
    for (const asOf of [Object.create(null) as unknown, deepArray(20_000)]) {
      const out = forecast(plan, { protocol: standardProtocol, asOf: asOf as string });
      expect(out.findings.map((f) => f.code)).toEqual(['INVALID_INSTANT']);
    }
  });
});

describe('formatFinding never throws and reads codes as own keys only', () => {
  it('renders a finding through a Proxy whose every trap throws as an empty string', () => {
    expect(formatFinding(throwing() as Finding)).toBe('');
    expect(formatFinding(throwing() as Finding, 'es')).toBe('');
  });

  it("gives the finding's own message for codes off the prototype chain ('constructor', 'toString', '__proto__')", () => {
    for (const code of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const f = { code, severity: 'error', message: 'kept as is' } as unknown as Finding;
      expect(formatFinding(f)).toBe('kept as is');
      expect(formatFinding(f, 'es')).toBe('kept as is');
      expect(formatFinding({ code, severity: 'error' } as unknown as Finding)).toBe('');
    }
  });

  it('falls back to the message when a custom renderer throws or returns no string', () => {
    const f: Finding = { code: 'PLAN_COMPLETED', severity: 'error', message: 'the English one' };
    expect(
      formatFinding(f, {
        ...english,
        PLAN_COMPLETED: () => {
          throw new Error('x');
        },
      }),
    ).toBe('the English one');
    expect(formatFinding(f, { ...english, PLAN_COMPLETED: () => 42 as unknown as string })).toBe('the English one');
  });

  it('reads params through getters never: a params object with a throwing getter still renders', () => {
    const params = Object.defineProperty({ session: 4, sessions: 3 }, 'session', {
      get() {
        throw new Error('getter');
      },
      enumerable: true,
    });
    const f = { code: 'UNKNOWN_SESSION', severity: 'error', message: '', params } as unknown as Finding;
    expect(formatFinding(f)).toBe('Session ? is not in this plan, which has sessions 1 to 3.');
  });

  it('renders a megabyte of params in bounded time, each param cut to 1,000 characters', () => {
    const huge = 'x'.repeat(1 << 20);
    const f = { code: 'ROUTE_NOT_FOUND', severity: 'error', message: '', params: { method: huge, path: huge } } as unknown as Finding;
    const en = formatFinding(f);
    const es = formatFinding(f, 'es');
    expect(en.length).toBeLessThan(2_100);
    expect(es.length).toBeLessThan(2_100);
    const many: Record<string, string> = {};
    for (let i = 0; i < 50_000; i++) many[`k${i}`] = 'v';
    many.planId = 'p-1';
    // Only the names the code declares are read, however many keys params has.
    expect(formatFinding({ code: 'PLAN_NOT_FOUND', severity: 'error', message: '', params: many } as unknown as Finding)).toBe(
      'No plan with id "p-1" exists.',
    );
    // Each catalogue message caps each param at 200 characters of its own.
    expect(spanish.ROUTE_NOT_FOUND({ method: huge, path: huge }).length).toBeLessThan(500);
  });

  it('never walks params: a million-element array or 100,000 keys is read by the declared names only (found by the fuzzer)', () => {
    // The fuzzer's giants: formatFinding took 114–223 ms of CPU enumerating them.
    const array = new Array<number>(1_000_000).fill(0);
    const keys: Record<string, unknown> = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    keys.planId = 'p-2';
    const read: string[] = [];
    const spy = new Proxy(keys, {
      getOwnPropertyDescriptor: (target, key) => {
        read.push(String(key));
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
      ownKeys: () => {
        throw new Error('params must not be enumerated');
      },
    });
    const f = (params: unknown): Finding => ({ code: 'PLAN_NOT_FOUND', severity: 'error', message: 'own', params }) as unknown as Finding;
    expect(formatFinding(f(array))).toBe('No plan with id "?" exists.');
    expect(formatFinding(f(spy))).toBe('No plan with id "p-2" exists.');
    expect(read).toEqual(['planId']);
    // A code of a catalogue of your own: every declared name is looked up, still never the keys of params.
    const mine = { ...english, MY_CODE: (p: Record<string, unknown>) => `plan ${String(p.planId)}` } as unknown as typeof english;
    expect(formatFinding({ code: 'MY_CODE', severity: 'error', message: '', params: spy } as unknown as Finding, mine)).toBe('plan p-2');
  });
});
