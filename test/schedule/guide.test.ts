// The worked example of docs/scheduling.md, run as written, so that what the guide shows stays true.
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  createPlan,
  findSlots,
  parseAvailability,
  proposeReschedule,
  proposeSchedule,
  standardProtocol as protocol,
  type Plan,
} from 'smp-protocol';
import { mustOk } from '../support/plans.js';

const clinic = mustOk(
  parseAvailability({
    timeZone: 'Europe/London',
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
const asOf = '2026-03-23T11:00:00Z';

describe('docs/scheduling.md worked example: a London week across the clocks going forward', () => {
  it('shows the slots, the proposed course, the move and the refusals the guide prints', () => {
    let plan: Plan = mustOk(createPlan({ id: 'plan-0043', clientId: 'client-0043', protocol, timeZone: 'Europe/London', createdAt: asOf }));

    expect(mustOk(findSlots(plan, { protocol, availability: clinic, asOf, limit: 4 })).map((s) => [s.start, s.resource])).toEqual([
      ['2026-03-26T14:00:00+00:00', 'ana'],
      ['2026-03-27T14:00:00+00:00', 'ana'],
      ['2026-03-28T09:00:00+00:00', 'ana'],
      ['2026-03-28T09:30:00+00:00', 'ana'],
    ]);

    const proposal = mustOk(proposeSchedule(plan, { protocol, availability: clinic, asOf }));
    expect(proposal.sessions).toEqual([
      {
        session: 1,
        start: '2026-03-26T14:00:00+00:00',
        end: '2026-03-26T18:00:00+00:00',
        localDate: '2026-03-26',
        fit: 'onTime',
        resource: 'ana',
      },
      {
        session: 2,
        start: '2026-04-06T10:00:00+01:00',
        end: '2026-04-06T13:00:00+01:00',
        localDate: '2026-04-06',
        daysFromAnchor: 11,
        fit: 'onTime',
        resource: 'ana',
      },
      {
        session: 3,
        start: '2026-04-21T10:00:00+01:00',
        end: '2026-04-21T13:00:00+01:00',
        localDate: '2026-04-21',
        daysFromAnchor: 15,
        fit: 'onTime',
        resource: 'ana',
      },
    ]);
    expect(proposal.events.map((e) => e.id)).toEqual([
      'book:v0:s1:2026-03-26T14:00:00Z',
      'book:v0:s2:2026-04-06T09:00:00Z',
      'book:v0:s3:2026-04-21T09:00:00Z',
    ]);
    for (const e of proposal.events) plan = mustOk(applyEvent(plan, e, { protocol }));

    const moveAsOf = '2026-03-30T09:00:00+01:00';
    const move = mustOk(
      proposeReschedule(plan, { protocol, availability: clinic, asOf: moveAsOf, session: 2, start: '2026-04-16T10:00:00+01:00' }),
    );
    expect(move.events).toEqual([
      { id: 'move:v3:s3:2026-04-30T09:00:00Z', type: 'sessionRescheduled', at: moveAsOf, session: 3, start: '2026-04-30T10:00:00+01:00' },
      { id: 'move:v3:s2:2026-04-16T09:00:00Z', type: 'sessionRescheduled', at: moveAsOf, session: 2, start: '2026-04-16T10:00:00+01:00' },
    ]);
    expect(move.sessions.map((s) => [s.session, s.localDate, s.daysFromAnchor, s.fit])).toEqual([
      [2, '2026-04-16', 21, 'late'],
      [3, '2026-04-30', 14, 'onTime'],
    ]);

    const tooSoon = proposeReschedule(plan, {
      protocol,
      availability: clinic,
      asOf: moveAsOf,
      session: 2,
      start: '2026-04-01T10:00:00+01:00',
    });
    expect(tooSoon.findings.map((f) => `${f.code}: ${f.message}`)).toEqual([
      'SPACING_BELOW_MINIMUM: Session 2 on 2026-04-01 would be 6 days after session 1 (2026-03-26); the protocol needs at least 7 days for the skin to heal.',
    ]);
    const closed = proposeReschedule(plan, {
      protocol,
      availability: clinic,
      asOf: moveAsOf,
      session: 2,
      start: '2026-04-09T13:00:00+01:00',
    });
    expect(closed.findings.map((f) => `${f.code}: ${f.message}`)).toEqual([
      'NO_SLOT_AVAILABLE: The requested start 2026-04-09T13:00:00+01:00 for session 2 is not free: the clinic is not open for the whole 180-minute session then.',
    ]);
  });
});
