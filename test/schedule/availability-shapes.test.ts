/**
 * Values that look like an availability's fields but are not: a one-item array where a time or a
 * name goes (which turns into that string when coerced), a range with an inherited field. The
 * key-wise reader must leave each to the slow path, which refuses it with its path.
 */
import { describe, expect, it } from 'vitest';
import { parseAvailability } from 'smp-protocol';

const rows = (input: unknown) => {
  const out = parseAvailability(input);
  return out.ok ? 'ok' : out.findings.map((f) => [f.code, f.path, f.params?.problem, f.params?.expected]);
};

describe('look-alike values', () => {
  it('a time given as a one-item array is not a time', () => {
    expect(rows({ timeZone: 'UTC', weekly: [{ weekday: 1, open: ['09:00'], close: '10:00' }] })).toEqual([
      ['INVALID_INPUT', ['weekly', 0, 'open'], 'type', 'string'],
    ]);
    expect(
      rows({ timeZone: 'UTC', weekly: [], overrides: [{ date: '2026-05-01', hours: [{ open: '09:00', close: ['10:00'] }] }] }),
    ).toEqual([['INVALID_INPUT', ['overrides', 0, 'hours', 0, 'close'], 'type', 'string']]);
  });

  it('a name given as a one-item array is not a name', () => {
    expect(rows({ timeZone: 'UTC', weekly: [], resources: [['ana']] })).toEqual([['INVALID_INPUT', ['resources', 0], 'type', 'string']]);
    expect(
      rows({ timeZone: 'UTC', weekly: [], busy: [{ start: '2026-04-02T10:00:00Z', end: '2026-04-02T11:00:00Z', resource: ['ana'] }] }),
    ).toEqual([['INVALID_INPUT', ['busy', 0, 'resource'], 'type', 'string']]);
  });

  it('a range with an inherited enumerable field has an unknown field', () => {
    const range = (fields: object) => Object.assign(Object.create({ note: 'x' }) as object, fields);
    expect(rows({ timeZone: 'UTC', weekly: [range({ weekday: 1, open: '09:00', close: '10:00' })] })).toEqual([
      ['INVALID_INPUT', ['weekly', 0], 'unknownKeys', undefined],
    ]);
    expect(
      rows({ timeZone: 'UTC', weekly: [], overrides: [{ date: '2026-05-01', hours: [range({ open: '09:00', close: '10:00' })] }] }),
    ).toEqual([['INVALID_INPUT', ['overrides', 0, 'hours', 0], 'unknownKeys', undefined]]);
    expect(rows({ timeZone: 'UTC', weekly: [], overrides: [range({ date: '2026-05-01', hours: [] })] })).toEqual([
      ['INVALID_INPUT', ['overrides', 0], 'unknownKeys', undefined],
    ]);
  });

  it('an override with a field besides date and hours, or a date that only turns into one, is refused', () => {
    expect(rows({ timeZone: 'UTC', weekly: [], overrides: [{ date: '2026-05-01', hours: [], note: [] }] })).toEqual([
      ['INVALID_INPUT', ['overrides', 0], 'unknownKeys', undefined],
    ]);
    expect(rows({ timeZone: 'UTC', weekly: [], overrides: [{ date: ['2026-05-01'], hours: [] }] })).toEqual([
      ['INVALID_INPUT', ['overrides', 0, 'date'], 'type', 'string'],
    ]);
    const date = { length: 10, toString: () => '2026-05-01' };
    expect(rows({ timeZone: 'UTC', weekly: [], overrides: [{ date, hours: [] }] })).toEqual([
      ['INVALID_INPUT', ['overrides', 0, 'date'], 'type', 'string'],
    ]);
  });

  it('a busy instant given as a String object is not a string; a busy interval’s inherited getter is read', () => {
    const start = '2026-04-02T10:00:00Z';
    const end = '2026-04-02T11:00:00Z';
    expect(rows({ timeZone: 'UTC', weekly: [], busy: [{ start: new String(start), end }] })).toEqual([
      ['INVALID_INPUT', ['busy', 0, 'start'], 'type', 'string'],
    ]);
    expect(rows({ timeZone: 'UTC', weekly: [], busy: [{ start, end: new String(end) }] })).toEqual([
      ['INVALID_INPUT', ['busy', 0, 'end'], 'type', 'string'],
    ]);
    class Booking {
      start = start;
      end = end;
      get resource(): string {
        return 'ana';
      }
    }
    const out = parseAvailability({ timeZone: 'UTC', weekly: [], resources: ['ben', 'ana'], busy: [new Booking()] });
    expect(out.ok && out.value.busy).toEqual([{ start, end, resource: 'ana' }]);
  });
});
