/**
 * A fraction with something other than digits in it is a malformed instant (`format`), whatever
 * follows it: the fast reader must stop at the first non-digit and leave the text to the general
 * parser, never read a fraction that is not a number (which would be refused as `range`).
 */
import { describe, expect, it } from 'vitest';
import { localDateOf } from 'smp-protocol';
import { mustFail } from '../support/plans.js';

const refusal = (instant: string) => mustFail(localDateOf(instant, 'UTC')).map((f) => [f.code, f.params?.problem]);

describe('a fraction with stray characters', () => {
  it.each([
    '2026-03-23T10:00:00..Z',
    '2026-03-23T10:00:00.-Z',
    '2026-03-23T10:00:00./+01:00',
    '2026-03-23T10:00:00.12345678aZ',
    '2026-03-23T10:00:00.abcdefghiZ',
    '2026-03-23T10:00:00.abcdefghi+01:00',
    '2026-03-23T10:00:00.1:2:3:4:5Z',
  ])('%s is refused as format', (instant) => {
    expect(refusal(instant)).toEqual([['INVALID_INSTANT', 'format']]);
  });
});
