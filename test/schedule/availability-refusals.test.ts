/**
 * parseAvailability's refusals, each with its exact code, path and params, for every bound of the
 * availability (opening and closing times, weekdays, list lengths, minutes, override dates, busy
 * intervals and their resources), and the JSON Schema of `schemas.availability`.
 *
 * The availability module is imported fresh (`vi.resetModules`) for each test: its zod schemas are
 * built on first use and then shared by every later test of the module graph, so in a shared graph
 * only the first test to parse an availability the slow way would ever build them (and a mutation
 * test would count only that test as reaching them). A fresh graph builds them again in each test
 * here. Only the module and what it imports is loaded again (not the whole library): a mutation
 * test would otherwise credit every module-level constant of the library (the rules' transition
 * table, the plan's field lists) to these tests alone.
 */
import * as z from 'zod/mini';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Availability = typeof import('../../src/schedule/availability.js');
/** `parseAvailability` and `schemas.availability`, from the fresh module. */
let lib: {
  parseAvailability: Availability['parseAvailability'];
  schemas: { availability: ReturnType<Availability['availabilitySchemas']>['availabilitySchema'] };
};

beforeEach(async () => {
  vi.resetModules();
  const fresh = await import('../../src/schedule/availability.js');
  lib = { parseAvailability: fresh.parseAvailability, schemas: { availability: fresh.availabilitySchemas().availabilitySchema } };
}, 120_000);

type Row = [code: string, path: readonly (string | number)[] | undefined, params: unknown];

/** The findings of parseAvailability as [code, path, params]; `'ok'` when it accepts. */
function findings(input: unknown): Row[] | 'ok' {
  const out = lib.parseAvailability(input);
  return out.ok ? 'ok' : out.findings.map((f) => [f.code, f.path, f.params]);
}

const utc = { timeZone: 'UTC', weekly: [] as unknown[] };

const tooBig = (path: string, limit: number) => ({
  problem: 'tooBig',
  of: 'number',
  limit,
  path,
  detail: `must be at most ${limit}.`,
});
const tooSmall = (path: string, limit: number) => ({
  problem: 'tooSmall',
  of: 'number',
  limit,
  path,
  detail: `must be at least ${limit}.`,
});

describe('opening and closing times', () => {
  it('an opening time of 24:00 and a closing time not in HH:mm form: the kind of time, the value, the path', () => {
    expect(
      findings({
        timeZone: 'UTC',
        weekly: [{ weekday: 1, open: '24:00', close: '9:00' }],
        overrides: [{ date: '2026-01-01', hours: [{ open: 'x'.repeat(100), close: '25:00' }] }],
      }),
    ).toEqual([
      [
        'INVALID_INPUT',
        ['weekly', 0, 'open'],
        {
          problem: 'openTime',
          value: '24:00',
          path: 'weekly[0].open',
          detail: '"24:00" is not an opening time in the form HH:mm (00:00 to 23:59).',
        },
      ],
      [
        'INVALID_INPUT',
        ['weekly', 0, 'close'],
        {
          problem: 'closeTime',
          value: '9:00',
          path: 'weekly[0].close',
          detail: '"9:00" is not a closing time in the form HH:mm (00:00 to 23:59, or 24:00 for the end of the day).',
        },
      ],
      [
        'INVALID_INPUT',
        ['overrides', 0, 'hours', 0, 'open'],
        {
          problem: 'openTime',
          // The value is cut to its first 60 characters.
          value: 'x'.repeat(60),
          path: 'overrides[0].hours[0].open',
          detail: `"${'x'.repeat(60)}" is not an opening time in the form HH:mm (00:00 to 23:59).`,
        },
      ],
      [
        'INVALID_INPUT',
        ['overrides', 0, 'hours', 0, 'close'],
        {
          problem: 'closeTime',
          value: '25:00',
          path: 'overrides[0].hours[0].close',
          detail: '"25:00" is not a closing time in the form HH:mm (00:00 to 23:59, or 24:00 for the end of the day).',
        },
      ],
    ]);
  });

  it('the ends of the day: 00:00 opens, 23:59 and 24:00 close; 24:00 never opens', () => {
    const day = (open: string, close: string) => findings({ timeZone: 'UTC', weekly: [{ weekday: 3, open, close }] });
    expect(day('00:00', '24:00')).toBe('ok');
    expect(day('00:00', '23:59')).toBe('ok');
    expect(day('23:59', '24:00')).toBe('ok');
    expect(day('24:00', '24:00')).toEqual([
      ['INVALID_INPUT', ['weekly', 0, 'open'], expect.objectContaining({ problem: 'openTime', value: '24:00' })],
    ]);
    expect(day('23:60', '24:00')).toEqual([
      ['INVALID_INPUT', ['weekly', 0, 'open'], expect.objectContaining({ problem: 'openTime', value: '23:60' })],
    ]);
    expect(day('09:00', '24:01')).toEqual([
      ['INVALID_INPUT', ['weekly', 0, 'close'], expect.objectContaining({ problem: 'closeTime', value: '24:01' })],
    ]);
  });

  it('weekdays 1 to 7 only', () => {
    for (const weekday of [1, 7]) expect(findings({ timeZone: 'UTC', weekly: [{ weekday, open: '09:00', close: '10:00' }] })).toBe('ok');
    for (const weekday of [0, 8, 1.5, '1']) {
      expect(findings({ timeZone: 'UTC', weekly: [{ weekday, open: '09:00', close: '10:00' }] })).toEqual([
        [
          'INVALID_INPUT',
          ['weekly', 0, 'weekday'],
          {
            problem: 'notOneOf',
            allowed: '1, 2, 3, 4, 5, 6, 7',
            path: 'weekly[0].weekday',
            detail: 'must be one of 1, 2, 3, 4, 5, 6, 7.',
          },
        ],
      ]);
    }
  });
});

