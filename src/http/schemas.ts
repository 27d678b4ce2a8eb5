import { Type, type TProperties, type TSchema } from '@sinclair/typebox';

/** Shared schema pieces: ids, money, pages and the error responses every route can give. */
export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const Money = Type.Integer({ minimum: 0, maximum: 1e13, description: 'integer minor units (fen 分)' });
export const Timestamp = Type.String({ format: 'date-time' });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);

const pageFields = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 2048, description: 'next_cursor of the previous page, with the same sort and filters' })),
};
export const PageQuery = Type.Object(pageFields);
/** A list's query string: the page fields and the list's own filters, as one object (so unknown parameters are refused). */
export const ListQuery = <T extends TProperties>(fields: T) => Type.Object({ ...pageFields, ...fields });

export const Page = <T extends TSchema>(item: T) => Type.Object({ data: Type.Array(item), next_cursor: Nullable(Type.String()) });

const ref = Type.Ref('Problem');
/** Response map for a route: its success schema plus problem+json for every client error. */
export function responses(ok: Record<number, TSchema>) {
  return { ...ok, 400: ref, 401: ref, 403: ref, 404: ref, 409: ref, 422: ref, 429: ref };
}

export const Deleted = Type.Object({ id: Type.String(), deleted: Type.Boolean() });

/** 202: the action waits for review 人工审核; poll GET /v1/reviews/{review_id} or follow the review.* webhooks. */
export const PendingReview = Type.Object(
  {
    status: Type.Literal('pending_review'),
    review_id: Type.String(),
    message: Type.Object({ zh: Type.String(), en: Type.String() }),
    hold_until: Timestamp,
  },
  { description: 'sent to review 已提交人工审核: nothing is done yet; what it would take is held until hold_until' },
);
