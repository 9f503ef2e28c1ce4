/**
 * `INVALID_INPUT` as data: each kind of problem is a stable `problem` token with structured
 * params (what was expected, what was received, the limit), worded per locale by
 * {@link inputMessageEn} and {@link inputMessageEs}. No English travels in the params.
 * @internal
 * @module
 */
import type { FindingParams } from './codes.js';
import type { FindingParamsByCode } from './params.js';
import { previewValue } from './preview.js';

/** An `INVALID_INPUT` problem without its path: the params a locale words. @internal */
export type InputProblem = Omit<FindingParamsByCode['INVALID_INPUT'], 'path'>;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Known descriptions of an expected argument, as stable tokens (callers may still pass these phrases). */
const expectedPhrases: Readonly<Record<string, string>> = {
  'a protocol': 'protocol',
  'a protocol is required (the one the plan follows)': 'protocol',
  'an object with a protocol': 'protocolOptions',
  'an object with a protocol or protocols': 'protocolOptions',
  'a protocol (or protocols: a list holding the plan’s)': 'protocol',
  'an event object': 'event',
  'a plan object': 'plan',
  'an object with id, clientId, protocol, timeZone and createdAt': 'planInput',
  'an array of events': 'events',
  'an intake object with at least dateOfBirth': 'intake',
  'an availability object': 'availability',
  'an availability': 'availability',
  int: 'wholeNumber',
  record: 'object',
};

/** `{ expected, minimum?, maximum? }` for an expected-value description (a token or a known phrase). */
function expectedOf(what: string): Mutable<InputProblem> {
  const range = /^a whole number (?:from (-?\d+) to (-?\d+)|≥ (-?\d+))$/.exec(what);
  if (range !== null) {
    const out: Mutable<InputProblem> = { problem: '', expected: 'wholeNumber' };
    if (range[1] !== undefined) out.minimum = Number(range[1]);
    if (range[2] !== undefined) out.maximum = Number(range[2]);
    if (range[3] !== undefined) out.minimum = Number(range[3]);
    return out;
  }
  return { problem: '', expected: expectedPhrases[what] ?? what };
}

const with_ = (problem: string, extra: Mutable<InputProblem> = { problem }): InputProblem => ({ ...extra, problem });

