import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, Page, ListQuery, responses } from '../../http/schemas.js';
import { SortQuery } from '../../http/pagination.js';
import { Kind, Template, TemplateInput, TemplatePatch } from './schemas.js';
import * as svc from './service.js';
import { namedRules } from './names.js';
import { changeImpact } from './impact.js';

export function routes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['templates 卡券模板'];
  app.post(
    '/templates',
    { schema: { tags, summary: 'Create a template of any kind', body: TemplateInput, response: responses({ 201: Template }) } },
    async (req, reply) => {
      requireAccess(req.caller!, 'catalog.write');
      return mutate(ctx, req, reply, { action: 'template.create', targetType: 'template', status: 201 }, (q) =>
        svc.createTemplate(q, req.caller!.tenantId, req.body, ctx.clock.now()),
      );
    },
  );
  app.patch(
    '/templates/:id',
    { schema: { tags, summary: 'Change a template', params: Type.Object({ id: Id }), body: TemplatePatch, response: responses({ 200: Template }) } },
    async (req, reply) => {
      requireAccess(req.caller!, 'catalog.write');
      return mutate(ctx, req, reply, { action: 'template.update', targetType: 'template' }, (q) =>
        svc.updateTemplate(q, req.caller!.tenantId, req.params.id, req.body, ctx.clock.now()),
      );
    },
  );
  app.post(
    '/templates/:id/impact',
    {
      schema: {
        tags,
        summary: 'What this change would do to the cards already issued, before it is saved (changes nothing)',
        params: Type.Object({ id: Id }),
        body: TemplatePatch,
        response: responses({
          200: Type.Object({
            batches: Type.Integer({ description: 'batches of this template' }),
            cards_issued: Type.Integer({ description: 'cards its batches have issued' }),
            changes: Type.Array(
              Type.Object({
                field: Type.String({ description: 'name, description, value, validity, status or rules.<key>' }),
                effect: Type.Union([Type.Literal('issued_cards'), Type.Literal('new_cards'), Type.Literal('refused')], {
                  description:
                    'issued_cards: applies to the cards already issued as soon as it is saved; new_cards: only to cards issued from then on; refused: fixed once a batch exists (409 TEMPLATE_IN_USE)',
                }),
              }),
            ),
          }),
        }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'catalog.write');
      return changeImpact(ctx.db, req.caller!.tenantId, req.params.id, req.body);
    },
  );
  app.get(
    '/templates/:id',
    { schema: { tags, summary: 'Get a template', params: Type.Object({ id: Id }), response: responses({ 200: Template }) } },
    async (req) => {
      requireAccess(req.caller!, 'catalog.read');
      const [t] = await namedRules(ctx.db, req.caller!.tenantId, [await svc.getTemplate(ctx.db, req.caller!.tenantId, req.params.id)]);
      return t;
    },
  );
  app.get(
    '/templates',
    {
      schema: {
        tags,
        summary: 'List templates',
        querystring: ListQuery({
          kind: Type.Optional(Kind),
          status: Type.Optional(Type.String({ maxLength: 20 })),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          sort: Type.Optional(SortQuery(svc.TEMPLATE_SORTS)),
        }),
        response: responses({ 200: Page(Template) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'catalog.read');
      const qs = req.query as any;
      const page = await svc.listTemplates(ctx.db, req.caller!.tenantId, {
        limit: qs.limit ?? 50,
        cursor: qs.cursor,
        kind: qs.kind,
        status: qs.status,
        q: qs.q,
        sort: qs.sort,
      });
      return { ...page, data: await namedRules(ctx.db, req.caller!.tenantId, page.data) };
    },
  );
}
