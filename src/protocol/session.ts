/**
 * A session's definition: what the protocol says about session `number` of a plan, extras
 * included (a session past the protocol's list follows `extraSessions`). The one place that
 * reads `protocol.sessions[…]` and `protocol.extraSessions` for a session's duration and gaps.
 * @module
 */
import type { Gap, Protocol } from './schema.js';

/** A gap's day counts with the number of the session it is measured from. @internal */
export interface ResolvedGap {
  anchor: number;
  gap: Omit<Gap, 'from'>;
}

/** What the protocol says about session `number` of a plan, extras included. @internal */
export interface SessionSpec {
  durationMinutes: number;
  gaps: ResolvedGap[];
}

/** The protocol's spec for a plan's session `number` (extras use `extraSessions`). @internal */
export function sessionSpec(protocol: Protocol, number: number): SessionSpec {
  const defined = protocol.sessions[number - 1];
  if (defined !== undefined) {
    return {
      durationMinutes: defined.durationMinutes,
      gaps: defined.gaps.map(({ from, ...gap }) => ({ anchor: from === 'previous' ? number - 1 : from.session, gap })),
    };
  }
  return { durationMinutes: protocol.extraSessions.durationMinutes, gaps: [{ anchor: number - 1, gap: protocol.extraSessions.gap }] };
}

/** How a session of a plan is presented: its phase, title and purpose, extras included. @internal */
export interface SessionLabel {
  phase: string;
  title: string;
  purpose: string;
}

/** The protocol's phase, title and purpose of a plan's session `number` (extras use `extraSessions`). @internal */
export function sessionLabel(protocol: Protocol, number: number): SessionLabel {
  const s = protocol.sessions[number - 1] ?? protocol.extraSessions;
  return { phase: s.phase, title: s.title, purpose: s.purpose };
}
