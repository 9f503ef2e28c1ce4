/**
 * Shared test helpers: build plans through the public API only, failing loudly on refusals.
 */
import { expect } from 'vitest';
import { applyEvent, createPlan, standardProtocol, type Outcome, type Plan, type Protocol } from 'smp-protocol';

/** The value of an outcome that must succeed; fails the test with its findings otherwise. */
export function mustOk<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) {
    expect.fail(`expected ok, got: ${outcome.findings.map((f) => `${f.code}: ${f.message}`).join('; ')}`);
  }
  return outcome.value;
}

/** The findings of an outcome that must be refused. */
export function mustFail<T>(outcome: Outcome<T>): Outcome<T>['findings'] {
  if (outcome.ok) expect.fail(`expected a refusal, got ok with ${JSON.stringify(outcome.findings)}`);
  return outcome.findings;
}

/** The codes of a list of findings. */
export function codes(findings: readonly { code: string }[]): string[] {
  return findings.map((f) => f.code);
}

/** A fresh draft plan. */
export function newPlan(options: { timeZone?: string; protocol?: Protocol; createdAt?: string; id?: string } = {}): Plan {
  return mustOk(
    createPlan({
      id: options.id ?? 'plan-1',
      clientId: 'client-1',
      protocol: options.protocol ?? standardProtocol,
      timeZone: options.timeZone ?? 'Europe/London',
      createdAt: options.createdAt ?? '2026-01-05T09:00:00Z',
    }),
  );
}

let counter = 0;
/** A unique event id for tests. */
export function nextId(prefix = 'e'): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Applies events in order; every one must be accepted. */
export function applyAll(plan: Plan, events: readonly unknown[], protocol: Protocol = standardProtocol): Plan {
  let p = plan;
  for (const e of events) p = mustOk(applyEvent(p, e, { protocol }));
  return p;
}
