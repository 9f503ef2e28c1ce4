/**
 * Mutations of valid inputs for the property tests of the fast readers against their zod oracles:
 * a value swapped for one of another type or out of bounds, a key removed, an item removed, a key
 * added (`__proto__` as an own key, as JSON.parse makes it).
 */
import fc from 'fast-check';

/** Every path to a value inside `value` (objects and arrays), the root excluded. */
export function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return out;
  for (const [k, v] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(k) : k];
    out.push(path);
    pathsOf(v, path, out);
  }
  return out;
}

export type Mutation =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'addKey'; at: number; key: string; value: unknown };

/** Values that break (or happen to fit) the fields: every type, the bounds, dates that do not exist. */
const replacement = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    1,
    2,
    3,
    99,
    100,
    1_440,
    1_441,
    1.5,
    Number.NaN,
    2 ** 53,
    '',
    'x',
    'x'.repeat(256),
    'x'.repeat(257),
    'x'.repeat(4_001),
    '2026-02-30',
    '2026-04-20',
    '0001-01-01',
    '2026-03-23T10:00:00Z',
    '2026-03-23T10:00:00',
    '2026-03-23T25:00:00Z',
    '9999-12-31T23:00:00Z',
    'Europe/London',
    'Mars/Olympus',
    'hairline',
    'scalp',
    'pending',
    'booked',
    'completed',
    'draft',
    'active',
    'onHold',
    'closed',
    'sessionBooked',
    'planResumed',
    'deferred',
    'eligible',
    '09:00',
    '13:00',
    '23:59',
    '24:00',
    '00:00',
    '9:00',
    'ana',
    '9999-12-30',
    '9999-12-31',
    '1900-01-01',
    '2026-04-02T10:00:00+01:00',
    '2026-04-02T09:00:00Z',
    7,
    8,
    1_439,
    3_660,
    3_661,
    [],
    ['hairline'],
    ['hairline', 'hairline', 'crown', 'temples', 'sides', 'back', 'scar', 'midScalp'],
    {},
    { a: 1 },
  ),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -3, max: 120 }),
);
const newKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'extra',
  'id',
  'type',
  'reason',
  'record',
  'until',
  'start',
  'end',
  'note',
  'zones',
);

export function mutation(paths: number): fc.Arbitrary<Mutation> {
  const at = fc.nat({ max: Math.max(0, paths - 1) });
  return fc.oneof(
    fc.record({ kind: fc.constant('set' as const), at, value: replacement }),
    fc.record({ kind: fc.constant('delete' as const), at }),
    fc.record({ kind: fc.constant('addKey' as const), at, key: newKey, value: replacement }),
  );
}

/** Applies mutations to a JSON copy (keys added with defineProperty, so `__proto__` stays an own key, as JSON.parse makes it). */
export function mutate(base: unknown, mutations: readonly Mutation[]): unknown {
  const root = { value: JSON.parse(JSON.stringify(base)) as unknown };
  for (const m of mutations) {
    const paths = pathsOf(root.value);
    const path = paths[m.at % Math.max(1, paths.length)];
    if (path === undefined) continue;
    let parent: unknown = root.value;
    for (const k of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[k];
    const key = path[path.length - 1] as string | number;
    const holder = parent as Record<string | number, unknown>;
    if (m.kind === 'set') holder[key] = m.value;
    else if (m.kind === 'delete') {
      if (Array.isArray(holder)) holder.splice(Number(key), 1);
      else delete holder[key];
    } else {
      const target = holder[key];
      if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
        Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      }
    }
  }
  return root.value;
}

/** One of `bases`, with one to three mutations applied: the inputs of the fast-reader properties. */
export function mutatedOf(bases: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc
    .nat({ max: bases.length - 1 })
    .chain((i) => fc.array(mutation(pathsOf(bases[i]).length), { minLength: 1, maxLength: 3 }).map((ms) => mutate(bases[i], ms)));
}
