/**
 * The end of the supported range in scheduling (fuzz class `parseAvailability` invalid-output, and
 * proposeSchedule near 9999-12-31 in Pacific/Chatham): no output names a date the library's own
 * parsers refuse; the call is refused with `DATE_OUT_OF_RANGE` instead. And the zod length checks
 * on an object whose `length` is an object (the fuzzer's INTERNAL_ERROR in parseAvailability).
 */
import { describe, expect, it } from 'vitest';
import { createPlan, findSlots, parseAvailability, parsePlan, proposeSchedule, standardProtocol, toInstant } from 'smp-protocol';
import { mustFail, mustOk, newPlan } from '../support/plans.js';

const protocol = standardProtocol;
const allWeek = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, open: '00:00', close: '24:00' }));

describe('override dates (fuzz: parseAvailability kept 9999-12-31, which its own checks refuse)', () => {
  it.each([
    ['Asia/Gaza', '9999-12-31'],
    ['Europe/London', '9999-12-31'],
    ['Pacific/Kiritimati', '1900-01-01'],
  ])('%s, override on %s: DATE_OUT_OF_RANGE at overrides[0].date', (timeZone, date) => {
    const findings = mustFail(
      parseAvailability({ timeZone, weekly: [], overrides: [{ date, hours: [{ open: '09:00', close: '17:00' }] }] }),
    );
    expect(findings.map((f) => [f.code, f.path, f.params])).toEqual([
      ['DATE_OUT_OF_RANGE', ['overrides', 0, 'date'], { path: 'overrides[0].date', value: date, min: '1900-01-02', max: '9999-12-30' }],
    ]);
  });

  it('the first and last dates an override may name are kept, and are dates the library accepts at noon UTC', () => {
    for (const date of ['1900-01-02', '9999-12-30']) {
      const out = mustOk(parseAvailability({ timeZone: 'Asia/Gaza', weekly: [], overrides: [{ date, hours: [] }] }));
      expect(out.overrides?.[0]?.date).toBe(date);
      expect(toInstant(`${date}T12:00`, 'UTC').ok).toBe(true);
    }
  });

  it('a raw availability with such an override is refused the same way by findSlots (path under options.availability)', () => {
    const out = findSlots(newPlan(), {
      protocol,
      asOf: '2026-01-05T09:00:00Z',
      availability: { timeZone: 'Asia/Gaza', weekly: allWeek, overrides: [{ date: '9999-12-31', hours: [] }] },
    });
    expect(out.ok ? [] : out.findings.map((f) => [f.code, f.path])).toEqual([
      ['DATE_OUT_OF_RANGE', ['options', 'availability', 'overrides', 0, 'date']],
    ]);
  });
});

describe('proposeSchedule near 9999-12-31 in Pacific/Chatham', () => {
  it('a plan created 9999-12-30T20:00Z (9999-12-31 09:45 in Chatham): DATE_OUT_OF_RANGE at options.asOf, no 9999-12-31 in any finding', () => {
    const createdAt = '9999-12-30T20:00:00Z';
    const plan = mustOk(createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'Pacific/Chatham', createdAt }));
    const out = proposeSchedule(plan, { protocol, asOf: createdAt, availability: { timeZone: 'Pacific/Chatham', weekly: allWeek } });
    expect(out.ok ? [] : out.findings.map((f) => [f.code, f.path, f.session, f.params])).toEqual([
      ['DATE_OUT_OF_RANGE', ['options', 'asOf'], 1, { path: 'options.asOf', value: '9999-12-31', min: '1900-01-01', max: '9999-12-28' }],
    ]);
  });

  it('a plan created 9999-12-29T00:00Z: DATE_OUT_OF_RANGE too (the search would start past the last day it visits)', () => {
    const createdAt = '9999-12-29T00:00:00Z';
    const plan = mustOk(createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'Pacific/Chatham', createdAt }));
    const out = proposeSchedule(plan, { protocol, asOf: createdAt, availability: { timeZone: 'Pacific/Chatham', weekly: allWeek } });
    expect(out.ok ? [] : out.findings.map((f) => [f.code, f.params?.value])).toEqual([['DATE_OUT_OF_RANGE', '9999-12-29']]);
  });

  it('far enough from the end, the same call proposes the three sessions', () => {
    const createdAt = '9999-10-01T00:00:00Z';
    const plan = mustOk(createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'Pacific/Chatham', createdAt }));
    const out = mustOk(
      proposeSchedule(plan, { protocol, asOf: createdAt, availability: { timeZone: 'Pacific/Chatham', weekly: allWeek } }),
    );
    expect(out.sessions.map((s) => s.localDate)).toEqual(['9999-10-01', '9999-10-11', '9999-10-25']);
  });
});

describe('an object whose length is an object (fuzz: INTERNAL_ERROR from zod’s length check)', () => {
  const busy = {
    valueOf: false,
    '9999-12-31T00:00:00Z': null,
    length: { metadata: false, toString: null, id: [7, 'Asia/Gaza', true, '2026-03-23T25:00'] },
    asOf: false,
  };

  it('parseAvailability: INVALID_INPUT at busy (an array was expected), not INTERNAL_ERROR', () => {
    const findings = mustFail(parseAvailability({ timeZone: 'Pacific/Apia', weekly: [], busy }));
    expect(findings.map((f) => [f.code, f.path, f.params?.problem, f.params?.received])).toEqual([
      ['INVALID_INPUT', ['busy'], 'type', 'object'],
    ]);
  });

  it('parsePlan: the same for sessions, history and the id', () => {
    const stored = JSON.parse(JSON.stringify(newPlan())) as Record<string, unknown>;
    for (const key of ['sessions', 'history', 'id']) {
      const findings = mustFail(parsePlan({ ...stored, [key]: { length: { toString: null } } }));
      expect(findings.map((f) => [f.code, f.path])).toEqual([['INVALID_INPUT', [key]]]);
    }
  });
});
