/**
 * Locales: every finding code has a message in English and in Spanish (checked at run time too,
 * so that a catalogue cast from JSON is caught), the Spanish catalogue renders the findings the
 * library really produces from their params alone, and a vendor catalogue is used.
 */
import { describe, expect, it } from 'vitest';
import {
  aftercare,
  applyEvent,
  createPlan,
  defineProtocol,
  english,
  evaluatePlan,
  findingCodes,
  formatFinding,
  parsePlan,
  scalpZones,
  screen,
  screeningConditions,
  spanish,
  standardProtocol,
  toInstant,
  type Finding,
  type FindingCode,
  type MessageCatalogue,
  type Outcome,
  type Plan,
  type Protocol,
} from 'smp-protocol';
import { applyAll, mustOk, newPlan } from '../support/plans.js';

const protocol = standardProtocol;

/** The codes a catalogue has no renderer for: what a run-time check of a JSON catalogue needs. */
function missingMessages(catalogue: unknown): FindingCode[] {
  const c = (typeof catalogue === 'object' && catalogue !== null ? catalogue : {}) as Record<string, unknown>;
  return findingCodes.filter((code) => typeof c[code] !== 'function');
}

/** A '?' where a renderer found no param (the catalogues' placeholder), as a whole word. */
const PLACEHOLDER = /(^|[\s(«"'])\?($|[\s).,;:»"'])/;

// ---------------------------------------------------------------------------------------------
// Real findings, produced through the public API.

function findingsOf(outcome: Outcome<unknown> | { findings: Finding[] }): readonly Finding[] {
  return outcome.findings;
}

function realFindings(): Finding[] {
  const out: Finding[] = [];
  const push = (fs: readonly Finding[]): void => {
    out.push(...fs);
  };
  const apply = (plan: Plan, event: unknown, p: Protocol = protocol, expectedVersion?: number): Outcome<Plan> => {
    const o: { protocol: Protocol; expectedVersion?: number } = { protocol: p };
    if (expectedVersion !== undefined) o.expectedVersion = expectedVersion;
    const r = applyEvent(plan, event, o);
    push(r.findings);
    return r;
  };
  const B1 = { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' };
  const C1 = { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1 };
  const draft = newPlan({ createdAt: '2026-03-02T09:00:00Z' });
  const booked = applyAll(draft, [B1]);
  const done1 = applyAll(booked, [C1]);

  // Input problems.
  push(findingsOf(createPlan({} as never)));
  push(findingsOf(createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'Mars/Olympus', createdAt: '2026-03-02T09:00:00' })));
  push(findingsOf(toInstant('2026-03-29T01:30', 'Europe/London')));
  push(findingsOf(parsePlan({ ...JSON.parse(JSON.stringify(draft)), schemaVersion: 2 })));
  // Bookings.
  apply(draft, { id: 'x', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 2, start: '2026-04-02T10:00:00Z' });
  apply(draft, { id: 'x', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 9, start: '2026-04-02T10:00:00Z' });
  apply(draft, { id: 'x', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-01T10:00:00Z' });
  apply(booked, { id: 'x', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-25T10:00:00Z' });
  apply(done1, { id: 'x', type: 'sessionBooked', at: '2026-03-23T15:00:00Z', session: 2, start: '2026-03-29T10:00:00+01:00' });
  apply(done1, { id: 'x', type: 'sessionBooked', at: '2026-03-23T15:00:00Z', session: 2, start: '2026-03-27T10:00:00Z' });
  apply(done1, { id: 'x', type: 'sessionBooked', at: '2026-03-23T15:00:00Z', session: 2, start: '2026-03-31T10:00:00+01:00' });
  apply(done1, { id: 'x', type: 'sessionBooked', at: '2026-03-23T15:00:00Z', session: 2, start: '2026-04-10T10:00:00+01:00' });
  apply(done1, { id: 'x', type: 'sessionBooked', at: '2026-03-23T15:00:00Z', session: 2, start: '2026-05-10T10:00:00+01:00' });
  apply(done1, { id: 'x', type: 'sessionBooked', at: '2026-03-23T15:00:00Z', session: 1, start: '2026-05-10T10:00:00+01:00' });
  // Completions (facts) and their spacing evaluations.
  apply(done1, { id: 'x', type: 'sessionCompleted', at: '2026-03-26T15:00:00Z', session: 2, start: '2026-03-26T10:00:00Z' });
  apply(done1, { id: 'x', type: 'sessionCompleted', at: '2026-03-29T15:00:00+01:00', session: 2, start: '2026-03-29T10:00:00+01:00' });
  apply(booked, { id: 'x', type: 'sessionCompleted', at: '2026-03-02T09:00:00Z', session: 1 });
  apply(done1, { id: 'x', type: 'sessionCompleted', at: '2026-03-23T15:00:00Z', session: 1 });
  // Cancellations, no-shows, the downstream rule.
  const both = applyAll(done1, [
    { id: 'b2', type: 'sessionBooked', at: '2026-03-23T15:00:00Z', session: 2, start: '2026-04-02T10:00:00+01:00' },
  ]);
  const threeBooked = applyAll(both, [
    { id: 'b3', type: 'sessionBooked', at: '2026-03-23T15:05:00Z', session: 3, start: '2026-04-16T10:00:00+01:00' },
  ]);
  apply(threeBooked, { id: 'x', type: 'sessionCancelled', at: '2026-03-24T09:00:00Z', session: 2 });
  apply(both, { id: 'x', type: 'sessionCancelled', at: '2026-04-01T09:00:00+01:00', session: 2 });
  apply(both, { id: 'x', type: 'sessionCancelled', at: '2026-03-24T09:00:00Z', session: 3 });
  apply(both, { id: 'x', type: 'sessionMissed', at: '2026-04-01T09:00:00+01:00', session: 2 });
  const strict = mustOk(
    defineProtocol({ ...JSON.parse(JSON.stringify(protocol)), id: 'strict', policy: { cancellationNoticeHours: 48, maxNoShows: 1 } }),
  );
  apply(
    applyAll(newPlan({ protocol: strict, createdAt: '2026-03-02T09:00:00Z' }), [B1], strict),
    { id: 'm', type: 'sessionMissed', at: '2026-03-23T11:00:00Z', session: 1 },
    strict,
  );
  // Status and idempotency.
  const paused = applyAll(booked, [{ id: 'p', type: 'planPaused', at: '2026-03-03T09:00:00Z', reason: 'adverse reaction' }]);
  apply(paused, { id: 'x', type: 'sessionRescheduled', at: '2026-03-04T09:00:00Z', session: 1, start: '2026-03-30T10:00:00+01:00' });
  apply(paused, { id: 'x', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1 });
  apply(booked, { id: 'x', type: 'planResumed', at: '2026-03-03T09:00:00Z' });
  const closed = applyAll(booked, [{ id: 'z', type: 'planClosed', at: '2026-03-03T09:00:00Z', reason: 'moved away' }]);
  apply(closed, { id: 'x', type: 'planResumed', at: '2026-03-04T09:00:00Z' });
  apply(booked, B1);
  apply(booked, { ...B1, start: '2026-03-24T10:00:00Z' });
  apply(booked, { id: 'x', type: 'planResumed', at: '2026-03-03T09:00:00Z' }, protocol, 0);
  apply(booked, { id: 'x', type: 'planResumed', at: '2026-03-03T09:00:00Z' }, strict);
  const completed = applyAll(both, [
    { id: 'c2', type: 'sessionCompleted', at: '2026-04-02T14:00:00+01:00', session: 2 },
    { id: 'c3', type: 'sessionCompleted', at: '2026-04-16T15:00:00+01:00', session: 3, start: '2026-04-16T10:00:00+01:00' },
    { id: 'a4', type: 'sessionAdded', at: '2026-04-17T09:00:00+01:00', reason: 'crown healed light' },
    { id: 'c4', type: 'sessionCompleted', at: '2026-05-01T15:00:00+01:00', session: 4, start: '2026-05-01T10:00:00+01:00' },
  ]);
  apply(completed, { id: 'x', type: 'planPaused', at: '2026-05-02T09:00:00+01:00', reason: 'client request' });
  apply(completed, { id: 'x', type: 'sessionAdded', at: '2026-05-02T09:00:00+01:00', reason: 'one more' });
  // Screening.
  const s = mustOk(
    screen(
      {
        dateOfBirth: '2008-02-29',
        isotretinoin: { lastDose: '2025-08-31' },
        pregnant: true,
        epilepsy: true,
        scar: { since: '2025-01-01', healed: false },
      },
      { protocol, asOf: '2026-01-15T10:00:00Z', timeZone: 'Europe/London' },
    ),
  );
  push(s.findings);
  const screened = mustOk(
    createPlan({ id: 'p-s', clientId: 'c', protocol, timeZone: 'Europe/London', createdAt: '2026-01-15T10:00:00Z', screening: s }),
  );
  apply(screened, { id: 'x', type: 'sessionBooked', at: '2026-01-15T10:00:00Z', session: 1, start: '2026-02-20T10:00:00Z' });
  apply(screened, { id: 'x', type: 'sessionBooked', at: '2026-01-15T10:00:00Z', session: 1, start: '2026-03-20T10:00:00Z' });
  const noKeloid = mustOk(
    defineProtocol({
      ...JSON.parse(JSON.stringify(protocol)),
      id: 'no-keloid',
      screening: {
        ...protocol.screening,
        conditions: { ...protocol.screening?.conditions, keloidHistory: { outcome: 'ineligible', reason: 'keloid-prone skin' } },
      },
    }),
  );
  const ineligible = mustOk(
    screen(
      { dateOfBirth: '1990-01-01', keloidHistory: true },
      { protocol: noKeloid, asOf: '2026-01-15T10:00:00Z', timeZone: 'Europe/London' },
    ),
  );
  push(ineligible.findings);
  push(
    findingsOf(
      createPlan({
        id: 'p',
        clientId: 'c',
        protocol: noKeloid,
        timeZone: 'Europe/London',
        createdAt: '2026-01-15T10:00:00Z',
        screening: ineligible,
      }),
    ),
  );
  // Records and care.
  const zoned = mustOk(
    createPlan({
      id: 'p-z',
      clientId: 'c',
      protocol,
      timeZone: 'Europe/London',
      createdAt: '2026-03-02T09:00:00Z',
      zones: ['crown', 'scar'],
    }),
  );
  const zonedDone = applyAll(zoned, [
    { ...C1, start: '2026-03-23T10:00:00Z' },
    { id: 'c2', type: 'sessionCompleted', at: '2026-04-02T14:00:00+01:00', session: 2, start: '2026-04-02T10:00:00+01:00' },
    { id: 'c3', type: 'sessionCompleted', at: '2026-04-16T15:00:00+01:00', session: 3, start: '2026-04-16T10:00:00+01:00' },
  ]);
  const e = mustOk(evaluatePlan(zonedDone, { protocol, asOf: '2026-05-01T09:00:00Z' }));
  push(e.findings);
  for (const x of e.sessions) push(x.findings);
  push(findingsOf(aftercare(draft, { protocol, session: 2 })));
  return out;
}

const REAL = realFindings();

/** Realistic params for codes the scenarios above do not reach (as the library fills them). */
const realistic: Partial<Record<FindingCode, Record<string, string | number>[]>> = {
  NO_SLOT_AVAILABLE: [
    { session: 2, from: '2026-03-30', until: '2026-06-21', reason: 'calendar', durationMinutes: 180 },
    { session: 2, from: '2026-03-30', until: 'the horizon', reason: 'calendar', durationMinutes: 180 },
    { session: 3, from: '2026-07-01', until: '2026-06-21', reason: 'horizon', durationMinutes: 180 },
    { session: 2, from: '2026-04-10', until: '2026-04-08', reason: 'downstream', durationMinutes: 180 },
    ...(['notice', 'horizon', 'closed', 'busy'] as const).map((problem) => ({
      session: 2,
      reason: 'requested',
      problem,
      start: '2026-04-02T10:00:00+01:00',
      durationMinutes: 180,
      noticeMinutes: 120,
      at: '2026-04-02T09:00:00+01:00',
      until: '2026-06-21',
    })),
  ],
  BOOKING_OVERLAP: [
    {
      session: 2,
      start: '2026-03-23T13:00:00+00:00',
      end: '2026-03-23T16:00:00+00:00',
      otherSession: 1,
      otherStart: '2026-03-23T10:00:00Z',
      otherEnd: '2026-03-23T14:00:00+00:00',
    },
  ],
  INTERNAL_ERROR: [{ detail: 'RangeError: Invalid time value' }],
  // Codes whose scenarios land with the readers (OUTCOME_NOT_RECORDED), the time range and the back end.
  OUTCOME_NOT_RECORDED: [{ session: 2, date: '2026-03-23', start: '2026-03-23T10:00:00+00:00', daysSince: 255 }],
  DATE_OUT_OF_RANGE: [{ path: 'start', value: '10000-01-01T00:00:00Z', min: '1900-01-01', max: '9999-12-31' }],
  PLAN_NOT_FOUND: [{ planId: 'plan-0042' }],
  PLAN_EXISTS: [{ planId: 'plan-0042' }],
  DATABASE_ERROR: [{ sqlstate: '53300', detail: 'too many connections' }],
  UNAUTHORIZED: [{}],
  PAYLOAD_TOO_LARGE: [{ limit: 65536, size: 70000 }],
  ROUTE_NOT_FOUND: [{ method: 'GET', path: '/nowhere' }],
};

describe('every code has a message', () => {
  it('in English and in Spanish: exactly one renderer per code, checked at run time', () => {
    expect(missingMessages(english)).toEqual([]);
    expect(missingMessages(spanish)).toEqual([]);
    expect(Object.keys(english).sort()).toEqual([...findingCodes].sort());
    expect(Object.keys(spanish).sort()).toEqual([...findingCodes].sort());
  });

  it('the run-time check catches a catalogue cast from JSON that lacks a code', () => {
    // JSON carries no functions: a catalogue read from JSON and cast renders nothing.
    const fromJson = JSON.parse(JSON.stringify({ ...english, NO_SHOW: 'No-show' })) as MessageCatalogue;
    expect(missingMessages(fromJson)).toEqual([...findingCodes]);
    const { NO_SHOW: _dropped, ...partial } = spanish;
    expect(missingMessages(partial)).toEqual(['NO_SHOW']);
    expect(missingMessages(null)).toEqual([...findingCodes]);
  });

  it('the scenarios of this file reach almost every code', () => {
    const reached = new Set(REAL.map((f) => f.code));
    const unreached = findingCodes.filter((c) => !reached.has(c));
    expect(unreached.sort()).toEqual(Object.keys(realistic).sort());
  });

  const byCode = new Map<FindingCode, Finding[]>();
  for (const f of REAL) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);

  for (const code of findingCodes) {
    it(`${code}: a non-empty string in both locales, for empty and for realistic params`, () => {
      for (const catalogue of [english, spanish]) {
        const empty = catalogue[code]({});
        expect(typeof empty).toBe('string');
        expect(empty.trim()).not.toBe('');
      }
      const samples: { params: Record<string, string | number>; severity: Finding['severity'] }[] = (byCode.get(code) ?? []).map((f) => ({
        params: f.params ?? {},
        severity: f.severity,
      }));
      for (const params of realistic[code] ?? []) samples.push({ params, severity: 'error' });
      expect(samples.length).toBeGreaterThan(0);
      for (const { params, severity } of samples) {
        const en = english[code]({ ...params, severity });
        const es = spanish[code]({ ...params, severity });
        for (const text of [en, es]) {
          expect(text.trim()).not.toBe('');
          expect(text).not.toMatch(/undefined|NaN|\[object/);
          // Every param a message uses is there: no placeholder left.
          expect(text).not.toMatch(PLACEHOLDER);
        }
        // Translated, not copied.
        expect(es).not.toBe(en);
      }
    });
  }
});

describe('real findings', () => {
  it("formatFinding(f) and formatFinding(f, 'en') are each finding's own message", () => {
    for (const f of REAL) {
      expect(formatFinding(f)).toBe(f.message);
      expect(formatFinding(f, 'en')).toBe(f.message);
    }
  });

  it('render in Spanish from their params alone', () => {
    for (const f of REAL) {
      const es = formatFinding(f, 'es');
      expect(es).not.toBe(f.message);
      expect(es).not.toMatch(PLACEHOLDER);
      // The dates a finding carries appear in its Spanish message.
      for (const key of ['date', 'anchorDate', 'until', 'since', 'closedOn', 'earliestDate', 'bookedDate']) {
        const value = f.params?.[key];
        if (
          typeof value === 'string' &&
          /^\d{4}-\d{2}-\d{2}$/.test(value) &&
          english[f.code]({ ...f.params, severity: f.severity }).includes(value)
        ) {
          expect(es).toContain(value);
        }
      }
    }
  });

  it('a spacing refusal in Spanish, with its dates', () => {
    const plan = applyAll(newPlan({ createdAt: '2026-03-02T09:00:00Z' }), [
      { id: 'b1', type: 'sessionBooked', at: '2026-03-02T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' },
      { id: 'c1', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1 },
    ]);
    const out = applyEvent(
      plan,
      { id: 'b2', type: 'sessionBooked', at: '2026-03-24T09:00:00Z', session: 2, start: '2026-03-29T10:00:00+01:00' },
      { protocol },
    );
    expect(out.ok).toBe(false);
    const [f] = out.findings;
    if (f === undefined) throw new Error('expected a refusal');
    expect(f.message).toBe(
      'Session 2 on 2026-03-29 would be 6 days after session 1 (2026-03-23); the protocol needs at least 7 days for the skin to heal.',
    );
    expect(formatFinding(f, 'es')).toBe(
      'La sesión 2 del 2026-03-29 sería 6 días después de la sesión 1 (2026-03-23); el protocolo exige al menos 7 días para que la piel cicatrice.',
    );
  });

  it('a screening refusal in Spanish, with its date and the condition in Spanish', () => {
    const s = mustOk(
      screen(
        { dateOfBirth: '1990-05-14', isotretinoin: { lastDose: '2025-08-31' } },
        { protocol, asOf: '2026-01-15T10:00:00Z', timeZone: 'Europe/London' },
      ),
    );
    const [deferral] = s.findings;
    if (deferral === undefined) throw new Error('expected a deferral');
    expect(formatFinding(deferral, 'es')).toBe('El tratamiento se aplaza hasta el 2026-03-01: isotretinoína reciente.');
    const plan = mustOk(
      createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'Europe/London', createdAt: '2026-01-15T10:00:00Z', screening: s }),
    );
    const out = applyEvent(
      plan,
      { id: 'b1', type: 'sessionBooked', at: '2026-01-15T10:00:00Z', session: 1, start: '2026-02-28T10:00:00Z' },
      { protocol },
    );
    const [f] = out.findings;
    if (f === undefined) throw new Error('expected a refusal');
    expect(f.severity).toBe('error');
    expect(formatFinding(f, 'es')).toBe(
      'La sesión 1 no puede ser el 2026-02-28: el tratamiento se aplaza hasta el 2026-03-01 (isotretinoína reciente).',
    );
  });

  it('names every screening condition and every zone in Spanish, never by its key', () => {
    for (const condition of screeningConditions) {
      const es = spanish.SCREENING_DEFERRED({ condition, reason: 'English reason' });
      expect(es).not.toContain(condition);
      expect(es).not.toContain('English reason');
    }
    for (const zone of scalpZones) expect(spanish.ZONE_NOT_TREATED({ zone })).not.toContain(`«${zone}»`);
  });
});

describe('a vendor catalogue', () => {
  const finding: Finding = {
    code: 'LATE_CANCELLATION',
    severity: 'warning',
    session: 1,
    message: 'Session 1 was cancelled 47.5 hours before its start (2026-03-23T10:00:00Z), inside the 48-hour notice period.',
    params: { session: 1, start: '2026-03-23T10:00:00Z', hoursBeforeStart: 47.5, noticeHours: 48 },
  };

  it('is used for every code it renders', () => {
    const vendor: MessageCatalogue = {
      ...spanish,
      LATE_CANCELLATION: (p) =>
        `Cancelación tardía de la sesión ${p.session}: se cobra el depósito (${p.hoursBeforeStart} h < ${p.noticeHours} h).`,
    };
    expect(missingMessages(vendor)).toEqual([]);
    expect(formatFinding(finding, vendor)).toBe('Cancelación tardía de la sesión 1: se cobra el depósito (47.5 h < 48 h).');
    // The codes it does not override render as the catalogue it spread.
    for (const f of REAL.filter((x) => x.code !== 'LATE_CANCELLATION')) expect(formatFinding(f, vendor)).toBe(formatFinding(f, 'es'));
  });

  it('a complete catalogue of its own, built from the list of codes', () => {
    const shouty = Object.fromEntries(
      findingCodes.map((c) => [c, (p: Record<string, string | number>) => `${c}(${Object.keys(p).sort().join(',')})`]),
    ) as MessageCatalogue;
    expect(missingMessages(shouty)).toEqual([]);
    expect(formatFinding(finding, shouty)).toBe('LATE_CANCELLATION(hoursBeforeStart,noticeHours,session,severity,start)');
  });

  it("falls back to the finding's English message when a cast catalogue lacks the code", () => {
    const partial = JSON.parse('{}') as MessageCatalogue;
    expect(formatFinding(finding, partial)).toBe(finding.message);
    expect(formatFinding(finding, null as never)).toBe(finding.message);
  });

  it('never throws, even for something that is not a finding', () => {
    for (const junk of [undefined, null, 42, 'NO_SHOW', {}, { code: 'NO_SHOW' }]) {
      expect(() => formatFinding(junk as never, 'es')).not.toThrow();
      expect(typeof formatFinding(junk as never, 'es')).toBe('string');
    }
  });
});
