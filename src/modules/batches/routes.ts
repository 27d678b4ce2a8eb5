import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { AppError } from '../../errors.js';
import { Id, Nullable, Page, ListQuery, Timestamp, responses } from '../../http/schemas.js';
import { SortQuery } from '../../http/pagination.js';
import { channelExists } from '../channels/service.js';
import * as svc from './service.js';
import { importCodes } from './import.js';
import { exportCodes } from './export.js';

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
  code_format: Type.Object({ prefix: Type.String(), length: Type.Integer(), alphabet: Type.String() }),
  status: Type.String({ description: 'generating · paused · ready · failed' }),
  error: Nullable(Type.String()),
  created_at: Timestamp,
  updated_at: Timestamp,
});
const view = (b: svc.BatchRow) => ({ ...b, progress: b.quantity ? Math.min(1, b.generated / b.quantity) : 1 });
const IdParams = Type.Object({ id: Id });

export function routes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['batches 批次'];
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

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
  app.post(
    '/batches/:id/export',
    {
      schema: {
        tags,
        summary: 'Export codes as CSV (streamed, audited). Takes codes out of the pool as bearer codes unless reissue is true.',
        params: IdParams,
        body: Type.Optional(
          Type.Object({
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
            channel_id: Type.Optional(Id),
            reissue: Type.Optional(Type.Boolean()),
          }),
        ),
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'codes.export');
      const body = (req.body ?? {}) as { limit?: number; channel_id?: string; reissue?: boolean };
      if (body.channel_id && !(await channelExists(ctx.db, req.caller!.tenantId, body.channel_id)))
        throw new AppError(404, 'CHANNEL_NOT_FOUND', 'channel not found');
      const stream = await exportCodes(ctx, req.caller!, req.params.id, { ...body, actor: req.actor ?? `key:${req.caller!.keyId}` });
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${req.params.id}.csv"`);
      return reply.send(stream);
    },
  );
  app.post(
    '/batches/:id/import',
    {
      bodyLimit: 20 * 1024 * 1024, // up to 200,000 lines of code[,pin]
      schema: {
        tags,
        summary: 'Import codes from CSV (code[,pin] per line); refused lines are reported, good ones kept',
        params: IdParams,
        querystring: Type.Object({ state: Type.Optional(Type.Union([Type.Literal('unissued'), Type.Literal('active')])) }),
        body: Type.Union([Type.String({ description: 'text/csv' }), Type.Object({ csv: Type.String() })]),
        response: responses({
          200: Type.Object({
            id: Type.String(),
            batch_id: Type.String(),
            accepted: Type.Integer(),
            refused: Type.Integer(),
            refusals: Type.Array(Type.Object({ line: Type.Integer(), reason: Type.String(), detail: Type.String() })),
          }),
        }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'catalog.write');
      const csv = typeof req.body === 'string' ? req.body : (req.body as { csv: string }).csv;
      // the audit keeps the file's digest and counts, never a code or PIN from it
      const audit = (r: { accepted: number; refused: number }) => ({ accepted: r.accepted, refused: r.refused, lines: r.accepted + r.refused });
      return mutate(ctx, req, reply, { action: 'batch.import', targetType: 'import', audit }, (q) =>
        importCodes(ctx, q, req.caller!, req.params.id, csv, (req.query as any).state ?? 'unissued'),
      );
    },
  );
}
