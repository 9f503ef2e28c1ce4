import { describe, expect, it } from 'vitest';
import { findSlots, type Availability } from 'smp-protocol';
import { mustOk } from '../support/plans.js';
import { AS_OF, clinic, course, sameDay } from '../support/same-day.js';
const starts = (availability: Availability): string[] =>
  mustOk(findSlots(course(), { protocol: sameDay, availability, asOf: AS_OF, session: 2, limit: 100 })).map((s) => s.start);

describe('findSlots between the plan’s other sessions on the same day', () => {
  it('starts when the session before ends and ends when the session after starts (touching is allowed), nearest the recommended date first', () => {
    expect(starts(clinic())).toEqual([
      '2026-03-05T13:00:00+00:00',
      '2026-03-05T13:30:00+00:00',
      '2026-03-05T14:00:00+00:00',
      '2026-03-05T14:30:00+00:00',
      '2026-03-05T15:00:00+00:00',
      '2026-03-05T15:30:00+00:00',
      '2026-03-05T16:00:00+00:00',
      '2026-03-05T16:30:00+00:00',
      '2026-03-05T17:00:00+00:00',
      '2026-03-12T08:00:00+00:00',
      '2026-03-12T08:30:00+00:00',
      '2026-03-12T09:00:00+00:00',
      '2026-03-12T09:30:00+00:00',
      '2026-03-12T10:00:00+00:00',
      '2026-03-12T10:30:00+00:00',
      '2026-03-12T11:00:00+00:00',
      '2026-03-12T11:30:00+00:00',
      '2026-03-12T12:00:00+00:00',
    ]);
  });

  it('keeps the buffers clear of both', () => {
    expect(starts(clinic({ bufferBeforeMinutes: 30, bufferAfterMinutes: 60 }))).toEqual([
      '2026-03-05T13:30:00+00:00',
      '2026-03-05T14:00:00+00:00',
      '2026-03-05T14:30:00+00:00',
      '2026-03-05T15:00:00+00:00',
      '2026-03-05T15:30:00+00:00',
      '2026-03-05T16:00:00+00:00',
      '2026-03-05T16:30:00+00:00',
      '2026-03-05T17:00:00+00:00',
      '2026-03-12T08:00:00+00:00',
      '2026-03-12T08:30:00+00:00',
      '2026-03-12T09:00:00+00:00',
      '2026-03-12T09:30:00+00:00',
      '2026-03-12T10:00:00+00:00',
      '2026-03-12T10:30:00+00:00',
      '2026-03-12T11:00:00+00:00',
    ]);
  });
});
