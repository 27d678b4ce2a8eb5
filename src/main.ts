import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadConfig } from './config.js';
import { verifyInvariants } from './platform/verify.js';
import { modules } from './modules/index.js';
import { provisioningCommand } from './modules/provisioning/cli.js';
import { createContext } from './context.js';
import { buildApp } from './app.js';
import { loggerOptions } from './http/logging.js';
import { compileSchemasNow } from './http/validation.js';
import { startWorker } from './platform/jobs.js';
import { seedDemo, DEMO_TENANT, DEMO_ACCOUNTS } from './seed/demo.js';
import { startDemoSupplier } from './modules/suppliers/demo.js';
import { verifyChain, readHead, parseHead } from './modules/audit/service.js';
import { generateKeyMaterial } from './secrets.js';
import { backupEmbedded, restoreEmbedded } from './platform/backup.js';

const USAGE = `kaquan — 卡券 platform

  kaquan serve [--workers N]   run the HTTP API and the job worker (N processes on one port; N > 1 needs DATABASE_URL)
                               env: PORT, DATABASE_URL, KAQUAN_DB_SCHEMA, KAQUAN_DB_POOL, REDIS_URL, KAQUAN_DEMO=on|off
  kaquan migrate               apply database migrations
  kaquan seed-demo             create the demo tenant (once) and print its owner key
  kaquan audit-verify TENANT [--head HEAD]
                               verify the tenant's sealed audit chain with the audit key (reads only); with
                               HEAD (a line audit-head printed, SEAL:MAC, or @file) also prove the chain
                               still passes through that exported head
  kaquan audit-head TENANT     print the chain head as one JSON line, to keep outside the database
  kaquan verify [TENANT]       check every module's invariants (ledger = cached holdings, account bounds, batch counters, reversals);
                               prints what is broken, exits 1 if anything is
  kaquan tenant create NAME [--id ID] [--time-zone TZ] [--currency CNY]
                               create a tenant and its first owner key (printed once)
  kaquan tenant list | disable ID | enable ID
                               list tenants; a disabled tenant's keys, sessions and wallet links are refused
  kaquan platform-key create NAME | revoke ID
                               keys for the platform-admin API (/v1/platform/…), outside every tenant
  kaquan backup FILE           the embedded database (DATA_DIR) to FILE, gzipped; stop the server first
                               (PostgreSQL: pg_dump, see docs/operations.md)
  kaquan restore FILE          FILE into DATA_DIR, which must be empty; then run kaquan verify
  kaquan gen-keys              print fresh KAQUAN_HMAC_KEY / KAQUAN_ENC_KEYS / KAQUAN_AUDIT_KEY values for production
`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function serve(args: string[]) {
  const config = loadConfig();
  if (config.seedDemo) config.supplierAllowPrivate = true; // the demo's supplier is a local simulator (docs/suppliers.md)
  const workers = Number(flag(args, '--workers') ?? process.env.KAQUAN_WORKERS ?? 1);
  if (!Number.isInteger(workers) || workers < 1) throw new Error('--workers must be a whole number ≥ 1');
  if (workers > 1 && !config.databaseUrl) throw new Error('--workers > 1 needs DATABASE_URL: the embedded PGlite database belongs to one process');
  const engine = config.databaseUrl ? `PostgreSQL${config.dbSchema ? ` (schema ${config.dbSchema})` : ''}` : `PGlite (${config.dataDir})`;

  if (!cluster.isPrimary) {
    await runServer(await createContext(config), config);
    return;
  }
  // migrate (and seed the demo) once, before any process takes traffic
  const ctx = await createContext(config, { poolSize: workers > 1 ? 2 : undefined });
  const demo = config.seedDemo ? await seedDemo(ctx) : null;
  const sim = demo ? await startDemoSupplier(config.dataDir) : null;
  if (sim) console.log(`  Demo supplier simulator 演示供应商模拟器: ${sim.url} (generic protocol, docs/suppliers.md)`);
  if (workers === 1) {
    await runServer(ctx, config);
    banner(config.publicUrl, demo, engine, 1);
    return;
  }
  await ctx.db.close();
  runCluster(workers);
  banner(config.publicUrl, demo, engine, workers);
}

