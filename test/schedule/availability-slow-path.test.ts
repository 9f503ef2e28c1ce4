/**
 * parseAvailability the slow way (what the key-wise reader leaves to the snapshot and zod): a valid
 * availability that is not a plain object still gives the frozen, trusted copy; an unreadable
 * input is refused at its path; an overlap in an override names both ranges.
 */
import { describe, expect, it } from 'vitest';
import { parseAvailability } from 'smp-protocol';
import { parseAvailabilitySlow } from '../../src/schedule/availability.js';

describe('parseAvailability, the slow way', () => {
  it('a class instance with valid fields gives the same frozen copy as the plain object, and it is trusted', () => {
    class Settings {
      timeZone = 'Europe/London';
      weekly = [{ weekday: 1, open: '09:00', close: '10:00' }];
      busy = [{ start: '2026-04-06T08:00:00Z', end: '2026-04-06T08:30:00Z' }];
    }
    const out = parseAvailability(new Settings());
    expect(out.ok && out.value).toEqual({
      timeZone: 'Europe/London',
      weekly: [{ weekday: 1, open: '09:00', close: '10:00' }],
      busy: [{ start: '2026-04-06T08:00:00Z', end: '2026-04-06T08:30:00Z' }],
    });
    if (!out.ok) return;
    expect(Object.getPrototypeOf(out.value)).toBe(Object.prototype);
    expect(Object.isFrozen(out.value) && Object.isFrozen(out.value.weekly[0]) && Object.isFrozen(out.value.busy?.[0])).toBe(true);
    const again = parseAvailability(out.value);
    expect(again.ok && again.value).toBe(out.value);
  });

  it('fields read through the prototype (a class getter, an inherited field) are read too', () => {
    class Clinic {
      timeZone = 'UTC';
      weekly = [{ weekday: 1, open: '09:00', close: '10:00' }];
      get horizonDays(): number {
        return 5;
      }
    }
    const out = parseAvailability(new Clinic());
    expect(out.ok && out.value).toEqual({ timeZone: 'UTC', weekly: [{ weekday: 1, open: '09:00', close: '10:00' }], horizonDays: 5 });
    const inherited = Object.assign(Object.create({ slotStepMinutes: 20 }) as object, { timeZone: 'UTC', weekly: [] });
    const out2 = parseAvailability(inherited);
    expect(out2.ok && out2.value).toEqual({ timeZone: 'UTC', weekly: [], slotStepMinutes: 20 });
  });

  it('an input that cannot be read is refused at the root; a field that cannot be read at its path', () => {
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no keys');
        },
      },
    );
    const root = [
      [
        'INVALID_INPUT',
        [],
        'The input: could not be read: reading it threw.',
        { problem: 'unreadable', path: '', detail: 'could not be read: reading it threw.' },
      ],
    ];
    const rows = (out: ReturnType<typeof parseAvailability>) =>
      out.ok ? 'ok' : out.findings.map((f) => [f.code, f.path, f.message, f.params]);
    expect(rows(parseAvailability(proxy))).toEqual(root);
    expect(rows(parseAvailabilitySlow(proxy))).toEqual(root);
    const getter = {
      timeZone: 'UTC',
      get weekly(): unknown {
        throw new Error('boom');
      },
    };
    const field = [
      [
        'INVALID_INPUT',
        ['weekly'],
        'weekly: could not be read: reading it threw.',
        { problem: 'unreadable', path: 'weekly', detail: 'could not be read: reading it threw.' },
      ],
    ];
    expect(rows(parseAvailability(getter))).toEqual(field);
    expect(rows(parseAvailabilitySlow(getter))).toEqual(field);
  });

  it('an overlap in an override names the range and the one it overlaps', () => {
    const out = parseAvailability({
      timeZone: 'UTC',
      weekly: [],
      overrides: [
        {
          date: '2026-05-01',
          hours: [
            { open: '09:00', close: '12:00' },
            { open: '08:00', close: '10:00' },
          ],
        },
      ],
    });
    expect(out.ok ? 'ok' : out.findings.map((f) => [f.path, f.params])).toEqual([
      [
        ['overrides', 0, 'hours', 0],
        {
          problem: 'rangeOverlap',
          value: '09:00–12:00',
          other: '08:00–10:00',
          path: 'overrides[0].hours[0]',
          detail: 'overlaps 08:00–10:00 on the same day (09:00–12:00); ranges of one day may not overlap.',
        },
      ],
    ]);
  });
});
