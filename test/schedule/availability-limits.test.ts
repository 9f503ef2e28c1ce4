/**
 * The size limits of an availability, exact: the most busy intervals a value may list, the most
 * values in all (the key-wise reader must give up on such an input, never accept it), and a string
 * too long deep inside an availability passed raw to findSlots.
 */
import { describe, expect, it } from 'vitest';
import { findSlots, parseAvailability, standardProtocol, type Availability } from 'smp-protocol';
import { newPlan } from '../support/plans.js';

const HOUR = 3_600_000;
const instant = (ms: number): string => new Date(ms).toISOString();
const jan1 = Date.UTC(2026, 0, 1);

/** `n` busy intervals of half an hour, an hour apart from 1 January 2026, each for `resource` when given. */
function busy(n: number, resource?: string): { start: string; end: string; resource?: string }[] {
  return Array.from({ length: n }, (_, i) => {
    const interval = { start: instant(jan1 + i * HOUR), end: instant(jan1 + i * HOUR + HOUR / 2) };
    return resource === undefined ? interval : { ...interval, resource };
  });
}

/** 96 quarter-hour ranges: a whole day. */
const quarters = Array.from({ length: 96 }, (_, i) => {
  const at = (q: number) => (q === 96 ? '24:00' : `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`);
  return { open: at(i), close: at(i + 1) };
});
const overrides = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ date: instant(jan1 + i * 24 * HOUR).slice(0, 10), hours: quarters }));

const rows = (input: unknown) => {
  const out = parseAvailability(input);
  return out.ok ? 'ok' : out.findings.map((f) => [f.code, f.path, f.params]);
};

describe('size limits', () => {
  it('50,000 busy intervals are kept; 50,001 are refused with the count', () => {
    const out = parseAvailability({ timeZone: 'UTC', weekly: [], busy: busy(50_000) });
    expect(out.ok && [out.value.busy?.length, out.value.busy?.[49_999]]).toEqual([
      50_000,
      { start: '2031-09-15T07:00:00.000Z', end: '2031-09-15T07:30:00.000Z' },
    ]);
    expect(rows({ timeZone: 'UTC', weekly: [], busy: busy(50_001) })).toEqual([
      [
        'INVALID_INPUT',
        ['busy'],
        {
          problem: 'tooMany',
          limit: 50_000,
          actual: 50_001,
          path: 'busy',
          detail: 'has too many items (at most 50000; it has 50001).',
        },
      ],
    ]);
  });

  it('more than 250,000 values in all are refused, though each list is within its own bound', () => {
    // 50,000 intervals of 4 values and 300 overrides of 96 ranges: about 287,000 values.
    const big = { timeZone: 'UTC', weekly: [], overrides: overrides(300), busy: busy(50_000, 'ana') };
    expect(rows(big)).toEqual([
      ['INVALID_INPUT', [], { problem: 'tooManyNodes', limit: 250_000, path: '', detail: 'is too large (at most 250000 values in all).' }],
    ]);
    // With 100 overrides (about 229,000 values) it is kept.
    const out = parseAvailability({ ...big, overrides: overrides(100) });
    expect(out.ok && [out.value.overrides?.length, out.value.overrides?.[99]?.date, out.value.busy?.length]).toEqual([
      100,
      '2026-04-10',
      50_000,
    ]);
  });

  it('a string too long deep inside a raw availability is refused at its path', () => {
    let deep: unknown = 'x'.repeat(2_000_001);
    for (let i = 0; i < 63; i++) deep = { x: deep };
    const availability = { timeZone: 'UTC', weekly: [], extra: deep } as unknown as Availability;
    const out = findSlots(newPlan(), { protocol: standardProtocol, asOf: '2026-04-01T00:00:00Z', availability });
    const path = ['options', 'availability', 'extra', ...Array.from({ length: 63 }, () => 'x')];
    expect(out.ok ? 'ok' : out.findings.map((f) => [f.code, f.path, f.params?.problem, f.params?.actual])).toEqual([
      ['INVALID_INPUT', path, 'tooLong', 2_000_001],
    ]);
  });
});
