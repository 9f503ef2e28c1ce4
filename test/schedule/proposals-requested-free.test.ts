import { describe, expect, it } from 'vitest';
import { proposeReschedule, type Availability } from 'smp-protocol';
import { applyAll, mustFail, mustOk } from '../support/plans.js';
import { AS_OF, clinic, course, sameDay } from '../support/same-day.js';
const move = (start: string, availability: Availability) =>
  proposeReschedule(course(), { protocol: sameDay, availability, asOf: AS_OF, session: 2, start });
const problem = (start: string, availability: Availability): unknown[] =>
  mustFail(move(start, availability)).map((f) => [f.code, f.params?.reason, f.params?.problem]);
const BUSY = ['NO_SLOT_AVAILABLE', 'requested', 'busy'];

describe('proposeReschedule: the requested start clear of the plan’s other sessions, buffers included', () => {
  it('may start exactly when the session before it ends, without a buffer', () => {
    const { sessions } = mustOk(move('2026-03-05T13:00:00Z', clinic()));
    expect(sessions).toEqual([
      {
        session: 2,
        start: '2026-03-05T13:00:00Z',
        end: '2026-03-05T16:00:00+00:00',
        localDate: '2026-03-05',
        daysFromAnchor: 0,
        fit: 'onTime',
      },
    ]);
  });

  it('is busy when its buffer before reaches into the session before it (a booked one)', () => {
    expect(problem('2026-03-05T13:00:00Z', clinic({ bufferBeforeMinutes: 30 }))).toEqual([BUSY]);
    expect(mustOk(move('2026-03-05T13:30:00Z', clinic({ bufferBeforeMinutes: 30 }))).sessions[0]?.start).toBe('2026-03-05T13:30:00Z');
  });

  it('may end exactly when the session after it starts, and is busy when its buffer after reaches it', () => {
    expect(mustOk(move('2026-03-12T12:00:00Z', clinic())).sessions[0]?.end).toBe('2026-03-12T15:00:00+00:00');
    expect(problem('2026-03-12T12:00:00Z', clinic({ bufferAfterMinutes: 15 }))).toEqual([BUSY]);
  });

  it('is busy when its buffer reaches into a completed session’s real times', () => {
    const done = applyAll(course(), [{ id: 'c1', type: 'sessionCompleted', at: '2026-03-05T13:00:00Z', session: 1 }], sameDay);
    const out = proposeReschedule(done, {
      protocol: sameDay,
      availability: clinic({ bufferBeforeMinutes: 1 }),
      asOf: '2026-03-05T13:00:00Z',
      session: 2,
      start: '2026-03-05T13:00:00Z',
    });
    expect(mustFail(out).map((f) => [f.code, f.params?.problem])).toEqual([['NO_SLOT_AVAILABLE', 'busy']]);
  });
});

describe('proposeReschedule: the requested start clear of busy intervals, buffers included', () => {
  it('is busy when the buffer before reaches a busy interval, free when it only touches it', () => {
    const busy = [{ start: '2026-03-05T12:00:00Z', end: '2026-03-05T13:45:00Z' }];
    expect(problem('2026-03-05T14:00:00Z', clinic({ bufferBeforeMinutes: 30, busy }))).toEqual([BUSY]);
    expect(mustOk(move('2026-03-05T14:15:00Z', clinic({ bufferBeforeMinutes: 30, busy }))).sessions[0]?.start).toBe('2026-03-05T14:15:00Z');
  });

  it('is busy when the buffer after reaches a busy interval, free when it only touches it', () => {
    const busy = [{ start: '2026-03-05T17:15:00Z', end: '2026-03-05T18:00:00Z' }];
    expect(problem('2026-03-05T14:00:00Z', clinic({ bufferAfterMinutes: 30, busy }))).toEqual([BUSY]);
    expect(mustOk(move('2026-03-05T13:45:00Z', clinic({ bufferAfterMinutes: 30, busy }))).sessions[0]?.end).toBe(
      '2026-03-05T16:45:00+00:00',
    );
  });

  it('names the first free resource in the availability’s order', () => {
    const resources = ['ana', 'ben', 'cat'];
    const at = (busy: Availability['busy']) => mustOk(move('2026-03-05T14:00:00Z', clinic({ resources, busy }))).sessions[0]?.resource;
    expect(at([])).toBe('ana');
    expect(at([{ start: '2026-03-05T14:00:00Z', end: '2026-03-05T15:00:00Z', resource: 'ana' }])).toBe('ben');
    expect(
      at([
        { start: '2026-03-05T14:00:00Z', end: '2026-03-05T15:00:00Z', resource: 'ana' },
        { start: '2026-03-05T16:00:00Z', end: '2026-03-05T17:00:00Z', resource: 'ben' },
      ]),
    ).toBe('cat');
    const everyone = [{ start: '2026-03-05T14:00:00Z', end: '2026-03-05T15:00:00Z' }];
    expect(problem('2026-03-05T14:00:00Z', clinic({ resources, busy: everyone }))).toEqual([BUSY]);
  });
});
