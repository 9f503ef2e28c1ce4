/**
 * The fast path of the plan and event parsers: a hand-written reader for their small, fixed shapes.
 *
 * It reads the caller's value **key-wise**, each own enumerable key once (what the boundary snapshot
 * reads), and builds the typed value as it goes, in the order zod's schemas write it. It accepts
 * only what is plainly valid: plain objects and arrays, known keys with defined values, every field
 * within its bounds, well inside the input limits. Anything else (an unknown or `__proto__` key, a
 * wrong type, an impossible date, a getter that throws, a class instance, a size near a limit)
 * makes it answer `undefined`, and the caller goes the slow way (snapshot, zod, the findings with
 * their paths). So refusals are always worded by the zod schemas, and a property test holds that
 * whatever this reader accepts, the zod path accepts with the same value (`test/schema/plan-read.test.ts`).
 * @internal
 * @module
 */
import { parseLocalDate } from '../time/civil.js';
import { parseInstantDetailed } from '../time/instant.js';
import { localDateOutOfRange } from '../time/range.js';
import { isValidTimeZone } from '../time/zone.js';
import { frozenJsonCopy, jsonProblem, MAX_ID, MAX_TEXT } from './fields.js';
import { inputLimits } from './limits.js';
import { MAX_HISTORY, scalpZones, type Plan, type PlanEvent } from './plan.js';
import { isSealed } from './sealed.js';
import { keysOf, snapshot, type KeyHints } from './snapshot.js';

type Obj = Record<string, unknown>;

/** How many values were read so far (an overcount is safe: it only sends more input the slow way). */
interface Budget {
  nodes: number;
  /** The call's key lists: what this reader enumerated, the slow path does not enumerate again. */
  hints: KeyHints | undefined;
}

function plainObject(value: unknown): value is Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= MAX_ID;
}
function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_TEXT;
}
// Length first: a longer string is never an instant, a date or a token, and is not hashed (cache, Set).
function isInstant(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 40 && typeof parseInstantDetailed(value) === 'number';
}
function isLocalDate(value: unknown): value is string {
  return typeof value === 'string' && value.length === 10 && parseLocalDate(value) !== undefined && !localDateOutOfRange(value);
}
function isToken(set: ReadonlySet<unknown>, value: unknown): boolean {
  return typeof value === 'string' && value.length <= 16 && set.has(value);
}
function isIntIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

const zones: ReadonlySet<unknown> = new Set(scalpZones);

function readZones(value: unknown, budget: Budget): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items = value as unknown[];
  const length = items.length;
  if (length > scalpZones.length) return undefined;
  budget.nodes += length;
  const out: string[] = new Array<string>(length);
  for (let i = 0; i < length; i++) {
    const z = items[i];
    if (!isToken(zones, z)) return undefined;
    out[i] = z as string;
  }
  return out;
}

/** A treatment record: zones, pigment, needle, checklist, notes (zod's order). */
function readRecord(value: unknown, budget: Budget): Obj | undefined {
  if (!plainObject(value)) return undefined;
  const keys = keysOf(value, budget.hints);
  budget.nodes += keys.length;
  let zonesIn: unknown;
  let pigment: unknown;
  let needle: unknown;
  let checklist: unknown;
  let notes: unknown;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = value[k];
    if (v === undefined) return undefined;
    switch (k) {
      case 'zones':
        zonesIn = v;
        break;
      case 'pigment':
        pigment = v;
        break;
      case 'needle':
        needle = v;
        break;
      case 'checklist':
        checklist = v;
        break;
      case 'notes':
        notes = v;
        break;
      default:
        return undefined;
    }
  }
  const out: Obj = {};
  if (zonesIn !== undefined) {
    const z = readZones(zonesIn, budget);
    if (z === undefined) return undefined;
    out.zones = z;
  }
  if (pigment !== undefined) {
    if (!isId(pigment)) return undefined;
    out.pigment = pigment;
  }
  if (needle !== undefined) {
    if (!isId(needle)) return undefined;
    out.needle = needle;
  }
  if (checklist !== undefined) {
    if (!plainObject(checklist)) return undefined;
    const items = keysOf(checklist, budget.hints);
    if (items.length > inputLimits.maxObjectKeys) return undefined;
    budget.nodes += items.length;
    if (budget.nodes > inputLimits.maxNodes) return undefined;
    const copy: Obj = {};
    for (let i = 0; i < items.length; i++) {
      const k = items[i] as string;
      // `__proto__` goes the slow way, which refuses it with its path.
      if (k.length < 1 || k.length > 64 || k === '__proto__') return undefined;
      const v = checklist[k];
      if (typeof v !== 'boolean') return undefined;
      copy[k] = v;
    }
    out.checklist = copy;
  }
  if (notes !== undefined) {
    if (!isText(notes)) return undefined;
    out.notes = notes;
  }
  return out;
}

