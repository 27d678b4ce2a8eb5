import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, Nullable, Timestamp, responses } from '../../http/schemas.js';
import { CardFilterFields, CardState } from './schemas.js';
import { countCards } from './read.js';
import { BULK_CAP, BULK_INLINE_MAX, createBulk, readBulk, viewOf, type BulkInput } from './bulk.js';

const Action = Type.Union(
  ['freeze', 'unfreeze', 'void', 'extend'].map((a) => Type.Literal(a)),
  {
    description: 'freeze 冻结 · unfreeze 解冻 · void 作废 (needs a reason) · extend 延长有效期 (needs to_date or days)',
  },
);
const Result = Type.Object({
  card_id: Type.String(),
  code_tail: Nullable(Type.String()),
  outcome: Type.Union(
    ['done', 'skipped', 'pending'].map((o) => Type.Literal(o)),
    { description: 'pending: the job has not reached it yet' },
  ),
  code: Nullable(Type.String({ description: 'why it was skipped: the problem code the single action answers (CARD_NOT_FROZEN, CARD_NOT_VOIDABLE …)' })),
  card_state: Nullable(CardState),
});
const BulkOp = Type.Object({
  id: Type.String(),
  action: Action,
  state: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')], {
    description: 'running: the job is at it · done · failed: the job gave up; the cards it reached keep their outcomes, the others are pending and unchanged',
  }),
  total: Type.Integer(),
  done: Type.Integer(),
  skipped: Type.Integer(),
  reason: Nullable(Type.String()),
  to_date: Nullable(Type.String()),
  days: Nullable(Type.Integer()),
  created_at: Timestamp,
  finished_at: Nullable(Timestamp),
  results: Type.Array(Result),
  next_cursor: Nullable(Type.String()),
});

/** Card search's count and bulk actions 批量操作 (src/modules/cards/bulk.ts). */
export function bulkRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['cards 卡券'];

  app.get(
    '/cards/count',
    {
      schema: {
        tags,
        summary: `How many cards a search matches (the same filters as GET /v1/cards), counted up to ${BULK_CAP}: what a bulk action over it would cover`,
        querystring: Type.Object(CardFilterFields),
        response: responses({
          200: Type.Object({
            count: Type.Integer({ description: `matching cards, at most ${BULK_CAP}` }),
            over_cap: Type.Boolean({ description: `more than ${BULK_CAP} match: too many for one bulk action` }),
            cap: Type.Integer(),
          }),
        }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'cards.read');
      const n = await countCards(ctx.db, req.caller!, req.query, BULK_CAP, ctx.clock.now());
      return { count: Math.min(n, BULK_CAP), over_cap: n > BULK_CAP, cap: BULK_CAP };
    },
  );

  app.post(
    '/cards/bulk',
    {
      schema: {
        tags,
        summary: 'A bulk action 批量操作 on selected cards or on every card a search matches',
        description:
          `card_ids (at most ${BULK_INLINE_MAX}) are done in the request: 200 with each card's outcome. A filter (the card list's filters) covers every card matching it now, ` +
          `at most ${BULK_CAP} (422 BULK_TOO_MANY beyond); it answers 202 at once and a job does the cards — read progress and outcomes with GET /v1/cards/bulk/{id}. ` +
          'Each card goes through its single action (POST /v1/cards/{id}/freeze …): the same rules, events, ledger entries and audit action. A card the action does not apply to is skipped with that action’s problem code. ' +
          'With expected_count (the count the person confirmed), a different count now answers 409 BULK_COUNT_CHANGED and does nothing.',
        body: Type.Object({
          action: Action,
          card_ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: BULK_INLINE_MAX })),
          filter: Type.Optional(Type.Object(CardFilterFields)),
          reason: Type.Optional(Type.String({ maxLength: 500 })),
          to_date: Type.Optional(Type.String({ format: 'date', description: 'extend: valid through this day (YYYY-MM-DD, tenant time zone)' })),
          days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, description: 'extend: this many days after each card’s expiry' })),
          expected_count: Type.Optional(Type.Integer({ minimum: 1, maximum: BULK_CAP })),
          request_no: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: responses({ 200: BulkOp, 202: BulkOp }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'cards.manage');
      const caller = req.caller!;
      const { request_no: _, ...input } = req.body;
      const status = input.card_ids ? 200 : 202;
      return mutate(ctx, req, reply, { action: 'card.bulk', targetType: 'card_bulk', status }, async (q) => {
        const op = await createBulk(ctx, q, caller, req.actor ?? `key:${caller.keyId}`, input as BulkInput);
        return status === 200 ? readBulk(q, caller.tenantId, op.id, { limit: BULK_INLINE_MAX }) : { ...viewOf(op), results: [], next_cursor: null };
      });
    },
  );

  app.get(
    '/cards/bulk/:id',
    {
      schema: {
        tags,
        summary: 'A bulk action’s progress and its cards’ outcomes, in pages',
        params: Type.Object({ id: Id }),
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
          cursor: Type.Optional(Type.String({ maxLength: 20 })),
          outcome: Type.Optional(Type.Union([Type.Literal('done'), Type.Literal('skipped')])),
        }),
        response: responses({ 200: BulkOp }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'cards.manage');
      return readBulk(ctx.db, req.caller!.tenantId, req.params.id, { limit: req.query.limit ?? 200, cursor: req.query.cursor, outcome: req.query.outcome });
    },
  );
}
