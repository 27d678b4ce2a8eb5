import { randomBytes } from 'node:crypto';
import { generateKeyMaterial } from '../src/secrets.js';
import { createContext } from '../src/context.js';
import { emit, startServer } from './lib.js';
import { memberSearch, seedMembers } from './members.js';
const keys = generateKeyMaterial();
const databaseUrl = 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_${randomBytes(4).toString('hex')}`;
const n = Number(process.argv[2] ?? 5000);
const ctx = await createContext(
  { port: 0, host: '127.0.0.1', dataDir: '', logLevel: 'silent', runJobs: false, keys, keysSource: 'env', publicUrl: 'x', databaseUrl, dbSchema: schema },
  { poolSize: 2 },
);
const t = await seedMembers(ctx, n);
const server = await startServer({
  DATABASE_URL: databaseUrl,
  KAQUAN_DB_SCHEMA: schema,
  KAQUAN_HMAC_KEY: keys.hmacKey.toString('base64'),
  KAQUAN_ENC_KEYS: `1:${keys.encKeys[0].key.toString('base64')}`,
});
try {
  await memberSearch(server.port, t, 100, emit, 'postgres');
} finally {
  await server.stop();
  await ctx.db.query(`DROP SCHEMA ${schema} CASCADE`);
  await ctx.db.close();
}
