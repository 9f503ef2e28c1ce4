import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  createPlan,
  defineProtocol,
  english,
  formatFinding,
  parsePlan,
  replay,
  screen,
  spanish,
  standardProtocol,
  toInstant,
  type Finding,
} from 'smp-protocol';
import { applyAll, mustFail, newPlan } from '../support/plans.js';

const protocol = standardProtocol;

describe('toInstant: the message says what was wrong and shows a valid example, never the refused value', () => {
  it('an instant with an offset where a local date-time is expected', () => {
    const [f] = mustFail(toInstant('2026-03-23T10:00:00+00:00', 'Europe/London'));
    expect(f).toMatchObject({
      code: 'INVALID_INSTANT',
      path: ['localDateTime'],
      params: { problem: 'hasOffset', expected: 'localDateTime', value: '2026-03-23T10:00:00+00:00' },
    });
    expect(f?.message).toBe(
      'localDateTime: "2026-03-23T10:00:00+00:00" is not a valid local date-time: it has an offset, but a local wall-clock time without one is expected, such as "2026-03-23T10:00" (the time zone gives the offset).',
    );
    expect(formatFinding(f as Finding, 'es')).toBe(
      'localDateTime: "2026-03-23T10:00:00+00:00" no es una fecha y hora local válida: tiene desplazamiento horario, pero se espera una hora local sin él, como "2026-03-23T10:00" (la zona horaria da el desplazamiento).',
    );
  });

  it('the same for Z and for offsets without a colon', () => {
    for (const [value, example] of [
      ['2026-03-23T10:00Z', '2026-03-23T10:00'],
      ['2026-07-01T09:30:00+0100', '2026-07-01T09:30'],
    ] as const) {
      const [f] = mustFail(toInstant(value, 'Europe/London'));
      expect(f?.params).toMatchObject({ problem: 'hasOffset' });
      expect(f?.message).toContain(`such as "${example}"`);
      expect(f?.message).not.toContain(`such as "${value}"`);
    }
  });

  it('something that is not a date-time at all names the expected form', () => {
    const [f] = mustFail(toInstant('next tuesday', 'Europe/London'));
    expect(f?.message).toBe(
      'localDateTime: "next tuesday" is not a valid local date-time: a local wall-clock time in the form YYYY-MM-DDTHH:mm (seconds optional, no offset) is expected, such as "2026-03-23T10:00".',
    );
  });

  it('a date or a time that does not exist says so, as a local date-time (not "instant")', () => {
    expect(mustFail(toInstant('2026-02-30T10:00', 'UTC'))[0]?.message).toBe(
      'localDateTime: "2026-02-30T10:00" is not a valid local date-time: that calendar date does not exist.',
    );
    expect(mustFail(toInstant('2026-03-23T24:00', 'UTC'))[0]?.message).toBe(
      'localDateTime: "2026-03-23T24:00" is not a valid local date-time: that time of day does not exist (hours 00 to 23, minutes and seconds 00 to 59).',
    );
  });

  it('an instant field without an offset still asks for one (the message for instants is unchanged)', () => {
    const [f] = mustFail(createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: '2026-01-05T09:00:00' }));
    expect(f?.message).toBe(
      'createdAt: "2026-01-05T09:00:00" is not a valid instant: it has no offset, so it does not name one instant; add "Z" or an offset such as "+01:00".',
    );
  });
});

