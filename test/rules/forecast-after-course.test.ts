/**
 * The review and maintenance windows after a completed course are given only when their last day
 * is a supported date (up to 9999-12-31); past it they are left out, as far away as never.
 */
import { describe, expect, it } from 'vitest';
import { forecast, standardProtocol } from 'smp-protocol';
import { aPlan } from 'smp-protocol/testing';
import { mustOk } from '../support/plans.js';

function completedCourse(s1: string, s2: string, s3: string) {
  return mustOk(aPlan().inZone('UTC').withSession(1, s1).withSession(2, s2).withSession(3, s3).build());
}

describe('the windows after the course near the end of the supported dates', () => {
  it('last session on 9999-11-05: the review ends on 9999-12-31 and is given; maintenance (60 months) is not', () => {
    const plan = completedCourse('9999-10-12T10:00', '9999-10-22T10:00', '9999-11-05T10:00');
    const f = mustOk(forecast(plan, { protocol: standardProtocol, asOf: '9999-11-06T09:00:00Z' }));
    expect(f.next).toBeNull();
    expect(f.review).toEqual({ earliest: '9999-11-26', recommended: '9999-12-05', latest: '9999-12-31' });
    expect(f.maintenance).toBeUndefined();
  });

  it('last session on 9999-11-06: the review would end on 10000-01-01 and is left out', () => {
    const plan = completedCourse('9999-10-12T10:00', '9999-10-22T10:00', '9999-11-06T10:00');
    const f = mustOk(forecast(plan, { protocol: standardProtocol, asOf: '9999-11-07T09:00:00Z' }));
    expect(f.review).toBeUndefined();
    expect(f.maintenance).toBeUndefined();
    expect(Object.keys(f)).not.toContain('review');
  });

  it('last session on 9994-12-31: maintenance ends on 9999-12-31 and is given (31 December + 18 months rolls to 1 July)', () => {
    const plan = completedCourse('9994-12-07T10:00', '9994-12-17T10:00', '9994-12-31T10:00');
    const f = mustOk(forecast(plan, { protocol: standardProtocol, asOf: '9995-01-01T09:00:00Z' }));
    expect(f.maintenance).toEqual({ earliest: '9996-07-01', recommended: '9997-12-31', latest: '9999-12-31' });
  });
});

describe('a pending session whose past-due date leaves the supported dates', () => {
  it('session 2 on 9999-12-11: session 3 is recommended on 9999-12-25, its past-due (10000-01-09) and latest left out', () => {
    const plan = mustOk(aPlan().inZone('UTC').withSession(1, '9999-12-01T10:00').withSession(2, '9999-12-11T10:00').build());
    const f = mustOk(forecast(plan, { protocol: standardProtocol, asOf: '9999-12-12T09:00:00Z' }));
    expect(f.next).toEqual({
      session: 3,
      state: 'pending',
      earliest: '9999-12-18',
      recommended: '9999-12-25',
      projected: false,
      due: 'notYet',
    });
  });
});
