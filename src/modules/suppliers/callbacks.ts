import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../errors.js';
import { applyOutcome } from './apply.js';
import { adapters, connOf } from './drive.js';
import { enqueue } from '../../platform/jobs.js';
import { ATTEMPT_COLS, attemptOut, driveJob, getRequest } from './requests.js';
import { supplierById } from './service.js';

/**
 * `POST /callbacks/suppliers/{supplier id}` 供应商回调: outside /v1 and without an API key; the
 * supplier's signature over the raw body is the only proof. A bad signature is 401 and changes
 * nothing; an unknown order number is 404; a duplicate is answered like the first (the outcome is
 * applied by a guarded statement, so it lands once).
 */
export function callbackRoutes(app: FastifyInstance, ctx: Ctx) {
  // the raw body is what the signature covers: keep it beside the parsed one
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    (req as any).rawBody = body as string;
    try {
      done(null, (body as string).trim() ? JSON.parse(body as string) : {});
    } catch {
      done(Object.assign(new Error('the body is not valid JSON'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }), undefined);
    }
  });
  app.post<{ Params: { id: string } }>(
    '/callbacks/suppliers/:id',
    { schema: { hide: true }, bodyLimit: 1024 * 1024 }, // outside /v1: no API key is asked for
    async (req, reply) => {
      const raw = (req as any).rawBody ?? '';
      const s = await supplierById(ctx.db, req.params.id);
      if (!s) throw new AppError(404, 'SUPPLIER_NOT_FOUND', 'supplier not found');
      const tenantId = s.tenant_id;
      const read = adapters[s.protocol].callback(connOf(ctx, s), raw, req.headers, ctx.clock.now());
      if (!read) throw new AppError(401, 'SUPPLIER_SIGNATURE_INVALID', "signature: the callback is not signed with this supplier's secret");
      const r = await ctx.db.query(`SELECT ${ATTEMPT_COLS} FROM supplier_orders WHERE tenant_id = $1 AND supplier_id = $2 AND outbound_no = $3`, [
        tenantId,
        s.id,
        read.outboundNo,
      ]);
      if (!r.rows[0]) throw new AppError(404, 'SUPPLIER_ORDER_NOT_FOUND', 'out_order_no: no order of ours under this number at this supplier');
      const a = attemptOut(r.rows[0]);
      const request = await getRequest(ctx.db, tenantId, a.request_id);
      const next = await applyOutcome(ctx, tenantId, a, request.kind, read.outcome, { placing: false });
      if (next === 'query') await enqueue(ctx.db, driveJob(tenantId, a.request_id));
      // 福禄 expects the word "success"; the generic protocol a JSON acknowledgement
      if (s.protocol === 'fulu') return reply.type('text/plain').send('success');
      return { ok: true };
    },
  );
}
