/**
 * The one place that turns a command's result into an exit code: 0 fine, 1 a rule broken (or a
 * conformance case failed), 2 unreadable input or bad usage. Decided from the Outcome's data (its
 * `ok` and the kind of its error findings), never from what was printed.
 * @internal
 * @module
 */
import { findingKinds, type Finding } from 'smp-protocol';

/** Exit codes: 0 fine, 1 the input breaks a rule (or a conformance case failed), 2 unreadable input or bad usage. */
export const EXIT = { ok: 0, rule: 1, usage: 2 } as const;

/** One of {@link EXIT}'s codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What a command concluded: an Outcome's `ok` and findings, and whether its input is the thing judged. */
export interface Verdict {
  ok: boolean;
  findings: readonly Finding[];
  /**
   * True when the command's input is itself what is judged (`validate`): a plan with a bad shape
   * then breaks a rule (1) rather than being unreadable input (2).
   */
  judgesInput?: boolean;
}

/** The exit code of a verdict: 0 when ok; 2 when an error finding is about unreadable input; else 1. */
export function exitOf(verdict: Verdict): ExitCode {
  if (verdict.ok) return EXIT.ok;
  if (verdict.judgesInput === true) return EXIT.rule;
  const input = verdict.findings.some(
    (f) => f.severity === 'error' && Object.hasOwn(findingKinds, f.code) && findingKinds[f.code] === 'input',
  );
  return input ? EXIT.usage : EXIT.rule;
}
