/**
 * A stored plan that contradicts itself is refused with a structured problem per contradiction
 * (planVersion, bookingMissing, completionMissing, unexpectedCompletion, unexpectedBooking,
 * planStatus) and a message that says "is inconsistent" once, in English and Spanish.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, createPlan, formatFinding, parsePlan, standardProtocol, type Finding, type Outcome, type Plan } from 'smp-protocol';
import { mustFail, mustOk } from '../support/plans.js';

const parseAny = parsePlan as (input: unknown) => Outcome<Plan>;
const protocol = standardProtocol;

function fresh(): Record<string, unknown> {
  const plan = mustOk(createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: '2026-01-01T00:00:00Z' }));
  return JSON.parse(JSON.stringify(plan)) as Record<string, unknown>;
}

function booked(): Record<string, unknown> {
  const plan = mustOk(createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: '2026-01-01T00:00:00Z' }));
  const next = mustOk(
    applyEvent(
      plan,
      { id: 'b1', type: 'sessionBooked', at: '2026-01-02T09:00:00Z', session: 1, start: '2026-01-10T10:00:00Z' },
      { protocol },
    ),
  );
  return JSON.parse(JSON.stringify(next)) as Record<string, unknown>;
}

type Row = Record<string, unknown>;
const sessions = (plan: Row): Row[] => plan.sessions as Row[];

function only(input: unknown): Finding {
  const findings = mustFail(parseAny(input));
  expect(findings).toHaveLength(1);
  return findings[0] as Finding;
}

describe('parsePlan words each contradiction once', () => {
  it('a version that is not the history length', () => {
    const plan = fresh();
    plan.version = 5;
    const f = only(plan);
    expect(f.path).toEqual(['version']);
    expect(f.params).toEqual({
      problem: 'planVersion',
      version: 5,
      length: 0,
      path: 'version',
      detail: 'is inconsistent: version 5 must equal the history length 0.',
    });
    expect(f.message).toBe('version: is inconsistent: version 5 must equal the history length 0.');
    expect(formatFinding(f)).toBe(f.message);
    expect(formatFinding(f, 'es')).toBe('version: es incoherente: la versión 5 debe ser igual a la longitud del historial, 0.');
  });

  it('a status the sessions, hold and closure do not give', () => {
    const plan = fresh();
    plan.status = 'completed';
    const f = only(plan);
    expect(f.path).toEqual(['status']);
    expect(f.params).toMatchObject({ problem: 'planStatus', status: 'completed', expected: 'draft' });
    expect(f.message).toBe('status: is inconsistent: status "completed" does not match the sessions, hold and closure (expected "draft").');
    expect(formatFinding(f)).toBe(f.message);
    expect(formatFinding(f, 'es')).toBe(
      'status: es incoherente: el estado "completed" no corresponde a las sesiones, la pausa y el cierre (se esperaba "draft").',
    );
  });

  it('a booked session without its booking', () => {
    const plan = booked();
    delete sessions(plan)[0]?.booking;
    const f = only(plan);
    expect(f.path).toEqual(['sessions', 0, 'booking']);
    expect(f.params).toMatchObject({ problem: 'bookingMissing' });
    expect(f.message).toBe('sessions[0].booking: is inconsistent: a booked session needs its booking.');
    expect(formatFinding(f, 'es')).toBe('sessions[0].booking: es incoherente: una sesión reservada necesita su reserva.');
  });

  it('a pending session with a booking', () => {
    const plan = booked();
    const first = sessions(plan)[0] as Row;
    first.state = 'pending';
    plan.status = 'draft';
    const f = only(plan);
    expect(f.path).toEqual(['sessions', 0, 'booking']);
    expect(f.params).toMatchObject({ problem: 'unexpectedBooking' });
    expect(f.message).toBe('sessions[0].booking: is inconsistent: a pending session has no booking.');
  });

  it('a completed session without its completion, and a booked one with a completion', () => {
    const plan = booked();
    const first = sessions(plan)[0] as Row;
    first.state = 'completed';
    plan.status = 'active';
    const f = mustFail(parseAny(plan)).find((x) => x.params?.problem === 'completionMissing');
    expect(f?.path).toEqual(['sessions', 0, 'completed']);
    expect(f?.message).toBe('sessions[0].completed: is inconsistent: a completed session needs its completion.');

    const other = booked();
    const s = sessions(other)[0] as Row;
    s.completed = { start: '2026-01-10T10:00:00Z', end: '2026-01-10T14:00:00+00:00' };
    const g = mustFail(parseAny(other)).find((x) => x.params?.problem === 'unexpectedCompletion');
    expect(g?.path).toEqual(['sessions', 0, 'completed']);
    expect(g?.params).toMatchObject({ state: 'booked' });
    expect(g?.message).toBe('sessions[0].completed: is inconsistent: a booked session has no completion.');
  });
});
