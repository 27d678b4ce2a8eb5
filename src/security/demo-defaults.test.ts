import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config.js';

/**
 * A fresh deployment on PostgreSQL must not come with a known sign-in: the demo tenant is seeded by
 * default only on the embedded database (a laptop trying Kaquan), and on PostgreSQL only when asked.
 */
test('the demo tenant is seeded by default on the embedded database only', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kq-demo-'));
  try {
    assert.equal(loadConfig({ DATA_DIR: dir }).seedDemo, true, 'npm start on PGlite: the demo');
    assert.equal(loadConfig({ DATA_DIR: dir, DATABASE_URL: 'postgres://db/kaquan' }).seedDemo, false, 'PostgreSQL: no demo by default');
    assert.equal(loadConfig({ DATA_DIR: dir, DATABASE_URL: 'postgres://db/kaquan', KAQUAN_DEMO: 'on' }).seedDemo, true);
    assert.equal(loadConfig({ DATA_DIR: dir, KAQUAN_DEMO: 'off' }).seedDemo, false);
    assert.throws(() => loadConfig({ DATA_DIR: dir, KAQUAN_DEMO: 'maybe' }), /KAQUAN_DEMO/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
