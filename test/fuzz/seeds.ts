/**
 * Valid inputs, built through the public API, that the fuzzer mutates: plans in several states,
 * zones and protocols (far dates included), with the event, options, availability, intake and
 * finding that fit each. A mutated valid input reaches deep code, not only the first parse.
 */
import type { Plan, Protocol } from 'smp-protocol';
import { FAR_INSTANTS, ZONES } from './values.js';

/** The root entry's functions the seeds need (passed in, so the fuzzer can run against src or dist). */
export interface SeedApi {
  protocols: Record<string, Protocol>;
  createPlan(input: unknown): { ok: boolean; value?: Plan };
  applyEvent(plan: Plan, event: unknown, options: { protocol: Protocol }): { ok: boolean; value?: Plan };
}

/** Argument kinds the signature table speaks of. */
export type Kind =
  | 'plan'
  | 'planJson'
  | 'event'
  | 'events'
  | 'options'
  | 'protocol'
  | 'createInput'
  | 'availability'
  | 'intake'
  | 'screenOptions'
  | 'finding'
  | 'locale'
  | 'outcome'
  | 'instant'
  | 'localTime'
  | 'zone'
  | 'conformanceCase'
  | 'conformanceOptions'
  | 'request'
  | 'any';

/** One coherent world: every kind of argument, consistent with each other. */
export interface Scenario {
  name: string;
  values: Record<Kind, unknown>;
}

const DAY = 86_400_000;
const MINUTE = 60_000;

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function gapDays(protocol: Protocol, n: number): number {
  const session = protocol.sessions.find((s) => s.number === n);
  const gaps = session?.gaps ?? [];
  return Math.max(0, ...gaps.map((g) => g.earliestRecommendedDays));
}

/** Books and completes sessions one after another; stops at the first refusal. */
function course(api: SeedApi, plan: Plan, protocol: Protocol, startMs: number, complete: number, book: number): Plan {
  let p = plan;
  let at = startMs;
  let start = startMs + DAY;
  for (const s of protocol.sessions) {
    if (s.number > book) break;
    start += gapDays(protocol, s.number) * DAY;
    const booked = api.applyEvent(
      p,
      { id: `b${s.number}`, type: 'sessionBooked', at: iso(at), session: s.number, start: iso(start) },
      { protocol },
    );
    if (!booked.ok || booked.value === undefined) return p;
    p = booked.value;
    if (s.number > complete) continue;
    at = start + (s.durationMinutes + 10) * MINUTE;
    const done = api.applyEvent(
      p,
      { id: `c${s.number}`, type: 'sessionCompleted', at: iso(at), session: s.number, record: { zones: ['hairline'], pigment: 'P-1' } },
      { protocol },
    );
    if (!done.ok || done.value === undefined) return p;
    p = done.value;
  }
  return p;
}

const AVAILABILITY = (zone: string): unknown => ({
  timeZone: zone,
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '17:00' })),
  overrides: [{ date: '2026-04-03', hours: [] }],
  busy: [{ start: '2026-04-06T10:00:00Z', end: '2026-04-06T12:00:00Z', resource: 'artist-1' }],
  resources: ['artist-1', 'artist-2'],
  bufferBeforeMinutes: 15,
  bufferAfterMinutes: 15,
  minimumNoticeMinutes: 60,
  horizonDays: 120,
  slotStepMinutes: 30,
});

const INTAKE = {
  dateOfBirth: '1980-05-17',
  hairTransplant: { date: '2025-12-01' },
  scar: { since: '2024-01-01', healed: true },
  isotretinoin: { lastDose: '2026-01-10' },
  chemotherapy: { lastTreatment: '2025-06-01' },
  laserRemoval: { date: '2026-01-01' },
  alopeciaAreata: { stableSince: '2025-01-01' },
  pregnant: false,
  breastfeeding: false,
  activeScalpConditions: ['psoriasis'],
  keloidHistory: false,
  anticoagulants: true,
};

function findingFor(code: string): unknown {
  return {
    code,
    severity: 'warning',
    message: 'A message.',
    session: 2,
    path: ['sessions', 0, 'start'],
    params: {
      session: 2,
      days: 6,
      minimumDays: 7,
      anchorSession: 1,
      date: '2026-04-01',
      earliestDate: '2026-04-02',
      bookedDate: '2026-04-05',
      code,
    },
  };
}

/**
 * Scenarios: each built-in protocol in a few zones and states, plus plans near the ends of the
 * supported calendar (where the library's own arithmetic can leave it).
 */
