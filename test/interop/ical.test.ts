// smp-protocol/ical, read back with an independent parser (ical.js, Mozilla's): every field
// round-trips, UIDs and SEQUENCE follow the plan's history, lines fold at 75 octets, text is escaped.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { aftercare, builtinProtocols, replay, type Plan } from 'smp-protocol';
import { toICalendar } from 'smp-protocol/ical';
import { at, demoPlan, fresh, play, protocol } from './demo-plan.js';
import { mustOk } from '../support/plans.js';

type Component = InstanceType<typeof ICAL.Component>;

function parse(ics: string): Component {
  return ICAL.Component.fromString(ics);
}
function events(cal: Component): Component[] {
  return cal.getAllSubcomponents('vevent');
}
function event(cal: Component, uid: string): Component {
  const found = events(cal).find((e) => e.getFirstPropertyValue('uid') === uid);
  if (found === undefined) expect.fail(`no VEVENT ${uid}`);
  return found;
}
function ms(e: Component, name: string): number {
  const v = e.getFirstPropertyValue(name) as InstanceType<typeof ICAL.Time>;
  return v.toUnixTime() * 1000;
}
function text(e: Component, name: string): string {
  return String(e.getFirstPropertyValue(name));
}
const epoch = (instant: string): number => Date.parse(instant);