describe('the minutes and days', () => {
  it('each bound: the largest value is kept, one more is refused with its limit', () => {
    const top = {
      ...utc,
      bufferBeforeMinutes: 1_440,
      bufferAfterMinutes: 1_440,
      minimumNoticeMinutes: 527_040,
      horizonDays: 3_660,
      slotStepMinutes: 1_440,
    };
    const out = lib.parseAvailability(top);
    expect(out.ok && out.value).toEqual(top);
    expect(
      findings({
        ...utc,
        bufferBeforeMinutes: 1_441,
        bufferAfterMinutes: 1_441,
        minimumNoticeMinutes: 527_041,
        horizonDays: 3_661,
        slotStepMinutes: 1_441,
      }),
    ).toEqual([
      ['INVALID_INPUT', ['bufferBeforeMinutes'], tooBig('bufferBeforeMinutes', 1_440)],
      ['INVALID_INPUT', ['bufferAfterMinutes'], tooBig('bufferAfterMinutes', 1_440)],
      ['INVALID_INPUT', ['minimumNoticeMinutes'], tooBig('minimumNoticeMinutes', 527_040)],
      ['INVALID_INPUT', ['horizonDays'], tooBig('horizonDays', 3_660)],
      ['INVALID_INPUT', ['slotStepMinutes'], tooBig('slotStepMinutes', 1_440)],
    ]);
  });

  it('the smallest: 0 (1 for the step) is kept, one less is refused; fractions are refused', () => {
    const bottom = { ...utc, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minimumNoticeMinutes: 0, horizonDays: 0, slotStepMinutes: 1 };
    const out = lib.parseAvailability(bottom);
    expect(out.ok && out.value).toEqual(bottom);
    expect(
      findings({ ...utc, bufferBeforeMinutes: -1, bufferAfterMinutes: -1, minimumNoticeMinutes: -1, horizonDays: -1, slotStepMinutes: 0 }),
    ).toEqual([
      ['INVALID_INPUT', ['bufferBeforeMinutes'], tooSmall('bufferBeforeMinutes', 0)],
      ['INVALID_INPUT', ['bufferAfterMinutes'], tooSmall('bufferAfterMinutes', 0)],
      ['INVALID_INPUT', ['minimumNoticeMinutes'], tooSmall('minimumNoticeMinutes', 0)],
      ['INVALID_INPUT', ['horizonDays'], tooSmall('horizonDays', 0)],
      ['INVALID_INPUT', ['slotStepMinutes'], tooSmall('slotStepMinutes', 1)],
    ]);
    const whole = {
      problem: 'type',
      expected: 'wholeNumber',
      received: 'number',
      path: 'bufferAfterMinutes',
      detail: 'expected a whole number, received a number.',
    };
    expect(findings({ ...utc, bufferAfterMinutes: 1.5 })).toEqual([['INVALID_INPUT', ['bufferAfterMinutes'], whole]]);
  });
});

