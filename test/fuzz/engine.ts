/**
 * The fuzzer: calls every function exported by every entry of the package with random, hostile,
 * huge and mutated-valid arguments, and fails on what the contract forbids — an escaping
 * exception, an `INTERNAL_ERROR`, a call over the CPU budget, prototype pollution, a mutated
 * input, an ok result our own parsers refuse, or (for `expectedOutcome`) a value that is not an
 * Outcome. Seeded: the same seed gives the same inputs, and every failure prints how to rerun it.
 */
import { backendTargets } from './backend.js';
import { type Kind, type Scenario, type SeedApi, buildScenarios } from './seeds.js';
import {
  FAR_DATES,
  FAR_INSTANTS,
  GIANTS,
  Rng,
  type Recipe,
  constant,
  fingerprint,
  json,
  nullPrototype,
  randomRecipe,
  throwingGetter,
  throwingProxy,
} from './values.js';

/** Exports that read input and so return an `Outcome`: a non-Outcome return from them is a failure. */
export const expectedOutcome: readonly string[] = [
  'defineProtocol',
  'createPlan',
  'applyEvent',
  'replay',
  'parsePlan',
  'parseAvailability',
  'findSlots',
  'proposeSchedule',
  'proposeReschedule',
  'screen',
  'aftercare',
  'preparation',
  'localDateOf',
  'toInstant',
  'evaluatePlan',
  'forecast',
  'toICalendar',
  'toFhir',
  'toPlanDefinition',
  'toTimelineSvg',
  'toMermaid',
  'planChanges',
  'protocolFor',
  'runConformanceCase',
];

/** What each known export takes; unknown exports (a new entry) get arguments of any kind. */
const SIGNATURES: Record<string, Kind[]> = {
  formatFinding: ['finding', 'locale'],
  httpStatusOf: ['outcome'],
  defineProtocol: ['protocol'],
  createPlan: ['createInput'],
  applyEvent: ['plan', 'event', 'options'],
  replay: ['plan', 'events', 'options'],
  parsePlan: ['planJson'],
  evaluatePlan: ['plan', 'options'],
  forecast: ['plan', 'options'],
  parseAvailability: ['availability'],
  findSlots: ['plan', 'options'],
  proposeSchedule: ['plan', 'options'],
  proposeReschedule: ['plan', 'options'],
  screen: ['intake', 'screenOptions'],
  aftercare: ['plan', 'options'],
  preparation: ['plan', 'options'],
  toMermaid: ['protocol'],
  toTimelineSvg: ['plan', 'options'],
  localDateOf: ['instant', 'zone'],
  toInstant: ['localTime', 'zone'],
  toICalendar: ['plan', 'options'],
  toFhir: ['plan', 'options'],
  toPlanDefinition: ['protocol', 'options'],
  fixedClock: ['instant'],
  aPlan: [],
  smpArbitraries: ['any'],
  runConformanceCase: ['conformanceCase', 'conformanceOptions'],
};
const ALL_KINDS: Kind[] = ['plan', 'event', 'options', 'protocol', 'availability', 'intake', 'finding', 'instant', 'any'];

/** Exports whose contract is a string whatever the input (a message): anything else is a failure. */
const RETURNS_STRING = new Set(['formatFinding']);

export type FailureKind = 'throw' | 'internal' | 'slow' | 'pollution' | 'mutation' | 'invalid-output' | 'not-outcome' | 'huge-output';

/** One distinct failure, with how to reproduce it. */
export interface Failure {
  entry: string;
  name: string;
  kind: FailureKind;
  detail: string;
  /** The arguments, as code. */
  args: string[];
  /** The input's index in the run: rerun it alone with `FUZZ_SEED=<seed> FUZZ_INDEX=<index>`. */
  index: number;
  /** How many inputs failed the same way. */
  count: number;
}

