import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { AppError } from '../../errors.js';
import { Id, Nullable, Timestamp, responses } from '../../http/schemas.js';
import { channelExists } from '../channels/service.js';
import { importCodes } from './import.js';
import { exportCodes, refetchExport, type ExportFile } from './export.js';
import { getBatch } from '../batches/service.js';
import { listExports, REFETCH_HOURS, type ExportRow } from '../batches/exports.js';
import { getOperator } from '../identity/operators.js';
import { listApiKeys } from '../identity/api-keys.js';

const IdParams = Type.Object({ id: Id });

const ExportRecord = Type.Object({
  id: Type.String(),
  batch_id: Type.String(),
  kind: Type.Union([Type.Literal('new'), Type.Literal('reissue')], {
    description: 'new: codes taken out of stock by this export · reissue: codes already out, listed again',
  }),
  actor: Type.String({ description: 'operator:<username> or key:<key id>, as the audit log names them' }),
  actor_name: Type.String({ description: 'the operator’s name (or the API key’s) when it exported' }),
  channel_id: Nullable(Type.String()),
  requested: Nullable(Type.Integer({ description: 'how many were asked for; null: all that were left' })),
  codes: Type.Integer({ description: 'codes in the file' }),
  seq_from: Nullable(Type.Integer({ description: 'first code of the file, by generation order in the batch (1 = the first made)' })),
  seq_to: Nullable(Type.Integer()),
  created_at: Timestamp,
  refetch_until: Timestamp,
  refetchable: Type.Boolean({ description: 'the file can be downloaded again now' }),
  refetches: Type.Integer({ description: 'times the file was downloaded again' }),
  last_refetch_at: Nullable(Timestamp),
});
const exportView = (e: ExportRow, now: Date) => {
  const { last_at: _, ...rest } = e;
  return {
    ...rest,
    codes: Number(e.codes),
    seq_from: e.seq_from == null ? null : Number(e.seq_from),
    seq_to: e.seq_to == null ? null : Number(e.seq_to),
    refetchable: e.codes > 0 && new Date(e.refetch_until) > now,
  };
};

/** Who is exporting, as the audit log names them, and their name for the export history. */
async function who(ctx: Ctx, req: FastifyRequest): Promise<{ actor: string; actorName: string }> {
  const c = req.caller!;
  const actor = req.actor ?? `key:${c.keyId}`;
  if (actor.startsWith('operator:')) {
    const op = await getOperator(ctx.db, c.tenantId, c.keyId).catch(() => null);
    return { actor, actorName: op?.display_name || op?.username || actor.slice('operator:'.length) };
  }
  const key = (await listApiKeys(ctx.db, c.tenantId)).find((k) => k.id === c.keyId);
  return { actor, actorName: key?.name ?? c.keyId };
}

/** The CSV answer: the export's id and the time its file can be fetched again until, then the stream. */
function sendFile(reply: FastifyReply, f: ExportFile) {
  reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${f.batch.id}-${f.export.id}.csv"`)
    .header('x-kaquan-export-id', f.export.id);
  return reply.send(f.stream);
}

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
        summary:
          'Export codes as CSV (streamed, audited, kept in the export history). Takes codes out of the pool as bearer codes unless reissue is true; 409 NOTHING_TO_EXPORT when no code would be written',
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
      const f = await exportCodes(ctx, req.caller!, req.params.id, { ...body, ...(await who(ctx, req)) });
      return sendFile(reply, f);
    },
  );
  app.get(
    '/batches/:id/exports',
    {
      schema: {
        tags,
        summary: 'A batch’s export history 导出记录: who exported how many codes when, and until when each file can be downloaded again',
        params: IdParams,
        response: responses({ 200: Type.Object({ data: Type.Array(ExportRecord) }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'codes.export');
      const b = await getBatch(ctx.db, req.caller!.tenantId, req.params.id);
      const rows = await listExports(ctx.db, req.caller!.tenantId, b.id);
      const now = ctx.clock.now();
      return { data: rows.map((e) => exportView(e, now)) };
    },
  );
  app.post(
    '/batches/:id/exports/:export_id/download',
    {
      schema: {
        tags,
        summary: `Download an export’s file again (within ${REFETCH_HOURS} h of the export; the same codes in the same order, re-rendered from the cards; audited)`,
        params: Type.Object({ id: Id, export_id: Id }),
        response: { ...responses({}), 410: Type.Ref('Problem') },
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'codes.export');
      const f = await refetchExport(ctx, req.caller!, req.params.id, req.params.export_id, (await who(ctx, req)).actor);
      return sendFile(reply, f);
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
            refusals: Type.Array(
              Type.Object({
                line: Type.Integer(),
                reason: Type.String({ description: 'malformed · duplicate_in_file · duplicate · pin_missing · weak_code' }),
                detail: Type.String(),
                field: Type.Optional(Type.Union([Type.Literal('code'), Type.Literal('pin')], { description: 'malformed: which column' })),
                same_as_line: Type.Optional(Type.Integer({ description: 'duplicate_in_file: the earlier line with the same code' })),
              }),
            ),
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
