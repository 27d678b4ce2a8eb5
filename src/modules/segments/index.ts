import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { defineModule, migrationsOf } from '../../platform/module.js';
import { nameResolvers } from '../../platform/names.js';
import { tagField } from './tag-field.js';
import { segmentRoutes } from './routes.js';
import { tagRoutes } from './tag-routes.js';
import { segmentNames } from './service.js';

/**
 * segments 人群与标签: members' tags and named segments of members by conditions over what other
 * modules own (each plugs its conditions into `segmentConditions`, point.ts), evaluated in SQL when
 * asked (docs/growth.md "Segments and tags").
 */
export default defineModule({
  name: 'segments',
  migrations: migrationsOf(import.meta.url),
  routes: (app: FastifyInstance, ctx: Ctx) => {
    segmentRoutes(app, ctx);
    tagRoutes(app, ctx);
  },
  extend: [tagField, nameResolvers.with({ prefixes: ['seg_'], names: segmentNames })],
});
