import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { AppError } from '../../errors.js';
import { Id, responses } from '../../http/schemas.js';
import { channelExists } from '../channels/service.js';
import { importCodes } from './import.js';
import { exportCodes } from './export.js';

const IdParams = Type.Object({ id: Id });

/** A batch's pool of codes: export (out of the pool as bearer codes) and import (supplier or legacy codes in). */
export function poolRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['batches 批次'];
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
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
