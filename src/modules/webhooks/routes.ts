import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Deleted, Id, Page, ListQuery, responses } from '../../http/schemas.js';
import { SortQuery } from '../../http/pagination.js';
import { Delivery, DeliveryState, Endpoint, EndpointCreate, EndpointPatch, EndpointWithSecret } from './schemas.js';
import * as endpoints from './endpoints.js';
import * as deliveries from './deliveries.js';
import { eventTypes } from '../../platform/events.js';

const ById = Type.Object({ id: Id });

export function routes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['webhooks'];
  const tenant = (req: { caller?: { tenantId: string } }) => req.caller!.tenantId;

  app.get(
    '/event-types',
    {
      schema: {
        tags,
        summary: 'The event catalogue 事件目录: every type an endpoint may subscribe to, named in Chinese and English',
        response: responses({ 200: Type.Object({ data: Type.Array(Type.Object({ type: Type.String(), zh: Type.String(), en: Type.String() })) }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'catalog.read');
      return { data: eventTypes() };
    },
  );

  app.post(
    '/webhook-endpoints',
    {
      schema: {
        tags,
        summary: 'Create a webhook endpoint (回调地址); the signing secret is shown once',
        body: EndpointCreate,
        response: responses({ 201: EndpointWithSecret }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'catalog.write');
      return mutate(ctx, req, reply, { action: 'webhook_endpoint.create', targetType: 'webhook_endpoint', status: 201 }, (q) =>
        endpoints.createEndpoint(q, ctx.keys, tenant(req), req.body, ctx.clock.now(), { allowPrivate: ctx.config.webhookAllowPrivate }),
      );
    },
  );
  app.get(
    '/webhook-endpoints',
    {
      schema: {
        tags,
        summary: 'List webhook endpoints',
        querystring: ListQuery({ sort: Type.Optional(SortQuery(endpoints.ENDPOINT_SORTS)) }),
        response: responses({ 200: Page(Endpoint) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'reports.read');
      const qs = req.query as { limit?: number; cursor?: string; sort?: string };
      return endpoints.listEndpoints(ctx.db, tenant(req), { limit: qs.limit ?? 50, cursor: qs.cursor, sort: qs.sort });
    },
  );
  app.get(
    '/webhook-endpoints/:id',
    { schema: { tags, summary: 'Get a webhook endpoint', params: ById, response: responses({ 200: Endpoint }) } },
    async (req) => {
      requireAccess(req.caller!, 'reports.read');
      return endpoints.getEndpoint(ctx.db, tenant(req), req.params.id);
    },
  );
  app.patch(
    '/webhook-endpoints/:id',
    {
      schema: {
        tags,
        summary: 'Change a webhook endpoint (active=false pauses it)',
        params: ById,
        body: EndpointPatch,
        response: responses({ 200: Endpoint }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'catalog.write');
      return mutate(ctx, req, reply, { action: 'webhook_endpoint.update', targetType: 'webhook_endpoint' }, (q) =>
        endpoints.updateEndpoint(q, tenant(req), req.params.id, req.body, ctx.clock.now(), { allowPrivate: ctx.config.webhookAllowPrivate }),
      );
    },
  );
  app.delete(
    '/webhook-endpoints/:id',
    {
      schema: { tags, summary: 'Delete a webhook endpoint and its delivery log', params: ById, response: responses({ 200: Deleted }) },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'catalog.write');
      return mutate(ctx, req, reply, { action: 'webhook_endpoint.delete', targetType: 'webhook_endpoint' }, (q) =>
        endpoints.deleteEndpoint(q, tenant(req), req.params.id),
      );
    },
  );
  app.post(
    '/webhook-endpoints/:id/rotate-secret',
    {
      schema: { tags, summary: 'Replace the signing secret (the new one is shown once)', params: ById, response: responses({ 200: EndpointWithSecret }) },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'catalog.write');
      return mutate(ctx, req, reply, { action: 'webhook_endpoint.rotate_secret', targetType: 'webhook_endpoint' }, (q) =>
        endpoints.rotateSecret(q, ctx.keys, tenant(req), req.params.id, ctx.clock.now()),
      );
    },
  );
  app.post(
    '/webhook-endpoints/:id/test',
    {
      schema: { tags, summary: 'Send a test "ping" event to the endpoint', params: ById, response: responses({ 201: Delivery }) },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'catalog.write');
      return mutate(ctx, req, reply, { action: 'webhook_endpoint.test', targetType: 'webhook_delivery', status: 201 }, (q) =>
        deliveries.sendTestEvent(q, tenant(req), req.params.id, ctx.clock.now()),
      );
    },
  );

  app.get(
    '/webhook-endpoints/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'Delivery log of an endpoint, newest first',
        params: ById,
        querystring: ListQuery({ state: Type.Optional(DeliveryState) }),
        response: responses({ 200: Page(Delivery) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'reports.read');
      const qs = req.query as { limit?: number; cursor?: string; state?: deliveries.DeliveryState };
      return deliveries.listDeliveries(ctx.db, tenant(req), req.params.id, { limit: qs.limit ?? 50, cursor: qs.cursor, state: qs.state });
    },
  );
  app.get('/webhook-deliveries/:id', { schema: { tags, summary: 'Get a delivery', params: ById, response: responses({ 200: Delivery }) } }, async (req) => {
    requireAccess(req.caller!, 'reports.read');
    return deliveries.getDelivery(ctx.db, tenant(req), req.params.id);
  });
  app.post(
    '/webhook-deliveries/:id/resend',
    {
      schema: { tags, summary: 'Send a delivery again now (delivered and failed ones too)', params: ById, response: responses({ 200: Delivery }) },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'catalog.write');
      return mutate(ctx, req, reply, { action: 'webhook_delivery.resend', targetType: 'webhook_delivery' }, (q) =>
        deliveries.resendDelivery(q, tenant(req), req.params.id, ctx.clock.now()),
      );
    },
  );
}