/**
 * One event, read key-wise into a new object in the schema's key order, or `undefined` when it is
 * not plainly valid. Not frozen. May throw (a hostile getter): callers catch.
 */
function readEventUnsafe(value: unknown, budget: Budget): Obj | undefined {
  if (!plainObject(value)) return undefined;
  const keys = keysOf(value, budget.hints);
  budget.nodes += keys.length;
  let id: unknown;
  let at: unknown;
  let actor: unknown;
  let note: unknown;
  let type: unknown;
  let session: unknown;
  let start: unknown;
  let durationMinutes: unknown;
  let reason: unknown;
  let end: unknown;
  let record: unknown;
  let until: unknown;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = value[k];
    if (v === undefined) return undefined;
    switch (k) {
      case 'id':
        id = v;
        break;
      case 'at':
        at = v;
        break;
      case 'actor':
        actor = v;
        break;
      case 'note':
        note = v;
        break;
      case 'type':
        type = v;
        break;
      case 'session':
        session = v;
        break;
      case 'start':
        start = v;
        break;
      case 'durationMinutes':
        durationMinutes = v;
        break;
      case 'reason':
        reason = v;
        break;
      case 'end':
        end = v;
        break;
      case 'record':
        record = v;
        break;
      case 'until':
        until = v;
        break;
      default:
        return undefined;
    }
  }
  if (!isId(id) || !isInstant(at)) return undefined;
  if (actor !== undefined && !isId(actor)) return undefined;
  if (note !== undefined && !isText(note)) return undefined;
  const out: Obj = { id, at };
  if (actor !== undefined) out.actor = actor;
  if (note !== undefined) out.note = note;
  out.type = type;
  switch (type) {
    case 'sessionBooked':
    case 'sessionRescheduled':
      if (reason !== undefined || end !== undefined || record !== undefined || until !== undefined) return undefined;
      if (!isIntIn(session, 1, 99) || !isInstant(start)) return undefined;
      out.session = session;
      out.start = start;
      if (durationMinutes !== undefined) {
        if (!isIntIn(durationMinutes, 1, 1_440)) return undefined;
        out.durationMinutes = durationMinutes;
      }
      return out;
    case 'sessionCancelled':
      if (start !== undefined || durationMinutes !== undefined || end !== undefined || record !== undefined || until !== undefined)
        return undefined;
      if (!isIntIn(session, 1, 99)) return undefined;
      out.session = session;
      if (reason !== undefined) {
        if (!isText(reason)) return undefined;
        out.reason = reason;
      }
      return out;
    case 'sessionMissed':
      if (start !== undefined || durationMinutes !== undefined || reason !== undefined || end !== undefined) return undefined;
      if (record !== undefined || until !== undefined || !isIntIn(session, 1, 99)) return undefined;
      out.session = session;
      return out;
    case 'sessionCompleted': {
      if (durationMinutes !== undefined || reason !== undefined || until !== undefined || !isIntIn(session, 1, 99)) return undefined;
      out.session = session;
      if (start !== undefined) {
        if (!isInstant(start)) return undefined;
        out.start = start;
      }
      if (end !== undefined) {
        if (!isInstant(end)) return undefined;
        out.end = end;
      }
      if (record !== undefined) {
        const r = readRecord(record, budget);
        if (r === undefined) return undefined;
        out.record = r;
      }
      return out;
    }
    case 'sessionAdded':
    case 'planClosed':
      if (session !== undefined || start !== undefined || durationMinutes !== undefined || end !== undefined) return undefined;
      if (record !== undefined || until !== undefined || !isId(reason)) return undefined;
      out.reason = reason;
      return out;
    case 'planPaused':
      if (session !== undefined || start !== undefined || durationMinutes !== undefined || end !== undefined) return undefined;
      if (record !== undefined || !isId(reason)) return undefined;
      out.reason = reason;
      if (until !== undefined) {
        if (!isLocalDate(until)) return undefined;
        out.until = until;
      }
      return out;
    case 'planResumed':
      if (session !== undefined || start !== undefined || durationMinutes !== undefined || end !== undefined) return undefined;
      if (record !== undefined || until !== undefined || reason !== undefined) return undefined;
      return out;
    default:
      return undefined;
  }
}