export interface FuzzOptions {
  /** Entry name (`smp-protocol`, `smp-protocol/ical`, …) → its module namespace. */
  entries: Record<string, Record<string, unknown>>;
  seed: number;
  /** Random inputs (the giants sweep comes on top, once per export and argument). */
  inputs: number;
  /** CPU budget per call, ms (the minimum of three tries must exceed it to fail). */
  budgetMs?: number;
  /** Only this export, by name or as `entry#name` (for a rerun). */
  only?: string;
  /** Only this input index (for a rerun). */
  index?: number;
  /** Skip the giants sweep. */
  noGiants?: boolean;
  log?: (line: string) => void;
}

export interface FuzzReport {
  seed: number;
  inputs: number;
  counts: Record<string, { calls: number; ok: number; refused: number; other: number }>;
  failures: Failure[];
}

interface Target {
  entry: string;
  name: string;
  fn: (...args: unknown[]) => unknown;
  kinds: Kind[];
  /** The fuzzer's own setup for a call (a derived target's store or Request): not timed. */
  prepare?: (args: unknown[]) => unknown[];
  /** The fuzzer's own reading of the result (a Response's body): not timed. */
  finish?: (result: unknown) => Promise<unknown>;
}

// ---------------------------------------------------------------------------------------------
// Inputs.

type Path = (string | number)[];

function childKeys(value: unknown): (string | number)[] {
  if (Array.isArray(value)) return value.map((_, i) => i);
  if (typeof value === 'object' && value !== null) return Object.keys(value);
  return [];
}

function randomPath(rng: Rng, value: unknown): Path {
  const path: Path = [];
  let v = value;
  for (let depth = 0; depth < 8; depth += 1) {
    const keys = childKeys(v);
    if (keys.length === 0 || (depth > 0 && rng.chance(0.3))) break;
    const key = rng.pick(keys);
    path.push(key);
    v = (v as Record<string | number, unknown>)[key];
  }
  return path;
}

function getPath(root: unknown, path: Path): unknown {
  let v = root;
  for (const key of path) v = (v as Record<string | number, unknown>)[key];
  return v;
}

function setPath(root: unknown, path: Path, value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const parent = getPath(root, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1] as string | number;
  if (remove) {
    if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
    else delete parent[key];
  } else if (key === '__proto__') {
    Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    parent[key] = value;
  }
  return root;
}

