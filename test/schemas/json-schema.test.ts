// The published JSON Schemas, checked with an independent validator (ajv, draft 2020-12), as an
// integrator in another language would use them. `npm run build` writes schemas/*.json.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { protocols, screen, standardProtocol } from 'smp-protocol';
import { aPlan } from 'smp-protocol/testing';

const dir = fileURLToPath(new URL('../../schemas/', import.meta.url));
const load = (name: string): object => JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = (name: string) => ajv.getSchema(`urn:smp-protocol:schema:${name}`) ?? ajv.compile(load(name));

function built() {
  const out = aPlan()
    .inZone('America/New_York')
    .withMetadata({ crm: { id: 42, tags: ['vip'] } })
    .withSession(1, '2026-03-02T10:00')
    .withSession(2, '2026-03-14T10:00')
    .withEvent({ type: 'planPaused', at: '2026-03-15T12:00:00-04:00', reason: 'client travelling', until: '2026-04-01' })
    .build();
  if (!out.ok) throw new Error(out.findings.map((f) => f.message).join('; '));
  return JSON.parse(JSON.stringify(out.value)) as Record<string, unknown>;
}

describe('JSON Schemas (draft 2020-12, checked by ajv)', () => {
  it('accepts plans the library builds, with metadata, a pause and completed sessions', () => {
    const check = validate('plan');
    const plan = built();
    expect(check(plan), JSON.stringify(check.errors)).toBe(true);
  });

  it('refuses plans with a missing field, an unknown field, a wrong type, an instant without offset or another schemaVersion', () => {
    const check = validate('plan');
    const plan = built();
    const { clientId: _c, ...missing } = plan;
    for (const bad of [
      missing,
      { ...plan, colour: 'blue' },
      { ...plan, version: 'two' },
      { ...plan, createdAt: '2026-03-01T09:00' },
      { ...plan, schemaVersion: 2 },
      { ...plan, status: 'paused' },
    ]) {
      expect(check(bad)).toBe(false);
    }
  });

  it('accepts every event type the library records and refuses an unknown type', () => {
    const check = validate('event');
    const plan = built() as { history: unknown[] };
    for (const e of plan.history) expect(check(e), JSON.stringify(check.errors)).toBe(true);
    expect(check({ id: 'x', type: 'sessionTeleported', at: '2026-03-01T09:00:00Z' })).toBe(false);
    expect(check({ id: 'x', type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1 })).toBe(false);
  });

  it('accepts every built-in protocol and refuses a protocol without sessions', () => {
    const check = validate('protocol');
    for (const p of Object.values(protocols)) expect(check(JSON.parse(JSON.stringify(p))), JSON.stringify(check.errors)).toBe(true);
    expect(check({ ...JSON.parse(JSON.stringify(standardProtocol)), sessions: [] })).toBe(false);
  });

  it('accepts an intake that screens, and refuses one without a date of birth', () => {
    const check = validate('intake');
    const intake = { dateOfBirth: '1990-05-14', isotretinoin: { lastDose: '2025-08-31' }, activeScalpConditions: ['psoriasis'] };
    expect(screen(intake, { protocol: standardProtocol, asOf: '2026-01-15T10:00:00Z', timeZone: 'Europe/London' }).ok).toBe(true);
    expect(check(intake), JSON.stringify(check.errors)).toBe(true);
    expect(check({ isotretinoin: { lastDose: '2025-08-31' } })).toBe(false);
  });

  it('describes the conformance files, and every shipped corpus file validates', () => {
    const check = validate('conformance-file');
    const corpus = fileURLToPath(new URL('../../conformance/', import.meta.url));
    const files = readdirSync(corpus).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const content = JSON.parse(readFileSync(`${corpus}${f}`, 'utf8')) as unknown;
      expect(check(content), `${f}: ${JSON.stringify(check.errors?.slice(0, 3))}`).toBe(true);
    }
  });
});
