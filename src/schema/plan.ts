/**
 * The plan and its events as data: zod schemas and the types inferred from them.
 * @module
 */
import type { DeepReadonly } from '../schema/readonly.js';
import * as z from 'zod/mini';
import {
  countField,
  idField,
  instantField,
  labelField,
  localDateField,
  maxChars,
  maxItems,
  metadataField,
  minChars,
  minItems,
  positiveInt,
  textField,
  timeZoneField,
} from './fields.js';
import { once } from './once.js';

/** Longest history a plan may carry (a course has tens of events; this bounds hostile input). */
export const MAX_HISTORY = 10_000;

/** Scalp zones a treatment record can name. */
export const scalpZones = ['hairline', 'temples', 'crown', 'midScalp', 'sides', 'back', 'scar'] as const;

/** Every event type, in the order of docs/design.md. */
export const eventTypes = [
  'sessionBooked',
  'sessionRescheduled',
  'sessionCancelled',
  'sessionMissed',
  'sessionCompleted',
  'sessionAdded',
  'planPaused',
  'planResumed',
  'planClosed',
] as const;

function build() {
  /** What was done in a session: zones treated, pigment, needle, and the phase checklist. */
  const treatmentRecordSchema = z.strictObject({
    zones: z.optional(z.array(z.enum(scalpZones)).check(maxItems(scalpZones.length))),
    pigment: z.optional(labelField),
    needle: z.optional(labelField),
    checklist: z.optional(z.record(z.string().check(minChars(1), maxChars(64)), z.boolean())),
    notes: z.optional(textField),
  });

  const sessionNumber = z.int().check(z.minimum(1), z.maximum(99));
  const duration = z.int().check(z.minimum(1), z.maximum(1_440));
  const base = {
    id: idField,
    at: instantField,
    actor: z.optional(idField),
    note: z.optional(textField),
  };

  /** The event schema: a union on `type` of the nine events. */
  const eventSchema = z.discriminatedUnion('type', [
    z.strictObject({
      ...base,
      type: z.literal('sessionBooked'),
      session: sessionNumber,
      start: instantField,
      durationMinutes: z.optional(duration),
    }),
    z.strictObject({
      ...base,
      type: z.literal('sessionRescheduled'),
      session: sessionNumber,
      start: instantField,
      durationMinutes: z.optional(duration),
    }),
    z.strictObject({ ...base, type: z.literal('sessionCancelled'), session: sessionNumber, reason: z.optional(textField) }),
    z.strictObject({ ...base, type: z.literal('sessionMissed'), session: sessionNumber }),
    z.strictObject({
      ...base,
      type: z.literal('sessionCompleted'),
      session: sessionNumber,
      start: z.optional(instantField),
      end: z.optional(instantField),
      record: z.optional(treatmentRecordSchema),
    }),
    z.strictObject({ ...base, type: z.literal('sessionAdded'), reason: labelField }),
    z.strictObject({ ...base, type: z.literal('planPaused'), reason: labelField, until: z.optional(localDateField) }),
    z.strictObject({ ...base, type: z.literal('planResumed') }),
    z.strictObject({ ...base, type: z.literal('planClosed'), reason: labelField }),
  ]);

  const interval = z.strictObject({ start: instantField, end: instantField });

  /** What a plan keeps of its screening: the outcome, the first allowed day, and each reason. */
  const planScreeningSchema = z.strictObject({
    outcome: z.enum(['eligible', 'deferred', 'needsClearance', 'ineligible']),
    earliestStart: z.optional(localDateField),
    reasons: z
      .array(
        z.strictObject({
          condition: labelField,
          outcome: z.enum(['deferred', 'needsClearance', 'ineligible']),
          until: z.optional(localDateField),
        }),
      )
      .check(maxItems(50)),
  });

  /** One session of a plan: its state, its booking, and what was done. */
  const planSessionSchema = z.strictObject({
    number: sessionNumber,
    phase: labelField,
    state: z.enum(['pending', 'booked', 'completed']),
    booking: z.optional(interval),
    completed: z.optional(z.strictObject({ start: instantField, end: instantField, record: z.optional(treatmentRecordSchema) })),
  });

  /** The plan schema (`schemaVersion: 1`). */
  const planSchema = z.strictObject({
    schemaVersion: z.literal(1),
    id: idField,
    clientId: idField,
    protocol: z.strictObject({ id: idField, version: positiveInt }),
    timeZone: timeZoneField,
    createdAt: instantField,
    status: z.enum(['draft', 'active', 'onHold', 'completed', 'closed']),
    sessions: z.array(planSessionSchema).check(minItems(1), maxItems(99)),
    history: z.array(eventSchema).check(maxItems(MAX_HISTORY)),
    version: countField,
    /** Present while the plan is on hold. */
    hold: z.optional(z.strictObject({ reason: labelField, since: instantField, until: z.optional(localDateField) })),
    /** Present once the plan is closed. */
    closure: z.optional(z.strictObject({ reason: labelField, at: instantField })),
    /** The latest `until` of any pause: the forecast offers no earlier date. */
    notBefore: z.optional(localDateField),
    /** The screening the plan was created with: enforced when session 1 is booked. */
    screening: z.optional(planScreeningSchema),
    /** The zones the course is planned to treat; evaluation warns about any never treated. */
    plannedZones: z.optional(z.array(z.enum(scalpZones)).check(maxItems(scalpZones.length))),
    /** For a touch-up: the id of the completed course it maintains. */
    maintains: z.optional(idField),
    metadata: z.optional(metadataField),
  });
  return { treatmentRecordSchema, eventSchema, planScreeningSchema, planSessionSchema, planSchema };
}