/** Freezes an event this reader built (and its record). */
function freezeRead(event: Obj): PlanEvent {
  const r = event.record as Obj | undefined;
  if (r !== undefined) {
    if (r.zones !== undefined) Object.freeze(r.zones);
    if (r.checklist !== undefined) Object.freeze(r.checklist);
    Object.freeze(r);
  }
  return Object.freeze(event) as unknown as PlanEvent;
}

const readEvents = new WeakSet<object>();

/**
 * A plainly valid event read into a frozen `PlanEvent` (the same value the zod path gives), or
 * `undefined`: then parse it the slow way. Never throws. The event is remembered, so
 * {@link isReadEvent} lets the parser skip it.
 */
export function readEventFast(value: unknown, hints?: KeyHints): PlanEvent | undefined {
  try {
    const budget: Budget = { nodes: 1, hints };
    const out = readEventUnsafe(value, budget);
    if (out === undefined || budget.nodes > inputLimits.maxNodes) return undefined;
    const event = freezeRead(out);
    readEvents.add(event);
    return event;
  } catch {
    return undefined;
  }
}

/** Whether `value` is an event {@link readEventFast} built (valid, frozen). */
export function isReadEvent(value: unknown): value is PlanEvent {
  return typeof value === 'object' && value !== null && readEvents.has(value);
}

function readInterval(value: unknown, budget: Budget, withRecord: boolean): Obj | undefined {
  if (!plainObject(value)) return undefined;
  const keys = keysOf(value, budget.hints);
  budget.nodes += keys.length;
  let start: unknown;
  let end: unknown;
  let record: unknown;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = value[k];
    if (v === undefined) return undefined;
    if (k === 'start') start = v;
    else if (k === 'end') end = v;
    else if (k === 'record' && withRecord) record = v;
    else return undefined;
  }
  if (!isInstant(start) || !isInstant(end)) return undefined;
  const out: Obj = { start, end };
  if (record !== undefined) {
    const r = readRecord(record, budget);
    if (r === undefined) return undefined;
    out.record = r;
  }
  return out;
}

const sessionStates: ReadonlySet<unknown> = new Set(['pending', 'booked', 'completed']);

function readSession(value: unknown, budget: Budget): Obj | undefined {
  if (!plainObject(value)) return undefined;
  const keys = keysOf(value, budget.hints);
  budget.nodes += keys.length;
  let number: unknown;
  let phase: unknown;
  let state: unknown;
  let booking: unknown;
  let completed: unknown;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = value[k];
    if (v === undefined) return undefined;
    switch (k) {
      case 'number':
        number = v;
        break;
      case 'phase':
        phase = v;
        break;
      case 'state':
        state = v;
        break;
      case 'booking':
        booking = v;
        break;
      case 'completed':
        completed = v;
        break;
      default:
        return undefined;
    }
  }
  if (!isIntIn(number, 1, 99) || !isId(phase) || !isToken(sessionStates, state)) return undefined;
  const out: Obj = { number, phase, state };
  if (booking !== undefined) {
    const b = readInterval(booking, budget, false);
    if (b === undefined) return undefined;
    out.booking = b;
  }
  if (completed !== undefined) {
    const c = readInterval(completed, budget, true);
    if (c === undefined) return undefined;
    out.completed = c;
  }
  return out;
}

