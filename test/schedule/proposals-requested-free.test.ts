import { describe, expect, it } from 'vitest';
import { defineProtocol, proposeReschedule, standardProtocol, type Availability, type Plan } from 'smp-protocol';
import { applyAll, mustFail, mustOk, newPlan } from '../support/plans.js';

/** The standard course with every gap at zero days: sessions may share a day. */
const sameDay = mustOk(
  defineProtocol({
    ...standardProtocol,
    id: 'same-day',
    sessions: standardProtocol.sessions.map((s) => ({
      ...s,
      gaps: s.gaps.map((g) => ({ ...g, absoluteMinimumDays: 0, minimumDays: 0, earliestRecommendedDays: 0 })),
    })),
  }),
);
const AS_OF = '2026-03-02T09:00:00Z';

/** Session 1 booked Thu 5 Mar 09:00–13:00, session 2 Thu 12 Mar 09:00–12:00, session 3 Thu 12 Mar 15:00–18:00 (GMT). */
function course(): Plan {
  return applyAll(
    newPlan({ protocol: sameDay }),
    [
      { id: 'b1', type: 'sessionBooked', at: AS_OF, session: 1, start: '2026-03-05T09:00:00Z' },
      { id: 'b2', type: 'sessionBooked', at: AS_OF, session: 2, start: '2026-03-12T09:00:00Z' },
      { id: 'b3', type: 'sessionBooked', at: AS_OF, session: 3, start: '2026-03-12T15:00:00Z' },
    ],
    sameDay,
  );
}
/** Open on Thursdays 08:00–20:00. */
const clinic = (extra: Partial<Availability> = {}): Availability => ({
  timeZone: 'Europe/London',
  weekly: [{ weekday: 4, open: '08:00', close: '20:00' }],
  ...extra,
});
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
