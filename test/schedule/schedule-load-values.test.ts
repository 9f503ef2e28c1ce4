/**
 * Values the scheduling modules build once, when they load: the wall-time pattern, the bounds of
 * the availability's minutes fields as the key-wise reader checks them, and the order of a day's
 * opening ranges. Each test imports the modules fresh (`vi.resetModules`), so that it is the test
 * in which those values are built (Stryker credits module-level code to the test that loads it).
 */
import { describe, expect, it, vi } from 'vitest';

async function fresh() {
  vi.resetModules();
  const availability = await import('../../src/schedule/availability.js');
  const calendar = await import('../../src/schedule/calendar.js');
  return { ...availability, ...calendar };
}

describe('values built when the scheduling modules load', () => {
  it('the key-wise reader reads each minutes field at both its bounds, and declines one past them', async () => {
    const { readAvailabilityFast } = await fresh();
    const bounds: [string, number, number][] = [
      ['bufferBeforeMinutes', 0, 1_440],
      ['bufferAfterMinutes', 0, 1_440],
      ['minimumNoticeMinutes', 0, 527_040],
      ['horizonDays', 0, 3_660],
      ['slotStepMinutes', 1, 1_440],
    ];
    for (const [field, min, max] of bounds) {
      for (const value of [min, max]) {
        const read = readAvailabilityFast({ timeZone: 'UTC', weekly: [], [field]: value });
        expect(read?.head, `${field} ${value}`).toStrictEqual({ timeZone: 'UTC', weekly: [], [field]: value });
      }
      for (const value of [min - 1, max + 1]) expect(readAvailabilityFast({ timeZone: 'UTC', weekly: [], [field]: value })).toBeUndefined();
    }
  }, 30_000);

  it('a wall time is the whole text: a digit before or after HH:mm is refused', async () => {
    const { parseAvailability } = await fresh();
    const paths = (open: string, close: string) => {
      const out = parseAvailability({ timeZone: 'UTC', weekly: [{ weekday: 1, open, close }] });
      return out.ok ? 'ok' : out.findings.map((f) => [f.code, f.path, f.params?.detail]);
    };
    const openTime = (v: string) => `"${v}" is not an opening time in the form HH:mm (00:00 to 23:59).`;
    const closeTime = (v: string) => `"${v}" is not a closing time in the form HH:mm (00:00 to 23:59, or 24:00 for the end of the day).`;
    expect(paths('109:00', '12:00')).toEqual([['INVALID_INPUT', ['weekly', 0, 'open'], openTime('109:00')]]);
    expect(paths('09:00', '12:000')).toEqual([['INVALID_INPUT', ['weekly', 0, 'close'], closeTime('12:000')]]);
    expect(paths('09:00', '124:00')).toEqual([['INVALID_INPUT', ['weekly', 0, 'close'], closeTime('124:00')]]);
    expect(paths('09:00', '12:00')).toBe('ok');
  }, 30_000);

  it('compileCalendar sorts the ranges of each weekday and each override by opening time', async () => {
    const { parseAvailability, trustedAvailability, compileCalendar } = await fresh();
    const out = parseAvailability({
      timeZone: 'UTC',
      weekly: [
        { weekday: 2, open: '14:00', close: '18:00' },
        { weekday: 2, open: '09:00', close: '12:00' },
        { weekday: 2, open: '12:30', close: '13:00' },
      ],
      overrides: [
        {
          date: '2026-04-06',
          hours: [
            { open: '15:00', close: '16:00' },
            { open: '08:00', close: '09:00' },
          ],
        },
      ],
    });
    const checked = out.ok ? trustedAvailability(out.value) : undefined;
    expect(checked).toBeDefined();
    if (checked === undefined) return;
    const cal = compileCalendar(checked);
    expect(cal.weekly[2]).toEqual([
      { open: 540, close: 720 },
      { open: 750, close: 780 },
      { open: 840, close: 1_080 },
    ]);
    expect([...cal.overrides.values()]).toEqual([
      [
        { open: 480, close: 540 },
        { open: 900, close: 960 },
      ],
    ]);
  }, 30_000);
});
