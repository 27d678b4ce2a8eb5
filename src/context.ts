import { openDb } from './db/index.js';
import { migrate } from './db/migrate.js';
import { clock } from './clock.js';
import { keyring } from './secrets.js';
import type { Config } from './config.js';
import type { Ctx } from './platform/context.js';
import { installJobs } from './jobs/index.js';
import { closeGuard, openGuard } from './modules/risk/guard.js';
import { backfillUsernameKeys } from './modules/identity/username.js';

/** Opens the database the config names, migrates it and returns the context every module is given. */
export async function createContext(config: Config, opts: { schema?: string; poolSize?: number } = {}): Promise<Ctx> {
  const db = await openDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    schema: opts.schema ?? config.dbSchema,
    poolSize: opts.poolSize ?? config.dbPoolSize,
  });
  await migrate(db);
  await backfillUsernameKeys(db); // usernames are keyed in JS (migration 015)
  // the code-guessing guard's counters: in Redis when configured, else in this database; closed with it
  openGuard(db, config.redisUrl);
  const closeDb = db.close.bind(db);
  db.close = async () => {
    await closeGuard(db);
    await closeDb();
  };
  const ctx: Ctx = { db, keys: keyring(config.keys), config, clock };
  await installJobs(ctx);
  return ctx;
}