export function buildScenarios(api: SeedApi, codes: readonly string[]): Scenario[] {
  const out: Scenario[] = [];
  const protocolList = Object.values(api.protocols);
  const states: [name: string, complete: number, book: number, tail?: 'pause' | 'close'][] = [
    ['draft', 0, 0],
    ['booked1', 0, 1],
    ['done1-booked2', 1, 2],
    ['done2-booked3', 2, 3],
    ['completed', 99, 99],
    ['onHold', 1, 2, 'pause'],
    ['closed', 1, 1, 'close'],
  ];
  const bases: [zone: string, base: string][] = [
    ['Europe/London', '2026-03-02T09:00:00Z'],
    ['Pacific/Chatham', '2026-03-20T09:00:00Z'],
    ['America/Fortaleza', '2000-09-20T12:00:00Z'],
    ['Asia/Gaza', '2040-10-01T12:00:00Z'],
    ['Pacific/Apia', '2011-12-10T00:00:00Z'],
    ['Pacific/Kiritimati', '9999-11-01T00:00:00Z'],
    ['Etc/GMT+12', '1900-01-01T12:00:00Z'],
  ];
  let i = 0;
  for (const protocol of protocolList) {
    for (const [zone, base] of bases) {
      for (const [state, complete, book, tail] of states) {
        i += 1;
        // Every protocol in London; the other zones take a share of the protocols and states.
        if (zone !== 'Europe/London' && i % 3 !== 0) continue;
        const baseMs = Date.parse(base);
        const created = api.createPlan({
          id: `fuzz-${i}`,
          clientId: 'client-f',
          protocol,
          timeZone: zone,
          createdAt: base,
          metadata: { crm: { id: 7, tags: ['a'] } },
        });
        if (!created.ok || created.value === undefined) continue;
        let plan = course(api, created.value, protocol, baseMs, complete, book);
        const last = plan.history.at(-1)?.at ?? base;
        const lastMs = Date.parse(last);
        if (tail === 'pause') {
          const paused = api.applyEvent(
            plan,
            { id: 'p1', type: 'planPaused', at: last, reason: 'adverse reaction', until: iso(lastMs + 20 * DAY).slice(0, 10) },
            { protocol },
          );
          if (paused.ok && paused.value !== undefined) plan = paused.value;
        }
        if (tail === 'close') {
          const closed = api.applyEvent(plan, { id: 'x1', type: 'planClosed', at: last, reason: 'moved away' }, { protocol });
          if (closed.ok && closed.value !== undefined) plan = closed.value;
        }
        const pending = plan.sessions.find((s) => s.state === 'pending');
        const booked = plan.sessions.find((s) => s.state === 'booked');
        const asOf = iso(lastMs + 2 * 3_600_000);
        const nextStart = iso(lastMs + (gapDays(protocol, pending?.number ?? 1) + 1) * DAY);
        const event =
          booked !== undefined && i % 2 === 0
            ? { id: 'next', type: 'sessionCompleted', at: booked.booking?.end ?? asOf, session: booked.number }
            : { id: 'next', type: 'sessionBooked', at: asOf, session: pending?.number ?? 1, start: nextStart, durationMinutes: 120 };
        const options = {
          protocol,
          asOf,
          availability: AVAILABILITY(zone),
          session: booked?.number ?? pending?.number ?? 1,
          start: nextStart,
          limit: 5,
          name: 'Clinic',
          timeZone: zone,
          reminders: [{ minutesBefore: 1440 }],
          aftercare: true,
          notes: true,
          transaction: true,
          patient: { reference: 'Patient/123' },
          canonicalBase: 'https://example.org/fhir',
        };
        const created2 = {
          id: `fuzz-new-${i}`,
          clientId: 'client-n',
          protocol,
          timeZone: zone,
          createdAt: base,
          metadata: { a: [1, { b: null }] },
        };
        out.push({
          name: `${protocol.id}/${zone}/${state}`,
          values: {
            plan,
            planJson: JSON.parse(JSON.stringify(plan)),
            event,
            events: [...plan.history, event],
            options,
            protocol,
            createInput: created2,
            availability: AVAILABILITY(zone),
            intake: INTAKE,
            screenOptions: { protocol, asOf, timeZone: zone },
            finding: findingFor(codes[i % codes.length] ?? 'INVALID_INPUT'),
            locale: i % 3 === 0 ? 'es' : 'en',
            outcome: { ok: false, findings: [findingFor(codes[(i * 7) % codes.length] ?? 'INVALID_INPUT')] },
            instant: FAR_INSTANTS[i % FAR_INSTANTS.length],
            localTime: `${asOf.slice(0, 16)}`,
            zone: ZONES[i % ZONES.length],
            conformanceCase: {
              id: `case-${i}`,
              description: 'fuzz',
              protocol: protocol.id,
              timeZone: zone,
              events: [],
              expect: {},
            },
            conformanceOptions: { asOf },
            request: { method: 'GET', url: `https://api.example/plans/fuzz-${i}` },
            any: plan,
          },
        });
      }
    }
  }
  return out;
}