function pathCode(path: Path): string {
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`)).join('');
}

const TWEAKS = [0, -1, 1, 0.5, 21, 10_000, 1e9, -1e9, Number.NaN];

/** A valid seed value with one thing changed. */
function mutate(rng: Rng, seedName: string, seed: unknown): Recipe {
  const text = JSON.stringify(seed);
  const fresh = (): unknown => (text === undefined ? undefined : JSON.parse(text));
  const sample = fresh();
  const path = randomPath(rng, sample);
  const here = getPath(sample, path);
  const at = `${seedName}${pathCode(path)}`;
  const op = rng.int(10);
  let replacement: Recipe;
  if (op === 0) {
    return { build: () => setPath(fresh(), path, undefined, true), code: `${seedName} without ${pathCode(path) || 'itself'}`, json: true };
  } else if (op === 1 && typeof here === 'number') {
    const n = rng.pick(TWEAKS);
    replacement = constant(n, String(n), Number.isFinite(n));
  } else if (op <= 3 && typeof here === 'string') {
    const s = rng.chance(0.6) ? rng.pick(FAR_INSTANTS) : rng.pick(FAR_DATES);
    replacement = json(s);
  } else if (op === 4 && typeof here === 'object' && here !== null) {
    const inner = json(here);
    const r = rng.int(3);
    replacement =
      r === 0
        ? nullPrototype(inner)
        : r === 1
          ? throwingProxy(inner, rng.pick(['get', 'ownKeys', 'has', 'getOwnPropertyDescriptor'] as const))
          : throwingGetter(inner, rng.pick(childKeys(here).map(String).concat(['protocol', 'asOf', 'name', 'transaction', 'id'])));
  } else if (op === 5 && typeof here === 'object' && here !== null) {
    const key = rng.pick(['__proto__', 'constructor', 'prototype']);
    const value: unknown = rng.chance(0.5) ? { polluted: 'yes', toString: 'x' } : { prototype: { polluted: 'yes' } };
    const p = [...path, key];
    return {
      build: () => setPath(fresh(), p, JSON.parse(JSON.stringify(value))),
      code: `${at} with own key ${JSON.stringify(key)} = ${JSON.stringify(value)}`,
      json: true,
    };
  } else if (op === 6 && Array.isArray(here) && here.length > 0) {
    const copies = rng.pick([2, 3]);
    const value = Array.from({ length: copies }, () => here).flat();
    replacement = json(value);
  } else {
    replacement = randomRecipe(rng);
  }
  return {
    build: () => setPath(fresh(), path, replacement.build()),
    code: `${at} = ${replacement.code}`,
    json: replacement.json,
  };
}

/** How an argument is made: the seed as it is, the seed with one change, or anything at all. */
type Shape = 'pristine' | 'mutated' | 'random';

function argument(rng: Rng, kind: Kind, scenario: Scenario, shape: Shape): Recipe {
  const seed = scenario.values[kind === 'any' ? rng.pick(ALL_KINDS) : kind];
  const name = `seed(${JSON.stringify(scenario.name)}).${kind}`;
  if (shape === 'pristine') return { ...json(seed), code: name };
  if (shape === 'mutated') return mutate(rng, name, seed);
  return randomRecipe(rng);
}

/**
 * The shapes of a call's arguments: a quarter all valid (the ok paths, whose outputs are checked),
 * half with one argument changed (deep code), a quarter anything goes.
 */
function shapes(rng: Rng, arity: number): Shape[] {
  const r = rng.next();
  if (r < 0.25) return Array.from({ length: arity }, () => 'pristine');
  if (r < 0.75) {
    const changed = rng.int(Math.max(arity, 1));
    const how: Shape = rng.chance(0.8) ? 'mutated' : 'random';
    return Array.from({ length: arity }, (_, i) => (i === changed ? how : 'pristine'));
  }
  return Array.from({ length: arity }, () => (rng.chance(0.6) ? 'mutated' : rng.chance(0.3) ? 'pristine' : 'random'));
}

/** A giant in the place that matters for this kind of argument. */
function giantPlacements(kind: Kind, giant: Recipe, scenario: Scenario): Recipe[] {
  const seed = scenario.values[kind];
  const name = `seed(${JSON.stringify(scenario.name)}).${kind}`;
  const places: Record<string, Path[]> = {
    plan: [['metadata'], ['history'], ['sessions'], ['id']],
    planJson: [['metadata'], ['history'], ['timeZone']],
    event: [['note'], ['id'], ['record']],
    events: [[]],
    options: [['protocol', 'sessions'], ['asOf'], ['availability', 'weekly'], ['protocols'], ['reminders'], ['name']],
    protocol: [['sessions'], ['name'], ['aftercare']],
    createInput: [['metadata'], ['protocol', 'sessions']],
    availability: [['weekly'], ['busy']],
    intake: [['activeScalpConditions'], ['dateOfBirth']],
    screenOptions: [['protocol', 'sessions'], ['asOf']],
    finding: [['params'], ['message'], ['path']],
    outcome: [['findings']],
  };
  return (places[kind] ?? []).map((path) => ({
    build: () => setPath(JSON.parse(JSON.stringify(seed)) as unknown, path, giant.build()),
    code: `${name}${pathCode(path)} = ${giant.code}`,
    json: false,
    giant: true,
  }));
}

// ---------------------------------------------------------------------------------------------
// Checks.

const WATCHED: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
  ['Boolean.prototype', Boolean.prototype],
  ['Symbol.prototype', Symbol.prototype],
  ['Date.prototype', Date.prototype],
  ['RegExp.prototype', RegExp.prototype],
  ['Map.prototype', Map.prototype],
  ['Set.prototype', Set.prototype],
  ['Promise.prototype', Promise.prototype],
  ['Error.prototype', Error.prototype],
  ['Object', Object],
  ['Array', Array],
  ['JSON', JSON],
  ['Math', Math],
  ['globalThis', globalThis],
];

type Snapshot = Map<PropertyKey, unknown>[];

/** Own keys of a watched object; on globalThis only string keys (undici parks a symbol there on first use). */
function keysOf(index: number, o: object): PropertyKey[] {
  const keys = Reflect.ownKeys(o);
  return WATCHED[index]?.[0] === 'globalThis' ? keys.filter((k) => typeof k === 'string') : keys;
}

function snapshotGlobals(): Snapshot {
  return WATCHED.map(([, o]) => {
    const m = new Map<PropertyKey, unknown>();
    for (const key of keysOf(
      WATCHED.findIndex(([, w]) => w === o),
      o,
    )) {
      const d = Object.getOwnPropertyDescriptor(o, key);
      m.set(key, d === undefined ? undefined : 'value' in d ? d.value : d.get);
    }
    return m;
  });
}

/**
 * What changed in the watched globals since `baseline`. Cheap first (key counts and the few
 * methods a pollution would shadow), the full comparison only when a count moved.
 */
function pollution(baseline: Snapshot): string | undefined {
  const probe = {} as Record<string, unknown>;
  const suspicious =
    probe.polluted !== undefined ||
    ([] as unknown as Record<string, unknown>).polluted !== undefined ||
    Object.getPrototypeOf(probe) !== Object.prototype;
  let moved = suspicious;
  for (let i = 0; i < WATCHED.length && !moved; i += 1) {
    const [, o] = WATCHED[i] as [string, object];
    if (keysOf(i, o).length !== (baseline[i] as Map<PropertyKey, unknown>).size) moved = true;
  }
  if (!moved) {
    // Same keys: the values of the prototypes' own properties must be the same too.
    for (let i = 0; i < 2; i += 1) {
      const [label, o] = WATCHED[i] as [string, object];
      for (const [key, was] of baseline[i] as Map<string, unknown>) {
        const d = Object.getOwnPropertyDescriptor(o, key);
        if ((d === undefined ? undefined : 'value' in d ? d.value : d.get) !== was) return `${label}.${String(key)} changed`;
      }
    }
    return undefined;
  }
  const now = snapshotGlobals();
  for (let i = 0; i < WATCHED.length; i += 1) {
    const [label] = WATCHED[i] as [string, object];
    const was = baseline[i] as Map<PropertyKey, unknown>;
    const is = now[i] as Map<PropertyKey, unknown>;
    const added = [...is.keys()].filter((k) => !was.has(k));
    const removed = [...was.keys()].filter((k) => !is.has(k));
    if (added.length > 0 || removed.length > 0)
      return `${label} ${added.length > 0 ? `gained ${added.map(String).join(', ')}` : `lost ${removed.map(String).join(', ')}`}`;
  }
  return suspicious ? 'a plain object inherits a "polluted" property' : undefined;
}

function isOutcome(value: unknown): value is { ok: boolean; value?: unknown; findings: unknown[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean' &&
    Array.isArray((value as { findings?: unknown }).findings)
  );
}

/** Where outputs echo the caller's own data (vendor metadata, a finding's params): not ours to validate. */
const ECHOES = new Set(['metadata', 'params', 'findings', 'path', 'record', 'note', 'reason', 'message']);
/** Fields that hold a date or an instant the library wrote (plans, forecasts, slots, care items, FHIR periods). */
const DATED = new Set([
  'at',
  'start',
  'end',
  'from',
  'until',
  'createdAt',
  'earliest',
  'recommended',
  'pastDue',
  'latest',
  'localDate',
  'earliestStart',
  'date',
  'asOf',
  'notBefore',
  'authoredOn',
  'effectiveDateTime',
  'valueDateTime',
  'occurrenceDateTime',
  'issued',
  'timestamp',
  'created',
  'lastUpdated',
]);
const INSTANT_LIKE = /^[+-]?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_LIKE = /^[+-]?\d{4,6}-\d{2}-\d{2}$/;

interface Checkers {
  instant(text: string): boolean;
  localDate(text: string): boolean;
  plan(value: unknown): string | undefined;
  protocol(value: unknown): string | undefined;
}

/** Walks an output (bounded) for INTERNAL_ERROR and for dates and instants our parsers refuse. */
function inspectOutput(value: unknown, checkers: Checkers): { internal?: string; invalid?: string; huge?: string } {
  const found: { internal?: string; invalid?: string; huge?: string } = {};
  let budget = 50_000;
  const seen = new Set<unknown>();
  const walk = (v: unknown, path: string, inMetadata: boolean, key = ''): void => {
    if (budget <= 0 || found.internal !== undefined) return;
    budget -= 1;
    if (typeof v === 'string') {
      if (v.length > 1_000_000) found.huge ??= `${path}: a string of ${v.length} characters`;
      if (inMetadata || v.length > 40 || !DATED.has(key)) return;
      if (INSTANT_LIKE.test(v) && !checkers.instant(v)) found.invalid ??= `${path} = ${JSON.stringify(v)} (an instant our parser refuses)`;
      else if (DATE_LIKE.test(v) && !checkers.localDate(v))
        found.invalid ??= `${path} = ${JSON.stringify(v)} (a local date our parser refuses)`;
      return;
    }
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      if (v.length > 100_000) found.huge ??= `${path}: an array of ${v.length}`;
      v.slice(0, 2_000).forEach((x, i) => walk(x, `${path}[${i}]`, inMetadata, key));
      return;
    }
    const record = v as Record<string, unknown>;
    if (record.code === 'INTERNAL_ERROR') {
      found.internal = `${path}: ${typeof record.message === 'string' ? record.message.slice(0, 300) : 'INTERNAL_ERROR'}`;
      return;
    }
    for (const k of Object.keys(record)) walk(record[k], `${path}.${k}`, inMetadata || ECHOES.has(k), k);
  };
  try {
    walk(value, 'result', false);
  } catch {
    // The output holds a hostile input by reference (a Proxy we passed in): nothing more to read.
  }
  return found;
}

function looksLikePlan(v: unknown): boolean {
  return (
    typeof v === 'object' &&
    v !== null &&
    (v as { schemaVersion?: unknown }).schemaVersion === 1 &&
    Array.isArray((v as { history?: unknown }).history)
  );
}
function looksLikeProtocol(v: unknown): boolean {
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray((v as { sessions?: unknown }).sessions) &&
    typeof (v as { version?: unknown }).version === 'number' &&
    (v as { extraSessions?: unknown }).extraSessions !== undefined
  );
}

function errorText(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
    return `thrown ${typeof error}: ${String(error)}`.slice(0, 300);
  } catch {
    return 'thrown (unprintable)';
  }
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Calls `fn` and measures its CPU time, to the settling of its promise for an async function (the
 * run awaits one call at a time, so the time between is the call's own work). A rejection is
 * returned as `{ threw }`.
 */
async function timed(t: Target, args: unknown[]): Promise<{ result?: unknown; threw?: { error: unknown }; cpu: number }> {
  const t0 = cpuMs();
  try {
    let result = t.fn(...args);
    if (typeof (result as { then?: unknown } | null)?.then === 'function') result = await (result as Promise<unknown>);
    return { result, cpu: cpuMs() - t0 };
  } catch (error) {
    return { threw: { error }, cpu: cpuMs() - t0 };
  }
}

// ---------------------------------------------------------------------------------------------
// The run.

function discover(entries: FuzzOptions['entries']): Target[] {
  const targets: Target[] = [];
  for (const [entry, namespace] of Object.entries(entries)) {
    for (const [name, value] of Object.entries(namespace)) {
      if (typeof value !== 'function') continue;
      targets.push({
        entry,
        name,
        fn: value as (...args: unknown[]) => unknown,
        kinds: SIGNATURES[name] ?? ALL_KINDS.slice(0, Math.max(1, Math.min(3, (value as { length: number }).length))),
      });
    }
  }
  return targets.sort((a, b) => `${a.entry}#${a.name}`.localeCompare(`${b.entry}#${b.name}`));
}

