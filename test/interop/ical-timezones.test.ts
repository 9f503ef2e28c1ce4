// Local times with TZID and the VTIMEZONE they need (Outlook shows events an hour off without
// one): ical.js resolves every local time through our VTIMEZONE alone, and must land on the
// booked instant, in zones with DST north and south, half-hour and 45-minute offsets, no DST,
// abolished DST, and Morocco's Ramadan changes.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { toICalendar } from 'smp-protocol/ical';
import { fresh, play, protocol } from './demo-plan.js';
import { mustOk } from '../support/plans.js';

type Component = InstanceType<typeof ICAL.Component>;

const ZONES = [
  'Europe/London',
  'America/New_York',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'America/Sao_Paulo',
  'Africa/Casablanca',
  'UTC',
];

/** A plan in `zone` with session 1 booked at `startMs` (ms, whole minutes). */
function bookedAt(zone: string, startMs: number): string {
  const start = new Date(startMs).toISOString().replace('.000Z', 'Z');
  const plan = play(fresh('plan-tz', zone), [{ type: 'sessionBooked', at: '2026-01-01T00:00:00Z', session: 1, start }]);
  return mustOk(toICalendar(plan, { protocol, timeZone: zone }));
}

function session(cal: Component): Component {
  const e = cal.getFirstSubcomponent('vevent');
  if (e === null) expect.fail('no VEVENT');
  return e;
}

const startOf = (e: Component): number => (e.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>).toUnixTime() * 1000;

describe('toICalendar with timeZone: TZID and VTIMEZONE', () => {
  it('writes local times with TZID and a VTIMEZONE whose TZID matches (Europe/London: yearly rules)', () => {
    const ics = bookedAt('Europe/London', Date.parse('2026-07-01T09:00:00Z'));
    expect(ics).toContain('\r\nDTSTART;TZID=Europe/London:20260701T100000\r\n');
    expect(ics).toContain('\r\nDTEND;TZID=Europe/London:20260701T140000\r\n');
    const cal = ICAL.Component.fromString(ics);
    const [tz] = cal.getAllSubcomponents('vtimezone');
    expect(tz?.getFirstPropertyValue('tzid')).toBe('Europe/London');
    const rules = [...(tz?.getAllSubcomponents() ?? [])].map((c) => [c.name, String(c.getFirstPropertyValue('rrule'))]);
    expect(rules).toEqual([
      ['daylight', 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU'],
      ['standard', 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU'],
    ]);
  });

  it('writes a zone without DST as one fixed observance', () => {
    const cal = ICAL.Component.fromString(bookedAt('Asia/Tokyo', Date.parse('2026-07-01T01:00:00Z')));
    const tz = cal.getFirstSubcomponent('vtimezone');
    const observances = tz?.getAllSubcomponents() ?? [];
    expect(observances.map((c) => [c.name, c.getFirstProperty('tzoffsetto')?.toICALString()])).toEqual([['standard', 'TZOFFSETTO:+0900']]);
  });

  it('writes both occurrences of a repeated hour in UTC: parsers disagree on which one a TZID time means', () => {
    // 01:30 happens twice in London on 25 Oct 2026: 00:30Z (BST) and 01:30Z (GMT). RFC 5545 says
    // the first; ical.js reads the second. UTC leaves no doubt.
    const first = bookedAt('Europe/London', Date.parse('2026-10-25T00:30:00Z'));
    const second = bookedAt('Europe/London', Date.parse('2026-10-25T01:30:00Z'));
    expect(first).toContain('\r\nDTSTART:20261025T003000Z\r\n');
    expect(second).toContain('\r\nDTSTART:20261025T013000Z\r\n');
    expect(startOf(session(ICAL.Component.fromString(first)))).toBe(Date.parse('2026-10-25T00:30:00Z'));
    expect(startOf(session(ICAL.Component.fromString(second)))).toBe(Date.parse('2026-10-25T01:30:00Z'));
    // The hour before and after are plain local times.
    expect(bookedAt('Europe/London', Date.parse('2026-10-24T23:30:00Z'))).toContain('DTSTART;TZID=Europe/London:20261025T003000');
    expect(bookedAt('Europe/London', Date.parse('2026-10-25T02:30:00Z'))).toContain('DTSTART;TZID=Europe/London:20261025T023000');
  });

  for (const zone of ZONES) {
    it(`round-trips every instant through ical.js and our VTIMEZONE in ${zone}`, () => {
      const from = Date.parse('2026-01-02T00:00:00Z') / 60_000;
      const to = Date.parse('2027-12-31T00:00:00Z') / 60_000;
      // Around the transitions too: Europe and the US change in March/April and October/November.
      const near = fc
        .constantFrom(
          '2026-03-08T06:30:00Z',
          '2026-03-29T00:30:00Z',
          '2026-03-29T01:30:00Z',
          '2026-04-05T15:30:00Z',
          '2026-10-04T15:30:00Z',
          '2026-10-25T00:30:00Z',
          '2026-10-25T01:30:00Z',
          '2026-11-01T05:30:00Z',
          '2026-11-01T06:30:00Z',
          '2027-03-14T07:00:00Z',
          '2027-03-28T01:00:00Z',
          '2027-10-31T01:00:00Z',
        )
        .map((s) => Date.parse(s));
      const anywhere = fc.integer({ min: from, max: to }).map((m) => m * 60_000);
      fc.assert(
        fc.property(fc.oneof(anywhere, near), (startMs) => {
          const ics = bookedAt(zone, startMs);
          const cal = ICAL.Component.fromString(ics);
          const e = session(cal);
          expect(startOf(e)).toBe(startMs);
          const tzid = e.getFirstProperty('dtstart')?.getParameter('tzid');
          if (tzid !== undefined) expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(tzid);
        }),
        { numRuns: 60, seed: 20260402 },
      );
    });
  }
});
