/**
 * Names FHIR constrains: resource ids (`[A-Za-z0-9\-.]{1,64}`), computable names, the URIs of
 * this library's own code systems and extension, and references.
 * @internal
 * @module
 */
import type { Protocol } from 'smp-protocol';
import type { FhirDuration, FhirReference } from './types.js';

/** The namespace of the code systems, identifiers and extension this library defines. */
export const NAMESPACE = 'urn:smp-protocol';
/** The system of `Finding` codes in OperationOutcome issues. */
export const FINDING_SYSTEM = `${NAMESPACE}:finding`;
/** The identifier system of plan ids. */
export const PLAN_SYSTEM = `${NAMESPACE}:plan`;
/** The identifier system of client ids (the default patient reference). */
export const CLIENT_SYSTEM = `${NAMESPACE}:client`;
/** The extension holding a gap's five day counts. */
export const GAP_EXTENSION = `${NAMESPACE}:extension:gap`;

const ID = /^[A-Za-z0-9.-]{1,64}$/;

/** FNV-1a, 32 bits, as 8 hex digits: a short stable suffix for ids that had to be changed. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * A FHIR id for `text`: unchanged when it is one already; otherwise other characters become
 * `-` and a hash of the original keeps distinct inputs distinct (stable across calls).
 */
export function fhirId(text: string): string {
  if (ID.test(text)) return text;
  const base = text.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 55) || 'id';
  return `${base}-${hash(text)}`;
}

/** A computable name (`^[A-Z][A-Za-z0-9_]*$`): `scar-camouflage` → `ScarCamouflage`. */
export function computableName(text: string): string {
  const name = text
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => `${w[0]?.toUpperCase() ?? ''}${w.slice(1)}`)
    .join('');
  return /^[A-Z]/.test(name) ? name.slice(0, 255) : `Protocol${name}`.slice(0, 255);
}

/** The PlanDefinition id of a protocol. */
export function planDefinitionId(protocol: Protocol): string {
  return fhirId(`${protocol.id}-v${protocol.version}`);
}

/** The canonical URL of a protocol's PlanDefinition (without the version). */
export function canonicalUrl(protocol: Protocol, canonicalBase: string | undefined): string {
  if (canonicalBase !== undefined) return `${canonicalBase.replace(/\/+$/, '')}/PlanDefinition/${planDefinitionId(protocol)}`;
  return `${NAMESPACE}:protocol:${encodeURIComponent(protocol.id)}`;
}

/** A literal reference to a resource in the bundle. */
export function ref(resourceType: string, id: string): FhirReference {
  return { reference: `${resourceType}/${id}` };
}

/** A number of days as a FHIR Duration (UCUM `d`). */
export function days(value: number): FhirDuration {
  return { value, unit: value === 1 ? 'day' : 'days', system: 'http://unitsofmeasure.org', code: 'd' };
}