/** The plan's zod schemas, built on first use (never at import). @internal */
export const planSchemas: () => ReturnType<typeof build> = once(build);
type PlanSchemas = ReturnType<typeof build>;

/**
 * A client's course: its sessions, their states, and the append-only history that built it.
 *
 * @example
 * ```ts
 * import { createPlan, standardProtocol, type Plan } from 'smp-protocol';
 * const out = createPlan({ id: 'p1', clientId: 'c1', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * const plan: Plan | undefined = out.ok ? out.value : undefined;
 * plan?.status; // 'draft'
 * ```
 */
export type Plan = DeepReadonly<z.infer<PlanSchemas['planSchema']>>;

/**
 * One session of a plan.
 *
 * @example
 * ```ts
 * import { createPlan, standardProtocol } from 'smp-protocol';
 * const created = createPlan({ id: 'plan-1', clientId: 'client-9', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * created.ok && created.value.sessions[0]; // { number: 1, phase: 'foundation', state: 'pending' }
 * ```
 */
export type PlanSession = DeepReadonly<z.infer<PlanSchemas['planSessionSchema']>>;

/**
 * An event that changes a plan; `at` is the moment it happened or was requested.
 *
 * @example
 * ```ts
 * import { applyEvent, createPlan, standardProtocol } from 'smp-protocol';
 * const created = createPlan({ id: 'plan-1', clientId: 'client-9', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * const booked = created.ok ? applyEvent(created.value, { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:05:00Z', session: 1, start: '2026-03-23T10:00:00Z' }, { protocol: standardProtocol }) : created;
 * booked.ok && booked.value.history[0]; // { id: 'e1', at: '2026-03-01T09:05:00Z', type: 'sessionBooked', session: 1, start: '2026-03-23T10:00:00Z' }
 * ```
 */
export type PlanEvent = DeepReadonly<z.infer<PlanSchemas['eventSchema']>>;

/**
 * An event as a caller writes it: what {@link applyEvent}'s typed overload accepts (`type` must be
 * one of {@link eventTypes}, so a misspelt `'sessionBook'` does not compile).
 *
 * @example
 * ```ts
 * import { applyEvent, createPlan, standardProtocol, type PlanEventInput } from 'smp-protocol';
 * const created = createPlan({ id: 'plan-1', clientId: 'client-9', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * const event: PlanEventInput = { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:05:00Z', session: 1, start: '2026-03-23T10:00:00Z' };
 * const booked = created.ok ? applyEvent(created.value, event, { protocol: standardProtocol }) : created;
 * booked.ok && booked.value.sessions[0]?.booking; // { start: '2026-03-23T10:00:00Z', end: '2026-03-23T14:00:00+00:00' }
 * ```
 */
export type PlanEventInput = DeepReadonly<z.input<PlanSchemas['eventSchema']>>;

/**
 * What was done in a session (optional on `sessionCompleted`).
 *
 * @example
 * ```ts
 * import { applyEvent, standardProtocol, type TreatmentRecord } from 'smp-protocol';
 * import { aPlan } from 'smp-protocol/testing';
 * const record: TreatmentRecord = { zones: ['hairline', 'temples'], checklist: { hairlineAgreed: true } };
 * const plan = aPlan().withSession(1, '2026-03-23T10:00', 'booked').build();
 * const done = plan.ok ? applyEvent(plan.value, { id: 'e3', type: 'sessionCompleted', at: '2026-03-23T14:00:00Z', session: 1, record },
 *   { protocol: standardProtocol }) : plan;
 * done.ok && done.value.sessions[0]?.completed?.record?.zones; // ['hairline', 'temples']
 * ```
 */
export type TreatmentRecord = DeepReadonly<z.infer<PlanSchemas['treatmentRecordSchema']>>;

/**
 * A plan's status: derived from its sessions, except `onHold` and `closed`.
 *
 * @example
 * ```ts
 * import { applyEvent, createPlan, standardProtocol } from 'smp-protocol';
 * const created = createPlan({ id: 'plan-1', clientId: 'client-9', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * const booked = created.ok ? applyEvent(created.value, { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:05:00Z', session: 1, start: '2026-03-23T10:00:00Z' }, { protocol: standardProtocol }) : created;
 * created.ok && created.value.status; // 'draft'
 * booked.ok && booked.value.status; // 'active'
 * ```
 */
export type PlanStatus = Plan['status'];

/**
 * A session's state.
 *
 * @example
 * ```ts
 * import { applyEvent, createPlan, standardProtocol } from 'smp-protocol';
 * const created = createPlan({ id: 'plan-1', clientId: 'client-9', protocol: standardProtocol,
 *   timeZone: 'Europe/London', createdAt: '2026-03-01T09:00:00Z' });
 * const booked = created.ok ? applyEvent(created.value, { id: 'e1', type: 'sessionBooked', at: '2026-03-01T09:05:00Z', session: 1, start: '2026-03-23T10:00:00Z' }, { protocol: standardProtocol }) : created;
 * booked.ok && booked.value.sessions.map((s) => s.state); // ['booked', 'pending', 'pending']
 * ```
 */
export type SessionState = PlanSession['state'];
