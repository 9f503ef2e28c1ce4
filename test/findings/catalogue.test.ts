import { describe, expect, it } from 'vitest';
import { english, findingCodes, formatFinding, spanish, type Finding, type FindingCode, type MessageCatalogue } from 'smp-protocol';

/** Realistic params for each code: what the library itself puts in them. */
const realistic: Partial<Record<FindingCode, Record<string, string | number>>> = {
  INVALID_INPUT: { path: 'sessions[1].gaps[0].minimumDays', detail: 'must be at least 0.' },
  INVALID_TIME_ZONE: { path: 'timeZone', value: 'Mars/Olympus' },
  INVALID_INSTANT: { path: 'createdAt', value: '2026-01-05T09:00:00', problem: 'offset' },
  NONEXISTENT_LOCAL_TIME: { value: '2026-03-29T01:30', timeZone: 'Europe/London' },
  UNKNOWN_SESSION: { session: 4, sessions: 3 },
  SESSION_OUT_OF_ORDER: { session: 2, previousSession: 1, previousState: 'pending', rule: 'previousBooked' },
  SPACING_TOO_SOON: {
    session: 2,
    date: '2026-03-27',
    anchorSession: 1,
    anchorDate: '2026-03-23',
    days: 4,
    absoluteMinimumDays: 5,
    minimumDays: 7,
    kind: 'booking',
  },
  SPACING_BELOW_MINIMUM: {
    session: 2,
    date: '2026-03-29',
    anchorSession: 1,
    anchorDate: '2026-03-23',
    days: 6,
    minimumDays: 7,
    kind: 'booking',
  },
  SPACING_GRACE: {
    session: 2,
    date: '2026-03-29',
    anchorSession: 1,
    anchorDate: '2026-03-23',
    days: 6,
    minimumDays: 7,
    absoluteMinimumDays: 5,
    kind: 'completed',
  },
  SPACING_EARLY: {
    session: 2,
    date: '2026-03-30',
    anchorSession: 1,
    anchorDate: '2026-03-23',
    days: 7,
    earliestRecommendedDays: 10,
    recommendedDate: '2026-04-02',
    kind: 'booking',
  },
  SPACING_LATE: {
    session: 2,
    date: '2026-04-08',
    anchorSession: 1,
    anchorDate: '2026-03-23',
    days: 16,
    latestRecommendedDays: 14,
    pastDueDate: '2026-04-07',
    kind: 'completed',
  },
  SPACING_LAPSED: {
    session: 2,
    date: '2026-04-30',
    anchorSession: 1,
    anchorDate: '2026-03-23',
    days: 38,
    maximumDays: 30,
    latestDate: '2026-04-22',
    kind: 'booking',
  },
  DOWNSTREAM_CONFLICT: {
    session: 2,
    changedSession: 1,
    bookedDate: '2026-01-22',
    reason: 'spacing',
    days: 5,
    minimumDays: 7,
    anchorDate: '2026-01-17',
    earliestDate: '2026-01-24',
  },
  BOOKING_IN_PAST: { session: 1, start: '2026-01-12T10:00:00+00:00', at: '2026-01-12T10:01:00+00:00' },
  BOOKING_OVERLAP: {
    session: 2,
    start: '2026-01-12T13:00:00+00:00',
    end: '2026-01-12T16:00:00+00:00',
    otherSession: 1,
    otherStart: '2026-01-12T10:00:00Z',
    otherEnd: '2026-01-12T14:00:00+00:00',
  },
  COMPLETION_IN_FUTURE: { session: 1, field: 'start', value: '2026-01-12T10:00:00Z', at: '2026-01-12T09:00:00+00:00' },
  PLAN_ON_HOLD: { reason: 'adverse reaction', since: '2026-01-06' },
  PLAN_CLOSED: { reason: 'moved away', closedOn: '2026-01-06' },
  PLAN_COMPLETED: {},
  MAX_SESSIONS_REACHED: { max: 1, extras: 1 },
  LATE_CANCELLATION: { session: 1, start: '2026-01-12T10:00:00Z', hoursBeforeStart: 47.5, noticeHours: 48 },
  NO_SHOW: { session: 1, start: '2026-01-12T10:00:00Z', count: 1 },
  DUPLICATE_EVENT: { eventId: 'b1' },
  EVENT_ID_REUSED: { eventId: 'b1' },
  VERSION_CONFLICT: { expected: 0, actual: 1 },
  PROTOCOL_MISMATCH: { planProtocol: 'standard', planVersion: 1, protocol: 'scar-camouflage', version: 1 },
  UNSUPPORTED_SCHEMA_VERSION: { found: 2, supported: 1 },
  SESSION_ALREADY_BOOKED: { session: 1, start: '2026-01-12T10:00:00Z' },
  SESSION_NOT_BOOKED: { session: 1, state: 'pending' },
  SESSION_ALREADY_COMPLETED: { session: 1 },
  PLAN_NOT_ON_HOLD: { status: 'active' },
  MISSED_BEFORE_START: { session: 1, start: '2026-01-12T10:00:00Z', at: '2026-01-12T09:59:00+00:00' },
  NO_SHOW_LIMIT_REACHED: { count: 2, max: 2 },
  SCREENING_DEFERRED: { reason: 'a recent hair transplant', until: '2026-07-01' },
  SCREENING_CLEARANCE_REQUIRED: { reason: 'prescribed anticoagulants' },
  SCREENING_INELIGIBLE: { reason: 'the client is not eligible' },
  NO_SLOT_AVAILABLE: { session: 2, from: '2026-01-19', until: '2026-04-19', durationMinutes: 180 },
  INTERNAL_ERROR: { detail: 'Error: boom' },
};

