import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { Nullable, Timestamp, responses } from '../../http/schemas.js';
import { AppError } from '../../errors.js';
import { parseHead, readHead, verifyChain } from './service.js';
import { placeInChain } from './place.js';
import { actorRef, idsIn, resolveNames } from '../../platform/names.js';

const Entry = Type.Object({
  id: Type.Integer(),
  seq: Nullable(Type.Integer({ description: 'place in the chain; null until sealed (seconds)' })),
  seal: Nullable(Type.Integer({ description: 'the seal that covers it; null until sealed' })),
  actor: Type.String({ description: 'key:<key id>, operator:<username> or member:<member id>' }),
  actor_name: Nullable(Type.String({ description: 'who acted, by name: the operator, the API key, the member' })),
  action: Type.String(),
  target_type: Nullable(Type.String()),
  target_id: Nullable(Type.String()),
  target_name: Nullable(Type.String({ description: 'what it was done to, by name (a store, a card as its template and code tail, …)' })),
  data: Type.Unknown(),
  names: Type.Record(Type.String(), Type.String(), { description: 'the names of the ids in data (stores, members, templates, …)' }),
  created_at: Timestamp,
  hash: Nullable(Type.String({ description: 'the mac of the seal that covers it (hex)' })),
});
const Head = Type.Object({
  tenant_id: Type.String(),
  seal: Type.Integer({ description: 'the newest seal number' }),
  mac: Type.String({ description: 'its HMAC-SHA256 (hex)' }),
  entries: Type.Integer({ description: 'entries covered by seals 1..seal' }),
  sealed_at: Timestamp,
});

export function routes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['audit 审计'];
  app.get(
    '/audit',
    {
      schema: {
        tags,
        summary: 'The audit log, newest first',
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          before_id: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
          action: Type.Optional(Type.String({ maxLength: 64 })),
          target_id: Type.Optional(Type.String({ maxLength: 64 })),
        }),
        response: responses({ 200: Type.Object({ data: Type.Array(Entry), next_before_id: Nullable(Type.Integer()) }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'audit.read');
      const qs = req.query as any;
      const limit = qs.limit ?? 50;
      const r = await ctx.db.query(
        `SELECT id, actor, action, target_type, target_id, data, created_at FROM audit_entries
         WHERE tenant_id = $1 AND ($2::int8 IS NULL OR id < $2) AND ($3::text IS NULL OR action = $3) AND ($4::text IS NULL OR target_id = $4)
         ORDER BY id DESC LIMIT $5`,
        [req.caller!.tenantId, qs.before_id ?? null, qs.action ?? null, qs.target_id ?? null, limit + 1],
      );
      const more = r.rows.length > limit;
      const rows = r.rows.slice(0, limit);
      const places = await placeInChain(
        ctx.db,
        req.caller!.tenantId,
        rows.map((e) => Number(e.id)),
      );
      // names, not ids, for the person reading the log: one look-up per kind of record for the whole page
      const names = await resolveNames(ctx.db, req.caller!.tenantId, [
        ...rows.flatMap((e) => [actorRef(e.actor), e.target_id]),
        ...rows.flatMap((e) => [...idsIn(e.data)]),
      ]);
      const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
      const data = rows.map((e) => ({
        ...e,
        actor_name: nameOf(actorRef(e.actor)),
        target_name: nameOf(e.target_id),
        names: Object.fromEntries([...idsIn(e.data)].flatMap((id) => (names.has(id) ? [[id, names.get(id)!]] : []))),
        ...(places.get(Number(e.id)) ?? { seq: null, seal: null, hash: null }),
      }));
      return { data, next_before_id: more ? data[data.length - 1].id : null };
    },
  );
  const Verify = Type.Object({
    ok: Type.Boolean(),
    seals: Type.Integer(),
    entries: Type.Integer(),
    unsealed: Type.Integer(),
    head: Nullable(Head),
    broken_at_seal: Type.Optional(Type.Integer()),
    reason: Type.Optional(Type.String()),
  });
  app.get(
    '/audit/verify',
    {
      schema: {
        tags,
        summary: 'Verify the sealed chain with the audit key: detects any edit, deletion, gap or forged seal',
        querystring: Type.Object({
          head: Type.Optional(
            Type.String({
              maxLength: 1000,
              description: 'a head exported earlier (GET /v1/audit/head as JSON, or SEAL:MAC): also prove the chain still passes through it',
            }),
          ),
        }),
        response: responses({ 200: Verify }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'audit.read');
      const head = (req.query as { head?: string }).head;
      return verifyChain(ctx, req.caller!.tenantId, head === undefined ? undefined : parseHead(head));
    },
  );
  app.get(
    '/audit/head',
    {
      schema: { tags, summary: 'The chain head (newest seal), to export and anchor outside the database', response: responses({ 200: Head }) },
    },
    async (req) => {
      requireAccess(req.caller!, 'audit.read');
      const head = await readHead(ctx.db, req.caller!.tenantId);
      if (!head) throw new AppError(404, 'AUDIT_HEAD_NOT_FOUND', 'nothing has been sealed yet');
      return head;
    },
  );
}
