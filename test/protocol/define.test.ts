import { describe, expect, it } from 'vitest';
import { defineProtocol, protocols, standardProtocol, type Finding, type Protocol } from 'smp-protocol';
import { codes, mustFail, mustOk } from '../support/plans.js';

/** A loosely typed, mutable JSON copy of a protocol, to break on purpose. */
type Loose = {
  id: unknown;
  version: unknown;
  sessions: { number: unknown; gaps: Record<string, unknown>[]; [k: string]: unknown }[];
  extraSessions: { gap: Record<string, unknown>; [k: string]: unknown };
  policy: Record<string, unknown>;
  [k: string]: unknown;
};
/** A plain, mutable copy of a protocol. */
function copy(p: Protocol = standardProtocol): Loose {
  return JSON.parse(JSON.stringify(p)) as Loose;
}
function gapOf(p: Loose, session: number, index = 0): Record<string, unknown> {
  const g = p.sessions[session - 1]?.gaps[index];
  if (g === undefined) throw new Error(`no gap ${index} on session ${session}`);
  return g;
}

/** Every finding is an INVALID_INPUT error; returns their paths. */
function invalidPaths(findings: readonly Finding[]): (readonly (string | number)[])[] {
  for (const f of findings) {
    expect(f.code).toBe('INVALID_INPUT');
    expect(f.severity).toBe('error');
    expect(f.message.length).toBeGreaterThan(0);
  }
  return findings.map((f) => f.path ?? []);
}

describe('defineProtocol: accepted protocols', () => {
  it('accepts a copy of the standard protocol under a new id and version, frozen', () => {
    const input = { ...copy(), id: 'my-clinic', version: 3 };
    const p = mustOk(defineProtocol(input));
    expect(p.id).toBe('my-clinic');
    expect(p.version).toBe(3);
    expect(p.sessions[1]?.gaps[0]).toEqual({
      from: 'previous',
      absoluteMinimumDays: 5,
      minimumDays: 7,
      earliestRecommendedDays: 10,
      latestRecommendedDays: 14,
      maximumDays: 30,
    });
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.sessions[1]?.gaps[0])).toBe(true);
  });

  it('returns a copy: changing the input afterwards does not change the protocol', () => {
    const input = copy();
    const p = mustOk(defineProtocol(input));
    gapOf(input, 2).minimumDays = 6;
    expect(p.sessions[1]?.gaps[0]?.minimumDays).toBe(7);
  });

  it('accepts a gap from a named earlier session in addition to the previous one', () => {
    const input = copy();
    input.id = 'two-anchors';
    input.sessions[2]?.gaps.push({
      from: { session: 1 },
      absoluteMinimumDays: 20,
      minimumDays: 21,
      earliestRecommendedDays: 28,
      latestRecommendedDays: 42,
      maximumDays: 90,
    });
    const p = mustOk(defineProtocol(input));
    expect(p.sessions[2]?.gaps.map((g) => g.from)).toEqual(['previous', { session: 1 }]);
    expect(p.sessions[2]?.gaps[1]).toEqual({
      from: { session: 1 },
      absoluteMinimumDays: 20,
      minimumDays: 21,
      earliestRecommendedDays: 28,
      latestRecommendedDays: 42,
      maximumDays: 90,
    });
  });

  it('accepts a gap without a maximum, and equal consecutive day counts', () => {
    const input = copy();
    const g = gapOf(input, 2);
    delete g.maximumDays;
    g.absoluteMinimumDays = 7;
    g.earliestRecommendedDays = 7;
    g.latestRecommendedDays = 7;
    const p = mustOk(defineProtocol(input));
    expect(p.sessions[1]?.gaps[0]).toEqual({
      from: 'previous',
      absoluteMinimumDays: 7,
      minimumDays: 7,
      earliestRecommendedDays: 7,
      latestRecommendedDays: 7,
    });
  });

  it('accepts a one-session protocol with a no-show limit', () => {
    const input = copy(protocols['touch-up']);
    input.policy = { cancellationNoticeHours: 24, maxNoShows: 2 };
    const p = mustOk(defineProtocol(input));
    expect(p.sessions).toHaveLength(1);
    expect(p.policy).toEqual({ cancellationNoticeHours: 24, maxNoShows: 2 });
  });

  it('accepts a built-in protocol as it is, with no findings', () => {
    const out = defineProtocol(standardProtocol);
    expect(out).toEqual({ ok: true, value: standardProtocol, findings: [] });
  });
});

