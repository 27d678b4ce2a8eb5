import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, Nullable, Page, ListQuery, Timestamp, responses } from '../../http/schemas.js';
import { SortQuery } from '../../http/pagination.js';
import * as svc from './service.js';

const Mode = Type.Union([Type.Literal('pregenerated'), Type.Literal('on_issue'), Type.Literal('imported')], {
  description: 'pregenerated 预生成 (codes made now, in the background) · on_issue 发放时生成 · imported 导入 (supplier or legacy codes)',
});
const CodeFormat = Type.Object({
  prefix: Type.Optional(Type.String({ maxLength: 8, pattern: '^[0-9A-Za-z]*$' })),
  length: Type.Optional(Type.Integer({ minimum: 4, maximum: 40, description: 'random characters (≥ 16 crockford / ≥ 25 digits: 80 bits)' })),
  alphabet: Type.Optional(Type.Union([Type.Literal('crockford'), Type.Literal('digits')])),
});
const Batch = Type.Object({
  id: Type.String(),
  template_id: Type.String(),
  name: Type.String(),
  mode: Mode,
  quantity: Nullable(Type.Integer()),
  stock: Nullable(Type.Integer()),
  issued: Type.Integer(),
  generated: Type.Integer(),
  progress: Type.Number({ description: 'generated / quantity, 0..1' }),
  unissued: Nullable(
    Type.Integer({ description: 'codes in stock: made or imported, not yet issued or exported (what an export takes next); null for on-issue batches' }),
  ),
  code_format: Type.Object({ prefix: Type.String(), length: Type.Integer(), alphabet: Type.String() }),
  status: Type.String({ description: 'generating · paused · ready · failed' }),
  error: Nullable(Type.String()),
  created_at: Timestamp,
  updated_at: Timestamp,
});
const view = (b: svc.BatchRow) => ({
  ...b,
  progress: b.quantity ? Math.min(1, b.generated / b.quantity) : 1,
  unissued: b.mode === 'on_issue' ? null : Math.max(0, b.generated - b.issued),
});
const IdParams = Type.Object({ id: Id });

export function routes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['batches 批次'];

  app.post(
    '/batches',
    {
      schema: {
        tags,
        summary: 'Create a batch (pre-generation of up to 1,000,000 codes runs as a background job)',
        body: Type.Object({
          template_id: Id,
          name: Type.String({ minLength: 1, maxLength: 200 }),
          mode: Mode,
          quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: svc.MAX_QUANTITY })),
          stock: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e9, description: 'on_issue: most cards to issue (omit: unlimited)' })),
          code_format: Type.Optional(CodeFormat),
          request_no: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: responses({ 201: Batch }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'catalog.write');
      return view(
        await mutate(ctx, req, reply, { action: 'batch.create', targetType: 'batch', status: 201 }, (q) =>
          svc.createBatch(q, req.caller!.tenantId, req.body as svc.BatchInput, ctx.clock.now()),
        ),
      );
    },
  );
  app.get(
    '/batches',
    {
      schema: {
        tags,
        summary: 'List batches',
        querystring: ListQuery({
          template_id: Type.Optional(Id),
          status: Type.Optional(Type.String({ maxLength: 20 })),
          mode: Type.Optional(Mode),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          sort: Type.Optional(SortQuery(svc.BATCH_SORTS)),
        }),
        response: responses({ 200: Page(Batch) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'catalog.read');
      const qs = req.query as any;
      const p = await svc.listBatches(ctx.db, req.caller!.tenantId, { ...qs, limit: qs.limit ?? 50 });
      return { data: p.data.map(view), next_cursor: p.next_cursor };
    },
  );
  app.get(
    '/batches/:id',
    { schema: { tags, summary: 'Get a batch, with generation progress', params: IdParams, response: responses({ 200: Batch }) } },
    async (req) => {
      requireAccess(req.caller!, 'catalog.read');
      return view(await svc.getBatch(ctx.db, req.caller!.tenantId, req.params.id));
    },
  );
  for (const [verb, fn] of [
    ['pause', svc.pauseBatch],
    ['resume', svc.resumeBatch],
  ] as const) {
    app.post(
      `/batches/:id/${verb}`,
      { schema: { tags, summary: `${verb === 'pause' ? 'Pause' : 'Resume'} code generation`, params: IdParams, response: responses({ 200: Batch }) } },
      async (req, reply) => {
        requireAccess(req.caller!, 'catalog.write');
        return view(
          await mutate(ctx, req, reply, { action: `batch.${verb}`, targetType: 'batch' }, (q) => fn(q, req.caller!.tenantId, req.params.id, ctx.clock.now())),
        );
      },
    );
  }
}
