#!/usr/bin/env node
/**
 * Builds the conformance corpus (conformance/*.json) from compact tables.
 *
 * Every expected value here is computed INDEPENDENTLY of the library: plain arithmetic on the day
 * counts of docs/defaults.md and the rules of docs/design.md (spacing table, forecast dates, due states, state
 * machine, care and screening semantics). This script never imports smp-protocol: the corpus exists
 * to catch the library being wrong, so it must not be derived from it. The only outside help is
 * `Intl`, used to check that the offsets written by hand in absolute instants are the zone's real
 * offsets (so the date part of such an instant is its local date).
 *
 * Usage: node scripts/build-conformance.mjs   (writes conformance/*.json, prints the counts)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'conformance');
const CHANGED_IN = '0.1.0';

// ---------------------------------------------------------------------------------------------
// docs/defaults.md's defaults, as plain tables.
// ---------------------------------------------------------------------------------------------

/** absolute minimum / minimum / earliest recommended / latest recommended / maximum, in days. */
const gap = (absMin, min, earliestRec, latestRec, max) => ({ absMin, min, earliestRec, latestRec, max });
const STANDARD_12 = gap(5, 7, 10, 14, 30);
const STANDARD_23 = gap(5, 7, 14, 28, 56);
const SCAR = gap(10, 14, 21, 42, 84);
const THINNING = gap(5, 7, 10, 14, 30);

const PROTOCOLS = {
  standard: { gaps: { 2: STANDARD_12, 3: STANDARD_23 }, extra: STANDARD_23, maxExtra: 1, checklist1: true },
  'scar-camouflage': { gaps: { 2: SCAR, 3: SCAR }, extra: SCAR, maxExtra: 2, checklist1: true },
  'diffuse-thinning': { gaps: { 2: THINNING, 3: THINNING }, extra: THINNING, maxExtra: 1, checklist1: false },
  'alopecia-areata': { gaps: { 2: STANDARD_12, 3: STANDARD_23 }, extra: STANDARD_23, maxExtra: 2, checklist1: true },
  'touch-up': { gaps: {}, extra: THINNING, maxExtra: 1, checklist1: false, sessions: 1 },
};
const gapOf = (protocol, session) => PROTOCOLS[protocol].gaps[session] ?? PROTOCOLS[protocol].extra;

/** Session lengths (minutes): 1 = 240, 2 and 3 = 180, extra = 120. */
const DURATION = { 1: 240, 2: 180, 3: 180 };
const durationOf = (session) => DURATION[session] ?? 120;

/** Aftercare rules per session, in the protocol's order (rule ids of src/protocol/builtin.ts). */
const AFTERCARE = [
  { rule: 'keep-dry', days: 4 },
  { rule: 'no-products', days: 4 },
  { rule: 'no-shaving', days: 4, shaving: true },
  { rule: 'no-razor', days: 7, shaving: true },
  { rule: 'no-shampoo', days: 7 },
  { rule: 'no-sweating', days: 7 },
  { rule: 'pause-minoxidil', days: 7 },
  { rule: 'no-hair-dye', days: 14 },
  { rule: 'avoid-sun', days: 28 },
  { rule: 'no-swimming-sauna', days: 28, finalOnly: true },
];
/** Preparation rules: [from, until] hours before the start. */
const PREPARATION = [
  { rule: 'no-hair-dye', from: 14 * 24, until: 0 },
  { rule: 'no-blood-thinners', from: 7 * 24, until: 0 },
  { rule: 'no-tanning', from: 7 * 24, until: 0 },
  { rule: 'pause-minoxidil', from: 7 * 24, until: 0 },
  { rule: 'no-alcohol', from: 48, until: 0 },
  { rule: 'trim-with-clippers', from: 48, until: 24 },
  { rule: 'no-caffeine', from: 24, until: 0 },
];
const LONG_HAIR_PREPARATION = PREPARATION.filter((r) => r.rule !== 'trim-with-clippers');
const SHAVING_PROTOCOLS = new Set(['standard', 'scar-camouflage']);

// ---------------------------------------------------------------------------------------------
// Plain calendar and instant arithmetic (no library).
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const pad = (n, w = 2) => String(n).padStart(w, '0');
const dateToDays = (date) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
const daysToDate = (days) => new Date(days * DAY_MS).toISOString().slice(0, 10);
const addDays = (date, n) => daysToDate(dateToDays(date) + n);
/** Calendar days between two local dates. */
const daysBetween = (a, b) => dateToDays(b) - dateToDays(a);
/** Months added to a local date; a day that does not exist rolls to the 1st of the next month. */
function addMonths(date, months) {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7) - 1 + months;
  const d = +date.slice(8, 10);
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  if (d > length) return `${year + Math.floor((month + 1) / 12)}-${pad(((month + 1) % 12) + 1)}-01`;
  return `${year}-${pad(month + 1)}-${pad(d)}`;
}

/** Parses an instant with an explicit offset: { ms, localDate, localTime, offsetMinutes }. */
function parseInstant(text) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?([+-])(\d{2}):(\d{2})$/.exec(text);
  if (m === null) throw new Error(`instant without an explicit offset: ${text}`);
  const offsetMinutes = (m[5] === '-' ? -1 : 1) * (+m[6] * 60 + +m[7]);
  const ms = dateToDays(m[1]) * DAY_MS + ((+m[2] * 60 + +m[3]) * 60 + +(m[4] ?? 0)) * 1000 - offsetMinutes * 60_000;
  return { ms, localDate: m[1], offsetMinutes };
}

/** The zone's real offset at an instant, from Intl (only to check instants written by hand). */
function intlOffsetMinutes(zone, ms) {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(ms));
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name);
  return m?.[1] === undefined ? 0 : (m[1] === '-' ? -1 : 1) * (+m[2] * 60 + +m[3]);
}

/** Checks a hand-written instant carries its zone's real offset, and returns its local date. */
function localDate(instant, zone) {
  const p = parseInstant(instant);
  const real = intlOffsetMinutes(zone, p.ms);
  if (real !== p.offsetMinutes) throw new Error(`${instant} is not written with ${zone}'s offset (${real} min)`);
  return p.localDate;
}

/**
 * Europe/London as a rule: BST (+01:00) from the last Sunday of March 01:00 UTC to the last
 * Sunday of October 01:00 UTC. Used to write the instants care items are expected at.
 */
function lastSundayUtc(year, month0) {
  const last = new Date(Date.UTC(year, month0 + 1, 0));
  return Date.UTC(year, month0, last.getUTCDate() - last.getUTCDay(), 1);
}
const londonOffset = (ms) => {
  const y = new Date(ms).getUTCFullYear();
  return ms >= lastSundayUtc(y, 2) && ms < lastSundayUtc(y, 9) ? 60 : 0;
};
function formatLondon(ms) {
  const off = londonOffset(ms);
  const local = new Date(ms + off * 60_000).toISOString().slice(0, 19);
  return `${local}+${pad(off / 60)}:00`;
}
/** The same London wall-clock time `days` calendar days later (times away from the 01:00–02:00 changes). */
function londonPlusCalendarDays(instant, days) {
  const p = parseInstant(instant);
  const wall = p.ms + p.offsetMinutes * 60_000 + days * DAY_MS; // local wall clock as if UTC
  const bst = wall - 60 * 60_000;
  return formatLondon(londonOffset(bst) === 60 ? bst : wall);
}

// ---------------------------------------------------------------------------------------------
// docs/design.md's rules.
// ---------------------------------------------------------------------------------------------

/** The spacing table: d calendar days from the anchor. */
function classify(g, d) {
  if (d < g.absMin) return 'tooSoon';
  if (d < g.min) return 'grace';
  if (d < g.earliestRec) return 'early';
  if (d <= g.latestRec) return 'onTime';
  if (g.max === undefined || d <= g.max) return 'late';
  return 'lapsed';
}
/** What a booking (command) at d gives. */
const BOOKING = {
  tooSoon: { ok: false, codes: ['SPACING_TOO_SOON'], severities: ['error'] },
  grace: { ok: false, codes: ['SPACING_BELOW_MINIMUM'], severities: ['error'] },
  early: { ok: true, codes: ['SPACING_EARLY'], severities: ['warning'] },
  onTime: { ok: true, codes: [], severities: [] },
  late: { ok: true, codes: ['SPACING_LATE'], severities: ['warning'] },
  lapsed: { ok: true, codes: ['SPACING_LAPSED'], severities: ['warning'] },
};
/** What recording a completed session (a fact) at d gives: always accepted. */
const COMPLETION = {
  tooSoon: ['SPACING_TOO_SOON'],
  grace: ['SPACING_GRACE'],
  early: ['SPACING_EARLY'],
  onTime: [],
  late: ['SPACING_LATE'],
  lapsed: ['SPACING_LAPSED'],
};
const completionProbe = (evaluation) => {
  const codes = COMPLETION[evaluation];
  return { ok: true, codes, severities: codes.map(() => 'warning') };
};
const WORDS = {
  tooSoon: 'too soon (not valid)',
  grace: 'in the grace band (valid for records, never bookable)',
  early: 'early',
  onTime: 'on time',
  late: 'late',
  lapsed: 'lapsed (re-assessment suggested)',
};

/** Forecast dates of a gap from an anchor day (relative day numbers). */
const windowFrom = (a, g) => ({
  earliest: a + g.min,
  recommended: a + g.earliestRec,
  pastDue: a + g.latestRec + 1,
  latest: g.max === undefined ? null : a + g.max,
});
/** Where `today` stands against a window (absent dates are infinitely far). */
function dueOf(today, w) {
  const inf = (x) => (x === null ? Infinity : x);
  if (today < w.earliest) return 'notYet';
  if (today < w.recommended) return 'early';
  if (today < inf(w.pastDue)) return 'due';
  if (today <= inf(w.latest)) return 'overdue';
  return 'lapsed';
}
const rel = (n) => (n === null ? null : { days: n });
const forecastEntry = (session, w, projected, today = 0) => ({
  session,
  earliest: rel(w.earliest),
  recommended: rel(w.recommended),
  pastDue: rel(w.pastDue),
  latest: rel(w.latest),
  due: dueOf(today, w),
  projected,
});

// ---------------------------------------------------------------------------------------------
// Case building.
// ---------------------------------------------------------------------------------------------

const t = (days, time) => ({ days, time });
const CHECKLIST = { checklist: { hairlineAgreed: true } };

const ev = {
  /** A session recorded as completed without a booking: start `day` at `time`, recorded 5 h later. */
  complete(session, day, { time = '10:00', protocol = 'standard', at } = {}) {
    const e = { type: 'sessionCompleted', at: at ?? t(day, time === '10:00' ? '15:00' : '23:59'), session, start: t(day, time) };
    if (session === 1 && PROTOCOLS[protocol]?.checklist1) e.record = CHECKLIST;
    return e;
  },
  book: (session, day, at = t(0, '09:00'), time = '10:00') => ({ type: 'sessionBooked', at, session, start: t(day, time) }),
  reschedule: (session, day, at = t(0, '10:00'), time = '10:00') => ({ type: 'sessionRescheduled', at, session, start: t(day, time) }),
  cancel: (session, at) => ({ type: 'sessionCancelled', at, session, reason: 'client request' }),
  missed: (session, at) => ({ type: 'sessionMissed', at, session }),
  completeBooked: (session, at) => ({ type: 'sessionCompleted', at, session }),
  add: (at) => ({ type: 'sessionAdded', at, reason: 'pigment healed too light' }),
  pause: (at, until) => ({ type: 'planPaused', at, reason: 'adverse reaction', ...(until === undefined ? {} : { until }) }),
  resume: (at) => ({ type: 'planResumed', at }),
  close: (at) => ({ type: 'planClosed', at, reason: 'two sessions were enough' }),
};

