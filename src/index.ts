/**
 * smp-protocol: the scalp-micropigmentation course as rules software can enforce and explain.
 *
 * A versioned {@link Protocol} (data), a client's {@link Plan} (a state machine driven by
 * events), {@link evaluatePlan | evaluation} of what happened and a {@link forecast} of what
 * should happen next, with spacing counted in calendar days in the clinic's time zone.
 *
 * @packageDocumentation
 */

// Findings
export { findingCodes } from './findings/codes.js';
export type { Finding, FindingCode, FindingOf, FindingParams, Outcome, Severity } from './findings/codes.js';
export { findingParamKeys } from './findings/params.js';
export type { FindingParamsByCode } from './findings/params.js';
export { previewValue } from './findings/preview.js';
export { english } from './findings/messages.js';
export { spanish } from './findings/es.js';
export type { MessageCatalogue } from './findings/messages.js';
export { formatFinding } from './findings/format.js';
export { findingKinds, httpStatusOf } from './findings/kinds.js';
export type { FindingKind } from './findings/kinds.js';

// Protocols
export { builtinProtocols, standardProtocol, protocols } from './protocol/builtin.js';
export { protocolFor } from './protocol/call.js';
export type { ProtocolChoice, ProtocolRef } from './protocol/call.js';
export { defineProtocol } from './protocol/define.js';
export type { Gap, Protocol, ProtocolSession } from './protocol/schema.js';

// Plans
export { createPlan } from './plan/create.js';
export type { CreatePlanInput } from './plan/create.js';
export { applyEvent } from './plan/apply.js';
export type { ApplyEventOptions, UntrustedEvent } from './plan/apply.js';
export { replay } from './plan/replay.js';
export type { ReplayOptions } from './plan/replay.js';
export { parsePlan } from './schema/plan-parse.js';
export { eventTypes, scalpZones } from './schema/plan.js';
export { planTransitions } from './rules/transitions.js';
export type { TransitionRule } from './rules/transitions.js';
export { planChanges } from './plan/changes.js';
export type { CalendarEntry, PlanChanges, PlanChangesOptions, Reminder, ReminderKind } from './plan/changes.js';
export type { Plan, PlanEvent, PlanEventInput, PlanSession, PlanStatus, SessionState, TreatmentRecord } from './schema/plan.js';

// Evaluation and forecast
export { evaluatePlan } from './rules/evaluate.js';
export type { Evaluation, ReadOptions, SessionEvaluation } from './rules/evaluate.js';
export type { SpacingEvaluation } from './rules/spacing.js';
export { forecast } from './rules/forecast.js';
export type { AfterCourseWindow, Due, Forecast, SessionForecast } from './rules/forecast.js';

// Scheduling against the clinic's calendar
export { parseAvailability } from './schedule/availability.js';
export type { Availability } from './schedule/availability.js';
export { findSlots } from './schedule/slots.js';
export type { FindSlotsOptions, Slot, SlotFit } from './schedule/slots.js';
export { proposeReschedule, proposeSchedule } from './schedule/proposals.js';
export type { ProposeRescheduleOptions, ProposeScheduleOptions, RescheduleProposal, ScheduleProposal } from './schedule/proposals.js';

// Care and safety
export { screen } from './rules/screening.js';
export type { Intake, Screening, ScreeningOutcome, ScreenOptions } from './rules/screening.js';
export { aftercare, preparation } from './rules/care.js';
export type { CareItem, CareOptions } from './rules/care.js';
export type { AftercareRule, PreparationRule, ScreeningCondition, ScreeningRule } from './protocol/schema.js';
export { screeningConditions } from './protocol/schema.js';
export type { ScalpZone } from './plan/create.js';

// Pictures (iCalendar and FHIR are the subpath entries 'smp-protocol/ical' and 'smp-protocol/fhir')
export { toMermaid } from './pictures/mermaid.js';
export { toTimelineSvg } from './pictures/timeline-svg.js';

// Configured once
export { createRules } from './rules-facade.js';
export type { Rules, RulesOptions } from './rules-facade.js';

// Time
export { localDateOf, toInstant } from './schema/convert.js';

// Schemas
export { schemas } from './schemas.js';
export type { DeepReadonly } from './schema/readonly.js';