describe('list lengths', () => {
  const range = (i: number) => {
    const m = i % 96;
    const hh = (h: number) => String(h).padStart(2, '0');
    const at = (q: number) => (q === 96 ? '24:00' : `${hh(Math.floor(q / 4))}:${hh((q % 4) * 15)}`);
    return { open: at(m), close: at(m + 1) };
  };

  it('weekly: 7 × 96 ranges are kept, one more is refused', () => {
    const weekly = Array.from({ length: 672 }, (_, i) => ({ weekday: Math.floor(i / 96) + 1, ...range(i) }));
    const out = lib.parseAvailability({ timeZone: 'UTC', weekly });
    expect(out.ok && out.value.weekly.length).toBe(672);
    const more = findings({ timeZone: 'UTC', weekly: [...weekly, { weekday: 1, open: '00:00', close: '00:15' }] });
    expect(more).toEqual([
      [
        'INVALID_INPUT',
        ['weekly'],
        { problem: 'tooBig', of: 'array', limit: 672, path: 'weekly', detail: 'has too many items (at most 672).' },
      ],
    ]);
  });

  it('an override: 96 ranges are kept, one more is refused', () => {
    const hours = Array.from({ length: 96 }, (_, i) => range(i));
    const out = lib.parseAvailability({ ...utc, overrides: [{ date: '2026-05-01', hours }] });
    expect(out.ok && out.value.overrides?.[0]?.hours.length).toBe(96);
    expect(findings({ ...utc, overrides: [{ date: '2026-05-01', hours: [...hours, range(0)] }] })).toEqual([
      [
        'INVALID_INPUT',
        ['overrides', 0, 'hours'],
        { problem: 'tooBig', of: 'array', limit: 96, path: 'overrides[0].hours', detail: 'has too many items (at most 96).' },
      ],
    ]);
  });

  it('resources: at least one, at most 100, each 1 to 256 characters', () => {
    const names = Array.from({ length: 100 }, (_, i) => `artist-${i}`);
    expect(findings({ ...utc, resources: names })).toBe('ok');
    expect(findings({ ...utc, resources: ['a'.repeat(256)] })).toBe('ok');
    expect(findings({ ...utc, resources: [...names, 'one-more'] })).toEqual([
      [
        'INVALID_INPUT',
        ['resources'],
        { problem: 'tooBig', of: 'array', limit: 100, path: 'resources', detail: 'has too many items (at most 100).' },
      ],
    ]);
    expect(findings({ ...utc, resources: [] })).toEqual([
      ['INVALID_INPUT', ['resources'], { problem: 'tooSmall', of: 'array', limit: 1, path: 'resources', detail: 'needs at least 1 item.' }],
    ]);
    expect(findings({ ...utc, resources: [''] })).toEqual([
      [
        'INVALID_INPUT',
        ['resources', 0],
        { problem: 'tooSmall', of: 'string', limit: 1, path: 'resources[0]', detail: 'must not be empty (at least 1 character).' },
      ],
    ]);
    expect(findings({ ...utc, resources: ['a'.repeat(257)] })).toEqual([
      ['INVALID_INPUT', ['resources', 0], expect.objectContaining({ problem: 'tooBig', of: 'string', limit: 256 })],
    ]);
  });
});

