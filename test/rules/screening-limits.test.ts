/**
 * screen refuses an intake over a size limit even when the caller froze it (a frozen value is
 * read as it is, not copied, so the boundary's walk does not see inside it): INVALID_INPUT with
 * the limit, at the field.
 */
import { describe, expect, it } from 'vitest';
import { screen, standardProtocol, type Intake } from 'smp-protocol';

const options = { protocol: standardProtocol, asOf: '2026-01-15T10:00:00Z', timeZone: 'Europe/London' };

describe('screen over the size limits', () => {
  it('a frozen intake with 50,001 active scalp conditions: INVALID_INPUT tooMany at activeScalpConditions', () => {
    const intake = Object.freeze({ dateOfBirth: '1990-05-14', activeScalpConditions: new Array<string>(50_001).fill('x') });
    const out = screen(intake as Intake, options);
    expect(out).toEqual({
      ok: false,
      findings: [
        {
          code: 'INVALID_INPUT',
          severity: 'error',
          message: 'activeScalpConditions: has too many items (at most 50000; it has 50001).',
          path: ['activeScalpConditions'],
          params: {
            problem: 'tooMany',
            limit: 50_000,
            actual: 50_001,
            path: 'activeScalpConditions',
            detail: 'has too many items (at most 50000; it has 50001).',
          },
        },
      ],
    });
  });
});
