/**
 * The plan state machine as a Mermaid state diagram, drawn from `planTransitions`, the table
 * `applyEvent` enforces, so the picture cannot drift from the code.
 * @module
 */
import { guardedInput } from '../schema/limits.js';
import type { Outcome } from '../findings/codes.js';
import { fail, ok } from '../findings/finding.js';
import { planTransitions } from '../rules/transitions.js';
import { prefixed } from '../schema/options.js';
import type { PlanEvent, PlanStatus } from '../schema/plan.js';
import { defineProtocol } from '../protocol/define.js';
import type { Protocol } from '../protocol/schema.js';

const STATES: readonly PlanStatus[] = ['draft', 'active', 'onHold', 'completed', 'closed'];

/** What each status means, shown under its name. */
const MEANING: Record<PlanStatus, string> = {
  draft: 'nothing booked or completed',
  active: 'a session booked or completed',
  onHold: 'paused, nothing can be booked',
  completed: 'every session completed',
  closed: 'ended early, with a reason',
};

/** Whether an edge exists under `protocol`: extras need `extraSessions.max > 0`, the no-show hold needs `maxNoShows`. */
function applies(type: PlanEvent['type'], from: PlanStatus, to: PlanStatus, protocol: Protocol | undefined): boolean {
  if (protocol === undefined) return true;
  if (type === 'sessionAdded') return protocol.extraSessions.max > 0;
  if (type === 'sessionMissed' && from !== 'onHold' && to === 'onHold') return protocol.policy.maxNoShows !== undefined;
  return true;
}

/**
 * The plan state machine as a Mermaid `stateDiagram-v2`, generated from {@link planTransitions}.
 *
 * One arrow per pair of statuses, labelled with the events that make that change; events that
 * keep the status (a later booking while active…) are not drawn. With a protocol, arrows it makes
 * impossible are left out: `sessionAdded` when it allows no extra session, the no-show hold when
 * it sets no `policy.maxNoShows`. Never throws: an invalid protocol refuses the call with its
 * findings (`ok: false`).
 *
 * @param protocol - optional: draw only what this protocol allows
 * @returns Mermaid source (or the protocol's findings), for a ```` ```mermaid ```` block (GitHub, GitLab and most doc sites render it)
 *
 * @example
 * ```ts
 * import { toMermaid, standardProtocol } from 'smp-protocol';
 * const out = toMermaid(standardProtocol);
 * out.ok && out.value;
 * // stateDiagram-v2
 * //     [*] --> draft: createPlan
 * //     …
 * //     draft --> active: sessionBooked, sessionCompleted
 * //     …
 * ```
 */
export function toMermaid(protocol?: Protocol): Outcome<string> {
  return guardedInput([protocol] as const, [''], (protocol) => {
    if (protocol === undefined) return ok(draw(undefined));
    const out = defineProtocol(protocol);
    return out.ok ? ok(draw(out.value)) : fail(prefixed(out.findings, ['protocol']));
  });
}

function draw(chosen: Protocol | undefined): string {
  const lines = ['stateDiagram-v2'];
  lines.push('    [*] --> draft: createPlan');
  for (const s of STATES) lines.push(`    ${s}: ${MEANING[s]}`);
  const labels = new Map<string, string[]>();
  for (const [type, rule] of Object.entries(planTransitions) as [PlanEvent['type'], (typeof planTransitions)[PlanEvent['type']]][]) {
    for (const [from, to] of rule.edges) {
      if (from === to || !applies(type, from, to, chosen)) continue;
      const key = `${from} --> ${to}`;
      const events = labels.get(key) ?? [];
      if (!events.includes(type)) events.push(type);
      labels.set(key, events);
    }
  }
  for (const [edge, events] of labels) lines.push(`    ${edge}: ${events.join(', ')}`);
  lines.push('    closed --> [*]');
  return `${lines.join('\n')}\n`;
}
