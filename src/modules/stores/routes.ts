import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, Nullable, Page, ListQuery, Timestamp, responses } from '../../http/schemas.js';
import { SortQuery } from '../../http/pagination.js';
import * as svc from './service.js';

const Store = Type.Object({
  id: Type.String(),
  name: Type.String(),
  code: Nullable(Type.String()),
  time_zone: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  tags: Type.Array(Type.String()),
  province: Nullable(Type.String({ description: '省: name or code (江苏省, 320000), as channels’ regions give them' })),
  city: Nullable(Type.String({ description: '市: name or code (苏州市, 320500)' })),
  created_at: Timestamp,
});
const fields = {
  code: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
  time_zone: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  lat: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
  lng: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50 })),
  province: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
  city: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
};

export function routes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['stores 门店'];
  app.post(
    '/stores',
    {
      schema: {
        tags,
        summary: 'Create a store',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), ...fields }),
        response: responses({ 201: Store }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'catalog.write');
      return mutate(ctx, req, reply, { action: 'store.create', targetType: 'store', status: 201 }, (q) => svc.createStore(q, req.caller!.tenantId, req.body));
    },
  );
  app.patch(
    '/stores/:id',
    {
      schema: {
        tags,
        summary: 'Change a store',
        params: Type.Object({ id: Id }),
        body: Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), ...fields }),
        response: responses({ 200: Store }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'catalog.write');
      return mutate(ctx, req, reply, { action: 'store.update', targetType: 'store' }, (q) => svc.updateStore(q, req.caller!.tenantId, req.params.id, req.body));
    },
  );
  app.get('/stores/:id', { schema: { tags, summary: 'Get a store', params: Type.Object({ id: Id }), response: responses({ 200: Store }) } }, async (req) => {
    requireAccess(req.caller!, 'catalog.read');
    return svc.getStore(ctx.db, req.caller!.tenantId, req.params.id);
  });
  app.get(
    '/stores',
    {
      schema: {
        tags,
        summary: 'List stores',
        querystring: ListQuery({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          tag: Type.Optional(Type.String({ maxLength: 64 })),
          sort: Type.Optional(SortQuery(svc.STORE_SORTS)),
        }),
        response: responses({ 200: Page(Store) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'catalog.read');
      const qs = req.query as any;
      return svc.listStores(ctx.db, req.caller!.tenantId, { limit: qs.limit ?? 50, cursor: qs.cursor, q: qs.q, tag: qs.tag, sort: qs.sort });
    },
  );
}
