import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { notFound } from '../../errors.js';
import { Id, responses } from '../../http/schemas.js';
import { ImportResult, MemberTags, Tag, TagCount, TagImport } from './schemas.js';
import { memberTags, memberTable, tagMember, untagMember } from './service.js';
import { importTags, tagCounts } from './tags.js';

/** 标签 for the brand's staff: a member's tags (add, remove, list), the tenant's tags with counts, a CSV import. */
export function tagRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['segments 人群与标签'];
  const exists = async (tenantId: string, memberId: string) => {
    const r = await ctx.db.query(`SELECT 1 FROM ${memberTable()} m WHERE m.tenant_id = $1 AND m.id = $2`, [tenantId, memberId]);
    if (!r.rows.length) throw notFound('member');
  };

  app.get(
    '/tags',
    {
      schema: {
        tags,
        summary: 'The tenant’s tags 标签, most-used first, each with how many members carry it',
        response: responses({ 200: Type.Object({ data: Type.Array(TagCount) }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'segments.read');
      return { data: await tagCounts(ctx.db, req.caller!.tenantId) };
    },
  );

  app.get(
    '/members/:id/tags',
    { schema: { tags, summary: 'A member’s tags', params: Type.Object({ id: Id }), response: responses({ 200: MemberTags }) } },
    async (req) => {
      requireAccess(req.caller!, 'segments.read');
      const t = req.caller!.tenantId;
      await exists(t, req.params.id);
      return { member_id: req.params.id, tags: await memberTags(ctx.db, t, req.params.id) };
    },
  );

  app.post(
    '/members/:id/tags',
    {
      schema: {
        tags,
        summary: 'Tag a member 打标签 (a tag the member already has stays as it was)',
        params: Type.Object({ id: Id }),
        body: Type.Object({ tag: Tag }, { additionalProperties: false }),
        response: responses({ 200: Type.Object({ ...MemberTags.properties, added: Type.Boolean({ description: 'the tag was new' }) }) }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'segments.manage');
      const t = req.caller!.tenantId;
      const m = req.params.id;
      return mutate(ctx, req, reply, { action: 'segment.tag', targetType: 'member' }, async (q) => {
        const added = await tagMember(q, t, m, req.body.tag, { kind: 'operator', id: req.actor ?? `key:${req.caller!.keyId}` }, ctx.clock.now());
        return { id: m, member_id: m, tags: await memberTags(q, t, m), added };
      });
    },
  );

  app.delete(
    '/members/:id/tags/:tag',
    {
      schema: {
        tags,
        summary: 'Take a tag off a member',
        params: Type.Object({ id: Id, tag: Tag }),
        response: responses({ 200: Type.Object({ ...MemberTags.properties, removed: Type.Boolean({ description: 'the member had the tag' }) }) }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'segments.manage');
      const t = req.caller!.tenantId;
      const m = req.params.id;
      await exists(t, m);
      return mutate(ctx, req, reply, { action: 'segment.untag', targetType: 'member' }, async (q) => {
        const removed = await untagMember(q, t, m, req.params.tag);
        return { id: m, member_id: m, tags: await memberTags(q, t, m), removed };
      });
    },
  );

  app.post(
    '/tags/import',
    {
      schema: {
        tags,
        summary: 'Import tags 导入标签 from CSV: `member,tag[,tag…]` a line, members by id, external id or phone',
        description: 'Lines whose member is not found or that carry no good tag are left out and reported by line number, in Chinese.',
        body: TagImport,
        response: responses({ 200: ImportResult }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'segments.manage');
      const t = req.caller!.tenantId;
      return mutate(
        ctx,
        req,
        reply,
        {
          action: 'segment.tag_import',
          targetType: 'tag_import',
          audit: (r) => ({ lines: r.lines, tagged: r.tagged, members: r.members, unmatched: r.unmatched.length }),
        },
        (q) => importTags(q, ctx.keys, t, req.body, ctx.clock.now()),
      );
    },
  );
}
