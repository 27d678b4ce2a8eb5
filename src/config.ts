import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateKeyMaterial, parseAuditKey, parseKeyMaterial, type KeyMaterial } from './secrets.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** PostgreSQL schema to live in (KAQUAN_DB_SCHEMA): several deployments or test runs share one database */
  dbSchema?: string;
  /** connections per process (KAQUAN_DB_POOL): N processes × pool must stay under max_connections */
  dbPoolSize?: number;
  redisUrl?: string;
  /** seed the demo tenant at start: by default only on the embedded database (KAQUAN_DEMO=on|off decides) */
  seedDemo?: boolean;
  bootstrapKey?: string;
  logLevel: string;
  runJobs: boolean;
  /** group concurrent redemptions into one statement (KAQUAN_REDEEM_GROUPS=off to write each alone) */
  redeemGroups?: boolean;
  /** how long a claimed job stays claimed without a lease renewal (KAQUAN_JOB_LEASE_MS): a dead process's jobs resume after it */
  jobLeaseMs?: number;
  /** how long a wholesale fulfilment run holds the units it reserved (KAQUAN_WHOLESALE_RESERVE_MS, default 120000): a dead run's units are taken again after it */
  wholesaleReserveMs?: number;
  /** units per wholesale fulfilment chunk (KAQUAN_WHOLESALE_CHUNK; default 10000 on PostgreSQL, 2000 on PGlite) */
  wholesaleChunk?: number;
  /** let webhooks reach private, loopback and link-local addresses (KAQUAN_WEBHOOK_ALLOW_PRIVATE=on): development and tests only */
  webhookAllowPrivate?: boolean;
  /** let suppliers be reached at private, loopback and link-local addresses (KAQUAN_SUPPLIER_ALLOW_PRIVATE=on): development, tests and the demo's local simulator */
  supplierAllowPrivate?: boolean;
  /** which proxies' X-Forwarded-For to believe for the caller's address (KAQUAN_TRUST_PROXY); none by default */
  trustProxy?: number | string[];
  /** KAQUAN_METRICS_TOKEN: /metrics wants `Authorization: Bearer <it>`; unset, only a local, unproxied scrape is answered */
  metricsToken?: string;
  /** KAQUAN_APNS_URL: where pass updates are pushed (Apple's production gateway by default); `apnsCa` trusts another gateway's certificate (tests) */
  apnsUrl?: string;
  apnsCa?: string;
  keys: KeyMaterial;
  keysSource: 'env' | 'file';
  publicUrl: string;
}

function int(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${v}"`);
  return n;
}

function onOff(name: string, v: string | undefined, dflt: boolean): boolean {
  const s = (v ?? '').trim().toLowerCase();
  if (s === '') return dflt;
  if (['on', '1', 'true', 'yes'].includes(s)) return true;
  if (['off', '0', 'false', 'no'].includes(s)) return false;
  throw new Error(`${name} must be on or off, got "${v}"`);
}

/**
 * KAQUAN_TRUST_PROXY: a number of proxy hops in front of the server, or the proxies' addresses/CIDRs
 * (comma-separated; `loopback`, `linklocal`, `uniquelocal` also work). Sign-in limits count per
 * address, so behind a proxy this must be set, or every person shares the proxy's budget.
 */
function trustProxy(v: string | undefined): number | string[] | undefined {
  if (!v || ['off', '0', 'false', 'no'].includes(v.toLowerCase())) return undefined;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.find((s) => !/^([0-9a-f:.]+(\/\d{1,3})?|loopback|linklocal|uniquelocal)$/i.test(s));
  if (bad) throw new Error(`KAQUAN_TRUST_PROXY must be a hop count or proxy addresses/CIDRs, got "${bad}"`);
  return list;
}