/** The problem descriptors, keyed by kind; each returns the params its message needs. @internal */
export const inputDetails = {
  type: (expected: string, received: string): InputProblem => with_('type', { ...expectedOf(expected), received }),
  required: (expected: string): InputProblem => with_('required', expectedOf(expected)),
  tooSmall: (origin: string, minimum: number | string): InputProblem =>
    with_('tooSmall', { problem: '', of: origin, limit: Number(minimum) }),
  tooBig: (origin: string, maximum: number | string): InputProblem => with_('tooBig', { problem: '', of: origin, limit: Number(maximum) }),
  notInteger: (): InputProblem => with_('notInteger'),
  unrecognizedKeys: (keys: string): InputProblem => with_('unknownKeys', { problem: '', keys }),
  invalidValue: (allowed: string): InputProblem => with_('notOneOf', { problem: '', allowed }),
  invalidUnion: (discriminator: string, allowed: string): InputProblem =>
    discriminator === '' ? with_('noMatch') : with_('unknownDiscriminator', { problem: '', field: discriminator, allowed }),
  format: (format: string): InputProblem => with_('format', { problem: '', format }),
  localDate: (value: string): InputProblem => with_('localDate', { problem: '', value: previewValue(value) }),
  metadataDepth: (): InputProblem => with_('tooDeep', { problem: '', of: 'metadata', limit: 32 }),
  metadataSize: (): InputProblem => with_('tooLarge', { problem: '', of: 'metadata', limit: 100_000 }),
  metadataCycle: (): InputProblem => with_('cycle'),
  metadataNumber: (): InputProblem => with_('notFinite'),
  metadataObject: (): InputProblem => with_('notPlainObject'),
  metadataKey: (): InputProblem => with_('forbiddenKey'),
  metadataType: (): InputProblem => with_('notJson'),
  notObject: (what: string): InputProblem => with_('type', expectedOf(what)),
  gapOrder: (field: string, value: number, lower: string, lowerValue: number): InputProblem =>
    with_('gapOrder', { problem: '', field, fieldValue: value, lower, lowerValue }),
  sessionNumber: (expected: number, found: number): InputProblem => with_('sessionNumber', { problem: '', session: expected, found }),
  firstSessionGaps: (): InputProblem => with_('firstSessionGaps'),
  missingGaps: (session: number): InputProblem => with_('missingGaps', { problem: '', session }),
  anchor: (session: number, anchor: number): InputProblem => with_('anchor', { problem: '', session, anchor }),
  /** Legacy: free English text; prefer the plan-state tokens below. */
  planState: (detail: string): InputProblem => with_('planState', { problem: '', detail }),
  planVersion: (version: number, length: number): InputProblem => with_('planVersion', { problem: '', version, length }),
  bookingMissing: (): InputProblem => with_('bookingMissing'),
  completionMissing: (): InputProblem => with_('completionMissing'),
  unexpectedCompletion: (state: string): InputProblem => with_('unexpectedCompletion', { problem: '', state }),
  unexpectedBooking: (): InputProblem => with_('unexpectedBooking'),
  planStatus: (status: string, expected: string): InputProblem => with_('planStatus', { problem: '', status, expected }),
  startRequired: (session: number): InputProblem => with_('startRequired', { problem: '', session }),
  endBeforeStart: (): InputProblem => with_('endBeforeStart'),
  duplicateEventId: (id: string): InputProblem => with_('duplicateEventId', { problem: '', value: previewValue(id) }),
  order: (field: string, value: number, lower: string, lowerValue: number): InputProblem =>
    with_('order', { problem: '', field, fieldValue: value, lower, lowerValue }),
  duplicateRule: (rule: string): InputProblem => with_('duplicateRule', { problem: '', value: previewValue(rule) }),
  daysOrHours: (): InputProblem => with_('daysOrHours'),
  openTime: (value: string): InputProblem => with_('openTime', { problem: '', value: previewValue(value) }),
  closeTime: (value: string): InputProblem => with_('closeTime', { problem: '', value: previewValue(value) }),
  rangeOrder: (range: string): InputProblem => with_('rangeOrder', { problem: '', value: range }),
  rangeOverlap: (range: string, other: string): InputProblem => with_('rangeOverlap', { problem: '', value: range, other }),
  duplicateOverride: (date: string, first: number): InputProblem => with_('duplicateOverride', { problem: '', value: date, first }),
  duplicateResource: (name: string): InputProblem => with_('duplicateResource', { problem: '', value: previewValue(name) }),
  unknownResource: (name: string): InputProblem => with_('unknownResource', { problem: '', value: previewValue(name) }),
  /** Legacy: a free English message; the Spanish catalogue words it as "not valid". */
  /** Reading the value threw (a throwing getter, a Proxy trap, a revoked Proxy). */
  unreadable: (): InputProblem => with_('unreadable'),
  unexpected: (message: string): InputProblem => with_('invalid', { problem: '', detail: message }),
  /** A value over one of the size limits checked before parsing (see `limits`). */
  limit: (problem: 'tooLong' | 'tooMany' | 'tooDeep' | 'tooManyNodes', limit: number, actual?: number): InputProblem =>
    actual === undefined ? with_(problem, { problem: '', limit }) : with_(problem, { problem: '', limit, actual }),
} as const;

// ---------------------------------------------------------------------------------------------
// Wording. Every param a message uses goes through `text` (bounded), so huge params stay cheap.

const MAX_PARAM = 200;
/** A param as message text: at most 200 characters; '?' when absent. */
export function text(p: FindingParams, key: string): string {
  const x = Object.hasOwn(p, key) ? p[key] : undefined;
  if (x === undefined) return '?';
  const s = typeof x === 'string' ? x : typeof x === 'number' ? String(x) : previewValue(x);
  return s.length > MAX_PARAM ? `${s.slice(0, MAX_PARAM - 1)}…` : s;
}
const num = (p: FindingParams, key: string): number | undefined => (typeof p[key] === 'number' ? (p[key] as number) : undefined);

