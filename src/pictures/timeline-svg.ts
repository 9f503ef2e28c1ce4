/**
 * A plan's course as a self-contained SVG timeline: one row per session with its healing period
 * and its gap's windows shaded, the session as a mark, its aftercare period, and today's line.
 * Every colour is doubled by text or a pattern, so the picture reads without colour too.
 * @module
 */
import { guardedInput } from '../schema/limits.js';
import type { Outcome } from '../findings/codes.js';
import { ok } from '../findings/finding.js';
import type { Plan } from '../schema/plan.js';
import type { Protocol } from '../protocol/schema.js';
import { aftercare } from '../rules/care.js';
import { evaluatePlan, type Evaluation, type ReadOptions } from '../rules/evaluate.js';
import { readAsOfCall } from '../protocol/call.js';
import { sessionLabel, sessionSpec } from '../protocol/session.js';
import { sessionDay } from '../rules/session-days.js';
import { forecast, type Forecast, type SessionForecast } from '../rules/forecast.js';
import { civilFromDays, daysFromCivil, isoWeekday, parseLocalDate } from '../time/civil.js';
import { formatInstant, parseInstant } from '../time/instant.js';
import { localDayOf, offsetAt } from '../time/zone.js';

const WIDTH = 800;
const LEFT = 180;
const RIGHT = 24;
const HEADER = 78;
const ROW = 66;
const LEGEND = 78;
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, DejaVu Sans, sans-serif';
/** How far (days) from the course's dates today may be and still widen the axis to show itself. */
const TODAY_REACH = 120;
/** Past this span (days) the axis marks years instead of months or weeks. */
const YEARLY_AFTER = 3 * 366;
const YEAR_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The palette: each colour also has a pattern or a text label in the picture. */
const C = {
  text: '#1f2937',
  muted: '#4b5563',
  grid: '#e5e7eb',
  healing: '#94a3b8',
  early: '#dbeafe',
  earlyEdge: '#93c5fd',
  recommended: '#bbf7d0',
  recommendedEdge: '#16a34a',
  late: '#fde68a',
  lateEdge: '#d97706',
  mark: '#0f766e',
  aftercare: '#7c3aed',
  today: '#1d4ed8',
  warning: '#b91c1c',
  warningFill: '#fee2e2',
} as const;