/** Read and checked once at start; a bad value stops the process with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int('PORT', env.PORT, 8080);
  const dataDir = resolve(env.DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL must start with postgres://');
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new Error('REDIS_URL must start with redis:// or rediss://');
  const dbSchema = env.KAQUAN_DB_SCHEMA || undefined;
  if (dbSchema && !/^[a-z_][a-z0-9_]{0,62}$/.test(dbSchema)) throw new Error('KAQUAN_DB_SCHEMA must be a lower-case SQL identifier (a-z, 0-9, _)');
  const bootstrapKey = env.KAQUAN_BOOTSTRAP_KEY || undefined;
  if (bootstrapKey && bootstrapKey.length < 20) throw new Error('KAQUAN_BOOTSTRAP_KEY must be at least 20 characters');
  let keys: KeyMaterial;
  let keysSource: Config['keysSource'] = 'env';
  if (env.KAQUAN_HMAC_KEY || env.KAQUAN_ENC_KEYS) {
    if (!env.KAQUAN_HMAC_KEY || !env.KAQUAN_ENC_KEYS) throw new Error('set both KAQUAN_HMAC_KEY and KAQUAN_ENC_KEYS');
    keys = parseKeyMaterial(env.KAQUAN_HMAC_KEY, env.KAQUAN_ENC_KEYS);
  } else {
    keys = fileKeys(dataDir);
    keysSource = 'file';
  }
  if (env.KAQUAN_AUDIT_KEY) keys = { ...keys, auditKey: parseAuditKey(env.KAQUAN_AUDIT_KEY) };
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl,
    dbSchema,
    dbPoolSize: env.KAQUAN_DB_POOL ? Math.max(1, int('KAQUAN_DB_POOL', env.KAQUAN_DB_POOL, 20)) : undefined,
    redisUrl,
    seedDemo: onOff('KAQUAN_DEMO', env.KAQUAN_DEMO, !databaseUrl),
    bootstrapKey,
    logLevel: env.LOG_LEVEL || 'info',
    runJobs: env.KAQUAN_JOBS !== 'off',
    redeemGroups: env.KAQUAN_REDEEM_GROUPS !== 'off',
    trustProxy: trustProxy(env.KAQUAN_TRUST_PROXY),
    metricsToken: env.KAQUAN_METRICS_TOKEN || undefined,
    apnsUrl: env.KAQUAN_APNS_URL || undefined,
    jobLeaseMs: env.KAQUAN_JOB_LEASE_MS ? Math.max(1_000, int('KAQUAN_JOB_LEASE_MS', env.KAQUAN_JOB_LEASE_MS, 60_000)) : undefined,
    wholesaleReserveMs: env.KAQUAN_WHOLESALE_RESERVE_MS
      ? Math.max(1_000, int('KAQUAN_WHOLESALE_RESERVE_MS', env.KAQUAN_WHOLESALE_RESERVE_MS, 120_000))
      : undefined,
    wholesaleChunk: env.KAQUAN_WHOLESALE_CHUNK ? Math.max(1, int('KAQUAN_WHOLESALE_CHUNK', env.KAQUAN_WHOLESALE_CHUNK, 10_000)) : undefined,
    webhookAllowPrivate: onOff('KAQUAN_WEBHOOK_ALLOW_PRIVATE', env.KAQUAN_WEBHOOK_ALLOW_PRIVATE, false),
    supplierAllowPrivate: onOff('KAQUAN_SUPPLIER_ALLOW_PRIVATE', env.KAQUAN_SUPPLIER_ALLOW_PRIVATE, false),
    keys,
    keysSource,
    publicUrl: env.PUBLIC_URL || `http://localhost:${port}`,
  };
}

/** Embedded/demo only: keys made here once and kept beside the data. Production sets them in env. */
function fileKeys(dataDir: string): KeyMaterial {
  const file = join(dataDir, 'keys.json');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const m = generateKeyMaterial();
    writeFileSync(file, JSON.stringify({ hmac: m.hmacKey.toString('base64'), enc: `1:${m.encKeys[0].key.toString('base64')}` }), { mode: 0o600 });
  }
  const j = JSON.parse(readFileSync(file, 'utf8'));
  return parseKeyMaterial(j.hmac, j.enc);
}
