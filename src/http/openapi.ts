/**
 * The handler's OpenAPI 3.1 document, generated from the package's zod schemas (the same JSON
 * Schemas as `schemas/*.json`), built on first use.
 * @module
 */
import * as z from 'zod/mini';
import { schemas } from 'smp-protocol';

type Json = Record<string, unknown>;

function component(schema: z.core.$ZodType): Json {
  const { $schema: _s, $id: _i, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Json;
  return rest;
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json): Json => ({ 'application/json': { schema } });
const valueSchema = (schema: Json): Json => ({
  type: 'object',
  required: ['value', 'findings'],
  properties: { value: schema, findings: { type: 'array', items: ref('Finding') } },
});
const errors = (...statuses: number[]): Json =>
  Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/Error${s}` }]));
const planId = { name: 'planId', in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } };
const asOf = {
  name: 'asOf',
  in: 'query',
  required: false,
  description: "An instant with offset; default: the server's now.",
  schema: { type: 'string' },
};
const etag = { ETag: { description: 'The plan\'s version, `"<version>"`.', schema: { type: 'string' } } };
const read = (summary: string, schema: Json, params: Json[] = []): Json => ({
  get: {
    summary,
    parameters: [planId, ...params],
    responses: { 200: { description: 'OK', content: json(valueSchema(schema)) }, ...errors(400, 401, 404, 422, 500) },
  },
});

let cached: Json | undefined;

/**
 * The OpenAPI 3.1 document of {@link createHandler}'s routes, with the plan, event, protocol,
 * intake and availability schemas as components. Built once, on first use.
 *
 * @returns the document (a fresh deep copy each call)
 *
 * @example
 * ```ts
 * import { openApiDocument } from 'smp-protocol/http';
 * const doc = openApiDocument();
 * doc.openapi; // '3.1.0'
 * Object.keys(doc.paths as object); // ['/plans', '/plans/{planId}', '/plans/{planId}/events', …]
 * ```
 */
export function openApiDocument(): Record<string, unknown> {
  cached ??= build();
  return JSON.parse(JSON.stringify(cached)) as Json;
}

function build(): Json {
  const finding: Json = {
    type: 'object',
    required: ['code', 'severity', 'message'],
    properties: {
      code: { type: 'string', pattern: '^[A-Z][A-Z_]*$' },
      severity: { enum: ['error', 'warning', 'info'] },
      message: { type: 'string' },
      session: { type: 'integer' },
      path: { type: 'array', items: { type: ['string', 'integer'] } },
      params: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
    },
  };
  const errorResponse = (description: string): Json => ({
    description,
    content: json({ type: 'object', required: ['findings'], properties: { findings: { type: 'array', items: ref('Finding') } } }),
  });
  const createInput: Json = {
    type: 'object',
    required: ['id', 'clientId', 'protocol', 'timeZone', 'createdAt'],
    description: 'The core createPlan input; the protocol as { id, version } of a configured protocol, or whole.',
    properties: {
      id: { type: 'string' },
      clientId: { type: 'string' },
      protocol: {
        oneOf: [
          { type: 'object', required: ['id', 'version'], properties: { id: { type: 'string' }, version: { type: 'integer' } } },
          ref('Protocol'),
        ],
      },
      timeZone: { type: 'string' },
      createdAt: { type: 'string' },
      metadata: { type: 'object' },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'smp-protocol reference back end',
      version: '0.2.0',
      description:
        'Plans of scalp-micropigmentation courses: create, record events, forecast, evaluate, export. Errors are `{ findings }` with stable codes.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths: {
      '/plans': {
        post: {
          summary: 'Create a plan (idempotent for the same input)',
          requestBody: { required: true, content: json(createInput) },
          responses: {
            201: { description: 'Created', headers: etag, content: json(valueSchema(ref('Plan'))) },
            ...errors(400, 401, 409, 413, 422, 500),
          },
        },
      },
      '/plans/{planId}': {
        get: {
          summary: 'The plan',
          parameters: [planId],
          responses: { 200: { description: 'OK', headers: etag, content: json(valueSchema(ref('Plan'))) }, ...errors(400, 401, 404, 500) },
        },
      },
      '/plans/{planId}/events': {
        post: {
          summary: 'Record an event (booking, reschedule, completion, …)',
          description:
            "`at` defaults to the server's now; `id` to the Idempotency-Key header. A retry of the same event is `DUPLICATE_EVENT` (info), plan unchanged.",
          parameters: [
            planId,
            {
              name: 'If-Match',
              in: 'header',
              required: false,
              description: '`"<version>"`: refuse with 409 VERSION_CONFLICT unless the plan is at that version.',
              schema: { type: 'string' },
            },
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description: 'The event id when the body has none.',
              schema: { type: 'string' },
            },
          ],
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              required: ['type'],
              description: 'An event; `id` and `at` may be left out.',
              properties: { type: { type: 'string' } },
            }),
          },
          responses: {
            200: { description: 'Recorded (or a duplicate)', headers: etag, content: json(valueSchema(ref('Plan'))) },
            ...errors(400, 401, 404, 409, 413, 422, 500),
          },
        },
      },
      '/plans/{planId}/forecast': read('The forecast', { type: 'object' }, [asOf]),
      '/plans/{planId}/evaluation': read('The evaluation', { type: 'object' }, [asOf]),
      '/plans/{planId}/slots': read('Free slots for the next session', { type: 'array', items: { type: 'object' } }, [
        asOf,
        { name: 'session', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } },
        { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000 } },
        {
          name: 'availability',
          in: 'query',
          required: false,
          description: "The clinic's availability as JSON; default: the server's.",
          content: { 'application/json': { schema: ref('Availability') } },
        },
      ]),
      '/plans/{planId}/aftercare': read('Aftercare items of a session', { type: 'array', items: { type: 'object' } }, [
        { name: 'session', in: 'query', required: true, schema: { type: 'integer', minimum: 1 } },
      ]),
      '/plans/{planId}/calendar.ics': {
        get: {
          summary: 'The plan as iCalendar',
          parameters: [planId],
          responses: { 200: { description: 'OK', content: { 'text/calendar': { schema: { type: 'string' } } } }, ...errors(401, 404, 500) },
        },
      },
      '/plans/{planId}/fhir': {
        get: {
          summary: 'The plan as a FHIR R4 Bundle',
          parameters: [planId, asOf],
          responses: {
            200: { description: 'OK', content: { 'application/fhir+json': { schema: { type: 'object' } } } },
            ...errors(400, 401, 404, 500),
          },
        },
      },
      '/plans/{planId}/timeline.svg': {
        get: {
          summary: 'The plan as an SVG timeline',
          parameters: [planId, asOf],
          responses: {
            200: { description: 'OK', content: { 'image/svg+xml': { schema: { type: 'string' } } } },
            ...errors(400, 401, 404, 500),
          },
        },
      },
      '/screenings': {
        post: {
          summary: 'Screen an intake against a protocol',
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              required: ['intake', 'protocol', 'timeZone'],
              properties: {
                intake: ref('Intake'),
                protocol: {
                  type: 'object',
                  required: ['id', 'version'],
                  properties: { id: { type: 'string' }, version: { type: 'integer' } },
                },
                timeZone: { type: 'string' },
                asOf: { type: 'string' },
              },
            }),
          },
          responses: {
            200: { description: 'The screening', content: json(valueSchema({ type: 'object' })) },
            ...errors(400, 401, 413, 422, 500),
          },
        },
      },
      '/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OK', content: json({ type: 'object' }) } } } },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Finding: finding,
        Plan: component(schemas.plan),
        Event: component(schemas.event),
        Protocol: component(schemas.protocol),
        Intake: component(schemas.intake),
        Availability: component(schemas.availability),
      },
      responses: {
        Error400: errorResponse('Malformed input (INVALID_INPUT, …)'),
        Error401: errorResponse('Not authorized (UNAUTHORIZED)'),
        Error404: errorResponse('No such plan or route (PLAN_NOT_FOUND, ROUTE_NOT_FOUND)'),
        Error409: errorResponse('A conflict (VERSION_CONFLICT, PLAN_EXISTS, EVENT_ID_REUSED)'),
        Error413: errorResponse('Body over the limit (PAYLOAD_TOO_LARGE)'),
        Error422: errorResponse("Refused by the protocol's rules"),
        Error500: errorResponse('A database or internal failure (DATABASE_ERROR, INTERNAL_ERROR)'),
      },
    },
  };
}
