// toTimelineSvg: parsed as XML (the expected elements, in the expected places) and rendered by a
// real SVG renderer (resvg) to a PNG of the expected size.
import { Resvg } from '@resvg/resvg-js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toTimelineSvg, type Plan } from 'smp-protocol';
import { at, demoPlan, fresh, play, protocol } from './demo-plan.js';
import { mustOk } from '../support/plans.js';

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

type Raw = Record<string, unknown>;

function toNode(raw: Raw): Node | undefined {
  const name = Object.keys(raw).find((k) => k !== ':@');
  if (name === undefined || name === '#text') return undefined;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries((raw[':@'] ?? {}) as Record<string, unknown>)) attrs[k.replace(/^@_/, '')] = String(v);
  const rawChildren = (raw[name] ?? []) as Raw[];
  const children = rawChildren.map(toNode).filter((n): n is Node => n !== undefined);
  const text = rawChildren.map((c) => (c['#text'] === undefined ? '' : String(c['#text']))).join('');
  return { name, attrs, children, text };
}

function parseSvg(svg: string): Node {
  expect(XMLValidator.validate(svg)).toBe(true);
  const raw = new XMLParser({ ignoreAttributes: false, preserveOrder: true, parseAttributeValue: false, trimValues: false }).parse(
    svg,
  ) as Raw[];
  const root = raw.map(toNode).find((n) => n?.name === 'svg');
  if (root === undefined) expect.fail('no <svg> root');
  return root;
}

function all(node: Node, test: (n: Node) => boolean): Node[] {
  const out: Node[] = test(node) ? [node] : [];
  for (const c of node.children) out.push(...all(c, test));
  return out;
}
function byId(root: Node, id: string): Node {
  const [n] = all(root, (x) => x.attrs.id === id);
  if (n === undefined) expect.fail(`no #${id}`);
  return n;
}
function texts(node: Node): string[] {
  return all(node, (n) => n.name === 'text').map((n) => n.text);
}
const num = (n: Node | undefined, attr: string): number => Number(n?.attrs[attr]);

/** Renders with resvg at scale 1; the PNG and its pixels. */
function render(svg: string): { width: number; height: number; png: Buffer; inked: number } {
  const image = new Resvg(svg, { font: { loadSystemFonts: true }, fitTo: { mode: 'original' } }).render();
  const pixels = image.pixels;
  let inked = 0;
  for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) < 200) inked += 1;
  return { width: image.width, height: image.height, png: image.asPng(), inked };
}

