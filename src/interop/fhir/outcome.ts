/**
 * Findings as a FHIR OperationOutcome.
 * @internal
 * @module
 */
import type { Finding } from 'smp-protocol';
import { FINDING_SYSTEM } from './names.js';
import type { FhirOperationOutcome } from './types.js';

function issueCode(f: Finding): FhirOperationOutcome['issue'][number]['code'] {
  if (f.severity === 'info') return 'informational';
  if (f.code === 'INTERNAL_ERROR') return 'exception';
  if (f.code.startsWith('INVALID_') || f.code === 'UNSUPPORTED_SCHEMA_VERSION') return 'invalid';
  return 'business-rule';
}

function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** An OperationOutcome with one issue per finding. */
export function operationOutcome(id: string, findings: readonly Finding[]): FhirOperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    id,
    issue: findings.map((f) => {
      const issue: FhirOperationOutcome['issue'][number] = {
        severity: f.severity === 'info' ? 'information' : f.severity,
        code: issueCode(f),
        details: { coding: [{ system: FINDING_SYSTEM, code: f.code }], text: f.message },
      };
      if (f.path !== undefined && f.path.length > 0) issue.diagnostics = `at ${pathText(f.path)}`;
      return issue;
    }),
  };
}