describe('override dates', () => {
  it('1900-01-02 and 9999-12-30 are the first and last; the days outside are DATE_OUT_OF_RANGE', () => {
    const edges = {
      ...utc,
      overrides: [
        { date: '1900-01-02', hours: [] },
        { date: '9999-12-30', hours: [{ open: '10:00', close: '11:00' }] },
      ],
    };
    const out = lib.parseAvailability(edges);
    expect(out.ok && out.value).toEqual(edges);
    const range = { min: '1900-01-02', max: '9999-12-30' };
    expect(
      findings({
        ...utc,
        overrides: [
          { date: '1900-01-01', hours: [] },
          { date: '9999-12-31', hours: [{ open: '10:00', close: '11:00' }] },
        ],
      }),
    ).toEqual([
      ['DATE_OUT_OF_RANGE', ['overrides', 0, 'date'], { path: 'overrides[0].date', value: '1900-01-01', ...range }],
      ['DATE_OUT_OF_RANGE', ['overrides', 1, 'date'], { path: 'overrides[1].date', value: '9999-12-31', ...range }],
    ]);
    expect(findings({ ...utc, overrides: [{ date: '2026-02-29', hours: [] }] })).toEqual([
      [
        'INVALID_INPUT',
        ['overrides', 0, 'date'],
        {
          problem: 'localDate',
          value: '2026-02-29',
          path: 'overrides[0].date',
          detail: '"2026-02-29" is not a calendar date in the form YYYY-MM-DD.',
        },
      ],
    ]);
  });

  it('a repeated date is refused at the repeat, with the first index; an out-of-range repeat gets both findings', () => {
    expect(
      findings({
        ...utc,
        overrides: [
          { date: '1900-01-01', hours: [] },
          { date: '2026-12-25', hours: [] },
          { date: '1900-01-01', hours: [] },
          { date: '2026-12-25', hours: [{ open: '09:00', close: '10:00' }] },
        ],
      }),
    ).toEqual([
      ['DATE_OUT_OF_RANGE', ['overrides', 0, 'date'], expect.objectContaining({ value: '1900-01-01' })],
      ['INVALID_INPUT', ['overrides', 2, 'date'], expect.objectContaining({ problem: 'duplicateOverride' })],
      ['DATE_OUT_OF_RANGE', ['overrides', 2, 'date'], expect.objectContaining({ value: '1900-01-01' })],
      ['INVALID_INPUT', ['overrides', 3, 'date'], expect.objectContaining({ problem: 'duplicateOverride' })],
    ]);
  });
});

describe('ranges of one day', () => {
  it('touching ranges are kept; an overlap is reported at the later range, against the one it overlaps', () => {
    expect(
      findings({
        timeZone: 'UTC',
        weekly: [
          { weekday: 1, open: '13:00', close: '18:00' },
          { weekday: 1, open: '09:00', close: '13:00' },
          { weekday: 2, open: '09:00', close: '13:00' },
          { weekday: 2, open: '12:59', close: '13:00' },
        ],
      }),
    ).toEqual([['INVALID_INPUT', ['weekly', 3], expect.objectContaining({ problem: 'rangeOverlap' })]]);
  });

  it('a range inside a longer one overlaps it, and so does the next one that starts before the longer one closes', () => {
    const out = lib.parseAvailability({
      timeZone: 'UTC',
      weekly: [
        { weekday: 5, open: '08:00', close: '20:00' },
        { weekday: 5, open: '09:00', close: '10:00' },
        { weekday: 5, open: '11:00', close: '12:00' },
      ],
    });
    expect(out.ok ? 'ok' : out.findings.map((f) => [f.path, f.message])).toEqual([
      [['weekly', 1], 'weekly[1]: overlaps 08:00–20:00 on the same day (09:00–10:00); ranges of one day may not overlap.'],
      [['weekly', 2], 'weekly[2]: overlaps 08:00–20:00 on the same day (11:00–12:00); ranges of one day may not overlap.'],
    ]);
  });

  it('a range is compared with the one that closes latest before it: a later overlap is found after a short range', () => {
    const out = lib.parseAvailability({
      timeZone: 'UTC',
      weekly: [
        { weekday: 2, open: '08:00', close: '12:00' },
        { weekday: 2, open: '09:00', close: '12:00' },
        { weekday: 2, open: '11:00', close: '13:00' },
        { weekday: 2, open: '14:00', close: '15:00' },
        { weekday: 2, open: '14:30', close: '16:00' },
      ],
    });
    // Of two ranges closing together, the first stays the one compared with.
    expect(out.ok ? 'ok' : out.findings.map((f) => [f.path, f.params?.value, f.params?.other])).toEqual([
      [['weekly', 1], '09:00–12:00', '08:00–12:00'],
      [['weekly', 2], '11:00–13:00', '08:00–12:00'],
      [['weekly', 4], '14:30–16:00', '14:00–15:00'],
    ]);
  });

  it('a range that closes when it opens is refused at its close and then not compared with the others', () => {
    expect(
      findings({
        timeZone: 'UTC',
        weekly: [],
        overrides: [
          {
            date: '2026-05-01',
            hours: [
              { open: '09:00', close: '12:00' },
              { open: '10:00', close: '10:00' },
              { open: '12:00', close: '24:00' },
            ],
          },
        ],
      }),
    ).toEqual([['INVALID_INPUT', ['overrides', 0, 'hours', 1, 'close'], expect.objectContaining({ problem: 'rangeOrder' })]]);
  });
});