describe('defineProtocol: semantic refusals, each with its path', () => {
  it('refuses a minimum below the absolute minimum, at the minimum', () => {
    const input = copy();
    gapOf(input, 2).minimumDays = 4;
    const findings = mustFail(defineProtocol(input));
    expect(invalidPaths(findings)).toEqual([['sessions', 1, 'gaps', 0, 'minimumDays']]);
    expect(findings[0]?.message).toBe(
      'sessions[1].gaps[0].minimumDays: minimumDays (4) must not be less than absoluteMinimumDays (5); the day counts go absoluteMinimum ≤ minimum ≤ earliestRecommended ≤ latestRecommended ≤ maximum.',
    );
  });

  it('refuses an earliest recommended below the minimum', () => {
    const input = copy();
    gapOf(input, 3).earliestRecommendedDays = 6;
    expect(invalidPaths(mustFail(defineProtocol(input)))).toEqual([['sessions', 2, 'gaps', 0, 'earliestRecommendedDays']]);
  });

  it('refuses a latest recommended below the earliest recommended', () => {
    const input = copy();
    gapOf(input, 2).latestRecommendedDays = 9;
    expect(invalidPaths(mustFail(defineProtocol(input)))).toEqual([['sessions', 1, 'gaps', 0, 'latestRecommendedDays']]);
  });

  it('refuses a maximum below the latest recommended', () => {
    const input = copy();
    gapOf(input, 2).maximumDays = 13;
    expect(invalidPaths(mustFail(defineProtocol(input)))).toEqual([['sessions', 1, 'gaps', 0, 'maximumDays']]);
  });

  it('reports every out-of-order day count at once', () => {
    const input = copy();
    gapOf(input, 2).minimumDays = 4;
    gapOf(input, 3).maximumDays = 20;
    expect(invalidPaths(mustFail(defineProtocol(input)))).toEqual([
      ['sessions', 1, 'gaps', 0, 'minimumDays'],
      ['sessions', 2, 'gaps', 0, 'maximumDays'],
    ]);
  });

  it('refuses the extra sessions gap out of order, under extraSessions.gap', () => {
    const input = copy();
    input.extraSessions.gap.earliestRecommendedDays = 30;
    expect(invalidPaths(mustFail(defineProtocol(input)))).toEqual([['extraSessions', 'gap', 'latestRecommendedDays']]);
  });

  it('refuses sessions that are not numbered 1..n', () => {
    const input = copy();
    const s = input.sessions[1];
    if (s !== undefined) s.number = 3;
    const s3 = input.sessions[2];
    if (s3 !== undefined) s3.number = 2;
    const findings = mustFail(defineProtocol(input));
    expect(invalidPaths(findings)).toEqual([
      ['sessions', 1, 'number'],
      ['sessions', 2, 'number'],
    ]);
    expect(findings[0]?.params?.detail).toBe('sessions must be numbered 1 to n in order: expected 2, found 3.');
  });

  it('refuses a protocol without sessions', () => {
    const input = copy();
    input.sessions = [];
    expect(invalidPaths(mustFail(defineProtocol(input)))).toEqual([['sessions']]);
  });

  it('refuses gaps on session 1', () => {
    const input = copy();
    input.sessions[0]?.gaps.push({ ...gapOf(input, 2) });
    const findings = mustFail(defineProtocol(input));
    expect(invalidPaths(findings)).toEqual([['sessions', 0, 'gaps']]);
    expect(findings[0]?.params?.detail).toBe('session 1 starts the course, so it has no gaps.');
  });

  it('refuses a session after the first without gaps', () => {
    const input = copy();
    const s = input.sessions[2];
    if (s !== undefined) s.gaps = [];
    const findings = mustFail(defineProtocol(input));
    expect(invalidPaths(findings)).toEqual([['sessions', 2, 'gaps']]);
    expect(findings[0]?.params?.detail).toBe('session 3 needs at least one gap, measured from an earlier session.');
  });

  it('refuses a gap measured from a later session', () => {
    const input = copy();
    gapOf(input, 2).from = { session: 3 };
    const findings = mustFail(defineProtocol(input));
    expect(invalidPaths(findings)).toEqual([['sessions', 1, 'gaps', 0, 'from', 'session']]);
    expect(findings[0]?.params?.detail).toBe('session 2 measures a gap from session 3, which is not an earlier session of the protocol.');
  });

  it('refuses a gap measured from the session itself', () => {
    const input = copy();
    gapOf(input, 3).from = { session: 3 };
    expect(invalidPaths(mustFail(defineProtocol(input)))).toEqual([['sessions', 2, 'gaps', 0, 'from', 'session']]);
  });

  it('refuses a gap measured from a session the protocol does not have', () => {
    const input = copy();
    gapOf(input, 3).from = { session: 7 };
    expect(invalidPaths(mustFail(defineProtocol(input)))).toEqual([['sessions', 2, 'gaps', 0, 'from', 'session']]);
  });

  it('refuses a gap from session 0 as a shape error at from.session', () => {
    const input = copy();
    gapOf(input, 2).from = { session: 0 };
    expect(invalidPaths(mustFail(defineProtocol(input)))).toEqual([['sessions', 1, 'gaps', 0, 'from', 'session']]);
  });
});

