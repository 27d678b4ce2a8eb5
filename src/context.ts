import { fileURLToPath } from 'node:url';
import { openDb } from './db/index.js';
import { migrate, type MigrationSource } from './db/migrate.js';
import { clock } from './clock.js';
import { keyring } from './secrets.js';
import type { Config } from './config.js';
import type { Ctx } from './platform/context.js';
import { installJobs } from './platform/jobs.js';
import { installEvents } from './platform/events.js';
import { modules } from './modules/index.js';

/** The platform's own tables (idempotency keys, jobs) first, then each module's, in module order. */
export const migrationSources: MigrationSource[] = [
  { module: 'platform', dir: fileURLToPath(new URL('./db/migrations/', import.meta.url)) },
  ...modules.flatMap((m) => (m.migrations ? [{ module: m.name, dir: m.migrations }] : [])),
];

/** Opens the database the config names, migrates it, starts every module and returns the context every module is given. */
export async function createContext(config: Config, opts: { schema?: string; poolSize?: number; loadDataDir?: Blob } = {}): Promise<Ctx> {
  const db = await openDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    loadDataDir: opts.loadDataDir,
    schema: opts.schema ?? config.dbSchema,
    poolSize: opts.poolSize ?? config.dbPoolSize,
  });
  await migrate(db, migrationSources);
  const ctx: Ctx = { db, keys: keyring(config.keys), config, clock };
  for (const m of modules) for (const x of m.extend ?? []) x.install();
  for (const m of modules) await m.start?.(ctx);
  const closeDb = db.close.bind(db);
  db.close = async () => {
    for (const m of [...modules].reverse()) await m.stop?.(ctx);
    await closeDb();
  };
  const subscriberJobs = await installEvents(
    ctx,
    modules.flatMap((m) => (m.events ? [m.events] : [])),
    modules.flatMap((m) => m.subscribers ?? []),
  );
  await installJobs(ctx, [...modules.flatMap((m) => m.jobs ?? []), ...subscriberJobs]);
  return ctx;
}
