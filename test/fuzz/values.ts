/**
 * The fuzzer's values: each is a recipe that builds a fresh value and prints as code, so every
 * failure comes with a reproduction a person can paste. A seeded PRNG makes every run repeatable.
 */

/** mulberry32: small, fast, seeded; good enough to pick inputs. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

/** A value to pass: `build()` makes a fresh copy, `code` says how to make it by hand. */
export interface Recipe {
  build(): unknown;
  code: string;
  /** Plain JSON data (no Proxy, getter, null prototype, function…): the fuzzer checks it is not mutated. */
  json: boolean;
  /** Huge (megabytes, a million elements, 20,000 deep): built once, checked by a cheap fingerprint. */
  giant?: boolean;
}

const MAX_CODE = 600;

/** JSON as code, shortened for reports. */
export function jsonCode(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > MAX_CODE ? `${text.slice(0, MAX_CODE)}…(${text.length} chars)` : text;
}

export function json(value: unknown): Recipe {
  const text = JSON.stringify(value);
  // JSON.parse keeps "__proto__" as an own key, as a body from the network would.
  return { build: () => (text === undefined ? undefined : JSON.parse(text)), code: jsonCode(value), json: true };
}

export function constant(value: unknown, code: string, isJson = false): Recipe {
  return { build: () => value, code, json: isJson };
}

// ---------------------------------------------------------------------------------------------
// Strings that matter here.

export const ZONES = [
  'UTC',
  'Europe/London',
  'America/New_York',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tehran',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Etc/GMT+12',
  'Etc/GMT-14',
  'America/Fortaleza',
  'Asia/Gaza',
  'Pacific/Fiji',
];

/** Instants at and beyond the edges of the calendar, in several spellings. */
export const FAR_INSTANTS = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '0999-12-31T23:59:59Z',
  '1000-01-01T00:00:00+18:00',
  '1000-01-01T00:00:00+14:00',
  '1899-12-31T23:59:59Z',
  '1900-01-01T00:00:00+14:00',
  '1900-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '2026-03-29T01:30:00+00:00',
  '2026-03-29T00:30:00Z',
  '9999-12-31T00:00:00Z',
  '9999-12-31T20:00:00Z',
  '9999-12-31T23:59:59Z',
  '9999-12-31T23:59:59-18:00',
  '9999-12-31T23:59:59.999-12:00',
  '10000-01-01T00:00:00Z',
  '+010000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2026-02-30T10:00:00Z',
  '2026-03-23T10:00:00',
  '2026-03-23T24:00:00Z',
  '2026-03-23T10:00:60Z',
  '2026-03-23T10:00:00+24:00',
  '2026-03-23T10:00:00.123456789Z',
  '2026-03-23t10:00:00z',
  '2026-03-23 10:00:00Z',
  '２０２６-03-23T10:00:00Z',
];
export const FAR_DATES = [
  '0000-01-01',
  '0999-12-31',
  '1000-01-01',
  '1899-12-31',
  '1900-01-01',
  '2026-02-29',
  '2028-02-29',
  '9999-12-31',
  '10000-01-01',
  '-0001-01-01',
  '+010000-01-01',
  '2026-13-01',
  '2026-1-1',
];
export const LOCAL_TIMES = [
  '2026-03-29T01:30',
  '2026-10-25T01:30',
  '9999-12-31T23:59',
  '0000-01-01T00:00',
  '1900-01-01T00:00',
  '10000-01-01T00:00',
  '2011-12-30T12:00',
  '2026-03-23T10:00:00',
  '2026-03-23T25:00',
];
const WORDS = [
  '',
  ' ',
  'x',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'INTERNAL_ERROR',
  'INVALID_INPUT',
  'standard',
  'en',
  'es',
  'draft',
  'booked',
  'sessionBooked',
  'previous',
  '\u0000',
  '\ud800',
  '😀',
  'a'.repeat(300),
  '1',
  '-1',
  'NaN',
  '{}',
  '[]',
  'null',
];
const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'id',
  'type',
  'at',
  'session',
  'start',
  'end',
  'protocol',
  'protocols',
  'asOf',
  'timeZone',
  'sessions',
  'gaps',
  'history',
  'version',
  'metadata',
  'params',
  'code',
  'name',
  'length',
  '0',
  'x',
];

