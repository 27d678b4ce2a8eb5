import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from './context.js';
import type { Sql } from '../db/index.js';
import type { Handler } from './jobs.js';
import type { EventNames, Subscriber } from './events.js';
import type { Extension } from './extensions.js';

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
  /** routes outside /v1 without sign-in, each proving itself: a delivery's /d/<token> page, a supplier's signed callback */
  rootRoutes?: (app: FastifyInstance, ctx: Ctx) => void | Promise<void>;
  jobs?: JobDef[];
  /** its event catalogue, `<area>.<what>` → [zh, en] (src/platform/events.ts) */
  events?: EventNames;
  /** in-process subscribers to the event log: ordered, durable, each its own cursor */
  subscribers?: Subscriber[];
  /** values it plugs into other modules' extension points (e.g. a redemption guard) */
  extend?: Extension[];
  /** what must always hold of its tables: checked after every test's server closes and by `kaquan verify` */
  invariants?: Invariant[];
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

export interface Invariant {
  name: string;
  /** the rule, for the person reading a failed check */
  says: string;
  /** the rows that break it (none while it holds), of one tenant or of all */
  violations: (q: Sql, tenantId?: string) => Promise<unknown[]>;
}

export const defineModule = (m: ModuleDef): ModuleDef => m;

/** The migrations folder beside a module's index.ts: `migrationsOf(import.meta.url)`. */
export const migrationsOf = (moduleUrl: string) => fileURLToPath(new URL('./migrations/', moduleUrl));
