import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../http/schemas.js';

const Url = Type.String({ minLength: 1, maxLength: 2000, pattern: '^[Hh][Tt][Tt][Pp][Ss]?://', description: 'http(s) URL that receives POSTs' });
const EventType = Type.String({ pattern: '^[a-z_]+\\.[a-z_]+$', maxLength: 100, description: 'e.g. card.redeemed (GET /v1/event-types lists them)' });
const EventTypes = Type.Array(EventType, { maxItems: 200, description: 'event types to receive (at most 200: every type in the catalogue fits); empty = all' });
const Description = Nullable(Type.String({ maxLength: 500 }));

export const Endpoint = Type.Object({
  id: Type.String(),
  url: Type.String(),
  description: Nullable(Type.String()),
  event_types: Type.Array(Type.String()),
  active: Type.Boolean(),
  created_at: Timestamp,
  updated_at: Nullable(Timestamp),
});
export const EndpointWithSecret = Type.Intersect([
  Endpoint,
  Type.Object({ secret: Type.String({ description: 'signing secret whsec_…: shown only in this answer' }) }),
]);

export const EndpointCreate = Type.Object({
  url: Url,
  event_types: Type.Optional(EventTypes),
  description: Type.Optional(Description),
  active: Type.Optional(Type.Boolean()),
});
export const EndpointPatch = Type.Object({
  url: Type.Optional(Url),
  event_types: Type.Optional(EventTypes),
  description: Type.Optional(Description),
  active: Type.Optional(Type.Boolean()),
});

export const DeliveryState = Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]);
export const Delivery = Type.Object({
  id: Type.String(),
  endpoint_id: Type.String(),
  event_id: Type.String(),
  event_type: Type.String(),
  state: DeliveryState,
  attempts: Type.Integer(),
  last_status: Nullable(Type.Integer()),
  last_error: Nullable(
    Type.String({ description: "why the last attempt failed, in a few words (HTTP 500, timeout, refused: not a public address); never the receiver's answer" }),
  ),
  last_duration_ms: Nullable(Type.Integer({ description: 'how long the last attempt took, in milliseconds' })),
  next_attempt_at: Nullable(Timestamp),
  last_attempt_at: Nullable(Timestamp),
  delivered_at: Nullable(Timestamp),
  created_at: Timestamp,
  payload: Type.Object({}, { additionalProperties: true, description: 'the JSON body that is POSTed' }),
});
