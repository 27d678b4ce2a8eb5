import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import type { Sql } from '../../db/index.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, ListQuery, Page, responses } from '../../http/schemas.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { Conditions, FieldInfo, MemberRef, Preview, Segment, SegmentCreate, SegmentPatch } from './schemas.js';
import {
  type SegmentRow,
  createSegment,
  deleteSegment,
  getSegment,
  listSegments,
  memberRefs,
  previewConditions,
  segmentViews,
  updateSegment,
} from './manage.js';
import { segmentMembers } from './service.js';
import { segmentConditions } from './point.js';

/** 人群 for the brand's staff: segments with their live counts, a preview before saving, a segment's members, the condition builder's fields. */
export function segmentRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['segments 人群与标签'];
  const one = async (q: Sql, tenantId: string, row: SegmentRow) => (await segmentViews(q, tenantId, [row]))[0]!;

  app.get(
    '/segment-fields',
    {
      schema: {
        tags,
        summary: 'The condition builder’s fields 条件字段: every field a segment’s conditions may name, with its operators and value kinds',
        response: responses({ 200: Type.Object({ data: Type.Array(FieldInfo) }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'segments.read');
      const data = segmentConditions.list().map((f) => ({
        field: f.field,
        label: { zh: f.label[0], en: f.label[1] },
        group: f.group,
        days: !!f.days,
        ops: f.ops.map((o) => ({ op: o.op, label: { zh: o.label[0], en: o.label[1] }, value: o.value, list: !!o.list })),
      }));
      return { data };
    },
  );

  app.get(
    '/segments',
    {
      schema: {
        tags,
        summary: 'Segments 人群, newest first, each with how many members are in it now',
        querystring: ListQuery({}),
        response: responses({ 200: Page(Segment) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'segments.read');
      const t = req.caller!.tenantId;
      const limit = req.query.limit ?? 50;
      const page = pageOf(await listSegments(ctx.db, t, { before: decodeCursor(req.query.cursor), limit: limit + 1 }), limit);
      return { ...page, data: await segmentViews(ctx.db, t, page.data) };
    },
  );

  app.post(
    '/segments/preview',
    {
      schema: {
        tags,
        summary: 'Preview conditions not yet saved 预估人数: how many members match now and the first of them, by name',
        body: Type.Object({ conditions: Conditions }, { additionalProperties: false }),
        response: responses({ 200: Preview }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'segments.read');
      return previewConditions(ctx.db, req.caller!.tenantId, req.body.conditions);
    },
  );

  app.post(
    '/segments',
    {
      schema: {
        tags,
        summary: 'Make a segment: a name and conditions over members (evaluated when asked, never a stored list)',
        body: SegmentCreate,
        response: responses({ 201: Segment }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'segments.manage');
      const t = req.caller!.tenantId;
      return mutate(ctx, req, reply, { action: 'segment.create', targetType: 'segment', status: 201 }, async (q) =>
        one(q, t, await createSegment(q, t, req.body, ctx.clock.now())),
      );
    },
  );

  app.get(
    '/segments/:id',
    { schema: { tags, summary: 'One segment with its live count', params: Type.Object({ id: Id }), response: responses({ 200: Segment }) } },
    async (req) => {
      requireAccess(req.caller!, 'segments.read');
      return one(ctx.db, req.caller!.tenantId, await getSegment(ctx.db, req.caller!.tenantId, req.params.id));
    },
  );

  app.patch(
    '/segments/:id',
    {
      schema: {
        tags,
        summary: 'Change a segment’s name, description or conditions (audiences using it follow at once)',
        params: Type.Object({ id: Id }),
        body: SegmentPatch,
        response: responses({ 200: Segment }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'segments.manage');
      const t = req.caller!.tenantId;
      return mutate(ctx, req, reply, { action: 'segment.update', targetType: 'segment' }, async (q) =>
        one(q, t, await updateSegment(q, t, req.params.id, req.body, ctx.clock.now())),
      );
    },
  );

  app.delete(
    '/segments/:id',
    {
      schema: {
        tags,
        summary: 'Delete a segment: gone from lists; a campaign whose audience it was has nobody in its audience from now on',
        params: Type.Object({ id: Id }),
        response: responses({ 200: Type.Object({ id: Type.String(), name: Type.String(), deleted: Type.Boolean() }) }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'segments.manage');
      const t = req.caller!.tenantId;
      return mutate(ctx, req, reply, { action: 'segment.delete', targetType: 'segment' }, (q) => deleteSegment(q, t, req.params.id, ctx.clock.now()));
    },
  );

  app.get(
    '/segments/:id/members',
    {
      schema: {
        tags,
        summary: 'A segment’s members now 人群成员, by name, a page at a time (member-id order)',
        params: Type.Object({ id: Id }),
        querystring: ListQuery({}),
        response: responses({ 200: Page(MemberRef) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'segments.read');
      const t = req.caller!.tenantId;
      const limit = req.query.limit ?? 50;
      const after = decodeCursor(req.query.cursor) ?? undefined;
      const ids = await segmentMembers(ctx.db, t, req.params.id, { after, limit: limit + 1 });
      const page = pageOf(
        ids.map((id) => ({ id })),
        limit,
      );
      return {
        data: await memberRefs(
          ctx.db,
          t,
          page.data.map((x) => x.id),
        ),
        next_cursor: page.next_cursor,
      };
    },
  );
}
