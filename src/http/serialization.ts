import fastJson, { type Schema } from 'fast-json-stringify';
import type { FastifyInstance } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { notCompiled } from './validation.js';

/**
 * Response serializers from Fastify's own library (fast-json-stringify, its default options), compiled
 * when a route first answers with that status, and once per distinct schema in a process. Fastify
 * builds one for every route × status at start-up, and every route answers the same Problem for seven
 * statuses: that repetition was most of an app's start (each test file starts one).
 */
export function installSerialization(app: FastifyInstance, shared: TSchema[]) {
  const externals = Object.fromEntries(shared.map((s) => [s.$id as string, s]));
  const scope = JSON.stringify(externals);
  app.setSerializerCompiler(({ schema }) => {
    const key = `${scope}\0${JSON.stringify(schema)}`;
    const get = () => {
      let serialize = cache.get(key);
      if (!serialize) {
        serialize = fastJson(schema as Schema, { schema: externals as unknown as Record<string, Schema> });
        cache.set(key, serialize);
      }
      return serialize;
    };
    notCompiled.push(get);
    return (doc: unknown) => get()(doc);
  });
}
const cache = new Map<string, (doc: unknown) => string>();