// zod's own type names (string, number, object, array, boolean…) read as they are in English.
const expectedEn: Readonly<Record<string, string>> = {
  wholeNumber: 'a whole number',
  instant: 'an instant with an offset',
  localDate: 'a date (YYYY-MM-DD)',
  timeZone: 'an IANA time-zone name',
  protocol: 'a protocol',
  protocolOptions: 'an object with a protocol',
  protocolList: 'an array of at most 100 protocols',
  event: 'an event object',
  events: 'an array of events',
  plan: 'a plan object',
  planInput: 'an object with id, clientId, protocol, timeZone and createdAt',
  intake: 'an intake object with at least dateOfBirth',
  availability: 'an availability object',
};
const receivedEn: Readonly<Record<string, string>> = {
  null: 'null',
  array: 'an array',
  nothing: 'nothing',
  NaN: 'NaN',
  object: 'an object',
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  bigint: 'a big integer',
  symbol: 'a symbol',
  function: 'a function',
};
const expectedEs: Readonly<Record<string, string>> = {
  string: 'un texto',
  number: 'un número',
  wholeNumber: 'un número entero',
  boolean: 'true o false',
  object: 'un objeto',
  array: 'una lista',
  bigint: 'un entero grande',
  date: 'una fecha',
  instant: 'un instante con desplazamiento horario',
  localDate: 'una fecha (AAAA-MM-DD)',
  timeZone: 'un nombre de zona horaria IANA',
  protocol: 'un protocolo',
  protocolOptions: 'un objeto con un protocolo',
  protocolList: 'una lista de como máximo 100 protocolos',
  event: 'un objeto de evento',
  events: 'una lista de eventos',
  plan: 'un objeto de plan',
  planInput: 'un objeto con id, clientId, protocol, timeZone y createdAt',
  intake: 'un objeto de admisión con al menos dateOfBirth',
  availability: 'un objeto de disponibilidad',
};
const receivedEs: Readonly<Record<string, string>> = {
  null: 'null',
  array: 'una lista',
  nothing: 'nada',
  NaN: 'NaN',
  object: 'un objeto',
  string: 'un texto',
  number: 'un número',
  boolean: 'un booleano',
  bigint: 'un entero grande',
  symbol: 'un símbolo',
  function: 'una función',
};

const lookup = (table: Readonly<Record<string, string>>, p: FindingParams, key: string): string => {
  const token = text(p, key);
  return Object.hasOwn(table, token) ? (table[token] as string) : token;
};
function rangeEn(p: FindingParams): string {
  const min = num(p, 'minimum');
  const max = num(p, 'maximum');
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` ≥ ${min}`;
  return max === undefined ? '' : ` ≤ ${max}`;
}
function rangeEs(p: FindingParams): string {
  const min = num(p, 'minimum');
  const max = num(p, 'maximum');
  if (min !== undefined && max !== undefined) return ` de ${min} a ${max}`;
  if (min !== undefined) return ` ≥ ${min}`;
  return max === undefined ? '' : ` ≤ ${max}`;
}
const plural = (n: number | undefined, one: string, many: string): string => (n === 1 ? one : many);
const quoted = (p: FindingParams, key: string): string => JSON.stringify(text(p, key));