describe('toICalendar: the demo course, read back by ical.js', () => {
  const plan = demoPlan();
  const ics = mustOk(
    toICalendar(plan, { protocol, domain: 'clinic.example', name: 'SMP course, Jo Bloggs', location: '1 High St, London; 2nd floor' }),
  );
  const cal = parse(ics);

  it('writes one VEVENT per booked or completed session, with stable UIDs', () => {
    expect(events(cal).map((e) => e.getFirstPropertyValue('uid'))).toEqual([
      'plan-0042-s1@clinic.example',
      'plan-0042-s2@clinic.example',
      'plan-0042-s3@clinic.example',
    ]);
    expect(
      mustOk(
        toICalendar(plan, { protocol, domain: 'clinic.example', name: 'SMP course, Jo Bloggs', location: '1 High St, London; 2nd floor' }),
      ),
    ).toBe(ics);
  });

  it('round-trips every field: times, summary, description, location, status, sequence, stamps', () => {
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//smp-protocol//iCalendar export//EN');
    // NAME (RFC 7986) and X- properties (RFC 5545 §3.8.8.2) are TEXT, so they are escaped too;
    // ical.js does not know their type and hands back the escaped text.
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('SMP course\\, Jo Bloggs');
    expect(cal.getFirstPropertyValue('name')).toBe('SMP course\\, Jo Bloggs');
    for (const s of plan.sessions) {
      const e = event(cal, `plan-0042-s${s.number}@clinic.example`);
      const iv = s.completed ?? s.booking;
      if (iv === undefined) expect.fail('every demo session is booked or completed');
      expect(ms(e, 'dtstart')).toBe(epoch(iv.start));
      expect(ms(e, 'dtend')).toBe(epoch(iv.end));
      expect(e.getFirstProperty('dtstart')?.getParameter('tzid')).toBeUndefined();
      expect(text(e, 'summary')).toBe(`Scalp micropigmentation: session ${s.number} of 3 (${protocol.sessions[s.number - 1]?.title})`);
      const purpose = protocol.sessions[s.number - 1]?.purpose ?? '';
      expect(text(e, 'description')).toBe(s.state === 'completed' ? `Completed.\n${purpose}` : purpose);
      expect(text(e, 'location')).toBe('1 High St, London; 2nd floor');
      expect(text(e, 'status')).toBe('CONFIRMED');
      expect(e.getFirstPropertyValue('sequence')).toBe(0);
    }
    const s1 = event(cal, 'plan-0042-s1@clinic.example');
    // DTSTAMP: the last change of the session in the history (its completion), never the clock.
    expect(ms(s1, 'dtstamp')).toBe(epoch(at('2026-03-23T14:10')));
    expect(ms(s1, 'last-modified')).toBe(epoch(at('2026-03-23T14:10')));
    expect(ms(s1, 'created')).toBe(epoch(at('2026-03-02T09:30')));
  });

  it('writes UTC (Z) times unless a zone is asked for, and then no VTIMEZONE is needed', () => {
    expect(ics).toMatch(/\r\nDTSTART:20260323T100000Z\r\n/);
    expect(ics).toMatch(/\r\nDTSTART:20260402T090000Z\r\n/); // 10:00 BST
    expect(cal.getAllSubcomponents('vtimezone')).toHaveLength(0);
  });

  it('uses CRLF line endings throughout', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('gives the same file for the same plan replayed from its history', () => {
    const replayed = mustOk(replay(fresh(), [...plan.history], { protocol }));
    expect(
      mustOk(
        toICalendar(replayed, {
          protocol,
          domain: 'clinic.example',
          name: 'SMP course, Jo Bloggs',
          location: '1 High St, London; 2nd floor',
        }),
      ),
    ).toBe(ics);
  });
});

describe('toICalendar: SEQUENCE and STATUS follow the history', () => {
  const booked = play(fresh(), [{ type: 'sessionBooked', at: at('2026-03-02T09:30'), session: 1, start: at('2026-03-23T10:00') }]);
  const seq = (p: Plan, n = 1): { sequence: unknown; status: string; start: number } => {
    const e = event(parse(mustOk(toICalendar(p, { protocol }))), `plan-0042-s${n}@smp-protocol`);
    return { sequence: e.getFirstPropertyValue('sequence'), status: text(e, 'status'), start: ms(e, 'dtstart') };
  };

  it('grows by one with each reschedule', () => {
    const once = play(booked, [{ type: 'sessionRescheduled', at: at('2026-03-03T09:00'), session: 1, start: at('2026-03-24T10:00') }]);
    const twice = play(once, [{ type: 'sessionRescheduled', at: at('2026-03-04T09:00'), session: 1, start: at('2026-03-25T11:00') }]);
    expect(seq(booked)).toEqual({ sequence: 0, status: 'CONFIRMED', start: epoch(at('2026-03-23T10:00')) });
    expect(seq(once)).toEqual({ sequence: 1, status: 'CONFIRMED', start: epoch(at('2026-03-24T10:00')) });
    expect(seq(twice)).toEqual({ sequence: 2, status: 'CONFIRMED', start: epoch(at('2026-03-25T11:00')) });
  });

  it('marks a cancelled booking STATUS:CANCELLED, and a new booking of the session takes the UID over', () => {
    const cancelled = play(booked, [{ type: 'sessionCancelled', at: at('2026-03-10T09:00'), session: 1, reason: 'ill' }]);
    expect(seq(cancelled)).toEqual({ sequence: 1, status: 'CANCELLED', start: epoch(at('2026-03-23T10:00')) });
    const rebooked = play(cancelled, [{ type: 'sessionBooked', at: at('2026-03-11T09:00'), session: 1, start: at('2026-03-30T10:00') }]);
    expect(seq(rebooked)).toEqual({ sequence: 2, status: 'CONFIRMED', start: epoch(at('2026-03-30T10:00')) });
    const e = event(parse(mustOk(toICalendar(cancelled, { protocol }))), 'plan-0042-s1@smp-protocol');
    expect(text(e, 'description')).toMatch(/^Cancelled\.\n/);
    expect(text(e, 'description')).not.toContain('ill'); // staff notes stay out unless asked
    const withNotes = event(parse(mustOk(toICalendar(cancelled, { protocol, notes: true }))), 'plan-0042-s1@smp-protocol');
    expect(text(withNotes, 'description')).toContain('Reason: ill');
  });

  it('keeps a missed booking in place (a no-show is a fact, not a cancellation)', () => {
    const missed = play(booked, [{ type: 'sessionMissed', at: at('2026-03-23T11:00'), session: 1 }]);
    const e = event(parse(mustOk(toICalendar(missed, { protocol }))), 'plan-0042-s1@smp-protocol');
    expect(text(e, 'status')).toBe('CONFIRMED');
    expect(e.getFirstPropertyValue('sequence')).toBe(0);
    expect(text(e, 'description')).toMatch(/^Missed \(no-show\)\./);
  });

  it('cancels a booking left standing when the plan is closed', () => {
    const closed = play(booked, [{ type: 'planClosed', at: at('2026-03-05T09:00'), reason: 'client moved abroad' }]);
    const e = event(parse(mustOk(toICalendar(closed, { protocol }))), 'plan-0042-s1@smp-protocol');
    expect(text(e, 'status')).toBe('CANCELLED');
    expect(e.getFirstPropertyValue('sequence')).toBe(1);
    expect(text(e, 'description')).toMatch(/^Cancelled: the course was closed\./);
  });

  it('shows a completed session at its recorded times, a new revision when they differ from the booking', () => {
    const done = play(booked, [
      { type: 'sessionCompleted', at: at('2026-03-23T15:00'), session: 1, start: at('2026-03-23T10:30'), end: at('2026-03-23T14:45') },
    ]);
    const e = event(parse(mustOk(toICalendar(done, { protocol }))), 'plan-0042-s1@smp-protocol');
    expect(ms(e, 'dtstart')).toBe(epoch(at('2026-03-23T10:30')));
    expect(ms(e, 'dtend')).toBe(epoch(at('2026-03-23T14:45')));
    expect(e.getFirstPropertyValue('sequence')).toBe(1);
  });

  it('writes a session recorded without a booking, and an extra session with its own title', () => {
    const recorded = play(fresh(), [{ type: 'sessionCompleted', at: at('2026-03-23T15:00'), session: 1, start: at('2026-03-23T10:00') }]);
    const e = event(parse(mustOk(toICalendar(recorded, { protocol }))), 'plan-0042-s1@smp-protocol');
    expect([ms(e, 'dtstart'), ms(e, 'dtend'), e.getFirstPropertyValue('sequence')]).toEqual([
      epoch(at('2026-03-23T10:00')),
      epoch(at('2026-03-23T14:00')),
      0,
    ]);
    const extra = play(demoPlan(), [
      { type: 'sessionCompleted', at: at('2026-04-16T13:30'), session: 3 },
      { type: 'sessionAdded', at: at('2026-04-16T13:40'), reason: 'pigment healed light' },
      { type: 'sessionBooked', at: at('2026-04-16T13:45'), session: 4, start: at('2026-05-07T10:00') },
    ]);
    const s4 = event(parse(mustOk(toICalendar(extra, { protocol }))), 'plan-0042-s4@smp-protocol');
    expect(text(s4, 'summary')).toBe('Scalp micropigmentation: session 4 of 4 (Extra session)');
    expect(ms(s4, 'dtend') - ms(s4, 'dtstart')).toBe(120 * 60_000);
  });

  it('leaves a pending session out', () => {
    expect(events(parse(mustOk(toICalendar(fresh(), { protocol }))))).toHaveLength(0);
  });
});

describe('toICalendar: reminders and aftercare', () => {
  const plan = demoPlan();

  it('adds a VALARM per reminder to booked sessions only', () => {
    const cal = parse(
      mustOk(
        toICalendar(plan, { protocol, reminders: [{ minutesBefore: 1440 }, { minutesBefore: 90, description: 'Leave now; bring ID' }] }),
      ),
    );
    const s3 = event(cal, 'plan-0042-s3@smp-protocol');
    const alarms = s3.getAllSubcomponents('valarm');
    expect(alarms.map((a) => a.getFirstPropertyValue('action'))).toEqual(['DISPLAY', 'DISPLAY']);
    const triggers = alarms.map((a) => (a.getFirstPropertyValue('trigger') as InstanceType<typeof ICAL.Duration>).toSeconds());
    expect(triggers).toEqual([-86_400, -5_400]);
    expect(alarms.map((a) => a.getFirstPropertyValue('description'))).toEqual([text(s3, 'summary'), 'Leave now; bring ID']);
    expect(event(cal, 'plan-0042-s1@smp-protocol').getAllSubcomponents('valarm')).toHaveLength(0);
  });

  it('adds an all-day, transparent event per aftercare rule, its last day included', () => {
    const cal = parse(mustOk(toICalendar(plan, { protocol, aftercare: true })));
    const items = mustOk(aftercare(plan, { protocol, session: 1 }));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const e = event(cal, `plan-0042-s1-${item.rule}@smp-protocol`);
      const start = e.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>;
      const end = e.getFirstPropertyValue('dtend') as InstanceType<typeof ICAL.Time>;
      expect(start.isDate).toBe(true);
      expect(start.toString()).toBe('2026-03-23');
      const untilDate = item.until.slice(0, 10);
      const dayAfter = new Date(Date.parse(`${untilDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      expect(end.toString()).toBe(dayAfter);
      expect(text(e, 'summary')).toBe(`Aftercare: ${item.title}`);
      expect(text(e, 'description').startsWith(item.instruction)).toBe(true);
      expect(text(e, 'transp')).toBe('TRANSPARENT');
      expect(text(e, 'related-to')).toBe('plan-0042-s1@smp-protocol');
    }
    const perSession = [1, 2, 3].map((n) => mustOk(aftercare(plan, { protocol, session: n })).length);
    expect(events(cal)).toHaveLength(3 + perSession.reduce((a, b) => a + b, 0));
  });
});

describe('toICalendar: folding and escaping', () => {
  const note = 'Bring ID; arrive 10 min early, please.\nParking: Rue de l’Église, 2ᵉ étage — ask for Zoë 😀\\ok';
  const plan = play(fresh('plan-ünïcode-0042'), [
    { type: 'sessionBooked', at: at('2026-03-02T09:30'), session: 1, start: at('2026-03-23T10:00'), note },
  ]);
  const location = `Clinique Capillaire Sainte-Geneviève, 12 rue de l’Ancienne-Comédie; bâtiment B, 3ᵉ étage, 75006 Paris ${'é'.repeat(40)}`;
  const ics = mustOk(toICalendar(plan, { protocol, notes: true, location, timeZone: 'Europe/Paris' }));

  it('folds every line at 75 octets, never inside a UTF-8 character', () => {
    const lines = ics.split('\r\n');
    expect(lines.some((l) => Buffer.byteLength(l, 'utf8') === 75 || Buffer.byteLength(l, 'utf8') === 74)).toBe(true);
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    // Folding is a CRLF followed by one space; undoing it gives back whole characters.
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('Zoë 😀');
    expect(unfolded).toContain('Sainte-Geneviève');
  });

  it('escapes commas, semicolons, backslashes and newlines, and ical.js reads the exact text back', () => {
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      'Note: Bring ID\\; arrive 10 min early\\, please.\\nParking: Rue de l’Église\\, 2ᵉ étage — ask for Zoë 😀\\\\ok',
    );
    const e = event(parse(ics), 'plan-ünïcode-0042-s1@smp-protocol');
    expect(text(e, 'description')).toBe(`${protocol.sessions[0]?.purpose}\nNote: ${note}`);
    expect(text(e, 'location')).toBe(location);
  });
});

describe('toICalendar: never throws', () => {
  it('refuses what it cannot export (ok: false, no calendar), never hiding errors in the file', () => {
    for (const [plan, options, code] of [
      [{ not: 'a plan' }, { protocol }, 'INVALID_INPUT'],
      [demoPlan(), { protocol: { ...protocol, version: 99 } }, 'PROTOCOL_MISMATCH'],
      [demoPlan(), {}, 'INVALID_INPUT'],
      [null, null, 'INVALID_INPUT'],
    ] as const) {
      const out = toICalendar(plan as never, options as never);
      expect(out.ok).toBe(false);
      expect('value' in out).toBe(false);
      expect(out.findings.map((f) => f.code)).toContain(code);
      expect(out.findings.every((f) => f.severity === 'error')).toBe(true);
    }
  });

  it('picks the protocol from protocols by the plan id and version', () => {
    expect(mustOk(toICalendar(demoPlan(), { protocols: builtinProtocols }))).toBe(mustOk(toICalendar(demoPlan(), { protocol })));
  });

  it('leaves an invalid option out with a warning in findings, and still exports the sessions', () => {
    const out = toICalendar(demoPlan(), { protocol, timeZone: 'Mars/Olympus', reminders: [{ minutesBefore: -5 }] });
    const cal = parse(mustOk(out));
    expect(events(cal)).toHaveLength(3);
    expect(out.findings.map((f) => [f.code, f.severity])).toEqual([
      ['INVALID_TIME_ZONE', 'warning'],
      ['INVALID_INPUT', 'warning'],
    ]);
    expect(cal.getAllProperties('x-smp-finding')).toHaveLength(0);
    expect(cal.getAllSubcomponents('vtimezone')).toHaveLength(0);
  });

  it('a staff note containing "X-SMP-FINDING" is only text in a DESCRIPTION', () => {
    const noted = play(demoPlan(), [{ type: 'sessionAdded', at: '2026-04-16T14:00:00+01:00', reason: 'X-SMP-FINDING in a note' }]);
    const out = toICalendar(noted, { protocol, notes: true });
    expect(out.ok).toBe(true);
    expect(out.findings).toEqual([]);
  });
});