function randomString(rng: Rng): string {
  const r = rng.int(6);
  if (r === 0) return rng.pick(FAR_INSTANTS);
  if (r === 1) return rng.pick(FAR_DATES);
  if (r === 2) return rng.pick(ZONES);
  if (r === 3) return rng.pick(LOCAL_TIMES);
  if (r === 4) return rng.pick(WORDS);
  let s = '';
  const n = rng.int(12);
  for (let i = 0; i < n; i += 1) s += String.fromCharCode(rng.chance(0.9) ? 32 + rng.int(95) : rng.int(0xffff));
  return s;
}

const NUMBERS = [
  0,
  -0,
  1,
  -1,
  2,
  3,
  7,
  20,
  21,
  1.5,
  1e21,
  -1e21,
  2 ** 31,
  2 ** 53,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

/** Random JSON: the kind of thing a body or a database row holds. */
export function randomJson(rng: Rng, depth = 3): unknown {
  const r = rng.int(depth <= 0 ? 4 : 7);
  switch (r) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2: {
      const n = rng.pick(NUMBERS);
      return Number.isFinite(n) ? n : rng.int(1000) - 500;
    }
    case 3:
      return randomString(rng);
    case 4:
    case 5: {
      const out: Record<string, unknown> = {};
      const n = rng.int(5);
      for (let i = 0; i < n; i += 1) out[rng.chance(0.7) ? rng.pick(KEYS) : randomString(rng)] = randomJson(rng, depth - 1);
      return out;
    }
    default: {
      const n = rng.int(5);
      return Array.from({ length: n }, () => randomJson(rng, depth - 1));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile values (not JSON): each built fresh, printed as the code that makes it.

const TRAPS = ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'set', 'defineProperty', 'deleteProperty'] as const;

function boom(): never {
  throw new Error('fuzz: hostile trap');
}

/** A Proxy over `target` whose `trap` throws. */
export function throwingProxy(target: Recipe, trap: (typeof TRAPS)[number]): Recipe {
  return {
    build: () => {
      const value = target.build();
      return new Proxy(typeof value === 'object' && value !== null ? value : {}, { [trap]: boom });
    },
    code: `new Proxy(${target.code}, { ${trap}() { throw new Error('boom'); } })`,
    json: false,
  };
}

/** `target` with `key` redefined as a getter that throws. */
export function throwingGetter(target: Recipe, key: string): Recipe {
  return {
    build: () => {
      const value = target.build();
      const object = typeof value === 'object' && value !== null && Object.isExtensible(value) ? value : {};
      const own = Object.getOwnPropertyDescriptor(object, key);
      // A non-configurable own property (an array's length) cannot become a getter: use a fresh object.
      const holder = own === undefined || own.configurable === true ? object : {};
      Object.defineProperty(holder, key, { get: boom, enumerable: true, configurable: true });
      return holder;
    },
    code: `Object.defineProperty(${target.code}, ${JSON.stringify(key)}, { get() { throw new Error('boom'); }, enumerable: true })`,
    json: false,
  };
}

/** A null-prototype copy of `target`, what `node:querystring` returns. */
export function nullPrototype(target: Recipe): Recipe {
  return {
    build: () => {
      const value = target.build();
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return Object.create(null) as object;
      return Object.assign(Object.create(null) as object, value);
    },
    code: `Object.assign(Object.create(null), ${target.code})`,
    json: false,
  };
}

const EXOTIC: Recipe[] = [
  constant(undefined, 'undefined'),
  constant(Symbol('fuzz'), "Symbol('fuzz')"),
  constant(10n, '10n'),
  { build: () => () => 'fn', code: "() => 'fn'", json: false },
  { build: () => new Date(0), code: 'new Date(0)', json: false },
  { build: () => new Date(Number.NaN), code: 'new Date(NaN)', json: false },
  { build: () => /x/g, code: '/x/g', json: false },
  { build: () => new Map([['protocol', 1]]), code: "new Map([['protocol', 1]])", json: false },
  { build: () => Object.create(null) as object, code: 'Object.create(null)', json: false },
  {
    build: () => {
      const r = Proxy.revocable({}, {});
      r.revoke();
      return r.proxy;
    },
    code: '(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()',
    json: false,
  },
  {
    build: () => {
      const a: unknown[] = [];
      a.push(a);
      return a;
    },
    code: '(() => { const a = []; a.push(a); return a; })()',
    json: false,
  },
  {
    build: () => {
      const o: Record<string, unknown> = { id: 'x' };
      o.self = o;
      return o;
    },
    code: "(() => { const o = { id: 'x' }; o.self = o; return o; })()",
    json: false,
  },
  { build: () => new String('UTC'), code: "new String('UTC')", json: false },
  {
    build: () => ({ toString: boom, valueOf: boom }),
    code: "({ toString() { throw new Error('boom'); }, valueOf() { throw new Error('boom'); } })",
    json: false,
  },
  { build: () => ({ [Symbol.toPrimitive]: boom }), code: "({ [Symbol.toPrimitive]() { throw new Error('boom'); } })", json: false },
  { build: () => Object.freeze({ id: 'frozen' }), code: "Object.freeze({ id: 'frozen' })", json: false },
  {
    build: () => Object.assign(Object.create({ protocol: 'inherited', asOf: '2026-01-01T00:00:00Z' }) as object, {}),
    code: "Object.create({ protocol: 'inherited', asOf: '2026-01-01T00:00:00Z' })",
    json: false,
  },
];

/** Any value at all: JSON, exotic, hostile. */
export function randomRecipe(rng: Rng): Recipe {
  const r = rng.int(10);
  if (r < 6) return json(randomJson(rng));
  if (r < 8) return rng.pick(EXOTIC);
  const target = json(rng.chance(0.7) ? {} : randomJson(rng));
  if (r === 8) return throwingProxy(rng.chance(0.5) ? target : json([]), rng.pick(TRAPS));
  return rng.chance(0.5) ? throwingGetter(target, rng.pick(KEYS)) : nullPrototype(json(randomJson(rng)));
}

// ---------------------------------------------------------------------------------------------
// Giants: built once (they are expensive) and reused.

function deepArray(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i += 1) v = [v];
  return v;
}
function deepObject(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i += 1) v = { a: v };
  return v;
}

