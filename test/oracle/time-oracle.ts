/**
 * The Temporal oracle: every date and instant the library computes, compared with an independent
 * computation in Temporal (temporal-polyfill), in every zone `Intl` knows plus the links below,
 * around each zone's offset changes from 2000 to 2040.
 *
 * The library is reached only through its public entry (`smp-protocol`). Readers whose return
 * shape is changing from a plain value to an `Outcome` are wrapped in {@link value}, which accepts
 * either.
 *
 * Kinds compared: localDateOf, toInstant (nonexistent → refused, repeated → earlier), aftercare
 * and preparation `from`/`until`, forecast dates, calendar-day counts (`daysFromAnchor`) and the
 * evaluation they give, review and maintenance windows, slot start/end/localDate.
 */
import { Temporal } from 'temporal-polyfill';
import {
  aftercare,
  applyEvent,
  createPlan,
  defineProtocol,
  evaluatePlan,
  findSlots,
  forecast,
  localDateOf,
  preparation,
  standardProtocol,
  toInstant,
  type Outcome,
  type Plan,
  type Protocol,
} from 'smp-protocol';

/** Link names (tzdata `backward`) that `Intl.supportedValuesOf` does not list but every platform accepts. */
export const LINKS: readonly string[] = [
  'US/Eastern',
  'US/Central',
  'US/Mountain',
  'US/Pacific',
  'US/Alaska',
  'US/Hawaii',
  'US/Arizona',
  'US/Michigan',
  'Canada/Atlantic',
  'Canada/Eastern',
  'Canada/Newfoundland',
  'Canada/Pacific',
  'Brazil/East',
  'Chile/Continental',
  'Mexico/General',
  'Cuba',
  'Egypt',
  'Eire',
  'GB',
  'GB-Eire',
  'Iran',
  'Israel',
  'Jamaica',
  'Japan',
  'Libya',
  'NZ',
  'NZ-CHAT',
  'Navajo',
  'PRC',
  'ROC',
  'ROK',
  'Singapore',
  'Turkey',
  'Poland',
  'Portugal',
  'W-SU',
  'Hongkong',
  'Asia/Calcutta',
  'Asia/Saigon',
  'Asia/Katmandu',
  'Asia/Rangoon',
  'Asia/Tel_Aviv',
  'Europe/Kiev',
  'Europe/Belfast',
  'America/Buenos_Aires',
  'America/Indianapolis',
  'America/Godthab',
  'Australia/ACT',
  'Australia/LHI',
  'Australia/NSW',
  'Pacific/Samoa',
  'Pacific/Enderbury',
  'Atlantic/Faeroe',
  'Etc/GMT+12',
  'Etc/GMT-14',
  'Etc/UTC',
  'Etc/Universal',
  'GMT',
  'UCT',
  'Zulu',
];

/** Every zone name this platform knows, canonical names first, then the links it accepts. */
export function allZones(): string[] {
  const names = new Set(Intl.supportedValuesOf('timeZone'));
  for (const link of LINKS) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: link });
      Temporal.Now.instant().toZonedDateTimeISO(link);
      names.add(link);
    } catch {
      // Not known here: skipped.
    }
  }
  return [...names];
}

/** An Outcome's value, or a plain value as it is (readers return one or the other). */
export function value<T>(x: T | Outcome<T>): T {
  if (typeof x === 'object' && x !== null && 'ok' in x && 'findings' in x) {
    const o = x as Outcome<T>;
    if (o.ok) return o.value;
    throw new Error(`refused: ${o.findings.map((f) => `${f.code} ${f.message}`).join('; ')}`);
  }
  return x as T;
}

/** mulberry32: a small seeded generator, so the sample is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface OracleOptions {
  /** `sampled`: a seeded choice of transitions per zone; `full`: every transition. */
  mode: 'sampled' | 'full';
  seed?: number;
  /** Sampled mode: transitions per zone. */
  perZone?: number;
  zones?: readonly string[];
}