const ids = new Set();
function kase(c) {
  if (ids.has(c.id)) throw new Error(`duplicate id ${c.id}`);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(c.id)) throw new Error(`id not kebab-case: ${c.id}`);
  ids.add(c.id);
  const out = {
    id: c.id,
    description: c.description,
    testType: c.testType,
    ...(c.probe === undefined ? {} : { probe: c.probe }),
    protocol: c.protocol ?? 'standard',
    timeZone: c.timeZone ?? 'Europe/London',
    ...(c.asOf === undefined ? {} : { asOf: c.asOf }),
    ...(c.createdAt === undefined ? {} : { createdAt: c.createdAt }),
    events: c.events ?? [],
    ...(c.probeEvent === undefined ? {} : { probeEvent: c.probeEvent }),
    ...(c.intake === undefined ? {} : { intake: c.intake }),
    expected: c.expected,
    changedIn: CHANGED_IN,
  };
  return out;
}

/** The ten boundary probes of a gap. */
const PROBES = [
  ['belowAbsoluteMinimum', 'below-absolute-minimum', (g) => g.absMin - 1, 'absolute minimum − 1'],
  ['atAbsoluteMinimum', 'at-absolute-minimum', (g) => g.absMin, 'absolute minimum'],
  ['belowMinimum', 'below-minimum', (g) => g.min - 1, 'minimum − 1'],
  ['atMinimum', 'at-minimum', (g) => g.min, 'minimum'],
  ['belowEarliestRecommended', 'below-earliest-recommended', (g) => g.earliestRec - 1, 'earliest recommended − 1'],
  ['atEarliestRecommended', 'at-earliest-recommended', (g) => g.earliestRec, 'earliest recommended'],
  ['atLatestRecommended', 'at-latest-recommended', (g) => g.latestRec, 'latest recommended'],
  ['pastLatestRecommended', 'past-latest-recommended', (g) => g.latestRec + 1, 'latest recommended + 1'],
  ['atMaximum', 'at-maximum', (g) => g.max, 'maximum'],
  ['pastMaximum', 'past-maximum', (g) => g.max + 1, 'maximum + 1'],
];
const gapText = (g) => `${g.absMin}/${g.min}/${g.earliestRec}–${g.latestRec}/${g.max}`;
const PROTOCOL_ZONE = { standard: 'Europe/London', 'scar-camouflage': 'America/New_York', 'diffuse-thinning': 'Australia/Sydney' };

// ---------------------------------------------------------------------------------------------
// spacing-booking.json
// ---------------------------------------------------------------------------------------------

function bookingCases() {
  const cases = [];
  const plan = [
    ['standard', 2, null],
    ['standard', 3, null],
    [
      'scar-camouflage',
      2,
      ['belowAbsoluteMinimum', 'belowMinimum', 'atMinimum', 'atEarliestRecommended', 'pastLatestRecommended', 'pastMaximum'],
    ],
    ['scar-camouflage', 3, ['atAbsoluteMinimum', 'atLatestRecommended', 'atMaximum']],
    ['diffuse-thinning', 2, ['belowMinimum', 'atMinimum', 'atLatestRecommended']],
    ['diffuse-thinning', 3, ['atEarliestRecommended', 'pastLatestRecommended', 'atMaximum', 'pastMaximum']],
  ];
  for (const [protocol, session, only] of plan) {
    const g = gapOf(protocol, session);
    for (const [probe, slug, dOf, label] of PROBES) {
      if (only !== null && !only.includes(probe)) continue;
      const d = dOf(g);
      const evaluation = classify(g, d);
      const expected = BOOKING[evaluation];
      // Session `session - 1` is the anchor: completed yesterday (gap 1→2), or booked (gap 2→3).
      let events;
      let anchor;
      if (session === 2) {
        anchor = -1;
        events = [ev.complete(1, -1, { protocol })];
      } else {
        const g12 = gapOf(protocol, 2);
        anchor = -1 + g12.earliestRec;
        events = [ev.complete(1, -1, { protocol }), ev.book(2, anchor, t(0, '08:30'))];
      }
      const anchorWord = session === 2 ? 'completed yesterday' : `itself booked, not yet done, ${g12Text(protocol)} after session 1`;
      cases.push(
        kase({
          id: `${protocol}-book-${session}-${slug}`,
          description:
            `${protocol}: session ${session} booked ${d} days after session ${session - 1} (${anchorWord}); the gap ` +
            `${session - 1}→${session} is ${gapText(g)} days, so day ${d} (${label}) is ${WORDS[evaluation]}: ` +
            `${expected.ok ? 'accepted' : 'refused'}${expected.codes.length > 0 ? ` with ${expected.codes[0]}` : ' with no finding'}.`,
          testType: 'boundaryProbe',
          probe,
          protocol,
          timeZone: PROTOCOL_ZONE[protocol],
          events,
          probeEvent: ev.book(session, anchor + d),
          expected: { probe: expected, status: 'active' },
        }),
      );
    }
  }

  // Reschedules follow the booking rules: session 2 booked on day 12, moved to day d.
  const g = STANDARD_12;
  for (const [probe, slug, d] of [
    ['belowAbsoluteMinimum', 'below-absolute-minimum', g.absMin - 1],
    ['belowMinimum', 'below-minimum', g.min - 1],
    ['atMinimum', 'at-minimum', g.min],
    ['pastMaximum', 'past-maximum', g.max + 1],
  ]) {
    const evaluation = classify(g, d);
    const expected = BOOKING[evaluation];
    cases.push(
      kase({
        id: `standard-reschedule-2-${slug}`,
        description:
          `standard: session 2, booked 12 days after session 1, is moved to ${d} days after it. A move follows the booking rules ` +
          `(gap ${gapText(g)}): ${WORDS[evaluation]}, ${expected.ok ? 'accepted' : 'refused'}${expected.codes.length > 0 ? ` with ${expected.codes[0]}` : ''}.`,
        testType: 'boundaryProbe',
        probe,
        events: [ev.complete(1, -1), ev.book(2, 11, t(0, '08:30'))],
        probeEvent: ev.reschedule(2, -1 + d),
        expected: { probe: expected, status: 'active' },
      }),
    );
  }

  // Extra sessions use the protocol's extra gap, from the previous session.
  const extraPlan = [
    ['standard', ['belowMinimum', 'atMinimum', 'pastMaximum']],
    ['scar-camouflage', ['belowMinimum', 'pastMaximum']],
    ['touch-up', ['atLatestRecommended', 'pastLatestRecommended']],
  ];
  for (const [protocol, only] of extraPlan) {
    const n = PROTOCOLS[protocol].sessions ?? 3;
    const session = n + 1;
    const eg = PROTOCOLS[protocol].extra;
    // Completed sessions 20 days apart (a fact, whatever its evaluation), the last one yesterday.
    const events = [];
    for (let k = 1; k <= n; k++) events.push(ev.complete(k, -1 - 20 * (n - k), { protocol }));
    events.push(ev.add(t(0, '08:30')));
    for (const [probe, slug, dOf, label] of PROBES) {
      if (!only.includes(probe)) continue;
      const d = dOf(eg);
      const evaluation = classify(eg, d);
      const expected = BOOKING[evaluation];
      cases.push(
        kase({
          id: `${protocol}-book-extra-${slug}`,
          description:
            `${protocol}: an extra session (session ${session}) booked ${d} days after session ${n}; extras use the protocol's extra gap ` +
            `${gapText(eg)} days, so day ${d} (${label}) is ${WORDS[evaluation]}: ${expected.ok ? 'accepted' : 'refused'}` +
            `${expected.codes.length > 0 ? ` with ${expected.codes[0]}` : ' with no finding'}.`,
          testType: 'boundaryProbe',
          probe,
          protocol,
          timeZone: PROTOCOL_ZONE[protocol] ?? 'Europe/London',
          events,
          probeEvent: ev.book(session, -1 + d),
          expected: { probe: expected, status: 'active' },
        }),
      );
    }
  }
  return cases;
}
function g12Text(protocol) {
  return `${gapOf(protocol, 2).earliestRec} days`;
}

// ---------------------------------------------------------------------------------------------
// spacing-evaluation.json
// ---------------------------------------------------------------------------------------------

