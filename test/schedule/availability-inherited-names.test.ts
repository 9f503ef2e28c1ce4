/**
 * A field named like a member every object inherits (`toString`, `constructor`, ...) is an unknown
 * field of an availability, refused as the schema refuses it: the key-wise reader must not take it
 * for one of its own minutes fields.
 */
import { describe, expect, it } from 'vitest';
import { parseAvailability } from 'smp-protocol';

describe('fields named like inherited members', () => {
  it.each(['toString', 'constructor', 'hasOwnProperty', 'valueOf'])('%s is an unknown field', (name) => {
    const out = parseAvailability({ timeZone: 'UTC', weekly: [], [name]: 5 });
    expect(out.ok ? 'ok' : out.findings.map((f) => [f.code, f.path, f.params?.problem, f.params?.keys])).toEqual([
      ['INVALID_INPUT', [], 'unknownKeys', `"${name}"`],
    ]);
  });

  it('so is any other name', () => {
    const out = parseAvailability({ timeZone: 'UTC', weekly: [], colour: 'red' });
    expect(out.ok ? 'ok' : out.findings.map((f) => [f.code, f.path, f.params?.problem, f.params?.keys])).toEqual([
      ['INVALID_INPUT', [], 'unknownKeys', '"colour"'],
    ]);
  });
});
