/**
 * The demo: a real course plan from the built-in protocol, printed as a clinic would read it
 * (`smp-protocol demo`, and `npm run demo`). Public API only, and fixed dates, so every run prints
 * the same plan.
 * @internal
 * @module
 */
import {
  aftercare,
  applyEvent,
  createPlan,
  evaluatePlan,
  findSlots,
  forecast,
  formatFinding,
  localDateOf,
  parseAvailability,
  proposeReschedule,
  proposeSchedule,
  screen,
  standardProtocol as protocol,
  toInstant,
  type Outcome,
  type Plan,
  type Slot,
} from 'smp-protocol';
import { EXIT } from './exit.js';
import { CliError } from './io.js';

function must<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new CliError(outcome.findings.map((f) => `${f.code}: ${f.message}`).join('\n'), EXIT.rule);
  return outcome.value;
}

/** Runs the demo, printing each line; returns the first client's completed plan. */
export function runDemo(print: (line?: string) => void): Plan {
  const zone = 'Europe/London';
  const clientId = 'client-0042';
  // The intake at the consultation: an adult whose last isotretinoin dose was on 20 September 2025.
  const intake = { dateOfBirth: '1988-11-04', isotretinoin: { lastDose: '2025-09-20' } };
  const screening = must(screen(intake, { protocol, asOf: at('2026-03-02T09:00'), timeZone: zone }));
  let plan = must(createPlan({ id: 'plan-0042', clientId, protocol, timeZone: zone, createdAt: at('2026-03-02T09:00'), screening }));
  let n = 0;

  function at(local: string): string {
    return must(toInstant(local, zone));
  }
  function apply(event: Record<string, unknown>): Outcome<Plan> {
    const untrusted: unknown = { id: `evt-${++n}`, ...event };
    const out = applyEvent(plan, untrusted, { protocol });
    if (out.ok) plan = out.value;
    return out;
  }
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  const pretty = (localDate: string | undefined): string =>
    localDate === undefined ? '—' : `${day.format(new Date(`${localDate}T12:00:00Z`))}`;
  const time = (instant: string): string => clock.format(new Date(instant));
  const dateOf = (instant: string): string => must(localDateOf(instant, zone));
  const dayBefore = (localDate: string): string => new Date(Date.parse(`${localDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

  function printCourse(asOf: string, title: string): void {
    const f = must(forecast(plan, { protocol, asOf }));
    const e = must(evaluatePlan(plan, { protocol, asOf }));
    print(`\n${title}  (as of ${time(asOf)} on ${pretty(dateOf(asOf))}; plan ${plan.status})`);
    for (const spec of [...protocol.sessions]) {
      const s = plan.sessions[spec.number - 1];
      if (s === undefined) continue;
      const sf = f.sessions[spec.number - 1];
      const ev = e.sessions[spec.number - 1];
      print(`  Session ${spec.number} · ${spec.phase} · ${spec.title} (${spec.durationMinutes} min) — ${s.state}`);
      if (s.state === 'completed' && s.completed !== undefined) {
        const verdict = ev?.evaluation
          ? `, ${ev.evaluation}${ev.daysFromAnchor === undefined ? '' : ` (${ev.daysFromAnchor} days after session ${spec.number - 1})`}`
          : '';
        print(`      done ${pretty(dateOf(s.completed.start))}, ${time(s.completed.start)}–${time(s.completed.end)}${verdict}`);
        continue;
      }
      if (s.state === 'booked' && s.booking !== undefined)
        print(`      booked ${pretty(dateOf(s.booking.start))}, ${time(s.booking.start)}–${time(s.booking.end)}`);
      if (sf?.pastDue === undefined) {
        print(`      can start from ${pretty(sf?.earliest)}; ${sf?.due}`);
      } else {
        print(
          `      earliest ${pretty(sf.earliest)} · recommended ${pretty(sf.recommended)} to ${pretty(dayBefore(sf.pastDue))} · latest ${pretty(sf.latest)}` +
            `${sf.projected ? ' (projected)' : ''} — ${sf.due}`,
        );
      }
      if (s.state === 'pending' && spec.number === (f.next?.session ?? 0)) print(`      ${spec.purpose}`);
    }
  }

  print(`smp-protocol demo: ${protocol.name} (protocol "${protocol.id}" v${protocol.version})`);
  print(`Client ${clientId}, clinic time zone ${zone}. The clocks go forward on Sun 29 Mar 2026.`);

  print(`\nScreening at the consultation: ${screening.outcome}`);
  for (const f of screening.findings) {
    print(`  ${f.code}: ${f.message}`);
    print(`  (es) ${formatFinding(f, 'es')}`);
  }
  if (screening.earliestStart !== undefined) {
    print(`  Session 1 cannot be booked before ${pretty(screening.earliestStart)}; the plan enforces it.`);
  }
  printCourse(at('2026-03-02T09:00'), 'Consultation');

  must(apply({ type: 'sessionBooked', at: at('2026-03-02T09:30'), session: 1, start: at('2026-03-23T10:00') }));
  must(
    apply({
      type: 'sessionCompleted',
      at: at('2026-03-23T14:10'),
      session: 1,
      record: { zones: ['hairline', 'temples'], checklist: { hairlineAgreed: true } },
    }),
  );
  printCourse(at('2026-03-23T14:15'), 'After session 1');

  const care = must(aftercare(plan, { protocol, session: 1 }));
  const careFrom = care[0]?.from ?? plan.createdAt;
  print(
    `\nAftercare after session 1, from ${time(careFrom)} on ${pretty(dateOf(careFrom))} (days are calendar days: across the clock change the time stays):`,
  );
  for (const item of care) {
    print(`  ${item.title.padEnd(26)} until ${pretty(dateOf(item.until)).padEnd(16)} ${time(item.until)}   ${item.id}`);
  }

  print('\nThe client asks for Sunday 29 March at 10:00 for session 2:');
  const early = apply({ type: 'sessionBooked', at: at('2026-03-23T14:20'), session: 2, start: at('2026-03-29T10:00') });
  for (const f of early.findings) print(`  refused ${f.code}: ${f.message}`);

  print('\nThe clinic offers the first recommended day instead, Thursday 2 April at 10:00:');
  const booked = must(apply({ type: 'sessionBooked', at: at('2026-03-23T14:25'), session: 2, start: at('2026-04-02T10:00') }));
  const second = booked.sessions[1]?.booking ?? { start: '', end: '' };
  print(`  accepted: session 2 booked ${time(second.start)}–${time(second.end)} (${second.start})`);

  must(apply({ type: 'sessionCompleted', at: at('2026-04-02T13:05'), session: 2 }));
  const third = must(forecast(plan, { protocol, asOf: at('2026-04-02T13:10') })).next?.recommended ?? '2026-04-16';
  must(apply({ type: 'sessionBooked', at: at('2026-04-02T13:10'), session: 3, start: at(`${third}T10:00`) }));
  must(apply({ type: 'sessionCompleted', at: at(`${third}T13:30`), session: 3 }));
  printCourse(at(`${third}T13:35`), 'Course complete');

  const after = must(forecast(plan, { protocol, asOf: at(`${third}T13:35`) }));
  print('\nAfter the course, from the last session:');
  for (const [label, w] of [
    ['Review (included touch-up)', after.review],
    ['Maintenance touch-up', after.maintenance],
  ] as const) {
    if (w !== undefined) print(`  ${label.padEnd(26)} ${pretty(w.earliest)} to ${pretty(w.latest)}, recommended ${pretty(w.recommended)}`);
  }
  print(`\nHistory: ${plan.history.length} events, version ${plan.version}; the refused booking left no trace.`);

  // ---------------------------------------------------------------------------------------------
  // Scheduling against the clinic's calendar: a second client books the whole course at the
  // consultation, in the week the clocks go forward (the guide: docs/scheduling.md).
  const calendar = must(
    parseAvailability({
      timeZone: zone,
      weekly: [
        ...[2, 3, 4, 5].flatMap((weekday) => [
          { weekday, open: '10:00', close: '13:00' },
          { weekday, open: '14:00', close: '18:00' },
        ]),
        { weekday: 6, open: '09:00', close: '15:00' },
      ],
      overrides: [
        { date: '2026-04-03', hours: [] },
        { date: '2026-04-06', hours: [{ open: '10:00', close: '16:00' }] },
      ],
      resources: ['ana', 'ben'],
      busy: [
        { start: '2026-03-24T14:00:00Z', end: '2026-03-24T18:00:00Z', resource: 'ana' },
        { start: '2026-03-24T14:00:00Z', end: '2026-03-24T17:00:00Z', resource: 'ben' },
        { start: '2026-03-25T14:00:00Z', end: '2026-03-25T18:00:00Z' },
        { start: '2026-04-04T09:00:00+01:00', end: '2026-04-04T12:00:00+01:00', resource: 'ana' },
      ],
      bufferAfterMinutes: 15,
      minimumNoticeMinutes: 24 * 60,
      horizonDays: 60,
    }),
  );
  const consultation = at('2026-03-23T11:00');
  let course = must(createPlan({ id: 'plan-0043', clientId: 'client-0043', protocol, timeZone: zone, createdAt: consultation }));
  const slotLine = (s: Slot): string =>
    `${pretty(s.localDate)}, ${time(s.start)}–${time(s.end)} with ${s.resource} — ${s.fit}` +
    `${s.daysFromAnchor === undefined ? '' : `, ${s.daysFromAnchor} days after session ${s.session - 1}`}`;

  print('\nClient client-0043 wants to book the whole course at the consultation, Mon 23 Mar 2026 11:00.');
  print('The clinic: Tue–Fri 10:00–13:00 and 14:00–18:00, Sat 09:00–15:00; closed Good Friday, open Easter Monday');
  print("10:00–16:00; artists ana and ben; 15 minutes to clean up after a session; 24 hours' notice; 60 days ahead.");
  print('First free starts for session 1 (four hours):');
  for (const s of must(findSlots(course, { protocol, availability: calendar, asOf: consultation, limit: 3 }))) print(`  ${slotLine(s)}`);
  const proposal = must(proposeSchedule(course, { protocol, availability: calendar, asOf: consultation }));
  print('Proposed course (each gap from the previous proposed session; GMT before the clocks change, BST after):');
  for (const s of proposal.sessions) print(`  Session ${s.session}: ${slotLine(s)}`);
  for (const e of proposal.events) course = must(applyEvent(course, e, { protocol }));
  print(`  Booked with ${proposal.events.length} sessionBooked events, applied in order: plan ${course.status}.`);

  const moveAt = at('2026-03-30T09:00');
  const move = must(
    proposeReschedule(course, { protocol, availability: calendar, asOf: moveAt, session: 2, start: at('2026-04-16T10:00') }),
  );
  print('\nOn 30 March the client asks to move session 2 to Thu 16 Apr 10:00. Session 3 (21 Apr) would then be');
  print('5 days after it, so it moves too, first; the events in the order applyEvent accepts them:');
  for (const e of move.events) {
    if (e.type === 'sessionRescheduled') print(`  ${e.type} session ${e.session} → ${pretty(dateOf(e.start))} ${time(e.start)}  (${e.id})`);
  }
  for (const e of move.events) course = must(applyEvent(course, e, { protocol }));
  const refusal = proposeReschedule(course, { protocol, availability: calendar, asOf: moveAt, session: 2, start: at('2026-04-01T10:00') });
  print(`Asked for Wed 1 Apr instead: ${refusal.findings.map((f) => `${f.code}: ${f.message}`).join(' ')}`);
  return plan;
}
