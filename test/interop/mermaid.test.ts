// toMermaid: the state diagram is drawn from planTransitions, the table applyEvent enforces.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defineProtocol, planTransitions, standardProtocol, toMermaid, type Protocol } from 'smp-protocol';
import { mustOk } from '../support/plans.js';

const STATES = ['draft', 'active', 'onHold', 'completed', 'closed'];

/** The diagram's arrows as `from --> to` → events. */
function arrows(source: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of source.split('\n')) {
    const m = /^ {4}(\S+) --> (\S+)(?:: (.+))?$/.exec(line);
    if (m === null) continue;
    out.set(`${m[1]} --> ${m[2]}`, m[3] === undefined ? [] : m[3].split(', '));
  }
  return out;
}

function tableEdges(keep: (type: string, from: string, to: string) => boolean = () => true): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [type, rule] of Object.entries(planTransitions)) {
    for (const [from, to] of rule.edges) {
      if (from === to || !keep(type, from, to)) continue;
      const key = `${from} --> ${to}`;
      out.set(key, [...(out.get(key) ?? []), type]);
    }
  }
  return out;
}

describe('toMermaid', () => {
  it('is a stateDiagram-v2 whose every line is a declaration, a description or a transition', () => {
    const source = mustOk(toMermaid());
    const lines = source.trimEnd().split('\n');
    expect(lines[0]).toBe('stateDiagram-v2');
    for (const line of lines.slice(1)) {
      expect(line).toMatch(/^ {4}(?:\[\*\] --> draft: createPlan|closed --> \[\*\]|(\w+) --> (\w+): [\w, ]+|(\w+): [\w ,]+)$/);
    }
    const named = new Set<string>();
    for (const [edge] of arrows(source)) for (const s of edge.split(' --> ')) if (s !== '[*]') named.add(s);
    expect([...named].sort()).toEqual([...STATES].sort());
    for (const s of STATES) expect(lines).toContain(lines.find((l) => l.startsWith(`    ${s}: `)));
  });

  it('draws every status change of planTransitions, labelled with its events, and nothing else', () => {
    const drawn = arrows(mustOk(toMermaid()));
    drawn.delete('[*] --> draft');
    drawn.delete('closed --> [*]');
    expect(drawn).toEqual(tableEdges());
    expect(drawn.get('draft --> active')).toEqual(['sessionBooked', 'sessionCompleted']);
    expect(drawn.get('onHold --> active')).toEqual(['planResumed']);
  });

  it('follows the protocol: no extra-session arrow without extras, the no-show hold only with maxNoShows', () => {
    const withLimit: Protocol = mustOk(
      defineProtocol({ ...standardProtocol, id: 'strict', policy: { ...standardProtocol.policy, maxNoShows: 2 } }),
    );
    const noExtras: Protocol = mustOk(
      defineProtocol({ ...standardProtocol, id: 'no-extras', extraSessions: { ...standardProtocol.extraSessions, max: 0 } }),
    );
    expect(standardProtocol.policy.maxNoShows).toBeUndefined();
    expect(arrows(mustOk(toMermaid(standardProtocol))).get('active --> onHold')).toEqual(['planPaused']);
    expect(arrows(mustOk(toMermaid(withLimit))).get('active --> onHold')).toEqual(['sessionMissed', 'planPaused']);
    expect(arrows(mustOk(toMermaid(standardProtocol))).get('completed --> active')).toEqual(['sessionAdded']);
    expect(arrows(mustOk(toMermaid(noExtras))).has('completed --> active')).toBe(false);
  });

  it('refuses an invalid protocol with its findings under protocol, and never throws', () => {
    const out = toMermaid({ id: 42 } as never);
    expect(out.ok).toBe(false);
    expect(out.findings.length).toBeGreaterThan(0);
    for (const f of out.findings) expect([f.code, f.path?.[0]]).toEqual(['INVALID_INPUT', 'protocol']);
  });

  it('is embedded in docs/pictures.md exactly as generated, so the docs cannot drift', () => {
    const doc = readFileSync(new URL('../../docs/pictures.md', import.meta.url), 'utf8');
    expect(doc).toContain(`\`\`\`mermaid\n${mustOk(toMermaid())}\`\`\``);
    expect(doc).toContain(`\`\`\`mermaid\n${mustOk(toMermaid(standardProtocol))}\`\`\``);
  });
});
