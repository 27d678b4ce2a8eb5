import type { Db } from '../db/index.js';
import type { Config } from '../config.js';
import type { Keyring } from '../secrets.js';
import type { clock as Clock } from '../clock.js';
import type { Caller } from '../http/access.js';

/** What every module's service and routes are given: no globals, so tests build their own. */
export interface Ctx {
  db: Db;
  keys: Keyring;
  config: Config;
  clock: typeof Clock;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
    actor?: string;
  }
}