describe('the English catalogue', () => {
  it('lists every code once, in SCREAMING_SNAKE case', () => {
    expect(new Set(findingCodes).size).toBe(findingCodes.length);
    for (const code of findingCodes) expect(code).toMatch(/^[A-Z]+(?:_[A-Z]+)*$/);
  });

  it('contains at least every code of docs/design.md', () => {
    const design = [
      'INVALID_INPUT',
      'INVALID_TIME_ZONE',
      'INVALID_INSTANT',
      'NONEXISTENT_LOCAL_TIME',
      'UNKNOWN_SESSION',
      'SESSION_OUT_OF_ORDER',
      'SPACING_TOO_SOON',
      'SPACING_BELOW_MINIMUM',
      'SPACING_GRACE',
      'SPACING_EARLY',
      'SPACING_LATE',
      'SPACING_LAPSED',
      'DOWNSTREAM_CONFLICT',
      'BOOKING_IN_PAST',
      'BOOKING_OVERLAP',
      'COMPLETION_IN_FUTURE',
      'PLAN_ON_HOLD',
      'PLAN_CLOSED',
      'PLAN_COMPLETED',
      'MAX_SESSIONS_REACHED',
      'LATE_CANCELLATION',
      'NO_SHOW',
      'DUPLICATE_EVENT',
      'EVENT_ID_REUSED',
      'VERSION_CONFLICT',
      'PROTOCOL_MISMATCH',
      'UNSUPPORTED_SCHEMA_VERSION',
      'SESSION_ALREADY_BOOKED',
      'SESSION_NOT_BOOKED',
      'SESSION_ALREADY_COMPLETED',
      'PLAN_NOT_ON_HOLD',
      'MISSED_BEFORE_START',
      'NO_SHOW_LIMIT_REACHED',
      'SCREENING_DEFERRED',
      'SCREENING_CLEARANCE_REQUIRED',
      'SCREENING_INELIGIBLE',
      'NO_SLOT_AVAILABLE',
    ];
    for (const code of design) expect(findingCodes).toContain(code);
  });

  it('has exactly one message function per code, and nothing else', () => {
    expect(Object.keys(english).sort()).toEqual([...findingCodes].sort());
    for (const code of findingCodes) expect(typeof english[code]).toBe('function');
  });

  for (const code of findingCodes) {
    it(`renders ${code} as a non-empty sentence for empty and for realistic params`, () => {
      const empty = english[code]({});
      expect(typeof empty).toBe('string');
      expect(empty.trim().length).toBeGreaterThan(0);
      const params = realistic[code] ?? {};
      const full = english[code](params);
      expect(full.trim().length).toBeGreaterThan(0);
      // With the params a message needs, no placeholder is left unfilled.
      if (realistic[code] !== undefined) {
        expect(full).not.toContain('undefined');
        expect(full).not.toContain('?');
      }
    });
  }

  it('renders the messages callers see for the docs/design.md example and a few others exactly', () => {
    expect(english.SPACING_BELOW_MINIMUM(realistic.SPACING_BELOW_MINIMUM ?? {})).toBe(
      'Session 2 on 2026-03-29 would be 6 days after session 1 (2026-03-23); the protocol needs at least 7 days for the skin to heal.',
    );
    expect(english.LATE_CANCELLATION(realistic.LATE_CANCELLATION ?? {})).toBe(
      'Session 1 was cancelled 47.5 hours before its start (2026-01-12T10:00:00Z), inside the 48-hour notice period.',
    );
    expect(english.MAX_SESSIONS_REACHED({ max: 2, extras: 2 })).toBe(
      'The protocol allows at most 2 extra sessions, and the plan already has 2.',
    );
    expect(english.SPACING_EARLY({ ...realistic.SPACING_EARLY, days: 1 })).toContain('would be 1 day after session 1');
  });

  it('renders placeholders for missing params instead of throwing', () => {
    expect(english.UNKNOWN_SESSION({})).toBe('Session ? is not in this plan, which has sessions 1 to ?.');
    expect(english.INVALID_INPUT({})).toBe('The input: is not valid.');
    expect(spanish.INVALID_INPUT({})).toBe('La entrada: no es un dato válido.');
  });
});

