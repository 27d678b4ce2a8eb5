import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { AppError } from '../../errors.js';
import { Id, ListQuery, Nullable, Page, Timestamp, responses } from '../../http/schemas.js';
import { createDelivery, getDelivery, revokeDelivery } from './service.js';
import { cardIdsOfExport, cardIdsOfOrder } from './sources.js';
import { attemptsOf, fetchFile } from './link.js';
import { listDeliveries, withReferenceNames } from './read.js';
import { XLSX_TYPE } from './file.js';
import { deliveryView, LINK_HOURS, LINK_MAX_DOWNLOADS, LINK_MAX_HOURS, MAX_CARDS } from './model.js';

const State = Type.Union([Type.Literal('created'), Type.Literal('downloaded'), Type.Literal('expired'), Type.Literal('revoked')], {
  description:
    'created 已创建 · downloaded 已下载 (a link: downloads of max_downloads; a file: the operator downloaded it) · expired 已过期 (a link past its time, never downloaded) · revoked 已撤销',
});
const Method = Type.Union([Type.Literal('file'), Type.Literal('link')], {
  description: 'file 加密文件: a password-protected XLSX the operator sends, the password by another channel · link 下载链接: a one-time link',
});
const Delivery = Type.Object({
  id: Type.String(),
  method: Method,
  state: State,
  recipient: Type.Object({ name: Type.String(), phone: Nullable(Type.String()), email: Nullable(Type.String()) }),
  reference_type: Nullable(Type.String()),
  reference_id: Nullable(Type.String()),
  reference_name: Type.Optional(Nullable(Type.String({ description: 'lists and reads: what the reference names (a wholesale order: its buyer and units)' }))),
  note: Nullable(Type.String()),
  cards: Type.Integer(),
  password_protected: Type.Boolean(),
  file_bytes: Nullable(Type.Integer()),
  expires_at: Nullable(Timestamp),
  max_downloads: Nullable(Type.Integer()),
  downloads: Type.Integer({ description: 'downloads through the link' }),
  link_usable: Type.Boolean({ description: 'the link would serve the file now' }),
  last_download_at: Nullable(Timestamp),
  fetches: Type.Integer({ description: 'times the operator downloaded the file' }),
  revoked_at: Nullable(Timestamp),
  revoked_by: Nullable(Type.String()),
  revoke_reason: Nullable(Type.String()),
  void_bulk_id: Nullable(Type.String({ description: 'the bulk void of the cards when the revoke voided them (GET /v1/cards/bulk/{id})' })),
  actor: Type.String(),
  created_at: Timestamp,
});
const Created = Type.Intersect([
  Delivery,
  Type.Object({
    secret: Type.Object(
      {
        password: Nullable(Type.String({ description: 'the file’s password: shown only now, kept nowhere; send it by another channel than the file' })),
        url: Nullable(Type.String({ description: 'the download link: shown only now (only its hash is kept)' })),
      },
      { description: 'shown once 仅显示一次' },
    ),
  }),
]);
const Revoked = Type.Intersect([
  Delivery,
  Type.Object({ voided: Nullable(Type.Object({ bulk_id: Type.String(), voided: Type.Integer(), skipped: Type.Integer() })) }),
]);
const Attempt = Type.Object({
  id: Type.String(),
  outcome: Type.String({ description: 'served · expired · used_up · revoked' }),
  ip: Nullable(Type.String()),
  user_agent: Nullable(Type.String()),
  at: Timestamp,
});
const IdParams = Type.Object({ id: Id });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export function routes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['deliveries 卡密交付'];
  const actorOf = (req: { actor?: string; caller?: { keyId: string } }) => req.actor ?? `key:${req.caller!.keyId}`;

  app.post(
    '/deliveries',
    {
      schema: {
        tags,
        summary:
          'Deliver issued bearer cards to a recipient 卡密交付: as a password-protected XLSX (method file) or a one-time download link (method link). The password and the link are in the answer only',
        body: Type.Object({
          card_ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: MAX_CARDS })),
          export: Type.Optional(Type.Object({ batch_id: Id, export_id: Id }, { description: 'the cards a batch export took out of stock' })),
          order: Type.Optional(
            Type.Object(
              { id: Id },
              { description: 'the cards a fulfilled wholesale order issued; the order is marked delivered when the recipient downloads' },
            ),
          ),
          method: Method,
          recipient: Type.Object({
            name: Text(200),
            phone: Type.Optional(Type.String({ maxLength: 40 })),
            email: Type.Optional(Type.String({ maxLength: 200 })),
          }),
          reference_type: Type.Optional(Text(40)),
          reference_id: Type.Optional(Text(64)),
          note: Type.Optional(Type.String({ maxLength: 500 })),
          password: Type.Optional(Type.Boolean({ description: 'link only: false serves a workbook without a password (default true)' })),
          expires_in_hours: Type.Optional(Type.Integer({ minimum: 1, maximum: LINK_MAX_HOURS, description: `link only (default ${LINK_HOURS})` })),
          max_downloads: Type.Optional(Type.Integer({ minimum: 1, maximum: LINK_MAX_DOWNLOADS, description: 'link only (default 1)' })),
          request_no: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: responses({ 201: Created }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'deliveries.manage');
      const b = req.body;
      const caller = req.caller!;
      if ([b.card_ids, b.export, b.order].filter((x) => x !== undefined).length !== 1)
        throw new AppError(422, 'DELIVERY_INVALID', 'card_ids: name the cards (card_ids), a batch export (export) or a wholesale order (order), one of them', {
          errors: [{ field: 'card_ids', reason: 'name card_ids, export or order, one of them' }],
        });
      return mutate(ctx, req, reply, { action: 'delivery.create', targetType: 'delivery', status: 201 }, async (q) =>
        createDelivery(ctx, q, caller, {
          cardIds:
            b.card_ids ??
            (b.order
              ? await cardIdsOfOrder(q, caller.tenantId, b.order.id)
              : await cardIdsOfExport(q, caller.tenantId, b.export!.batch_id, b.export!.export_id)),
          method: b.method,
          recipient: b.recipient,
          referenceType: b.order ? 'wholesale_order' : b.reference_type,
          referenceId: b.order ? b.order.id : b.reference_id,
          note: b.note,
          password: b.password,
          expiresInHours: b.expires_in_hours,
          maxDownloads: b.max_downloads,
          actor: actorOf(req),
        }),
      );
    },
  );

  app.get(
    '/deliveries',
    {
      schema: {
        tags,
        summary: 'Deliveries, newest first, with their state (created · downloaded n of m · expired · revoked)',
        querystring: ListQuery({
          state: Type.Optional(State),
          method: Type.Optional(Method),
          reference_type: Type.Optional(Text(40)),
          reference_id: Type.Optional(Text(64)),
        }),
        response: responses({ 200: Page(Delivery) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'deliveries.read');
      const q = req.query;
      return listDeliveries(ctx.db, req.caller!.tenantId, { ...q, limit: q.limit ?? 50 }, ctx.clock.now());
    },
  );

  app.get(
    '/deliveries/:id',
    {
      schema: {
        tags,
        summary: 'A delivery, and every attempt on its link (downloads and refusals, with address and time)',
        params: IdParams,
        response: responses({ 200: Type.Intersect([Delivery, Type.Object({ attempts: Type.Array(Attempt) })]) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'deliveries.read');
      const d = await getDelivery(ctx.db, req.caller!.tenantId, req.params.id);
      const [named] = await withReferenceNames(ctx.db, d.tenant_id, [deliveryView(d, ctx.clock.now())]);
      return { ...named, attempts: await attemptsOf(ctx.db, d.tenant_id, d.id) };
    },
  );

  app.post(
    '/deliveries/:id/file',
    {
      schema: {
        tags,
        summary: 'Download the password-protected XLSX (counted in fetches, audited); 409 once revoked or for a link without a password',
        params: IdParams,
        response: responses({}),
        produces: [XLSX_TYPE],
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'deliveries.manage');
      const f = await fetchFile(ctx, req.caller!, req.params.id, actorOf(req));
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${f.delivery.id}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(f.file);
    },
  );

  app.post(
    '/deliveries/:id/revoke',
    {
      schema: {
        tags,
        summary:
          'Revoke a delivery 撤销: its link stops at once, its cards may be delivered again; void_cards also voids them (409 DELIVERY_DOWNLOADED when the link was already used)',
        params: IdParams,
        body: Type.Optional(
          Type.Object({
            reason: Type.Optional(Type.String({ maxLength: 500 })),
            void_cards: Type.Optional(Type.Boolean()),
            request_no: Type.Optional(Type.String({ maxLength: 200 })),
          }),
        ),
        response: responses({ 200: Revoked }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'deliveries.manage');
      const b = req.body ?? {};
      return mutate(ctx, req, reply, { action: 'delivery.revoke', targetType: 'delivery', audit: (r) => ({ voided: r.voided }) }, (q) =>
        revokeDelivery(ctx, q, req.caller!, req.params.id, { reason: b.reason, voidCards: b.void_cards, actor: actorOf(req) }),
      );
    },
  );
}