/** The English detail of an `INVALID_INPUT` (after "<path>: "). @internal */
export function inputDetailEn(p: FindingParams): string {
  const limit = num(p, 'limit');
  switch (p.problem) {
    case 'type':
      return p.received === undefined
        ? `must be ${lookup(expectedEn, p, 'expected')}${rangeEn(p)}.`
        : `expected ${lookup(expectedEn, p, 'expected')}${rangeEn(p)}, received ${lookup(receivedEn, p, 'received')}.`;
    case 'required':
      return `is required (${lookup(expectedEn, p, 'expected')}${rangeEn(p)}).`;
    case 'tooSmall':
      return p.of === 'string'
        ? `must not be empty (at least ${limit ?? '?'} character${plural(limit, '', 's')}).`
        : p.of === 'array'
          ? `needs at least ${limit ?? '?'} item${plural(limit, '', 's')}.`
          : `must be at least ${limit ?? '?'}.`;
    case 'tooBig':
      return p.of === 'string'
        ? `is too long (at most ${limit ?? '?'} characters).`
        : p.of === 'array'
          ? `has too many items (at most ${limit ?? '?'}).`
          : `must be at most ${limit ?? '?'}.`;
    case 'notInteger':
      return 'must be a whole number.';
    case 'unknownKeys':
      return `has unknown field${text(p, 'keys').includes(',') ? 's' : ''} ${text(p, 'keys')}.`;
    case 'notOneOf':
      return `must be one of ${text(p, 'allowed')}.`;
    case 'noMatch':
      return 'does not match any allowed shape.';
    case 'unknownDiscriminator':
      return `has an unknown ${text(p, 'field')}; expected one of ${text(p, 'allowed')}.`;
    case 'format':
      return `is not in the expected format (${text(p, 'format')}).`;
    case 'localDate':
      return `${quoted(p, 'value')} is not a calendar date in the form YYYY-MM-DD.`;
    case 'tooDeep':
      return p.of === 'metadata'
        ? `is nested too deeply (metadata may nest ${limit ?? '?'} levels).`
        : `is nested too deeply (at most ${limit ?? '?'} levels).`;
    case 'tooLarge':
      return `is too large (metadata is limited to about ${Math.round((limit ?? 0) / 1000)} KB of JSON).`;
    case 'tooLong':
      return `is too long (at most ${limit ?? '?'} characters${num(p, 'actual') === undefined ? '' : `; it has ${num(p, 'actual')}`}).`;
    case 'tooMany':
      return `has too many items (at most ${limit ?? '?'}${num(p, 'actual') === undefined ? '' : `; it has ${num(p, 'actual')}`}).`;
    case 'tooManyNodes':
      return `is too large (at most ${limit ?? '?'} values in all).`;
    case 'unreadable':
      return 'could not be read: reading it threw.';
    case 'cycle':
      return 'refers to itself; metadata must be plain JSON.';
    case 'notFinite':
      return 'is not a finite number; metadata must be plain JSON.';
    case 'notPlainObject':
      return 'is not a plain object; metadata must be plain JSON.';
    case 'forbiddenKey':
      return 'is a key that is not allowed (__proto__, constructor, prototype).';
    case 'notJson':
      return 'is not a JSON value (string, number, boolean, null, array or object).';
    case 'gapOrder':
      return `${text(p, 'field')} (${text(p, 'fieldValue')}) must not be less than ${text(p, 'lower')} (${text(p, 'lowerValue')}); the day counts go absoluteMinimum ≤ minimum ≤ earliestRecommended ≤ latestRecommended ≤ maximum.`;
    case 'order':
      return `${text(p, 'field')} (${text(p, 'fieldValue')}) must not be less than ${text(p, 'lower')} (${text(p, 'lowerValue')}).`;
    case 'sessionNumber':
      return `sessions must be numbered 1 to n in order: expected ${text(p, 'session')}, found ${text(p, 'found')}.`;
    case 'firstSessionGaps':
      return 'session 1 starts the course, so it has no gaps.';
    case 'missingGaps':
      return `session ${text(p, 'session')} needs at least one gap, measured from an earlier session.`;
    case 'anchor':
      return `session ${text(p, 'session')} measures a gap from session ${text(p, 'anchor')}, which is not an earlier session of the protocol.`;
    case 'planState': {
      // `detail` holds this very wording once the finding is built; word it once.
      const detail = text(p, 'detail');
      return detail.startsWith('is inconsistent: ') ? detail : `is inconsistent: ${detail}.`;
    }
    case 'planVersion':
      return `is inconsistent: version ${text(p, 'version')} must equal the history length ${text(p, 'length')}.`;
    case 'bookingMissing':
      return 'is inconsistent: a booked session needs its booking.';
    case 'completionMissing':
      return 'is inconsistent: a completed session needs its completion.';
    case 'unexpectedCompletion':
      return `is inconsistent: a ${text(p, 'state')} session has no completion.`;
    case 'unexpectedBooking':
      return 'is inconsistent: a pending session has no booking.';
    case 'planStatus':
      return `is inconsistent: status ${quoted(p, 'status')} does not match the sessions, hold and closure (expected ${quoted(p, 'expected')}).`;
    case 'startRequired':
      return `session ${text(p, 'session')} is not booked, so its completion needs a start.`;
    case 'endBeforeStart':
      return 'must not be before the start.';
    case 'duplicateEventId':
      return `repeats event id ${quoted(p, 'value')}; event ids are unique in a history.`;
    case 'duplicateRule':
      return `repeats rule ${quoted(p, 'value')}; rule ids are unique in a list.`;
    case 'daysOrHours':
      return 'needs exactly one of days (calendar days) or hours (real hours).';
    case 'openTime':
      return `${quoted(p, 'value')} is not an opening time in the form HH:mm (00:00 to 23:59).`;
    case 'closeTime':
      return `${quoted(p, 'value')} is not a closing time in the form HH:mm (00:00 to 23:59, or 24:00 for the end of the day).`;
    case 'rangeOrder':
      return `closes no later than it opens (${text(p, 'value')}); a range may not run overnight: split it at midnight (…–24:00, and 00:00–… on the next day).`;
    case 'rangeOverlap':
      return `overlaps ${text(p, 'other')} on the same day (${text(p, 'value')}); ranges of one day may not overlap.`;
    case 'duplicateOverride':
      return `repeats the date ${text(p, 'value')} (already at overrides[${text(p, 'first')}]); one override per date.`;
    case 'duplicateResource':
      return `repeats the resource ${quoted(p, 'value')}; resource names are unique.`;
    case 'unknownResource':
      return `names the resource ${quoted(p, 'value')}, which is not in resources.`;
    default:
      return p.detail === undefined ? 'is not valid.' : text(p, 'detail');
  }
}