describe('the Spanish catalogue', () => {
  it('has a message function for every code', () => {
    expect(Object.keys(spanish).sort()).toEqual([...findingCodes].sort());
  });

  for (const code of findingCodes) {
    it(`renders ${code} in Spanish as a non-empty sentence, for empty and realistic params`, () => {
      expect(spanish[code]({}).trim().length).toBeGreaterThan(0);
      expect(spanish[code](realistic[code] ?? {}).trim().length).toBeGreaterThan(0);
    });
  }
});

describe('formatFinding', () => {
  const finding: Finding = {
    code: 'NO_SHOW',
    severity: 'warning',
    session: 2,
    message: 'The client did not attend session 2 (2026-04-02T10:00:00+01:00); no-shows so far: 1.',
    params: { session: 2, start: '2026-04-02T10:00:00+01:00', count: 1 },
  };

  it('renders English by default and with "en", equal to the finding message', () => {
    expect(formatFinding(finding)).toBe(finding.message);
    expect(formatFinding(finding, 'en')).toBe(finding.message);
  });

  it('renders "es" from the Spanish catalogue, not the English message', () => {
    const es = formatFinding(finding, 'es');
    expect(es).toBe(spanish.NO_SHOW({ ...(finding.params ?? {}), severity: 'warning' }));
    expect(es).not.toBe(finding.message);
    expect(es).toContain('2');
  });

  it('renders with a custom catalogue from the finding params', () => {
    const terse: MessageCatalogue = { ...english, NO_SHOW: (p) => `No-show #${p.count} (session ${p.session})` };
    expect(formatFinding(finding, terse)).toBe('No-show #1 (session 2)');
    // Other codes still use what the catalogue gives them.
    expect(formatFinding({ code: 'PLAN_COMPLETED', severity: 'error', message: '' }, terse)).toBe(
      'The plan is completed: every session has been done. Add an extra session to reopen it.',
    );
  });

  it('passes the severity to the renderer (PLAN_ON_HOLD reads differently as a warning)', () => {
    const params = { reason: 'adverse reaction', since: '2026-01-06' };
    expect(formatFinding({ code: 'PLAN_ON_HOLD', severity: 'warning', message: '', params })).toBe(
      'The plan is on hold (adverse reaction); the session was recorded anyway because it happened.',
    );
    expect(formatFinding({ code: 'PLAN_ON_HOLD', severity: 'error', message: '', params })).toBe(
      'The plan is on hold since 2026-01-06 (adverse reaction); resume it before booking or changing sessions.',
    );
  });

  it('falls back to the finding message when a custom renderer throws or is missing', () => {
    const broken = {
      ...english,
      NO_SHOW: () => {
        throw new Error('bad translation');
      },
    } satisfies MessageCatalogue;
    expect(formatFinding(finding, broken)).toBe(finding.message);
    const partial = { ...english } as Record<string, unknown>;
    delete partial.NO_SHOW;
    expect(formatFinding(finding, partial as MessageCatalogue)).toBe(finding.message);
  });
});
