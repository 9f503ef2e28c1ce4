/**
 * The fuzz slice of `npm test`: 10⁵ seeded inputs plus the giants sweep over every export of every
 * entry, against src (through the vitest aliases, like every other test, so it needs no build and
 * sees the code under review). `npm run fuzz` runs 10⁶ against dist, what consumers import.
 *
 * Environment: FUZZ_SEED, FUZZ_INPUTS, FUZZ_ONLY (one export), FUZZ_INDEX (one input), FUZZ_NO_GIANTS=1.
 */
import { describe, expect, it } from 'vitest';
import { formatReport, fuzz } from './engine.js';
import { entrySpecifiers, loadEntries } from './entries.js';

const env = process.env;

/**
 * Failures known and still open (issue: trust at clinical grade), each a class by export and kind:
 * an availability override dated 9999-12-31 kept in Asia/Gaza. Listed so that every *other*
 * failure fails this test; the list may only shrink. (Timing classes come and go with
 * the machine, so a class that did not occur in one run is not itself a failure.)
 */
// Every class the fuzzer found is closed; a new one is fixed, not listed here.
const KNOWN_OPEN: readonly { name: RegExp; kind: string }[] = [];
const knownOpen = (f: { entry: string; name: string; kind: string }): boolean =>
  KNOWN_OPEN.some((k) => k.kind === f.kind && k.name.test(`${f.entry} ${f.name}`));
const SEED = Number(env.FUZZ_SEED ?? 20261203);
const INPUTS = Number(env.FUZZ_INPUTS ?? 100_000);
/** Half an hour, plus 20 ms per input: 10⁶ inputs (`npm run fuzz`) may take well over an hour on a shared core. */
const TIMEOUT_MS = 1_800_000 + 20 * INPUTS;

describe('fuzz', () => {
  it('discovers every code entry of the exports map', () => {
    expect(entrySpecifiers()).toEqual(
      expect.arrayContaining(['smp-protocol', 'smp-protocol/testing', 'smp-protocol/ical', 'smp-protocol/fhir']),
    );
  });

  it(
    `${INPUTS} inputs (seed ${SEED}): no throw, INTERNAL_ERROR, slow call, pollution, mutated input or invalid output`,
    async () => {
      const entries = await loadEntries();
      const options = {
        entries,
        seed: SEED,
        inputs: INPUTS,
        noGiants: env.FUZZ_NO_GIANTS === '1',
        log: (line: string) => process.stdout.write(`${line}\n`),
        ...(env.FUZZ_ONLY === undefined ? {} : { only: env.FUZZ_ONLY }),
        ...(env.FUZZ_INDEX === undefined ? {} : { index: Number(env.FUZZ_INDEX) }),
      };
      const report = await fuzz(options);
      process.stdout.write(`${formatReport(report)}\n`);
      expect(report.inputs).toBeGreaterThanOrEqual(Math.min(INPUTS, 1));
      expect(report.failures.filter((f) => !knownOpen(f)).map((f) => `${f.name} [${f.kind}] ${f.detail}`)).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