/** Runs the fuzzer; never throws for a finding, returns every distinct failure. */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const root = options.entries['smp-protocol'];
  if (root === undefined) throw new Error('the root entry is required');
  const api = root as unknown as SeedApi & {
    parsePlan(v: unknown): { ok: boolean; findings: { code: string; message: string }[] };
    defineProtocol(v: unknown): { ok: boolean; findings: { code: string; message: string }[] };
    localDateOf(i: string, z: string): { ok: boolean };
    toInstant(l: string, z: string): { ok: boolean };
    findingCodes: Record<string, string> | readonly string[];
  };
  const codes = Array.isArray(api.findingCodes) ? (api.findingCodes as string[]) : Object.keys(api.findingCodes);
  const checkers: Checkers = {
    instant: (t) => api.localDateOf(t, 'UTC').ok,
    // A supported local date (1900-01-01 to 9999-12-31) has a noon inside the supported instants
    // in some zone, but not always in UTC: 1900-01-01 at noon UTC is before the first instant
    // (1900-01-02T00:00Z), and 9999-12-31 at noon UTC after the last. So noon in UTC, UTC−12 or
    // UTC+14; a date none of them accepts is one our parser refuses.
    localDate: (t) => ['UTC', 'Etc/GMT+12', 'Etc/GMT-14'].some((zone) => api.toInstant(`${t}T12:00`, zone).ok),
    plan: (v) => {
      const out = api.parsePlan(JSON.parse(JSON.stringify(v)));
      return out.ok
        ? undefined
        : out.findings
            .map((f) => `${f.code}: ${f.message}`)
            .join('; ')
            .slice(0, 400);
    },
    protocol: (v) => {
      const out = api.defineProtocol(JSON.parse(JSON.stringify(v)));
      return out.ok
        ? undefined
        : out.findings
            .map((f) => `${f.code}: ${f.message}`)
            .join('; ')
            .slice(0, 400);
    },
  };
  // Codes off the prototype chain too: a catalogue lookup must use own keys only.
  const scenarios = buildScenarios(api, [...codes, 'constructor', 'toString', '__proto__', 'hasOwnProperty']);
  if (scenarios.length === 0) throw new Error('no seed scenario could be built');
  const builtins = JSON.stringify(api.protocols);
  const log = options.log ?? (() => undefined);
  const derived = backendTargets(options.entries, Object.values(api.protocols), (scenarios[0] as Scenario).values.plan, log).map(
    (d): Target => ({ ...d, kinds: d.name.startsWith('createHandler') ? ['request', 'event'] : ['any', 'any', 'any'] }),
  );
  const targets = [...discover(options.entries), ...derived].filter(
    (t) => options.only === undefined || t.name === options.only || `${t.entry}#${t.name}` === options.only,
  );
  const budget = options.budgetMs ?? 50;
  const report: FuzzReport = { seed: options.seed, inputs: 0, counts: {}, failures: [] };
  const distinct = new Map<string, Failure>();
  const slowGiants = new Map<string, number>();
  const slowKnown = new Set<string>();
  let baseline = snapshotGlobals();

  const record = (t: Target, kind: FailureKind, detail: string, args: Recipe[], index: number): void => {
    const key = `${t.entry}#${t.name}#${kind}#${detail.replace(/\d+/g, 'N').slice(0, 120)}`;
    const known = distinct.get(key);
    if (known !== undefined) {
      known.count += 1;
      return;
    }
    const failure: Failure = { entry: t.entry, name: t.name, kind, detail, args: args.map((a) => a.code), index, count: 1 };
    distinct.set(key, failure);
    log(`FAIL ${formatFailure(failure, options.seed)}`);
  };

  const callOnce = async (t: Target, args: Recipe[], index: number): Promise<void> => {
    const counts = (report.counts[`${t.entry}#${t.name}`] ??= { calls: 0, ok: 0, refused: 0, other: 0 });
    counts.calls += 1;
    report.inputs += 1;
    let built: unknown[];
    try {
      built = args.map((a) => a.build());
    } catch (error) {
      // A recipe the fuzzer cannot build is the fuzzer's bug, not the library's: say so and go on.
      log(`fuzzer: cannot build input ${index} (${errorText(error)}): ${args.map((a) => a.code).join(', ')}`);
      return;
    }
    const before = args.map((a, i) => (a.json ? JSON.stringify(built[i]) : a.giant ? fingerprint(built[i]) : undefined));
    const prepared = (values: unknown[]): unknown[] | undefined => {
      try {
        return t.prepare === undefined ? values : t.prepare(values);
      } catch (error) {
        log(`fuzzer: cannot prepare input ${index} (${errorText(error)}): ${args.map((a) => a.code).join(', ')}`);
        return undefined;
      }
    };
    const callArgs = prepared(built);
    if (callArgs === undefined) return;
    const first = await timed(t, callArgs);
    if (first.threw !== undefined) {
      record(t, 'throw', errorText(first.threw.error), args, index);
      return;
    }
    const cpu = first.cpu;
    let result = first.result;
    if (t.finish !== undefined) {
      try {
        result = await t.finish(result);
      } catch (error) {
        record(t, 'throw', `reading the result: ${errorText(error)}`, args, index);
        return;
      }
    }
    const polluted = pollution(baseline);
    if (polluted !== undefined) {
      record(t, 'pollution', polluted, args, index);
      baseline = snapshotGlobals();
    }
    args.forEach((a, i) => {
      const was = before[i];
      if (was === undefined) return;
      let now: string | undefined;
      try {
        now = a.json ? JSON.stringify(built[i]) : fingerprint(built[i]);
      } catch {
        now = 'unreadable';
      }
      if (now !== was) record(t, 'mutation', `argument ${i + 1} changed`, args, index);
    });
    if (cpu > budget && slowKnown.has(t.name)) {
      // Already reported for this export: count it without the retries (they cost seconds each).
      record(t, 'slow', `${Math.round(cpu)} ms of CPU (budget ${budget} ms)`, args, index);
      if (args.some((a) => a.giant === true)) slowGiants.set(t.name, (slowGiants.get(t.name) ?? 0) + 1);
    } else if (cpu > budget) {
      // A GC pause or a cold path can take one call over: the fastest of three must exceed it.
      let best = cpu;
      for (let k = 0; k < 2 && best > budget; k += 1) {
        const again = prepared(args.map((a) => a.build()));
        if (again === undefined) break;
        // A throw here was reported above if it matters.
        best = Math.min(best, (await timed(t, again)).cpu);
      }
      if (best > budget) {
        record(t, 'slow', `${Math.round(best)} ms of CPU (budget ${budget} ms)`, args, index);
        slowKnown.add(t.name);
        if (args.some((a) => a.giant === true)) slowGiants.set(t.name, (slowGiants.get(t.name) ?? 0) + 1);
      }
    }
    const asOutcome = isOutcome(result) ? result : undefined;
    const outcome = asOutcome !== undefined;
    if (RETURNS_STRING.has(t.name) && typeof result !== 'string')
      record(t, 'invalid-output', `returned ${result === null ? 'null' : typeof result}, not a string`, args, index);
    if (!outcome && expectedOutcome.includes(t.name))
      record(t, 'not-outcome', `returned ${result === null ? 'null' : typeof result}, not an Outcome`, args, index);
    if (asOutcome !== undefined && !asOutcome.ok) counts.refused += 1;
    else if (outcome) counts.ok += 1;
    else counts.other += 1;
    const inspected = inspectOutput(result, checkers);
    if (inspected.internal !== undefined) record(t, 'internal', inspected.internal, args, index);
    if (inspected.huge !== undefined) record(t, 'huge-output', inspected.huge, args, index);
    if (typeof result === 'string' && result.length > 1_000_000)
      record(t, 'huge-output', `a string of ${result.length} characters`, args, index);
    if (asOutcome !== undefined && !asOutcome.ok && asOutcome.findings.length === 0)
      record(t, 'invalid-output', 'a refusal with no finding', args, index);
    if (asOutcome?.ok) {
      if (inspected.invalid !== undefined) record(t, 'invalid-output', inspected.invalid, args, index);
      const value = asOutcome.value;
      try {
        if (looksLikePlan(value)) {
          const refused = checkers.plan(value);
          if (refused !== undefined) record(t, 'invalid-output', `parsePlan refuses the plan it returned: ${refused}`, args, index);
        } else if (looksLikeProtocol(value)) {
          const refused = checkers.protocol(value);
          if (refused !== undefined)
            record(t, 'invalid-output', `defineProtocol refuses the protocol it returned: ${refused}`, args, index);
        }
      } catch (error) {
        record(t, 'invalid-output', `the returned value is not JSON-able: ${errorText(error)}`, args, index);
      }
    } else if (!outcome && inspected.invalid !== undefined) {
      record(t, 'invalid-output', inspected.invalid, args, index);
    }
  };

  const started = Date.now();
  // The giants sweep: each giant as each argument, and in the places that matter, once.
  let index = 0;
  if (options.noGiants !== true && options.index === undefined) {
    for (const t of targets) {
      const scenario = scenarios[0] as Scenario;
      for (let position = 0; position < t.kinds.length; position += 1) {
        const kind = t.kinds[position] as Kind;
        for (const g of GIANTS) {
          for (const placed of [g, ...giantPlacements(kind, g, scenario)]) {
            if ((slowGiants.get(t.name) ?? 0) >= 3) break;
            const args = t.kinds.map((k, i) =>
              i === position ? placed : { ...json(scenario.values[k]), code: `seed(${JSON.stringify(scenario.name)}).${k}` },
            );
            await callOnce(t, args, -1);
          }
        }
      }
    }
    log(`giants sweep: ${report.inputs} calls, ${Math.round((Date.now() - started) / 1000)} s`);
  }

  // Random inputs: input i is fully determined by (seed, i).
  const first = options.index ?? 0;
  const last = options.index === undefined ? options.inputs : options.index + 1;
  for (index = first; index < last; index += 1) {
    if (targets.length === 0) break;
    const rng = new Rng((options.seed * 1_000_003 + index) >>> 0);
    const t = rng.pick(targets);
    const scenario = rng.pick(scenarios);
    const arity = rng.chance(0.05) ? rng.int(4) : t.kinds.length;
    const args = shapes(rng, arity).map((shape, i) => argument(rng, t.kinds[i] ?? 'any', scenario, shape));
    await callOnce(t, args, index);
    if (index > 0 && index % 100_000 === 0)
      log(`${index} inputs, ${distinct.size} distinct failures, ${Math.round((Date.now() - started) / 1000)} s`);
  }

  if (JSON.stringify(api.protocols) !== builtins) {
    distinct.set('builtins', {
      entry: 'smp-protocol',
      name: 'protocols',
      kind: 'mutation',
      detail: 'the built-in protocols changed during the run',
      args: [],
      index: -1,
      count: 1,
    });
  }
  report.failures = [...distinct.values()];
  return report;
}

/** A failure as text: what, where, the arguments as code, and the command that reruns it. */
export function formatFailure(f: Failure, seed: number): string {
  const rerun = f.index < 0 ? 'the giants sweep (FUZZ_INPUTS=0)' : `FUZZ_SEED=${seed} FUZZ_INDEX=${f.index} FUZZ_ONLY=${f.name}`;
  return `${f.entry} ${f.name} [${f.kind}] ×${f.count}: ${f.detail}\n  ${f.name}(${f.args.join(',\n    ')})\n  rerun: ${rerun}`;
}

/** The per-export counts and the failures, as a report to print. */
export function formatReport(r: FuzzReport): string {
  const lines = [`seed ${r.seed}, ${r.inputs} inputs`];
  for (const [name, c] of Object.entries(r.counts))
    lines.push(`  ${name.padEnd(42)} ${String(c.calls).padStart(8)} calls  ok ${c.ok}  refused ${c.refused}  other ${c.other}`);
  lines.push(`${r.failures.length} distinct failures`);
  for (const f of r.failures) lines.push(formatFailure(f, r.seed));
  return lines.join('\n');
}