describe('messages fixed in review', () => {
  it('SESSION_ALREADY_BOOKED shows the local date when the finding carries one', () => {
    const p = { session: 1, start: '2026-03-23T23:30:00-05:00', date: '2026-03-23' };
    expect(english.SESSION_ALREADY_BOOKED(p)).toBe('Session 1 is already booked for 2026-03-23; reschedule it instead.');
    expect(spanish.SESSION_ALREADY_BOOKED(p)).toBe('La sesión 1 ya está reservada para el 2026-03-23; cámbiela de fecha.');
  });

  it('SCREENING_DEFERRED for a refused booking names the refused date and the earliest start', () => {
    const s = screen(
      { dateOfBirth: '1990-05-14', isotretinoin: { lastDose: '2025-08-31' } },
      { protocol, asOf: '2026-01-15T10:00:00Z', timeZone: 'UTC' },
    );
    if (!s.ok) throw new Error('screening refused');
    const plan = createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: '2026-01-15T10:00:00Z', screening: s.value });
    if (!plan.ok) throw new Error('plan refused');
    const [f] = mustFail(
      applyEvent(
        plan.value,
        { id: 'b', type: 'sessionBooked', at: '2026-01-15T10:00:00Z', session: 1, start: '2026-02-28T10:00:00Z' },
        { protocol },
      ),
    );
    expect(f?.message).toBe('Session 1 cannot be on 2026-02-28: treatment is deferred until 2026-03-01 (recent isotretinoin).');
  });

  it('SPACING_LAPSED says what its date is', () => {
    const plan = applyAll(newPlan({ createdAt: '2026-01-05T09:00:00Z' }), [
      { id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:00:00Z', session: 1, start: '2026-01-12T10:00:00Z' },
    ]);
    const out = applyEvent(
      plan,
      { id: 'b2', type: 'sessionBooked', at: '2026-01-05T09:00:00Z', session: 2, start: '2026-03-03T10:00:00Z' },
      { protocol },
    );
    const lapsed = out.findings.find((f) => f.code === 'SPACING_LAPSED');
    expect(lapsed?.message).toBe(
      "Session 2 on 2026-03-03 would be 50 days after session 1 (2026-01-12): more than the protocol's maximum of 30 days (the latest date was 2026-02-11); re-assess the client before going on.",
    );
  });

  it('VERSION_CONFLICT names the attempts when a bounded retry gave up', () => {
    expect(english.VERSION_CONFLICT({ expected: 3, actual: 5, attempts: 3 })).toBe(
      'The plan is at version 5, not the expected 3, after 3 attempts: others keep changing it; reload and try again.',
    );
    expect(spanish.VERSION_CONFLICT({ expected: 3, actual: 5, attempts: 3 })).toContain('tras 3 intentos');
  });

  it('PROTOCOL_MISMATCH without a single protocol given names the ones offered', () => {
    expect(english.PROTOCOL_MISMATCH({ planProtocol: 'standard', planVersion: 2, offered: 'standard v1, scar-camouflage v1' })).toBe(
      'The plan follows protocol standard version 2, which is not among the protocols given (standard v1, scar-camouflage v1).',
    );
    expect(spanish.PROTOCOL_MISMATCH({ planProtocol: 'standard', planVersion: 2 })).toBe(
      'El plan sigue el protocolo standard versión 2, que no está entre los protocolos indicados (ninguno).',
    );
  });

  it('INVALID_INPUT names a whole number, not zod\'s "int" or "record"', () => {
    const stored = JSON.parse(JSON.stringify(newPlan())) as Record<string, unknown>;
    expect(mustFail(parsePlan({ ...stored, version: 1.5 }))[0]?.message).toBe('version: expected a whole number, received a number.');
    expect(mustFail(parsePlan({ ...stored, metadata: [1] }))[0]?.message).toBe('metadata: expected object, received an array.');
  });
});