function readList(
  value: unknown,
  max: number,
  min: number,
  budget: Budget,
  item: (v: unknown, b: Budget) => Obj | undefined,
): Obj[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items = value as unknown[];
  const length = items.length;
  if (length < min || length > max) return undefined;
  budget.nodes += length;
  const out: Obj[] = new Array<Obj>(length);
  for (let i = 0; i < length; i++) {
    // The count is checked as it grows, so a huge input is given up on as early as the snapshot
    // would refuse it, never walked in full.
    if (budget.nodes > inputLimits.maxNodes) return undefined;
    const o = item(items[i], budget);
    if (o === undefined) return undefined;
    out[i] = o;
  }
  return out;
}

const planStatuses: ReadonlySet<unknown> = new Set(['draft', 'active', 'onHold', 'completed', 'closed']);
const screeningOutcomes: ReadonlySet<unknown> = new Set(['eligible', 'deferred', 'needsClearance', 'ineligible']);

function readReason(value: unknown, budget: Budget): Obj | undefined {
  if (!plainObject(value)) return undefined;
  const keys = keysOf(value, budget.hints);
  budget.nodes += keys.length;
  let condition: unknown;
  let outcome: unknown;
  let until: unknown;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = value[k];
    if (v === undefined) return undefined;
    if (k === 'condition') condition = v;
    else if (k === 'outcome') outcome = v;
    else if (k === 'until') until = v;
    else return undefined;
  }
  if (!isId(condition) || outcome === 'eligible' || !isToken(screeningOutcomes, outcome)) return undefined;
  const out: Obj = { condition, outcome };
  if (until !== undefined) {
    if (!isLocalDate(until)) return undefined;
    out.until = until;
  }
  return out;
}

function readScreening(value: unknown, budget: Budget): Obj | undefined {
  if (!plainObject(value)) return undefined;
  const keys = keysOf(value, budget.hints);
  budget.nodes += keys.length;
  let outcome: unknown;
  let earliestStart: unknown;
  let reasons: unknown;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = value[k];
    if (v === undefined) return undefined;
    if (k === 'outcome') outcome = v;
    else if (k === 'earliestStart') earliestStart = v;
    else if (k === 'reasons') reasons = v;
    else return undefined;
  }
  if (!isToken(screeningOutcomes, outcome)) return undefined;
  const out: Obj = { outcome };
  if (earliestStart !== undefined) {
    if (!isLocalDate(earliestStart)) return undefined;
    out.earliestStart = earliestStart;
  }
  const list = readList(reasons, 50, 0, budget, readReason);
  if (list === undefined) return undefined;
  out.reasons = list;
  return out;
}

function readSmall(value: unknown, budget: Budget, known: readonly string[]): Obj | undefined {
  if (!plainObject(value)) return undefined;
  const keys = keysOf(value, budget.hints);
  budget.nodes += keys.length;
  const got: Obj = {};
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = value[k];
    if (v === undefined || !known.includes(k)) return undefined;
    got[k] = v;
  }
  return got;
}

/** The metadata, read through the snapshot (any shape), checked as JSON and copied frozen. */
function readMetadata(value: unknown, budget: Budget): Obj | undefined {
  if (!plainObject(value)) return undefined;
  const snap = snapshot(
    value,
    { ...inputLimits, maxDepth: inputLimits.maxDepth - 1, maxNodes: inputLimits.maxNodes - budget.nodes },
    (v) => isSealed(v) || Object.isFrozen(v),
    budget.hints,
  );
  if (!snap.ok || jsonProblem(snap.value) !== undefined) return undefined;
  // The snapshot's count is bounded by the limit passed, so the whole plan stays within maxNodes.
  return frozenJsonCopy(snap.value as Obj);
}

/**
 * A plainly valid plan read into a new, unfrozen plan (the value the zod path gives, metadata
 * already copied and frozen), or `undefined`: then parse it the slow way. Never throws. The
 * plan's own consistency (version, ids, states) is checked by the parser after either path.
 */
export function readPlanFast(value: unknown, hints?: KeyHints): Plan | undefined {
  try {
    const budget: Budget = { nodes: 1, hints };
    const plan = readPlanUnsafe(value, budget);
    return plan !== undefined && budget.nodes <= inputLimits.maxNodes ? (plan as unknown as Plan) : undefined;
  } catch {
    return undefined;
  }
}