describe('busy intervals', () => {
  const start = '2026-04-02T10:00:00Z';
  const end = '2026-04-02T11:00:00Z';

  it('an interval that ends where it starts is kept; one that ends a millisecond before is refused', () => {
    expect(findings({ ...utc, busy: [{ start, end: start }] })).toBe('ok');
    expect(findings({ ...utc, busy: [{ start: '2026-04-02T10:00:00.001Z', end: start }] })).toEqual([
      ['INVALID_INPUT', ['busy', 0, 'end'], expect.objectContaining({ problem: 'endBeforeStart' })],
    ]);
  });

  it('each entry that is not an interval is refused at its index, the valid ones around it kept silent', () => {
    const hostile = Object.create({ inherited: true }) as Record<string, unknown>;
    hostile.start = start;
    hostile.end = end;
    const out = findings({ ...utc, busy: [{ start, end }, null, 7, [], { start, end, room: 'a' }, hostile, { start, end }] });
    expect(out === 'ok' ? out : out.map(([code, path]) => [code, path])).toEqual([
      ['INVALID_INPUT', ['busy', 1]],
      ['INVALID_INPUT', ['busy', 2]],
      ['INVALID_INPUT', ['busy', 3]],
      ['INVALID_INPUT', ['busy', 4]],
      ['INVALID_INPUT', ['busy', 5]],
    ]);
  });

  it('a resource must be a name of 1 to 256 characters, and a listed one when resources are listed', () => {
    expect(findings({ ...utc, busy: [{ start, end, resource: 'x'.repeat(256) }] })).toBe('ok');
    expect(findings({ ...utc, busy: [{ start, end, resource: '' }] })).toEqual([
      [
        'INVALID_INPUT',
        ['busy', 0, 'resource'],
        { problem: 'tooSmall', of: 'string', limit: 1, path: 'busy[0].resource', detail: 'must not be empty (at least 1 character).' },
      ],
    ]);
    expect(findings({ ...utc, busy: [{ start, end, resource: 'x'.repeat(257) }] })).toEqual([
      ['INVALID_INPUT', ['busy', 0, 'resource'], expect.objectContaining({ problem: 'tooBig', of: 'string', limit: 256 })],
    ]);
    expect(findings({ ...utc, busy: [{ start, end, resource: 7 }] })).toEqual([
      ['INVALID_INPUT', ['busy', 0, 'resource'], expect.objectContaining({ problem: 'type', expected: 'string' })],
    ]);
    expect(findings({ ...utc, resources: ['ana'], busy: [{ start, end, resource: 'ben' }] })).toEqual([
      ['INVALID_INPUT', ['busy', 0, 'resource'], expect.objectContaining({ problem: 'unknownResource' })],
    ]);
  });

  it('start and end must be instant strings', () => {
    expect(findings({ ...utc, busy: [{ start: 7, end }, { start, end: null }, { end }] })).toEqual([
      ['INVALID_INPUT', ['busy', 0, 'start'], expect.objectContaining({ problem: 'type', expected: 'string' })],
      ['INVALID_INPUT', ['busy', 1, 'end'], expect.objectContaining({ problem: 'type', expected: 'string' })],
      ['INVALID_INPUT', ['busy', 2, 'start'], expect.objectContaining({ problem: 'required' })],
    ]);
  });

  it('stops after 100 findings', () => {
    const bad = Array.from({ length: 300 }, () => ({ start: end, end: start }));
    const out = findings({ ...utc, busy: bad });
    expect(out === 'ok' ? out : out.length).toBe(101);
    const malformed = Array.from({ length: 300 }, () => ({ start: 'soon', end }));
    const out2 = findings({ ...utc, busy: malformed });
    expect(out2 === 'ok' ? out2 : out2.length).toBe(101);
  });
});

