/**
 * The conformance corpus (conformance/*.json, built by scripts/build-conformance.mjs from plain
 * arithmetic on docs/defaults.md's day counts) run against this library. Relative cases must pass at any
 * asOf, so the corpus runs at two very different ones; cases that pin their own asOf ignore it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { conformanceCaseSchema, runConformanceCase } from 'smp-protocol/testing';
import { mustOk } from '../support/plans.js';

const dir = fileURLToPath(new URL('../../conformance/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

interface CorpusFile {
  $schema?: string;
  description: string;
  cases: unknown[];
}

const corpus: { file: string; content: CorpusFile }[] = files.map((file) => ({
  file,
  content: JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as CorpusFile,
}));
const allCases = corpus.flatMap(({ file, content }) => content.cases.map((c) => ({ file, c })));
const idOf = (c: unknown): string => String((c as { id?: unknown }).id);

const AS_OF = ['2026-06-15T09:00:00Z', '2027-01-20T23:30:00Z'] as const;

/** Relative cases must hold on any day: DST days in the corpus's zones, a leap day, local midnights. */
const HARD_AS_OF = [
  '2026-03-29T00:30:00Z', // Europe/London: the night the clocks go forward
  '2026-10-25T01:30:00Z', // Europe/London: the repeated hour
  '2026-03-08T06:30:00Z', // America/New_York: spring forward
  '2026-11-01T05:30:00Z', // America/New_York: fall back
  '2026-04-04T15:30:00Z', // Australia/Sydney and Lord_Howe: fall back
  '2026-10-03T16:00:00Z', // Australia/Sydney: spring forward
  '2028-02-29T12:00:00Z', // a leap day
  '2026-12-31T23:59:59Z', // the last second of a year (UTC), already 1 January east of it
  '2027-06-30T14:45:00Z', // local midnight in Asia/Tokyo
];

describe('conformance corpus', () => {
  it('has every expected file, each with a description and cases', () => {
    expect(files).toEqual(
      [
        'care.json',
        'dst.json',
        'forecast.json',
        'refusals.json',
        'screening.json',
        'spacing-booking.json',
        'spacing-evaluation.json',
      ].sort(),
    );
    for (const { file, content } of corpus) {
      expect(content.$schema, file).toBe('../schemas/conformance-file.json');
      expect(typeof content.description, file).toBe('string');
      expect(content.cases.length, file).toBeGreaterThan(0);
    }
  });

  it('has at least 60 cases with unique ids', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(60);
    const ids = allCases.map(({ c }) => idOf(c));
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates, `duplicate ids: ${duplicates.join(', ')}`).toEqual([]);
  });

  it('validates every case against the case format', () => {
    const invalid = allCases
      .map(({ file, c }) => ({ file, id: idOf(c), parsed: conformanceCaseSchema.safeParse(c) }))
      .filter((r) => !r.parsed.success)
      .map((r) => `${r.file} ${r.id}: ${r.parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    expect(invalid, invalid.join('\n')).toEqual([]);
  });

  it('gives every case a changedIn, a protocol and a time zone', () => {
    for (const { file, c } of allCases) {
      const parsed = conformanceCaseSchema.parse(c);
      expect(parsed.changedIn, `${file} ${parsed.id}`).toMatch(/^\d+\.\d+\.\d+$/);
      expect(parsed.protocol.length, `${file} ${parsed.id}`).toBeGreaterThan(0);
      expect(parsed.timeZone.length, `${file} ${parsed.id}`).toBeGreaterThan(0);
      if (parsed.testType === 'boundaryProbe') expect(parsed.probe, `${file} ${parsed.id}`).toBeDefined();
    }
  });

  it('relative cases pass on DST days, a leap day and at local midnights', () => {
    const failed: string[] = [];
    for (const asOf of HARD_AS_OF) {
      for (const { file, c } of allCases) {
        const r = mustOk(runConformanceCase(c, { asOf }));
        if (!r.passed) failed.push(`${asOf} ${file} ${r.id}:\n    ${r.failures.join('\n    ')}`);
      }
    }
    expect(failed, failed.join('\n')).toEqual([]);
  }, 60_000);

  for (const asOf of AS_OF) {
    describe(`asOf ${asOf}`, () => {
      for (const { file, content } of corpus) {
        it(`${file}: every case passes`, () => {
          const failed = content.cases
            .map((c) => mustOk(runConformanceCase(c, { asOf })))
            .filter((r) => !r.passed)
            .map((r) => `${r.id}:\n    ${r.failures.join('\n    ')}`);
          expect(failed, `${failed.length} failing case(s) in ${file} at ${asOf}:\n${failed.join('\n')}`).toEqual([]);
        });
      }
    });
  }
});
