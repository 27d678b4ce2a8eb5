import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../http/context.js';
import { requireAccess } from '../../http/access.js';
import { Nullable, Timestamp, responses } from '../../http/schemas.js';
import { AppError } from '../../errors.js';
import { verifyChain } from './service.js';

const Entry = Type.Object({
  id: Type.Integer(), seq: Nullable(Type.Integer({ description: 'place in the hash chain; null until sealed (seconds)' })),
  actor: Type.String(), action: Type.String(), target_type: Nullable(Type.String()), target_id: Nullable(Type.String()),
  data: Type.Unknown(), created_at: Timestamp, hash: Nullable(Type.String()),
});

export default {
  name: 'audit',
  routes(base: FastifyInstance, ctx: Ctx) {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['audit 审计'];
    app.get('/audit', {
      schema: {
        tags, summary: 'The audit log, newest first',
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })), before_id: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
          action: Type.Optional(Type.String({ maxLength: 64 })), target_id: Type.Optional(Type.String({ maxLength: 64 })),
        }),
        response: responses({ 200: Type.Object({ data: Type.Array(Entry), next_before_id: Nullable(Type.Integer()) }) }),
      },
    }, async (req) => {
      requireAccess(req.caller!, 'audit.read');
      const qs = req.query as any;
      const limit = qs.limit ?? 50;
      const r = await ctx.db.query(
        `SELECT id, seq, actor, action, target_type, target_id, data, created_at, encode(hash, 'hex') AS hash FROM audit_entries
         WHERE tenant_id = $1 AND ($2::int8 IS NULL OR id < $2) AND ($3::text IS NULL OR action = $3) AND ($4::text IS NULL OR target_id = $4)
         ORDER BY id DESC LIMIT $5`,
        [req.caller!.tenantId, qs.before_id ?? null, qs.action ?? null, qs.target_id ?? null, limit + 1],
      );
      const more = r.rows.length > limit;
      const data = r.rows.slice(0, limit);
      return { data, next_before_id: more ? data[data.length - 1].id : null };
    });
    const Verify = Type.Object({
      ok: Type.Boolean(), entries: Type.Integer(), head_seq: Type.Integer(), head_hash: Type.String(), unsealed: Type.Integer(),
      broken_at_seq: Type.Optional(Type.Integer()), reason: Type.Optional(Type.String()),
    });
    app.get('/audit/verify', { schema: { tags, summary: 'Walk the hash chain: detects any edit, insertion or deletion', response: responses({ 200: Verify }) } }, async (req) => {
      requireAccess(req.caller!, 'audit.read');
      return verifyChain(ctx.db, req.caller!.tenantId);
    });
    app.get('/audit/head', {
      schema: { tags, summary: 'The chain head, to export and anchor elsewhere', response: responses({ 200: Type.Object({ tenant_id: Type.String(), seq: Type.Integer(), hash: Type.String(), sealed_at: Timestamp }) }) },
    }, async (req) => {
      requireAccess(req.caller!, 'audit.read');
      const r = await ctx.db.query(`SELECT tenant_id, seq, encode(hash, 'hex') AS hash, sealed_at FROM audit_heads WHERE tenant_id = $1`, [req.caller!.tenantId]);
      if (!r.rows[0]) throw new AppError(404, 'AUDIT_HEAD_NOT_FOUND', 'nothing has been sealed yet');
      return r.rows[0];
    });
  },
};