describe('the whole', () => {
  it('refuses what is not an object', () => {
    for (const input of [null, 42, 'x', [], undefined]) {
      expect(findings(input)).toEqual([['INVALID_INPUT', [], expect.anything()]]);
    }
  });

  it('a valid availability read the slow way (a repeated resource sends it there) has no other finding', () => {
    expect(
      findings({
        timeZone: 'Europe/London',
        weekly: [
          { weekday: 1, open: '09:00', close: '13:00' },
          { weekday: 1, open: '14:00', close: '18:00' },
        ],
        overrides: [{ date: '2026-12-24', hours: [{ open: '09:00', close: '12:00' }] }],
        resources: ['ana', 'ana'],
        busy: [{ start: '2026-04-02T10:00:00Z', end: '2026-04-02T11:00:00Z', resource: 'ana' }],
        bufferBeforeMinutes: 5,
        minimumNoticeMinutes: 60,
      }),
    ).toEqual([['INVALID_INPUT', ['resources', 1], expect.objectContaining({ problem: 'duplicateResource' })]]);
  });

  it('schemas.availability accepts a full availability and refuses an unknown field', () => {
    const full = {
      timeZone: 'Europe/London',
      weekly: [{ weekday: 2, open: '09:00', close: '24:00' }],
      overrides: [{ date: '2026-12-27', hours: [{ open: '10:00', close: '14:00' }] }],
      busy: [{ start: '2026-04-02T10:00:00+01:00', end: '2026-04-02T13:00:00+01:00', resource: 'ana' }],
      resources: ['ana'],
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 15,
      minimumNoticeMinutes: 1_440,
      horizonDays: 120,
      slotStepMinutes: 15,
    };
    const parsed = lib.schemas.availability.safeParse(full);
    expect(parsed.success && parsed.data).toEqual(full);
    expect(lib.schemas.availability.safeParse({ ...full, colour: 'red' }).success).toBe(false);
    expect(lib.schemas.availability.safeParse({ ...full, weekly: [{ weekday: 2, open: '9:00', close: '24:00' }] }).success).toBe(false);
  });

  it('the JSON Schema describes the times, their patterns and the list bounds', () => {
    const json = z.toJSONSchema(lib.schemas.availability, { target: 'draft-2020-12', io: 'input' }) as {
      properties: Record<string, { maxItems?: number; maximum?: number; items?: { properties: Record<string, unknown> } }>;
    };
    const open = {
      type: 'string',
      description: "An opening time in the clinic's zone, HH:mm from 00:00 to 23:59.",
      pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
    };
    const close = {
      type: 'string',
      description: "A closing time in the clinic's zone, HH:mm from 00:00 to 23:59, or 24:00 for the end of the day.",
      pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$',
    };
    const weekly = json.properties.weekly;
    expect(weekly?.maxItems).toBe(672);
    expect(weekly?.items?.properties).toEqual({ weekday: { type: 'number', enum: [1, 2, 3, 4, 5, 6, 7] }, open, close });
    expect(json.properties.minimumNoticeMinutes?.maximum).toBe(527_040);
    expect(json.properties.overrides?.maxItems).toBe(36_600);
    const hours = (json.properties.overrides?.items?.properties.hours ?? {}) as { maxItems?: number; items?: { properties: unknown } };
    expect(hours.maxItems).toBe(96);
    expect(hours.items?.properties).toEqual({ open, close });
    expect(Object.keys(json.properties.busy?.items?.properties ?? {})).toEqual(['start', 'end', 'resource']);
  });
});