describe('defineProtocol: shape refusals', () => {
  it('refuses a gap anchor that is neither "previous" nor { session }', () => {
    const input = copy();
    gapOf(input, 2).from = 'next';
    expect(invalidPaths(mustFail(defineProtocol(input)))).toEqual([['sessions', 1, 'gaps', 0, 'from']]);
  });

  it('refuses fractional, negative and string day counts at their paths', () => {
    const input = copy();
    gapOf(input, 2).minimumDays = 6.5;
    gapOf(input, 3).absoluteMinimumDays = -1;
    input.extraSessions.gap.maximumDays = '56';
    expect(invalidPaths(mustFail(defineProtocol(input)))).toEqual([
      ['sessions', 1, 'gaps', 0, 'minimumDays'],
      ['sessions', 2, 'gaps', 0, 'absoluteMinimumDays'],
      ['extraSessions', 'gap', 'maximumDays'],
    ]);
  });

  it('refuses unknown fields (a typo is not silently ignored)', () => {
    const input = copy();
    gapOf(input, 2).minimumDay = 7;
    const findings = mustFail(defineProtocol(input));
    expect(invalidPaths(findings)).toEqual([['sessions', 1, 'gaps', 0]]);
    expect(findings[0]?.params?.detail).toBe('has unknown field "minimumDay".');
  });

  it('refuses a version of 0, an empty id and a negative notice period', () => {
    const input = copy();
    input.version = 0;
    input.id = '';
    input.policy = { cancellationNoticeHours: -1 };
    expect(invalidPaths(mustFail(defineProtocol(input))).sort()).toEqual(
      [['id'], ['version'], ['policy', 'cancellationNoticeHours']].sort(),
    );
  });

  it('reports every missing top-level field of an empty object', () => {
    expect(invalidPaths(mustFail(defineProtocol({})))).toEqual([
      ['id'],
      ['version'],
      ['name'],
      ['sessions'],
      ['extraSessions'],
      ['policy'],
    ]);
  });
});

describe('defineProtocol never throws for junk', () => {
  const junk: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['NaN', Number.NaN],
    ['a string', 'standard'],
    ['a boolean', true],
    ['an array', []],
    ['an array of protocols', [standardProtocol]],
    ['a function', () => standardProtocol],
    ['a symbol', Symbol('p')],
    ['a bigint', 10n],
    ['a Date', new Date(0)],
    ['an object with wrong types', { id: 5, version: 'one', name: null, sessions: {}, extraSessions: [], policy: 'strict' }],
    ['sessions of junk', { ...standardProtocol, sessions: [null, 1, 'x'] }],
    ['gaps of junk', { ...standardProtocol, sessions: [{ ...standardProtocol.sessions[0], gaps: 'none' }] }],
  ];
  for (const [name, value] of junk) {
    it(`refuses ${name} with INVALID_INPUT errors`, () => {
      let out: ReturnType<typeof defineProtocol> | undefined;
      expect(() => {
        out = defineProtocol(value);
      }).not.toThrow();
      if (out === undefined) throw new Error('unreachable');
      const findings = mustFail(out);
      expect(findings.length).toBeGreaterThan(0);
      expect(new Set(codes(findings))).toEqual(new Set(['INVALID_INPUT']));
      for (const f of findings) expect(f.severity).toBe('error');
    });
  }

  it('refuses a non-object input at the root path [], saying what it received', () => {
    const cases: [unknown, string][] = [
      [null, 'The input: expected object, received null.'],
      [42, 'The input: expected object, received a number.'],
      ['standard', 'The input: expected object, received a string.'],
      [[], 'The input: expected object, received an array.'],
      [true, 'The input: expected object, received a boolean.'],
      [undefined, 'The input: is required (object).'],
    ];
    for (const [value, message] of cases) {
      const findings = mustFail(defineProtocol(value));
      expect(findings.map((f) => [f.path, f.message])).toEqual([[[], message]]);
    }
  });

  it('says "expected …, received …" for a field of the wrong type, and "is required" for a missing one', () => {
    const input = copy();
    input.version = 'one';
    delete input.name;
    const findings = mustFail(defineProtocol(input));
    expect(findings.map((f) => [f.path, f.params?.detail])).toEqual([
      [['version'], 'expected number, received a string.'],
      [['name'], 'is required (string).'],
    ]);
  });

  it('turns a getter that throws into an INVALID_INPUT refusal (unreadable) at its path, not an exception', () => {
    const hostile = { ...copy() };
    Object.defineProperty(hostile, 'sessions', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const findings = mustFail(defineProtocol(hostile));
    expect(findings).toEqual([
      {
        code: 'INVALID_INPUT',
        severity: 'error',
        message: 'sessions: could not be read: reading it threw.',
        path: ['sessions'],
        params: { problem: 'unreadable', path: 'sessions', detail: 'could not be read: reading it threw.' },
      },
    ]);
  });
});

describe('defineProtocol and prototype keys', () => {
  it('refuses a __proto__ key from JSON anywhere in a protocol, with its path, instead of dropping it', () => {
    const json = JSON.stringify(standardProtocol).replace(
      '"conditions":{',
      '"conditions":{"__proto__":{"outcome":"ineligible","reason":"x"},',
    );
    const out = defineProtocol(JSON.parse(json));
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.findings[0]?.code).toBe('INVALID_INPUT');
      expect(out.findings[0]?.path).toEqual(['screening', 'conditions', '__proto__']);
    }
  });
});