function evaluationCases() {
  const cases = [];
  const plan = [
    ['standard', 2, null],
    ['standard', 3, null],
    ['scar-camouflage', 2, ['belowAbsoluteMinimum', 'atAbsoluteMinimum', 'atMinimum', 'atEarliestRecommended', 'pastMaximum']],
    ['scar-camouflage', 3, ['belowMinimum', 'pastLatestRecommended']],
    ['diffuse-thinning', 3, ['atAbsoluteMinimum', 'atLatestRecommended', 'pastLatestRecommended', 'pastMaximum']],
  ];
  for (const [protocol, session, only] of plan) {
    const g = gapOf(protocol, session);
    for (const [probe, slug, dOf, label] of PROBES) {
      if (only !== null && !only.includes(probe)) continue;
      const d = dOf(g);
      const evaluation = classify(g, d);
      const day = -5; // the probed session happened five days ago
      const anchor = day - d;
      const events = [];
      const evaluations = [{ session: 1, evaluation: null, daysFromAnchor: null, codes: [] }];
      if (session === 2) events.push(ev.complete(1, anchor, { protocol }));
      else {
        const g12 = gapOf(protocol, 2);
        events.push(ev.complete(1, anchor - g12.earliestRec, { protocol }), ev.complete(2, anchor));
        evaluations.push({ session: 2, evaluation: 'onTime', daysFromAnchor: g12.earliestRec, codes: [] });
      }
      evaluations.push({ session, evaluation, daysFromAnchor: d, codes: COMPLETION[evaluation] });
      const probeOut = completionProbe(evaluation);
      cases.push(
        kase({
          id: `${protocol}-completed-${session}-${slug}`,
          description:
            `${protocol}: session ${session} happened ${d} days after session ${session - 1} (gap ${gapText(g)} days; day ${d} is the ${label}). ` +
            `A completed session is a fact: it is recorded${probeOut.codes.length > 0 ? ` with the warning ${probeOut.codes[0]}` : ' with no finding'}, ` +
            `and the evaluation says ${evaluation}${evaluation === 'tooSoon' ? ' (not valid: it may need repeating)' : ''}.`,
          testType: 'evaluation',
          probe,
          protocol,
          timeZone: PROTOCOL_ZONE[protocol],
          events,
          probeEvent: ev.complete(session, day),
          expected: { probe: probeOut, status: session === 3 ? 'completed' : 'active', evaluation: evaluations },
        }),
      );
    }
  }

  // A session evaluated tooSoon still anchors the next gap (CDSi does the same).
  {
    const g12 = STANDARD_12;
    const g23 = STANDARD_23;
    const d2 = g12.absMin - 1;
    const d3 = g23.earliestRec;
    cases.push(
      kase({
        id: 'standard-too-soon-session-still-anchors-next-gap',
        description:
          `standard: session 2 happened only ${d2} days after session 1 (too soon, not valid) and session 3 ${d3} days after session 2. ` +
          `The too-soon session still anchors the next gap, so session 3 is on time at ${d3} days (not ${d2 + d3} days from session 1).`,
        testType: 'evaluation',
        events: [ev.complete(1, -5 - d3 - d2), ev.complete(2, -5 - d3)],
        probeEvent: ev.complete(3, -5),
        expected: {
          probe: completionProbe(classify(g23, d3)),
          status: 'completed',
          evaluation: [
            { session: 2, evaluation: classify(g12, d2), daysFromAnchor: d2, codes: COMPLETION[classify(g12, d2)] },
            { session: 3, evaluation: classify(g23, d3), daysFromAnchor: d3, codes: COMPLETION[classify(g23, d3)] },
          ],
        },
      }),
    );
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// forecast.json
// ---------------------------------------------------------------------------------------------

function forecastCases() {
  const cases = [];
  const s12 = STANDARD_12;
  const s23 = STANDARD_23;
  /** Session 3 projected from a pending session 2 whose recommended date is r2: A = max(r2, today). */
  const projected3 = (r2) => forecastEntry(3, windowFrom(Math.max(r2, 0), s23), true);

  // Draft plan: session 1 pending from today; later sessions projected.
  {
    const w1 = { earliest: 0, recommended: 0, pastDue: null, latest: null };
    const w2 = windowFrom(0, s12);
    cases.push(
      kase({
        id: 'forecast-draft-plan-projects-every-session',
        description:
          'A new plan with nothing booked: session 1 may happen from today (no past-due or latest date); session 2 is projected from ' +
          "today (7/10/15/30 days) and session 3 from session 2's recommended date.",
        testType: 'forecast',
        events: [],
        expected: {
          status: 'draft',
          next: 1,
          forecast: [forecastEntry(1, w1, false), forecastEntry(2, w2, true), projected3(w2.recommended)],
        },
      }),
    );
  }

  // Session 2's due state at each boundary: session 1 completed `ago` days before asOf.
  const dueProbes = [
    ['notYet', 'day-before-earliest', (g) => g.min - 1, 'the day before the earliest date'],
    ['early', 'at-earliest', (g) => g.min, 'the earliest date (minimum)'],
    ['early', 'day-before-recommended', (g) => g.earliestRec - 1, 'the day before the recommended date'],
    ['due', 'at-recommended', (g) => g.earliestRec, 'the recommended date'],
    ['due', 'day-before-past-due', (g) => g.latestRec, 'the last recommended day'],
    ['overdue', 'at-past-due', (g) => g.latestRec + 1, 'the past-due date'],
    ['overdue', 'at-latest', (g) => g.max, 'the latest date (maximum)'],
    ['lapsed', 'after-latest', (g) => g.max + 1, 'the day after the latest date'],
  ];
  for (const [state, slug, agoOf, label] of dueProbes) {
    const ago = agoOf(s12);
    const w2 = windowFrom(-ago, s12);
    const entry = forecastEntry(2, w2, false);
    if (entry.due !== state) throw new Error(`forecast table: ${slug} gives ${entry.due}, not ${state}`);
    cases.push(
      kase({
        id: `forecast-session-2-${state.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-${slug}`,
        description:
          `Session 1 was completed ${ago} days ago, so today is ${label} of session 2 (earliest +7, recommended +10, past due +15, ` +
          `latest +30): session 2 is "${state}". Session 3 is projected from session 2's recommended date, never before today.`,
        testType: 'forecast',
        probe: slug.replace(/-([a-z])/g, (_, c) => c.toUpperCase()),
        events: [ev.complete(1, -ago)],
        expected: { status: 'active', next: 2, forecast: [entry, projected3(w2.recommended)] },
      }),
    );
  }

  // Gap 2→3 from a completed session 2.
  for (const [state, ago, label] of [
    ['overdue', s23.latestRec + 1, 'the past-due date'],
    ['lapsed', s23.max + 1, 'the day after the latest date'],
  ]) {
    const w3 = windowFrom(-ago, s23);
    cases.push(
      kase({
        id: `forecast-session-3-${state}`,
        description: `Session 2 was completed ${ago} days ago: today is ${label} of session 3 (gap 2→3 ${gapText(s23)} days), so session 3 is "${state}".`,
        testType: 'forecast',
        events: [ev.complete(1, -ago - 12), ev.complete(2, -ago)],
        expected: { status: 'active', next: 3, forecast: [forecastEntry(3, w3, false)] },
      }),
    );
  }

  // A booked anchor: dates from the booked date, not projected.
  {
    const w2 = windowFrom(3, s12);
    cases.push(
      kase({
        id: 'forecast-from-booked-anchor',
        description:
          "Session 1 is booked in 3 days: session 2's dates count from that booked date and are not projected; session 3 is projected " +
          "from session 2's recommended date.",
        testType: 'forecast',
        events: [ev.book(1, 3)],
        expected: { status: 'active', next: 1, forecast: [forecastEntry(2, w2, false), projected3(w2.recommended)] },
      }),
    );
  }

  // A projected anchor whose recommended date has passed: never before today.
  {
    const w2 = windowFrom(-20, s12);
    cases.push(
      kase({
        id: 'forecast-projection-never-before-today',
        description:
          "Session 1 was completed 20 days ago and session 2 is still pending: session 2's recommended date is 10 days ago, so session 3 " +
          'is projected from today (never from a date in the past).',
        testType: 'forecast',
        events: [ev.complete(1, -20)],
        expected: { next: 2, forecast: [forecastEntry(2, w2, false), forecastEntry(3, windowFrom(0, s23), true)] },
      }),
    );
  }

  // Other protocols.
  {
    const w2 = windowFrom(-SCAR.earliestRec, SCAR);
    cases.push(
      kase({
        id: 'forecast-scar-camouflage-session-2-due',
        description: `scar-camouflage: session 1 was completed 21 days ago; gap ${gapText(SCAR)} days, so session 2 is due today (its recommended date).`,
        testType: 'forecast',
        protocol: 'scar-camouflage',
        timeZone: 'America/New_York',
        events: [ev.complete(1, -21, { protocol: 'scar-camouflage' })],
        expected: { next: 2, forecast: [forecastEntry(2, w2, false), forecastEntry(3, windowFrom(0, SCAR), true)] },
      }),
    );
    const w3 = windowFrom(-16, THINNING);
    cases.push(
      kase({
        id: 'forecast-diffuse-thinning-session-3-overdue',
        description:
          `diffuse-thinning: session 2 was completed 16 days ago; its gap 2→3 is ${gapText(THINNING)} days (shorter than standard), ` +
          'so session 3 is past due (overdue) today.',
        testType: 'forecast',
        protocol: 'diffuse-thinning',
        timeZone: 'Australia/Sydney',
        events: [ev.complete(1, -30, { protocol: 'diffuse-thinning' }), ev.complete(2, -16)],
        expected: { next: 3, forecast: [forecastEntry(3, w3, false)] },
      }),
    );
  }

  // Extra session after a completed course.
  {
    const w4 = windowFrom(-10, STANDARD_23);
    cases.push(
      kase({
        id: 'forecast-extra-session-after-course',
        description:
          'The course was completed 10 days ago and an extra session was added: the plan is active again and session 4 uses the extra ' +
          `gap (${gapText(STANDARD_23)} days from session 3).`,
        testType: 'forecast',
        events: [ev.complete(1, -40), ev.complete(2, -26), ev.complete(3, -10), ev.add(t(0, '09:00'))],
        expected: { status: 'active', next: 4, forecast: [forecastEntry(4, w4, false)] },
      }),
    );
  }

  // A pause's until.
  {
    const w1 = { earliest: 20, recommended: 20, pastDue: null, latest: null };
    cases.push(
      kase({
        id: 'forecast-pause-until-delays-session-1',
        description:
          'A plan paused until a date 20 days from now (adverse reaction): session 1 is offered from that date, not from today, and is not yet due.',
        testType: 'forecast',
        events: [ev.pause(t(0, '09:00'), { days: 20 })],
        expected: { status: 'onHold', next: 1, forecast: [forecastEntry(1, w1, false)] },
      }),
    );
  }

  {
    const w1 = { earliest: 20, recommended: 20, pastDue: null, latest: null };
    cases.push(
      kase({
        id: 'forecast-pause-until-holds-after-resume',
        description:
          "A plan paused until 20 days from now and resumed today: the pause's date is still the earliest date offered for session 1.",
        testType: 'forecast',
        events: [ev.pause(t(-1, '09:00'), { days: 20 }), ev.resume(t(0, '09:00'))],
        expected: { status: 'draft', next: 1, forecast: [forecastEntry(1, w1, false)] },
      }),
    );
    // Session 2 after a pause: earliest moves to the pause's date; past due and latest stay the skin's.
    const w2 = windowFrom(-5, STANDARD_12);
    const until = 15;
    cases.push(
      kase({
        id: 'forecast-pause-until-moves-earliest-of-session-2',
        description:
          'Session 1 was completed 5 days ago, then the plan was paused until 15 days from now: session 2 is offered from that date ' +
          '(earliest), while its past-due and latest dates still count from session 1.',
        testType: 'forecast',
        events: [ev.complete(1, -5), ev.pause(t(0, '09:00'), { days: until })],
        expected: {
          status: 'onHold',
          next: 2,
          forecast: [
            {
              session: 2,
              earliest: rel(Math.max(w2.earliest, until)),
              pastDue: rel(w2.pastDue),
              latest: rel(w2.latest),
              due: 'notYet',
              projected: false,
            },
          ],
        },
      }),
    );
  }

  // touch-up: one session; nothing else to forecast.
  cases.push(
    kase({
      id: 'forecast-touch-up-single-session',
      description: 'touch-up: a one-session course; session 1 is due from today and has no past-due or latest date.',
      testType: 'forecast',
      protocol: 'touch-up',
      events: [],
      expected: {
        status: 'draft',
        next: 1,
        forecast: [forecastEntry(1, { earliest: 0, recommended: 0, pastDue: null, latest: null }, false)],
      },
    }),
  );

  // next is null for completed and closed plans.
  cases.push(
    kase({
      id: 'forecast-completed-plan-has-no-next',
      description: 'Every session completed: the plan is completed and nothing is next.',
      testType: 'forecast',
      events: [ev.complete(1, -40), ev.complete(2, -28), ev.complete(3, -10)],
      expected: { status: 'completed', next: null },
    }),
    kase({
      id: 'forecast-closed-plan-has-no-next',
      description: 'A plan closed early after session 2 (two sessions were enough): nothing is next.',
      testType: 'forecast',
      events: [ev.complete(1, -40), ev.complete(2, -28), ev.close(t(-1, '12:00'))],
      expected: { status: 'closed', next: null },
    }),
  );
  return cases;
}

// ---------------------------------------------------------------------------------------------
// refusals.json: the state machine's refusals, policy findings and status transitions.
// ---------------------------------------------------------------------------------------------

const refused = (code) => ({ ok: false, codes: [code], severities: ['error'] });
const accepted = (codes = [], severity = 'warning') => ({ ok: true, codes, severities: codes.map(() => severity) });

function refusalCases() {
  const at0 = t(0, '09:00');
  const completedCourse = [ev.complete(1, -60), ev.complete(2, -48), ev.complete(3, -30)];
  const r = (id, description, events, probeEvent, probe, status, extra = {}) =>
    kase({ id, description, testType: 'refusal', events, probeEvent, expected: { probe, status, ...extra } });
  const cases = [
    r(
      'refuse-booking-while-on-hold',
      'A plan on hold (adverse reaction) refuses a booking: PLAN_ON_HOLD.',
      [ev.pause(t(-1, '09:00'))],
      ev.book(1, 5),
      refused('PLAN_ON_HOLD'),
      'onHold',
    ),
    r(
      'refuse-extra-session-while-on-hold',
      'A plan on hold refuses an extra session: PLAN_ON_HOLD.',
      [ev.complete(1, -20), ev.pause(t(-1, '09:00'))],
      ev.add(at0),
      refused('PLAN_ON_HOLD'),
      'onHold',
    ),
    r(
      'refuse-pause-while-on-hold',
      'Pausing a plan that is already on hold is refused: PLAN_ON_HOLD.',
      [ev.pause(t(-1, '09:00'))],
      ev.pause(at0),
      refused('PLAN_ON_HOLD'),
      'onHold',
    ),
    r(
      'refuse-booking-when-closed',
      'A closed plan refuses a booking: PLAN_CLOSED.',
      [ev.close(t(-1, '09:00'))],
      ev.book(1, 5),
      refused('PLAN_CLOSED'),
      'closed',
    ),
    r(
      'refuse-completion-when-closed',
      'A closed plan refuses even a completed session: PLAN_CLOSED (closed is terminal).',
      [ev.complete(1, -20), ev.close(t(-1, '09:00'))],
      ev.complete(2, -1, { at: at0 }),
      refused('PLAN_CLOSED'),
      'closed',
    ),
    r(
      'refuse-closing-twice',
      'Closing a closed plan is refused: PLAN_CLOSED.',
      [ev.close(t(-1, '09:00'))],
      ev.close(at0),
      refused('PLAN_CLOSED'),
      'closed',
    ),
    r(
      'refuse-booking-when-completed',
      'A completed course refuses a booking: PLAN_COMPLETED (add an extra session first).',
      completedCourse,
      ev.book(3, 5),
      refused('PLAN_COMPLETED'),
      'completed',
    ),
    r(
      'refuse-pause-when-completed',
      'A completed course cannot be paused: PLAN_COMPLETED.',
      completedCourse,
      ev.pause(at0),
      refused('PLAN_COMPLETED'),
      'completed',
    ),
    r(
      'refuse-unknown-session',
      'The standard course has three sessions: booking session 4 without adding it is refused: UNKNOWN_SESSION.',
      [ev.complete(1, -40), ev.complete(2, -28), ev.book(3, 5, t(-1, '09:00'))],
      ev.book(4, 30),
      refused('UNKNOWN_SESSION'),
      'active',
    ),
    r(
      'refuse-booking-twice',
      'Booking a session that is already booked is refused (reschedule it instead): SESSION_ALREADY_BOOKED.',
      [ev.book(1, 5, t(-1, '09:00'))],
      ev.book(1, 6),
      refused('SESSION_ALREADY_BOOKED'),
      'active',
    ),
    r(
      'refuse-booking-completed-session',
      'Booking a session that was already completed is refused: SESSION_ALREADY_COMPLETED.',
      [ev.complete(1, -3)],
      ev.book(1, 5),
      refused('SESSION_ALREADY_COMPLETED'),
      'active',
    ),
    r(
      'refuse-completing-twice',
      'Recording the same session as completed a second time is refused: SESSION_ALREADY_COMPLETED.',
      [ev.complete(1, -3)],
      ev.complete(1, -1, { at: at0 }),
      refused('SESSION_ALREADY_COMPLETED'),
      'active',
    ),
    r(
      'refuse-booking-out-of-order',
      'Session 2 cannot be booked while session 1 is neither booked nor completed: SESSION_OUT_OF_ORDER.',
      [],
      ev.book(2, 10),
      refused('SESSION_OUT_OF_ORDER'),
      'draft',
    ),
    r(
      'refuse-completion-out-of-order',
      'Session 2 cannot be recorded as completed before session 1 is completed: SESSION_OUT_OF_ORDER.',
      [ev.book(1, -20, t(-25, '09:00'))],
      ev.complete(2, -1, { at: at0 }),
      refused('SESSION_OUT_OF_ORDER'),
      'active',
    ),
    r(
      'refuse-booking-in-past',
      'A booking that starts before the moment it is made is refused: BOOKING_IN_PAST.',
      [],
      ev.book(1, -1),
      refused('BOOKING_IN_PAST'),
      'draft',
    ),
    r(
      'refuse-move-onto-later-session',
      'Session 2 moved onto the hour of session 3 (09:00, 3 hours, while session 3 starts at 10:00 the same day): the two overlap (BOOKING_OVERLAP) ' +
        'and session 3 would be 0 days after session 2, below its 7-day minimum (DOWNSTREAM_CONFLICT).',
      [ev.complete(1, -1), ev.book(2, 11, t(0, '08:00')), ev.book(3, 25, t(0, '08:05'))],
      ev.reschedule(2, 25, t(0, '09:00'), '09:00'),
      { ok: false, codes: ['BOOKING_OVERLAP', 'DOWNSTREAM_CONFLICT'], severities: ['error', 'error'] },
      'active',
    ),
    r(
      'refuse-reschedule-unbooked',
      'Rescheduling a session that is not booked is refused: SESSION_NOT_BOOKED.',
      [],
      ev.reschedule(1, 5),
      refused('SESSION_NOT_BOOKED'),
      'draft',
    ),
    r(
      'refuse-cancel-unbooked',
      'Cancelling a session that is not booked is refused: SESSION_NOT_BOOKED.',
      [],
      ev.cancel(1, at0),
      refused('SESSION_NOT_BOOKED'),
      'draft',
    ),
    r(
      'refuse-no-show-unbooked',
      'A no-show for a session that was never booked is refused: SESSION_NOT_BOOKED.',
      [],
      ev.missed(1, at0),
      refused('SESSION_NOT_BOOKED'),
      'draft',
    ),
    r(
      'refuse-reschedule-breaking-later-gap',
      'Session 2 moved from day 12 to day 22 after session 1 while session 3 stays booked on day 26: session 3 would be only 4 days ' +
        'after session 2 (minimum 7): DOWNSTREAM_CONFLICT. Move session 3 first.',
      [ev.complete(1, -1), ev.book(2, 11, t(0, '08:00')), ev.book(3, 25, t(0, '08:05'))],
      ev.reschedule(2, 21),
      refused('DOWNSTREAM_CONFLICT'),
      'active',
    ),
    r(
      'refuse-cancel-with-later-booking',
      'Session 1 cannot be cancelled while session 2 is booked after it (cancel from the last one back): DOWNSTREAM_CONFLICT.',
      [ev.book(1, 5, t(-1, '09:00')), ev.book(2, 17, t(-1, '09:05'))],
      ev.cancel(1, at0),
      refused('DOWNSTREAM_CONFLICT'),
      'active',
    ),
    r(
      'refuse-no-show-before-start',
      'A no-show cannot be recorded before the booking has started: MISSED_BEFORE_START.',
      [ev.book(1, 5, t(-1, '09:00'))],
      ev.missed(1, at0),
      refused('MISSED_BEFORE_START'),
      'active',
    ),
    r(
      'refuse-completion-in-future',
      'A booked session cannot be recorded as completed before it starts: COMPLETION_IN_FUTURE.',
      [ev.book(1, 5, t(-1, '09:00'))],
      ev.completeBooked(1, t(0, '12:00')),
      refused('COMPLETION_IN_FUTURE'),
      'active',
    ),
    r(
      'refuse-completion-without-start',
      'A session that was never booked can only be recorded as completed with its start: INVALID_INPUT.',
      [],
      ev.completeBooked(1, at0),
      refused('INVALID_INPUT'),
      'draft',
    ),
    r(
      'refuse-extra-beyond-maximum',
      'The standard course allows 1 extra session: a second one is refused: MAX_SESSIONS_REACHED.',
      [ev.add(t(-1, '09:00'))],
      ev.add(at0),
      refused('MAX_SESSIONS_REACHED'),
      'draft',
    ),
    kase({
      id: 'refuse-third-extra-scar-camouflage',
      description: 'scar-camouflage allows 2 extra sessions: the third is refused: MAX_SESSIONS_REACHED.',
      testType: 'refusal',
      protocol: 'scar-camouflage',
      events: [ev.add(t(-1, '09:00')), ev.add(t(-1, '09:05'))],
      probeEvent: ev.add(at0),
      expected: { probe: refused('MAX_SESSIONS_REACHED'), status: 'draft' },
    }),
    r(
      'refuse-resume-when-not-on-hold',
      'Resuming a plan that is not on hold is refused: PLAN_NOT_ON_HOLD.',
      [],
      ev.resume(at0),
      refused('PLAN_NOT_ON_HOLD'),
      'draft',
    ),
  ];

  cases.push(
    r(
      'refuse-no-show-when-closed',
      'A closed plan refuses a no-show record: PLAN_CLOSED.',
      [ev.book(1, -1, t(-3, '09:00')), ev.close(t(-2, '09:00'))],
      ev.missed(1, at0),
      refused('PLAN_CLOSED'),
      'closed',
    ),
    kase({
      id: 'refuse-third-extra-alopecia-areata',
      description: 'alopecia-areata allows 2 extra sessions: the third is refused: MAX_SESSIONS_REACHED.',
      testType: 'refusal',
      protocol: 'alopecia-areata',
      events: [ev.complete(1, -60), ev.add(t(-1, '09:00')), ev.add(t(-1, '09:05'))],
      probeEvent: ev.add(at0),
      expected: { probe: refused('MAX_SESSIONS_REACHED'), status: 'active' },
    }),
    r(
      'booking-starting-now-is-accepted',
      'A booking whose start is the very moment it is made is not in the past: accepted.',
      [],
      ev.book(1, 0, at0, '09:00'),
      accepted(),
      'active',
    ),
    r(
      'no-show-at-start-is-accepted',
      'A no-show recorded at the exact start of the booking is accepted (start ≤ now), with NO_SHOW.',
      [ev.book(1, 0, t(-1, '09:00'))],
      ev.missed(1, t(0, '10:00')),
      accepted(['NO_SHOW']),
      'draft',
    ),
    r(
      'cancel-last-booking-first-is-accepted',
      'Sessions 1 and 2 are booked: cancelling session 2 (the last one) is accepted; the plan stays active.',
      [ev.book(1, 5, t(-1, '09:00')), ev.book(2, 17, t(-1, '09:05'))],
      ev.cancel(2, at0),
      accepted(),
      'active',
    ),
  );

  // Idempotency.
  cases.push(
    kase({
      id: 'duplicate-event-is-a-no-op',
      description:
        'The same booking event delivered twice (a serverless retry): the second is accepted as a no-op with DUPLICATE_EVENT (info).',
      testType: 'idempotency',
      events: [{ id: 'booking-1', ...ev.book(1, 5) }],
      probeEvent: { id: 'booking-1', ...ev.book(1, 5) },
      expected: { probe: accepted(['DUPLICATE_EVENT'], 'info'), status: 'active' },
    }),
    kase({
      id: 'duplicate-event-with-other-instant-spelling',
      description:
        'A retried booking that writes the same instants with another offset (Z and +00:00): still the same event, DUPLICATE_EVENT (info).',
      testType: 'idempotency',
      asOf: '2026-01-10T09:00:00Z',
      events: [{ id: 'booking-1', type: 'sessionBooked', at: '2026-01-10T09:00:00Z', session: 1, start: '2026-01-20T10:00:00Z' }],
      probeEvent: {
        id: 'booking-1',
        type: 'sessionBooked',
        at: '2026-01-10T09:00:00+00:00',
        session: 1,
        start: '2026-01-20T11:00:00+01:00',
      },
      expected: { probe: accepted(['DUPLICATE_EVENT'], 'info'), status: 'active' },
    }),
    kase({
      id: 'event-id-reused-is-refused',
      description: 'An event id already used by a different event (another start time) is refused: EVENT_ID_REUSED.',
      testType: 'idempotency',
      events: [{ id: 'booking-1', ...ev.book(1, 5) }],
      probeEvent: { id: 'booking-1', ...ev.book(1, 6) },
      expected: { probe: refused('EVENT_ID_REUSED'), status: 'active' },
    }),
  );

  // Policy: cancellation notice and no-shows. Tokyo has no DST, so hours before the start are exact.
  const p = (id, description, events, probeEvent, probe, status) =>
    kase({ id, description, testType: 'policy', timeZone: 'Asia/Tokyo', events, probeEvent, expected: { probe, status } });
  cases.push(
    p(
      'late-cancellation-is-reported',
      'Session 1 cancelled 22 hours before its start (notice 48 h): accepted, with the warning LATE_CANCELLATION; the plan is a draft again.',
      [ev.book(1, 2)],
      ev.cancel(1, t(1, '12:00')),
      accepted(['LATE_CANCELLATION']),
      'draft',
    ),
    p(
      'cancellation-47-hours-30-before-is-late',
      'Session 1 cancelled 47 h 30 min before its start: less than the 48-hour notice, so LATE_CANCELLATION.',
      [ev.book(1, 2)],
      ev.cancel(1, t(0, '10:30')),
      accepted(['LATE_CANCELLATION']),
      'draft',
    ),
    p(
      'cancellation-exactly-48-hours-before-is-not-late',
      'Session 1 cancelled exactly 48 hours before its start: exactly the notice is not late; no finding.',
      [ev.book(1, 2)],
      ev.cancel(1, t(0, '10:00')),
      accepted(),
      'draft',
    ),
    p(
      'no-show-is-reported',
      'The client did not come to session 1: recorded with the warning NO_SHOW; the session is pending again and the plan a draft.',
      [ev.book(1, -1, t(-3, '09:00'))],
      ev.missed(1, t(-1, '15:00')),
      accepted(['NO_SHOW']),
      'draft',
    ),
    p(
      'second-no-show-does-not-hold-by-default',
      'A second no-show: NO_SHOW again. The default protocols set no no-show limit, so the plan is not put on hold.',
      [ev.book(1, -10, t(-12, '09:00')), ev.missed(1, t(-10, '15:00')), ev.book(1, -1, t(-9, '09:00'))],
      ev.missed(1, t(-1, '15:00')),
      accepted(['NO_SHOW']),
      'draft',
    ),
    p(
      'no-show-flags-later-booking',
      'A no-show for session 2 while session 3 is booked: recorded (a fact) with NO_SHOW, and session 3 is flagged DOWNSTREAM_CONFLICT as a warning (its anchor is pending again).',
      [ev.complete(1, -20), ev.book(2, -8, t(-20, '16:00')), ev.book(3, 6, t(-20, '16:05'))],
      ev.missed(2, t(-8, '14:00')),
      accepted(['NO_SHOW', 'DOWNSTREAM_CONFLICT']),
      'active',
    ),
  );

  // Status transitions.
  const s = (id, description, events, probeEvent, probe, status, extra = {}) =>
    kase({ id, description, testType: 'policy', events, probeEvent, expected: { probe, status, ...extra } });
  cases.push(
    s(
      'status-first-booking-makes-plan-active',
      'A draft plan becomes active with its first booking.',
      [],
      ev.book(1, 5),
      accepted(),
      'active',
    ),
    s(
      'status-cancelling-only-booking-returns-to-draft',
      'Cancelling the only booking (a week ahead, in good time) returns the plan to draft: the status is derived from the sessions.',
      [ev.book(1, 7, t(-1, '09:00'))],
      ev.cancel(1, at0),
      accepted(),
      'draft',
    ),
    s(
      'status-last-completion-completes-plan',
      'Recording session 3 as completed completes the plan.',
      [ev.complete(1, -40), ev.complete(2, -28)],
      ev.complete(3, -10),
      accepted(),
      'completed',
      { next: null },
    ),
    s(
      'status-extra-session-reopens-completed-plan',
      'Adding an extra session to a completed course reopens it: active, and session 4 is next.',
      completedCourse,
      ev.add(at0),
      accepted(),
      'active',
      { next: 4 },
    ),
    s(
      'status-pause-puts-plan-on-hold',
      'Pausing an active plan puts it on hold.',
      [ev.book(1, 5, t(-1, '09:00'))],
      ev.pause(at0),
      accepted(),
      'onHold',
    ),
    s(
      'status-resume-returns-to-derived-status',
      'Resuming a paused plan with session 1 booked returns it to active (the derived status).',
      [ev.book(1, 5, t(-2, '09:00')), ev.pause(t(-1, '09:00'))],
      ev.resume(at0),
      accepted(),
      'active',
    ),
    s(
      'status-resume-with-nothing-booked-is-draft',
      'Resuming a paused plan with nothing booked or completed returns it to draft.',
      [ev.pause(t(-1, '09:00'))],
      ev.resume(at0),
      accepted(),
      'draft',
    ),
    s(
      'status-cancel-while-on-hold',
      'A booking can be cancelled while the plan is on hold (in good time): accepted, the plan stays on hold.',
      [ev.book(1, 7, t(-2, '09:00')), ev.pause(t(-1, '09:00'))],
      ev.cancel(1, at0),
      accepted(),
      'onHold',
    ),
    s(
      'status-close-completed-plan',
      'A completed course can be closed (closed after the course).',
      completedCourse,
      ev.close(at0),
      accepted(),
      'closed',
    ),
    s(
      'status-close-from-on-hold',
      'A plan on hold can be closed early with a reason: closed.',
      [ev.pause(t(-1, '09:00'))],
      ev.close(at0),
      accepted(),
      'closed',
    ),
    s(
      'status-completion-while-on-hold-is-recorded',
      'A session that happened while the plan was on hold is still recorded (a fact) with the warning PLAN_ON_HOLD; the plan stays on hold.',
      [ev.book(1, -1, t(-3, '09:00')), ev.pause(t(-2, '09:00'))],
      ev.completeBooked(1, t(-1, '15:00')),
      accepted(['PLAN_ON_HOLD']),
      'onHold',
    ),
    s(
      'reschedule-keeping-later-gaps-is-accepted',
      'Session 2 moved from day 12 to day 14 after session 1 while session 3 stays on day 26: every gap still holds, so the move is accepted with no finding.',
      [ev.complete(1, -1), ev.book(2, 11, t(0, '08:00')), ev.book(3, 25, t(0, '08:05'))],
      ev.reschedule(2, 13),
      accepted(),
      'active',
    ),
  );
  return cases;
}

// ---------------------------------------------------------------------------------------------
// dst.json: pinned asOf, absolute instants written with the zone's real offset.
// ---------------------------------------------------------------------------------------------

function dstCases() {
  const cases = [];
  /** A spacing case for session 2 after session 1 (standard gap 1→2), booked or completed. */
  function spacing({ id, zone, s1, s2, kind, description, probe }) {
    const d = daysBetween(localDate(s1, zone), localDate(s2, zone));
    const evaluation = classify(STANDARD_12, d);
    const s1Ms = parseInstant(s1).ms;
    const s2Ms = parseInstant(s2).ms;
    const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
    const s1Done = { type: 'sessionCompleted', at: iso(s1Ms + 5 * HOUR_MS), session: 1, start: s1, record: CHECKLIST };
    const asOf = iso(s2Ms + 6 * HOUR_MS);
    const hours = Math.round(((s2Ms - s1Ms) / HOUR_MS) * 100) / 100;
    const text = `${description} Local dates ${localDate(s1, zone)} → ${localDate(s2, zone)}: ${d} calendar days (${hours} real hours), so ${WORDS[evaluation]}.`;
    if (kind === 'booking') {
      return kase({
        id,
        description: text,
        testType: 'dst',
        probe,
        timeZone: zone,
        asOf,
        events: [s1Done],
        probeEvent: { type: 'sessionBooked', at: iso(s1Ms + 6 * HOUR_MS), session: 2, start: s2 },
        expected: { probe: BOOKING[evaluation] },
      });
    }
    return kase({
      id,
      description: text,
      testType: 'dst',
      probe,
      timeZone: zone,
      asOf,
      events: [s1Done],
      probeEvent: { type: 'sessionCompleted', at: iso(s2Ms + 5 * HOUR_MS), session: 2, start: s2 },
      expected: {
        probe: completionProbe(evaluation),
        evaluation: [{ session: 2, evaluation, daysFromAnchor: d, codes: COMPLETION[evaluation] }],
      },
    });
  }
  const table = [
    // Europe/London: BST from 2026-03-29 01:00 UTC to 2026-10-25 01:00 UTC.
    [
      'london-7-days-across-spring-forward-at-minimum',
      'Europe/London',
      '2026-03-25T10:00:00+00:00',
      '2026-04-01T10:00:00+01:00',
      'booking',
      'atMinimum',
      'Europe/London: session 2 booked 7 calendar days after session 1 across the spring-forward night (a week of 167 hours): accepted at the minimum.',
    ],
    [
      'london-6-days-across-spring-forward-below-minimum',
      'Europe/London',
      '2026-03-25T10:00:00+00:00',
      '2026-03-31T10:00:00+01:00',
      'booking',
      'belowMinimum',
      'Europe/London: 6 calendar days across spring forward: below the 7-day minimum, refused.',
    ],
    [
      'london-local-midnight-after-spring-forward',
      'Europe/London',
      '2026-03-25T23:30:00+00:00',
      '2026-04-01T00:30:00+01:00',
      'booking',
      'atMinimum',
      'Europe/London: 23:30 GMT to 00:30 BST a week later is exactly 6×24 real hours and 6 UTC dates apart, but 7 local dates: accepted at the minimum.',
    ],
    [
      'london-7-days-across-fall-back',
      'Europe/London',
      '2026-10-21T10:00:00+01:00',
      '2026-10-28T10:00:00+00:00',
      'completion',
      'atMinimum',
      'Europe/London: session 2 happened 7 calendar days after session 1 across the fall-back night (169 hours).',
    ],
    [
      'london-00-30-to-23-30-six-days-later',
      'Europe/London',
      '2026-10-21T00:30:00+01:00',
      '2026-10-27T23:30:00+00:00',
      'completion',
      'belowMinimum',
      'Europe/London: session 1 at 00:30 BST, session 2 at 23:30 GMT six local days later, across fall back: exactly 7×24 real hours and 7 UTC dates apart, yet 6 local dates.',
    ],
    // America/New_York: EDT from 2026-03-08 07:00 UTC to 2026-11-01 06:00 UTC.
    [
      'new-york-23-30-to-00-30-across-spring-forward',
      'America/New_York',
      '2026-03-04T23:30:00-05:00',
      '2026-03-11T00:30:00-04:00',
      'completion',
      'atMinimum',
      'America/New_York: 23:30 EST to 00:30 EDT a week later, across spring forward (exactly 6×24 real hours, 6 UTC dates apart).',
    ],
    [
      'new-york-7-days-across-fall-back',
      'America/New_York',
      '2026-10-28T10:00:00-04:00',
      '2026-11-04T10:00:00-05:00',
      'booking',
      'atMinimum',
      'America/New_York: a week across fall back (169 hours).',
    ],
    // America/Sao_Paulo 2018: DST from 2018-11-04 00:00 (midnight skipped to 01:00) to 2019-02-17 00:00 (23:00 repeated).
    [
      'sao-paulo-2018-7-days-across-dst-start',
      'America/Sao_Paulo',
      '2018-10-31T10:00:00-03:00',
      '2018-11-07T10:00:00-02:00',
      'booking',
      'atMinimum',
      'America/Sao_Paulo (2018): a week across the night DST began at midnight.',
    ],
    [
      'sao-paulo-2018-first-hour-of-dst-day',
      'America/Sao_Paulo',
      '2018-10-28T10:00:00-03:00',
      '2018-11-04T01:30:00-02:00',
      'completion',
      'atMinimum',
      'America/Sao_Paulo (2018): session 2 at 01:30 on 4 November, the day whose midnight did not exist (the day began at 01:00).',
    ],
    [
      'sao-paulo-2019-after-repeated-hour',
      'America/Sao_Paulo',
      '2019-02-10T23:30:00-02:00',
      '2019-02-17T00:30:00-03:00',
      'completion',
      'atMinimum',
      'America/Sao_Paulo (2019): session 2 at 00:30 on 17 February, just after the repeated 23:00 hour (6 UTC dates apart).',
    ],
    // Australia/Lord_Howe: 30-minute DST; +11:00 until 2026-04-05 02:00, +10:30 until 2026-10-04 02:00.
    [
      'lord-howe-7-days-across-30-minute-spring-forward',
      'Australia/Lord_Howe',
      '2026-09-30T23:45:00+10:30',
      '2026-10-07T23:45:00+11:00',
      'booking',
      'atMinimum',
      'Australia/Lord_Howe: a week across its 30-minute spring forward (167.5 hours).',
    ],
    [
      'lord-howe-168-hours-is-6-local-days',
      'Australia/Lord_Howe',
      '2026-04-01T00:15:00+11:00',
      '2026-04-07T23:45:00+10:30',
      'completion',
      'belowMinimum',
      'Australia/Lord_Howe: exactly 168 real hours (7 UTC dates apart) across its 30-minute fall back, yet only 6 local dates.',
    ],
    // Pacific/Chatham: +12:45 standard, +13:45 daylight from 2026-09-27 02:45.
    [
      'chatham-7-days-across-spring-forward',
      'Pacific/Chatham',
      '2026-09-23T10:00:00+12:45',
      '2026-09-30T10:00:00+13:45',
      'booking',
      'atMinimum',
      'Pacific/Chatham (+12:45/+13:45): a week across spring forward.',
    ],
    [
      'chatham-local-dates-not-utc-dates',
      'Pacific/Chatham',
      '2026-09-23T00:30:00+12:45',
      '2026-09-29T23:30:00+13:45',
      'booking',
      'belowMinimum',
      'Pacific/Chatham: 00:30 to 23:30 six local days later; the UTC dates are 7 days apart, the local ones 6: refused below the minimum.',
    ],
    // Asia/Kathmandu: +05:45, no DST.
    [
      'kathmandu-local-midnight-6-days',
      'Asia/Kathmandu',
      '2026-06-01T00:10:00+05:45',
      '2026-06-07T23:50:00+05:45',
      'booking',
      'belowMinimum',
      'Asia/Kathmandu (+05:45): 00:10 on 1 June is still 31 May in UTC; 6 local days to 23:50 on 7 June (7 UTC dates).',
    ],
    [
      'kathmandu-23-30-to-00-30-is-7-days',
      'Asia/Kathmandu',
      '2026-06-10T23:30:00+05:45',
      '2026-06-17T00:30:00+05:45',
      'completion',
      'atMinimum',
      'Asia/Kathmandu: 23:30 to 00:30 seven local days later (6 days and 1 hour in real time).',
    ],
    // Pacific/Apia: 2011-12-30 did not exist (-10:00 → +14:00).
    [
      'apia-skipped-day-counts-as-a-calendar-day',
      'Pacific/Apia',
      '2011-12-24T10:00:00-10:00',
      '2011-12-31T10:00:00+14:00',
      'booking',
      'atMinimum',
      'Pacific/Apia: Samoa skipped 30 December 2011. From 24 to 31 December is 7 calendar days by the calendar (only 6×24 real hours).',
    ],
  ];
  for (const [id, zone, s1, s2, kind, probe, description] of table) cases.push(spacing({ id, zone, s1, s2, kind, description, probe }));

  // Cancellation notice counts real hours, not wall-clock hours.
  {
    const cancelCase = (id, start, cancelAt, description) => {
      const hours = (parseInstant(start).ms - parseInstant(cancelAt).ms) / HOUR_MS;
      const late = hours < 48;
      return kase({
        id,
        description: `${description} ${hours} real hours before the start (notice 48 h): ${late ? 'late, LATE_CANCELLATION' : 'in time, no finding'}.`,
        testType: 'dst',
        timeZone: 'Europe/London',
        asOf: new Date(parseInstant(cancelAt).ms).toISOString().replace('.000Z', 'Z'),
        events: [{ type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start }],
        probeEvent: { type: 'sessionCancelled', at: cancelAt, session: 1 },
        expected: { probe: accepted(late ? ['LATE_CANCELLATION'] : []), status: 'draft' },
      });
    };
    localDate('2026-03-30T10:00:00+01:00', 'Europe/London');
    localDate('2026-10-26T10:00:00+00:00', 'Europe/London');
    cases.push(
      cancelCase(
        'london-cancellation-48-wall-clock-hours-across-spring-forward',
        '2026-03-30T10:00:00+01:00',
        '2026-03-28T10:00:00+00:00',
        'Europe/London: cancelled at 10:00 two days before a 10:00 session, across spring forward:',
      ),
      cancelCase(
        'london-cancellation-48-wall-clock-hours-across-fall-back',
        '2026-10-26T10:00:00+00:00',
        '2026-10-24T10:00:00+01:00',
        'Europe/London: cancelled at 10:00 two days before a 10:00 session, across fall back:',
      ),
    );
  }

  // An ambiguous local time (clocks go back) is the earlier of its two instants.
  {
    const start = '2026-10-25T01:30:00+01:00'; // the first 01:30 (BST); the second is 01:30+00:00
    const end = formatLondon(parseInstant(start).ms + durationOf(1) * 60_000);
    cases.push(
      kase({
        id: 'london-ambiguous-local-time-is-the-earlier-instant',
        description:
          'Europe/London: session 1 booked at 01:30 local on 25 October 2026, a time that happens twice: it means the earlier ' +
          `instant (01:30 BST), so the 4-hour session ends at ${end} and aftercare starts then.`,
        testType: 'dst',
        timeZone: 'Europe/London',
        asOf: '2026-10-20T12:00:00Z',
        events: [ev.book(1, 5, t(0, '09:00'), '01:30')],
        expected: {
          status: 'active',
          care: { kind: 'aftercare', session: 1, items: [{ rule: 'keep-dry', from: end, until: londonPlusCalendarDays(end, 4) }] },
        },
      }),
    );
  }

  // Forecasts whose asOf is near a local midnight.
  function forecastAt({ id, zone, s1, asOf, description }) {
    const a = localDate(s1, zone);
    const today = localDate(asOf, zone);
    const w = windowFrom(0, STANDARD_12);
    const abs = (n) => (n === null ? null : addDays(a, n));
    const s1Ms = parseInstant(s1).ms;
    const entry = {
      session: 2,
      earliest: abs(w.earliest),
      recommended: abs(w.recommended),
      pastDue: abs(w.pastDue),
      latest: abs(w.latest),
      due: dueOf(daysBetween(a, today), w),
      projected: false,
    };
    return kase({
      id,
      description: `${description} Session 1 on ${a}; today is ${today} locally: session 2 is "${entry.due}".`,
      testType: 'dst',
      timeZone: zone,
      asOf: new Date(parseInstant(asOf).ms).toISOString().replace('.000Z', 'Z'),
      events: [
        {
          type: 'sessionCompleted',
          at: new Date(s1Ms + 5 * HOUR_MS).toISOString().replace('.000Z', 'Z'),
          session: 1,
          start: s1,
          record: CHECKLIST,
        },
      ],
      expected: { next: 2, forecast: [entry] },
    });
  }
  cases.push(
    forecastAt({
      id: 'london-forecast-asof-just-after-local-midnight',
      zone: 'Europe/London',
      s1: '2026-03-22T10:00:00+00:00',
      asOf: '2026-04-01T00:30:00+01:00',
      description: 'Europe/London: asOf is 23:30 UTC on 31 March, already 1 April in BST (the recommended date).',
    }),
    forecastAt({
      id: 'sao-paulo-forecast-asof-before-skipped-midnight',
      zone: 'America/Sao_Paulo',
      s1: '2018-10-25T10:00:00-03:00',
      asOf: '2018-11-03T23:30:00-03:00',
      description: 'America/Sao_Paulo (2018): asOf is 23:30 on 3 November, half an hour before the midnight DST skipped.',
    }),
    forecastAt({
      id: 'sao-paulo-forecast-asof-first-hour-of-dst-day',
      zone: 'America/Sao_Paulo',
      s1: '2018-10-25T10:00:00-03:00',
      asOf: '2018-11-04T01:30:00-02:00',
      description: 'America/Sao_Paulo (2018): asOf is 01:30 on 4 November, the first hour of a day that began at 01:00.',
    }),
    forecastAt({
      id: 'apia-forecast-across-skipped-day',
      zone: 'Pacific/Apia',
      s1: '2011-12-21T10:00:00-10:00',
      asOf: '2011-12-31T00:30:00+14:00',
      description: 'Pacific/Apia: forecast dates run across the skipped 30 December 2011 by the calendar.',
    }),
    forecastAt({
      id: 'chatham-forecast-asof-local-morning',
      zone: 'Pacific/Chatham',
      s1: '2026-09-20T10:00:00+12:45',
      asOf: '2026-09-30T08:00:00+13:45',
      description: 'Pacific/Chatham: asOf is 18:15 UTC on 29 September, already 30 September locally.',
    }),
  );
  return cases;
}

// ---------------------------------------------------------------------------------------------
// screening.json
// ---------------------------------------------------------------------------------------------

function screeningCases() {
  const cases = [];
  const sc = (c) => kase({ testType: 'screening', events: [], ...c });
  const asOfAt = (date) => `${date}T12:00:00Z`; // London: the same local date, winter or summer
  const deferredFor = (earliestStart, codes = ['SCREENING_DEFERRED']) => ({ outcome: 'deferred', earliestStart, codes });
  const eligible = { outcome: 'eligible', earliestStart: null, codes: [] };

  cases.push(
    sc({
      id: 'screening-adult-eligible',
      description: 'An adult with nothing to report is eligible: no wait, no finding.',
      intake: { dateOfBirth: '1990-05-14' },
      expected: { screening: eligible },
    }),
  );

  // Laser removal: 90 days (relative, so any asOf).
  cases.push(
    sc({
      id: 'screening-laser-day-before-wait-ends',
      description: 'Laser removal on the area 89 days ago (wait 90 days): deferred until tomorrow.',
      intake: { dateOfBirth: '1990-05-14', laserRemoval: { date: { days: -89 } } },
      expected: { screening: deferredFor({ days: 1 }) },
    }),
    sc({
      id: 'screening-laser-day-wait-ends',
      description: 'Laser removal 90 days ago: the day the wait ends is the first allowed day, so eligible today.',
      intake: { dateOfBirth: '1990-05-14', laserRemoval: { date: { days: -90 } } },
      expected: { screening: eligible },
    }),
  );

  // Month waits: pinned dates.
  const monthWait = (id, field, value, months, label, protocol = 'standard', zone = 'Europe/London') => {
    const from = Object.values(value)[0];
    const until = addMonths(from, months);
    const before = addDays(until, -1);
    return [
      sc({
        id: `${id}-day-before-wait-ends`,
        description: `${label} ${from}, wait ${months} months: on ${before} the client is deferred until ${until}.`,
        protocol,
        timeZone: zone,
        asOf: asOfAt(before),
        intake: { dateOfBirth: '1980-01-01', [field]: value },
        expected: { screening: deferredFor(until) },
      }),
      sc({
        id: `${id}-day-wait-ends`,
        description: `${label} ${from}, wait ${months} months: on ${until}, the day the wait ends, the client is eligible.`,
        protocol,
        timeZone: zone,
        asOf: asOfAt(until),
        intake: { dateOfBirth: '1980-01-01', [field]: value },
        expected: { screening: eligible },
      }),
    ];
  };
  if (addMonths('2028-02-29', 12) !== '2029-03-01' || addMonths('2026-01-31', 1) !== '2026-03-01')
    throw new Error('month roll-over (docs/design.md)');
  const ht = monthWait('screening-hair-transplant-31-august', 'hairTransplant', { date: '2025-08-31' }, 6, 'Hair transplant on');
  if (ht[0].expected.screening.earliestStart !== '2026-03-01') throw new Error('31 August + 6 months must be 1 March');
  ht[0].description += ' (31 August + 6 months: 31 February does not exist, so it rolls forward to 1 March.)';
  const leapWait = monthWait(
    'screening-alopecia-areata-leap-day',
    'alopeciaAreata',
    { stableSince: '2028-02-29' },
    12,
    'Alopecia areata stable since',
  );
  leapWait[0].description += ' (29 February 2028 + 12 months: 2029 has no 29 February, so it rolls forward to 1 March.)';
  cases.push(
    ...ht,
    ...leapWait,
    ...monthWait('screening-isotretinoin', 'isotretinoin', { lastDose: '2025-11-30' }, 6, 'Last isotretinoin dose on'),
    ...monthWait(
      'screening-alopecia-areata-stable',
      'alopeciaAreata',
      { stableSince: '2025-03-15' },
      12,
      'Alopecia areata stable since',
      'standard',
      'America/New_York',
    ),
    ...monthWait('screening-scar-age', 'scar', { since: '2025-09-10', healed: true }, 6, 'A healed scar dating from', 'scar-camouflage'),
  );

  // The 18th birthday.
  const dob = '2008-06-15';
  const eighteen = addMonths(dob, 18 * 12);
  cases.push(
    sc({
      id: 'screening-day-before-18th-birthday',
      description: `Born ${dob}: on ${addDays(eighteen, -1)} the client is 17, deferred until the 18th birthday ${eighteen}.`,
      asOf: asOfAt(addDays(eighteen, -1)),
      intake: { dateOfBirth: dob },
      expected: { screening: deferredFor(eighteen) },
    }),
    sc({
      id: 'screening-on-18th-birthday',
      description: `Born ${dob}: eligible on the 18th birthday, ${eighteen}.`,
      asOf: asOfAt(eighteen),
      intake: { dateOfBirth: dob },
      expected: { screening: eligible },
    }),
    sc({
      id: 'screening-18th-birthday-starts-at-local-midnight',
      description: `Born ${dob}: at 23:30 UTC on ${addDays(eighteen, -1)} it is already 00:30 on ${eighteen} in London (BST): eligible.`,
      asOf: `${addDays(eighteen, -1)}T23:30:00Z`,
      intake: { dateOfBirth: dob },
      expected: { screening: eligible },
    }),
  );
  const leap = '2008-02-29';
  const leap18 = addMonths(leap, 18 * 12);
  if (leap18 !== '2026-03-01') throw new Error('29 February 2008 + 18 years must be 1 March 2026');
  cases.push(
    sc({
      id: 'screening-leap-day-birthday',
      description: `Born on 29 February 2008: 2026 has no 29 February, so the 18th birthday rolls forward to ${leap18}; on 28 February the client is deferred until then.`,
      asOf: asOfAt('2026-02-28'),
      intake: { dateOfBirth: leap },
      expected: { screening: deferredFor(leap18) },
    }),
  );

  // Undated deferrals and clearances.
  cases.push(
    sc({
      id: 'screening-pregnancy-undated-deferral',
      description: 'Pregnant: deferred while it lasts; an undated deferral gives no earliest start.',
      intake: { dateOfBirth: '1990-05-14', pregnant: true },
      expected: { screening: deferredFor(null) },
    }),
    sc({
      id: 'screening-active-scalp-condition',
      description: 'Active psoriasis on the scalp: deferred until clear, with no date.',
      intake: { dateOfBirth: '1990-05-14', activeScalpConditions: ['psoriasis'] },
      expected: { screening: deferredFor(null) },
    }),
    sc({
      id: 'screening-scar-not-healed',
      description: 'A scar more than 6 months old that is still red or raised: deferred until healed, with no date.',
      protocol: 'scar-camouflage',
      intake: { dateOfBirth: '1990-05-14', scar: { since: { days: -400 }, healed: false } },
      expected: { screening: deferredFor(null) },
    }),
    sc({
      id: 'screening-anticoagulants-need-clearance',
      description: "Prescribed anticoagulants: the doctor's clearance is required; no wait.",
      intake: { dateOfBirth: '1990-05-14', anticoagulants: true },
      expected: { screening: { outcome: 'needsClearance', earliestStart: null, codes: ['SCREENING_CLEARANCE_REQUIRED'] } },
    }),
    sc({
      id: 'screening-keloid-history-needs-clearance',
      description: "A history of keloid scarring: the doctor's clearance is required.",
      intake: { dateOfBirth: '1990-05-14', keloidHistory: true },
      expected: { screening: { outcome: 'needsClearance', earliestStart: null, codes: ['SCREENING_CLEARANCE_REQUIRED'] } },
    }),
    sc({
      id: 'screening-chemotherapy-planned-within-4-weeks',
      description: 'Chemotherapy planned to start in 14 days (within 4 weeks): deferred, with no date.',
      intake: { dateOfBirth: '1990-05-14', chemotherapy: { plannedStart: { days: 14 } } },
      expected: { screening: deferredFor(null) },
    }),
  );

  // Chemotherapy: a dated wait, then clearance.
  const chemo = '2026-01-15';
  const chemoEnd = addMonths(chemo, 6);
  cases.push(
    sc({
      id: 'screening-chemotherapy-during-wait',
      description: `Last chemotherapy on ${chemo}: deferred until ${chemoEnd} (6 months), and the doctor's clearance will be needed: deferred wins (ineligible > deferred > needsClearance > eligible).`,
      asOf: asOfAt('2026-05-01'),
      intake: { dateOfBirth: '1970-03-03', chemotherapy: { lastTreatment: chemo } },
      expected: { screening: deferredFor(chemoEnd, ['SCREENING_DEFERRED', 'SCREENING_CLEARANCE_REQUIRED']) },
    }),
    sc({
      id: 'screening-chemotherapy-after-wait-needs-clearance',
      description: `Last chemotherapy on ${chemo}: on ${chemoEnd} the wait is over, but the doctor's clearance is still required.`,
      asOf: asOfAt(chemoEnd),
      intake: { dateOfBirth: '1970-03-03', chemotherapy: { lastTreatment: chemo } },
      expected: { screening: { outcome: 'needsClearance', earliestStart: null, codes: ['SCREENING_CLEARANCE_REQUIRED'] } },
    }),
  );

  // Precedence with several reasons; earliestStart is the latest dated wait.
  cases.push(
    sc({
      id: 'screening-precedence-deferred-over-clearance',
      description:
        'Laser removal 10 days ago (wait 90 days), pregnant, and on anticoagulants: deferred wins over needsClearance; the earliest start is the ' +
        "laser wait's end (pregnancy adds no date); one finding per reason, in the intake's order.",
      intake: { dateOfBirth: '1990-05-14', laserRemoval: { date: { days: -10 } }, pregnant: true, anticoagulants: true },
      expected: { screening: deferredFor({ days: 80 }, ['SCREENING_DEFERRED', 'SCREENING_DEFERRED', 'SCREENING_CLEARANCE_REQUIRED']) },
    }),
  );
  {
    const asOf = '2026-05-01';
    const waits = [
      ['hairTransplant', { date: '2025-12-10' }, addMonths('2025-12-10', 6)],
      ['isotretinoin', { lastDose: '2025-11-30' }, addMonths('2025-11-30', 6)],
      ['laserRemoval', { date: '2026-04-01' }, addDays('2026-04-01', 90)],
    ];
    const latest = waits
      .map((w) => w[2])
      .sort()
      .at(-1);
    cases.push(
      sc({
        id: 'screening-earliest-start-is-latest-wait',
        description: `Three dated waits on ${asOf}: hair transplant until ${waits[0][2]}, isotretinoin until ${waits[1][2]}, laser removal until ${waits[2][2]}: the earliest start is the latest of them, ${latest}.`,
        asOf: asOfAt(asOf),
        intake: { dateOfBirth: '1985-07-07', ...Object.fromEntries(waits.map(([k, v]) => [k, v])) },
        expected: { screening: deferredFor(latest, ['SCREENING_DEFERRED', 'SCREENING_DEFERRED', 'SCREENING_DEFERRED']) },
      }),
    );
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// care.json: pinned dates in Europe/London.
// ---------------------------------------------------------------------------------------------

function careCases() {
  const cases = [];
  const rulesFor = (protocol, final) =>
    AFTERCARE.filter((r) => (r.shaving !== true || SHAVING_PROTOCOLS.has(protocol)) && (r.finalOnly !== true || final));
  const aftercareItems = (protocol, final, end) =>
    rulesFor(protocol, final).map((r) => ({
      rule: r.rule,
      from: formatLondon(parseInstant(end).ms),
      until: londonPlusCalendarDays(end, r.days),
    }));
  const preparationItems = (start, rules = PREPARATION) => {
    const ms = parseInstant(start).ms;
    return rules.map((r) => ({ rule: r.rule, from: formatLondon(ms - r.from * HOUR_MS), until: formatLondon(ms - r.until * HOUR_MS) }));
  };
  const endOf = (start, minutes) => formatLondon(parseInstant(start).ms + minutes * 60_000);
  const care = (c) => kase({ testType: 'care', timeZone: 'Europe/London', ...c });
  const book = (session, start, at) => ({ type: 'sessionBooked', at, session, start });
  const done = (session, start, at, extra = {}) => ({ type: 'sessionCompleted', at, session, start, ...extra });

  // Session 1 booked before spring forward: items ending after the change keep their local time.
  {
    const start = '2026-03-23T10:00:00+00:00';
    const end = endOf(start, durationOf(1));
    cases.push(
      care({
        id: 'aftercare-standard-session-1-across-spring-forward',
        description:
          `standard, session 1 booked ${start} (4 h, ends ${end}): each aftercare rule runs from the end for its number of calendar days, ` +
          'at the same local time; items that end after 29 March carry +01:00. No swimming/sauna rule: session 1 is not the last.',
        asOf: '2026-03-02T09:00:00Z',
        events: [book(1, start, '2026-03-01T09:00:00Z')],
        expected: {
          care: {
            kind: 'aftercare',
            session: 1,
            rules: rulesFor('standard', false).map((r) => r.rule),
            items: aftercareItems('standard', false, end),
          },
        },
      }),
    );
  }
  // Completed session: aftercare counts from the recorded end, not the booked end.
  {
    const start = '2026-06-03T09:00:00+01:00';
    const end = '2026-06-03T12:30:00+01:00';
    cases.push(
      care({
        id: 'aftercare-counts-from-recorded-end',
        description: `standard, session 1 booked 09:00–13:00 but recorded as ending at 12:30: aftercare counts from ${end}.`,
        asOf: '2026-06-04T09:00:00Z',
        events: [book(1, start, '2026-06-01T09:00:00Z'), done(1, start, '2026-06-03T13:00:00+01:00', { end, record: CHECKLIST })],
        expected: {
          care: {
            kind: 'aftercare',
            session: 1,
            rules: rulesFor('standard', false).map((r) => r.rule),
            items: aftercareItems('standard', false, end),
          },
        },
      }),
    );
  }
  // A completion recorded before the booked end: the end is capped at the moment of recording.
  {
    const start = '2026-06-10T09:00:00+01:00';
    const at = '2026-06-10T11:00:00+01:00';
    cases.push(
      care({
        id: 'aftercare-end-capped-at-recording-time',
        description: `standard, session 1 booked 09:00–13:00 and recorded as completed at 11:00 without an end: the end is never later than the recording, so aftercare counts from ${at}.`,
        asOf: '2026-06-11T09:00:00Z',
        events: [book(1, start, '2026-06-01T09:00:00Z'), { type: 'sessionCompleted', at, session: 1, record: CHECKLIST }],
        expected: {
          care: {
            kind: 'aftercare',
            session: 1,
            rules: rulesFor('standard', false).map((r) => r.rule),
            items: aftercareItems('standard', false, at),
          },
        },
      }),
    );
  }
  // The final session of the course, across fall back.
  {
    const s3 = '2026-10-20T14:00:00+01:00';
    const end = endOf(s3, durationOf(3));
    cases.push(
      care({
        id: 'aftercare-standard-final-session-across-fall-back',
        description:
          `standard, session 3 (the last) completed ${s3}–${end}: the final-session rule (no swimming, sauna or tanning for 28 days) is added; ` +
          'items ending after 25 October carry +00:00 at the same local time.',
        asOf: '2026-10-21T09:00:00Z',
        events: [
          done(1, '2026-09-01T10:00:00+01:00', '2026-09-01T15:00:00+01:00', { record: CHECKLIST }),
          done(2, '2026-09-13T10:00:00+01:00', '2026-09-13T14:00:00+01:00'),
          done(3, s3, '2026-10-20T18:00:00+01:00'),
        ],
        expected: {
          care: {
            kind: 'aftercare',
            session: 3,
            rules: rulesFor('standard', true).map((r) => r.rule),
            items: aftercareItems('standard', true, end),
          },
        },
      }),
    );
    // With an extra session added, session 3 is no longer the last.
    const s4 = '2026-11-10T10:00:00+00:00';
    const baseEvents = [
      done(1, '2026-09-01T10:00:00+01:00', '2026-09-01T15:00:00+01:00', { record: CHECKLIST }),
      done(2, '2026-09-13T10:00:00+01:00', '2026-09-13T14:00:00+01:00'),
      done(3, s3, '2026-10-20T18:00:00+01:00'),
      { type: 'sessionAdded', at: '2026-10-21T09:00:00+01:00', reason: 'pigment healed too light' },
      book(4, s4, '2026-10-21T09:05:00+01:00'),
    ];
    cases.push(
      care({
        id: 'aftercare-session-3-not-final-after-extra-added',
        description:
          'standard: once an extra session 4 is added, session 3 is no longer the last session, so it has no final-session rule.',
        asOf: '2026-10-22T09:00:00Z',
        events: baseEvents,
        expected: { care: { kind: 'aftercare', session: 3, rules: rulesFor('standard', false).map((r) => r.rule) } },
      }),
      care({
        id: 'aftercare-extra-session-is-final',
        description: `standard: the extra session 4 booked ${s4} (2 h) is the plan's last session, extras included: it carries the final-session rule.`,
        asOf: '2026-10-22T09:00:00Z',
        events: baseEvents,
        expected: {
          care: {
            kind: 'aftercare',
            session: 4,
            rules: rulesFor('standard', true).map((r) => r.rule),
            items: aftercareItems('standard', true, endOf(s4, durationOf(4))),
          },
        },
      }),
    );
  }
  // Other protocols.
  {
    const start = '2026-05-05T10:00:00+01:00';
    const end = endOf(start, durationOf(1));
    cases.push(
      care({
        id: 'aftercare-diffuse-thinning-has-no-shaving-rules',
        description: 'diffuse-thinning: the hair is parted, not shaved, so session 1 aftercare has no shaving or razor rule.',
        protocol: 'diffuse-thinning',
        asOf: '2026-05-02T09:00:00Z',
        events: [book(1, start, '2026-05-01T09:00:00Z')],
        expected: {
          care: {
            kind: 'aftercare',
            session: 1,
            rules: rulesFor('diffuse-thinning', false).map((r) => r.rule),
            items: aftercareItems('diffuse-thinning', false, end),
          },
        },
      }),
    );
    const s3 = '2026-06-20T10:00:00+01:00';
    cases.push(
      care({
        id: 'aftercare-diffuse-thinning-final-session',
        description: 'diffuse-thinning: the last session gets the final-session rule, still without shaving rules.',
        protocol: 'diffuse-thinning',
        asOf: '2026-06-21T09:00:00Z',
        events: [
          done(1, '2026-05-20T10:00:00+01:00', '2026-05-20T15:00:00+01:00'),
          done(2, '2026-06-01T10:00:00+01:00', '2026-06-01T14:00:00+01:00'),
          book(3, s3, '2026-06-01T15:00:00+01:00'),
        ],
        expected: {
          care: {
            kind: 'aftercare',
            session: 3,
            rules: rulesFor('diffuse-thinning', true).map((r) => r.rule),
            items: aftercareItems('diffuse-thinning', true, endOf(s3, durationOf(3))),
          },
        },
      }),
    );
    const scar = '2026-07-01T10:00:00+01:00';
    cases.push(
      care({
        id: 'aftercare-scar-camouflage-session-1',
        description: 'scar-camouflage: session 1 aftercare has every per-session rule, shaving included.',
        protocol: 'scar-camouflage',
        asOf: '2026-06-21T09:00:00Z',
        events: [book(1, scar, '2026-06-20T09:00:00Z')],
        expected: {
          care: {
            kind: 'aftercare',
            session: 1,
            rules: rulesFor('scar-camouflage', false).map((r) => r.rule),
            items: aftercareItems('scar-camouflage', false, endOf(scar, 240)),
          },
        },
      }),
    );
  }
  // Preparation: real hours before the start.
  {
    const s2 = '2026-03-30T10:00:00+01:00';
    cases.push(
      care({
        id: 'preparation-standard-session-2-across-spring-forward',
        description:
          `standard, session 2 booked ${s2}: preparation items run from N real hours before the start; those starting before 29 March 01:00 UTC ` +
          'read an hour earlier on the wall clock (+00:00). Trimming runs from 48 h to 24 h before.',
        asOf: '2026-03-10T09:00:00Z',
        events: [
          done(1, '2026-03-16T10:00:00+00:00', '2026-03-16T15:00:00+00:00', { record: CHECKLIST }),
          book(2, s2, '2026-03-16T16:00:00+00:00'),
        ],
        expected: { care: { kind: 'preparation', session: 2, rules: PREPARATION.map((r) => r.rule), items: preparationItems(s2) } },
      }),
    );
    const s1 = '2026-10-27T10:00:00+00:00';
    cases.push(
      care({
        id: 'preparation-session-1-across-fall-back',
        description: `standard, session 1 booked ${s1}, just after the clocks went back: items starting before 25 October carry +01:00.`,
        asOf: '2026-10-01T09:00:00Z',
        events: [book(1, s1, '2026-10-01T09:00:00Z')],
        expected: { care: { kind: 'preparation', session: 1, rules: PREPARATION.map((r) => r.rule), items: preparationItems(s1) } },
      }),
    );
    const d1 = '2026-08-12T11:00:00+01:00';
    cases.push(
      care({
        id: 'preparation-diffuse-thinning-session-1',
        description: 'diffuse-thinning: the standard preparation list without the clipper trim (long hair is parted, not cut).',
        protocol: 'diffuse-thinning',
        asOf: '2026-08-01T09:00:00Z',
        events: [book(1, d1, '2026-08-01T09:00:00Z')],
        expected: {
          care: {
            kind: 'preparation',
            session: 1,
            rules: LONG_HAIR_PREPARATION.map((r) => r.rule),
            items: preparationItems(d1, LONG_HAIR_PREPARATION),
          },
        },
      }),
    );
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------

const files = [
  [
    'spacing-booking.json',
    'Boundary probes for bookings (and reschedules): each gap day count, the day before and the day of.',
    bookingCases(),
  ],
  [
    'spacing-evaluation.json',
    'The same boundaries for completed sessions: recorded as facts with warnings, then evaluated.',
    evaluationCases(),
  ],
  [
    'forecast.json',
    'Forecast dates (earliest, recommended, pastDue, latest), due states at their boundaries, projections and next.',
    forecastCases(),
  ],
  [
    'refusals.json',
    'The state machine: one case per refusal code, policy findings (late cancellation, no-show), idempotency and status transitions.',
    refusalCases(),
  ],
  [
    'dst.json',
    "Calendar days in the plan's zone across DST changes, odd offsets, local midnights and a skipped day (pinned dates).",
    dstCases(),
  ],
  [
    'screening.json',
    'Screening outcomes, dated waits the day before and the day they end, month roll-over, precedence and earliestStart.',
    screeningCases(),
  ],
  ['care.json', "Aftercare and preparation rules per protocol with exact instants, across London's DST changes.", careCases()],
];

mkdirSync(OUT, { recursive: true });
let total = 0;
for (const [name, description, cases] of files) {
  const file = { $schema: '../schemas/conformance-file.json', description, cases };
  writeFileSync(join(OUT, name), `${JSON.stringify(file, null, 2)}\n`);
  total += cases.length;
  console.log(`${name.padEnd(24)} ${String(cases.length).padStart(3)} cases`);
}
console.log(`${'total'.padEnd(24)} ${String(total).padStart(3)} cases`);
