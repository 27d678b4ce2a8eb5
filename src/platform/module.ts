import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from './context.js';
import type { Handler } from './jobs.js';

/**
 * A module 模块 is one glossary area: it owns its tables (its `migrations` folder), its service
 * functions, its routes, its jobs. This definition (each module's `index.ts` default export) is its
 * only plug: src/modules/index.ts lists the modules, and the app, the migrator and the job worker
 * read everything from these definitions. How to add one: docs/architecture.md.
 */
export interface ModuleDef {
  name: string;
  /** folder of `NNN_what.sql` files; NNN orders migrations across every module */
  migrations?: string;
  routes?: (app: FastifyInstance, ctx: Ctx) => void | Promise<void>;
  jobs?: JobDef[];
  /** runs once per process after migrations (open a connection, backfill what SQL cannot compute) */
  start?: (ctx: Ctx) => unknown;
  /** runs when the process closes its database */
  stop?: (ctx: Ctx) => unknown;
}

export interface JobDef {
  type: string;
  run: Handler;
  /** a recurring sweep: one row (enqueued at start), run again this many ms after each run unless it returns `{ again }` */
  every?: number;
  /** attempts before a job fails for good (recurring sweeps: consecutive failures) */
  maxAttempts?: number;
}

export const defineModule = (m: ModuleDef): ModuleDef => m;

/** The migrations folder beside a module's index.ts: `migrationsOf(import.meta.url)`. */
export const migrationsOf = (moduleUrl: string) => fileURLToPath(new URL('./migrations/', moduleUrl));
