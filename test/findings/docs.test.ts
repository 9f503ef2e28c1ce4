import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingCodes, findingKinds, findingParamKeys } from 'smp-protocol';

const file = new URL('../../docs/findings.md', import.meta.url);
const START = '<!-- params-by-code:start (generated from findingParamKeys; checked by test/findings/docs.test.ts) -->';
const END = '<!-- params-by-code:end -->';

/** The "Params by code" table, rendered from the same table the types come from. */
function render(): string {
  const rows = findingCodes.map((code) => {
    const spec = findingParamKeys[code] as Readonly<Record<string, string>>;
    const show = (keys: string[]): string =>
      keys.length === 0
        ? '—'
        : keys.map((k) => `\`${k}\`: ${(spec[k] ?? '').replace('?', '').replace('text', 'string or number')}`).join(', ');
    const always = Object.keys(spec).filter((k) => !spec[k]?.endsWith('?'));
    const sometimes = Object.keys(spec).filter((k) => spec[k]?.endsWith('?'));
    return `| \`${code}\` | ${findingKinds[code]} | ${show(always)} | ${show(sometimes)} |`;
  });
  return [START, '| code | kind | always | when it applies |', '|---|---|---|---|', ...rows, END].join('\n');
}

describe('docs/findings.md', () => {
  it('lists the params of every code exactly as findingParamKeys declares them', () => {
    const text = readFileSync(file, 'utf8');
    const start = text.indexOf(START);
    const end = text.indexOf(END);
    if (process.env.SMP_WRITE_DOCS === '1' && start >= 0 && end > start) {
      writeFileSync(file, text.slice(0, start) + render() + text.slice(end + END.length));
      return;
    }
    expect(start).toBeGreaterThan(-1);
    expect(text.slice(start, end + END.length)).toBe(render());
  });
});