describe('INVALID_INPUT in Spanish: worded from structured params, no English detail', () => {
  const english_words =
    /\b(expected|received|must|required|items?|characters?|too long|too many|unknown field|whole number|is not|nested|object with|an array|a string|a number|nothing)\b/i;

  function samples(): Finding[] {
    const stored = JSON.parse(JSON.stringify(newPlan())) as Record<string, unknown>;
    const out: Finding[] = [];
    const add = (o: { findings: readonly Finding[] }): void => {
      out.push(...o.findings.filter((f) => f.code === 'INVALID_INPUT'));
    };
    add(parsePlan(null)); // not an object
    add(parsePlan({ ...stored, id: 42 })); // wrong type
    add(parsePlan({ ...stored, clientId: undefined })); // missing field
    add(parsePlan({ ...stored, colour: 'blue', size: 1 })); // unknown keys
    add(parsePlan({ ...stored, id: 'x'.repeat(300) })); // too long
    add(parsePlan({ ...stored, version: 1.5 })); // not a whole number
    add(parsePlan({ ...stored, metadata: { deep: JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`) as unknown } })); // too deep
    add(parsePlan({ ...stored, history: new Array(60_000).fill({}) })); // too many (limits)
    add(defineProtocol({ ...protocol, sessions: new Array(21).fill(protocol.sessions[0]) })); // too many (schema)
    add(defineProtocol({ ...protocol, name: '' })); // empty
    add(defineProtocol({ ...protocol, sessions: protocol.sessions.map((s, i) => (i === 0 ? { ...s, number: 2 } : s)) })); // numbering
    add(applyEvent(newPlan(), { id: 'e', type: 'sessionBook', at: '2026-01-05T09:00:00Z', session: 1 } as unknown, { protocol })); // unknown type
    add(applyEvent(newPlan(), { id: 'e', type: 'sessionCompleted', at: '2026-01-05T09:00:00Z', session: 1 }, { protocol })); // start required
    add(replay(newPlan(), 'nope' as unknown as unknown[], { protocol })); // an array of events
    add(applyEvent(newPlan(), { id: 'e', type: 'planResumed', at: '2026-01-05T09:00:00Z' }, null as never)); // options
    add(
      createPlan({
        id: 'p',
        clientId: 'c',
        protocol,
        timeZone: 'UTC',
        createdAt: '2026-01-05T09:00:00Z',
        metadata: { __proto__: null, x: Number.NaN },
      }),
    );
    add(screen({ dateOfBirth: '1990-02-30' }, { protocol, asOf: '2026-01-05T09:00:00Z', timeZone: 'UTC' })); // local date
    return out;
  }

  it('a sample of refusals of every kind: each Spanish message is free of English detail words', () => {
    const findings = samples();
    expect(findings.length).toBeGreaterThanOrEqual(16);
    const problems = new Set(findings.map((f) => f.params?.problem));
    for (const p of [
      'type',
      'required',
      'unknownKeys',
      'tooBig',
      'tooSmall',
      'tooDeep',
      'tooMany',
      'sessionNumber',
      'startRequired',
      'notFinite',
      'localDate',
    ]) {
      expect(problems, p).toContain(p);
    }
    for (const f of findings) {
      const es = formatFinding(f, 'es');
      const path = typeof f.params?.path === 'string' ? f.params.path : '';
      const withoutData = es.replace(path, '').replace(/"[^"]*"/g, '');
      expect(withoutData, `${f.params?.problem}: ${es}`).not.toMatch(english_words);
      expect(es).not.toContain(String(f.params?.detail));
    }
  });

  it('words expected, received and the limit', () => {
    const [wrong] = mustFail(parsePlan({ ...(JSON.parse(JSON.stringify(newPlan())) as object), id: 42 }));
    expect(wrong?.params).toMatchObject({ path: 'id', problem: 'type', expected: 'string', received: 'number' });
    expect(formatFinding(wrong as Finding, 'es')).toBe('id: se esperaba un texto y se recibió un número.');
    const [long] = mustFail(parsePlan({ ...(JSON.parse(JSON.stringify(newPlan())) as object), id: 'x'.repeat(300) }));
    expect(long?.params).toMatchObject({ problem: 'tooBig', of: 'string', limit: 256 });
    expect(formatFinding(long as Finding, 'es')).toBe('id: es demasiado largo (como máximo 256 caracteres).');
  });
});
