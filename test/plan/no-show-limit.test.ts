/**
 * No-shows and the protocol's limit, exactly: with no limit the NO_SHOW finding has no `max` key;
 * a plan already on hold when the limit is reached keeps its own hold and gets no second finding.
 * And completing a session twice is SESSION_ALREADY_COMPLETED.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, createPlan, defineProtocol, standardProtocol, type Plan, type Protocol } from 'smp-protocol';
import { applyAll, mustFail, mustOk } from '../support/plans.js';

const strict = mustOk(
  defineProtocol({
    ...(JSON.parse(JSON.stringify(standardProtocol)) as Protocol),
    id: 'strict',
    policy: { cancellationNoticeHours: 48, maxNoShows: 1 },
  }),
);
const fresh = (protocol: Protocol): Plan =>
  mustOk(createPlan({ id: 'p', clientId: 'c', protocol, timeZone: 'UTC', createdAt: '2026-01-05T09:00:00Z' }));
const BOOK1 = { id: 'b1', type: 'sessionBooked', at: '2026-01-05T09:05:00Z', session: 1, start: '2026-01-12T10:00:00Z' } as const;
const MISS1 = { id: 'm1', type: 'sessionMissed', at: '2026-01-12T11:00:00Z', session: 1 } as const;

describe('NO_SHOW and the limit', () => {
  it('with no limit: NO_SHOW with the session, start and count, and no max key', () => {
    const out = applyEvent(applyAll(fresh(standardProtocol), [BOOK1]), MISS1, { protocol: standardProtocol });
    expect(mustOk(out).status).toBe('draft');
    expect(out.findings).toStrictEqual([
      {
        code: 'NO_SHOW',
        severity: 'warning',
        message: 'The client did not attend session 1 (2026-01-12T10:00:00Z); no-shows so far: 1.',
        session: 1,
        params: { session: 1, start: '2026-01-12T10:00:00Z', count: 1 },
      },
    ]);
  });

  it('reaching the limit on a plan already on hold: its own hold stays, no NO_SHOW_LIMIT_REACHED', () => {
    const paused = applyAll(fresh(strict), [BOOK1, { id: 'h1', type: 'planPaused', at: '2026-01-06T09:05:00Z', reason: 'travel' }], strict);
    const out = applyEvent(paused, MISS1, { protocol: strict });
    expect(mustOk(out).hold).toEqual({ reason: 'travel', since: '2026-01-06T09:05:00Z' });
    expect(out.findings.map((f) => [f.code, f.params])).toEqual([
      ['NO_SHOW', { session: 1, start: '2026-01-12T10:00:00Z', count: 1, max: 1 }],
    ]);
  });

  it('reaching the limit on an active plan: the no-show hold and NO_SHOW_LIMIT_REACHED', () => {
    const out = applyEvent(applyAll(fresh(strict), [BOOK1], strict), MISS1, { protocol: strict });
    expect(mustOk(out).hold).toEqual({ reason: 'no-show limit reached', since: '2026-01-12T11:00:00Z' });
    expect(out.findings.map((f) => [f.code, f.params])).toEqual([
      ['NO_SHOW', { session: 1, start: '2026-01-12T10:00:00Z', count: 1, max: 1 }],
      ['NO_SHOW_LIMIT_REACHED', { count: 1, max: 1 }],
    ]);
  });
});

describe('completing a session twice', () => {
  it('is SESSION_ALREADY_COMPLETED for that session', () => {
    const done = applyAll(fresh(standardProtocol), [
      { id: 'd1', type: 'sessionCompleted', at: '2026-01-13T15:00:00Z', session: 1, start: '2026-01-13T10:00:00Z' },
    ]);
    const again = { id: 'd2', type: 'sessionCompleted', at: '2026-01-13T16:00:00Z', session: 1, start: '2026-01-13T10:00:00Z' };
    expect(mustFail(applyEvent(done, again, { protocol: standardProtocol }))).toStrictEqual([
      {
        code: 'SESSION_ALREADY_COMPLETED',
        severity: 'error',
        message: 'Session 1 is already completed.',
        session: 1,
        params: { session: 1 },
      },
    ]);
  });
});