export interface OracleReport {
  zones: number;
  transitions: number;
  scenarios: number;
  comparisons: number;
  mismatches: number;
  perKind: Record<string, { comparisons: number; mismatches: number }>;
  samples: string[];
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const START = Date.UTC(2000, 0, 1);
const END = Date.UTC(2041, 0, 1);

/** `YYYY-MM-DDTHH:mm:ss[.sss]±HH:MM`, the library's way of writing a computed instant. */
function written(ms: number, zone: string): string {
  const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  return z.toString({ timeZoneName: 'never', ...(ms % 1000 === 0 ? { smallestUnit: 'second' } : { fractionalSecondDigits: 3 }) });
}

function plainDateOf(ms: number, zone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate();
}

/** A local date plus months; a day the month lacks rolls forward to the 1st of the next. */
function addMonths(d: Temporal.PlainDate, months: number): Temporal.PlainDate {
  const r = d.add({ months }, { overflow: 'constrain' });
  return r.day === d.day ? r : r.add({ days: 1 });
}

/** Every offset change of `zone` in [2000, 2041), by Temporal. */
export function transitionsOf(zone: string, from = START, to = END): number[] {
  const out: number[] = [];
  let z: Temporal.ZonedDateTime | null = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(zone);
  for (;;) {
    z = z.getTimeZoneTransition('next');
    if (z === null || z.epochMilliseconds >= to) break;
    out.push(z.epochMilliseconds);
  }
  return out;
}

/** The standard protocol with one aftercare rule in real hours, so both kinds of rule are compared. */
function oracleProtocol(): Protocol {
  return value(
    defineProtocol({
      ...standardProtocol,
      id: 'oracle',
      aftercare: [
        ...(standardProtocol.aftercare ?? []),
        { rule: 'no-sport', title: 'No sport', instruction: 'No sport.', hours: 36.5, after: 'eachSession' },
      ],
    }),
  );
}

export function runOracle(options: OracleOptions): OracleReport {
  const rand = seeded(options.seed ?? 20_260_323);
  const zones = options.zones ?? allZones();
  const protocol = oracleProtocol();
  const perKind: OracleReport['perKind'] = {};
  const samples: string[] = [];
  let transitions = 0;
  let scenarios = 0;

  const compare = (kind: string, context: string, actual: unknown, expected: unknown): void => {
    const k = (perKind[kind] ??= { comparisons: 0, mismatches: 0 });
    k.comparisons += 1;
    if (actual !== expected) {
      k.mismatches += 1;
      if (samples.length < 30) samples.push(`${kind} ${context}: got ${String(actual)}, Temporal ${String(expected)}`);
    }
  };
  const attempt = (kind: string, context: string, run: () => void): void => {
    try {
      run();
    } catch (error) {
      compare(kind, context, `exception ${(error as Error).message}`, 'a value');
    }
  };

  for (const zone of zones) {
    let chosen: number[];
    if (options.mode === 'full') {
      chosen = transitionsOf(zone);
    } else {
      chosen = [];
      for (let i = 0; i < (options.perZone ?? 2); i++) {
        const from = START + Math.floor(rand() * (END - START - 400 * DAY));
        const next = transitionsOf(zone, from, from + 400 * DAY)[0];
        if (next !== undefined && !chosen.includes(next)) chosen.push(next);
      }
    }
    transitions += chosen.length;
    // A zone without changes in the period still gets one scenario, at a seeded instant.
    const moments = chosen.length > 0 ? chosen : [START + Math.floor((rand() * (END - START - 400 * DAY)) / MINUTE) * MINUTE];
    for (const t of moments) {
      scenarios += 1;
      const ctx = `${zone} @${new Date(t).toISOString()}`;
      attempt('localDateOf', ctx, () => localDates(zone, t, ctx, compare));
      attempt('toInstant', ctx, () => wallTimes(zone, t, ctx, compare));
      attempt('plan', ctx, () => course(zone, t, protocol, rand, ctx, compare));
      attempt('slots', ctx, () => slots(zone, t, protocol, ctx, compare, options.mode === 'full' ? 15 : 30));
      attempt('aftercare', ctx, () => careIntoChange(zone, t, protocol, ctx, compare));
    }
  }
  const comparisons = Object.values(perKind).reduce((n, k) => n + k.comparisons, 0);
  const mismatches = Object.values(perKind).reduce((n, k) => n + k.mismatches, 0);
  return { zones: zones.length, transitions, scenarios, comparisons, mismatches, perKind, samples };
}

type Compare = (kind: string, context: string, actual: unknown, expected: unknown) => void;

function localDates(zone: string, t: number, ctx: string, compare: Compare): void {
  for (const d of [-25 * HOUR, -HOUR, -1000, 0, 1000, HOUR, 25 * HOUR]) {
    const ms = t + d;
    const text = new Date(ms).toISOString();
    compare('localDateOf', `${ctx} ${text}`, value(localDateOf(text, zone)), plainDateOf(ms, zone).toString());
  }
}

function wallTimes(zone: string, t: number, ctx: string, compare: Compare): void {
  const before = Temporal.Instant.fromEpochMilliseconds(t - 1).toZonedDateTimeISO(zone);
  const first = before.toPlainDateTime().round({ smallestUnit: 'minute', roundingMode: 'floor' }).subtract({ hours: 2 });
  for (let i = 0; i <= 16; i++) {
    const wall = first.add({ minutes: 15 * i });
    const text = wall.toString({ smallestUnit: 'minute' });
    const earlier = wall.toZonedDateTime(zone, { disambiguation: 'earlier' });
    const exists = earlier.toPlainDateTime().equals(wall);
    const r = toInstant(text, zone);
    const got = r.ok ? r.value : (r.findings[0]?.code ?? 'no finding');
    compare('toInstant', `${ctx} ${text}`, got, exists ? written(earlier.epochMilliseconds, zone) : 'NONEXISTENT_LOCAL_TIME');
  }
}

function course(zone: string, t: number, protocol: Protocol, rand: () => number, ctx: string, compare: Compare): void {
  // Session 1 starts a few hours before the change, on a whole minute.
  const s1 = Math.floor((t - HOUR - Math.floor(rand() * 6 * HOUR)) / MINUTE) * MINUTE;
  const createdAt = new Date(s1 - 30 * DAY).toISOString();
  let plan: Plan = value(createPlan({ id: 'oracle', clientId: 'c', protocol, timeZone: zone, createdAt }));
  const spec = protocol.sessions;
  const starts: number[] = [];
  let start = s1;
  for (let i = 0; i < spec.length; i++) {
    const session = spec[i];
    if (session === undefined) break;
    if (i > 0) {
      // The next session some days later, give or take a few hours, so day counts straddle changes.
      const gap = session.gaps[0];
      const span =
        gap === undefined
          ? 14
          : gap.absoluteMinimumDays -
            1 +
            Math.floor(rand() * ((gap.maximumDays ?? gap.latestRecommendedDays) + 4 - gap.absoluteMinimumDays));
      start = Math.floor((start + span * DAY + Math.floor((rand() - 0.5) * 8 * HOUR)) / MINUTE) * MINUTE;
    }
    starts.push(start);
    const end = start + session.durationMinutes * MINUTE;
    plan = value(
      applyEvent(
        plan,
        {
          id: `c${i + 1}`,
          type: 'sessionCompleted',
          at: new Date(end).toISOString(),
          session: i + 1,
          start: new Date(start).toISOString(),
        },
        { protocol },
      ),
    );
    const endZ = Temporal.Instant.fromEpochMilliseconds(end).toZonedDateTimeISO(zone);
    const n = i + 1;
    const c = `${ctx} session ${n}`;

    // Aftercare: days are the same wall time N days later (repeated → earlier, skipped → forward); hours are real hours.
    const final = n === spec.length;
    const care = value(aftercare(plan, { protocol, session: n }));
    for (const rule of protocol.aftercare ?? []) {
      if (rule.after === 'finalSession' && !final) continue;
      const item = care.find((x) => x.rule === rule.rule);
      const until = rule.days !== undefined ? endZ.add({ days: rule.days }).epochMilliseconds : end + Math.round((rule.hours ?? 0) * HOUR);
      compare('aftercare', `${c} ${rule.rule} from`, item?.from, written(end, zone));
      compare('aftercare', `${c} ${rule.rule} until`, item?.until, written(until, zone));
    }
    const prep = value(preparation(plan, { protocol, session: n }));
    for (const rule of protocol.preparation ?? []) {
      const item = prep.find((x) => x.rule === rule.rule);
      compare('preparation', `${c} ${rule.rule} from`, item?.from, written(start - Math.round(rule.fromHoursBefore * HOUR), zone));
      compare(
        'preparation',
        `${c} ${rule.rule} until`,
        item?.until,
        written(start - Math.round((rule.untilHoursBefore ?? 0) * HOUR), zone),
      );
    }

    // Day counts and evaluation from the anchor (the previous session: the standard gaps).
    const anchor = starts[i - 1];
    const gap = session.gaps[0];
    if (anchor !== undefined && gap !== undefined) {
      const days = plainDateOf(anchor, zone).until(plainDateOf(start, zone), { largestUnit: 'days' }).days;
      const evaluation = value(evaluatePlan(plan, { protocol, asOf: new Date(end).toISOString() }));
      const e = evaluation.sessions.find((x) => x.session === n);
      compare('daysFromAnchor', c, e?.daysFromAnchor, days);
      const expected =
        days < gap.absoluteMinimumDays
          ? 'tooSoon'
          : days < gap.minimumDays
            ? 'grace'
            : days < gap.earliestRecommendedDays
              ? 'early'
              : days <= gap.latestRecommendedDays
                ? 'onTime'
                : gap.maximumDays === undefined || days <= gap.maximumDays
                  ? 'late'
                  : 'lapsed';
      compare('evaluation', c, e?.evaluation, expected);
    }

    // Forecast of the next session, from this one's local date.
    const next = spec[i + 1];
    if (next !== undefined) {
      const f = value(forecast(plan, { protocol, asOf: new Date(end).toISOString() }));
      const sf = f.sessions.find((x) => x.session === n + 1);
      const a = plainDateOf(start, zone);
      const g = next.gaps[0];
      if (g !== undefined) {
        compare('forecast', `${c} → ${n + 1} earliest`, sf?.earliest, a.add({ days: g.minimumDays }).toString());
        compare('forecast', `${c} → ${n + 1} recommended`, sf?.recommended, a.add({ days: g.earliestRecommendedDays }).toString());
        compare('forecast', `${c} → ${n + 1} pastDue`, sf?.pastDue, a.add({ days: g.latestRecommendedDays + 1 }).toString());
        compare(
          'forecast',
          `${c} → ${n + 1} latest`,
          sf?.latest,
          g.maximumDays === undefined ? undefined : a.add({ days: g.maximumDays }).toString(),
        );
      }
    } else {
      // The course is complete: review (days) and maintenance (months) from the last local date.
      const f = value(forecast(plan, { protocol, asOf: new Date(end).toISOString() }));
      const last = plainDateOf(start, zone);
      const r = protocol.review;
      if (r !== undefined) {
        compare('review', `${c} earliest`, f.review?.earliest, last.add({ days: r.earliestDays }).toString());
        compare('review', `${c} recommended`, f.review?.recommended, last.add({ days: r.recommendedDays }).toString());
        compare('review', `${c} latest`, f.review?.latest, last.add({ days: r.latestDays }).toString());
      }
      const m = protocol.maintenance;
      if (m !== undefined) {
        compare('maintenance', `${c} earliest`, f.maintenance?.earliest, addMonths(last, m.earliestMonths).toString());
        compare('maintenance', `${c} recommended`, f.maintenance?.recommended, addMonths(last, m.recommendedMonths).toString());
        compare('maintenance', `${c} latest`, f.maintenance?.latest, addMonths(last, m.latestMonths).toString());
      }
    }
  }
}

const EVERY_DAY = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, open: '00:00', close: '24:00' }));