/**
 * N identical processes sharing the port. A worker that dies is replaced; nothing is lost with it,
 * because every effect is in PostgreSQL and every job is leased there. SIGTERM/SIGINT drain the
 * workers (in-flight requests finish) and then exit.
 */
function runCluster(n: number) {
  // The workers accept from the shared socket themselves. Under node:cluster's default round-robin
  // the primary accepts each connection and passes it to a worker over IPC, keeping its own copy
  // until the worker acknowledges it: when the worker dies first, that copy stays open for good and
  // the client waits, neither answered nor reset. Here a connection waits in the kernel's queue until
  // a live worker takes it, and the kernel resets those a dying worker had taken.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  let stopping = false;
  let quickDeaths = 0;
  const fork = () => {
    const w = cluster.fork();
    (w as any).startedAt = Date.now();
  };
  for (let i = 0; i < n; i++) fork();
  cluster.on('exit', (w, code, signal) => {
    if (stopping || w.exitedAfterDisconnect) return;
    console.error(`worker ${w.process.pid} died (${signal ?? `exit ${code}`}); starting another`);
    // a worker that cannot even start (bad config, database down) is retried with a growing pause
    quickDeaths = Date.now() - (w as any).startedAt < 5_000 ? quickDeaths + 1 : 0;
    setTimeout(fork, Math.min(30_000, quickDeaths ** 2 * 250));
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter(Boolean);
    if (!alive.length) process.exit(0);
    let left = alive.length;
    for (const w of alive) {
      w!.once('exit', () => --left === 0 && process.exit(0));
      w!.process.kill('SIGTERM');
    }
    setTimeout(() => process.exit(1), 30_000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function runServer(ctx: Awaited<ReturnType<typeof createContext>>, config: ReturnType<typeof loadConfig>) {
  const app = await buildApp(ctx, { logger: loggerOptions(config.logLevel) });
  let stopping = false;
  // Once stopping, each answer closes its connection. Idle keep-alive connections are closed when
  // the drain starts; without this, one busy then would stay open after its answer, holding the
  // drain up (72 s) with its client on a process about to exit.
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (stopping) reply.header('connection', 'close');
    done(null, payload);
  });
  await app.ready();
  compileSchemasNow(); // a server pays for its schemas at start, not at each route's first request
  await app.listen({ port: config.port, host: config.host });
  const stopJobs = config.runJobs ? startWorker(ctx) : async () => {};
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await app.close(); // stop taking requests; let those in flight finish
      await stopJobs();
      await ctx.db.close();
    } finally {
      process.exit(0);
    }
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

function banner(url: string, demo: Awaited<ReturnType<typeof seedDemo>> | null, engine: string, workers: number) {
  console.log(`
  Kaquan 卡券 is running on ${engine}, ${workers} process${workers > 1 ? 'es' : ''}
    API            ${url}/v1
    API docs       ${url}/docs        (OpenAPI: ${url}/openapi.json)
    Console 运营后台 ${url}/console
    Clerk 店员核销   ${url}/clerk
    Partner 渠道商门户 ${url}/partner
    Wallet 会员钱包  ${url}/wallet     (open it with a link from POST /v1/members/{id}/wallet-link)`);
  if (demo)
    console.log(`  Demo tenant "${DEMO_TENANT}"${demo.seeded ? ' (just seeded)' : ''}: owner API key
    ${demo.ownerKey}
  try: curl -H "Authorization: Bearer ${demo.ownerKey}" ${url}/v1/templates
${
  demo.accounts
    ? `  Demo sign-ins (tenant "${DEMO_TENANT}"), shown this once — keep them: ${demo.accounts.map((a) => `${a.username} / ${a.password} (${a.role})`).join(', ')}`
    : `  Demo sign-ins (tenant "${DEMO_TENANT}"): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}; their passwords were shown when the demo was seeded (an owner key can set new ones: POST /v1/operators/{id}/password)`
}
`);
}

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  switch (cmd) {
    case 'serve':
      return serve(args);
    case 'migrate': {
      const ctx = await createContext(loadConfig(), { poolSize: 1 });
      console.log('migrations applied');
      return ctx.db.close();
    }
    case 'seed-demo': {
      const ctx = await createContext(loadConfig(), { poolSize: 2 });
      const { ownerKey, seeded, accounts } = await seedDemo(ctx);
      console.log(seeded ? 'demo tenant seeded' : 'demo tenant already there', `\nowner key: ${ownerKey}`);
      for (const a of accounts ?? []) console.log(`sign-in ${a.username} / ${a.password} (${a.role}) — shown this once`);
      return ctx.db.close();
    }
    case 'audit-verify': {
      if (!args[0] || args[0].startsWith('--')) throw new Error('usage: kaquan audit-verify TENANT_ID [--head HEAD]');
      const given = flag(args, '--head');
      const anchor = given === undefined ? undefined : parseHead(given.startsWith('@') ? readFileSync(given.slice(1), 'utf8') : given);
      const ctx = await createContext(loadConfig(), { poolSize: 2 });
      try {
        const r = await verifyChain(ctx, args[0], anchor);
        console.log(JSON.stringify(r, null, 2));
        process.exitCode = r.ok ? 0 : 1;
      } finally {
        await ctx.db.close();
      }
      return;
    }
    case 'audit-head': {
      if (!args[0]) throw new Error('usage: kaquan audit-head TENANT_ID');
      const ctx = await createContext(loadConfig(), { poolSize: 2 });
      try {
        const head = await readHead(ctx.db, args[0]);
        if (!head) throw new Error(`nothing has been sealed yet for tenant ${args[0]}`);
        console.log(JSON.stringify(head));
      } finally {
        await ctx.db.close();
      }
      return;
    }
    case 'verify': {
      const ctx = await createContext(loadConfig(), { poolSize: 2 });
      try {
        const broken = await verifyInvariants(ctx.db, modules, args[0]);
        console.log(JSON.stringify({ ok: broken.length === 0, broken }, null, 2));
        process.exitCode = broken.length ? 1 : 0;
      } finally {
        await ctx.db.close();
      }
      return;
    }
    case 'tenant':
    case 'platform-key': {
      const ctx = await createContext(loadConfig(), { poolSize: 2 });
      try {
        console.log(JSON.stringify(await provisioningCommand(ctx, cmd, args), null, 2));
      } finally {
        await ctx.db.close();
      }
      return;
    }
    case 'backup':
    case 'restore': {
      const config = loadConfig();
      if (config.databaseUrl) throw new Error(`${cmd} is for the embedded database; for PostgreSQL use pg_dump / pg_restore (docs/operations.md)`);
      if (!args[0]) throw new Error(`usage: kaquan ${cmd} FILE`);
      if (cmd === 'backup') console.log(JSON.stringify({ file: args[0], ...(await backupEmbedded(config.dataDir, args[0])) }));
      else {
        await restoreEmbedded(args[0], config.dataDir);
        console.log(JSON.stringify({ restored: config.dataDir }));
      }
      return;
    }
    case 'gen-keys': {
      const m = generateKeyMaterial();
      console.log(`KAQUAN_HMAC_KEY=${m.hmacKey.toString('base64')}\nKAQUAN_ENC_KEYS=1:${m.encKeys[0].key.toString('base64')}`);
      console.log(`KAQUAN_AUDIT_KEY=${randomBytes(32).toString('base64')}`);
      return;
    }
    default:
      console.log(USAGE);
      process.exitCode = cmd ? 2 : 0;
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
