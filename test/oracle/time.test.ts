/**
 * The Temporal oracle in `npm test`: a sampled, seeded run over every zone `Intl` knows (plus the
 * links it accepts), two offset changes per zone from 2000 to 2040 (a zone without one gets a
 * seeded instant). `npm run oracle` runs every change with a finer slot grid and prints the counts.
 *
 * Set SMP_ORACLE=full to run the full oracle here (what `npm run oracle` does). The counts go to
 * .reports/oracle.json (full) or .reports/oracle-sampled.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allZones, runOracle } from './time-oracle.js';

const full = process.env.SMP_ORACLE === 'full';
const KINDS = [
  'localDateOf',
  'toInstant',
  'aftercare',
  'preparation',
  'daysFromAnchor',
  'evaluation',
  'forecast',
  'review',
  'maintenance',
  'slots',
];

describe('Temporal oracle', () => {
  it(
    full
      ? 'every offset change 2000–2040 in every zone agrees with Temporal'
      : 'a seeded sample of offset changes in every zone agrees with Temporal',
    () => {
      const zones = allZones();
      expect(zones.length).toBeGreaterThan(400);
      const report = runOracle({ mode: full ? 'full' : 'sampled', seed: 20_260_323, perZone: 2, zones });
      // The counts, for scripts/oracle.mjs and docs/quality.md (.reports is not committed).
      mkdirSync('.reports', { recursive: true });
      writeFileSync(full ? '.reports/oracle.json' : '.reports/oracle-sampled.json', `${JSON.stringify(report, null, 2)}\n`);
      expect(report.samples).toEqual([]);
      expect(report.mismatches).toBe(0);
      for (const kind of KINDS) expect(report.perKind[kind]?.comparisons ?? 0, kind).toBeGreaterThan(100);
      expect(report.perKind.plan?.comparisons ?? 0).toBe(0); // no scenario threw
      expect(report.transitions).toBeGreaterThan(full ? 3_000 : 300);
      expect(report.comparisons).toBeGreaterThan(full ? 1_000_000 : 50_000);
    },
    full ? 3_600_000 : 240_000,
  );
});