describe('toTimelineSvg: the demo course', () => {
  const asOf = at('2026-04-02T13:10');
  const svg = mustOk(toTimelineSvg(demoPlan(), { protocol, asOf }));
  const root = parseSvg(svg);

  it('is a self-contained SVG, 800 px wide, with a title and a description for screen readers', () => {
    expect(root.attrs).toMatchObject({ xmlns: 'http://www.w3.org/2000/svg', width: '800', role: 'img', 'aria-labelledby': 'title desc' });
    expect(root.attrs.viewBox).toBe(`0 0 800 ${root.attrs.height}`);
    expect(byId(root, 'title').text).toBe('Course timeline: plan-0042, Standard SMP course');
    const desc = byId(root, 'desc').text;
    for (const words of [
      'Session 1',
      'Session 2',
      'Session 3',
      'Done 23 Mar',
      'Booked 16 Apr 10:00',
      'recommended 16 Apr to 30 Apr',
      'Healing until 8 Apr',
      'Aftercare:',
    ]) {
      expect(desc).toContain(words);
    }
    expect(svg).not.toMatch(/<script|<image|<foreignObject|href="http|@import|url\(http/);
  });

  it('has a row per session with its mark at its date, in date order, and each row says its state in words', () => {
    const rows = [1, 2, 3].map((n) => byId(root, `session-${n}`));
    expect(rows.map((r) => r.attrs['data-state'])).toEqual(['completed', 'completed', 'booked']);
    const marks = rows.map((r) => all(r, (n) => n.name === 'circle')[0]);
    const xs = marks.map((m) => num(m, 'cx'));
    expect(xs[0]).toBeLessThan(xs[1] ?? 0);
    expect(xs[1]).toBeLessThan(xs[2] ?? 0);
    // Filled for done, a ring for booked.
    expect(marks.map((m) => m?.attrs.fill)).toEqual(['#0f766e', '#0f766e', '#ffffff']);
    expect(texts(rows[0] as Node)).toContain('Done 23 Mar');
    expect(texts(rows[1] as Node)).toContain('Done 2 Apr');
    expect(texts(rows[2] as Node)).toContain('Booked 16 Apr 10:00');
    for (const r of rows) expect(all(r, (n) => n.name === 'title')[0]?.text).toMatch(/^Session \d/);
    // 23 Mar → 2 Apr is 10 days, 2 Apr → 16 Apr 14 days: the spacing is to scale.
    const perDay = ((xs[1] ?? 0) - (xs[0] ?? 0)) / 10;
    expect((xs[2] ?? 0) - (xs[1] ?? 0)).toBeCloseTo(perDay * 14, 0);
  });

  it('shades each gap: healing, then early, recommended and late, left to right; the booked session sits in its recommended window', () => {
    const row = byId(root, 'session-3');
    const bands = all(row, (n) => n.name === 'rect' && n.attrs.height === '22');
    expect(bands.map((b) => b.attrs.fill)).toEqual(['url(#healing)', '#dbeafe', '#bbf7d0', '#fde68a']);
    for (let i = 1; i < bands.length; i += 1) {
      expect(num(bands[i], 'x')).toBeCloseTo(num(bands[i - 1], 'x') + num(bands[i - 1], 'width'), 0);
    }
    const recommended = bands[2];
    const mark = num(all(row, (n) => n.name === 'circle')[0], 'cx');
    expect(mark).toBeGreaterThanOrEqual(num(recommended, 'x'));
    expect(mark).toBeLessThanOrEqual(num(recommended, 'x') + num(recommended, 'width'));
    expect(texts(row)).toContain('recommended');
  });

  it('draws the aftercare period after each session, ending on its longest rule', () => {
    const row = byId(root, 'session-1');
    expect(texts(row)).toContain('aftercare to 20 Apr');
    const bar = all(row, (n) => n.name === 'rect' && n.attrs.height === '6')[0];
    expect(num(bar, 'x')).toBeCloseTo(num(all(row, (n) => n.name === 'circle')[0], 'cx'), 0);
  });

  it("draws today's line at asOf, between sessions 2 and 3, labelled in words", () => {
    const today = byId(root, 'today');
    const line = all(today, (n) => n.name === 'line')[0];
    const x = num(line, 'x1');
    expect(num(line, 'x2')).toBe(x);
    expect(texts(today)).toEqual(['Today 2 Apr']);
    const xs = [2, 3].map((n) => num(all(byId(root, `session-${n}`), (c) => c.name === 'circle')[0], 'cx'));
    expect(x).toBe(xs[0]); // session 2 is today
    expect(x).toBeLessThan(xs[1] ?? 0);
  });

  it('has a legend whose every swatch has words', () => {
    expect(texts(byId(root, 'legend'))).toEqual([
      'healing, not bookable',
      'early',
      'recommended',
      'late (past due)',
      'aftercare',
      'done',
      'booked',
    ]);
  });

  it('renders with resvg to an 800 px wide PNG of the declared height', () => {
    const { width, height, png, inked } = render(svg);
    expect(width).toBe(800);
    expect(height).toBe(Number(root.attrs.height));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(inked).toBeGreaterThan(2_000); // text, marks and bands were drawn
  });

  it('is the same for the same plan and asOf', () => {
    expect(mustOk(toTimelineSvg(demoPlan(), { protocol, asOf }))).toBe(svg);
  });
});

describe('toTimelineSvg: warnings are words as well as colours', () => {
  const plan: Plan = play(fresh(), [
    { type: 'sessionBooked', at: at('2026-03-02T09:30'), session: 1, start: at('2026-03-23T10:00') },
    { type: 'sessionCompleted', at: at('2026-03-23T14:10'), session: 1 },
  ]);

  it('marks an overdue session in the warning colour, says OVERDUE, and hatches the past-due window', () => {
    const root = parseSvg(mustOk(toTimelineSvg(plan, { protocol, asOf: at('2026-04-20T09:00') })));
    const row = byId(root, 'session-2');
    expect(row.attrs['data-due']).toBe('overdue');
    const warning = all(row, (n) => n.name === 'text' && n.text === 'OVERDUE since 7 Apr')[0];
    expect(warning?.attrs.fill).toBe('#b91c1c');
    expect(all(row, (n) => n.attrs.fill === 'url(#overdue)')).toHaveLength(1);
    expect(texts(byId(root, 'legend'))).toContain('overdue now');
    expect(byId(root, 'session-3').attrs['data-due']).toBe('notYet');
    expect(texts(byId(root, 'session-3'))).toContain('Pending (projected)');
  });

  it('says when a plan is on hold, and until when', () => {
    const held = play(plan, [{ type: 'planPaused', at: at('2026-03-25T09:00'), reason: 'adverse reaction', until: '2026-04-20' }]);
    const root = parseSvg(mustOk(toTimelineSvg(held, { protocol, asOf: at('2026-03-26T09:00') })));
    expect(texts(root)).toContain('On hold since 25 Mar: adverse reaction · as of 26 Mar 2026 · Europe/London');
    expect(texts(byId(root, 'session-2'))).toContain('On hold until 20 Apr');
  });

  it('draws a draft plan, and a plan of a long course with monthly ticks', () => {
    const draft = parseSvg(mustOk(toTimelineSvg(fresh(), { protocol, asOf: at('2026-03-26T09:00') })));
    expect(texts(byId(draft, 'session-1'))).toContain('Pending, from 26 Mar');
    const later = parseSvg(mustOk(toTimelineSvg(plan, { protocol, asOf: at('2026-12-01T09:00') })));
    expect(texts(later).filter((t) => /^[A-Z][a-z]{2} \d{4}$/.test(t)).length).toBeGreaterThan(3);
    expect(byId(later, 'session-2').attrs['data-due']).toBe('lapsed');
    expect(render(mustOk(toTimelineSvg(plan, { protocol, asOf: at('2026-12-01T09:00') }))).width).toBe(800);
  });

  it('gives an extra session its own row', () => {
    const extra = play(demoPlan(), [
      { type: 'sessionCompleted', at: at('2026-04-16T13:30'), session: 3 },
      { type: 'sessionAdded', at: at('2026-04-16T13:40'), reason: 'pigment healed light' },
    ]);
    const svg = mustOk(toTimelineSvg(extra, { protocol, asOf: at('2026-04-17T09:00') }));
    const root = parseSvg(svg);
    const row = byId(root, 'session-4');
    expect(texts(row)).toEqual(expect.arrayContaining(['Session 4', 'Extra session']));
    expect(render(svg).height).toBe(Number(root.attrs.height));
  });

  it('spans the course, not the years to a far asOf: today is an arrow at the edge (issue 13.2: 14 MB before)', () => {
    const svg = mustOk(toTimelineSvg(demoPlan(), { protocol, asOf: '9000-01-01T00:00:00Z' }));
    expect(svg.length).toBeLessThan(20_000);
    const root = parseSvg(svg);
    const today = byId(root, 'today');
    expect(today.attrs['data-offscale']).toBe('after');
    expect(texts(today)).toContain('Today 1 Jan 9000 →');
    expect(render(svg).height).toBe(Number(root.attrs.height));
    // Before the course: the arrow points left.
    const early = byId(parseSvg(mustOk(toTimelineSvg(demoPlan(), { protocol, asOf: '1990-06-01T00:00:00Z' }))), 'today');
    expect(early.attrs['data-offscale']).toBe('before');
    expect(texts(early)).toContain('← Today 1 Jun 1990');
  });

  it('marks years, at most about 24, when the course itself spans centuries', () => {
    const far = play(fresh(), [{ type: 'sessionBooked', at: at('2026-03-02T09:00'), session: 1, start: at('9000-01-12T10:00') }]);
    const svg = mustOk(toTimelineSvg(far, { protocol, asOf: at('2026-03-02T09:00') }));
    expect(svg.length).toBeLessThan(20_000);
    const years = texts(parseSvg(svg)).filter((t) => /^\d{4}$/.test(t));
    expect(years).toEqual(['2500', '3000', '3500', '4000', '4500', '5000', '5500', '6000', '6500', '7000', '7500', '8000', '8500', '9000']);
  });

  it('never throws: invalid input refuses the call with findings, and no SVG', () => {
    const cases = [
      [{ not: 'a plan' }, { protocol, asOf: at('2026-03-26T09:00') }, 'INVALID_INPUT'],
      [plan, { protocol, asOf: 'tomorrow' }, 'INVALID_INSTANT'],
      [plan, { protocol: { ...protocol, version: 2 }, asOf: at('2026-03-26T09:00') }, 'PROTOCOL_MISMATCH'],
      [null, null, 'INVALID_INPUT'],
    ] as const;
    for (const [p, o, code] of cases) {
      const out = toTimelineSvg(p as never, o as never);
      expect(out.ok).toBe(false);
      expect(out.findings.map((f) => f.code)).toContain(code);
      expect('value' in out).toBe(false);
    }
  });
});
