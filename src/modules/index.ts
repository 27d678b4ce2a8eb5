import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../platform/context.js';
import tenants from './tenants/routes.js';
import stores from './stores/routes.js';
import members from './members/routes.js';
import templates from './templates/routes.js';
import batches from './batches/routes.js';
import cards from './cards/routes.js';
import audit from './audit/routes.js';
import webhooks from './webhooks/routes.js';
import operators from './identity/operator-routes.js';
import wallet from './wallet/routes.js';

export interface Module {
  name: string;
  routes(app: FastifyInstance, ctx: Ctx): Promise<void> | void;
}

/** Every domain module, in the order their routes are registered. */
export const modules: Module[] = [tenants, stores, members, templates, batches, cards, audit, webhooks, operators, wallet];
