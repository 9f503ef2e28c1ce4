/**
 * The key-wise availability reader (the raw-calendar fast path of parseAvailability, findSlots,
 * proposeSchedule and proposeReschedule) against its oracle, the slow path (snapshot, zod, the
 * checks across fields): on valid availabilities and thousands of mutations of them, the reader
 * accepts exactly what the slow path accepts, with the same checked form (head, busy instants,
 * resources), and parseAvailability gives the slow path's outcome, findings included. Fixed seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSlots, parseAvailability, standardProtocol, type Availability, type Outcome } from 'smp-protocol';
import { parseAvailabilitySlow, readAvailabilityFast, trustedAvailability } from '../../src/schedule/availability.js';
import { mutatedOf } from '../support/mutations.js';
import { applyAll, mustOk, newPlan } from '../support/plans.js';

const busy = [
  { start: '2026-04-02T09:00:00Z', end: '2026-04-02T11:00:00Z', resource: 'ana' },
  { start: '2026-04-02T08:00:00+01:00', end: '2026-04-02T09:30:00+01:00', resource: 'ben' },
  { start: '2026-04-03T07:00:00Z', end: '2026-04-03T20:00:00Z' },
  { start: '2026-04-01T10:00:00.250Z', end: '2026-04-01T10:00:00.250Z', resource: 'cleo' },
];

const bases: unknown[] = [
  { timeZone: 'Europe/London', weekly: [{ weekday: 4, open: '09:00', close: '13:00' }] },
  {
    timeZone: 'Europe/London',
    weekly: [
      { weekday: 1, open: '09:00', close: '13:00' },
      { weekday: 1, open: '14:00', close: '19:00' },
      { weekday: 4, open: '10:00', close: '24:00' },
    ],
    overrides: [
      { date: '2026-04-03', hours: [] },
      { date: '2026-04-06', hours: [{ open: '10:00', close: '12:00' }] },
    ],
    busy,
    resources: ['ana', 'ben', 'cleo'],
    bufferBeforeMinutes: 5,
    bufferAfterMinutes: 15,
    minimumNoticeMinutes: 1_440,
    horizonDays: 120,
    slotStepMinutes: 15,
  },
  {
    timeZone: 'Asia/Kolkata',
    weekly: [{ weekday: 2, open: '00:00', close: '24:00' }],
    busy: busy.map(({ start, end }) => ({ start, end })),
  },
];

/** The checked form, comparable: the head without its busy list (the raw array or a placeholder), the rest as is. */
function checkedForm(a: NonNullable<ReturnType<typeof readAvailabilityFast>>): unknown {
  const { busy: _, ...head } = a.head;
  return { head, busy: a.busy, busyText: a.busyText };
}

function comparable(out: Outcome<unknown>): unknown {
  return out.ok ? { ok: true, json: JSON.stringify(out.value), findings: out.findings } : { ok: false, findings: out.findings };
}

describe('the key-wise availability reader agrees with the slow path', () => {
  it('accepts the valid availabilities with the same checked form; parseAvailability gives the same frozen copy', () => {
    for (const base of bases) {
      const fast = readAvailabilityFast(base);
      const slow = mustOk(parseAvailabilitySlow(base));
      const slowChecked = trustedAvailability(slow);
      expect(fast).toBeDefined();
      expect(slowChecked).toBeDefined();
      if (fast === undefined || slowChecked === undefined) return;
      expect(checkedForm(fast)).toEqual(checkedForm(slowChecked));
      expect(comparable(parseAvailability(base))).toEqual(comparable(parseAvailabilitySlow(base)));
      expect(Object.isFrozen(mustOk(parseAvailability(base)))).toBe(true);
    }
  });

  it('on 3,000 mutated availabilities: accepts exactly what the slow path accepts; parseAvailability gives its findings', () => {
    let accepted = 0;
    fc.assert(
      fc.property(mutatedOf(bases), (input) => {
        const fast = readAvailabilityFast(input);
        const slow = parseAvailabilitySlow(input);
        expect(fast !== undefined, JSON.stringify(slow.findings)).toBe(slow.ok);
        if (fast !== undefined && slow.ok) {
          accepted++;
          const slowChecked = trustedAvailability(slow.value);
          expect(slowChecked).toBeDefined();
          if (slowChecked !== undefined) expect(checkedForm(fast)).toEqual(checkedForm(slowChecked));
        }
        expect(comparable(parseAvailability(input))).toEqual(comparable(slow));
      }),
      { numRuns: 3_000, seed: 20_261_203 },
    );
    expect(accepted).toBeGreaterThan(200);
    // No timing: a generous bound for a loaded machine (a few seconds on an idle one).
  }, 120_000);

  it('findSlots on the raw availability (fast path) finds what it finds on the checked one', () => {
    const plan = applyAll(newPlan({ createdAt: '2026-03-01T09:00:00Z' }), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1 },
    ]);
    for (const base of bases) {
      const options = { protocol: standardProtocol, asOf: '2026-03-23T15:00:00Z', limit: 5 };
      const raw = findSlots(plan, { ...options, availability: base as Availability });
      const checked = findSlots(plan, { ...options, availability: mustOk(parseAvailability(base)) });
      expect(raw).toEqual(checked);
      expect(raw.ok && raw.value.length).toBe(5);
    }
  });

  it('a throwing getter in the raw availability is still `unreadable` at its path; the caller’s value is not changed', () => {
    const entry = Object.defineProperty({ end: '2026-04-02T11:00:00Z' }, 'start', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const availability = { timeZone: 'Europe/London', weekly: [{ weekday: 4, open: '09:00', close: '13:00' }], busy: [busy[0], entry] };
    const before = JSON.stringify(bases[1]);
    const plan = newPlan();
    const out = findSlots(plan, {
      protocol: standardProtocol,
      asOf: '2026-03-23T15:00:00Z',
      availability: availability as unknown as Availability,
    });
    expect(out.ok ? [] : out.findings.map((f) => [f.code, f.path, f.params?.problem])).toEqual([
      ['INVALID_INPUT', ['options', 'availability', 'busy', 1, 'start'], 'unreadable'],
    ]);
    expect(mustOk(parseAvailability(bases[1])).busy?.length).toBe(4);
    expect(JSON.stringify(bases[1])).toBe(before);
  });
});