/** The Spanish detail of an `INVALID_INPUT` (after "<path>: "); no English detail text. @internal */
export function inputDetailEs(p: FindingParams): string {
  const limit = num(p, 'limit');
  switch (p.problem) {
    case 'type':
      return p.received === undefined
        ? `debe ser ${lookup(expectedEs, p, 'expected')}${rangeEs(p)}.`
        : `se esperaba ${lookup(expectedEs, p, 'expected')}${rangeEs(p)} y se recibió ${lookup(receivedEs, p, 'received')}.`;
    case 'required':
      return `es obligatorio (${lookup(expectedEs, p, 'expected')}${rangeEs(p)}).`;
    case 'tooSmall':
      return p.of === 'string'
        ? `no puede estar vacío (al menos ${limit ?? '?'} carácter${plural(limit, '', 'es')}).`
        : p.of === 'array'
          ? `necesita al menos ${limit ?? '?'} elemento${plural(limit, '', 's')}.`
          : `debe ser como mínimo ${limit ?? '?'}.`;
    case 'tooBig':
      return p.of === 'string'
        ? `es demasiado largo (como máximo ${limit ?? '?'} caracteres).`
        : p.of === 'array'
          ? `tiene demasiados elementos (como máximo ${limit ?? '?'}).`
          : `debe ser como máximo ${limit ?? '?'}.`;
    case 'notInteger':
      return 'debe ser un número entero.';
    case 'unknownKeys':
      return `tiene ${text(p, 'keys').includes(',') ? 'campos desconocidos' : 'un campo desconocido'}: ${text(p, 'keys')}.`;
    case 'notOneOf':
      return `debe ser uno de ${text(p, 'allowed')}.`;
    case 'noMatch':
      return 'no coincide con ninguna forma admitida.';
    case 'unknownDiscriminator':
      return `tiene un valor desconocido en ${text(p, 'field')}; se esperaba uno de ${text(p, 'allowed')}.`;
    case 'format':
      return `no tiene el formato esperado (${text(p, 'format')}).`;
    case 'localDate':
      return `${quoted(p, 'value')} no es una fecha del calendario con la forma AAAA-MM-DD.`;
    case 'tooDeep':
      return p.of === 'metadata'
        ? `está anidado a demasiada profundidad (los metadatos admiten ${limit ?? '?'} niveles).`
        : `está anidado a demasiada profundidad (como máximo ${limit ?? '?'} niveles).`;
    case 'tooLarge':
      return `es demasiado grande (los metadatos se limitan a unos ${Math.round((limit ?? 0) / 1000)} KB de JSON).`;
    case 'tooLong':
      return `es demasiado largo (como máximo ${limit ?? '?'} caracteres${num(p, 'actual') === undefined ? '' : `; tiene ${num(p, 'actual')}`}).`;
    case 'tooMany':
      return `tiene demasiados elementos (como máximo ${limit ?? '?'}${num(p, 'actual') === undefined ? '' : `; tiene ${num(p, 'actual')}`}).`;
    case 'tooManyNodes':
      return `es demasiado grande (como máximo ${limit ?? '?'} valores en total).`;
    case 'unreadable':
      return 'no se pudo leer: leerlo lanzó una excepción.';
    case 'cycle':
      return 'se contiene a sí mismo; los metadatos deben ser JSON simple.';
    case 'notFinite':
      return 'no es un número finito; los metadatos deben ser JSON simple.';
    case 'notPlainObject':
      return 'no es un objeto simple; los metadatos deben ser JSON simple.';
    case 'forbiddenKey':
      return 'es una clave no permitida (__proto__, constructor, prototype).';
    case 'notJson':
      return 'no es un valor JSON (texto, número, booleano, null, lista u objeto).';
    case 'gapOrder':
      return `${text(p, 'field')} (${text(p, 'fieldValue')}) no puede ser menor que ${text(p, 'lower')} (${text(p, 'lowerValue')}); los días van absoluteMinimum ≤ minimum ≤ earliestRecommended ≤ latestRecommended ≤ maximum.`;
    case 'order':
      return `${text(p, 'field')} (${text(p, 'fieldValue')}) no puede ser menor que ${text(p, 'lower')} (${text(p, 'lowerValue')}).`;
    case 'sessionNumber':
      return `las sesiones se numeran de 1 a n en orden: se esperaba ${text(p, 'session')} y se encontró ${text(p, 'found')}.`;
    case 'firstSessionGaps':
      return 'la sesión 1 inicia el tratamiento, así que no tiene intervalos.';
    case 'missingGaps':
      return `la sesión ${text(p, 'session')} necesita al menos un intervalo, medido desde una sesión anterior.`;
    case 'anchor':
      return `la sesión ${text(p, 'session')} mide un intervalo desde la sesión ${text(p, 'anchor')}, que no es una sesión anterior del protocolo.`;
    case 'planState':
      return 'es incoherente.';
    case 'planVersion':
      return `es incoherente: la versión ${text(p, 'version')} debe ser igual a la longitud del historial, ${text(p, 'length')}.`;
    case 'bookingMissing':
      return 'es incoherente: una sesión reservada necesita su reserva.';
    case 'completionMissing':
      return 'es incoherente: una sesión realizada necesita su registro de realización.';
    case 'unexpectedCompletion':
      return `es incoherente: una sesión en estado ${text(p, 'state')} no tiene registro de realización.`;
    case 'unexpectedBooking':
      return 'es incoherente: una sesión pendiente no tiene reserva.';
    case 'planStatus':
      return `es incoherente: el estado ${quoted(p, 'status')} no corresponde a las sesiones, la pausa y el cierre (se esperaba ${quoted(p, 'expected')}).`;
    case 'startRequired':
      return `la sesión ${text(p, 'session')} no está reservada, así que su realización necesita un inicio.`;
    case 'endBeforeStart':
      return 'no puede ser anterior al inicio.';
    case 'duplicateEventId':
      return `repite el identificador de evento ${quoted(p, 'value')}; los identificadores de un historial son únicos.`;
    case 'duplicateRule':
      return `repite la regla ${quoted(p, 'value')}; los identificadores de regla de una lista son únicos.`;
    case 'daysOrHours':
      return 'necesita exactamente uno de days (días naturales) u hours (horas reales).';
    case 'openTime':
      return `${quoted(p, 'value')} no es una hora de apertura con la forma HH:mm (de 00:00 a 23:59).`;
    case 'closeTime':
      return `${quoted(p, 'value')} no es una hora de cierre con la forma HH:mm (de 00:00 a 23:59, o 24:00 para el final del día).`;
    case 'rangeOrder':
      return `cierra no más tarde de lo que abre (${text(p, 'value')}); un tramo no puede pasar la medianoche: divídalo (…–24:00 y 00:00–… del día siguiente).`;
    case 'rangeOverlap':
      return `se solapa con ${text(p, 'other')} el mismo día (${text(p, 'value')}); los tramos de un día no pueden solaparse.`;
    case 'duplicateOverride':
      return `repite la fecha ${text(p, 'value')} (ya está en overrides[${text(p, 'first')}]); una excepción por fecha.`;
    case 'duplicateResource':
      return `repite el recurso ${quoted(p, 'value')}; los nombres de recurso son únicos.`;
    case 'unknownResource':
      return `nombra el recurso ${quoted(p, 'value')}, que no está en resources.`;
    default:
      return 'no es un dato válido.';
  }
}