function giant(make: () => unknown, code: string): Recipe {
  let cached: unknown;
  let made = false;
  return {
    build: () => {
      if (!made) {
        cached = make();
        made = true;
      }
      return cached;
    },
    code,
    json: false,
    giant: true,
  };
}

export const GIANTS: Recipe[] = [
  giant(() => 'a'.repeat(1 << 20), "'a'.repeat(2 ** 20)"),
  giant(() => `2026-03-23T10:00:00${'0'.repeat(1 << 20)}Z`, "`2026-03-23T10:00:00${'0'.repeat(2 ** 20)}Z`"),
  giant(() => new Array<number>(1_000_000).fill(0), 'new Array(1_000_000).fill(0)'),
  giant(() => deepArray(20_000), 'a 20,000-deep array: let v = "x"; for (let i = 0; i < 20000; i++) v = [v]'),
  giant(() => deepObject(20_000), 'a 20,000-deep object: let v = "x"; for (let i = 0; i < 20000; i++) v = { a: v }'),
  giant(
    () => Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])),
    'Object.fromEntries(Array.from({ length: 100000 }, (_, i) => [`k${i}`, i]))',
  ),
];

/** A cheap fingerprint of a giant, to see whether a call changed it. */
export function fingerprint(value: unknown): string {
  if (typeof value === 'string') return `s${value.length}`;
  if (Array.isArray(value)) return `a${value.length}:${typeof value[0]}:${typeof value[value.length - 1]}`;
  if (typeof value === 'object' && value !== null) return `o${Object.keys(value).length}`;
  return typeof value;
}
