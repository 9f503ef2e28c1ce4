// Input whose reading throws (throwing getters, Proxy traps, revoked Proxies) is the caller's
// problem, not our bug: INVALID_INPUT with the `unreadable` token at the path where reading threw.
// Oversized objects are refused by their key count before any value is read.
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  createPlan,
  defineProtocol,
  evaluatePlan,
  forecast,
  formatFinding,
  parsePlan,
  replay,
  screen,
  standardProtocol,
  toInstant,
} from 'smp-protocol';
import { mustFail, mustOk, newPlan } from '../support/plans.js';

const throwingProxy = (): object =>
  new Proxy(
    {},
    {
      get() {
        throw new Error('get trap');
      },
      ownKeys() {
        throw new Error('ownKeys trap');
      },
    },
  );
const revoked = (): object => {
  const r = Proxy.revocable({}, {});
  r.revoke();
  return r.proxy;
};
const unreadable = (path: (string | number)[]) => ({
  code: 'INVALID_INPUT',
  severity: 'error',
  path,
  params: expect.objectContaining({ problem: 'unreadable', path: path.join('.').replace(/\.(\d+)/g, '[$1]') }),
});

describe('unreadable input', () => {
  it('a throwing getter in the options is INVALID_INPUT at options.asOf', () => {
    const options = {
      protocol: standardProtocol,
      get asOf(): string {
        throw new Error('boom');
      },
    };
    const findings = mustFail(forecast(newPlan(), options));
    expect(findings).toEqual([expect.objectContaining(unreadable(['options', 'asOf']))]);
    expect(findings[0]?.message).toBe('options.asOf: could not be read: reading it threw.');
    expect(formatFinding(findings[0] as never, 'es')).toBe('options.asOf: no se pudo leer: leerlo lanzó una excepción.');
  });

  it('a Proxy whose traps throw, as the event, is refused at the event (event paths are unprefixed)', () => {
    const findings = mustFail(applyEvent(newPlan(), throwingProxy() as never, { protocol: standardProtocol }));
    expect(findings).toEqual([expect.objectContaining(unreadable([]))]);
  });

  it('a revoked Proxy inside a stored plan is refused at its field', () => {
    const stored = { ...JSON.parse(JSON.stringify(newPlan())), id: revoked() };
    expect(mustFail(parsePlan(stored))).toEqual([expect.objectContaining(unreadable(['id']))]);
    expect(mustFail(evaluatePlan(stored as never, { protocol: standardProtocol } as never))).toEqual([
      expect.objectContaining(unreadable(['plan', 'id'])),
    ]);
  });

  it('a throwing entry of options.protocols and of a protocol are located', () => {
    const list = [standardProtocol, throwingProxy()];
    expect(mustFail(replay(newPlan(), [], { protocols: list as never }))).toEqual([
      expect.objectContaining(unreadable(['options', 'protocols', 1])),
    ]);
    const protocol = {
      ...standardProtocol,
      get sessions(): never {
        throw new Error('boom');
      },
    };
    expect(mustFail(defineProtocol(protocol))).toEqual([expect.objectContaining(unreadable(['sessions']))]);
  });

  it('an unreadable argument of toInstant or screen is refused by name', () => {
    expect(mustFail(toInstant(revoked() as never, 'UTC'))).toEqual([expect.objectContaining(unreadable(['localDateTime']))]);
    expect(mustFail(screen({ dateOfBirth: '1990-01-01', conditions: throwingProxy() }, { protocol: standardProtocol } as never))).toEqual([
      expect.objectContaining(unreadable(['conditions'])),
    ]);
  });

  it('reads each getter once, and a trusted plan is used as it is', () => {
    let reads = 0;
    const options = {
      protocol: standardProtocol,
      get asOf(): string {
        reads++;
        return '2026-02-01T09:00:00Z';
      },
    };
    const plan = newPlan();
    mustOk(forecast(plan, options));
    expect(reads).toBe(1);
    expect(mustOk(parsePlan(plan))).toBe(plan);
  });
});

describe('oversized objects', () => {
  it('an object with 100,000 keys is refused by its key count, before its values are read', () => {
    const giant = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    expect(mustFail(createPlan(giant as never))).toEqual([
      expect.objectContaining({
        code: 'INVALID_INPUT',
        path: [],
        params: expect.objectContaining({ problem: 'tooMany', limit: 20_000, actual: 100_000 }),
      }),
    ]);
    expect(mustFail(forecast(giant as never, { protocol: standardProtocol } as never))[0]?.path).toEqual(['plan']);
  });
});

describe('protocol choice refusals are tokens, worded in each locale', () => {
  it('options.protocols that is not a list: protocolList, Spanish without English', () => {
    const [f] = mustFail(forecast(newPlan(), { protocols: 'all' } as never));
    expect(f?.params).toMatchObject({ problem: 'type', expected: 'protocolList', path: 'options.protocols' });
    expect(f?.message).toBe('options.protocols: must be an array of at most 100 protocols.');
    expect(formatFinding(f as never, 'es')).toBe('options.protocols: debe ser una lista de como máximo 100 protocolos.');
  });
});