/** Slots on the local day of the change, open all day, against a brute-force walk of the grid in Temporal. */
function slots(zone: string, t: number, protocol: Protocol, ctx: string, compare: Compare, step: number): void {
  const day = Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(zone).toPlainDate();
  const dayStart = day.toZonedDateTime({ timeZone: zone });
  const close = day.add({ days: 1 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
  const asOf = dayStart.epochMilliseconds;
  const duration = (protocol.sessions[0]?.durationMinutes ?? 60) * MINUTE;
  const expected: string[] = [];
  const midnight = day.toPlainDateTime();
  for (let minutes = 0; minutes < 1_440; minutes += step) {
    const wall = midnight.add({ minutes });
    const z = wall.toZonedDateTime(zone, { disambiguation: 'earlier' });
    if (!z.toPlainDateTime().equals(wall)) continue; // skipped by the change: no slot
    const s = z.epochMilliseconds;
    if (s < asOf || s + duration > close) continue;
    expected.push(`${written(s, zone)}/${written(s + duration, zone)}/${day.toString()}`);
  }
  const plan = value(createPlan({ id: 'oracle', clientId: 'c', protocol, timeZone: zone, createdAt: new Date(asOf - DAY).toISOString() }));
  const r = findSlots(plan, {
    protocol,
    asOf: new Date(asOf).toISOString(),
    availability: { timeZone: zone, weekly: EVERY_DAY, slotStepMinutes: step, horizonDays: 0 },
    limit: 200,
  });
  const got = r.ok ? r.value.map((s) => `${s.start}/${s.end}/${s.localDate}`) : [];
  compare('slots', `${ctx} count`, got.length, expected.length);
  for (let i = 0; i < Math.max(got.length, expected.length); i++) compare('slots', `${ctx} #${i}`, got[i], expected[i]);
}

/**
 * Aftercare whose `until` lands inside the change itself: for each day count N of the protocol's
 * rules, a session ending N days before the middle of the repeated (or skipped) wall-clock hour,
 * so that the same wall time N days later is ambiguous (→ the earlier instant) or does not exist
 * (→ forward by the gap). The scenarios above reach such hours only by chance.
 */
function careIntoChange(zone: string, t: number, protocol: Protocol, ctx: string, compare: Compare): void {
  const before = Temporal.Instant.fromEpochMilliseconds(t - 1).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6;
  const after = Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6;
  if (before === after) return;
  // The middle of the hour that repeats (clocks back) or is skipped (clocks forward), as a wall time.
  const middle = Temporal.Instant.fromEpochMilliseconds(t + Math.min(before, after) + Math.abs(before - after) / 2)
    .toZonedDateTimeISO('UTC')
    .toPlainDateTime()
    .round({ smallestUnit: 'minute', roundingMode: 'floor' });
  const days = [...new Set((protocol.aftercare ?? []).flatMap((r) => (r.days === undefined ? [] : [r.days])))];
  for (const n of days) {
    const endZ = middle.subtract({ days: n }).toZonedDateTime(zone, { disambiguation: 'earlier' });
    const end = endZ.epochMilliseconds;
    const start = end - (protocol.sessions[0]?.durationMinutes ?? 60) * MINUTE;
    const plan0 = value(
      createPlan({ id: 'oracle', clientId: 'c', protocol, timeZone: zone, createdAt: new Date(start - 30 * DAY).toISOString() }),
    );
    const plan = value(
      applyEvent(
        plan0,
        {
          id: 'c1',
          type: 'sessionCompleted',
          at: new Date(end).toISOString(),
          session: 1,
          start: new Date(start).toISOString(),
          end: new Date(end).toISOString(),
        },
        { protocol },
      ),
    );
    const care = value(aftercare(plan, { protocol, session: 1 }));
    for (const rule of protocol.aftercare ?? []) {
      if (rule.days !== n || rule.after === 'finalSession') continue;
      const item = care.find((x) => x.rule === rule.rule);
      compare(
        'aftercare',
        `${ctx} into the change, ${rule.rule} until`,
        item?.until,
        written(endZ.add({ days: n }).epochMilliseconds, zone),
      );
    }
  }
}
