import { describe, expect, it } from 'vitest';

// The runtime matrix reruns the unit tests with SMP_TEST_TZ set to several host zones; this proves
// the suite really runs in the zone asked for (vitest.config.ts pins TZ unless told otherwise).
const asked = process.env.SMP_TEST_TZ ?? 'Pacific/Kiritimati';

/** The UTC offset of `zone` at `instant` in minutes east of UTC, from Intl alone (not the host's zone). */
function offsetMinutes(zone: string, instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return (local - instant.getTime()) / 60_000;
}

describe('the host zone of the test run', () => {
  it('is the zone SMP_TEST_TZ asks for (or Pacific/Kiritimati)', () => {
    // `0 - x`, not `-x`: UTC's offset is 0, and -0 is not 0 to toBe.
    const host = (d: Date): number => 0 - d.getTimezoneOffset();
    // Compared through Intl's own canonical name: Node 20's ICU calls Asia/Kolkata Asia/Calcutta.
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: asked }).resolvedOptions().timeZone;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(canonical);
    expect(host(new Date(0))).toBe(offsetMinutes(asked, new Date(0)));
    expect(host(new Date('2026-07-01T00:00:00Z'))).toBe(offsetMinutes(asked, new Date('2026-07-01T00:00:00Z')));
  });

  it('computes offsets independently of the host: Chatham is +12:45 on 1 January 1970, Kolkata +05:30', () => {
    expect(offsetMinutes('Pacific/Chatham', new Date(0))).toBe(12 * 60 + 45);
    expect(offsetMinutes('Asia/Kolkata', new Date(0))).toBe(5 * 60 + 30);
    expect(offsetMinutes('America/New_York', new Date('2026-07-01T00:00:00Z'))).toBe(-4 * 60);
  });
});