function readPlanUnsafe(value: unknown, budget: Budget): Obj | undefined {
  if (!plainObject(value)) return undefined;
  const keys = keysOf(value, budget.hints);
  budget.nodes += keys.length;
  let schemaVersion: unknown;
  let id: unknown;
  let clientId: unknown;
  let protocol: unknown;
  let timeZone: unknown;
  let createdAt: unknown;
  let status: unknown;
  let sessions: unknown;
  let history: unknown;
  let version: unknown;
  let hold: unknown;
  let closure: unknown;
  let notBefore: unknown;
  let screening: unknown;
  let plannedZones: unknown;
  let maintains: unknown;
  let metadata: unknown;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = value[k];
    if (v === undefined) return undefined;
    switch (k) {
      case 'schemaVersion':
        schemaVersion = v;
        break;
      case 'id':
        id = v;
        break;
      case 'clientId':
        clientId = v;
        break;
      case 'protocol':
        protocol = v;
        break;
      case 'timeZone':
        timeZone = v;
        break;
      case 'createdAt':
        createdAt = v;
        break;
      case 'status':
        status = v;
        break;
      case 'sessions':
        sessions = v;
        break;
      case 'history':
        history = v;
        break;
      case 'version':
        version = v;
        break;
      case 'hold':
        hold = v;
        break;
      case 'closure':
        closure = v;
        break;
      case 'notBefore':
        notBefore = v;
        break;
      case 'screening':
        screening = v;
        break;
      case 'plannedZones':
        plannedZones = v;
        break;
      case 'maintains':
        maintains = v;
        break;
      case 'metadata':
        metadata = v;
        break;
      default:
        return undefined;
    }
  }
  if (schemaVersion !== 1 || !isId(id) || !isId(clientId)) return undefined;
  const ref = readSmall(protocol, budget, ['id', 'version']);
  if (ref === undefined || !isId(ref.id) || !isIntIn(ref.version, 1, Number.MAX_SAFE_INTEGER)) return undefined;
  if (
    typeof timeZone !== 'string' ||
    timeZone.length > 64 ||
    !isValidTimeZone(timeZone) ||
    !isInstant(createdAt) ||
    !isToken(planStatuses, status)
  )
    return undefined;
  const sessionList = readList(sessions, 99, 1, budget, readSession);
  if (sessionList === undefined) return undefined;
  const events = readList(history, MAX_HISTORY, 0, budget, readEventUnsafe);
  if (events === undefined || !isIntIn(version, 0, Number.MAX_SAFE_INTEGER)) return undefined;
  const out: Obj = {
    schemaVersion,
    id,
    clientId,
    protocol: { id: ref.id, version: ref.version },
    timeZone,
    createdAt,
    status,
    sessions: sessionList,
    history: events,
    version,
  };
  if (hold !== undefined) {
    const h = readSmall(hold, budget, ['reason', 'since', 'until']);
    if (h === undefined || !isId(h.reason) || !isInstant(h.since)) return undefined;
    const copy: Obj = { reason: h.reason, since: h.since };
    if (h.until !== undefined) {
      if (!isLocalDate(h.until)) return undefined;
      copy.until = h.until;
    }
    out.hold = copy;
  }
  if (closure !== undefined) {
    const c = readSmall(closure, budget, ['reason', 'at']);
    if (c === undefined || !isId(c.reason) || !isInstant(c.at)) return undefined;
    out.closure = { reason: c.reason, at: c.at };
  }
  if (notBefore !== undefined) {
    if (!isLocalDate(notBefore)) return undefined;
    out.notBefore = notBefore;
  }
  if (screening !== undefined) {
    const s = readScreening(screening, budget);
    if (s === undefined) return undefined;
    out.screening = s;
  }
  if (plannedZones !== undefined) {
    const z = readZones(plannedZones, budget);
    if (z === undefined) return undefined;
    out.plannedZones = z;
  }
  if (maintains !== undefined) {
    if (!isId(maintains)) return undefined;
    out.maintains = maintains;
  }
  if (metadata !== undefined) {
    const m = readMetadata(metadata, budget);
    if (m === undefined) return undefined;
    out.metadata = m;
  }
  return out;
}

export { freezeRead };
