import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../config.js';
import { createContext } from '../../context.js';
import { migratedPglite } from '../../testing/harness.js';
import { MAIN } from '../../testing/main-cmd.js';
import { appendAudit, sealAll } from './service.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** `kaquan <args>` on an embedded database folder (the CLI as an operator runs it), whatever DATABASE_URL the test run has. */
function kaquan(dataDir: string, args: string[], extra: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const { NODE_TEST_CONTEXT: _, DATABASE_URL: _d, REDIS_URL: _r, KAQUAN_AUDIT_KEY: _k, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--liftoff-only', ...MAIN, ...args],
      { cwd: root, env: { ...inherited, DATA_DIR: dataDir, KAQUAN_DEMO: 'off', ...extra } },
      (e, out, err) => resolve({ code: e ? Number((e as any).code ?? 1) : 0, out, err }),
    );
  });
}

test('audit-head prints the head as one JSON line that audit-verify --head accepts; a rewrite before it is caught', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaquan-audit-'));
  const tenantId = 'cli-tenant';
  const config = loadConfig({ DATA_DIR: dir, KAQUAN_DEMO: 'off' });
  const open = (loadDataDir?: Blob) => createContext(config, { poolSize: 1, loadDataDir });
  try {
    let ctx = await open(await migratedPglite()); // the folder starts as the tests' migrated copy
    for (const action of ['store.create', 'store.update', 'store.delete'])
      await appendAudit(ctx.db, { tenantId, actor: 'key:k1', action, at: ctx.clock.now() });
    await sealAll(ctx);
    await ctx.db.close();

    const head = await kaquan(dir, ['audit-head', tenantId]);
    assert.equal(head.code, 0, head.err);
    const line = head.out.trim();
    assert.equal(line.split('\n').length, 1);
    assert.deepEqual(Object.keys(JSON.parse(line)), ['tenant_id', 'seal', 'mac', 'entries', 'sealed_at']);
    const anchor = join(dir, 'head.json');
    writeFileSync(anchor, line);
    const ok = await kaquan(dir, ['audit-verify', tenantId, '--head', line]);
    assert.equal(ok.code, 0, ok.out + ok.err);
    assert.equal(JSON.parse(ok.out).ok, true);

    const otherKey = await kaquan(dir, ['audit-verify', tenantId], { KAQUAN_AUDIT_KEY: randomBytes(32).toString('base64') });
    assert.equal(otherKey.code, 1, 'a chain sealed under another key does not verify');

    // rewrite: drop the first entry and every seal, let the sealer build a fresh chain
    ctx = await open();
    await ctx.db.query(`DELETE FROM audit_entries WHERE tenant_id = $1 AND action = 'store.create'`, [tenantId]);
    await ctx.db.query(`DELETE FROM audit_seals WHERE tenant_id = $1`, [tenantId]);
    await sealAll(ctx);
    await ctx.db.close();
    const broken = await kaquan(dir, ['audit-verify', tenantId, '--head', `@${anchor}`]);
    assert.equal(broken.code, 1);
    assert.match(JSON.parse(broken.out).reason, /no longer passes through the exported head/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
