/**
 * Every message in Spanish, keyed by finding code: the second complete locale.
 * @module
 */
import type { FindingParams } from './codes.js';
import { localExample, type MessageCatalogue } from './messages.js';
import { inputDetailEs, text } from './input.js';

const v = text;
const dias = (n: string | number | undefined): string => (n === 1 || n === '1' ? '1 día' : `${n ?? '?'} días`);
const donde = (p: FindingParams): string => (p.path === undefined || p.path === '' ? 'La entrada' : v(p, 'path'));
const cabecera = (p: FindingParams): string =>
  `La sesión ${v(p, 'session')} del ${v(p, 'date')} ${p.kind === 'completed' ? 'fue' : 'sería'} ${dias(p.days)} después de la sesión ${v(p, 'anchorSession')} (${v(p, 'anchorDate')})`;

const condiciones: Readonly<Record<string, string>> = {
  underage: 'la clienta o el cliente no tiene la edad mínima',
  hairTransplant: 'un trasplante capilar reciente',
  scarNotHealed: 'la cicatriz aún no está curada, plana y pálida',
  scarAge: 'la cicatriz es demasiado reciente',
  isotretinoin: 'isotretinoína reciente',
  chemotherapy: 'quimioterapia',
  laserRemoval: 'eliminación láser reciente en la zona',
  alopeciaAreata: 'alopecia areata aún no estable',
  pregnant: 'embarazo',
  breastfeeding: 'lactancia',
  activeScalpConditions: 'una afección activa del cuero cabelludo',
  keloidHistory: 'antecedentes de cicatrices queloides',
  anticoagulants: 'anticoagulantes recetados',
  uncontrolledDiabetes: 'diabetes no controlada',
  uncontrolledBloodPressure: 'presión arterial no controlada',
  heartCondition: 'una afección cardíaca',
  epilepsy: 'epilepsia',
};
const motivo = (p: FindingParams): string => {
  const keys = String(p.condition ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const text = keys.map((c) => condiciones[c] ?? c).join('; ');
  return text === '' ? 'el cribado lo indica' : text;
};
const zonas: Readonly<Record<string, string>> = {
  hairline: 'línea frontal',
  temples: 'sienes',
  crown: 'coronilla',
  midScalp: 'zona media',
  sides: 'laterales',
  back: 'nuca',
  scar: 'cicatriz',
};

/** `INVALID_INSTANT` para una fecha y hora local: qué estaba mal, y un ejemplo válido. */
function instanteLocal(p: FindingParams): string | undefined {
  const valor = v(p, 'value');
  const cabeza = `${donde(p)}: ${JSON.stringify(valor)} no es una fecha y hora local válida`;
  if (p.expected !== 'localDateTime') return undefined;
  switch (p.problem) {
    case 'hasOffset':
      return `${cabeza}: tiene desplazamiento horario, pero se espera una hora local sin él, como "${localExample(valor)}" (la zona horaria da el desplazamiento).`;
    case 'format':
      return `${cabeza}: se espera una hora local con la forma AAAA-MM-DDTHH:mm (segundos opcionales, sin desplazamiento), como "2026-03-23T10:00".`;
    case 'date':
      return `${cabeza}: esa fecha no existe en el calendario.`;
    case 'time':
      return `${cabeza}: esa hora del día no existe (horas de 00 a 23, minutos y segundos de 00 a 59).`;
    default:
      return undefined;
  }
}

/**
 * The Spanish catalogue: `formatFinding(finding, 'es')`. Screening reasons are rendered from the
 * finding's `condition`, not from the protocol's English `reason`; an `INVALID_INPUT` is worded
 * from its structured params (`problem`, `expected`, `received`, `limit`, …).
 *
 * @example
 * ```ts
 * import { spanish } from 'smp-protocol';
 * spanish.PLAN_COMPLETED({}); // 'El plan está completado: …'
 * ```
 */
export const spanish: MessageCatalogue = {
  INVALID_INPUT: (p) => `${donde(p)}: ${inputDetailEs(p)}`,
  INVALID_TIME_ZONE: (p) =>
    `${donde(p)}: ${JSON.stringify(v(p, 'value'))} no es un nombre de zona horaria IANA conocido; use uno como "Europe/Madrid" o "America/Mexico_City".`,
  INVALID_INSTANT: (p) => {
    const local = instanteLocal(p);
    if (local !== undefined) return local;
    const razon =
      p.problem === 'offset'
        ? 'no tiene desplazamiento horario, así que no nombra un instante; añada "Z" o un desplazamiento como "+01:00"'
        : p.problem === 'date'
          ? 'esa fecha no existe en el calendario'
          : p.problem === 'time'
            ? 'esa hora del día no existe'
            : 'no es una fecha y hora ISO 8601 con desplazamiento, como "2026-03-23T10:00:00+01:00"';
    return `${donde(p)}: ${JSON.stringify(v(p, 'value'))} no es un instante válido: ${razon}.`;
  },
  NONEXISTENT_LOCAL_TIME: (p) =>
    `${v(p, 'value')} no existe en ${v(p, 'timeZone')}: los relojes se saltan esa hora por el cambio de horario.`,
  UNKNOWN_SESSION: (p) => `La sesión ${v(p, 'session')} no está en este plan, que tiene las sesiones 1 a ${v(p, 'sessions')}.`,
  SESSION_OUT_OF_ORDER: (p) =>
    p.rule === 'afterPrevious'
      ? `La sesión ${v(p, 'session')} empezaría a las ${v(p, 'start')}, antes de que termine la sesión ${v(p, 'previousSession')} (${v(p, 'previousEnd')}); las sesiones van en orden.`
      : p.rule === 'previousCompleted'
        ? `La sesión ${v(p, 'session')} no puede registrarse como realizada antes de que se realice la sesión ${v(p, 'previousSession')}.`
        : `La sesión ${v(p, 'session')} no puede reservarse antes de que la sesión ${v(p, 'previousSession')} esté reservada o realizada.`,
  SPACING_TOO_SOON: (p) =>
    p.kind === 'completed'
      ? `${cabecera(p)}; el mínimo absoluto del protocolo es de ${dias(p.absoluteMinimumDays)}, así que la sesión no cuenta y puede que haya que repetirla.`
      : `${cabecera(p)}; el protocolo exige al menos ${dias(p.minimumDays)} para que la piel cicatrice, y nunca menos de ${dias(p.absoluteMinimumDays)}.`,
  SPACING_BELOW_MINIMUM: (p) => `${cabecera(p)}; el protocolo exige al menos ${dias(p.minimumDays)} para que la piel cicatrice.`,
  SPACING_GRACE: (p) =>
    `${cabecera(p)}: menos de los ${dias(p.minimumDays)} que pide el protocolo, pero dentro de su margen de ${dias(p.absoluteMinimumDays)}, así que cuenta.`,
  SPACING_EARLY: (p) =>
    `${cabecera(p)}: se permite, pero antes de los ${dias(p.earliestRecommendedDays)} recomendados (desde el ${v(p, 'recommendedDate')}).`,
  SPACING_LATE: (p) =>
    `${cabecera(p)}: más tarde de los ${dias(p.latestRecommendedDays)} recomendados (vencida desde el ${v(p, 'pastDueDate')}).`,
  SPACING_LAPSED: (p) =>
    `${cabecera(p)}: más del máximo del protocolo, ${dias(p.maximumDays)} (la última fecha era el ${v(p, 'latestDate')}); vuelva a valorar al cliente antes de seguir.`,
  DOWNSTREAM_CONFLICT: (p) => {
    const posterior = `la sesión ${v(p, 'session')}, reservada para el ${v(p, 'bookedDate')}`;
    switch (p.reason) {
      case 'booked':
        return `La sesión ${v(p, 'changedSession')} no puede cambiar mientras ${posterior}, dependa de ella; cancele o mueva antes las sesiones posteriores, de la última hacia atrás.`;
      case 'anchorPending':
        return `La sesión ${v(p, 'changedSession')} ya no está reservada, pero ${posterior}, sigue reservada después; vuelva a reservar la sesión ${v(p, 'changedSession')} o mueva la sesión ${v(p, 'session')}.`;
      case 'order':
        return `Tras este cambio, ${posterior}, empezaría antes de que termine la sesión ${v(p, 'changedSession')}; su nueva fecha más temprana es el ${v(p, 'earliestDate')}.`;
      default:
        return `Tras este cambio, ${posterior}, quedaría a ${dias(p.days)} de la sesión ${v(p, 'changedSession')} (${v(p, 'anchorDate')}), por debajo de los ${dias(p.minimumDays)} que necesita la piel; su nueva fecha más temprana es el ${v(p, 'earliestDate')}.`;
    }
  },
  BOOKING_IN_PAST: (p) =>
    `La sesión ${v(p, 'session')} no puede reservarse para ${v(p, 'start')}: es anterior al momento de la solicitud (${v(p, 'at')}).`,
  BOOKING_OVERLAP: (p) =>
    `La sesión ${v(p, 'session')} (${v(p, 'start')} a ${v(p, 'end')}) se solaparía con la sesión ${v(p, 'otherSession')} (${v(p, 'otherStart')} a ${v(p, 'otherEnd')}).`,
  COMPLETION_IN_FUTURE: (p) =>
    `La sesión ${v(p, 'session')} no puede registrarse como realizada con ${v(p, 'field')} ${v(p, 'value')}: es posterior al momento del registro (${v(p, 'at')}).`,
  PLAN_ON_HOLD: (p) =>
    p.severity === 'warning'
      ? `El plan está en pausa (${v(p, 'reason')}); la sesión se registró igualmente porque tuvo lugar.`
      : `El plan está en pausa desde el ${v(p, 'since')} (${v(p, 'reason')}); reanúdelo antes de reservar o cambiar sesiones.`,
  PLAN_CLOSED: (p) => `El plan se cerró el ${v(p, 'closedOn')} (${v(p, 'reason')}); un plan cerrado no admite más eventos.`,
  PLAN_COMPLETED: () => 'El plan está completado: se han realizado todas las sesiones. Añada una sesión extra para reabrirlo.',
  MAX_SESSIONS_REACHED: (p) =>
    `El protocolo permite como máximo ${v(p, 'max')} sesión${p.max === 1 ? '' : 'es'} extra, y el plan ya tiene ${v(p, 'extras')}.`,
  LATE_CANCELLATION: (p) =>
    `La sesión ${v(p, 'session')} se canceló ${v(p, 'hoursBeforeStart')} horas antes de su inicio (${v(p, 'start')}), dentro del plazo de aviso de ${v(p, 'noticeHours')} horas.`,
  NO_SHOW: (p) => `El cliente no acudió a la sesión ${v(p, 'session')} (${v(p, 'start')}); ausencias hasta ahora: ${v(p, 'count')}.`,
  DUPLICATE_EVENT: (p) => `El evento ${JSON.stringify(v(p, 'eventId'))} ya se aplicó; el plan no cambia.`,
  EVENT_ID_REUSED: (p) =>
    `El identificador de evento ${JSON.stringify(v(p, 'eventId'))} ya se usó para otro evento; cada evento necesita el suyo.`,
  VERSION_CONFLICT: (p) =>
    p.attempts === undefined
      ? `El plan está en la versión ${v(p, 'actual')}, no en la esperada ${v(p, 'expected')}: alguien lo cambió; vuelva a cargarlo e inténtelo de nuevo.`
      : `El plan está en la versión ${v(p, 'actual')}, no en la esperada ${v(p, 'expected')}, tras ${v(p, 'attempts')} intentos: otros siguen cambiándolo; vuelva a cargarlo e inténtelo de nuevo.`,
  PROTOCOL_MISMATCH: (p) =>
    p.offered !== undefined || p.protocol === undefined
      ? `El plan sigue el protocolo ${v(p, 'planProtocol')} versión ${v(p, 'planVersion')}, que no está entre los protocolos indicados (${p.offered === undefined || p.offered === '' ? 'ninguno' : v(p, 'offered')}).`
      : `El plan sigue el protocolo ${v(p, 'planProtocol')} versión ${v(p, 'planVersion')}, pero se indicó el protocolo ${v(p, 'protocol')} versión ${v(p, 'version')}.`,
  UNSUPPORTED_SCHEMA_VERSION: (p) =>
    `El plan tiene schemaVersion ${v(p, 'found')}; esta biblioteca lee schemaVersion ${v(p, 'supported')}.`,
  SESSION_ALREADY_BOOKED: (p) =>
    p.date === undefined
      ? `La sesión ${v(p, 'session')} ya está reservada para ${v(p, 'start')}; cámbiela de fecha.`
      : `La sesión ${v(p, 'session')} ya está reservada para el ${v(p, 'date')}; cámbiela de fecha.`,
  SESSION_NOT_BOOKED: (p) => `La sesión ${v(p, 'session')} no está reservada.`,
  SESSION_ALREADY_COMPLETED: (p) => `La sesión ${v(p, 'session')} ya está realizada.`,
  PLAN_NOT_ON_HOLD: () => 'El plan no está en pausa, así que no puede reanudarse.',
  MISSED_BEFORE_START: (p) =>
    `La sesión ${v(p, 'session')} empieza a las ${v(p, 'start')}; no puede registrarse como ausencia antes (${v(p, 'at')}).`,
  NO_SHOW_LIMIT_REACHED: (p) =>
    `El cliente ha faltado a ${v(p, 'count')} sesiones, el límite del protocolo es ${v(p, 'max')}; el plan queda en pausa.`,
  SCREENING_DEFERRED: (p) =>
    p.until === undefined
      ? `El tratamiento se aplaza: ${motivo(p)}.`
      : p.date === undefined
        ? `El tratamiento se aplaza hasta el ${v(p, 'until')}: ${motivo(p)}.`
        : `La sesión ${v(p, 'session')} no puede ser el ${v(p, 'date')}: el tratamiento se aplaza hasta el ${v(p, 'until')} (${motivo(p)}).`,
  SCREENING_CLEARANCE_REQUIRED: (p) => `Se necesita la autorización de un médico antes del tratamiento: ${motivo(p)}.`,
  SCREENING_INELIGIBLE: (p) => `El cliente no es apto para este tratamiento: ${motivo(p)}.`,
  NO_SLOT_AVAILABLE: (p) => {
    switch (p.reason) {
      case 'horizon':
        return `La sesión ${v(p, 'session')} no puede reservarse antes del ${v(p, 'from')}, que queda después del final del horizonte de reservas (${v(p, 'until')}).`;
      case 'downstream':
        return `La sesión ${v(p, 'session')} no puede ser antes del ${v(p, 'from')}, pero las reservas posteriores la necesitan como muy tarde el ${v(p, 'until')}; mueva también las sesiones posteriores.`;
      case 'requested': {
        const razon =
          p.problem === 'closed'
            ? `la clínica no está abierta durante toda la sesión de ${v(p, 'durationMinutes')} minutos`
            : p.problem === 'notice'
              ? `queda a menos de los ${v(p, 'noticeMinutes')} minutos de antelación mínima de la clínica desde la solicitud (${v(p, 'at')})`
              : p.problem === 'horizon'
                ? `queda después del horizonte de reservas, que termina el ${v(p, 'until')}`
                : 'esa hora, o los márgenes a su alrededor, coincide con un periodo ocupado o con otra sesión del plan';
        return `El inicio solicitado ${v(p, 'start')} para la sesión ${v(p, 'session')} no está libre: ${razon}.`;
      }
      default: {
        // Without an end date the search ran to the horizon (the param is then not a date).
        const hasta = p.until === 'the horizon' ? 'el final del horizonte de reservas' : `el ${v(p, 'until')}`;
        return `No hay ningún hueco libre para la sesión ${v(p, 'session')} entre el ${v(p, 'from')} y ${hasta}: el horario de la clínica, los periodos ocupados, los márgenes y la antelación no dejan sitio para una sesión de ${v(p, 'durationMinutes')} minutos en ningún día que permita la cicatrización.`;
      }
    }
  },
  CHECKLIST_INCOMPLETE: (p) =>
    p.item === 'hairlineAgreed'
      ? `La sesión ${v(p, 'session')} se realizó sin una línea frontal acordada con el cliente.`
      : `La sesión ${v(p, 'session')} se realizó sin el punto de control ${JSON.stringify(v(p, 'item'))}.`,
  ZONE_NOT_TREATED: (p) => `La zona «${zonas[String(p.zone)] ?? v(p, 'zone')}» estaba prevista, pero ninguna sesión realizada la trató.`,
  OUTCOME_NOT_RECORDED: (p) =>
    `La sesión ${v(p, 'session')} estaba reservada para el ${v(p, 'date')}, hace ${dias(p.daysSince)}, y no se registró nada: regístrela como realizada, no presentada o cancelada.`,
  DATE_OUT_OF_RANGE: (p) =>
    `${donde(p)}: ${JSON.stringify(v(p, 'value'))} está fuera del intervalo de fechas locales admitido, del ${v(p, 'min')} al ${v(p, 'max')}.`,
  PLAN_NOT_FOUND: (p) => `No existe ningún plan con el identificador ${JSON.stringify(v(p, 'planId'))}.`,
  PLAN_EXISTS: (p) =>
    `Ya existe otro plan con el identificador ${JSON.stringify(v(p, 'planId'))}; crearlo de nuevo solo se acepta con los mismos datos.`,
  DATABASE_ERROR: (p) => `La base de datos rechazó la operación (SQLSTATE ${v(p, 'sqlstate')}): ${v(p, 'detail')}`,
  UNAUTHORIZED: () => 'La solicitud no está autorizada.',
  PAYLOAD_TOO_LARGE: (p) => `El cuerpo de la solicitud supera el límite de ${v(p, 'limit')} bytes.`,
  ROUTE_NOT_FOUND: (p) => `No hay ninguna ruta para ${v(p, 'method')} ${v(p, 'path')}.`,
  INTERNAL_ERROR: (p) => `Se produjo un error inesperado (${v(p, 'detail')}); no se cambió nada. Por favor, notifíquelo como un fallo.`,
};
