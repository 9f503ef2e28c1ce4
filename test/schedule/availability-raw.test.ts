/**
 * A raw availability passed to the scheduling calls (read key-wise once per call): the call uses
 * the `availability` option and nothing else in the options, whatever their prototype or extra
 * keys; what is not an availability is refused with its path and params.
 */
import { describe, expect, it } from 'vitest';
import { findSlots, parseAvailability, proposeSchedule, standardProtocol, type Availability } from 'smp-protocol';
import { mustOk, newPlan } from '../support/plans.js';

const thursdays = { timeZone: 'Europe/London', weekly: [{ weekday: 4, open: '09:00', close: '17:00' }] };
const mondays = { timeZone: 'Europe/London', weekly: [{ weekday: 1, open: '09:00', close: '17:00' }] };
const base = { protocol: standardProtocol, asOf: '2026-04-01T00:00:00Z' };

const starts = (options: unknown): string[] | string[][] => {
  const out = findSlots(newPlan(), options as never);
  return out.ok ? out.value.map((s) => s.start) : out.findings.map((f) => [f.code, f.path?.join('.') ?? '']);
};

describe('the availability option, raw', () => {
  it('is the one read, not another availability under another key', () => {
    const options = { ...base, limit: 2, availability: thursdays, later: mondays };
    expect(starts(options)).toEqual(['2026-04-02T09:00:00+01:00', '2026-04-02T09:30:00+01:00']);
    expect(starts({ ...base, limit: 2, earlier: mondays, availability: thursdays })).toEqual([
      '2026-04-02T09:00:00+01:00',
      '2026-04-02T09:30:00+01:00',
    ]);
    const plan = proposeSchedule(newPlan({ createdAt: '2026-03-02T09:00:00Z' }), {
      protocol: standardProtocol,
      asOf: '2026-03-02T09:00:00Z',
      availability: mondays as Availability,
      other: thursdays,
    } as never);
    expect(plan.ok && plan.value.sessions.map((s) => s.localDate)).toEqual(['2026-03-02', '2026-03-16', '2026-03-30']);
  });

  it('options without a prototype, or with an own __proto__ key (as JSON.parse makes it), give the same slots', () => {
    const bare = Object.assign(Object.create(null) as object, base, { limit: 1, availability: thursdays });
    expect(starts(bare)).toEqual(['2026-04-02T09:00:00+01:00']);
    const parsed = JSON.parse(
      '{"__proto__": {"limit": 1}, "availability": {"timeZone": "Europe/London", "weekly": [{"weekday": 4, "open": "09:00", "close": "17:00"}]}}',
    );
    const out = findSlots(newPlan(), Object.assign(parsed, base));
    // The __proto__ key is not an option: the default limit of 10 applies.
    expect(out.ok && out.value.length).toBe(10);
  });

  it('options that are a class instance are read by name, inherited getters included', () => {
    class Options {
      protocol = standardProtocol;
      availability = thursdays;
      limit = 1;
      get asOf(): string {
        return '2026-04-01T00:00:00Z';
      }
    }
    expect(starts(new Options())).toEqual(['2026-04-02T09:00:00+01:00']);
  });

  it('gives the same slots as the checked availability with more than 32 options', () => {
    const extra = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`x${i}`, i]));
    expect(starts({ ...extra, ...base, limit: 1, availability: thursdays })).toEqual(['2026-04-02T09:00:00+01:00']);
    expect(starts({ ...extra, ...base, limit: 1, availability: mustOk(parseAvailability(thursdays)) })).toEqual([
      '2026-04-02T09:00:00+01:00',
    ]);
  });

  it('what is not an availability object is refused at options.availability', () => {
    for (const availability of [42, 'Europe/London', null, [thursdays]]) {
      const out = findSlots(newPlan(), { ...base, availability } as never);
      expect(out.ok ? 'ok' : out.findings.map((f) => [f.code, f.path, f.params])).toEqual([
        [
          'INVALID_INPUT',
          ['options', 'availability'],
          { problem: 'type', expected: 'availability', path: 'options.availability', detail: 'must be an availability object.' },
        ],
      ]);
    }
    const out = parseAvailability(42);
    expect(out.ok ? 'ok' : out.findings.map((f) => [f.code, f.path, f.message])).toEqual([
      ['INVALID_INPUT', [], 'The input: must be an availability object.'],
    ]);
  });

  it('busy intervals that are not a list are refused at their path', () => {
    const out = findSlots(newPlan(), { ...base, availability: { ...thursdays, busy: 'x' } } as never);
    expect(out.ok ? 'ok' : out.findings.map((f) => [f.code, f.path, f.params])).toEqual([
      [
        'INVALID_INPUT',
        ['options', 'availability', 'busy'],
        {
          problem: 'type',
          expected: 'array',
          received: 'string',
          path: 'options.availability.busy',
          detail: 'expected array, received a string.',
        },
      ],
    ]);
  });

  it('a raw availability with findings is refused with them, under options.availability', () => {
    const out = findSlots(newPlan(), {
      ...base,
      availability: {
        ...thursdays,
        resources: ['ana'],
        busy: [
          { start: '2026-04-02T10:00:00Z', end: '2026-04-02T09:00:00Z' },
          { start: '2026-04-02T10:00:00Z', end: '2026-04-02T11:00:00Z', resource: 'ben' },
        ],
      },
    } as never);
    expect(out.ok ? 'ok' : out.findings.map((f) => [f.code, f.path?.join('.')])).toEqual([
      ['INVALID_INPUT', 'options.availability.busy.0.end'],
      ['INVALID_INPUT', 'options.availability.busy.1.resource'],
    ]);
  });
});