/** A session's windows as day numbers (anchor-relative), like the forecast's dates. */
interface Window {
  anchor?: number;
  /** The end of healing: the first day the skin allows (a pause can push `earliest` later). */
  healed?: number;
  earliest: number;
  recommended: number;
  pastDue: number;
  latest: number;
  projected: boolean;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const r1 = (n: number): string => String(Math.round(n * 10) / 10);

function dayLabel(day: number, withYear = false): string {
  const { year, month, day: d } = civilFromDays(day);
  return `${d} ${MONTHS[month - 1] ?? '?'}${withYear ? ` ${year}` : ''}`;
}

function clock(ms: number, zone: string): string {
  const local = ms + offsetAt(zone, ms);
  const minutes = Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${r1(x)}" y="${r1(y)}" ${attrs}>${escapeXml(content)}</text>`;
}

/** The windows of a session whose anchors are all fixed (completed or booked). */
function fixedWindow(plan: Plan, protocol: Protocol, number: number): Window | undefined {
  const spec = sessionSpec(protocol, number);
  if (spec.gaps.length === 0) return undefined;
  const w: Window = { earliest: -Infinity, recommended: -Infinity, pastDue: -Infinity, latest: -Infinity, projected: false };
  for (const { anchor, gap } of spec.gaps) {
    const a = sessionDay(plan, plan.sessions[anchor - 1]);
    if (a === undefined) return undefined;
    w.anchor = Math.max(w.anchor ?? -Infinity, a);
    w.earliest = Math.max(w.earliest, a + gap.minimumDays);
    w.recommended = Math.max(w.recommended, a + gap.earliestRecommendedDays);
    w.pastDue = Math.max(w.pastDue, a + gap.latestRecommendedDays + 1);
    w.latest = Math.max(w.latest, gap.maximumDays === undefined ? Infinity : a + gap.maximumDays);
  }
  return w;
}

function forecastWindow(f: SessionForecast | undefined, fixed: Window | undefined): Window | undefined {
  if (f?.earliest === undefined || f.recommended === undefined) return fixed;
  const earliest = parseLocalDate(f.earliest);
  const recommended = parseLocalDate(f.recommended);
  if (earliest === undefined || recommended === undefined) return fixed;
  const w: Window = {
    earliest,
    recommended,
    pastDue: f.pastDue === undefined ? Infinity : (parseLocalDate(f.pastDue) ?? Infinity),
    latest: f.latest === undefined ? Infinity : (parseLocalDate(f.latest) ?? Infinity),
    projected: f.projected,
  };
  if (fixed?.anchor !== undefined) w.anchor = fixed.anchor;
  if (fixed !== undefined) w.healed = Math.min(fixed.earliest, earliest);
  return w;
}

interface Row {
  number: number;
  phase: string;
  title: string;
  state: Plan['sessions'][number]['state'];
  day?: number;
  time?: string;
  window?: Window;
  due?: SessionForecast['due'];
  evaluation?: string;
  aftercareUntil?: number;
  aftercareRules: { title: string; until: number }[];
  /** Session 1 when pending: the date it can start from. */
  from?: number;
  /** The next session of a plan on hold: the pause's `until`, or '' when open-ended. */
  held?: string;
}

function rows(plan: Plan, protocol: Protocol, f: Forecast, e: Evaluation): Row[] {
  return plan.sessions.map((s, i) => {
    const row: Row = {
      number: s.number,
      phase: s.phase,
      title: sessionLabel(protocol, s.number).title,
      state: s.state,
      aftercareRules: [],
    };
    const interval = s.state === 'completed' ? s.completed : s.state === 'booked' ? s.booking : undefined;
    if (interval !== undefined) {
      const ms = parseInstant(interval.start);
      row.day = localDayOf(plan.timeZone, ms);
      row.time = clock(ms, plan.timeZone);
    }
    const sf = f.sessions[i];
    const fixed = fixedWindow(plan, protocol, s.number);
    const w = s.state === 'completed' ? fixed : forecastWindow(sf, fixed);
    if (w !== undefined && sessionSpec(protocol, s.number).gaps.length > 0) row.window = w;
    if (s.number === 1 && s.state === 'pending' && sf?.earliest !== undefined) {
      const from = parseLocalDate(sf.earliest);
      if (from !== undefined) row.from = from;
    }
    if (s.state !== 'completed' && sf?.due !== undefined && f.next !== null) row.due = sf.due;
    if (plan.status === 'onHold' && f.next?.session === s.number) row.held = plan.hold?.until ?? '';
    const ev = e.sessions[i]?.evaluation;
    if (ev !== undefined) row.evaluation = ev;
    if (interval !== undefined) {
      const items = aftercare(plan, { protocol, session: s.number });
      if (items.ok) {
        for (const item of items.value) {
          const until = localDayOf(plan.timeZone, parseInstant(item.until));
          row.aftercareRules.push({ title: item.title, until });
          row.aftercareUntil = Math.max(row.aftercareUntil ?? -Infinity, until);
        }
      }
    }
    return row;
  });
}

const EVALUATION_TEXT: Record<string, string> = {
  tooSoon: 'too soon',
  grace: 'grace',
  early: 'early',
  onTime: 'on time',
  late: 'late',
  lapsed: 'lapsed',
};

/** The row's state in a few words (it fits the label column); the full story is in the row's title. */
function stateText(row: Row, asOfDay: number): { text: string; warning: boolean } {
  const judged =
    row.evaluation === undefined || row.evaluation === 'onTime' ? '' : `, ${EVALUATION_TEXT[row.evaluation] ?? row.evaluation}`;
  const tooSoon = row.evaluation === 'tooSoon';
  if (row.state === 'completed' && row.day !== undefined) return { text: `Done ${dayLabel(row.day)}${judged}`, warning: tooSoon };
  if (row.state === 'booked' && row.day !== undefined) {
    if (row.day < asOfDay) return { text: `Booked ${dayLabel(row.day)}: not recorded`, warning: true };
    return { text: `Booked ${dayLabel(row.day)} ${row.time ?? ''}${judged}`, warning: tooSoon };
  }
  const w = row.window;
  if (row.held !== undefined) {
    const until = parseLocalDate(row.held);
    return { text: until === undefined ? 'On hold' : `On hold until ${dayLabel(until)}`, warning: false };
  }
  if (row.due === 'overdue' && w !== undefined) return { text: `OVERDUE since ${dayLabel(w.pastDue)}`, warning: true };
  if (row.due === 'lapsed' && w !== undefined) return { text: `LAPSED after ${dayLabel(w.latest)}`, warning: true };
  if (row.from !== undefined) return { text: `Pending, from ${dayLabel(row.from)}`, warning: false };
  return { text: w?.projected === true ? 'Pending (projected)' : 'Pending', warning: false };
}

/** The row's dates in words, for its title and the SVG's description. */
function windowText(w: Window): string {
  const parts: string[] = [];
  if (w.anchor !== undefined) parts.push(`healing until ${dayLabel((w.healed ?? w.earliest) - 1)}`);
  parts.push(`bookable from ${dayLabel(w.earliest)}`);
  if (Number.isFinite(w.pastDue))
    parts.push(`recommended ${dayLabel(w.recommended)} to ${dayLabel(w.pastDue - 1)}`, `late from ${dayLabel(w.pastDue)}`);
  else parts.push(`recommended from ${dayLabel(w.recommended)}`);
  if (Number.isFinite(w.latest)) parts.push(`lapses after ${dayLabel(w.latest)}`);
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}${w.projected ? ' (projected)' : ''}.`;
}

/**
 * A self-contained SVG timeline of a plan's course, readable at 800 px wide.
 *
 * One row per session: its healing period (hatched: not bookable yet), its gap's windows shaded
 * (early, recommended, late), the session as a mark (filled: done; ring: booked) with its date,
 * and its aftercare period (from {@link aftercare}). A dashed line marks today (`asOf`); an `asOf`
 * more than 120 days from every date of the course is an arrow at the edge with its date, so the
 * picture is the size of the course, never of the years to `asOf`; over three years the axis marks
 * years (at most about 24 labels). A session
 * that is overdue or lapsed is written in a warning colour **and** says so in words. The SVG has
 * a `<title>` and a `<desc>` that tells the whole course in text, and a `<title>` per row, so a
 * screen reader gets what the picture shows. No scripts, no external fonts or images.
 *
 * Never throws: an invalid plan, protocol or `asOf` refuses the call (`ok: false`); the forecast's
 * warnings (such as `OUTCOME_NOT_RECORDED`) ride along in `findings`.
 *
 * @param plan - the plan
 * @param options - its protocol and the moment that is "today"
 * @returns the SVG document (UTF-8 text) with the forecast's warnings, or the findings that refuse it
 *
 * @example
 * ```ts
 * import { toTimelineSvg, standardProtocol, type Plan } from 'smp-protocol';
 * declare const plan: Plan;
 * const svg = toTimelineSvg(plan, { protocol: standardProtocol, asOf: '2026-04-02T13:10:00+01:00' });
 * svg.ok && svg.value; // '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="…" role="img" …><title id="title">Course timeline: plan-0042 …'
 * ```
 */
export function toTimelineSvg(plan: Plan, options: ReadOptions): Outcome<string> {
  return guardedInput([plan, options] as const, ['plan', 'options'], (plan, options) => {
    const read = readAsOfCall(plan, options);
    if (!read.ok) return read;
    const { plan: p, protocol, options: asOf } = read.value;
    const f = forecast(p, { protocol, asOf: formatInstant(asOf.asOfMs, p.timeZone) });
    const e = evaluatePlan(p, { protocol, asOf: formatInstant(asOf.asOfMs, p.timeZone) });
    if (!f.ok) return f;
    if (!e.ok) return e;
    return ok(draw(p, protocol, f.value, e.value, asOf.asOfDay), f.value.findings);
  });
}

function draw(plan: Plan, protocol: Protocol, f: Forecast, e: Evaluation, asOfDay: number): string {
  const data = rows(plan, protocol, f, e);
  // The span: from a little before the first date to a little after the last one that matters.
  // Today widens it only when near the course: an asOf years away is a marker at the edge, so the
  // picture stays the size of the course whatever asOf is.
  const days: number[] = [localDayOf(plan.timeZone, parseInstant(plan.createdAt))];
  for (const r of data) {
    if (r.day !== undefined) days.push(r.day);
    if (r.from !== undefined) days.push(r.from, r.from + 14);
    if (r.aftercareUntil !== undefined) days.push(r.aftercareUntil);
    const w = r.window;
    if (w !== undefined) {
      if (w.anchor !== undefined) days.push(w.anchor);
      days.push(w.earliest, w.recommended);
      days.push(Number.isFinite(w.latest) ? w.latest : Number.isFinite(w.pastDue) ? w.pastDue + 7 : w.recommended + 14);
    }
  }
  const near = asOfDay >= Math.min(...days) - TODAY_REACH && asOfDay <= Math.max(...days) + TODAY_REACH;
  if (near) days.push(asOfDay);
  const start = Math.min(...days) - 2;
  const end = Math.max(...days) + 3;
  const span = Math.max(end - start, 7);
  const plot = WIDTH - LEFT - RIGHT;
  const x = (day: number): number => LEFT + ((day - start) / span) * plot;
  const clampDay = (day: number): number => Math.min(Math.max(day, start), start + span);
  const height = HEADER + data.length * ROW + LEGEND;
  const top = HEADER;
  const bottom = HEADER + data.length * ROW;
  const out: string[] = [];

  // Axis: a thin line per week (Mondays) or per month, a label per month and per tick.
  // Labels need about 46 px: every week, every other week, or every month, as the scale allows.
  const week = (plot / span) * 7;
  const every = week >= 46 ? 1 : week >= 23 ? 2 : 0;
  const ticks: string[] = [];
  let mondays = 0;
  // Over a few years, a line per month would crowd the plot (and a course booked centuries ahead
  // would draw thousands): then a line and a label per 1, 2, 5, 10… years, at most about 24.
  const yearStep = span > YEARLY_AFTER ? YEAR_STEPS.find((step) => span / 365.2425 / step <= 24) : undefined;
  if (span > YEARLY_AFTER) {
    const step = yearStep ?? 5000;
    const first = civilFromDays(start).year;
    for (let y = Math.ceil(first / step) * step; daysFromCivil(y, 1, 1) <= start + span; y += step) {
      const d = daysFromCivil(y, 1, 1);
      if (d < start) continue;
      ticks.push(`<line x1="${r1(x(d))}" y1="${top - 6}" x2="${r1(x(d))}" y2="${bottom}" stroke="#cbd5e1" stroke-width="1"/>`);
      ticks.push(text(x(d) + 2, top - 10, String(y), `font-size="10" fill="${C.muted}"`));
    }
  }
  for (let d = start; span <= YEARLY_AFTER && d <= start + span; d += 1) {
    const { day, month, year } = civilFromDays(d);
    const monthStart = day === 1;
    const monday = every > 0 && isoWeekday(d) === 1;
    if (!monday && !monthStart) continue;
    ticks.push(
      `<line x1="${r1(x(d))}" y1="${top - 6}" x2="${r1(x(d))}" y2="${bottom}" stroke="${monthStart ? '#cbd5e1' : C.grid}" stroke-width="1"/>`,
    );
    if (monday) mondays += 1;
    const label = every === 0 ? monthStart : monday && (mondays - 1) % every === 0;
    if (label)
      ticks.push(
        text(x(d) + 2, top - 10, every === 0 ? `${MONTHS[month - 1] ?? ''} ${year}` : dayLabel(d), `font-size="10" fill="${C.muted}"`),
      );
  }
  out.push(`<g aria-hidden="true">${ticks.join('')}</g>`);

  const summary: string[] = [];
  data.forEach((r, i) => {
    const y = top + i * ROW;
    const band = y + 12;
    const bandH = 22;
    const mid = band + bandH / 2;
    const parts: string[] = [];
    const state = stateText(r, asOfDay);
    const w = r.window;
    const rowTitle: string[] = [`Session ${r.number} (${r.title}, ${r.phase}): ${state.text}.`];
    if (i % 2 === 1) parts.push(`<rect x="0" y="${y}" width="${WIDTH}" height="${ROW}" fill="#f9fafb"/>`);
    if (w !== undefined) {
      const opacity = w.projected ? ' fill-opacity="0.55"' : '';
      const seg = (from: number, to: number, fill: string, stroke: string, extra = ''): void => {
        if (!Number.isFinite(from) || to <= from) return;
        const a = x(clampDay(from));
        const b = x(clampDay(to));
        if (b - a <= 0) return;
        parts.push(
          `<rect x="${r1(a)}" y="${band}" width="${r1(b - a)}" height="${bandH}" fill="${fill}" stroke="${stroke}" stroke-width="1"${opacity}${extra}/>`,
        );
      };
      if (w.anchor !== undefined) seg(w.anchor + 1, w.healed ?? w.earliest, 'url(#healing)', C.healing);
      rowTitle.push(windowText(w));
      seg(w.earliest, w.recommended, C.early, C.earlyEdge);
      const pastDue = Number.isFinite(w.pastDue) ? w.pastDue : w.recommended + 14;
      seg(w.recommended, pastDue, C.recommended, C.recommendedEdge);
      if (Number.isFinite(w.pastDue)) {
        const latest = Number.isFinite(w.latest) ? w.latest + 1 : w.pastDue + 7;
        seg(w.pastDue, latest, r.due === 'overdue' || r.due === 'lapsed' ? 'url(#overdue)' : C.late, C.lateEdge);
      }
      const recMid = (x(clampDay(w.recommended)) + x(clampDay(pastDue))) / 2;
      if (x(clampDay(pastDue)) - x(clampDay(w.recommended)) > 78)
        parts.push(text(recMid, band + 15, 'recommended', `font-size="10" text-anchor="middle" fill="#14532d"`));
    }
    if (r.aftercareUntil !== undefined && r.day !== undefined) {
      const a = x(r.day + 0.5);
      const b = x(clampDay(r.aftercareUntil + 1));
      parts.push(
        `<rect x="${r1(a)}" y="${band + bandH + 6}" width="${r1(Math.max(b - a, 2))}" height="6" rx="3" fill="${C.aftercare}" fill-opacity="0.35"/>`,
      );
      // A tick where each aftercare rule ends, so its stages can be read without colour.
      const ends = [...new Set(r.aftercareRules.map((rule) => rule.until))].sort((p, q) => p - q);
      for (const u of ends)
        parts.push(`<rect x="${r1(x(u + 1) - 1)}" y="${band + bandH + 4}" width="2" height="10" fill="${C.aftercare}"/>`);
      const label = `aftercare to ${dayLabel(r.aftercareUntil)}`;
      const fits = b + 8 + label.length * 6 < WIDTH;
      parts.push(
        text(
          fits ? b + 4 : WIDTH - 4,
          band + bandH + (fits ? 13 : 24),
          label,
          `font-size="10" fill="${C.aftercare}"${fits ? '' : ' text-anchor="end"'}`,
        ),
      );
      rowTitle.push(`Aftercare: ${r.aftercareRules.map((rule) => `${rule.title} until ${dayLabel(rule.until)}`).join('; ')}.`);
    }
    if (r.day !== undefined) {
      const cx = x(r.day + 0.5);
      parts.push(
        r.state === 'completed'
          ? `<circle cx="${r1(cx)}" cy="${r1(mid)}" r="7" fill="${C.mark}" stroke="#ffffff" stroke-width="1.5"/>`
          : `<circle cx="${r1(cx)}" cy="${r1(mid)}" r="6.5" fill="#ffffff" stroke="${C.mark}" stroke-width="3"/>`,
      );
      parts.push(text(cx, band - 3, dayLabel(r.day), `font-size="10" font-weight="bold" text-anchor="middle" fill="${C.mark}"`));
    }
    // The row's label: number, title, and the state in words (in the warning colour when past due).
    parts.push(text(12, y + 20, `Session ${r.number}`, 'font-size="13" font-weight="bold"'));
    parts.push(text(12, y + 35, r.title.length > 24 ? `${r.title.slice(0, 23)}…` : r.title, `font-size="11" fill="${C.muted}"`));
    const stateAttrs = state.warning ? `font-size="11" font-weight="bold" fill="${C.warning}"` : `font-size="11" fill="${C.text}"`;
    if (state.warning)
      parts.push(`<rect x="8" y="${y + 42}" width="${LEFT - 14}" height="17" rx="3" fill="${C.warningFill}" stroke="${C.warning}"/>`);
    parts.push(text(12, y + 54, state.text, stateAttrs));
    summary.push(rowTitle.join(' '));
    out.push(
      `<g id="session-${r.number}" data-state="${r.state}"${r.due === undefined ? '' : ` data-due="${r.due}"`}><title>${escapeXml(rowTitle.join(' '))}</title>${parts.join('')}</g>`,
    );
  });

  // Today: a dashed line, or, when it is far from the course, an arrow at the edge with its date.
  const before = !near && asOfDay < start;
  const tx = near ? x(asOfDay + 0.5) : before ? LEFT : WIDTH - RIGHT;
  const todayLabel = near
    ? `Today ${dayLabel(asOfDay)}`
    : before
      ? `← Today ${dayLabel(asOfDay, true)}`
      : `Today ${dayLabel(asOfDay, true)} →`;
  out.push(
    `<g id="today"${near ? '' : ` data-offscale="${before ? 'before' : 'after'}"`}><title>Today: ${escapeXml(dayLabel(asOfDay, true))}</title>` +
      `<line x1="${r1(tx)}" y1="${top - 4}" x2="${r1(tx)}" y2="${bottom + 4}" stroke="${C.today}" stroke-width="2" stroke-dasharray="5 3"/>` +
      `${text(tx, bottom + 16, todayLabel, `font-size="11" font-weight="bold" text-anchor="${near ? 'middle' : before ? 'start' : 'end'}" fill="${C.today}"`)}</g>`,
  );

  // Legend: each swatch with its words.
  const legend: [string, string][] = [
    ['<rect width="16" height="10" fill="url(#healing)" stroke="#94a3b8"/>', 'healing, not bookable'],
    [`<rect width="16" height="10" fill="${C.early}" stroke="${C.earlyEdge}"/>`, 'early'],
    [`<rect width="16" height="10" fill="${C.recommended}" stroke="${C.recommendedEdge}"/>`, 'recommended'],
    [`<rect width="16" height="10" fill="${C.late}" stroke="${C.lateEdge}"/>`, 'late (past due)'],
    ...(data.some((r) => r.due === 'overdue' || r.due === 'lapsed')
      ? [['<rect width="16" height="10" fill="url(#overdue)" stroke="#d97706"/>', 'overdue now'] as [string, string]]
      : []),
    [`<rect y="2" width="16" height="6" rx="3" fill="${C.aftercare}" fill-opacity="0.35"/>`, 'aftercare'],
    [`<circle cx="8" cy="5" r="5" fill="${C.mark}"/>`, 'done'],
    [`<circle cx="8" cy="5" r="4.5" fill="#ffffff" stroke="${C.mark}" stroke-width="2.5"/>`, 'booked'],
  ];
  const ly = bottom + 34;
  let lx = 12;
  const legendParts: string[] = [];
  let row = 0;
  for (const [swatch, label] of legend) {
    const w = 36 + label.length * 7;
    if (lx + w > WIDTH - 12) {
      row += 1;
      lx = 12;
    }
    legendParts.push(
      `<g transform="translate(${lx} ${ly + row * 20})">${swatch}${text(22, 9, label, `font-size="11" fill="${C.text}"`)}</g>`,
    );
    lx += w;
  }
  out.push(`<g id="legend">${legendParts.join('')}</g>`);

  const status =
    plan.status === 'onHold' && plan.hold !== undefined
      ? `On hold since ${dayLabel(localDayOf(plan.timeZone, parseInstant(plan.hold.since)))}: ${plan.hold.reason}`
      : plan.status === 'closed' && plan.closure !== undefined
        ? `Closed on ${dayLabel(localDayOf(plan.timeZone, parseInstant(plan.closure.at)))}: ${plan.closure.reason}`
        : `Plan ${plan.status}`;
  const title = `Course timeline: ${plan.id}, ${protocol.name}`;
  const subtitle = `${status} · as of ${dayLabel(asOfDay, true)} · ${plan.timeZone}`;
  const desc = `${title}. ${subtitle}. ${summary.join(' ')}`;
  const defs =
    '<defs>' +
    `<pattern id="healing" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f1f5f9"/><line x1="0" y1="0" x2="0" y2="6" stroke="${C.healing}" stroke-width="2"/></pattern>` +
    `<pattern id="overdue" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="8" height="8" fill="${C.warningFill}"/><line x1="0" y1="0" x2="0" y2="8" stroke="${C.warning}" stroke-width="2.5"/></pattern>` +
    '</defs>';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="title desc">` +
    `<title id="title">${escapeXml(title)}</title>` +
    `<desc id="desc">${escapeXml(desc)}</desc>` +
    defs +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>` +
    `<g font-family="${escapeXml(FONT)}" fill="${C.text}">` +
    text(12, 24, title, 'font-size="16" font-weight="bold"') +
    text(12, 44, subtitle, `font-size="12" fill="${C.muted}"`) +
    out.join('') +
    '</g></svg>\n'
  );
}
