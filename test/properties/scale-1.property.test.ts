/** Property runs at scale, part 1 of 4: zones 1–5 of the twenty (see scale.ts). */
import { describe, it } from 'vitest';
import { ZONES, runAtScale } from './scale.js';

const zones = ZONES.slice(0, 5);
const RUNS = Number(process.env.SCALE_RUNS ?? 25_000);

describe(`plan properties at scale (${zones.join(', ')})`, () => {
  it(`${RUNS} random event sequences: invariants, replay, JSON round trip, duplicates are no-ops`, () => {
    runAtScale(zones, RUNS);
  }, 900_000);
});
